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

/** The channel types as --channel takes them: "APNS, APNS_SANDBOX, …, GCM (FCM), BAIDU or ADM". */
/** A channel by its API name, as --channel and the test-push form offer it; FCM says which it is ("GCM (FCM)"). */
export const channelChoice = (type: PushChannelType) => (type === 'GCM' ? 'GCM (FCM)' : type);

export const PUSH_CHANNEL_CHOICES = PUSH_CHANNEL_TYPES.map(channelChoice)
	.join(', ')
	.replace(/, (?=[^,]*$)/, ' or ');

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
	/** False for a channel the application does not have (listPushChannels lists every kind). */
	configured?: boolean;
}

/**
 * How the channel authenticates, in the guide's words: APNs key (token) or certificate; FCM token credentials
 * (service JSON) or key credentials (API key); Baidu an API key and secret; ADM a client id and secret.
 */
// Read from the members the model documents as meaningful (DefaultAuthenticationMethod, HasTokenKey,
// HasFcmServiceCredentials), never from HasCredential, which the model marks "(Not used) … retained only for backward
// compatibility". A channel cannot be set up without credentials, so a configured channel always has one kind.
export function authMethod(type: PushChannelType, c: ChannelFacts): string {
	const family = PUSH_CHANNELS[type].family;
	const method = c.DefaultAuthenticationMethod?.toUpperCase();
	if (family === 'APNS') {
		const token = c.HasTokenKey === true;
		if (token && method === 'CERTIFICATE') return 'key and certificate';
		return token ? 'key (token)' : 'certificate';
	}
	if (family === 'GCM') {
		const token = c.HasFcmServiceCredentials === true;
		if (token && method === 'KEY') return 'token and key credentials';
		return token ? 'token credentials' : 'key credentials';
	}
	return family === 'BAIDU' ? 'API key + secret key' : 'client id + client secret';
}

/** An APNs channel that sends with a .p12 certificate (it expires a year after it was issued). */
export function usesCertificate(type: PushChannelType, c: ChannelFacts): boolean {
	if (PUSH_CHANNELS[type].family !== 'APNS' || c.configured === false) return false;
	return c.DefaultAuthenticationMethod?.toUpperCase() === 'CERTIFICATE' || c.HasTokenKey !== true;
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
 * What the guide says to check for a channel: an APNs certificate expires one year after it was issued. The API
 * gives no date of the certificate, only the channel's last change, and the certificate is at least that old (any
 * update moves the date, enabling or disabling too): so the age shown is a lower bound, and the time left an upper
 * bound.
 */
export function credentialCheck(type: PushChannelType, c: ChannelFacts, now: number): CredentialCheck {
	const modified = c.LastModifiedDate ? Date.parse(c.LastModifiedDate) : Number.NaN;
	const ageDays = Number.isNaN(modified) ? undefined : Math.max(0, Math.floor((now - modified) / DAY));
	if (!usesCertificate(type, c)) return {level: 'ok', text: '', short: '', ageDays};
	if (ageDays === undefined) return {level: 'warn', text: 'certificate: age unknown (it expires 1 year after it was issued)', short: 'cert age unknown', ageDays};
	const left = CERTIFICATE_LIFETIME_DAYS - ageDays;
	const age = `certificate at least ${ageDays} days old`;
	if (left <= 0) {
		return {level: 'error', text: `${age}: expired (1-year lifetime); upload a new one or switch to a key (.p8)`, short: `EXPIRED cert, ≥${ageDays} d`, ageDays};
	}
	if (ageDays >= CERTIFICATE_WARN_DAYS) return {level: 'warn', text: `${age}: expires within about ${left} days; renew it`, short: `cert ≥${ageDays} d, ≤${left} d left`, ageDays};
	return {level: 'ok', text: `${age}: expires within about ${left} days`, short: `cert ≥${ageDays} d`, ageDays};
}
