// One message's whole lifecycle (enter in the tail's `m` mode): every event of the message in time order with
// its time, the time since the event before and since the request, then the newest event's JSON. j/k scroll,
// esc or enter closes. Text from the log group goes through fit/truncate and safeJson, which make it safe.
import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../theme/ThemeContext.js';
import {fit, truncate} from '../../domain/textWidth.js';
import {safeJson} from '../../domain/sanitize.js';
import {Priority} from '../../input/KeypressProvider.js';
import {useCommands} from '../../input/useCommands.js';
import {formatLatency, lifecycleSteps, rowJson, type LifecycleRow} from '../../domain/tailModel.js';
import {clock, outcomeColor} from './tailColumns.js';
import type {ColorToken} from '../../theme/theme.js';

interface Line {
	text: string;
	color?: ColorToken;
	bold?: boolean;
}

/** The detail's lines, before they are cut to the width. */
export function lifecycleLines(group: LifecycleRow): Line[] {
	const steps = lifecycleSteps(group.events);
	const rows = steps.map(s => [clock(s.time), s.sincePreviousMs === undefined ? '–' : `+${formatLatency(s.sincePreviousMs)}`, formatLatency(s.sinceRequestMs) || '–', s.status, s.final ? 'yes' : 'no', s.row.parsed.eventType ?? '', s.row.parsed.statusDescription ?? '']);
	const titles = ['TIME', 'AFTER PREV', 'SINCE REQUEST', 'STATUS', 'FINAL', 'EVENT TYPE', 'DESCRIPTION'];
	const widths = titles.map((t, i) => Math.max(t.length, ...rows.map(r => r[i].length)));
	const fmt = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : fit(cell, widths[i], i === 1 || i === 2 ? 'right' : 'left'))).join('  ');
	const p = group.last.parsed;
	const total = group.latencyMs !== undefined ? formatLatency(group.latencyMs) : '–';
	const out: Line[] = [
		{text: `${group.path.join(' → ')}   ${steps.length} event${steps.length === 1 ? '' : 's'}   ${group.final ? `final, request to final ${total}` : 'not final yet'}`, bold: true},
		{text: `to ${p.destination ?? '–'}   from ${p.origination ?? '–'}   ${p.isoCountryCode ?? ''}   ${p.messageType ?? ''}   ${p.parts !== undefined ? `${p.parts} part${p.parts === 1 ? '' : 's'}` : ''}`},
		{text: ''},
		{text: fmt(titles), color: 'muted', bold: true},
		...steps.map((s, i) => ({text: fmt(rows[i]), color: outcomeColor(s.row.outcome)})),
		{text: ''},
		{text: `Newest event (${group.last.parsed.eventType ?? 'raw line'}):`, color: 'muted'},
		...(rowJson(group.last) !== undefined ? safeJson(rowJson(group.last), 2).split('\n') : [group.last.parsed.raw]).map(text => ({text})),
	];
	return out;
}

export function LifecycleDetail({group, width, height, onClose}: {group: LifecycleRow; width: number; height: number; onClose: () => void}) {
	const theme = useTheme();
	const lines = lifecycleLines(group);
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
	const more = lines.length > top + body ? ` (j/k scroll, ${lines.length - top - body} more)` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.colors.title}>
				{truncate(` Message ${group.last.parsed.messageId ?? '(no id)'} lifecycle — esc closes${more}`, width, theme.glyphs.ellipsis)}
			</Text>
			{lines.slice(top, top + body).map((line, i) => (
				<Text key={top + i} color={line.color ? theme.colors[line.color] : undefined} bold={line.bold}>
					{truncate(' ' + line.text, width, theme.glyphs.ellipsis)}
				</Text>
			))}
		</Box>
	);
}
