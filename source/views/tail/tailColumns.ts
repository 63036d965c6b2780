// Columns of the tail: one event per row, or one message lifecycle per row (m). Pure functions over rows.
import type {Column} from '../../components/tableModel.js';
import type {ColorToken} from '../../theme/theme.js';
import type {EventOutcome} from '../../domain/eventRecord.js';
import {formatPrice} from '../../domain/format.js';
import {formatLatency, statusLabel, type LifecycleRow, type TailRow} from '../../domain/tailModel.js';
import {layoutColumns} from '../../components/tableModel.js';
import {cellWidth} from '../../domain/textWidth.js';

export function outcomeColor(outcome: EventOutcome): ColorToken | undefined {
	if (outcome === 'success') return 'ok';
	if (outcome === 'failure') return 'error';
	if (outcome === 'pending') return 'info';
	return undefined;
}

function pad(n: number, width = 2) {
	return String(n).padStart(width, '0');
}

/** Local wall-clock time with milliseconds: "14:03:22.118". */
export function clock(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms)) return '';
	const d = new Date(ms);
	return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

const final = (b: boolean | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');
const num = (n: number | undefined) => (n === undefined ? '' : String(n));
// Prices repeat (a price per part per country): formatted once each (toLocaleString is slow at 2,000 rows a second).
const prices = new Map<number, string>();
const price = (n: number | undefined) => {
	if (n === undefined) return '';
	let text = prices.get(n);
	if (text === undefined) {
		if (prices.size > 10_000) prices.clear();
		text = formatPrice(n);
		prices.set(n, text);
	}
	return text;
};

// What may go when the terminal is narrow, in this order: the columns named here; time, status, final and
// destination (and the lifecycle's path and latency) always stay, at their full width.
export const eventColumns: Column<TailRow>[] = [
	{id: 'time', title: 'Time', value: r => clock(r.parsed.timestamp ?? r.line.timestamp), minWidth: 12},
	{id: 'type', title: 'Event type', value: r => (r.parsed.kind === 'raw' ? 'RAW' : (r.parsed.eventType ?? 'JSON')), minWidth: 10, shrink: 3},
	// The columns that stay are capped (the longest status is 22 characters, an E.164 number 16), so a
	// malformed value is cut rather than pushing the others off the screen.
	{id: 'status', title: 'Status', value: r => statusLabel(r), minWidth: 8, maxWidth: 24},
	{id: 'final', title: 'Final', value: r => final(r.parsed.isFinal)},
	{id: 'destination', title: 'Destination', value: r => r.parsed.destination ?? '', minWidth: 12, maxWidth: 16},
	{id: 'origination', title: 'Origination', value: r => r.parsed.origination ?? '', minWidth: 8, maxWidth: 16},
	{id: 'country', title: 'Cc', value: r => r.parsed.isoCountryCode ?? '', maxWidth: 4},
	{id: 'parts', title: 'Parts', value: r => num(r.parsed.parts), align: 'right', maxWidth: 7},
	{id: 'price', title: 'Price', value: r => price(r.parsed.price), align: 'right', maxWidth: 10},
	{id: 'message', title: 'Message id', value: r => r.parsed.messageId ?? '', minWidth: 12, shrink: 2, grow: 1},
];

/** Event columns that give way on a narrow terminal, first to last. */
export const EVENT_DROP_ORDER = ['origination', 'type', 'message', 'price', 'parts', 'country'];

/** Request to final; blank (not 0 ms) when unknown, e.g. a message with one event. */
function latency(ms: number | undefined): string {
	return ms === undefined ? '–' : formatLatency(ms);
}

export const lifecycleColumns: Column<LifecycleRow>[] = [
	{id: 'time', title: 'Time', value: g => clock(g.first.parsed.timestamp ?? g.first.line.timestamp), minWidth: 12},
	{id: 'path', title: 'Status path', value: g => g.path.join(' → '), minWidth: 12, maxWidth: 60, shrink: 1},
	{id: 'final', title: 'Final', value: g => (g.final ? 'yes' : 'no')},
	{id: 'latency', title: 'Latency', value: g => latency(g.latencyMs), align: 'right'},
	{id: 'destination', title: 'Destination', value: g => g.last.parsed.destination ?? '', minWidth: 12, maxWidth: 16},
	{id: 'origination', title: 'Origination', value: g => g.last.parsed.origination ?? '', minWidth: 8, maxWidth: 16},
	{id: 'country', title: 'Cc', value: g => g.last.parsed.isoCountryCode ?? '', maxWidth: 4},
	{id: 'parts', title: 'Parts', value: g => num(g.last.parsed.parts), align: 'right', maxWidth: 7},
	{id: 'price', title: 'Price', value: g => price(g.last.parsed.price), align: 'right', maxWidth: 10},
	{id: 'message', title: 'Message id', value: g => g.last.parsed.messageId ?? '', minWidth: 12, shrink: 2, grow: 1},
];

export const LIFECYCLE_DROP_ORDER = ['origination', 'message', 'price', 'parts', 'country'];

/** The natural width of each column over `sample`: its widest value or its title (with room for a sort arrow). */
export function naturalWidths<Row>(columns: readonly Column<Row>[], sample: readonly Row[], cellWidths: (row: Row) => readonly number[] = row => columns.map(c => cellWidth(c.value(row)))): number[] {
	const natural = columns.map(c => cellWidth(c.title) + 2);
	for (const row of sample) {
		const widths = cellWidths(row);
		for (let i = 0; i < natural.length; i++) if (widths[i] > natural[i]) natural[i] = widths[i];
	}
	return columns.map((c, i) => Math.max(c.maxWidth !== undefined ? Math.min(natural[i], c.maxWidth) : natural[i], c.minWidth ?? 1));
}

/**
 * Column widths for the tail: the columns that always stay get their natural width; when the rest do not fit
 * even at their minimum, they go in `dropOrder` (width 0); what is left is laid out as any table.
 */
export function tailLayout<Row>(columns: readonly Column<Row>[], natural: readonly number[], width: number, dropOrder: readonly string[]): number[] {
	const dropped = new Set<string>();
	const need = () =>
		columns.reduce((sum, c, i) => (dropped.has(c.id) ? sum : sum + (dropOrder.includes(c.id) && c.shrink ? Math.min(natural[i], c.minWidth ?? natural[i]) : natural[i]) + 1), -1);
	for (const id of dropOrder) {
		if (need() <= width) break;
		dropped.add(id);
	}
	// The table layout over one stand-in row as wide as the natural widths (the sample is measured once, above).
	const kept: Column<null>[] = columns.flatMap((c, i) => (dropped.has(c.id) ? [] : [{...c, value: () => 'x'.repeat(natural[i]), sortValue: undefined, color: undefined}]));
	const keptWidths = layoutColumns(kept, [null], width);
	let k = 0;
	return columns.map(c => (dropped.has(c.id) ? 0 : keptWidths[k++]));
}
