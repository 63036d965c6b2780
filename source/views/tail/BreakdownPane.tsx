// The tail's breakdown (b): the final events in view counted by final status, country (of the destination
// number), origination and message type, side by side, each with its share failed. The cursor picks a cell;
// enter filters the list to those messages (the view does that), a second enter clears. Draws only.
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../theme/ThemeContext.js';
import {fit} from '../../domain/textWidth.js';
import {BREAKDOWN_DIMENSIONS, DIMENSION_TITLES, percent, type BreakdownCell, type BreakdownDimension, type CellFilter} from '../../domain/tailModel.js';

const SHARES: Record<BreakdownDimension, number> = {status: 0.28, country: 0.17, origination: 0.3, messageType: 0.25};

export interface BreakdownCursor {
	column: number;
	row: number;
}

/** The widths of the four blocks for a pane `width` cells wide (one space between them). */
export function blockWidths(width: number): number[] {
	const room = Math.max(4, width - 1 - (BREAKDOWN_DIMENSIONS.length - 1));
	const widths = BREAKDOWN_DIMENSIONS.map(d => Math.floor(room * SHARES[d]));
	widths[widths.length - 1] += room - widths.reduce((a, b) => a + b, 0);
	return widths;
}

/** One cell as text: value, count and (but for the status, whose share is all or nothing) the share failed. */
function cellText(cell: BreakdownCell, width: number): string {
	const count = cell.finals.toLocaleString('en-US');
	const tail = cell.dimension === 'status' ? ` ${count}` : ` ${count} ${percent(cell.failed, cell.finals).padStart(4)}`;
	const valueWidth = Math.max(1, width - tail.length);
	return fit(cell.value, valueWidth, 'left') + tail;
}

export function BreakdownPane({
	cells,
	cursor,
	active,
	width,
	height,
	focused,
}: {
	cells: Record<BreakdownDimension, BreakdownCell[]>;
	cursor: BreakdownCursor;
	/** The cell the list is filtered by, if any. */
	active?: CellFilter;
	width: number;
	height: number;
	focused: boolean;
}) {
	const theme = useTheme();
	const c = theme.colors;
	const widths = blockWidths(width);
	const body = Math.max(1, height - 2);
	const finals = cells.status.reduce((a, cell) => a + cell.finals, 0);
	const heading = ` Breakdown of ${finals.toLocaleString('en-US')} final events in view (count, failed)${focused ? ' · h/l column, j/k cell, enter filters (again clears), b closes' : ''}`;
	const blocks = BREAKDOWN_DIMENSIONS.map((dimension, column) => {
		const list = cells[dimension];
		// Keep the cursor's cell in the block's window.
		const selectedRow = column === cursor.column ? Math.min(cursor.row, Math.max(0, list.length - 1)) : -1;
		const offset = selectedRow >= body ? selectedRow - body + 1 : 0;
		const w = widths[column];
		const lines = list.slice(offset, offset + body).map((cell, i) => {
			const isCursor = focused && offset + i === selectedRow;
			const isActive = active?.dimension === dimension && active.value === cell.value;
			const text = fit((isActive ? theme.glyphs.current : ' ') + cellText(cell, w - 1), w, 'left');
			const color = cell.dimension === 'status' ? (cell.failed > 0 ? c.error : c.ok) : cell.failed > 0 ? c.warn : undefined;
			return isCursor ? (
				theme.color ? (
					<Text key={cell.value} color={c.selectionFg} backgroundColor={c.selectionBg}>
						{text}
					</Text>
				) : (
					<Text key={cell.value} inverse>
						{text}
					</Text>
				)
			) : (
				<Text key={cell.value} color={color} bold={isActive}>
					{text}
				</Text>
			);
		});
		const more = list.length > offset + body ? ` +${list.length - offset - body}` : '';
		return (
			<Box key={dimension} flexDirection="column" width={w} marginRight={column < BREAKDOWN_DIMENSIONS.length - 1 ? 1 : 0}>
				<Text bold color={c.muted}>
					{fit(DIMENSION_TITLES[dimension].toUpperCase() + more, w, 'left')}
				</Text>
				{list.length === 0 ? <Text color={c.muted}>{fit(' –', w, 'left')}</Text> : lines}
			</Box>
		);
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color={c.title}>{fit(heading, width, 'left', theme.glyphs.ellipsis)}</Text>
			<Box flexDirection="row" paddingLeft={1}>
				{blocks}
			</Box>
		</Box>
	);
}
