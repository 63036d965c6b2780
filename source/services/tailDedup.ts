// Removes duplicates when the same log events arrive twice: polled pages and catch-up reads that overlap what was
// already shown, and the join between FilterLogEvents (events with an eventId) and StartLiveTail (events without
// one). How long an event is remembered is the engine's call (tailEngine.ts, the read floor). No SDK, no I/O.
import {insertSorted} from '../domain/sortedInsert.js';
import type {TailEvent} from './tailTypes.js';

/** FNV-1a over the message, as 8 hex digits: cheap and stable, enough to tell messages apart with the length. */
export function messageHash(message: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < message.length; i++) {
		h ^= message.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** What identifies an event across transports: timestamp, stream and the message (live tail has no eventId). */
export function contentKey(event: Pick<TailEvent, 'timestamp' | 'logStreamName' | 'message'>): string {
	return `${event.timestamp}|${event.logStreamName ?? ''}|${event.message.length}|${messageHash(event.message)}`;
}

interface KeyEntry {
	/** Events seen with an eventId (polled) that no live event has matched yet. */
	polled: number;
	/** Events seen without an eventId (live) that no polled event has matched yet. */
	live: number;
}

interface Bucket {
	ids: string[];
	keys: string[];
}

/**
 * Seen events, kept per second of their own timestamp (the service's clock, never this machine's). `accept` says
 * whether an event is new.
 * - Polled vs polled: by eventId (CloudWatch's ids are unique per event).
 * - Polled vs live (live tail events carry no eventId): by content key, matched one to one, so two identical
 *   lines in the same millisecond still both show once each.
 * Nothing is forgotten on its own: the owner calls `forgetBefore(t)` once no read it will ever make can return an
 * event stamped before t (its reads start at t or later). So an id that can still come back is never forgotten,
 * whatever the clocks say and however far in the future an event is stamped; what bounds the window is the
 * owner's read floor (and `floorForAtMost`, which tells how far to raise it to keep within a size).
 */
export class DedupWindow {
	private ids = new Set<string>();
	private keys = new Map<string, KeyEntry>();
	private buckets = new Map<number, Bucket>();
	/** The seconds that have a bucket, ascending. */
	private seconds: number[] = [];
	private entries = 0;

	accept(event: TailEvent): boolean {
		const key = contentKey(event);
		let entry = this.keys.get(key);
		if (event.eventId !== undefined) {
			if (this.ids.has(event.eventId)) return false;
			this.remember(event.timestamp, event.eventId, entry ? undefined : key);
			if (entry && entry.live > 0) {
				entry.live--;
				return false;
			}
			if (!entry) this.keys.set(key, (entry = {polled: 0, live: 0}));
			entry.polled++;
			return true;
		}
		if (entry && entry.polled > 0) {
			entry.polled--;
			return false;
		}
		if (!entry) {
			this.keys.set(key, (entry = {polled: 0, live: 0}));
			this.remember(event.timestamp, undefined, key);
		}
		entry.live++;
		return true;
	}

	/** Keeps only the new events of a batch, in order. */
	filter(events: TailEvent[]): TailEvent[] {
		return events.filter(e => this.accept(e));
	}

	/** Ids and content keys held. */
	get size(): number {
		return this.entries;
	}

	/** Forgets every event stamped before `timestamp` (whole seconds: a second is dropped once all of it is older). */
	forgetBefore(timestamp: number): void {
		let drop = 0;
		while (drop < this.seconds.length && (this.seconds[drop] + 1) * 1000 <= timestamp) {
			const second = this.seconds[drop++];
			const bucket = this.buckets.get(second)!;
			for (const id of bucket.ids) this.ids.delete(id);
			for (const key of bucket.keys) this.keys.delete(key);
			this.entries -= bucket.ids.length + bucket.keys.length;
			this.buckets.delete(second);
		}
		if (drop > 0) this.seconds.splice(0, drop);
	}

	/**
	 * The lowest timestamp to forget before so that at most `maxEntries` remain (whole seconds, newest kept), or
	 * undefined when the window is within that already.
	 */
	floorForAtMost(maxEntries: number): number | undefined {
		if (this.entries <= maxEntries) return undefined;
		let kept = 0;
		for (let i = this.seconds.length - 1; i >= 0; i--) {
			const bucket = this.buckets.get(this.seconds[i])!;
			kept += bucket.ids.length + bucket.keys.length;
			if (kept > maxEntries) return (this.seconds[i] + 1) * 1000;
		}
		return undefined;
	}

	private remember(timestamp: number, id: string | undefined, key: string | undefined) {
		const second = Math.floor(timestamp / 1000);
		let bucket = this.buckets.get(second);
		if (!bucket) {
			this.buckets.set(second, (bucket = {ids: [], keys: []}));
			insertSorted(this.seconds, second, (a, b) => a - b);
		}
		if (id !== undefined) {
			this.ids.add(id);
			bucket.ids.push(id);
			this.entries++;
		}
		if (key !== undefined) {
			bucket.keys.push(key);
			this.entries++;
		}
	}
}

/** Events per second over the last few seconds (a ring of per-second counts). */
export class RateMeter {
	private counts: number[];
	private seconds: number[];

	constructor(
		private readonly spanSeconds = 5,
		private readonly now: () => number = Date.now,
	) {
		this.counts = new Array<number>(spanSeconds).fill(0);
		this.seconds = new Array<number>(spanSeconds).fill(-1);
	}

	add(n: number): void {
		const second = Math.floor(this.now() / 1000);
		const slot = second % this.spanSeconds;
		if (this.seconds[slot] !== second) {
			this.seconds[slot] = second;
			this.counts[slot] = 0;
		}
		this.counts[slot] += n;
	}

	/** Average over the complete seconds of the span (the current, partial second counts too when it is busier). */
	rate(): number {
		const second = Math.floor(this.now() / 1000);
		let total = 0;
		for (let i = 0; i < this.spanSeconds; i++) {
			const s = this.seconds[i];
			if (s > second - this.spanSeconds && s < second) total += this.counts[i];
		}
		const full = total / (this.spanSeconds - 1);
		const slot = second % this.spanSeconds;
		const current = this.seconds[slot] === second ? this.counts[slot] : 0;
		return Math.round(Math.max(full, current) * 10) / 10;
	}
}
