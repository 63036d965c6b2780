// The test push (End User Messaging Push): the message of each channel's provider, the MessageRequest for a device
// token or an endpoint, the payload size against the channel's limit (ADM 6 KB, the others 4 KB), the checks made
// before anything is sent, and each address's outcome in plain words. Pure: no I/O, no SDK.
import {isPushChannelType, PUSH_CHANNELS, type PushChannelType} from './pushRules.js';

const KB = 1024;

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
	// A silent APNs push is a background notification: no alert, so no title or body (the model: its payload "can't
	// include the alert"); what is sent is what payloadSize measures.
	if (!(input.silent && family === 'APNS')) {
		if (input.body) m.Body = input.body;
		if (input.title) m.Title = input.title;
	}
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

/** A device token or endpoint id as people paste it: no spaces, printable, at most 4096 characters. */
function checkAddress(text: string, what: string, empty: string): string | undefined {
	const t = text.trim();
	if (!t) return empty;
	if (/\s/.test(t)) return `${what} has no spaces`;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(t)) return `${what} is printable text`;
	if (t.length > 4096) return `${what} is at most 4096 characters`;
	return undefined;
}

/** A device token (APNs tokens are 64 hex digits). */
export const checkToken = (token: string) => checkAddress(token, 'a device token', 'give a device token (or an endpoint id)');

/** An endpoint id of the application. */
export const checkEndpointId = (id: string) => checkAddress(id, 'an endpoint id', 'give the endpoint id');

/**
 * The channel a push to an endpoint goes on, from the endpoint GetEndpoint answered (undefined: there is none):
 * the endpoint's own; a chosen channel that is not the endpoint's is refused (the endpoint would get no message).
 */
export function endpointChannel(endpointId: string, chosen: PushChannelType | undefined, endpoint: {channel?: string} | undefined): {channel: PushChannelType} | {problem: string} {
	if (!endpoint) return {problem: `no endpoint ${endpointId} in the application`};
	const type = endpoint.channel;
	if (!type || !isPushChannelType(type)) return {problem: `endpoint ${endpointId} is on ${type ?? 'no channel'}, not a push channel`};
	if (chosen && chosen !== type) return {problem: `endpoint ${endpointId} is on ${PUSH_CHANNELS[type].label} (${type}), not ${PUSH_CHANNELS[chosen].label} (${chosen}): choose ${type}`};
	return {channel: type};
}

/** Why the push cannot be sent as it is, its size aside (the limit is the channel's); undefined when it can. */
export function checkPushContent(input: PushInput): string | undefined {
	if (!input.silent && input.body.trim() === '') return 'the body is empty (only a silent push may have none)';
	if (input.action !== 'OPEN_APP') {
		const url = input.url?.trim() ?? '';
		if (!url) return `${input.action} needs a URL (${input.action === 'URL' ? 'https://…' : 'the app’s link, myapp://…'})`;
		if (input.action === 'URL' && !/^https?:\/\/\S+$/i.test(url)) return `the URL of a URL action starts with https:// or http://, not "${url}"`;
		if (input.action === 'DEEP_LINK' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) return `a deep link is a URI (myapp://path), not "${url}"`;
	}
	return undefined;
}

/** Why the push cannot be sent as it is, before any call; undefined when it can. */
export function checkPush(input: PushInput): string | undefined {
	const problem = checkPushContent(input);
	if (problem) return problem;
	const size = payloadSize(input);
	if (!size.fits) return `the payload is ${describeSize(size)}: over the ${PUSH_CHANNELS[input.channel].label} limit (shorten the title or body)`;
	return undefined;
}

// Results.

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
