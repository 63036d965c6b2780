/**
 * What the tail shows, kept outside React: a bounded ring buffer of parsed events, a pause buffer ("+N new"),
 * a running summary (counts by status, total price), quick filters and the lifecycle grouping by message id.
 * Pure logic; the view subscribes and redraws at most ~10 times a second.
 */
import {eventOutcome, parseEventRecord, type EventOutcome, type ParsedEvent} from './eventRecord.js';
import {safeJson, safeText} from './sanitize.js';
import {parseE164} from './e164.js';
import {DistinctCounter, StringPool} from './compactStore.js';

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
	/** Lower-cased text the `/` filter searches (made safe, as the rows show it); worked out when first asked for. */
	readonly haystack: string;
}

// One copy of each repeated value across rows (statuses, event types, numbers, message ids, stream names): see
// compactStore.ts. Shared by every model; bounded.
const pool = new StringPool(8192);
const POOLED = ['eventType', 'eventVersion', 'contentType', 'status', 'statusDescription', 'messageId', 'origination', 'destination', 'isoCountryCode', 'encoding', 'messageType'] as const;

class EventRow implements TailRow {
	private searchText: string | undefined = undefined;

	constructor(
		readonly seq: number,
		readonly line: LogLine,
		readonly parsed: ParsedEvent,
		readonly outcome: EventOutcome,
	) {}

	// Not kept with every row (it repeats what the row holds): only the rows a `/` filter has searched keep it.
	get haystack(): string {
		this.searchText ??= haystackOf(this.line, this.parsed);
		return this.searchText;
	}
}

function haystackOf(line: LogLine, parsed: ParsedEvent): string {
	// What the rows show, so made safe as they show it (placeholders for controls and line breaks).
	return safeText(
		[parsed.eventType, parsed.status, parsed.destination, parsed.origination, parsed.messageId, parsed.isoCountryCode, parsed.kind === 'sms' || parsed.kind === 'mms' || parsed.kind === 'voice' ? '' : parsed.raw, line.logStreamName]
			.filter(Boolean)
			.join(' '),
	).toLowerCase();
}

export function toRow(seq: number, line: LogLine): TailRow {
	// The parsed JSON is not kept with the row (rows are 10,000 at 2,000 a second): rowJson parses it again when a
	// detail or an export needs it.
	const {json: _json, ...parsed} = parseEventRecord(line.message);
	for (const key of POOLED) if (parsed[key] !== undefined) parsed[key] = pool.intern(parsed[key]);
	const kept: LogLine = {eventId: line.eventId, timestamp: line.timestamp, ingestionTime: line.ingestionTime, logStreamName: pool.intern(line.logStreamName), message: line.message};
	return new EventRow(seq, kept, parsed, eventOutcome(parsed));
}

/** The event's JSON (parsed again from the line; rows do not keep it), or undefined for a raw line. */
export function rowJson(row: Pick<TailRow, 'line'>): unknown {
	return parseEventRecord(row.line.message).json;
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

	/** Puts `items` before everything held; past capacity the oldest (the first of `items`) are dropped. */
	prepend(items: readonly T[]): void {
		const all = [...items, ...this.toArray()];
		const keep = all.slice(Math.max(0, all.length - this.capacity));
		this.dropped += all.length - keep.length;
		this.items = new Array<T | undefined>(this.capacity);
		for (let i = 0; i < keep.length; i++) this.items[i] = keep[i];
		this.start = 0;
		this.count = keep.length;
	}
}

export interface TailSummary {
	events: number;
	/** Events per status (messageStatus, else the event type; raw lines count as RAW). */
	byStatus: Map<string, number>;
	byOutcome: Record<EventOutcome, number>;
	/** Sum of totalMessagePrice over final events (the charge of each finished message, counted once). */
	totalPrice: number;
	/** Message ids seen, counted without keeping them (at most MAX_TRACKED_MESSAGES; shared by snapshots, read messageCount instead). */
	messages: DistinctCounter;
	/** How many distinct messages, as of this summary. */
	messageCount: number;
	/** Final events (isFinal true), and those of them that failed. */
	finals: number;
	failedFinals: number;
}

function emptySummary(): TailSummary {
	return {events: 0, byStatus: new Map(), byOutcome: {success: 0, failure: 0, pending: 0, unknown: 0}, totalPrice: 0, messages: new DistinctCounter(MAX_TRACKED_MESSAGES), messageCount: 0, finals: 0, failedFinals: 0};
}

