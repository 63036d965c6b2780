// The insights dashboard as data: one CloudWatch Logs Insights query per panel over a configuration set's event
// records, the time windows, and the readers that turn a query's rows into what a panel shows. The counting,
// percentiles and time bins are the queries' (they run in the service); what is left here is naming the rows.
// Pure: no I/O (services/insightsService.ts runs the queries).
import {awsCli, type CliConnection} from './awsCliCommand.js';
import {eventOutcome} from './eventRecord.js';

export type InsightsWindowLabel = '15m' | '1h' | '24h' | '7d';

export interface InsightsWindow {
	/** "1h" for the console's windows; what was typed for `smsdeck insights --since`. */
	label: string;
	ms: number;
	/** The width of a sparkline's time bin, as Logs Insights writes it in bin(). */
	bin: string;
	binMs: number;
}

export const INSIGHTS_WINDOWS: readonly (InsightsWindow & {label: InsightsWindowLabel})[] = Object.freeze([
	{label: '15m', ms: 15 * 60_000, bin: '30s', binMs: 30_000},
	{label: '1h', ms: 60 * 60_000, bin: '2m', binMs: 120_000},
	{label: '24h', ms: 24 * 60 * 60_000, bin: '1h', binMs: 3_600_000},
	{label: '7d', ms: 7 * 24 * 60 * 60_000, bin: '6h', binMs: 6 * 3_600_000},
]);

const BIN_CHOICES: readonly [string, number][] = [
	['30s', 30_000], ['1m', 60_000], ['2m', 120_000], ['5m', 300_000], ['10m', 600_000], ['15m', 900_000], ['30m', 1_800_000],
	['1h', 3_600_000], ['3h', 10_800_000], ['6h', 21_600_000], ['12h', 43_200_000], ['1d', 86_400_000], ['1w', 604_800_000],
];

/** A window of any length (`smsdeck insights --since 3h`): bins of a round width, at most 40 of them. */
export function windowOf(ms: number, label: string): InsightsWindow {
	const [bin, binMs] = BIN_CHOICES.find(([, width]) => ms / width <= 40) ?? BIN_CHOICES[BIN_CHOICES.length - 1];
	return {label, ms, bin, binMs};
}

export function findWindow(label: string): (InsightsWindow & {label: InsightsWindowLabel}) | undefined {
	return INSIGHTS_WINDOWS.find(w => w.label === label.trim().toLowerCase());
}

export function nextWindow(current: InsightsWindowLabel): InsightsWindowLabel {
	const i = INSIGHTS_WINDOWS.findIndex(w => w.label === current);
	return INSIGHTS_WINDOWS[(i + 1) % INSIGHTS_WINDOWS.length].label;
}

/** A query's time range, epoch seconds, both ends included (as StartQuery takes them). */
export interface QueryRange {
	startTime: number;
	endTime: number;
}

/** The window ending at `now`, and the one just before it (for the movers). */
export function windowRanges(window: InsightsWindow, now: number): {current: QueryRange; previous: QueryRange} {
	const endTime = Math.floor(now / 1000);
	const startTime = endTime - Math.floor(window.ms / 1000);
	return {current: {startTime, endTime}, previous: {startTime: startTime - Math.floor(window.ms / 1000), endTime: startTime - 1}};
}

/** Final statuses that count as delivered and as failed (the outcome table of domain/eventRecord.ts). */
export const DELIVERED_STATUSES = ['DELIVERED', 'SUCCESSFUL', 'COMPLETED', 'ANSWERED'] as const;
export const FAILED_STATUSES = [
	'INVALID', 'UNREACHABLE', 'BLOCKED', 'CARRIER_UNREACHABLE', 'SPAM', 'INVALID_MESSAGE', 'CARRIER_BLOCKED', 'TTL_EXPIRED', 'FAILED',
	'UNROUTABLE', 'BUSY', 'NO_ANSWER', 'PROTECT_BLOCKED', 'UNKNOWN',
] as const;

