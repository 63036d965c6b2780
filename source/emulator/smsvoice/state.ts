// Per-region state of the emulated account, created lazily on first use of a region.
import type {EmulatorWorld, RequestContext} from '../types.js';
import {arn} from './ids.js';
import type {Channel, RegionState, RootState} from './model.js';

export const SANDBOX_TIER = 'SANDBOXED';
export const PRODUCTION_TIER = 'PRODUCTION';

/** Account quotas (DescribeAccountLimits names) plus the per-resource ones the service enforces. */
export const DEFAULT_LIMITS: Readonly<Record<string, number>> = Object.freeze({
	PHONE_NUMBERS: 25,
	POOLS: 25,
	CONFIGURATION_SETS: 25,
	OPT_OUT_LISTS: 25,
	SENDER_IDS: 25,
	REGISTRATIONS: 25,
	REGISTRATION_ATTACHMENTS: 25,
	VERIFIED_DESTINATION_NUMBERS: 10,
	PROTECT_CONFIGURATIONS: 25,
	KEYWORDS_PER_ORIGINATOR: 30,
	IDENTITIES_PER_POOL: 100,
	EVENT_DESTINATIONS_PER_CONFIGURATION_SET: 5,
	TAGS_PER_RESOURCE: 200,
});

/** Account spend limits (USD per month) in the sandbox; voice is our choice (the guide gives none). */
export const SANDBOX_MAX_SPEND: Readonly<Record<Channel, number>> = Object.freeze({TEXT: 1, MEDIA: 1, VOICE: 1});
/** Account spend limits after leaving the sandbox (our choice; AWS sets them per account by support case). */
export const PRODUCTION_MAX_SPEND: Readonly<Record<Channel, number>> = Object.freeze({TEXT: 1000, MEDIA: 500, VOICE: 500});

export const DEFAULT_OPT_OUT_LIST = 'Default';

export function emptyRegion(region: string, accountId: string, now: number): RegionState {
	return {
		region,
		accountTier: SANDBOX_TIER,
		limits: {...DEFAULT_LIMITS},
		spend: {maxLimit: {...SANDBOX_MAX_SPEND}, override: {}, months: {}},
		phoneNumbers: {},
		senderIds: {},
		pools: {},
		configSets: {},
		optOutLists: {
			[DEFAULT_OPT_OUT_LIST]: {
				name: DEFAULT_OPT_OUT_LIST,
				arn: arn(region, accountId, `opt-out-list/${DEFAULT_OPT_OUT_LIST}`),
				created: now,
				tags: [],
				numbers: {},
			},
		},
		verified: {},
		protect: {},
		registrations: {},
		attachments: {},
		clientTokens: {},
		sent: [],
		inbound: [],
		deliveries: [],
	};
}

export function emptyRoot(): RootState {
	return {version: 1, regions: {}, withheld: []};
}

/** Everything a handler needs: the world, the (replaceable) root state and small helpers. */
export interface Svc {
	world: EmulatorWorld;
	root: RootState;
	now(): number;
	/** Call after a state change. */
	dirty(): void;
	/** The state of a region (created with only the Default opt-out list when first used). */
	region(regionOrCtx: string | RequestContext): RegionState;
	arn(rs: RegionState, resource: string): string;
	/** Lazy time-based transitions of other modules (registration reviews), run with every region() call. */
	settlers: ((rs: RegionState) => void)[];
}

export function createSvc(world: EmulatorWorld): Svc {
	const svc: Svc = {
		world,
		root: emptyRoot(),
		now: () => world.clock.now(),
		dirty: () => world.markDirty(),
		region(regionOrCtx) {
			const name = typeof regionOrCtx === 'string' ? regionOrCtx : regionOrCtx.region;
			let rs = svc.root.regions[name];
			if (!rs) {
				rs = emptyRegion(name, world.accountId, svc.now());
				svc.root.regions[name] = rs;
				svc.dirty();
			}
			rs.registrations ??= {};
			rs.attachments ??= {};
			settle(svc, rs);
			for (const settler of svc.settlers) settler(rs);
			return rs;
		},
		arn: (rs, resource) => arn(rs.region, world.accountId, resource),
		settlers: [],
	};
	return svc;
}

/** Lazy time-based transitions: PENDING numbers whose activation time has passed become ACTIVE. */
function settle(svc: Svc, rs: RegionState): void {
	const now = svc.now();
	if (rs.nextActivationAt === undefined || rs.nextActivationAt > now) return;
	let next: number | undefined;
	for (const id in rs.phoneNumbers) {
		const pn = rs.phoneNumbers[id];
		if (pn.status !== 'PENDING' || pn.activeAt === undefined) continue;
		if (pn.activeAt <= now) {
			pn.status = 'ACTIVE';
			delete pn.activeAt;
		} else if (next === undefined || pn.activeAt < next) next = pn.activeAt;
	}
	rs.nextActivationAt = next;
	svc.dirty();
}

/** Schedules a PENDING number's activation (lazy: applied by the next request after that time). */
export function scheduleActivation(rs: RegionState, at: number): void {
	if (rs.nextActivationAt === undefined || at < rs.nextActivationAt) rs.nextActivationAt = at;
}

/** Seconds since the epoch, as the API's timestamps are. */
export function seconds(ms: number): number {
	return ms / 1000;
}

export function monthKey(ms: number): string {
	return new Date(ms).toISOString().slice(0, 7);
}
