// SendMessages: a push to device tokens (Addresses, each with its ChannelType) and to endpoints (by id, their
// Address and ChannelType). The call answers 200 with one result per address and per endpoint; each says what
// happened to that one: the channel is missing or disabled, no message is meant for its channel, the notification is over the channel's size limit,
// the provider refused the token (deliveryOutcome.ts), or it was delivered.
import type {Handler} from '../types.js';
import {CHANNEL_INFO, isChannelKind} from './channelKinds.js';
import type {PushContext} from './context.js';
import {badRequest} from './errors.js';
import {findEndpoint} from './endpoints.js';
import {newMessageId} from './ids.js';
import {providerOutcome, type DeliveryOutcome} from './deliveryOutcome.js';
import {buildPushPayload, hasPushMessage, messageMember, type Overrides} from './pushPayload.js';
import type {PushApp} from './state.js';

interface MessageRequest {
	Addresses?: Record<string, Overrides & {ChannelType?: string}>;
	Endpoints?: Record<string, Overrides>;
	Context?: Record<string, string>;
	MessageConfiguration: Record<string, unknown>;
}

type Result = DeliveryOutcome & {MessageId?: string};

function failure(StatusCode: number, StatusMessage: string): Result {
	return {DeliveryStatus: 'PERMANENT_FAILURE', StatusCode, StatusMessage};
}

function deliver(app: PushApp, channelType: string, token: string, request: MessageRequest, overrides: Overrides): Result {
	if (!isChannelKind(channelType)) return failure(400, `The ${channelType} channel is not enabled for application ${app.id} (the emulator answers push channels only).`);
	const channel = app.channels[channelType];
	if (!channel) return failure(400, `The ${channelType} channel is not configured for application ${app.id}.`);
	if (!channel.enabled) return failure(400, `The ${channelType} channel is not enabled for application ${app.id}.`);
	if (!hasPushMessage(channelType, request.MessageConfiguration, overrides)) {
		return failure(400, `No message for the ${channelType} channel: MessageConfiguration has no ${messageMember(channelType)}, DefaultPushNotificationMessage or DefaultMessage.`);
	}
	const payload = buildPushPayload(channelType, request.MessageConfiguration, request.Context ?? {}, overrides);
	const size = Buffer.byteLength(payload);
	const limit = CHANNEL_INFO[channelType].maxPayloadBytes;
	if (size > limit) return failure(400, `Message payload too large: ${size} bytes is over the ${channelType} limit of ${limit} bytes.`);
	const outcome = providerOutcome(channelType, token);
	return outcome.DeliveryStatus === 'SUCCESSFUL' ? {...outcome, MessageId: newMessageId()} : outcome;
}

function endpointResult(app: PushApp, id: string, request: MessageRequest, config: Overrides): Result & {Address?: string} {
	const endpoint = findEndpoint(app, id);
	if (!endpoint) return failure(404, `Endpoint not found: ${id}`);
	const address = endpoint.address !== undefined ? {Address: endpoint.address} : {};
	if (endpoint.address === undefined || endpoint.channelType === undefined) return {...failure(400, `Endpoint ${id} has no Address or ChannelType.`), ...address};
	if (endpoint.optOut === 'ALL') return {...address, DeliveryStatus: 'OPT_OUT', StatusCode: 400, StatusMessage: 'The endpoint has opted out of all messages.'};
	return {...address, ...deliver(app, endpoint.channelType, endpoint.address, request, config)};
}

export function sendHandlers(push: PushContext): Record<string, Handler> {
	return {
		SendMessages(input: {ApplicationId: string; MessageRequest: MessageRequest}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			const request = input.MessageRequest;
			const addresses = Object.entries(request.Addresses ?? {});
			const endpoints = Object.entries(request.Endpoints ?? {});
			if (addresses.length === 0 && endpoints.length === 0) throw badRequest('The request must name at least one address (Addresses) or endpoint (Endpoints).');
			for (const [address, config] of addresses) {
				if (config.ChannelType === undefined) throw badRequest(`Address ${address.slice(0, 64)} has no ChannelType.`);
			}
			// Built from entries: an address or id such as `__proto__` gets its result like any other.
			const Result = Object.fromEntries(addresses.map(([address, config]) => [address, deliver(app, config.ChannelType!, address, request, config)]));
			const EndpointResult = Object.fromEntries(endpoints.map(([id, config]) => [id, endpointResult(app, id, request, config)]));
			return {
				MessageResponse: {
					ApplicationId: app.id,
					RequestId: ctx.requestId,
					...(addresses.length > 0 ? {Result} : {}),
					...(endpoints.length > 0 ? {EndpointResult} : {}),
				},
			};
		},
	};
}
