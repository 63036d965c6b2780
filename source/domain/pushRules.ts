// Push channels of a Pinpoint application (End User Messaging Push): their kinds and labels, how each one
// authenticates, what the guide says to check (an APNs certificate expires after a year), and the test push — the
// message per channel, its payload size against the channel's limit, and the checks made before anything is sent.
// Pure: no I/O, no SDK.

/** The API's channel types of push (FCM is still `GCM` in the API). */
export const PUSH_CHANNEL_TYPES = ['APNS', 'APNS_SANDBOX', 'APNS_VOIP', 'APNS_VOIP_SANDBOX', 'GCM', 'BAIDU', 'ADM'] as const;
export type PushChannelType = (typeof PUSH_CHANNEL_TYPES)[number];

/** The provider a channel talks to: which message key of MessageConfiguration it reads. */
export type PushFamily = 'APNS' | 'GCM' | 'BAIDU' | 'ADM';

export interface PushChannelInfo {
	type: PushChannelType;
	/** What people call it: "APNs sandbox", "FCM". */
	label: string;
	family: PushFamily;
	/** The message member of MessageConfiguration. */
	messageKey: 'APNSMessage' | 'GCMMessage' | 'BaiduMessage' | 'ADMMessage';
	/** Largest payload the provider takes, in bytes (guide: ADM 6 KB, the others 4 KB; not increasable). */
	limitBytes: number;
	/** The SDK operation stem and the AWS CLI names: Update<stem>Channel, update-<cli>-channel --<cli>-channel-request. */
	stem: 'Apns' | 'ApnsSandbox' | 'ApnsVoip' | 'ApnsVoipSandbox' | 'Gcm' | 'Baidu' | 'Adm';
	cli: string;
	/** The request member of Update<stem>Channel. */
	requestKey: string;
	/**
	 * Members Update<stem>Channel requires whatever it changes (Baidu and ADM): switching the channel on or off
	 * sends its credentials again. The API never gives them back, so the person types them.
	 */
	credentials?: readonly CredentialMember[];
}

export interface CredentialMember {
	member: string;
	label: string;
	secret: boolean;
}

const KB = 1024;

export const PUSH_CHANNELS: Record<PushChannelType, PushChannelInfo> = {
	APNS: {type: 'APNS', label: 'APNs', family: 'APNS', messageKey: 'APNSMessage', limitBytes: 4 * KB, stem: 'Apns', cli: 'apns', requestKey: 'APNSChannelRequest'},
	APNS_SANDBOX: {type: 'APNS_SANDBOX', label: 'APNs sandbox', family: 'APNS', messageKey: 'APNSMessage', limitBytes: 4 * KB, stem: 'ApnsSandbox', cli: 'apns-sandbox', requestKey: 'APNSSandboxChannelRequest'},
	APNS_VOIP: {type: 'APNS_VOIP', label: 'APNs VoIP', family: 'APNS', messageKey: 'APNSMessage', limitBytes: 4 * KB, stem: 'ApnsVoip', cli: 'apns-voip', requestKey: 'APNSVoipChannelRequest'},
	APNS_VOIP_SANDBOX: {type: 'APNS_VOIP_SANDBOX', label: 'APNs VoIP sandbox', family: 'APNS', messageKey: 'APNSMessage', limitBytes: 4 * KB, stem: 'ApnsVoipSandbox', cli: 'apns-voip-sandbox', requestKey: 'APNSVoipSandboxChannelRequest'},
	GCM: {type: 'GCM', label: 'FCM', family: 'GCM', messageKey: 'GCMMessage', limitBytes: 4 * KB, stem: 'Gcm', cli: 'gcm', requestKey: 'GCMChannelRequest'},
	BAIDU: {
		type: 'BAIDU',
		label: 'Baidu',
		family: 'BAIDU',
		messageKey: 'BaiduMessage',
		limitBytes: 4 * KB,
		stem: 'Baidu',
		cli: 'baidu',
		requestKey: 'BaiduChannelRequest',
		credentials: [
			{member: 'ApiKey', label: 'API key', secret: false},
			{member: 'SecretKey', label: 'Secret key', secret: true},
		],
	},
	ADM: {
		type: 'ADM',
		label: 'ADM',
		family: 'ADM',
		messageKey: 'ADMMessage',
		limitBytes: 6 * KB,
		stem: 'Adm',
		cli: 'adm',
		requestKey: 'ADMChannelRequest',
		credentials: [
			{member: 'ClientId', label: 'Client ID', secret: false},
			{member: 'ClientSecret', label: 'Client secret', secret: true},
		],
	},
};

