// The push (Pinpoint) state of the emulated account: applications per Region, each with its channels and
// endpoints. Plain JSON, so --state can save it. Secrets sent in channel requests are never kept: a channel
// records which credentials it holds.
import {PUSH_CHANNEL_TYPES, type PushChannelType} from '../../domain/pushRules.js';

/** The push channel types (one list for the console and the emulator: domain/pushRules.ts). */
export const CHANNEL_KINDS = PUSH_CHANNEL_TYPES;
export type ChannelKind = PushChannelType;

export interface StoredChannel {
	enabled: boolean;
	/** ISO 8601, as Pinpoint writes these members. */
	creationDate: string;
	lastModifiedDate: string;
	lastModifiedBy: string;
	version: number;
	/** APNs family: a certificate and its private key were given. */
	certificate?: boolean;
	/** APNs family: a token key with its key id, team id and bundle id were given. */
	tokenKey?: boolean;
	/** GCM: a legacy server (API) key was given. */
	apiKey?: boolean;
	/** GCM: an FCM service account JSON was given. */
	serviceJson?: boolean;
	/** Baidu: the API key (what the service reports as Credential); ADM: the client id (not reported). */
	credential?: string;
	defaultAuthenticationMethod?: string;
}

export interface StoredEndpoint {
	id: string;
	address?: string;
	channelType?: string;
	creationDate: string;
	effectiveDate: string;
	cohortId: string;
	requestId: string;
	endpointStatus: string;
	optOut: string;
	/** The other EndpointRequest members as given (Attributes, Demographic, Location, Metrics, User). */
	details: Record<string, unknown>;
}

export interface PushApp {
	id: string;
	name: string;
	tags: Record<string, string>;
	creationDate: string;
	channels: Partial<Record<ChannelKind, StoredChannel>>;
	endpoints: Record<string, StoredEndpoint>;
}

export interface PushRegion {
	/** Creation order. */
	apps: PushApp[];
}

export interface PushStateData {
	version: 1;
	regions: Record<string, PushRegion>;
}

export class PushState {
	data: PushStateData = {version: 1, regions: {}};

	/** The Region's state, created for a change (reads use appsIn, which leaves the state as it is). */
	region(name: string): PushRegion {
		this.data.regions[name] ??= {apps: []};
		return this.data.regions[name];
	}

	appsIn(region: string): readonly PushApp[] {
		return Object.hasOwn(this.data.regions, region) ? this.data.regions[region].apps : [];
	}

	snapshot(): PushStateData {
		return structuredClone(this.data);
	}

	/** A snapshot from snapshot(); `{}` (a state file without push state) is an empty one. */
	restore(value: unknown): void {
		const snap = value as Partial<PushStateData> | undefined;
		if (snap === undefined || (typeof snap === 'object' && snap !== null && Object.keys(snap).length === 0)) {
			this.data = {version: 1, regions: {}};
			return;
		}
		if (snap === null || snap.version !== 1 || typeof snap.regions !== 'object' || snap.regions === null) throw new Error('not a push (Pinpoint) snapshot (version 1)');
		this.data = structuredClone(snap as PushStateData);
	}
}
