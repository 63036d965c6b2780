/**
 * What the tail shows, kept outside React: a bounded ring buffer of parsed events, a pause buffer ("+N new"),
 * a running summary (counts by status, total price), quick filters and the lifecycle grouping by message id.
 * Pure logic; the view subscribes and redraws at most ~10 times a second.
 */
import {eventOutcome, parseEventRecord, type EventOutcome, type ParsedEvent} from './eventRecord.js';
import {safeText} from './sanitize.js';

/** One log event as the tail engine delivers it (structurally the engine's TailEvent). */
export interface LogLine {
	eventId?: string;
	timestamp: number;
	ingestionTime?: number;
	logStreamName?: string;
	message: string;
}

export interface TailRow {
	/** Arrival order, unique for the life of the model. */
	seq: number;
	line: LogLine;
	parsed: ParsedEvent;
	outcome: EventOutcome;
	/** Lower-cased text the `/` filter searches (made safe, as the rows show it). */
	haystack: string;
}

export function toRow(seq: number, line: LogLine): TailRow {
	const parsed = parseEventRecord(line.message);
	const outcome = eventOutcome(parsed);
	// What the rows show, so made safe as they show it (placeholders for controls and line breaks).
	const haystack = safeText(
		[parsed.eventType, parsed.status, parsed.destination, parsed.origination, parsed.messageId, parsed.isoCountryCode, parsed.kind === 'sms' || parsed.kind === 'mms' || parsed.kind === 'voice' ? '' : parsed.raw, line.logStreamName]
			.filter(Boolean)
			.join(' '),
	).toLowerCase();
	return {seq, line, parsed, outcome, haystack};
}

/** A fixed-capacity ring: pushing past capacity drops the oldest. */
export class RingBuffer<T> {
	private items: (T | undefined)[];
	private start = 0;
	private count = 0;
	/** Items dropped to make room, ever. */
	dropped = 0;

	constructor(readonly capacity: number) {
		this.items = new Array<T | undefined>(capacity);
	}

	get size(): number {
		return this.count;
	}

	push(item: T): void {
		if (this.count < this.capacity) {
			this.items[(this.start + this.count) % this.capacity] = item;
			this.count++;
			return;
		}
		this.items[this.start] = item;
		this.start = (this.start + 1) % this.capacity;
		this.dropped++;
	}

