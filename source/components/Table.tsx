// A windowed table: renders only the rows that fit, keeps the selection on screen, sorts, filters and counts.
// Every cell, title and message goes through fit/truncate, which make text from the wire safe (domain/sanitize.ts).
import React, {useEffect, useMemo, useReducer, useRef} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {cellWidth, fit, truncate} from '../domain/textWidth.js';
import {formatCount} from '../domain/format.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {listNavigation} from './listNavigation.js';
import {useViewMemory} from './viewMemory.js';
import type {CommandId} from '../input/keymap.js';
import {clamp, filterRows, layoutColumns, sortRows, windowOffset, type Column, type SortState} from './tableModel.js';

export interface TableProps<Row> {
	title: string;
	columns: readonly Column<Row>[];
	rows: readonly Row[];
	rowKey: (row: Row) => string;
	width: number;
	/** Lines available, including the title and header lines. */
	height: number;
	filter?: string;
	isActive?: boolean;
	/** Called on enter (or openCommand). */
	onOpen?: (row: Row) => void;
	openCommand?: CommandId;
	onSelectionChange?: (row: Row | undefined) => void;
	initialSort?: SortState;
	/** Rows for which this returns true get a marker (e.g. the Region in use). */
	isMarked?: (row: Row) => boolean;
	/** Selects this row (by key) when it first appears, unless the screen remembers another. */
	initialSelectedKey?: string;
	/** Moves the cursor to this row (by key) whenever this value changes after the first render. */
	followKey?: string;
	/** Names this table's slot in the screen's memory; default: its column ids. */
	memoryKey?: string;
	emptyText?: string;
	/** Shown at the right of the title line (loading, cache age …). */
	status?: string;
}

interface State {
	selectedKey?: string;
	offset: number;
	sort?: SortState;
}

type Action =
	| {type: 'select'; key?: string}
	| {type: 'offset'; offset: number}
	| {type: 'sortNext'; sortable: readonly number[]}
	| {type: 'sortReverse'; sortable: readonly number[]};

function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'select':
			return state.selectedKey === action.key ? state : {...state, selectedKey: action.key};
		case 'offset':
			return state.offset === action.offset ? state : {...state, offset: action.offset};
		case 'sortNext': {
			// The next column that has a title: marker columns (no title) are never a sort key.
			const {sortable} = action;
			if (sortable.length === 0) return state;
			const column = state.sort ? (sortable.find(i => i > state.sort!.column) ?? sortable[0]) : sortable[0];
			return {...state, sort: {column, descending: false}};
		}
		case 'sortReverse': {
			const column = state.sort?.column ?? action.sortable[0];
			if (column === undefined) return state;
			return {...state, sort: {column, descending: !(state.sort?.descending ?? false)}};
		}
	}
}

const SAMPLE_LIMIT = 2000;