const list = (values: readonly string[]) => `[${values.map(v => JSON.stringify(v)).join(', ')}]`;
const FINAL = 'filter isFinal = 1';
const FAILED = `messageStatus in ${list(FAILED_STATUSES)}`;
const LATENCY = 'fields eventTimestamp - messageRequestTimestamp as latency';

/** A breakdown dimension: the record's field and its name in the console (the tail's cell filters use the same). */
export type InsightsDimension = 'status' | 'country' | 'origination' | 'messageType';
export const DIMENSION_FIELDS: Readonly<Record<InsightsDimension, string>> = Object.freeze({
	status: 'messageStatus',
	country: 'isoCountryCode',
	origination: 'originationPhoneNumber',
	messageType: 'messageType',
});

/** The breakdowns, in the order the dashboard shows them (the movers too). */
export const DIMENSIONS: readonly InsightsDimension[] = Object.freeze(['status', 'country', 'origination', 'messageType']);

export type PreviousPanelId = 'previousStatus' | 'previousCountry' | 'previousOrigination' | 'previousMessageType';
export type PanelId = InsightsDimension | 'latency' | 'price' | 'bins' | PreviousPanelId;

/** The panel that reads a breakdown over the previous window, for its movers. */
export const PREVIOUS_PANEL: Readonly<Record<InsightsDimension, PreviousPanelId>> = Object.freeze({
	status: 'previousStatus',
	country: 'previousCountry',
	origination: 'previousOrigination',
	messageType: 'previousMessageType',
});

/** How a breakdown's rows are named in titles: "final status", "country" … */
export const DIMENSION_NAMES: Readonly<Record<InsightsDimension, string>> = Object.freeze({
	status: 'final status',
	country: 'country',
	origination: 'origination identity',
	messageType: 'message type',
});

export interface PanelQuery {
	id: PanelId;
	title: string;
	/** The window this panel reads: the current one, or the one before it (movers). */
	range: 'current' | 'previous';
	queryString: string;
}

const ROW_LIMIT = 100;

const byDimension = (dimension: InsightsDimension) =>
	`${FINAL} | stats count(*) as messages, sum(${FAILED}) as failed by ${DIMENSION_FIELDS[dimension]} | sort messages desc, ${DIMENSION_FIELDS[dimension]} asc | limit ${ROW_LIMIT}`;

const byStatus = `${FINAL} | stats count(*) as messages by messageStatus | sort messages desc, messageStatus asc | limit ${ROW_LIMIT}`;

/** The dashboard's queries, one per panel, for a window (the bin width of the sparklines depends on it). */
export function insightsQueries(window: InsightsWindow): PanelQuery[] {
	return [
		{id: 'status', title: 'Messages by final status', range: 'current', queryString: byStatus},
		...(['country', 'origination', 'messageType'] as const).map(id => ({id, title: `By ${DIMENSION_NAMES[id]}`, range: 'current' as const, queryString: byDimension(id)})),
		{
			id: 'latency',
			title: 'Latency, request to final event',
			range: 'current',
			queryString: `${FINAL} and ispresent(messageRequestTimestamp) | ${LATENCY} | stats pct(latency, 50) as p50, pct(latency, 95) as p95, pct(latency, 99) as p99, count(*) as messages`,
		},
		{id: 'price', title: 'Total price', range: 'current', queryString: `${FINAL} | stats sum(totalMessagePrice) as price, count(*) as messages`},
		{
			id: 'bins',
			title: `Per ${window.bin}`,
			range: 'current',
			queryString: `${FINAL} | ${LATENCY} | stats count(*) as messages, sum(${FAILED}) as failed, pct(latency, 95) as p95 by bin(${window.bin}) as bin | sort bin asc`,
		},
		// The movers: each breakdown again over the window before, by the same query.
		...DIMENSIONS.map(dimension => ({
			id: PREVIOUS_PANEL[dimension],
			title: `Previous window by ${DIMENSION_NAMES[dimension]}`,
			range: 'previous' as const,
			queryString: dimension === 'status' ? byStatus : byDimension(dimension),
		})),
	];
}

