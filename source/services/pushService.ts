// Push (Pinpoint API, IAM prefix mobiletargeting): the applications in the Region, each application's push
// channels with what their credentials are, enabling or disabling a channel, deleting an application, and the test
// push (SendMessages) with its outcome per address. Through the connection's Pinpoint client, so the same
// resolver, limiter, read-only guard and error reporting as the SMS services.
import type {Clients} from './clients.js';
import {pinpointModule} from './smsCommands.js';
import {UnresolvedIdentityError} from './identityResolver.js';
import {eachLimited} from './namesService.js';
import type {ChangeResult} from './changesService.js';
import type {ChannelPresence} from '../domain/pushSummary.js';
import {PUSH_CHANNEL_TYPES, PUSH_CHANNELS, type ChannelFacts, type PushChannelType} from '../domain/pushRules.js';
import {type PushOutcome} from '../domain/pushMessage.js';

export interface PushApp {
	Id: string;
	Name: string;
	Arn?: string;
	CreationDate?: string;
}

export type PushChannel = ChannelFacts & {
	type: PushChannelType;
	/** The channel exists in the application (configured, enabled or not). */
	configured: boolean;
};

/** Pinpoint's page size for GetApps (its maximum). */
const APPS_PAGE_SIZE = '100';

export async function listPushApps(clients: Clients, signal?: AbortSignal): Promise<PushApp[]> {
	const [{GetAppsCommand}, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const apps: PushApp[] = [];
	let Token: string | undefined;
	do {
		const out = await client.send(new GetAppsCommand({PageSize: APPS_PAGE_SIZE, Token}), {abortSignal: signal});
		for (const a of out.ApplicationsResponse?.Item ?? []) apps.push({Id: a.Id ?? '', Name: a.Name ?? '', Arn: a.Arn, CreationDate: a.CreationDate});
		Token = out.ApplicationsResponse?.NextToken || undefined;
	} while (Token);
	return apps;
}

/** An application with the push channels GetChannels names (type → enabled). */
export type PushAppSummary = PushApp & ChannelPresence;

/** The applications, each with which push channels it has and whether they are on (one GetChannels per application). */
export async function listPushAppSummaries(clients: Clients, signal?: AbortSignal): Promise<PushAppSummary[]> {
	const [{GetChannelsCommand}, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const apps: PushAppSummary[] = await listPushApps(clients, signal);
	await eachLimited(apps, async app => {
		try {
			const out = await client.send(new GetChannelsCommand({ApplicationId: app.Id}), {abortSignal: signal});
			const present = out.ChannelsResponse?.Channels ?? {};
			app.channels = Object.fromEntries(PUSH_CHANNEL_TYPES.filter(t => present[t]).map(t => [t, present[t].Enabled === true]));
		} catch (error) {
			if (signal?.aborted) throw error;
			app.channelsError = (error as Error).message;
		}
	});
	return apps;
}

/** One application by its id; undefined when there is none. */
export async function getPushApp(clients: Clients, id: string, signal?: AbortSignal): Promise<PushApp | undefined> {
	const [{GetAppCommand}, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	try {
		const a = (await client.send(new GetAppCommand({ApplicationId: id}), {abortSignal: signal})).ApplicationResponse;
		return a ? {Id: a.Id ?? id, Name: a.Name ?? '', Arn: a.Arn, CreationDate: a.CreationDate} : undefined;
	} catch (error) {
		if ((error as {name?: string}).name === 'NotFoundException') return undefined;
		throw error;
	}
}

/** Pinpoint application ids are 32 hexadecimal digits. */
const APP_ID = /^[0-9a-f]{32}$/;

/** An application by its id or its name (a name two applications share is refused as ambiguous). */
export async function resolvePushApp(clients: Clients, typed: string, signal?: AbortSignal): Promise<PushApp> {
	const t = typed.trim();
	if (APP_ID.test(t)) {
		const found = await getPushApp(clients, t, signal);
		if (found) return found;
	}
	const all = await listPushApps(clients, signal);
	const byId = all.find(a => a.Id === t || a.Arn === t);
	if (byId) return byId;
	const named = all.filter(a => a.Name === t);
	if (named.length === 1) return named[0];
	if (named.length > 1) throw new UnresolvedIdentityError(`${named.length} applications are named ${t}: give the id (${named.map(a => a.Id).join(', ')})`);
	throw new UnresolvedIdentityError(`no push application ${t} in ${clients.connection.region} (there: ${all.map(a => a.Name || a.Id).join(', ') || 'none'})`);
}

/**
 * The push channels of an application, every kind (those not configured too), each with its credential facts:
 * GetChannels says which exist; the channel's own Get…Channel says how it authenticates.
 */
export async function listPushChannels(clients: Clients, appId: string, signal?: AbortSignal): Promise<PushChannel[]> {
	const [sdk, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const out = await client.send(new sdk.GetChannelsCommand({ApplicationId: appId}), {abortSignal: signal});
	const present = out.ChannelsResponse?.Channels ?? {};
	return Promise.all(
		PUSH_CHANNEL_TYPES.map(async (type): Promise<PushChannel> => {
			const summary = present[type];
			if (!summary) return {type, configured: false};
			const details = await getChannel(clients, appId, type, signal);
			return {...summary, ...details, type, configured: true};
		}),
	);
}

type PinpointSdk = Awaited<ReturnType<typeof pinpointModule>>;
type AnyCommand = new (input: Record<string, unknown>) => Parameters<Awaited<ReturnType<Clients['pinpoint']>>['send']>[0];

/** The Get and Update command of each channel kind (named in full: the IAM policy generator reads them). */
const CHANNEL_COMMANDS = {
	APNS: ['GetApnsChannelCommand', 'UpdateApnsChannelCommand'],
	APNS_SANDBOX: ['GetApnsSandboxChannelCommand', 'UpdateApnsSandboxChannelCommand'],
	APNS_VOIP: ['GetApnsVoipChannelCommand', 'UpdateApnsVoipChannelCommand'],
	APNS_VOIP_SANDBOX: ['GetApnsVoipSandboxChannelCommand', 'UpdateApnsVoipSandboxChannelCommand'],
	GCM: ['GetGcmChannelCommand', 'UpdateGcmChannelCommand'],
	BAIDU: ['GetBaiduChannelCommand', 'UpdateBaiduChannelCommand'],
	ADM: ['GetAdmChannelCommand', 'UpdateAdmChannelCommand'],
} as const satisfies Record<PushChannelType, readonly [keyof PinpointSdk, keyof PinpointSdk]>;

function channelCommand(sdk: PinpointSdk, verb: 'Get' | 'Update', type: PushChannelType): AnyCommand {
	return sdk[CHANNEL_COMMANDS[type][verb === 'Get' ? 0 : 1]] as unknown as AnyCommand;
}

/** The channel's own answer (auth method, default, token key or service JSON present). */
async function getChannel(clients: Clients, appId: string, type: PushChannelType, signal?: AbortSignal): Promise<ChannelFacts> {
	const [sdk, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const Command = channelCommand(sdk, 'Get', type);
	const out = (await client.send(new Command({ApplicationId: appId}), {abortSignal: signal})) as unknown as Record<string, unknown>;
	// APNSChannelResponse, APNSSandboxChannelResponse … GCMChannelResponse, BaiduChannelResponse, ADMChannelResponse.
	return (out[PUSH_CHANNELS[type].requestKey.replace(/Request$/, 'Response')] ?? {}) as ChannelFacts;
}

/**
 * Enables or disables a channel: Update…Channel with `Enabled` (the credentials stay as they are). Baidu and ADM
 * require their credentials in every update: `credentials` holds them (ApiKey/SecretKey, ClientId/ClientSecret).
 */
export async function setChannelEnabled(clients: Clients, appId: string, type: PushChannelType, enabled: boolean, credentials: Record<string, string> = {}): Promise<ChangeResult> {
	const [sdk, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const Command = channelCommand(sdk, 'Update', type);
	const request = {...credentials, Enabled: enabled};
	const out = (await client.send(new Command({ApplicationId: appId, [PUSH_CHANNELS[type].requestKey]: request}))) as {$metadata: {requestId?: string}};
	return {requestId: out.$metadata.requestId, detail: `${PUSH_CHANNELS[type].label} ${enabled ? 'enabled' : 'disabled'}`};
}

/** Deletes the application (its channels, campaigns, journeys and segments with it). */
export async function deletePushApp(clients: Clients, appId: string): Promise<ChangeResult> {
	const [{DeleteAppCommand}, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const out = await client.send(new DeleteAppCommand({ApplicationId: appId}));
	return {requestId: out.$metadata.requestId, detail: `application ${out.ApplicationResponse?.Name ?? appId} deleted`};
}

/** An endpoint's channel and address (to send to it by id); undefined when the application has no such endpoint. */
export async function getPushEndpoint(clients: Clients, appId: string, endpointId: string, signal?: AbortSignal): Promise<{channel?: string; address?: string} | undefined> {
	const [{GetEndpointCommand}, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	try {
		const out = await client.send(new GetEndpointCommand({ApplicationId: appId, EndpointId: endpointId}), {abortSignal: signal});
		return {channel: out.EndpointResponse?.ChannelType, address: out.EndpointResponse?.Address};
	} catch (error) {
		if ((error as {name?: string}).name === 'NotFoundException') return undefined;
		throw error;
	}
}

export interface PushSendResult {
	requestId?: string;
	outcomes: PushOutcome[];
}

/**
 * SendMessages: the call succeeds even when the provider refuses the token; each address's own outcome is in the
 * answer (Result for addresses, EndpointResult for endpoints).
 */
export async function sendPush(clients: Clients, appId: string, request: Record<string, unknown>): Promise<PushSendResult> {
	const [{SendMessagesCommand}, client] = await Promise.all([pinpointModule(), clients.pinpoint()]);
	const out = await client.send(new SendMessagesCommand({ApplicationId: appId, MessageRequest: request as never}));
	const response = out.MessageResponse;
	const outcome = (address: string, r: {DeliveryStatus?: string; StatusCode?: number; StatusMessage?: string; MessageId?: string; UpdatedToken?: string}, endpointId?: string): PushOutcome => ({
		address,
		endpointId,
		deliveryStatus: r.DeliveryStatus ?? 'UNKNOWN_FAILURE',
		statusCode: r.StatusCode,
		statusMessage: r.StatusMessage,
		messageId: r.MessageId,
		updatedToken: r.UpdatedToken,
	});
	const outcomes = [
		...Object.entries(response?.Result ?? {}).map(([address, r]) => outcome(address, r)),
		...Object.entries(response?.EndpointResult ?? {}).map(([endpointId, r]) => outcome(r.Address ?? endpointId, r, endpointId)),
	];
	return {requestId: response?.RequestId ?? out.$metadata.requestId, outcomes};
}

