// The hostile-payload fixture and the `hostile` seed: the default account with text that attacks a terminal
// planted in every string field the service could return it in, so every view and subcommand can be checked
// against it (test/e2e/hostile-*.test.ts). Each payload starts with a tag (CLIP, WIPE …) so a test can find
// it, or its placeholder form, in raw output.
//
// The service's own patterns (sms-voice model) say where a character can be: a field whose pattern forbids it
// is left out, because the real service could not return it either:
// - names and ids used as input elsewhere (configuration set, event destination, opt-out list, sender ID, pool
//   and number ids, the ARNs of the service's own resources, protect configuration ids): [A-Za-z0-9_:/-]+;
// - phone numbers (E.164), country codes ([A-Z]{2}), enums (status, message type, capabilities, actions);
// - keywords ([ \S]+, at most 30): no line breaks, short payloads only;
// - tag keys and values (.+ / .*): no line breaks;
// - the ARNs a destination or a two-way channel points to (arn:\S+, \S+): no whitespace, no line breaks;
// - CloudWatch Logs group names ([.\-_/#A-Za-z0-9]+): none; stream names ([^:*]*): every payload without : or *.
// Free text takes everything: keyword messages, the monthly leasing price and the account tier (String), log
// events (anyone allowed to write to the group writes what they like), and what STS answers (the header's
// account) and an error's Message (admin action failNext), which a hostile endpoint controls.
import type {EventDestinationRec, RegionState, Tag} from './model.js';
import type {Svc} from './state.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** One payload per way text has attacked a terminal. */
export const HOSTILE = {
	/** OSC 52: writes "echo pwned" to the clipboard; a later paste runs it. */
	osc52: `CLIP\x1b]52;c;${base64('echo pwned')}\x07`,
	/** ESC [2J: erases the screen. */
	clear: 'WIPE\x1b[2J',
	/** ESC [6n: asks where the cursor is; the terminal types the answer back as if it were keys. */
	dsr: 'ASK\x1b[6n',
	/** OSC 0: sets the window title. */
	title: 'TITLE\x1b]0;PWNED\x07',
	/** C1 CSI (U+009B, 8-bit): blink, red. */
	c1csi: 'C1\u009b5;31m',
	/** SGR: blink red, then back. */
	sgr: 'RED\x1b[5;31mRED\x1b[25;39m',
	/** OSC 8: a link whose text hides where it goes. */
	osc8: 'LINK\x1b]8;;https://evil.example/\x1b\\CLICK\x1b]8;;\x1b\\',
	/** U+202E: right-to-left override; what follows reads backwards ("txt.exe" shows as "exe.txt"). */
	rlo: 'RLO\u202etxt.exe',
	/** Line breaks inside a value: LF, CR and U+2028, each followed by text that would start a row. */
	lineBreaks: 'LB\nFORGED-LF\rFORGED-CR\u2028FORGED-LS',
	/** A line that reads like a tail line: a message that was delivered looks blocked. */
	fakeLine: '\n2026-01-01T00:00:00.000Z  TEXT_BLOCKED  BLOCKED  final  +14255550100  +12065550100  US  1  $0.00581  FORGED-ROW',
} as const;

export type HostileKind = keyof typeof HOSTILE;

const kinds = Object.keys(HOSTILE) as HostileKind[];
const join = (list: readonly HostileKind[], separator = ' ') => list.map(k => HOSTILE[k]).join(separator);
const LINE_BREAK_KINDS: readonly HostileKind[] = ['lineBreaks', 'fakeLine'];

/** Every payload, space-separated: for free-text fields. */
export const HOSTILE_ALL = join(kinds);
/** Every payload without a line break (tag values, a destination's ARN …), with no whitespace between them. */
export const HOSTILE_ONE_LINE = join(
	kinds.filter(k => !LINE_BREAK_KINDS.includes(k)),
	'',
);
/** What a log stream name can hold ([^:*]*): every payload without ':' or '*'. */
export const HOSTILE_STREAM = join(
	kinds.filter(k => !/[:*]/.test(HOSTILE[k])),
	' ',
);

/** Keywords (at most 30 characters, no line breaks): one per payload that fits. */
export const HOSTILE_KEYWORDS: readonly string[] = [
	HOSTILE.osc52,
	HOSTILE.clear + HOSTILE.dsr,
	HOSTILE.title,
	HOSTILE.c1csi + HOSTILE.sgr,
	'LINK\x1b]8;;http://x.io\x07L\x1b]8;;\x07',
	HOSTILE.rlo,
];