export function Table<Row>(props: TableProps<Row>) {
	const {columns, rows, rowKey, width, height, filter = '', isActive = true, isMarked} = props;
	const theme = useTheme();
	// Back on a screen, the table is as it was left: cursor, scroll and sort come from the screen's memory.
	const memory = useViewMemory();
	const slot = `table:${props.memoryKey ?? columns.map(c => c.id).join(',')}`;
	const [state, dispatch] = useReducer(reducer, undefined, (): State => {
		const remembered = memory?.get(slot) as (State & {followed?: string}) | undefined;
		if (!remembered) return {selectedKey: props.initialSelectedKey, offset: 0, sort: props.initialSort};
		// What the cursor follows changed while the screen was away (another Region in use): follow it.
		const {followed, ...rest} = remembered;
		return props.followKey !== undefined && followed !== props.followKey ? {...rest, selectedKey: props.followKey} : rest;
	});
	useEffect(() => {
		memory?.set(slot, {...state, followed: props.followKey});
	}, [memory, slot, state, props.followKey]);
	const followed = useRef(props.followKey);
	useEffect(() => {
		if (followed.current === props.followKey) return;
		followed.current = props.followKey;
		if (props.followKey !== undefined) dispatch({type: 'select', key: props.followKey});
	}, [props.followKey]);
	const sortable = useMemo(() => columns.flatMap((c, i) => (c.title.trim() ? [i] : [])), [columns]);

	const visibleRows = useMemo(() => sortRows(filterRows(rows, columns, filter), columns, state.sort), [rows, columns, filter, state.sort]);
	const count = visibleRows.length;
	let selected = state.selectedKey === undefined ? 0 : visibleRows.findIndex(r => rowKey(r) === state.selectedKey);
	if (selected < 0) selected = 0;
	selected = clamp(selected, 0, Math.max(0, count - 1));
	const bodyHeight = Math.max(1, height - 2);
	const offset = windowOffset(selected, state.offset, bodyHeight, count);
	const window = visibleRows.slice(offset, offset + bodyHeight);
	const selectedRow = visibleRows[selected];

	const markWidth = isMarked ? 2 : 0;
	const sample = useMemo(
		() => (visibleRows.length > SAMPLE_LIMIT ? visibleRows.slice(0, SAMPLE_LIMIT) : visibleRows),
		[visibleRows],
	);
	const widths = useMemo(() => layoutColumns(columns, sample, width - markWidth - 1), [columns, sample, width, markWidth]);

	// Keep the stored offset and the reported selection in step with what is shown.
	useEffect(() => {
		if (offset !== state.offset) dispatch({type: 'offset', offset});
	});
	const lastReported = useRef<Row | undefined>(undefined);
	useEffect(() => {
		if (lastReported.current !== selectedRow) {
			lastReported.current = selectedRow;
			props.onSelectionChange?.(selectedRow);
		}
	});

	const moveTo = (index: number) => {
		const row = visibleRows[clamp(index, 0, count - 1)];
		if (row) dispatch({type: 'select', key: rowKey(row)});
	};
	const openCommand = props.openCommand ?? 'view.open';
	useCommands(
		{
			...listNavigation(moveTo, {selected, count, page: bodyHeight}),
			'table.sortNext': () => dispatch({type: 'sortNext', sortable}),
			'table.sortReverse': () => dispatch({type: 'sortReverse', sortable}),
			[openCommand]: props.onOpen && selectedRow ? () => props.onOpen!(selectedRow) : undefined,
		},
		{priority: Priority.Table, isActive},
	);

	const c = theme.colors;
	const countText = filter.trim() && count !== rows.length ? `${fmt(count)} of ${fmt(rows.length)}` : fmt(rows.length);
	const sortColumn = state.sort ? columns[state.sort.column] : undefined;
	const left = ` ${props.title} [${countText}]`;
	const right = [
		filter.trim() ? `/${filter.trim()}` : '',
		sortColumn ? `sort: ${sortColumn.title} ${state.sort!.descending ? theme.glyphs.sortDesc : theme.glyphs.sortAsc}` : '',
		props.status ?? '',
	]
		.filter(Boolean)
		.join('  ');

	const header = columns
		.map((col, i) => {
			const arrow = state.sort?.column === i ? (state.sort.descending ? theme.glyphs.sortDesc : theme.glyphs.sortAsc) : '';
			return widths[i] === 0 ? undefined : fit(col.title.toUpperCase() + (arrow ? ' ' + arrow : ''), widths[i], col.align, theme.glyphs.ellipsis);
		})
		.filter(cell => cell !== undefined)
		.join(' ');

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width} justifyContent="space-between">
				<Text bold color={c.title}>
					{truncate(left, Math.max(10, width - cellWidth(right) - 2), theme.glyphs.ellipsis)}
				</Text>
				<Text color={c.muted}>{truncate(right, Math.max(0, width - cellWidth(left) - 2), theme.glyphs.ellipsis)} </Text>
			</Box>
			<Text bold color={c.muted}>
				{' '.repeat(markWidth + 1)}
				{header}
			</Text>
			{count === 0 ? (
				<Text color={c.muted}>{truncate(' ' + (props.emptyText ?? (filter.trim() ? `No rows match /${filter.trim()}` : 'Nothing here')), width, theme.glyphs.ellipsis)}</Text>
			) : (
				window.map((row, i) => {
					const isSelected = offset + i === selected && isActive;
					const mark = isMarked ? (isMarked(row) ? theme.glyphs.current + ' ' : '  ') : '';
					// Columns with width 0 are hidden (too narrow a terminal for all of them).
					const shown = columns.map((col, ci) => ({col, ci})).filter(({ci}) => widths[ci] > 0);
					const cells = shown.map(({col, ci}) => fit(col.value(row), widths[ci], col.align, theme.glyphs.ellipsis));
					if (isSelected) {
						const line = fit(' ' + mark + cells.join(' '), width, 'left');
						return theme.color ? (
							<Text key={rowKey(row)} color={c.selectionFg} backgroundColor={c.selectionBg}>
								{line}
							</Text>
						) : (
							<Text key={rowKey(row)} inverse>
								{line}
							</Text>
						);
					}
					// One styled string per row: far fewer nodes to lay out than a Text per cell.
					const line =
						' ' +
						theme.paint('accent', mark) +
						cells.map((cell, i) => theme.paint(shown[i].col.color?.(row), cell)).join(' ');
					return <Text key={rowKey(row)}>{line}</Text>;
				})
			)}
		</Box>
	);
}

const fmt = formatCount;
