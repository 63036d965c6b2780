// CloudWatch Logs state: log groups per region, their streams and events, and its snapshot form.
import {insertSorted} from '../../domain/sortedInsert.js';

export interface StoredEvent {
	timestamp: number;
	message: string;
	ingestionTime: number;
	/** Global ingestion order; breaks ties between equal timestamps. */
	seq: number;
	eventId: string;
}

export interface LogStream {
	name: string;
	creationTime: number;
	/** Sorted by (timestamp, seq). */
	events: StoredEvent[];
	lastIngestionTime?: number;
	storedBytes: number;
	sequence: number;
}

export interface LogGroup {
	name: string;
	region: string;
	creationTime: number;
	retentionInDays?: number;
	logGroupClass: string;
	kmsKeyId?: string;
	deletionProtectionEnabled: boolean;
	tags: Record<string, string>;
	streams: Map<string, LogStream>;
	storedBytes: number;
}

/** An event as it reaches live tail sessions. */
export interface IngestedEvent {
	group: LogGroup;
	streamName: string;
	event: StoredEvent;
}

function compareEvents(a: StoredEvent, b: StoredEvent): number {
	return a.timestamp - b.timestamp || a.seq - b.seq;
}

export function eventIdFor(timestamp: number, seq: number): string {
	return `${String(Math.max(0, Math.trunc(timestamp))).padStart(20, '0')}${String(seq).padStart(36, '0')}`;
}

export class LogsStore {
	private readonly regions = new Map<string, Map<string, LogGroup>>();
	private nextSeq = 1;
	private readonly listeners = new Set<(events: IngestedEvent[]) => void>();

	/** The ingestion sequence of the newest stored event (0 when none). */
	get lastSeq(): number {
		return this.nextSeq - 1;
	}

	groups(region: string): Map<string, LogGroup> {
		let groups = this.regions.get(region);
		if (!groups) {
			groups = new Map();
			this.regions.set(region, groups);
		}
		return groups;
	}

	findGroup(region: string, name: string): LogGroup | undefined {
		return this.regions.get(region)?.get(name);
	}

	createGroup(region: string, name: string, now: number, extra: Partial<Pick<LogGroup, 'logGroupClass' | 'kmsKeyId' | 'deletionProtectionEnabled' | 'tags'>> = {}): LogGroup {
		const group: LogGroup = {
			name,
			region,
			creationTime: now,
			logGroupClass: extra.logGroupClass ?? 'STANDARD',
			kmsKeyId: extra.kmsKeyId,
			deletionProtectionEnabled: extra.deletionProtectionEnabled ?? false,
			tags: {...(extra.tags ?? {})},
			streams: new Map(),
			storedBytes: 0,
		};
		this.groups(region).set(name, group);
		return group;
	}

	deleteGroup(region: string, name: string): boolean {
		return this.regions.get(region)?.delete(name) ?? false;
	}

	createStream(group: LogGroup, name: string, now: number): LogStream {
		const stream: LogStream = {name, creationTime: now, events: [], storedBytes: 0, sequence: 0};
		group.streams.set(name, stream);
		return stream;
	}

	/** Stores events (any order) and tells live tail listeners. Returns the stored events. */
	append(group: LogGroup, stream: LogStream, events: {timestamp: number; message: string}[], now: number): StoredEvent[] {
		const stored: StoredEvent[] = [];
		for (const input of events) {
			const seq = this.nextSeq++;
			const event: StoredEvent = {timestamp: input.timestamp, message: input.message, ingestionTime: now, seq, eventId: eventIdFor(input.timestamp, seq)};
			insertSorted(stream.events, event, compareEvents);
			const bytes = Buffer.byteLength(input.message, 'utf8');
			stream.storedBytes += bytes;
			group.storedBytes += bytes;
			stored.push(event);
		}
		if (stored.length > 0) {
			stream.lastIngestionTime = now;
			stream.sequence++;
			const ingested = stored.map(event => ({group, streamName: stream.name, event}));
			for (const listener of this.listeners) listener(ingested);
		}
		return stored;
	}

	onIngest(listener: (events: IngestedEvent[]) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	snapshot(): unknown {
		const regions: Record<string, unknown[]> = {};
		for (const [region, groups] of this.regions) {
			regions[region] = [...groups.values()].map(group => ({
				...group,
				streams: [...group.streams.values()],
			}));
		}
		return {version: 1, nextSeq: this.nextSeq, regions};
	}

	/** Replaces the state; a group that exists before and after keeps its object (live tails match by it). */
	restore(data: unknown): void {
		const snapshot = data as {nextSeq?: number; regions?: Record<string, Array<Omit<LogGroup, 'streams'> & {streams: LogStream[]}>>};
		const before = new Map([...this.regions].map(([region, groups]) => [region, new Map(groups)]));
		this.regions.clear();
		this.nextSeq = typeof snapshot?.nextSeq === 'number' ? snapshot.nextSeq : 1;
		for (const [region, groups] of Object.entries(snapshot?.regions ?? {})) {
			const map = this.groups(region);
			for (const group of groups) {
				const restored: LogGroup = {...group, region, streams: new Map(group.streams.map(stream => [stream.name, stream]))};
				const kept = before.get(region)?.get(group.name);
				if (kept) for (const key of Object.keys(kept)) delete (kept as unknown as Record<string, unknown>)[key];
				map.set(group.name, kept ? Object.assign(kept, restored) : restored);
			}
		}
	}
}