export const isPushChannelType = (value: string): value is PushChannelType => (PUSH_CHANNEL_TYPES as readonly string[]).includes(value);

/** A channel type as people type it: APNS, apns-sandbox, FCM (the API's GCM) … ; undefined when it is none. */
export function pushChannelFromInput(text: string): PushChannelType | undefined {
	const t = text.trim().toUpperCase().replace(/[- ]/g, '_');
	if (t === 'FCM') return 'GCM';
	return isPushChannelType(t) ? t : undefined;
}

/** What a channel answer tells of its credentials (the union of the API's channel responses). */
export interface ChannelFacts {
	Enabled?: boolean;
	HasCredential?: boolean;
	/** APNs: a .p8 token key is configured. */
	HasTokenKey?: boolean;
	/** FCM: service JSON (token credentials) is configured. */
	HasFcmServiceCredentials?: boolean;
	DefaultAuthenticationMethod?: string;
	LastModifiedDate?: string;
	CreationDate?: string;
}

/**
 * How the channel authenticates, in the guide's words: APNs key (token) or certificate; FCM token credentials
 * (service JSON) or key credentials (API key); Baidu an API key and secret; ADM a client id and secret.
 */
export function authMethod(type: PushChannelType, c: ChannelFacts): string {
	const family = PUSH_CHANNELS[type].family;
	if (family === 'APNS') {
		const token = c.HasTokenKey === true;
		const certificate = usesCertificate(type, c);
		if (token && certificate) return 'key and certificate';
		if (token) return 'key (token)';
		if (certificate) return 'certificate';
		return c.HasCredential ? 'credentials' : 'none';
	}
	if (family === 'GCM') {
		const token = c.HasFcmServiceCredentials === true;
		const key = c.DefaultAuthenticationMethod?.toUpperCase() === 'KEY' || (c.HasCredential === true && !token);
		if (token && key) return 'token and key credentials';
		if (token) return 'token credentials';
		if (key) return 'key credentials';
		return 'none';
	}
	if (family === 'BAIDU') return c.HasCredential === false ? 'none' : 'API key + secret key';
	return c.HasCredential === false ? 'none' : 'client id + client secret';
}

/** An APNs channel with a .p12 certificate (it expires a year after it was issued). */
export function usesCertificate(type: PushChannelType, c: ChannelFacts): boolean {
	if (PUSH_CHANNELS[type].family !== 'APNS') return false;
	if (c.DefaultAuthenticationMethod?.toUpperCase() === 'CERTIFICATE') return true;
	return c.HasCredential === true && c.HasTokenKey !== true && c.DefaultAuthenticationMethod?.toUpperCase() !== 'TOKEN';
}

/** The default authentication method as the API names it, lower case for reading ("certificate", "token", "key"). */
export function defaultAuth(c: ChannelFacts): string {
	return c.DefaultAuthenticationMethod ? c.DefaultAuthenticationMethod.toLowerCase() : '—';
}

const DAY = 86_400_000;
/** The guide: an APNs certificate expires after one year. smsdeck warns a month ahead. */
export const CERTIFICATE_LIFETIME_DAYS = 365;
export const CERTIFICATE_WARN_DAYS = 330;

export interface CredentialCheck {
	level: 'ok' | 'warn' | 'error';
	/** What to tell the person, "" when there is nothing to say. */
	text: string;
	/** The same in a few words, for a table cell. */
	short: string;
	/** Days since the channel's credentials were last changed, when known. */
	ageDays?: number;
}

/**
 * What the guide says to check for a channel: an APNs certificate expires one year after it was issued; its age is
 * counted from the channel's last change (when the certificate was uploaded), so it is a lower bound of the truth.
 */
export function credentialCheck(type: PushChannelType, c: ChannelFacts, now: number): CredentialCheck {
	const modified = c.LastModifiedDate ? Date.parse(c.LastModifiedDate) : Number.NaN;
	const ageDays = Number.isNaN(modified) ? undefined : Math.max(0, Math.floor((now - modified) / DAY));
	if (c.Enabled && authMethod(type, c) === 'none') return {level: 'error', text: 'enabled without credentials', short: 'no credentials', ageDays};
	if (!usesCertificate(type, c)) return {level: 'ok', text: '', short: '', ageDays};
	if (ageDays === undefined) return {level: 'warn', text: 'certificate: age unknown (it expires 1 year after it was issued)', short: 'cert age unknown', ageDays};
	const left = CERTIFICATE_LIFETIME_DAYS - ageDays;
	if (left <= 0) {
		return {level: 'error', text: `certificate ${ageDays} days old: expired (1-year lifetime); upload a new one or switch to a key (.p8)`, short: `EXPIRED cert, ${ageDays} d`, ageDays};
	}
	if (ageDays >= CERTIFICATE_WARN_DAYS) return {level: 'warn', text: `certificate ${ageDays} days old: expires in about ${left} days; renew it`, short: `cert ${ageDays} d, ${left} d left`, ageDays};
	return {level: 'ok', text: `certificate ${ageDays} days old (expires in about ${left} days)`, short: `cert ${ageDays} d`, ageDays};
}