/** The panel's query as an `aws logs start-query` command (then `aws logs get-query-results --query-id …`). */
export function startQueryCli(connection: CliConnection, logGroup: string, range: QueryRange, queryString: string): string {
	return awsCli(connection, 'logs', 'start-query', {
		'log-group-name': logGroup,
		'start-time': String(range.startTime),
		'end-time': String(range.endTime),
		'query-string': queryString,
	});
}

// ---- reading the rows ---------------------------------------------------------------------------------------

/** One result row: field name → value, as GetQueryResults gives them (without @ptr). */
export type ResultRow = Record<string, string>;

const numberOf = (value: string | undefined): number => {
	const n = Number(value);
	return value === undefined || value === '' || !Number.isFinite(n) ? 0 : n;
};

export const NO_VALUE = '–';

export interface StatusCount {
	status: string;
	messages: number;
	outcome: 'delivered' | 'failed' | 'other';
}

export interface Totals {
	messages: number;
	delivered: number;
	failed: number;
	/** Finals neither delivered nor failed. */
	other: number;
	byStatus: StatusCount[];
}

function outcomeOfStatus(status: string): StatusCount['outcome'] {
	const outcome = eventOutcome({status, isFinal: true});
	return outcome === 'success' ? 'delivered' : outcome === 'failure' ? 'failed' : 'other';
}

export function readTotals(rows: readonly ResultRow[]): Totals {
	const byStatus = rows.map(r => {
		const status = r.messageStatus || NO_VALUE;
		return {status, messages: numberOf(r.messages), outcome: status === NO_VALUE ? 'other' : outcomeOfStatus(status)} as StatusCount;
	});
	const sum = (outcome?: StatusCount['outcome']) => byStatus.filter(s => !outcome || s.outcome === outcome).reduce((n, s) => n + s.messages, 0);
	return {messages: sum(), delivered: sum('delivered'), failed: sum('failed'), other: sum('other'), byStatus};
}

export interface DimensionCount {
	dimension: InsightsDimension;
	value: string;
	messages: number;
	failed: number;
}

export function readDimension(dimension: InsightsDimension, rows: readonly ResultRow[]): DimensionCount[] {
	const field = DIMENSION_FIELDS[dimension];
	return rows.map(r => ({dimension, value: r[field] || NO_VALUE, messages: numberOf(r.messages), failed: numberOf(r.failed)}));
}

export interface Latency {
	p50?: number;
	p95?: number;
	p99?: number;
	messages: number;
}

export function readLatency(rows: readonly ResultRow[]): Latency {
	const r = rows[0];
	if (!r) return {messages: 0};
	const ms = (v: string | undefined) => (v === undefined || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
	return {p50: ms(r.p50), p95: ms(r.p95), p99: ms(r.p99), messages: numberOf(r.messages)};
}

export function readPrice(rows: readonly ResultRow[]): {price: number; messages: number} {
	const r = rows[0];
	return {price: numberOf(r?.price), messages: numberOf(r?.messages)};
}

export interface Bin {
	/** Start of the bin, epoch ms. */
	at: number;
	messages: number;
	failed: number;
	p95?: number;
}

/** `2024-05-19 06:10:00.000` (UTC, as Logs Insights writes times) → epoch ms. */
export function parseInsightsTime(text: string): number {
	return Date.parse(`${text.trim().replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(text.trim()) ? '' : 'Z'}`);
}

/** Every bin of the range, oldest first; a bin the query did not return (nothing in it) is zero. */
export function readBins(rows: readonly ResultRow[], range: QueryRange, binMs: number): Bin[] {
	const found = new Map<number, Bin>();
	for (const r of rows) {
		const at = parseInsightsTime(r.bin ?? '');
		if (!Number.isFinite(at)) continue;
		const p95 = r.p95 === undefined || r.p95 === '' ? undefined : Number(r.p95);
		found.set(at, {at, messages: numberOf(r.messages), failed: numberOf(r.failed), p95: Number.isFinite(p95) ? p95 : undefined});
	}
	const first = Math.floor((range.startTime * 1000) / binMs) * binMs;
	const bins: Bin[] = [];
	for (let at = first; at <= range.endTime * 1000; at += binMs) bins.push(found.get(at) ?? {at, messages: 0, failed: 0});
	return bins;
}

export interface Mover {
	dimension: InsightsDimension;
	value: string;
	messages: number;
	previousMessages: number;
	/**
	 * What moved, in percent now and in the previous window (undefined: no messages there): the failure rate of a
	 * country, origination identity or message type ('failed'); a final status's share of all final messages ('share').
	 */
	measure: 'failed' | 'share';
	rate?: number;
	previousRate?: number;
	/** Change of the rate in percentage points (a new or vanished value counts from 0). */
	change: number;
	/** Whether the move is for the worse: more failures, or a smaller share delivered. */
	worse: boolean;
}

const rate = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : undefined);

