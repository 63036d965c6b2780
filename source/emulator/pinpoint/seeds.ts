// The push applications of the `default` seed (README.md lists them; the console's tests rely on them):
// channels in every credential state the console shows, certificates near and past their one-year expiry,
// and a few endpoints per application. `empty` (and a state file) starts without any.
import {createHash} from 'node:crypto';
import type {PushContext} from './context.js';
import {upsertEndpoint} from './endpoints.js';
import {isoDate, seededApplicationId} from './ids.js';
import type {ChannelKind, PushApp, StoredChannel} from './state.js';

const DAY_MS = 24 * 60 * 60 * 1000;

type ChannelSeed = Partial<StoredChannel> & {modifiedDaysAgo: number};

interface AppSeed {
	region: string;
	name: string;
	createdDaysAgo: number;
	tags?: Record<string, string>;
	channels: Partial<Record<ChannelKind, ChannelSeed>>;
	/** Endpoint id → channel type; the address is a valid-looking token of that provider unless given. */
	endpoints: Record<string, {channelType: ChannelKind; address?: string}>;
}

const CERTIFICATE = {certificate: true, defaultAuthenticationMethod: 'CERTIFICATE'};
const APNS_TOKEN = {tokenKey: true, defaultAuthenticationMethod: 'TOKEN'};

export const PUSH_SEED: AppSeed[] = [
	{
		region: 'us-east-1',
		name: 'shop-mobile',
		createdDaysAgo: 700,
		tags: {team: 'mobile'},
		channels: {
			APNS: {...CERTIFICATE, enabled: true, modifiedDaysAgo: 340},
			APNS_SANDBOX: {...APNS_TOKEN, enabled: true, modifiedDaysAgo: 30},
			GCM: {serviceJson: true, defaultAuthenticationMethod: 'TOKEN', enabled: true, modifiedDaysAgo: 60},
		},
		endpoints: {
			'ios-device-1': {channelType: 'APNS'},
			'ios-device-invalid': {channelType: 'APNS', address: 'invalid-apns-token-0001'},
			'ios-sandbox-device-1': {channelType: 'APNS_SANDBOX'},
			'android-device-1': {channelType: 'GCM'},
			'android-device-unregistered': {channelType: 'GCM', address: 'fcm-unregistered-token-0001'},
		},
	},
	{
		region: 'us-east-1',
		name: 'courier-app',
		createdDaysAgo: 420,
		channels: {
			GCM: {apiKey: true, defaultAuthenticationMethod: 'KEY', enabled: true, modifiedDaysAgo: 200},
			BAIDU: {credential: 'courier-baidu-api-key', enabled: true, modifiedDaysAgo: 150},
			ADM: {credential: 'amzn1.application-oa2-client.courier', enabled: false, modifiedDaysAgo: 90},
			APNS_VOIP: {...APNS_TOKEN, enabled: true, modifiedDaysAgo: 45},
		},
		endpoints: {
			'android-device-1': {channelType: 'GCM'},
			'baidu-device-1': {channelType: 'BAIDU'},
			'kindle-device-1': {channelType: 'ADM'},
			'ios-voip-device-1': {channelType: 'APNS_VOIP'},
		},
	},
	{
		region: 'us-east-1',
		name: 'legacy-alerts',
		createdDaysAgo: 1200,
		channels: {APNS: {...CERTIFICATE, enabled: true, modifiedDaysAgo: 400}},
		endpoints: {'ios-device-1': {channelType: 'APNS'}},
	},
	{
		region: 'eu-west-1',
		name: 'shop-mobile-eu',
		createdDaysAgo: 300,
		channels: {GCM: {serviceJson: true, defaultAuthenticationMethod: 'TOKEN', enabled: true, modifiedDaysAgo: 20}},
		endpoints: {'android-device-1': {channelType: 'GCM'}},
	},
];

/** A token of the provider's shape (APNs: 64 hex characters), stable for the seed. */
function seededToken(kind: ChannelKind, appId: string, endpointId: string): string {
	const hex = createHash('sha256').update(`${appId}:${endpointId}`).digest('hex');
	if (kind.startsWith('APNS')) return hex;
	if (kind === 'GCM') return `f${hex.slice(0, 10)}:APA91b${hex.slice(10, 60)}`;
	if (kind === 'BAIDU') return hex.slice(0, 19).replace(/[a-f]/g, '7');
	return `amzn1.adm-registration.v3.${hex}`;
}

function seedApp(push: PushContext, seed: AppSeed, now: number): PushApp {
	const id = seededApplicationId(seed.region, seed.name);
	const created = isoDate(now - seed.createdDaysAgo * DAY_MS);
	const app: PushApp = {id, name: seed.name, tags: {...seed.tags}, creationDate: created, channels: {}, endpoints: {}};
	for (const [kind, {modifiedDaysAgo, ...channel}] of Object.entries(seed.channels) as [ChannelKind, ChannelSeed][]) {
		const modified = isoDate(now - modifiedDaysAgo * DAY_MS);
		app.channels[kind] = {enabled: true, creationDate: modified, lastModifiedDate: modified, lastModifiedBy: push.accountId, version: 1, ...channel};
	}
	for (const [endpointId, {channelType, address}] of Object.entries(seed.endpoints)) {
		upsertEndpoint(app, endpointId, {ChannelType: channelType, Address: address ?? seededToken(channelType, id, endpointId)}, created, `seed-${endpointId}`);
	}
	return app;
}

export type PushSeedName = 'default' | 'empty';

/** Replaces the push state with the seed's. */
export function applyPushSeed(push: PushContext, seed: PushSeedName): void {
	push.state.restore({});
	if (seed === 'empty') return;
	const now = push.now();
	for (const app of PUSH_SEED) push.state.region(app.region).apps.push(seedApp(push, app, now));
}
