// The notification a push channel would hand its provider for one address: the channel's own message (APNSMessage,
// GCMMessage, BaiduMessage, ADMMessage) over DefaultPushNotificationMessage over DefaultMessage, the address's
// overrides and substitutions applied, Context under data.pinpoint. Built only to measure it against the
// channel's payload limit; its layout follows each provider's documented notification format.
import {CHANNEL_INFO, type ChannelFamily} from './channelKinds.js';
import type {ChannelKind} from './state.js';

type Json = Record<string, unknown>;

export interface Overrides {
	BodyOverride?: string;
	TitleOverride?: string;
	RawContent?: string;
	Substitutions?: Record<string, string[]>;
	Context?: Record<string, string>;
}

const MESSAGE_MEMBER: Record<ChannelFamily, string> = {apns: 'APNSMessage', gcm: 'GCMMessage', baidu: 'BaiduMessage', adm: 'ADMMessage'};

/** The member of MessageConfiguration with the channel's own message (APNSMessage …). */
export const messageMember = (kind: ChannelKind) => MESSAGE_MEMBER[CHANNEL_INFO[kind].family];

function substitute(text: string | undefined, substitutions: Record<string, string[]>): string | undefined {
	return text?.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => substitutions[name.trim()]?.[0] ?? whole);
}

function withoutUndefined(value: Json): Json {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function providerPayload(family: ChannelFamily, message: Json, title: string | undefined, body: string | undefined, data: Json): Json {
	switch (family) {
		case 'apns':
			return {
				aps: withoutUndefined({
					alert: message.SilentPush ? undefined : withoutUndefined({title, body}),
					sound: message.Sound,
					badge: message.Badge,
					category: message.Category,
					'thread-id': message.ThreadId,
					'content-available': message.SilentPush ? 1 : undefined,
				}),
				...data,
			};
		case 'gcm':
			return {data: {...data, 'pinpoint.notification.title': title, 'pinpoint.notification.body': body, 'pinpoint.notification.imageUrl': message.ImageUrl}};
		case 'baidu':
			return withoutUndefined({title, description: body, custom_content: data});
		case 'adm':
			return {data: {...data, 'pinpoint.notification.title': title, 'pinpoint.notification.body': body}, consolidationKey: message.ConsolidationKey, expiresAfter: message.ExpiresAfter};
	}
}

/**
 * Whether `kind` gets a message at all: its own message, DefaultPushNotificationMessage, DefaultMessage or the
 * address's RawContent. Without one the notification would be empty: the address fails (send.ts).
 */
export function hasPushMessage(kind: ChannelKind, configuration: Json, overrides: Overrides): boolean {
	return [configuration[messageMember(kind)], configuration.DefaultPushNotificationMessage, configuration.DefaultMessage, overrides.RawContent].some(m => m !== undefined && m !== null);
}

/** The JSON text of the notification for `kind`. */
export function buildPushPayload(kind: ChannelKind, configuration: Json, context: Record<string, string>, overrides: Overrides): string {
	const family = CHANNEL_INFO[kind].family;
	const own = (configuration[MESSAGE_MEMBER[family]] ?? {}) as Json;
	const defaults = (configuration.DefaultPushNotificationMessage ?? {}) as Json;
	const plain = (configuration.DefaultMessage ?? {}) as Json;
	const raw = overrides.RawContent ?? (own.RawContent as string | undefined);
	if (raw !== undefined) return raw;
	const substitutions = {...(plain.Substitutions as Record<string, string[]>), ...(defaults.Substitutions as Record<string, string[]>), ...(own.Substitutions as Record<string, string[]>), ...overrides.Substitutions};
	const title = substitute(overrides.TitleOverride ?? ((own.Title ?? defaults.Title) as string | undefined), substitutions);
	const body = substitute(overrides.BodyOverride ?? ((own.Body ?? defaults.Body ?? plain.Body) as string | undefined), substitutions);
	const data: Json = {
		...((defaults.Data ?? {}) as Json),
		...((own.Data ?? {}) as Json),
		pinpoint: withoutUndefined({
			url: own.Url ?? defaults.Url,
			action: own.Action ?? defaults.Action,
			...context,
			...overrides.Context,
		}),
	};
	return JSON.stringify(providerPayload(family, own, title, body, data));
}
