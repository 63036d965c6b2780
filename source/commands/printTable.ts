// What the scriptable subcommands print, in one place so that nothing from the wire reaches a terminal as it is:
// plain-text tables (aligned columns, no colour, nothing truncated), label/value facts, plain lines, JSON and
// the one-line messages on stderr. Text goes through safeText (controls, escape sequences, bidi controls and line
// breaks shown as placeholders: one field is one line), JSON through safeJson (the same characters \u-escaped).
import {cellWidth} from '../domain/textWidth.js';
import {safeJson, safeText} from '../domain/sanitize.js';

export interface TextColumn<Row> {
	title: string;
	value: (row: Row) => string;
	align?: 'left' | 'right';
}

export function renderTextTable<Row>(columns: readonly TextColumn<Row>[], rows: readonly Row[]): string {
	const cells = rows.map(row => columns.map(c => safeText(c.value(row))));
	const widths = columns.map((c, i) => Math.max(cellWidth(c.title), ...cells.map(r => cellWidth(r[i]))));
	const line = (values: string[]) =>
		values
			.map((v, i) => {
				const pad = ' '.repeat(widths[i] - cellWidth(v));
				return columns[i].align === 'right' ? pad + v : i === values.length - 1 ? v : v + pad;
			})
			.join('  ')
			.trimEnd();
	return [line(columns.map(c => c.title.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

/** "Label:  value" lines, the values aligned; each value made safe. */
export function renderFacts(facts: readonly (readonly [string, string])[]): string {
	const width = Math.max(...facts.map(([k]) => k.length));
	return facts.map(([k, v]) => `${(k + ':').padEnd(width + 2)}${safeText(v)}`).join('\n') + '\n';
}

/** Lines of text, each made safe (a line break inside one shows as a placeholder), each ended by a newline. */
export function renderLines(lines: readonly string[]): string {
	let text = '';
	for (const line of lines) text += safeText(line) + '\n';
	return text;
}

/** A JSON document (pretty-printed) and a newline. */
export function renderJson(value: unknown): string {
	return safeJson(value, 2) + '\n';
}

/** Writes rows as a table, or as JSON when asked. */
export function writeRows<Row>(
	out: NodeJS.WritableStream,
	json: boolean,
	columns: readonly TextColumn<Row>[],
	rows: readonly Row[],
	toJson: (rows: readonly Row[]) => unknown,
): void {
	out.write(json ? renderJson(toJson(rows)) : renderTextTable(columns, rows));
}

/** One "smsdeck: …" line on stderr: errors, warnings and notes, with whatever they quote made safe. */
export function writeMessage(err: NodeJS.WritableStream, message: string): void {
	err.write(`smsdeck: ${safeText(message)}\n`);
}
