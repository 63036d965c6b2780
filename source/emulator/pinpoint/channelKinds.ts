// The push channels the emulator answers: the ChannelType each one is, the stem of its operations
// (Get/Update/Delete<stem>Channel), the credential family it belongs to, and the largest payload it carries.
import type {ChannelKind} from './state.js';

export type ChannelFamily = 'apns' | 'gcm' | 'baidu' | 'adm';

export interface ChannelKindInfo {
	kind: ChannelKind;
	stem: string;
	family: ChannelFamily;
	/** Largest notification payload in bytes: 6 KB for ADM, 4 KB for the others. */
	maxPayloadBytes: number;
}

const KB = 1024;

export const CHANNEL_INFO: Record<ChannelKind, ChannelKindInfo> = {
	APNS: {kind: 'APNS', stem: 'Apns', family: 'apns', maxPayloadBytes: 4 * KB},
	APNS_SANDBOX: {kind: 'APNS_SANDBOX', stem: 'ApnsSandbox', family: 'apns', maxPayloadBytes: 4 * KB},
	APNS_VOIP: {kind: 'APNS_VOIP', stem: 'ApnsVoip', family: 'apns', maxPayloadBytes: 4 * KB},
	APNS_VOIP_SANDBOX: {kind: 'APNS_VOIP_SANDBOX', stem: 'ApnsVoipSandbox', family: 'apns', maxPayloadBytes: 4 * KB},
	GCM: {kind: 'GCM', stem: 'Gcm', family: 'gcm', maxPayloadBytes: 4 * KB},
	BAIDU: {kind: 'BAIDU', stem: 'Baidu', family: 'baidu', maxPayloadBytes: 4 * KB},
	ADM: {kind: 'ADM', stem: 'Adm', family: 'adm', maxPayloadBytes: 6 * KB},
};

export function isChannelKind(value: unknown): value is ChannelKind {
	return typeof value === 'string' && Object.hasOwn(CHANNEL_INFO, value);
}
