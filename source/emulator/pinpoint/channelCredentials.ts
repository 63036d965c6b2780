// Update<Type>Channel: what a channel request does to a channel's credentials, authentication method and
// Enabled flag. Credentials come in sets (APNs certificate + private key; APNs token key + key id + team id +
// bundle id; a GCM API key or FCM service JSON; Baidu API key + secret key; ADM client id + secret); a partial
// set, a method without its credentials, or a first update without any credentials is a BadRequestException.
import {CHANNEL_INFO} from './channelKinds.js';
import {badRequest} from './errors.js';
import type {ChannelKind, StoredChannel} from './state.js';

type ChannelRequest = Record<string, unknown>;

const present = (request: ChannelRequest, name: string) => typeof request[name] === 'string' && request[name] !== '';

/** True when the whole set is present, false when none of it is; a partial set is refused. */
function credentialSet(request: ChannelRequest, names: string[], what: string): boolean {
	const given = names.filter(name => present(request, name));
	if (given.length === 0) return false;
	if (given.length < names.length) {
		const missing = names.filter(name => !given.includes(name));
		throw badRequest(`${what} needs ${names.join(', ')}; missing ${missing.join(', ')}.`);
	}
	return true;
}

function method(request: ChannelRequest, allowed: string[]): string | undefined {
	const value = request.DefaultAuthenticationMethod;
	if (value === undefined) return undefined;
	const upper = String(value).toUpperCase();
	if (!allowed.includes(upper)) throw badRequest(`DefaultAuthenticationMethod must be ${allowed.join(' or ')}, not ${JSON.stringify(String(value).slice(0, 32))}.`);
	return upper;
}

function applyApns(kind: ChannelKind, next: StoredChannel, request: ChannelRequest): void {
	const certificate = credentialSet(request, ['Certificate', 'PrivateKey'], `${kind} certificate authentication`);
	const token = credentialSet(request, ['TokenKey', 'TokenKeyId', 'TeamId', 'BundleId'], `${kind} key (token) authentication`);
	if (certificate) next.certificate = true;
	if (token) next.tokenKey = true;
	const chosen = method(request, ['CERTIFICATE', 'TOKEN']);
	// Credentials given without a method: the method of the ones given (a token key when both sets are given).
	next.defaultAuthenticationMethod = chosen ?? (token ? 'TOKEN' : certificate ? 'CERTIFICATE' : next.defaultAuthenticationMethod);
	if (next.defaultAuthenticationMethod === 'TOKEN' && !next.tokenKey) throw badRequest(`${kind}: DefaultAuthenticationMethod TOKEN needs TokenKey, TokenKeyId, TeamId and BundleId.`);
	if (next.defaultAuthenticationMethod === 'CERTIFICATE' && !next.certificate) throw badRequest(`${kind}: DefaultAuthenticationMethod CERTIFICATE needs Certificate and PrivateKey.`);
}

function applyGcm(next: StoredChannel, request: ChannelRequest): void {
	const apiKey = present(request, 'ApiKey');
	const serviceJson = present(request, 'ServiceJson');
	if (serviceJson) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(String(request.ServiceJson));
		} catch {
			parsed = undefined;
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('ServiceJson must be the JSON of a Firebase service account key file.');
		next.serviceJson = true;
	}
	if (apiKey) next.apiKey = true;
	const chosen = method(request, ['KEY', 'TOKEN']);
	next.defaultAuthenticationMethod = chosen ?? (serviceJson ? 'TOKEN' : apiKey ? 'KEY' : next.defaultAuthenticationMethod);
	if (next.defaultAuthenticationMethod === 'TOKEN' && !next.serviceJson) throw badRequest('GCM: DefaultAuthenticationMethod TOKEN needs ServiceJson (FCM service account credentials).');
	if (next.defaultAuthenticationMethod === 'KEY' && !next.apiKey) throw badRequest('GCM: DefaultAuthenticationMethod KEY needs ApiKey.');
}

function hasCredentials(channel: StoredChannel): boolean {
	return channel.certificate === true || channel.tokenKey === true || channel.apiKey === true || channel.serviceJson === true || channel.credential !== undefined;
}

/**
 * The channel after `request`. Every update is a modification: LastModifiedDate and LastModifiedBy are set and
 * Version goes up by one, whether credentials changed or only Enabled did. A new channel is enabled unless the
 * request says otherwise; an existing one keeps its Enabled flag unless the request sets it.
 */
export function applyChannelRequest(kind: ChannelKind, existing: StoredChannel | undefined, request: ChannelRequest, at: string, by: string): StoredChannel {
	const next: StoredChannel = existing
		? {...existing, lastModifiedDate: at, lastModifiedBy: by, version: existing.version + 1}
		: {enabled: true, creationDate: at, lastModifiedDate: at, lastModifiedBy: by, version: 1};
	if (typeof request.Enabled === 'boolean') next.enabled = request.Enabled;
	switch (CHANNEL_INFO[kind].family) {
		case 'apns':
			applyApns(kind, next, request);
			break;
		case 'gcm':
			applyGcm(next, request);
			break;
		case 'baidu':
			// ApiKey and SecretKey are required by the model; the API key is what the service reports as Credential.
			next.credential = String(request.ApiKey);
			break;
		case 'adm':
			// ClientId and ClientSecret are required by the model; the client id is kept, never reported.
			next.credential = String(request.ClientId);
			break;
	}
	if (!hasCredentials(next)) throw badRequest(`The ${kind} channel has no credentials: give them in this request (see Update${CHANNEL_INFO[kind].stem}Channel).`);
	return next;
}
