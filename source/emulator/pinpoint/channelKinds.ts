// The push channels the emulator answers: the ChannelType each one is, the stem of its operations
// (Get/Update/Delete<stem>Channel), the credential family it belongs to, and the largest payload it carries.
import type {ChannelKind} from './state.js';
import {PUSH_CHANNELS} from '../../domain/pushRules.js';

export type ChannelFamily = 'apns' | 'gcm' | 'baidu' | 'adm';

export interface ChannelKindInfo {
	kind: ChannelKind;
	stem: string;
	family: ChannelFamily;
	/** Largest notification payload in bytes: 6 KB for ADM, 4 KB for the others. */
	maxPayloadBytes: number;
}

/** Built from the channel table the console uses (domain/pushRules.ts): one place for stems and limits. */
export const CHANNEL_INFO = Object.fromEntries(
	Object.values(PUSH_CHANNELS).map(c => [c.type, {kind: c.type, stem: c.stem, family: c.family.toLowerCase() as ChannelFamily, maxPayloadBytes: c.limitBytes}]),
) as Record<ChannelKind, ChannelKindInfo>;

export function isChannelKind(value: unknown): value is ChannelKind {
	return typeof value === 'string' && Object.hasOwn(CHANNEL_INFO, value);
}
