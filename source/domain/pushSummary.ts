// One line of an application's push channels, for the :push table and smsdeck push (pure; no React).
import {PUSH_CHANNEL_TYPES, PUSH_CHANNELS, type PushChannelType} from './pushRules.js';

/** Which push channels an application has (type → enabled), or why that could not be read. */
export interface ChannelPresence {
	channels?: Partial<Record<PushChannelType, boolean>>;
	channelsError?: string;
}

/** "APNs, FCM · off: ADM" — the channels an application has, the ones switched off apart. */
export function channelSummary(app: ChannelPresence): string {
	if (app.channelsError) return `? ${app.channelsError}`;
	if (!app.channels) return '…';
	const types = PUSH_CHANNEL_TYPES.filter(t => app.channels?.[t] !== undefined);
	if (types.length === 0) return 'none';
	const on = types.filter(t => app.channels?.[t]).map(t => PUSH_CHANNELS[t].label);
	const off = types.filter(t => !app.channels?.[t]).map(t => PUSH_CHANNELS[t].label);
	return [on.join(', '), off.length > 0 ? `off: ${off.join(', ')}` : ''].filter(Boolean).join(' · ');
}
