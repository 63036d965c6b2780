// A resource's attributes as label/value pairs in columns, then whatever the screen adds below, then the
// equivalent AWS CLI command.
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {cellWidth, fit, truncate} from '../domain/textWidth.js';

export interface DetailField {
	label: string;
	value: string;
	tone?: 'ok' | 'warn' | 'error' | 'muted';
	/** Takes a line of its own at full width (ARNs and other long values). */
	full?: boolean;
}

/** Fields grouped into lines: `columns` per line, a full-width field alone on its line. */
function fieldRows(fields: DetailField[], columns: number): DetailField[][] {
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

/** Lines the fields will take at this width (for sizing what goes below). */
export function detailHeight(fields: DetailField[], width: number): number {
	return fieldRows(fields, fieldColumns(fields, width)).length + 1;
}

function fieldColumns(fields: DetailField[], width: number): number {
	const widest = Math.max(20, ...fields.filter(f => !f.full).map(f => cellWidth(f.label) + 2 + Math.min(40, cellWidth(f.value))));
	return Math.max(1, Math.min(3, Math.floor(width / (widest + 2))));
}

export function DetailPane({title, fields, width, status}: {title: string; fields: DetailField[]; width: number; status?: string}) {
	const theme = useTheme();
	const c = theme.colors;
	const columns = fieldColumns(fields, width);
	const colWidth = Math.floor((width - 1) / columns);
	const labelWidth = Math.min(22, Math.max(...fields.map(f => cellWidth(f.label))) + 1);
	const rows = fieldRows(fields, columns);
	// The status is often a service's error message.
	const statusText = truncate(status ?? '', Math.max(0, width - 2), theme.glyphs.ellipsis);
	return (
		<Box flexDirection="column" width={width}>
			<Box justifyContent="space-between" width={width}>
				<Text bold color={c.title}>
					{truncate(' ' + title, width - cellWidth(statusText) - 2, theme.glyphs.ellipsis)}
				</Text>
				<Text color={c.muted}>{statusText} </Text>
			</Box>
			{rows.map((row, r) => (
				<Text key={r}>
					{' '}
					{row.map(f => (
						<Text key={f.label}>
							<Text color={c.muted}>{fit(f.label, labelWidth)} </Text>
							<Text color={f.tone ? c[f.tone] : c.text}>
								{fit(f.value || '–', (f.full ? width - 1 : colWidth) - labelWidth - 2, 'left', theme.glyphs.ellipsis)}
							</Text>
							{' '}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}

export function CliLine({command, width}: {command: string; width: number}) {
	const theme = useTheme();
	return (
		<Text color={theme.colors.muted} wrap="truncate">
			{' $ '}
			{truncate(command, width - 4, theme.glyphs.ellipsis)}
		</Text>
	);
}
