// GetChannels and Get/Update/Delete<Type>Channel for the seven push channels. The members the answers travel in
// (GCMChannelResponse, …) and the requests' payload members (GCMChannelRequest, …) are read from the model.
import {pinpointModel} from '../model/serviceModel.js';
import type {Handler} from '../types.js';
import {CHANNEL_INFO} from './channelKinds.js';
import {applyChannelRequest} from './channelCredentials.js';
import {channelView, commonChannelView} from './channelView.js';
import type {PushContext} from './context.js';
import {notFound} from './errors.js';
import {isoDate} from './ids.js';
import {CHANNEL_KINDS, type ChannelKind, type PushApp, type StoredChannel} from './state.js';

/** The payload member of an operation's input or output structure (`GCMChannelRequest`, `GCMChannelResponse`). */
function payloadOf(operation: string, side: 'input' | 'output'): string {
	const shape = pinpointModel.shapes[pinpointModel.operations[operation]?.[side] ?? ''];
	if (!shape?.payload) throw new Error(`the Pinpoint model has no ${side} payload for ${operation}`);
	return shape.payload;
}

function requireChannel(app: PushApp, kind: ChannelKind): StoredChannel {
	const channel = app.channels[kind];
	if (!channel) throw notFound(`${kind} channel of application ${app.id}`);
	return channel;
}

function kindHandlers(push: PushContext, kind: ChannelKind): Record<string, Handler> {
	const {stem} = CHANNEL_INFO[kind];
	const [get, update, remove] = [`Get${stem}Channel`, `Update${stem}Channel`, `Delete${stem}Channel`];
	const answer = payloadOf(get, 'output');
	const request = payloadOf(update, 'input');
	return {
		[get](input: {ApplicationId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			return {[answer]: channelView(kind, app.id, requireChannel(app, kind))};
		},
		[update](input: Record<string, unknown> & {ApplicationId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			const next = applyChannelRequest(kind, app.channels[kind], input[request] as Record<string, unknown>, isoDate(push.now()), ctx.accountId);
			app.channels[kind] = next;
			push.dirty();
			return {[payloadOf(update, 'output')]: channelView(kind, app.id, next)};
		},
		[remove](input: {ApplicationId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			const last = requireChannel(app, kind);
			delete app.channels[kind];
			push.dirty();
			return {[payloadOf(remove, 'output')]: channelView(kind, app.id, last)};
		},
	};
}

export function channelHandlers(push: PushContext): Record<string, Handler> {
	const handlers: Record<string, Handler> = {
		GetChannels(input: {ApplicationId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			const channels: Record<string, unknown> = {};
			for (const kind of CHANNEL_KINDS) {
				const channel = app.channels[kind];
				if (channel) channels[kind] = commonChannelView(kind, app.id, channel);
			}
			return {ChannelsResponse: {Channels: channels}};
		},
	};
	for (const kind of CHANNEL_KINDS) Object.assign(handlers, kindHandlers(push, kind));
	return handlers;
}
