// Pure layout of a detail pane: label/value fields in as many columns as fit without cutting a value (up to
// three), long values wrapped rather than cut, and the aws command wrapped at its spaces. No React here.
import {cellWidth, wrapCells} from '../domain/textWidth.js';

export interface DetailField {
	label: string;
	value: string;
	tone?: 'ok' | 'warn' | 'error' | 'muted';
	/** Takes a line of its own at full width (ARNs and other long values). */
	full?: boolean;
}

/** One label/value cell of a laid-out line; `label` is '' on the continuation lines of a wrapped value. */
export interface DetailCell {
	label: string;
	labelWidth: number;
	value: string;
	valueWidth: number;
	tone?: DetailField['tone'];
}

const MAX_COLUMNS = 3;
const GAP = 2;
/** Labels are never cut; a single column gives them at most this much room and wraps the rest. */
const MAX_LABEL = 24;

const shown = (f: DetailField) => f.value || '–';

/** Fields grouped into lines: `columns` per line, a full-width field alone on its line. */
function fieldRows(fields: readonly DetailField[], columns: number): DetailField[][] {
	const rows: DetailField[][] = [];
	let row: DetailField[] = [];
	for (const f of fields) {
		if (f.full) {
			if (row.length > 0) rows.push(row);
			rows.push([f]);
			row = [];
			continue;
		}
		row.push(f);
		if (row.length === columns) {
			rows.push(row);
			row = [];
		}
	}
	if (row.length > 0) rows.push(row);
	return rows;
}

/**
 * The body lines of a detail pane `width` cells wide (the pane adds one leading space): the most columns in
 * which every value fits whole; in one column, values too long for the line continue on the next lines.
 */
export function layoutDetail(fields: readonly DetailField[], width: number): DetailCell[][] {
	const inner = Math.max(10, width - 1);
	const labelOf = (f: DetailField) => cellWidth(f.label) + 1;
	const fullLabels = Math.max(0, ...fields.filter(f => f.full).map(labelOf));
	for (let columns = MAX_COLUMNS; columns >= 1; columns--) {
		const rows = fieldRows(fields, columns);
		const labelWidths = new Array<number>(columns).fill(0);
		const valueWidths = new Array<number>(columns).fill(0);
		for (const row of rows) {
			if (row.length === 1 && row[0].full) continue;
			row.forEach((f, j) => {
				labelWidths[j] = Math.max(labelWidths[j], labelOf(f));
				valueWidths[j] = Math.max(valueWidths[j], cellWidth(shown(f)));
			});
		}
		// Full-width fields line up with the first column.
		const fullLabel = Math.min(MAX_LABEL, Math.max(labelWidths[0], fullLabels));
		const used = labelWidths.reduce((a, b) => a + b + 1, 0) + valueWidths.reduce((a, b) => a + b, 0) + GAP * (columns - 1);
		if (columns > 1 && used > inner) continue;
		if (columns > 1) {
			// Spread what is left over the columns so they line up across the pane.
			const extra = Math.floor((inner - used) / columns);
			for (let j = 0; j < columns; j++) valueWidths[j] += extra;
			return rows.flatMap(row => lineOf(row, labelWidths, valueWidths, inner, fullLabel));
		}
		const label = Math.min(MAX_LABEL, labelWidths[0] || fullLabel);
		return rows.flatMap(row => lineOf(row, [label], [Math.max(4, inner - label - 1)], inner, fullLabel));
	}
	return [];
}

function lineOf(row: DetailField[], labelWidths: number[], valueWidths: number[], inner: number, fullLabel: number): DetailCell[][] {
	if (row.length === 1 && (row[0].full || labelWidths.length === 1)) {
		const f = row[0];
		const labelWidth = f.full ? fullLabel : labelWidths[0];
		const valueWidth = Math.max(4, inner - labelWidth - 1);
		return wrapCells(shown(f), valueWidth).map((chunk, i) => [{label: i === 0 ? f.label : '', labelWidth, value: chunk, valueWidth, tone: f.tone}]);
	}
	return [row.map((f, j) => ({label: f.label, labelWidth: labelWidths[j], value: shown(f), valueWidth: valueWidths[j], tone: f.tone}))];
}

/** Lines the detail pane needs at this width: its title and every field line. */
export function detailHeight(fields: readonly DetailField[], width: number): number {
	return 1 + layoutDetail(fields, width).length;
}

/**
 * The aws command as lines of at most `width` cells, broken at spaces (a word longer than a line is cut into
 * pieces): every word is kept. The first line starts with "$ ", the others are indented under it.
 */
export function wrapCommand(command: string, width: number): string[] {
	const room = Math.max(10, width - 3);
	const lines: string[] = [];
	let line = '';
	// An option stays on the line of its value ("--region us-east-1") when the two fit on a line.
	const words: string[] = [];
	for (const word of command.split(' ').filter(Boolean)) {
		const last = words[words.length - 1];
		if (last?.startsWith('--') && !last.includes(' ') && !word.startsWith('--') && cellWidth(last) + 1 + cellWidth(word) <= room) words[words.length - 1] = `${last} ${word}`;
		else words.push(word);
	}
	for (const word of words) {
		const pieces = cellWidth(word) > room ? wrapCells(word, room) : [word];
		for (const piece of pieces) {
			if (line && cellWidth(line) + 1 + cellWidth(piece) > room) {
				lines.push(line);
				line = piece;
			} else line = line ? `${line} ${piece}` : piece;
		}
	}
	lines.push(line);
	return lines;
}

/** Lines the aws command takes at this width (see CliLine). */
export function cliHeight(command: string, width: number): number {
	return wrapCommand(command, width - 1).length;
}
