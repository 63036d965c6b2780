// The tail's rows, windowed: only the visible rows are drawn, one styled string each. Raw (non-JSON) lines
// show their text across the row. Follow keeps the newest row at the bottom. Every cell goes through fit, which
// makes text from the log group safe (a line break in a field is a placeholder, never another row).
import React, {useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../theme/ThemeContext.js';
import {cellWidth, fit} from '../../domain/textWidth.js';
import {windowOffset, type Column} from '../../components/tableModel.js';
import type {EventOutcome} from '../../domain/eventRecord.js';
import type {TailRow} from '../../domain/tailModel.js';
import {naturalWidths, outcomeColor, tailLayout} from './tailColumns.js';

const NO_DROP: readonly string[] = [];

export interface ListRow {
	seq: number;
	outcome: EventOutcome;
}

/** The raw line to show across the row, for rows that are not SMS/MMS/voice events. */
function rawText(row: unknown): string | undefined {
	const r = row as Partial<TailRow>;
	if (!r.parsed || (r.parsed.kind !== 'raw' && r.parsed.kind !== 'unknown-json')) return undefined;
	return r.parsed.raw;
}

interface Cells {
	text: string[];
	widths: number[];
}

/** Rows whose cells are kept: the ~300 newest measured for the widths and the rows on screen, with room to spare. */
const CELL_CACHE_ROWS = 2048;

/**
 * Each row's cells (times, prices) and their widths, worked out once and kept while the row is among the newest
 * measured (rows are immutable; a column's value never changes): a frame measures only the rows that arrived since
 * the last one. Bounded, not one entry per row of the buffer (a row's cells cost about what the row itself does),
 * and held by the list that shows them.
 */
function rowCells<Row extends object>(columns: readonly Column<Row>[]): (row: Row) => Cells {
	const byRow = new Map<Row, Cells>();
	return (row: Row): Cells => {
		let cells = byRow.get(row);
		if (!cells) {
			const text = columns.map(c => c.value(row));
			cells = {text, widths: text.map(t => cellWidth(t))};
			// The oldest entry goes first (a Map keeps insertion order).
			if (byRow.size >= CELL_CACHE_ROWS) byRow.delete(byRow.keys().next().value!);
			byRow.set(row, cells);
		}
		return cells;
	};
}

export function TailList<Row extends ListRow>({
	columns,
	rows,
	selected,
	width,
	height,
	isActive,
	emptyText,
	dropOrder = NO_DROP,
}: {
	columns: readonly Column<Row>[];
	rows: readonly Row[];
	/** Index of the selected row, or -1. */
	selected: number;
	width: number;
	height: number;
	isActive: boolean;
	emptyText: string;
	/** Column ids that give way on a narrow terminal, first to last (the others always stay). */
	dropOrder?: readonly string[];
}) {
	const theme = useTheme();
	const bodyHeight = Math.max(1, height - 1);
	const previous = useRef(0);
	const offset = selected < 0 ? Math.max(0, rows.length - bodyHeight) : windowOffset(selected, previous.current, bodyHeight, rows.length);
	previous.current = offset;
	const window = rows.slice(offset, offset + bodyHeight);
	const cellsOf = useMemo(() => rowCells(columns), [columns]);
	// Widths from the newest rows only, so a burst does not re-measure the whole buffer.
	const natural = useMemo(() => naturalWidths(columns, rows.slice(-300), row => cellsOf(row).widths), [columns, rows, cellsOf]);
	const widths = useMemo(() => tailLayout(columns, natural, width - 1, dropOrder), [columns, natural, width, dropOrder]);
	// Columns with width 0 do not fit this terminal and are left out.
	const shown = columns.map((c, i) => ({c, i})).filter(({i}) => widths[i] > 0);
	const header = shown.map(({c, i}) => fit(c.title.toUpperCase(), widths[i], c.align, theme.glyphs.ellipsis)).join(' ');
	const rawStart = widths[0] + 1;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.colors.muted}>
				{' ' + header}
			</Text>
			{rows.length === 0 ? (
				<Text color={theme.colors.muted}>{fit(' ' + emptyText, width, 'left', theme.glyphs.ellipsis)}</Text>
			) : (
				window.map((row, i) => {
					const raw = rawText(row);
					const cells = raw !== undefined ? [fit(cellsOf(row).text[0], widths[0], 'left'), fit(raw, Math.max(1, width - 1 - rawStart), 'left', theme.glyphs.ellipsis)] : shown.map(({c, i: ci}) => fit(cellsOf(row).text[ci], widths[ci], c.align, theme.glyphs.ellipsis));
					const isSelected = offset + i === selected && isActive;
					if (isSelected) {
						const line = fit(' ' + cells.join(' '), width, 'left');
						return theme.color ? (
							<Text key={row.seq} color={theme.colors.selectionFg} backgroundColor={theme.colors.selectionBg}>
								{line}
							</Text>
						) : (
							<Text key={row.seq} inverse>
								{line}
							</Text>
						);
					}
					const token = raw !== undefined ? 'muted' : outcomeColor(row.outcome);
					return <Text key={row.seq}>{' ' + theme.paint(token, cells.join(' '))}</Text>;
				})
			)}
		</Box>
	);
}
