// What a push provider answers for one device token, by the emulator's token conventions (README.md):
// a token containing "invalid" is refused as a bad token, "unregistered" as a token no longer registered,
// "throttled" as over the provider's rate; any other token is delivered. Words and codes are each provider's.
import {CHANNEL_INFO, type ChannelFamily} from './channelKinds.js';
import type {ChannelKind} from './state.js';

export interface DeliveryOutcome {
	DeliveryStatus: 'SUCCESSFUL' | 'PERMANENT_FAILURE' | 'THROTTLED' | 'OPT_OUT';
	StatusCode: number;
	StatusMessage: string;
}

const PROVIDER_WORDS: Record<ChannelFamily, {invalid: [number, string]; unregistered: [number, string]; throttled: string}> = {
	apns: {invalid: [400, 'BadDeviceToken'], unregistered: [410, 'Unregistered'], throttled: 'TooManyRequests'},
	gcm: {invalid: [400, 'InvalidRegistration'], unregistered: [404, 'NotRegistered'], throttled: 'QuotaExceeded'},
	adm: {invalid: [400, 'InvalidRegistrationId'], unregistered: [410, 'Unregistered'], throttled: 'MaxRateExceeded'},
	baidu: {invalid: [400, 'Invalid channel id'], unregistered: [410, 'Channel id is not registered'], throttled: 'Request too frequent'},
};

export function providerOutcome(kind: ChannelKind, token: string): DeliveryOutcome {
	const words = PROVIDER_WORDS[CHANNEL_INFO[kind].family];
	const lower = token.toLowerCase();
	if (lower.includes('invalid')) return {DeliveryStatus: 'PERMANENT_FAILURE', StatusCode: words.invalid[0], StatusMessage: words.invalid[1]};
	if (lower.includes('unregistered')) return {DeliveryStatus: 'PERMANENT_FAILURE', StatusCode: words.unregistered[0], StatusMessage: words.unregistered[1]};
	if (lower.includes('throttled')) return {DeliveryStatus: 'THROTTLED', StatusCode: 429, StatusMessage: words.throttled};
	return {DeliveryStatus: 'SUCCESSFUL', StatusCode: 200, StatusMessage: 'OK'};
}