/** The configuration set whose destinations point at hostile ARNs (tailing it fails: no such log group). */
export const HOSTILE_DESTINATIONS_SET = 'hostile-destinations';
/** The configuration set whose CloudWatch Logs group holds the hostile log events. */
export const HOSTILE_EVENTS_SET = 'hostile-events';
export const HOSTILE_LOG_GROUP = 'sms-hostile-events';
/** The stream the hostile log events are in. */
export const HOSTILE_LOG_STREAM = `sms-voice/${HOSTILE_EVENTS_SET}/${HOSTILE_STREAM}`;

/** An event record (guide §7.2) with the payload in every string field, and in a context key and value. */
function hostileRecord(kind: HostileKind, at: number): Record<string, unknown> {
	const p = HOSTILE[kind];
	return {
		eventType: 'TEXT_DELIVERED',
		eventVersion: '1.0',
		eventTimestamp: at,
		isFinal: true,
		originationPhoneNumber: `+12065550100${p}`,
		destinationPhoneNumber: `+14255550100${p}`,
		isoCountryCode: `US${p}`,
		messageId: `hostile-${kind}-${p}`,
		messageRequestTimestamp: at - 500,
		messageEncoding: `GSM${p}`,
		messageType: `TRANSACTIONAL${p}`,
		messageStatus: 'DELIVERED',
		messageStatusDescription: p,
		context: {[`key${p}`]: p},
		messageBody: p,
		totalMessageParts: 1,
		totalMessagePrice: 0.00581,
		totalCarrierFee: 0.003,
	};
}

/** The hostile log events, one second apart and ending a second before `now`: one record per payload, then the odd ones. */
export function hostileLogEvents(now: number): {timestamp: number; message: string}[] {
	const makers: ((at: number) => string)[] = [
		...kinds.map(kind => (at: number) => JSON.stringify(hostileRecord(kind, at))),
		// Event type and status from the wire.
		at => JSON.stringify({...hostileRecord('fakeLine', at), eventType: `TEXT_BLOCKED${HOSTILE.fakeLine}`, messageStatus: HOSTILE_ALL, messageId: 'hostile-status'}),
		// Not JSON: shown as a raw line.
		() => `START ${HOSTILE_ALL}`,
		() => `ok${HOSTILE.fakeLine}`,
		// JSON that is no event, with a hostile key.
		() => JSON.stringify({note: HOSTILE_ALL, [HOSTILE_ONE_LINE]: 1}),
	];
	return makers.map((make, i) => {
		const timestamp = now - (makers.length - i) * 1000;
		return {timestamp, message: make(timestamp)};
	});
}

/** Number of hostile log events (hostileLogEvents). */
export const HOSTILE_LOG_EVENT_COUNT = hostileLogEvents(0).length;

/** What GetCallerIdentity answers with the hostile seed (the header's account, `smsdeck account`). */
export function hostileIdentity(accountId: string): {account: string; arn: string; userId: string} {
	return {account: `${accountId}${HOSTILE_ALL}`, arn: `arn:aws:iam::${accountId}:user/${HOSTILE_ALL}`, userId: `AIDA${HOSTILE_ONE_LINE}`};
}

const hostileTag = (): Tag => ({Key: `evil${HOSTILE_ONE_LINE}`.slice(0, 128), Value: HOSTILE_ONE_LINE.slice(0, 256)});

/** An ARN of another service (arn:\S+): the payloads without whitespace or line breaks. */
function foreignArn(rs: RegionState, accountId: string, service: string, resource: string): string {
	return `arn:aws:${service}:${rs.region}:${accountId}:${resource}${HOSTILE_ONE_LINE}`;
}

const roleArn = (accountId: string, name: string) => `arn:aws:iam::${accountId}:role/${name}${HOSTILE_ONE_LINE}`;

/** Every ARN of a destination but a CloudWatch Logs group's (that one is what the tail reads). */
function poisonDestination(d: EventDestinationRec, rs: RegionState, accountId: string): void {
	if (d.cloudWatchLogs) d.cloudWatchLogs.IamRoleArn = roleArn(accountId, 'SMSVoiceCWLRole');
	if (d.firehose) d.firehose = {IamRoleArn: roleArn(accountId, 'SMSVoiceFirehoseRole'), DeliveryStreamArn: foreignArn(rs, accountId, 'firehose', 'deliverystream/sms-events')};
	if (d.sns) d.sns = {TopicArn: foreignArn(rs, accountId, 'sns', 'sms-failures')};
}

/**
 * Plants the payloads into a seeded account (applySeed runs the default seed first): every region's tier, the
 * tags of every resource, hostile keywords and two-way channels on every number and pool, leasing prices,
 * destination ARNs, two configuration sets of its own in us-east-1 with hostile log events, and the STS identity.
 */