/**
 * The values of one breakdown whose rate moved the most against the previous window, then those whose volume
 * moved most. A country, origination identity or message type is measured by its failure rate; a final status by
 * its share of all final messages (its failure rate is 0% or 100% by definition).
 */
export function biggestMovers(current: readonly DimensionCount[], previous: readonly DimensionCount[], count = 5): Mover[] {
	const dimension = current[0]?.dimension ?? previous[0]?.dimension ?? 'country';
	const measure: Mover['measure'] = dimension === 'status' ? 'share' : 'failed';
	const total = (cells: readonly DimensionCount[]) => cells.reduce((n, c) => n + c.messages, 0);
	const [totalNow, totalBefore] = [total(current), total(previous)];
	const rateOf = (cell: DimensionCount | undefined, all: number) => (cell === undefined ? undefined : measure === 'share' ? rate(cell.messages, all) : rate(cell.failed, cell.messages));
	const values = new Set([...current.map(c => c.value), ...previous.map(p => p.value)]);
	const movers: Mover[] = [];
	for (const value of values) {
		const now = current.find(c => c.value === value);
		const before = previous.find(p => p.value === value);
		const [r, previousRate] = [rateOf(now, totalNow), rateOf(before, totalBefore)];
		const change = (r ?? 0) - (previousRate ?? 0);
		const outcome = measure === 'share' ? outcomeOfStatus(value) : 'failed';
		const worse = outcome === 'failed' ? change > 0 : outcome === 'delivered' ? change < 0 : false;
		movers.push({dimension, value, messages: now?.messages ?? 0, previousMessages: before?.messages ?? 0, measure, rate: r, previousRate, change, worse});
	}
	return movers
		.filter(m => m.change !== 0 || m.messages !== m.previousMessages)
		.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.messages - b.previousMessages) - Math.abs(a.messages - a.previousMessages) || a.value.localeCompare(b.value))
		.slice(0, count);
}

/** Percent of a whole with one decimal ("99.6%", "4.2%"); exactly none or all without ("0%", "100%"). */
export function formatPercent(part: number, whole: number): string {
	if (whole <= 0) return '–';
	if (part === 0 || part === whole) return part === 0 ? '0%' : '100%';
	return `${((part / whole) * 100).toFixed(1)}%`;
}

/** Milliseconds as people read latency: "850 ms", "2.4 s", "60 s", "3 m 5 s". */
export function formatLatency(ms: number | undefined): string {
	if (ms === undefined) return '–';
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 100_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
	const s = Math.round(ms / 1000);
	return `${Math.floor(s / 60)} m ${s % 60} s`;
}

/** Bytes scanned, as Logs Insights bills them: "512 B", "1.5 MB", "2.1 GB". */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let v = bytes / 1024;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