	toArray(): T[] {
		const out = new Array<T>(this.count);
		for (let i = 0; i < this.count; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
		return out;
	}

	clear(): void {
		this.items = new Array<T | undefined>(this.capacity);
		this.start = 0;
		this.count = 0;
	}
}

export interface TailSummary {
	events: number;
	/** Events per status (messageStatus, else the event type; raw lines count as RAW). */
	byStatus: Map<string, number>;
	byOutcome: Record<EventOutcome, number>;
	/** Sum of totalMessagePrice over final events (the charge of each finished message, counted once). */
	totalPrice: number;
	messages: Set<string>;
}

function emptySummary(): TailSummary {
	return {events: 0, byStatus: new Map(), byOutcome: {success: 0, failure: 0, pending: 0, unknown: 0}, totalPrice: 0, messages: new Set()};
}

const MAX_TRACKED_MESSAGES = 100_000;

export function statusLabel(row: Pick<TailRow, 'parsed'>): string {
	const p = row.parsed;
	if (p.kind === 'raw') return 'RAW';
	return p.status ?? p.eventType?.replace(/^(TEXT|MEDIA|VOICE)_/, '') ?? 'JSON';
}

export type QuickFilter = 'all' | 'failed' | 'pending' | 'delivered';
export const QUICK_FILTERS: QuickFilter[] = ['all', 'failed', 'pending', 'delivered'];

export function nextQuickFilter(current: QuickFilter): QuickFilter {
	return QUICK_FILTERS[(QUICK_FILTERS.indexOf(current) + 1) % QUICK_FILTERS.length];
}

function matchesQuick(outcome: EventOutcome, quick: QuickFilter): boolean {
	if (quick === 'all') return true;
	if (quick === 'failed') return outcome === 'failure';
	if (quick === 'pending') return outcome === 'pending';
	return outcome === 'success';
}

/** Rows that pass the quick filter and the `/` text (a leading ! inverts the text match). */
export function filterTailRows<R extends {outcome: EventOutcome; haystack: string}>(rows: readonly R[], quick: QuickFilter, text: string): R[] | readonly R[] {
	let q = text.trim().toLowerCase();
	const invert = q.startsWith('!');
	if (invert) q = q.slice(1);
	if (quick === 'all' && q === '') return rows;
	return rows.filter(r => {
		if (!matchesQuick(r.outcome, quick)) return false;
		if (q === '') return true;
		const hit = r.haystack.includes(q);
		return invert ? !hit : hit;
	});
}

/** One message's lifecycle (the `m` view): every event of one messageId folded into a row. */
export interface LifecycleRow {
	seq: number;
	/** The newest event of the message: its outcome colours the row. */
	last: TailRow;
	first: TailRow;
	events: TailRow[];
	/** Status path, e.g. PENDING → SUCCESSFUL → DELIVERED (repeats collapsed). */
	path: string[];
	final: boolean;
	/** Request to final event, when both are known. */
	latencyMs?: number;
	outcome: EventOutcome;
	haystack: string;
}

/** Groups rows by messageId, in order of each message's first event; rows without one stay alone. */
export function groupByMessage(rows: readonly TailRow[]): LifecycleRow[] {
	const byId = new Map<string, LifecycleRow>();
	const out: LifecycleRow[] = [];
	for (const row of rows) {
		const id = row.parsed.messageId;
		let group = id ? byId.get(id) : undefined;
		if (!group) {
			group = {seq: row.seq, first: row, last: row, events: [], path: [], final: false, outcome: row.outcome, haystack: ''};
			if (id) byId.set(id, group);
			out.push(group);
		}
		group.events.push(row);
		const status = statusLabel(row);
		if (group.path[group.path.length - 1] !== status) group.path.push(status);
		// The final event wins; otherwise the newest by event time.
		const lastTime = group.last.parsed.timestamp ?? group.last.line.timestamp;
		const time = row.parsed.timestamp ?? row.line.timestamp;
		if (row.parsed.isFinal === true || (group.last.parsed.isFinal !== true && time >= lastTime)) group.last = row;
	}
	for (const g of out) {
		g.final = g.last.parsed.isFinal === true;
		g.outcome = g.last.outcome;
		const requested = g.events.find(e => e.parsed.requestTimestamp !== undefined)?.parsed.requestTimestamp;
		const finalTime = g.last.parsed.timestamp;
		if (g.final && requested !== undefined && finalTime !== undefined) g.latencyMs = Math.max(0, finalTime - requested);
		g.haystack = `${g.path.join(' ').toLowerCase()} ${g.events.map(e => e.haystack).join(' ')}`;
	}
	return out;
}

export interface TailModelSnapshot {
	/** Rows on screen, oldest first (frozen while paused). */
	rows: TailRow[];
	/** Events received while paused, not yet on screen. */
	pending: number;
	paused: boolean;
	summary: TailSummary;
	/** Rows dropped from the ring buffer (oldest first), ever. */
	dropped: number;
	version: number;
}

/**
 * The tail's data: append() from the engine, pause()/resume() from the keyboard, snapshot() for the view.
 * Listeners are told something changed; the view decides when to redraw.
 */
export class TailModel {
	private ring: RingBuffer<TailRow>;
	private held: TailRow[] = [];
	private heldDropped = 0;
	private seq = 0;
	private summary = emptySummary();
	private paused = false;
	private version = 0;
	private cached?: TailModelSnapshot;
	private listeners = new Set<() => void>();

	constructor(readonly capacity = 10_000) {
		this.ring = new RingBuffer<TailRow>(capacity);
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	append(lines: readonly LogLine[]): void {
		if (lines.length === 0) return;
		for (const line of lines) {
			const row = toRow(++this.seq, line);
			this.count(row);
			if (this.paused) {
				this.held.push(row);
				if (this.held.length > this.capacity) {
					this.held.shift();
					this.heldDropped++;
				}
			} else {
				this.ring.push(row);
			}
		}
		this.changed();
	}

	setPaused(paused: boolean): void {
		if (paused === this.paused) return;
		this.paused = paused;
		if (!paused) {
			for (const row of this.held) this.ring.push(row);
			this.ring.dropped += this.heldDropped;
			this.held = [];
			this.heldDropped = 0;
		}
		this.changed();
	}

	get isPaused(): boolean {
		return this.paused;
	}

	snapshot(): TailModelSnapshot {
		if (this.cached?.version === this.version) return this.cached;
		this.cached = {
			rows: this.ring.toArray(),
			pending: this.held.length + this.heldDropped,
			paused: this.paused,
			summary: this.summary,
			dropped: this.ring.dropped,
			version: this.version,
		};
		return this.cached;
	}

	get currentVersion(): number {
		return this.version;
	}

	private count(row: TailRow) {
		const s = this.summary;
		s.events++;
		const status = statusLabel(row);
		s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
		s.byOutcome[row.outcome]++;
		if (row.parsed.isFinal === true && row.parsed.price !== undefined) s.totalPrice += row.parsed.price;
		if (row.parsed.messageId && s.messages.size < MAX_TRACKED_MESSAGES) s.messages.add(row.parsed.messageId);
	}

	private changed() {
		this.version++;
		for (const l of this.listeners) l();
	}
}

/** "DELIVERED 12 · PENDING 3 · CARRIER_UNREACHABLE 1" — the busiest statuses first, at most `max`. */
export function statusCounts(summary: TailSummary, max = 6): string {
	return [...summary.byStatus.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, max)
		.map(([status, n]) => `${status} ${n.toLocaleString('en-US')}`)
		.join(' · ');
}
