// Pure table logic: filtering, sorting, column layout and the visible window. No React here.
import {cellWidth} from '../domain/textWidth.js';
import {lazyCompare} from '../domain/lazyUnicode.js';
import type {ColorToken} from '../theme/theme.js';

export interface Column<Row> {
	id: string;
	title: string;
	value: (row: Row) => string;
	/** Defaults to value(); numbers sort numerically. */
	sortValue?: (row: Row) => string | number;
	align?: 'left' | 'right';
	minWidth?: number;
	maxWidth?: number;
	/** Columns with grow > 0 share the room left over. */
	grow?: number;
	/** When the table is too wide, columns with the highest shrink give way first (ids, ARNs); default 0. */
	shrink?: number;
	color?: (row: Row) => ColorToken | undefined;
	/**
	 * Never cut (a value cut mid-number reads as another number, "$995.…"): the column keeps its natural width
	 * or, when even that cannot fit, is hidden. Default: true for right-aligned (numeric) columns.
	 */
	whole?: boolean;
}

const isWhole = <Row>(c: Column<Row>) => c.whole ?? c.align === 'right';
/** A value wider than this is no amount (hostile or garbled data): it may be cut like any other. */
const WHOLE_MAX = 20;

export interface SortState {
	column: number;
	descending: boolean;
}

/**
 * Keeps rows where any column contains the query (case-insensitive). A leading "!" inverts the match.
 * Returns the original rows array when the query is empty.
 */
export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], query: string): readonly Row[] {
	let q = query.trim();
	if (q === '' || q === '!') return rows;
	const invert = q.startsWith('!');
	if (invert) q = q.slice(1);
	const needle = q.toLowerCase();
	return rows.filter(row => {
		const hit = columns.some(c => c.value(row).toLowerCase().includes(needle));
		return invert ? !hit : hit;
	});
}

const compareText = lazyCompare(undefined, {numeric: true, sensitivity: 'base'});

export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: SortState | undefined): readonly Row[] {
	if (!sort) return rows;
	const column = columns[sort.column];
	if (!column) return rows;
	const key = column.sortValue ?? column.value;
	const keyed = rows.map((row, index) => ({row, index, k: key(row)}));
	keyed.sort((a, b) => {
		let c: number;
		if (typeof a.k === 'number' && typeof b.k === 'number') c = a.k - b.k;
		else c = compareText(String(a.k), String(b.k));
		if (c === 0) c = a.index - b.index; // stable
		else if (sort.descending) c = -c;
		return c;
	});
	return keyed.map(k => k.row);
}

/**
 * Widths for each column so the row fits `width` cells, given one space between columns. A width of 0 means
 * the column is hidden (the terminal is too narrow for all of them).
 */
export function layoutColumns<Row>(columns: readonly Column<Row>[], sample: readonly Row[], width: number): number[] {
	const gap = 1;
	const natural = columns.map(c => {
		let w = cellWidth(c.title) + 2; // room for a sort arrow
		for (const row of sample) {
			const cw = cellWidth(c.value(row));
			if (cw > w) w = cw;
		}
		if (c.maxWidth !== undefined) w = Math.min(w, c.maxWidth);
		return Math.max(w, c.minWidth ?? 1);
	});
	// The widest value of each column (its title may be cut, never a whole column's value).
	const valueWidths = columns.map(c => Math.max(c.minWidth ?? 1, ...sample.map(row => cellWidth(c.value(row)))));
	const room = width - gap * (columns.length - 1);
	let total = natural.reduce((a, b) => a + b, 0);
	const widths = [...natural];
	if (total > room) {
		// Shrink the widest column of the most shrinkable group one cell at a time until the row fits.
		let excess = total - room;
		const groups = [...new Set(columns.map(c => c.shrink ?? 0))].sort((a, b) => b - a);
		for (const group of groups) {
			while (excess > 0) {
				let widest = -1;
				for (let i = 0; i < widths.length; i++) {
					if ((columns[i].shrink ?? 0) !== group) continue;
					const min = isWhole(columns[i]) ? Math.min(natural[i], valueWidths[i], WHOLE_MAX) : (columns[i].minWidth ?? Math.min(6, natural[i]));
					if (widths[i] > min && (widest === -1 || widths[i] > widths[widest])) widest = i;
				}
				if (widest === -1) break;
				widths[widest]--;
				excess--;
			}
		}
		// Still too wide with every column at its minimum: hide columns (width 0) rather than let rows wrap,
		// the most shrinkable and rightmost first; the first column always stays.
		const order = columns.map((_, i) => i).sort((a, b) => (columns[b].shrink ?? 0) - (columns[a].shrink ?? 0) || b - a);
		for (const i of order) {
			if (excess <= 0) break;
			if (i === 0) continue;
			excess -= widths[i] + gap;
			widths[i] = 0;
		}
		// Hiding may free more room than needed: give it back to the first shown columns that were cut.
		for (let i = 0; i < widths.length && excess < 0; i++) {
			if (widths[i] === 0 || widths[i] >= natural[i]) continue;
			const give = Math.min(natural[i] - widths[i], -excess);
			widths[i] += give;
			excess += give;
		}
	} else if (total < room) {
		const growers = columns.map((c, i) => ({i, g: c.grow ?? 0})).filter(x => x.g > 0);
		const targets = growers.length > 0 ? growers : [{i: columns.length - 1, g: 1}];
		const sum = targets.reduce((a, t) => a + t.g, 0);
		let spare = room - total;
		for (const t of targets) {
			const share = Math.floor(((room - total) * t.g) / sum);
			widths[t.i] += share;
			spare -= share;
		}
		widths[targets[targets.length - 1].i] += spare;
	}
	total = widths.reduce((a, b) => a + b, 0);
	return widths;
}

/** The first visible row index so that `selected` is on screen, moving the window as little as possible. */
export function windowOffset(selected: number, offset: number, height: number, count: number): number {
	if (height <= 0 || count <= 0) return 0;
	let next = offset;
	if (selected < next) next = selected;
	if (selected >= next + height) next = selected - height + 1;
	next = Math.min(next, Math.max(0, count - height));
	return Math.max(0, next);
}

export function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}