const SPARK = '▁▂▃▄▅▆▇█';
const SPARK_ASCII = '_.-=+*#@';

/** A sparkline of values (undefined: a gap, shown as a space); all zero is a flat low line. */
export function sparkline(values: readonly (number | undefined)[], ascii = false): string {
	const glyphs = ascii ? SPARK_ASCII : SPARK;
	const max = Math.max(0, ...values.map(v => v ?? 0));
	return values.map(v => (v === undefined ? ' ' : max === 0 ? glyphs[0] : glyphs[Math.min(glyphs.length - 1, Math.floor((v / max) * (glyphs.length - 1) + 0.5))])).join('');
}

// ---- the dashboard from the panels' rows -----------------------------------------------------------------------

export interface PanelRows {
	rows?: readonly ResultRow[];
	range: QueryRange;
}

export interface Dashboard {
	totals?: Totals;
	/** Cells per dimension; the status column counts a failed status's messages as failed. */
	cells: Partial<Record<InsightsDimension, DimensionCount[]>>;
	latency?: Latency;
	price?: {price: number; messages: number};
	bins?: Bin[];
	/** The biggest movers per breakdown, once both its windows are read. */
	movers: Partial<Record<InsightsDimension, Mover[]>>;
}

/** A final status as a breakdown cell: a failed status's messages all count as failed. */
const statusCell = (s: StatusCount): DimensionCount => ({dimension: 'status', value: s.status, messages: s.messages, failed: s.outcome === 'failed' ? s.messages : 0});

/** What the dashboard shows from the panels that have rows so far (a panel still running is left out). */
export function readDashboard(panels: Partial<Record<PanelId, PanelRows>>, window: InsightsWindow): Dashboard {
	const rows = (id: PanelId) => panels[id]?.rows;
	const totals = rows('status') ? readTotals(rows('status')!) : undefined;
	const cells: Dashboard['cells'] = {};
	if (totals) cells.status = totals.byStatus.map(statusCell);
	for (const dimension of ['country', 'origination', 'messageType'] as const) {
		const found = rows(dimension);
		if (found) cells[dimension] = readDimension(dimension, found);
	}
	const movers: Dashboard['movers'] = {};
	for (const dimension of DIMENSIONS) {
		const now = cells[dimension];
		const before = rows(PREVIOUS_PANEL[dimension]);
		if (!now || !before) continue;
		const previous = dimension === 'status' ? readTotals(before).byStatus.map(statusCell) : readDimension(dimension, before);
		movers[dimension] = biggestMovers(now, previous);
	}
	return {
		totals,
		cells,
		latency: rows('latency') ? readLatency(rows('latency')!) : undefined,
		price: rows('price') ? readPrice(rows('price')!) : undefined,
		bins: rows('bins') ? readBins(rows('bins')!, panels.bins!.range, window.binMs) : undefined,
		movers,
	};
}

/**
 * "CA 0% → 100% failed (+100 pp), 2 → 3 msg", "GB new: 2 msg, 50% failed", "FR gone (was 3 msg)";
 * a final status by its share: "CARRIER_UNREACHABLE 10.0% → 40.0% of msgs (+30 pp), 1 → 4 msg".
 */
export function describeMover(m: Mover): string {
	const pct = (v: number | undefined) => (v === undefined ? '–' : `${v === 0 || v === 100 ? v : v.toFixed(1)}%`);
	const what = m.measure === 'share' ? 'of msgs' : 'failed';
	if (m.previousMessages === 0) return `${m.value} new: ${m.messages} msg, ${pct(m.rate)} ${what}`;
	if (m.messages === 0) return `${m.value} gone (was ${m.previousMessages} msg)`;
	const pp = m.change === 0 ? '' : ` (${m.change > 0 ? '+' : ''}${Math.round(m.change * 10) / 10} pp)`;
	return `${m.value} ${pct(m.previousRate)} → ${pct(m.rate)} ${what}${pp}, ${m.previousMessages} → ${m.messages} msg`;
}