function countInto(s: TailSummary, row: TailRow): void {
	s.events++;
	const status = statusLabel(row);
	s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
	s.byOutcome[row.outcome]++;
	if (row.parsed.isFinal === true) {
		s.finals++;
		if (row.outcome === 'failure') s.failedFinals++;
		if (row.parsed.price !== undefined) s.totalPrice += row.parsed.price;
	}
	if (row.parsed.messageId && s.messages.add(row.parsed.messageId)) s.messageCount = s.messages.size;
}

/** The summary of some rows (those the filters let through). */
export function summarizeRows(rows: readonly TailRow[]): TailSummary {
	const s = emptySummary();
	for (const row of rows) countInto(s, row);
	return s;
}

/** "failed 12.5% (3 of 24 final)", or "no final events" — failed finals over finals. */
export function failureRate(s: Pick<TailSummary, 'finals' | 'failedFinals'>): string {
	if (s.finals === 0) return 'no final events';
	return `failed ${percent(s.failedFinals, s.finals)} (${s.failedFinals.toLocaleString('en-US')} of ${s.finals.toLocaleString('en-US')} final)`;
}

export function percent(part: number, whole: number): string {
	if (whole === 0) return '–';
	const p = (part / whole) * 100;
	return `${p === 0 || p === 100 || p >= 10 ? Math.round(p) : p.toFixed(1)}%`;
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
		// One event says nothing about latency: blank, not 0 ms.
		if (g.final && g.events.length > 1 && requested !== undefined && finalTime !== undefined) g.latencyMs = Math.max(0, finalTime - requested);
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
	/** Older events (a widened window) get sequence numbers below every row already held. */
	private olderSeq = 1;
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

	/**
	 * Events older than everything held (the tail's window widened): merged in before the rows held, oldest first,
	 * so the list stays in time order. Each keeps a sequence number below those already shown.
	 */
	prependOlder(lines: readonly LogLine[]): void {
		if (lines.length === 0) return;
		const sorted = [...lines].sort((a, b) => a.timestamp - b.timestamp);
		this.olderSeq -= sorted.length;
		const rows = sorted.map((line, i) => toRow(this.olderSeq + i - 1, line));
		for (const row of rows) this.count(row);
		this.ring.prepend(rows);
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
			// A copy: the model keeps counting, and a snapshot's summary must match its rows.
			summary: {...this.summary, byStatus: new Map(this.summary.byStatus), byOutcome: {...this.summary.byOutcome}},
			dropped: this.ring.dropped,
			version: this.version,
		};
		return this.cached;
	}

	get currentVersion(): number {
		return this.version;
	}

	private count(row: TailRow) {
		countInto(this.summary, row);
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

// ---- the breakdown pane -------------------------------------------------------------------------------------

export type BreakdownDimension = 'status' | 'country' | 'origination' | 'messageType';
export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = ['status', 'country', 'origination', 'messageType'];
export const DIMENSION_TITLES: Record<BreakdownDimension, string> = {status: 'Final status', country: 'Country', origination: 'Origination', messageType: 'Message type'};

export interface BreakdownCell {
	dimension: BreakdownDimension;
	value: string;
	/** Final events with this value, and those of them that failed. */
	finals: number;
	failed: number;
}

const countryCache = new Map<string, string>();

/** The country of a destination number (from its calling code and numbering plan); '' when it has none. */
export function countryOfNumber(number: string | undefined): string {
	if (!number) return '';
	let country = countryCache.get(number);
	if (country === undefined) {
		const parsed = parseE164(number);
		country = parsed.ok ? (parsed.isoCountryCode ?? '') : '';
		if (countryCache.size > 50_000) countryCache.clear();
		countryCache.set(number, country);
	}
	return country;
}

const NONE = '–';

export function dimensionValue(row: TailRow, dimension: BreakdownDimension): string {
	const p = row.parsed;
	switch (dimension) {
		case 'status':
			return statusLabel(row);
		case 'country':
			return countryOfNumber(p.destination) || p.isoCountryCode || NONE;
		case 'origination':
			return p.origination || NONE;
		case 'messageType':
			return p.messageType || NONE;
	}
}

/** Final events counted by final status, country, origination and message type, the biggest first. */
export function breakdown(rows: readonly TailRow[]): Record<BreakdownDimension, BreakdownCell[]> {
	const maps = Object.fromEntries(BREAKDOWN_DIMENSIONS.map(d => [d, new Map<string, BreakdownCell>()])) as Record<BreakdownDimension, Map<string, BreakdownCell>>;
	for (const row of rows) {
		if (row.parsed.isFinal !== true) continue;
		const failed = row.outcome === 'failure' ? 1 : 0;
		for (const dimension of BREAKDOWN_DIMENSIONS) {
			const value = dimensionValue(row, dimension);
			const map = maps[dimension];
			const cell = map.get(value);
			if (cell) {
				cell.finals++;
				cell.failed += failed;
			} else map.set(value, {dimension, value, finals: 1, failed});
		}
	}
	return Object.fromEntries(
		BREAKDOWN_DIMENSIONS.map(d => [d, [...maps[d].values()].sort((a, b) => b.finals - a.finals || b.failed - a.failed || a.value.localeCompare(b.value))]),
	) as Record<BreakdownDimension, BreakdownCell[]>;
}

export interface CellFilter {
	dimension: BreakdownDimension;
	value: string;
}

/**
 * The rows of the messages whose final event falls in the cell (every event of each such message); a row without a
 * message id is kept when it is itself such a final event.
 */
export function filterByCell(rows: readonly TailRow[], cell: CellFilter | undefined): readonly TailRow[] {
	if (!cell) return rows;
	const ids = new Set<string>();
	for (const row of rows) if (row.parsed.isFinal === true && row.parsed.messageId && dimensionValue(row, cell.dimension) === cell.value) ids.add(row.parsed.messageId);
	return rows.filter(row => (row.parsed.messageId ? ids.has(row.parsed.messageId) : row.parsed.isFinal === true && dimensionValue(row, cell.dimension) === cell.value));
}

// ---- one message's lifecycle ---------------------------------------------------------------------------------

export interface LifecycleStep {
	row: TailRow;
	time?: number;
	status: string;
	final: boolean;
	/** Since the previous event of the message (undefined for the first). */
	sincePreviousMs?: number;
	/** Since the message was requested, when the record says when. */
	sinceRequestMs?: number;
}

/** Every event of one message in time order, with the time between them and since the request. */
export function lifecycleSteps(events: readonly TailRow[]): LifecycleStep[] {
	const sorted = [...events].sort((a, b) => (a.parsed.timestamp ?? a.line.timestamp) - (b.parsed.timestamp ?? b.line.timestamp) || a.seq - b.seq);
	const requested = sorted.find(e => e.parsed.requestTimestamp !== undefined)?.parsed.requestTimestamp;
	let previous: number | undefined;
	return sorted.map(row => {
		const time = row.parsed.timestamp ?? row.line.timestamp;
		const step: LifecycleStep = {row, time, status: statusLabel(row), final: row.parsed.isFinal === true};
		if (previous !== undefined) step.sincePreviousMs = Math.max(0, time - previous);
		if (requested !== undefined) step.sinceRequestMs = Math.max(0, time - requested);
		previous = time;
		return step;
	});
}

/** "840ms", "1.2s", "3m 05s"; '' for unknown. */
export function formatLatency(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms)) return '';
	if (ms < 1000) return `${Math.round(ms)}ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
	const minutes = Math.floor(ms / 60_000);
	return `${minutes}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

// ---- export ----------------------------------------------------------------------------------------------------

function isoTime(ms: number | undefined): string {
	return ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString();
}

/** One event as a JSON line (the shape of `smsdeck tail --json`): {time, logStream, eventId, event, raw}. */
export function eventJsonLine(line: LogLine, parsed: ParsedEvent): string {
	return safeJson({
		time: isoTime(line.timestamp),
		logStream: line.logStreamName,
		...(line.eventId ? {eventId: line.eventId} : {}),
		event: parsed.json ?? null,
		raw: parsed.raw,
	});
}

/** The rows as JSON lines, one per event, ending with a line break. */
export function exportJsonLines(rows: readonly TailRow[]): string {
	let text = '';
	for (const row of rows) text += eventJsonLine(row.line, parseEventRecord(row.line.message)) + '\n';
	return text;
}
