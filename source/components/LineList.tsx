// A scrollable list of prepared lines with a cursor (a tree, a JSON document, a report): windowed like the
// Table, j/k/g/G/PgUp/PgDn move, enter opens the line under the cursor. Lines are made safe by fit/truncate.
import React, {useEffect, useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import type {ColorToken} from '../theme/theme.js';
import {cellWidth, fit, truncate} from '../domain/textWidth.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {listNavigation} from './listNavigation.js';
import {clamp, windowOffset} from './tableModel.js';

export interface ListLine {
	key: string;
	text: string;
	/** Shown after the text, muted, cut first when the line is too long. */
	detail?: string;
	tone?: ColorToken;
	bold?: boolean;
}

export interface LineListProps {
	title: string;
	lines: readonly ListLine[];
	width: number;
	/** Lines available, including the title line. */
	height: number;
	isActive?: boolean;
	status?: string;
	emptyText?: string;
	onOpen?: (line: ListLine, index: number) => void;
	onSelectionChange?: (line: ListLine | undefined, index: number) => void;
	/** The cursor line when the list first shows. */
	initialIndex?: number;
	/** Shows only the lines whose text or detail holds this (any case). */
	filter?: string;
	/** In ASCII mode, write the list's own punctuation (· — …) in ASCII; off for text that must show as it is. */
	asciiPunctuation?: boolean;
}

const ASCII_PUNCTUATION: [RegExp, string][] = [
	// Written as escapes (· — …): one non-ASCII character in a module makes Node decode and V8 scan all of it as
	// two-byte text, which costs the console's start-up several milliseconds.
	[/ \u00b7 /g, ', '],
	[/ \u2014 /g, ' - '],
	[/\u2026/g, '...'],
];

function asciiOnly(text: string): string {
	return ASCII_PUNCTUATION.reduce((t, [from, to]) => t.replace(from, to), text);
}

export function LineList({title, lines: allLines, width, height, isActive = true, status = '', emptyText = 'Nothing here', onOpen, onSelectionChange, initialIndex = 0, filter = '', asciiPunctuation = false}: LineListProps) {
	const theme = useTheme();
	const query = filter.trim().toLowerCase();
	const plain = asciiPunctuation && theme.ascii;
	const lines = useMemo(() => {
		const shown = plain ? allLines.map(l => ({...l, text: asciiOnly(l.text), detail: l.detail && asciiOnly(l.detail)})) : allLines;
		return query ? shown.filter(l => `${l.text} ${l.detail ?? ''}`.toLowerCase().includes(query)) : shown;
	}, [allLines, query, plain]);
	const [cursor, setCursor] = useState(initialIndex);
	const [offset, setOffset] = useState(0);
	const count = lines.length;
	const selected = clamp(cursor, 0, Math.max(0, count - 1));
	const body = Math.max(1, height - 1);
	const top = windowOffset(selected, offset, body, count);
	useEffect(() => {
		if (top !== offset) setOffset(top);
	}, [top, offset]);
	useEffect(() => {
		onSelectionChange?.(lines[selected], selected);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [selected, lines]);
	const moveTo = (index: number) => setCursor(clamp(index, 0, Math.max(0, count - 1)));
	useCommands(
		{
			...listNavigation(moveTo, {selected, count, page: body}),
			'view.open': onOpen && lines[selected] ? () => onOpen(lines[selected], selected) : undefined,
		},
		{priority: Priority.Table, isActive},
	);
	const c = theme.colors;
	const position = count > body ? `${selected + 1}/${count}` : '';
	const right = [query ? `/${filter.trim()} ${count} of ${allLines.length}` : '', plain ? asciiOnly(status) : status, position].filter(Boolean).join('  ');
	const left = ` ${plain ? asciiOnly(title) : title}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width} justifyContent="space-between">
				<Text bold color={c.title}>
					{truncate(left, Math.max(10, width - cellWidth(right) - 2), theme.glyphs.ellipsis)}
				</Text>
				<Text color={c.muted}>{truncate(right, Math.max(0, width - cellWidth(left) - 2), theme.glyphs.ellipsis)} </Text>
			</Box>
			{count === 0 ? (
				<Text color={c.muted}>{truncate(' ' + (query && allLines.length > 0 ? `No lines match /${filter.trim()}` : plain ? asciiOnly(emptyText) : emptyText), width, theme.glyphs.ellipsis)}</Text>
			) : (
				lines.slice(top, top + body).map((line, i) => {
					const textWidth = cellWidth(line.text);
					const room = width - 2 - textWidth - 2;
					const detail = line.detail && room > 3 ? '  ' + truncate(line.detail, room, theme.glyphs.ellipsis) : '';
					if (top + i === selected && isActive) {
						const whole = fit(' ' + line.text + detail, width);
						return theme.color ? (
							<Text key={line.key} color={c.selectionFg} backgroundColor={c.selectionBg}>
								{whole}
							</Text>
						) : (
							<Text key={line.key} inverse>
								{whole}
							</Text>
						);
					}
					const text = fit(' ' + line.text, Math.min(width, textWidth + 1));
					return (
						<Text key={line.key} wrap="truncate">
							<Text bold={line.bold} color={line.tone ? c[line.tone] : undefined}>
								{text}
							</Text>
							<Text color={c.muted}>{fit(detail, Math.max(0, width - cellWidth(text)))}</Text>
						</Text>
					);
				})
			)}
		</Box>
	);
}
