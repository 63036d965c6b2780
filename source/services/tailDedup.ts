// Removes duplicates when the same log events arrive twice: polled pages that overlap (the aws-cli algorithm,
// widened to a late-arrival window), and the join between FilterLogEvents (events with an eventId) and
// StartLiveTail (events without one). No SDK, no I/O.
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

/**
 * Seen events inside a sliding window of event timestamps. `accept` says whether an event is new.
 * - Polled vs polled: by eventId (stable and unique per event).
 * - Polled vs live: by content key, matched one to one, so two identical lines in the same millisecond
 *   still both show once each.
 * Events older than the window are forgotten; a caller never asks about those again (its reads start later).
 */
export class DedupWindow {
	private ids = new Set<string>();
	private keys = new Map<string, KeyEntry>();
	/** Per second of event time: the ids and keys recorded, to forget them in order. */
	private buckets = new Map<number, {ids: string[]; keys: string[]}>();
	private newest = 0;

	constructor(readonly windowMs = 60_000) {}

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
		const out = events.filter(e => this.accept(e));
		this.prune();
		return out;
	}

	get size(): number {
		return this.keys.size;
	}

	private remember(timestamp: number, id: string | undefined, key: string | undefined) {
		if (timestamp > this.newest) this.newest = timestamp;
		const second = Math.floor(timestamp / 1000);
		let bucket = this.buckets.get(second);
		if (!bucket) this.buckets.set(second, (bucket = {ids: [], keys: []}));
		if (id !== undefined) {
			this.ids.add(id);
			bucket.ids.push(id);
		}
		if (key !== undefined) bucket.keys.push(key);
	}

	private prune() {
		const oldest = Math.floor((this.newest - this.windowMs) / 1000);
		for (const [second, bucket] of this.buckets) {
			if (second >= oldest) continue;
			for (const id of bucket.ids) this.ids.delete(id);
			for (const key of bucket.keys) this.keys.delete(key);
			this.buckets.delete(second);
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
