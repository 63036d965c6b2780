// Configuration sets and event destinations: the names, ARNs and event types the service accepts, checked before
// anything is staged or sent (limits from the pinpoint-sms-voice-v2 and logs models). Pure, no I/O.

/** The model's EventType enum, in its order (a unit test holds it to the emulator's copy of the model). */
export const EVENT_TYPES = [
	'ALL',
	'TEXT_ALL', 'TEXT_SENT', 'TEXT_PENDING', 'TEXT_QUEUED', 'TEXT_SUCCESSFUL', 'TEXT_DELIVERED', 'TEXT_INVALID', 'TEXT_INVALID_MESSAGE',
	'TEXT_UNREACHABLE', 'TEXT_CARRIER_UNREACHABLE', 'TEXT_BLOCKED', 'TEXT_CARRIER_BLOCKED', 'TEXT_SPAM', 'TEXT_UNKNOWN', 'TEXT_TTL_EXPIRED',
	'TEXT_PROTECT_BLOCKED',
	'VOICE_ALL', 'VOICE_INITIATED', 'VOICE_RINGING', 'VOICE_ANSWERED', 'VOICE_COMPLETED', 'VOICE_BUSY', 'VOICE_NO_ANSWER', 'VOICE_FAILED',
	'VOICE_TTL_EXPIRED',
	'MEDIA_ALL', 'MEDIA_PENDING', 'MEDIA_QUEUED', 'MEDIA_SUCCESSFUL', 'MEDIA_DELIVERED', 'MEDIA_INVALID', 'MEDIA_INVALID_MESSAGE',
	'MEDIA_UNREACHABLE', 'MEDIA_CARRIER_UNREACHABLE', 'MEDIA_BLOCKED', 'MEDIA_CARRIER_BLOCKED', 'MEDIA_SPAM', 'MEDIA_UNKNOWN',
	'MEDIA_TTL_EXPIRED', 'MEDIA_FILE_INACCESSIBLE', 'MEDIA_FILE_TYPE_UNSUPPORTED', 'MEDIA_FILE_SIZE_EXCEEDED',
	'RCS_ALL', 'RCS_QUEUED', 'RCS_SENT', 'RCS_DELIVERED', 'RCS_READ', 'RCS_FAILED', 'RCS_TTL_EXPIRED', 'RCS_PROTECT_BLOCKED',
	'RCS_FALLEN_BACK_TO_SMS',
] as const;

/** The picker's order: the "all" choices first, then each type. */
export const EVENT_TYPE_CHOICES: readonly string[] = [...EVENT_TYPES.filter(t => t.endsWith('ALL')), ...EVENT_TYPES.filter(t => !t.endsWith('ALL'))];

export type DestinationKind = 'cloudwatch-logs' | 'firehose' | 'sns';
export const DESTINATION_KINDS: readonly DestinationKind[] = ['cloudwatch-logs', 'firehose', 'sns'];
export const KIND_LABEL: Record<DestinationKind, string> = {'cloudwatch-logs': 'CloudWatch Logs', firehose: 'Firehose', sns: 'SNS'};

/** Up to 5 event destinations per configuration set (guide §3.9, not increasable). */
export const MAX_DESTINATIONS = 5;

export type Check<T = void> = {ok: true; value: T} | {ok: false; reason: string};
const ok = <T>(value: T): Check<T> => ({ok: true, value});
const no = (reason: string): Check<never> => ({ok: false, reason});

/** ConfigurationSetName and EventDestinationName: 1–64 of A–Z a–z 0–9 _ -. */
function checkName(what: string, name: string): Check<string> {
	if (name.length === 0) return no(`${what} is empty`);
	if (name.length > 64) return no(`${what} is ${name.length} characters; at most 64`);
	if (!/^[A-Za-z0-9_-]+$/.test(name)) return no(`${what} "${name}" may hold only letters, digits, _ and -`);
	return ok(name);
}

export const checkConfigSetName = (name: string) => checkName('The configuration set name', name);
export const checkDestinationName = (name: string) => checkName('The event destination name', name);

