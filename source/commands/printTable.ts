// Plain-text tables for scriptable subcommands: aligned columns, no colour, nothing truncated.
import {cellWidth} from '../domain/textWidth.js';

export interface TextColumn<Row> {
	title: string;
	value: (row: Row) => string;
	align?: 'left' | 'right';
}

export function renderTextTable<Row>(columns: readonly TextColumn<Row>[], rows: readonly Row[]): string {
	const cells = rows.map(row => columns.map(c => c.value(row)));
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

/** Writes rows as a table, or as JSON when asked. */
export function writeRows<Row>(
	out: NodeJS.WritableStream,
	json: boolean,
	columns: readonly TextColumn<Row>[],
	rows: readonly Row[],
	toJson: (rows: readonly Row[]) => unknown,
): void {
	out.write(json ? JSON.stringify(toJson(rows), null, 2) + '\n' : renderTextTable(columns, rows));
}
