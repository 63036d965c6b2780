// Columns of the tail: one event per row, or one message lifecycle per row (m). Pure functions over rows.
import type {Column} from '../../components/tableModel.js';
import type {ColorToken} from '../../theme/theme.js';
import type {EventOutcome} from '../../domain/eventRecord.js';
import {formatPrice} from '../../domain/format.js';
import {statusLabel, type LifecycleRow, type TailRow} from '../../domain/tailModel.js';

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
const price = (n: number | undefined) => (n === undefined ? '' : formatPrice(n));

export const eventColumns: Column<TailRow>[] = [
	{id: 'time', title: 'Time', value: r => clock(r.parsed.timestamp ?? r.line.timestamp), minWidth: 12},
	{id: 'type', title: 'Event type', value: r => (r.parsed.kind === 'raw' ? 'RAW' : (r.parsed.eventType ?? 'JSON')), minWidth: 10, shrink: 1},
	{id: 'status', title: 'Status', value: r => statusLabel(r), minWidth: 8, shrink: 1},
	{id: 'final', title: 'Final', value: r => final(r.parsed.isFinal)},
	{id: 'destination', title: 'Destination', value: r => r.parsed.destination ?? '', minWidth: 12},
	{id: 'origination', title: 'Origination', value: r => r.parsed.origination ?? '', minWidth: 8, shrink: 2},
	{id: 'country', title: 'Cc', value: r => r.parsed.isoCountryCode ?? ''},
	{id: 'parts', title: 'Parts', value: r => num(r.parsed.parts), align: 'right'},
	{id: 'price', title: 'Price', value: r => price(r.parsed.price), align: 'right'},
	{id: 'message', title: 'Message id', value: r => r.parsed.messageId ?? '', minWidth: 8, shrink: 3, grow: 1},
];

function latency(ms: number | undefined): string {
	if (ms === undefined) return '';
	return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

export const lifecycleColumns: Column<LifecycleRow>[] = [
	{id: 'time', title: 'Time', value: g => clock(g.first.parsed.timestamp ?? g.first.line.timestamp), minWidth: 12},
	{id: 'path', title: 'Status path', value: g => g.path.join(' → '), minWidth: 12, shrink: 1},
	{id: 'final', title: 'Final', value: g => (g.final ? 'yes' : 'no')},
	{id: 'latency', title: 'Latency', value: g => latency(g.latencyMs), align: 'right'},
	{id: 'destination', title: 'Destination', value: g => g.last.parsed.destination ?? '', minWidth: 12},
	{id: 'origination', title: 'Origination', value: g => g.last.parsed.origination ?? '', minWidth: 8, shrink: 2},
	{id: 'country', title: 'Cc', value: g => g.last.parsed.isoCountryCode ?? ''},
	{id: 'parts', title: 'Parts', value: g => num(g.last.parsed.parts), align: 'right'},
	{id: 'price', title: 'Price', value: g => price(g.last.parsed.price), align: 'right'},
	{id: 'message', title: 'Message id', value: g => g.last.parsed.messageId ?? '', minWidth: 8, shrink: 3, grow: 1},
];