/** A CloudWatch Logs group name: 1–512 of A–Z a–z 0–9 . - _ / #. */
export function checkLogGroupName(name: string): Check<string> {
	if (name.length === 0) return no('The log group name is empty');
	if (name.length > 512) return no(`The log group name is ${name.length} characters; at most 512`);
	if (!/^[.\-_/#A-Za-z0-9]+$/.test(name)) return no(`The log group name "${name}" may hold only letters, digits and . - _ / #`);
	return ok(name);
}

const ARN_KINDS = {
	role: {label: 'an IAM role ARN', re: /^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/, example: 'arn:aws:iam::111122223333:role/SMSEventsRole'},
	logGroup: {label: 'a log group ARN', re: /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[.\-_/#A-Za-z0-9]+(:\*)?$/, example: 'arn:aws:logs:us-east-1:111122223333:log-group:sms-events'},
	firehose: {label: 'a Firehose delivery stream ARN', re: /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/\S+$/, example: 'arn:aws:firehose:us-east-1:111122223333:deliverystream/sms-events'},
	sns: {label: 'an SNS topic ARN', re: /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, example: 'arn:aws:sns:us-east-1:111122223333:sms-events'},
} as const;

export type ArnKind = keyof typeof ARN_KINDS;

/** An ARN of the kind a destination member needs (the model: 20–2048 characters, and the service's kind). */
export function checkArn(kind: ArnKind, value: string): Check<string> {
	const spec = ARN_KINDS[kind];
	const bare = spec.label.replace(/^an? /, '');
	if (!value) return no(`The ${bare} is missing`);
	if (value.length > 2048) return no(`The ${bare} is ${value.length} characters; at most 2048`);
	if (!spec.re.test(value)) return no(`"${value}" is not ${spec.label} (like ${spec.example})`);
	return ok(value);
}

/** The log group's name in its ARN. */
export const logGroupOfArn = (arn: string) => /:log-group:([^:]+)/.exec(arn)?.[1] ?? arn;

export function logGroupArn(region: string, account: string, name: string, partition = 'aws'): string {
	return `arn:${partition}:logs:${region}:${account}:log-group:${name}`;
}

/**
 * A list of event types ("ALL", "TEXT_DELIVERED,TEXT_FAILED", spaces or commas): each from the model's enum, at
 * least one, ALL alone (it already holds every other), no type beside its family's _ALL.
 */
export function checkEventTypes(text: string): Check<string[]> {
	const types = [...new Set(text.split(/[\s,]+/).map(t => t.trim().toUpperCase()).filter(Boolean))];
	if (types.length === 0) return no('Choose at least one event type (ALL for every event)');
	const unknown = types.filter(t => !(EVENT_TYPES as readonly string[]).includes(t));
	if (unknown.length > 0) return no(`Unknown event type${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} (e.g. ALL, TEXT_ALL, TEXT_DELIVERED, MEDIA_ALL, VOICE_ALL)`);
	if (types.includes('ALL') && types.length > 1) return no('ALL already covers every event type: choose it alone');
	const covered = types.find(t => !t.endsWith('_ALL') && types.includes(`${t.split('_')[0]}_ALL`));
	if (covered) return no(`${covered} is already covered by ${covered.split('_')[0]}_ALL`);
	return ok(types);
}

/** What a new destination needs, once checked. */
export interface DestinationSpec {
	name: string;
	kind: DestinationKind;
	/** CloudWatch Logs: the group's ARN; Firehose: the delivery stream's; SNS: the topic's. */
	targetArn: string;
	/** CloudWatch Logs and Firehose. */
	roleArn?: string;
	eventTypes: string[];
}

export function checkDestination(input: {name: string; kind: DestinationKind; targetArn: string; roleArn?: string; eventTypes: string}): Check<DestinationSpec> {
	const name = checkDestinationName(input.name);
	if (!name.ok) return name;
	const target = checkArn(input.kind === 'cloudwatch-logs' ? 'logGroup' : input.kind === 'firehose' ? 'firehose' : 'sns', input.targetArn);
	if (!target.ok) return target;
	let roleArn: string | undefined;
	if (input.kind !== 'sns') {
		const role = checkArn('role', input.roleArn ?? '');
		if (!role.ok) return no(`${role.reason}: ${KIND_LABEL[input.kind]} needs a role the service can assume to write`);
		roleArn = role.value;
	}
	const types = checkEventTypes(input.eventTypes);
	if (!types.ok) return types;
	return ok({name: name.value, kind: input.kind, targetArn: target.value, roleArn, eventTypes: types.value});
}

/** The CLI's shorthand for the destination option: `--cloud-watch-logs-destination IamRoleArn=…,LogGroupArn=…`. */
export function destinationCliArgs(spec: Pick<DestinationSpec, 'kind' | 'targetArn' | 'roleArn'>): Record<string, string> {
	if (spec.kind === 'cloudwatch-logs') return {'cloud-watch-logs-destination': `IamRoleArn=${spec.roleArn},LogGroupArn=${spec.targetArn}`};
	if (spec.kind === 'firehose') return {'kinesis-firehose-destination': `IamRoleArn=${spec.roleArn},DeliveryStreamArn=${spec.targetArn}`};
	return {'sns-destination': `TopicArn=${spec.targetArn}`};
}

/** The kind named on a command line: cloudwatch-logs (or logs, cwl), firehose, sns. */
export function parseKind(text: string): DestinationKind | undefined {
	const t = text.trim().toLowerCase();
	if (['cloudwatch-logs', 'cloudwatch', 'logs', 'cwl'].includes(t)) return 'cloudwatch-logs';
	if (['firehose', 'kinesis-firehose'].includes(t)) return 'firehose';
	if (t === 'sns') return 'sns';
	return undefined;
}