// ---- the test push ---------------------------------------------------------------------------------------------

export const PUSH_ACTIONS = ['OPEN_APP', 'DEEP_LINK', 'URL'] as const;
export type PushAction = (typeof PUSH_ACTIONS)[number];
export const PUSH_PRIORITIES = ['normal', 'high'] as const;
export type PushPriority = (typeof PUSH_PRIORITIES)[number];

export interface PushInput {
	channel: PushChannelType;
	title: string;
	body: string;
	action: PushAction;
	/** For DEEP_LINK and URL. */
	url?: string;
	priority: PushPriority;
	/** Seconds; undefined: the provider's default. */
	timeToLive?: number;
	silent: boolean;
}

/** The message of the channel's provider (APNSMessage, GCMMessage, BaiduMessage or ADMMessage) for MessageConfiguration. */
export function channelMessage(input: PushInput): Record<string, unknown> {
	const family = PUSH_CHANNELS[input.channel].family;
	const m: Record<string, unknown> = {Action: input.action};
	if (input.body) m.Body = input.body;
	if (input.title) m.Title = input.title;
	if (input.url && input.action !== 'OPEN_APP') m.Url = input.url;
	m.SilentPush = input.silent;
	// Priority: APNs and FCM (Baidu and ADM have none). Time to live: APNs, FCM and Baidu seconds; ADM ExpiresAfter.
	if (family === 'APNS' || family === 'GCM') m.Priority = input.priority;
	if (input.timeToLive !== undefined) {
		if (family === 'ADM') m.ExpiresAfter = String(input.timeToLive);
		else m.TimeToLive = input.timeToLive;
	}
	return m;
}

/** Where a test push goes: a device token (address) or an endpoint id of the application. */
export type PushTarget = {token: string} | {endpointId: string};

/** The MessageRequest of SendMessages for one address or one endpoint. */
export function messageRequest(input: PushInput, target: PushTarget): {Addresses?: Record<string, {ChannelType: string}>; Endpoints?: Record<string, Record<string, never>>; MessageConfiguration: Record<string, Record<string, unknown>>} {
	const configuration = {[PUSH_CHANNELS[input.channel].messageKey]: channelMessage(input)};
	return 'token' in target
		? {Addresses: {[target.token]: {ChannelType: input.channel}}, MessageConfiguration: configuration}
		: {Endpoints: {[target.endpointId]: {}}, MessageConfiguration: configuration};
}

/** UTF-8 bytes. */
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The payload the provider gets, as Pinpoint builds it from the message (close enough to hold against the limit):
 * APNs `aps` with the alert (none when silent) and the action data; FCM `notification` (data only when silent) and
 * `data`; Baidu and ADM `data` with the title and body.
 */
export function providerPayload(input: PushInput): Record<string, unknown> {
	const family = PUSH_CHANNELS[input.channel].family;
	const data: Record<string, string> = {'pinpoint.openApp': String(input.action === 'OPEN_APP')};
	if (input.action === 'URL' && input.url) data['pinpoint.url'] = input.url;
	if (input.action === 'DEEP_LINK' && input.url) data['pinpoint.deeplink'] = input.url;
	if (family === 'APNS') {
		const aps: Record<string, unknown> = input.silent ? {'content-available': 1} : {alert: {title: input.title, body: input.body}};
		return {aps, data: {pinpoint: data}};
	}
	if (family === 'GCM') {
		const texts = {'pinpoint.notification.title': input.title, 'pinpoint.notification.body': input.body, 'pinpoint.notification.silentPush': input.silent ? '1' : '0'};
		return {data: {...texts, ...data}, priority: input.priority, ...(input.timeToLive !== undefined ? {time_to_live: input.timeToLive} : {})};
	}
	return {data: {'pinpoint.notification.title': input.title, 'pinpoint.notification.body': input.body, ...data}};
}

