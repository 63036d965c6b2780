// One event as pretty JSON, or its raw line wrapped to the width; j/k scroll, esc closes. Text from the log group
// is made safe on the way out: safeJson escapes what JSON.stringify leaves raw, truncate and wrapCells the rest.
import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../theme/ThemeContext.js';
import {truncate, wrapCells} from '../../domain/textWidth.js';
import {safeJson} from '../../domain/sanitize.js';
import {Priority} from '../../input/KeypressProvider.js';
import {useCommands} from '../../input/useCommands.js';
import {formatTime} from '../../domain/format.js';
import {rowJson, type TailRow} from '../../domain/tailModel.js';

/** The lines of the detail (before they are cut to the width); a raw line is wrapped to `width` cells. */
export function eventDetailLines(row: TailRow, width = 80): string[] {
	const head = [`stream ${row.line.logStreamName ?? '–'}   ingested ${formatTime(row.line.ingestionTime, {ms: true})}${row.line.eventId ? `   eventId ${row.line.eventId}` : ''}`, ''];
	// A raw line is one field: its line breaks are placeholders like everywhere, and it wraps to be read whole.
	const json = rowJson(row);
	const body = json !== undefined ? safeJson(json, 2).split('\n') : wrapCells(row.parsed.raw, Math.max(1, width - 1));
	return [...head, ...body];
}

export function EventDetail({row, width, height, onClose}: {row: TailRow; width: number; height: number; onClose: () => void}) {
	const theme = useTheme();
	const lines = eventDetailLines(row, width);
	const body = Math.max(1, height - 1);
	const [top, setTop] = useState(0);
	const maxTop = Math.max(0, lines.length - body);
	useCommands(
		{
			'app.back': onClose,
			'view.open': onClose,
			'nav.up': () => setTop(t => Math.max(0, t - 1)),
			'nav.down': () => setTop(t => Math.min(maxTop, t + 1)),
			'nav.pageUp': () => setTop(t => Math.max(0, t - body)),
			'nav.pageDown': () => setTop(t => Math.min(maxTop, t + body)),
			'nav.top': () => setTop(0),
			'nav.bottom': () => setTop(maxTop),
		},
		{priority: Priority.Dialog},
	);
	const title = ` Event ${row.parsed.messageId ?? ''} ${row.parsed.eventType ?? (row.parsed.kind === 'raw' ? '(raw line)' : '')}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.colors.title}>
				{truncate(`${title}  — esc closes`, width, theme.glyphs.ellipsis)}
			</Text>
			{lines.slice(top, top + body).map((line, i) => (
				<Text key={top + i}>{truncate(' ' + line, width, theme.glyphs.ellipsis)}</Text>
			))}
		</Box>
	);
}