export function plantHostile(svc: Svc, now: number): void {
	const accountId = svc.world.accountId;
	for (const rs of Object.values(svc.root.regions)) {
		rs.accountTier = `${rs.accountTier}${HOSTILE_ALL}`;
		const tagged = [...Object.values(rs.phoneNumbers), ...Object.values(rs.senderIds), ...Object.values(rs.pools), ...Object.values(rs.configSets), ...Object.values(rs.optOutLists), ...Object.values(rs.verified), ...Object.values(rs.protect)];
		for (const r of tagged) r.tags.push(hostileTag());
		// Registrations and protect configurations: names (Name tags), field values, denial reasons and feedback.
		for (const r of [...Object.values(rs.registrations ?? {}), ...Object.values(rs.protect)]) {
			const name = r.tags.find(t => t.Key === 'Name');
			if (name) name.Value = `${name.Value}${HOSTILE_ONE_LINE}`.slice(0, 256);
		}
		for (const reg of Object.values(rs.registrations ?? {})) {
			for (const version of reg.versions) {
				for (const value of Object.values(version.fields)) {
					if (value.textValue !== undefined) value.textValue = `${value.textValue}${HOSTILE_ALL}`;
					if (value.deniedReason !== undefined) value.deniedReason = `${value.deniedReason}${HOSTILE_ALL}`;
				}
				for (const reason of version.deniedReasons ?? []) reason.ShortDescription = `${reason.ShortDescription}${HOSTILE_ALL}`;
				if (version.feedback !== undefined) version.feedback = `${version.feedback}${HOSTILE_ALL}`;
			}
		}
		const keywords = HOSTILE_KEYWORDS.map(keyword => ({keyword, message: HOSTILE_ALL, action: 'AUTOMATIC_RESPONSE' as const}));
		for (const owner of [...Object.values(rs.phoneNumbers), ...Object.values(rs.pools)]) {
			owner.keywords.push(...keywords.map(k => ({...k})));
			owner.twoWayEnabled = true;
			owner.twoWayChannelArn = foreignArn(rs, accountId, 'sns', 'sms-inbound');
			owner.twoWayChannelRole = roleArn(accountId, 'TwoWay');
		}
		for (const r of [...Object.values(rs.phoneNumbers), ...Object.values(rs.senderIds)]) r.monthlyLeasingPrice = `${r.monthlyLeasingPrice}${HOSTILE_ALL}`;
		for (const cs of Object.values(rs.configSets)) for (const d of cs.eventDestinations) poisonDestination(d, rs, accountId);
	}
	const rs = svc.region('us-east-1');
	const logGroupArn = (name: string) => `arn:aws:logs:us-east-1:${accountId}:log-group:${name}`;
	rs.configSets[HOSTILE_DESTINATIONS_SET] = {
		name: HOSTILE_DESTINATIONS_SET,
		arn: svc.arn(rs, `configuration-set/${HOSTILE_DESTINATIONS_SET}`),
		created: now,
		eventDestinations: [
			// A log group name cannot hold the payloads, but the ARN the service returns can.
			{name: 'hostile-cwl', enabled: true, matchingEventTypes: ['ALL'], cloudWatchLogs: {IamRoleArn: roleArn(accountId, 'SMSVoiceCWLRole'), LogGroupArn: logGroupArn(`x${HOSTILE_ONE_LINE}`)}},
			{name: 'hostile-firehose', enabled: true, matchingEventTypes: ['ALL'], firehose: {IamRoleArn: roleArn(accountId, 'SMSVoiceFirehoseRole'), DeliveryStreamArn: foreignArn(rs, accountId, 'firehose', 'deliverystream/sms-events')}},
			{name: 'hostile-sns', enabled: false, matchingEventTypes: ['TEXT_ALL'], sns: {TopicArn: foreignArn(rs, accountId, 'sns', 'sms-failures')}},
		],
		tags: [hostileTag()],
	};
	svc.world.logs.ensureLogGroup('us-east-1', HOSTILE_LOG_GROUP);
	rs.configSets[HOSTILE_EVENTS_SET] = {
		name: HOSTILE_EVENTS_SET,
		arn: svc.arn(rs, `configuration-set/${HOSTILE_EVENTS_SET}`),
		created: now,
		eventDestinations: [{name: 'hostile-events-cwl', enabled: true, matchingEventTypes: ['ALL'], cloudWatchLogs: {IamRoleArn: roleArn(accountId, 'SMSVoiceCWLRole'), LogGroupArn: logGroupArn(HOSTILE_LOG_GROUP)}}],
		tags: [hostileTag()],
	};
	svc.world.logs.appendEvents('us-east-1', HOSTILE_LOG_GROUP, HOSTILE_LOG_STREAM, hostileLogEvents(now));
	svc.world.callerIdentity = hostileIdentity(accountId);
}