export interface PayloadSize {
	bytes: number;
	limit: number;
	fits: boolean;
}

export function payloadSize(input: PushInput): PayloadSize {
	const limit = PUSH_CHANNELS[input.channel].limitBytes;
	const bytes = utf8Bytes(JSON.stringify(providerPayload(input)));
	return {bytes, limit, fits: bytes <= limit};
}

/** "412 B of 4 KB". */
export function describeSize(size: PayloadSize): string {
	return `${size.bytes} B of ${size.limit / KB} KB`;
}

/** The longest time to live the providers take: 28 days (FCM, APNs keep a push at most about that long). */
export const MAX_TTL_SECONDS = 2_419_200;

/** A time to live as typed: seconds, or empty for the provider's default. */
export function parseTimeToLive(text: string): {ok: true; seconds?: number} | {ok: false; reason: string} {
	const t = text.trim();
	if (t === '') return {ok: true};
	if (!/^\d+$/.test(t)) return {ok: false, reason: `time to live is whole seconds (0 to ${MAX_TTL_SECONDS}), not "${t}"`};
	const seconds = Number(t);
	if (seconds > MAX_TTL_SECONDS) return {ok: false, reason: `time to live is at most ${MAX_TTL_SECONDS} s (28 days)`};
	return {ok: true, seconds};
}

/** A device token as people paste it: no spaces, printable, at most 4 KB (APNs tokens are 64 hex digits). */
export function checkToken(token: string): string | undefined {
	const t = token.trim();
	if (!t) return 'give a device token (or an endpoint id)';
	if (/\s/.test(t)) return 'a device token has no spaces';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(t)) return 'a device token is printable text';
	if (t.length > 4096) return 'a device token is at most 4096 characters';
	return undefined;
}

/** Why the push cannot be sent as it is, before any call; undefined when it can. */
export function checkPush(input: PushInput): string | undefined {
	if (!input.silent && input.body.trim() === '') return 'the body is empty (only a silent push may have none)';
	if (input.action !== 'OPEN_APP') {
		const url = input.url?.trim() ?? '';
		if (!url) return `${input.action} needs a URL (${input.action === 'URL' ? 'https://…' : 'the app’s link, myapp://…'})`;
		if (input.action === 'URL' && !/^https?:\/\/\S+$/i.test(url)) return `the URL of a URL action starts with https:// or http://, not "${url}"`;
		if (input.action === 'DEEP_LINK' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) return `a deep link is a URI (myapp://path), not "${url}"`;
	}
	const size = payloadSize(input);
	if (!size.fits) return `the payload is ${describeSize(size)}: over the ${PUSH_CHANNELS[input.channel].label} limit (shorten the title or body)`;
	return undefined;
}

// ---- results ---------------------------------------------------------------------------------------------------

/** One address's outcome inside a SendMessages answer (the call succeeds even when every address fails). */
export interface PushOutcome {
	/** The device token, or the endpoint id (with its address when the answer names it). */
	address: string;
	endpointId?: string;
	deliveryStatus: string;
	statusCode?: number;
	statusMessage?: string;
	messageId?: string;
	updatedToken?: string;
}

export const pushSucceeded = (o: PushOutcome) => o.deliveryStatus === 'SUCCESSFUL';

/** What a delivery status means, in plain words. */
export function explainDelivery(status: string): string {
	switch (status) {
		case 'SUCCESSFUL':
			return 'accepted by the provider';
		case 'THROTTLED':
			return 'throttled: the provider asked to slow down; try again later';
		case 'TEMPORARY_FAILURE':
			return 'temporary failure: may succeed on a retry';
		case 'PERMANENT_FAILURE':
			return 'permanent failure: check the token and the channel’s credentials';
		case 'UNKNOWN_FAILURE':
			return 'failed for an unknown reason';
		case 'OPT_OUT':
			return 'the endpoint opted out';
		case 'DUPLICATE':
			return 'a duplicate address in the request';
		case 'TIMEOUT':
			return 'the provider did not answer in time';
		default:
			return status.toLowerCase();
	}
}

/** One line per outcome: "✓ SUCCESSFUL 200 token… — message". */
export function outcomeLine(o: PushOutcome): string {
	const who = o.endpointId ? `endpoint ${o.endpointId}${o.address && o.address !== o.endpointId ? ` (${o.address})` : ''}` : o.address;
	return `${o.deliveryStatus} ${o.statusCode ?? ''} ${who}${o.statusMessage ? ` — ${o.statusMessage}` : ''}`.replace(/ +/g, ' ');
}
