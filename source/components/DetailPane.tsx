// A resource's attributes as label/value pairs in columns, then whatever the screen adds below, then the
// equivalent AWS CLI command. Values are never cut: the columns give way to fewer, long values wrap, and when
// the pane has fewer lines than its fields it scrolls (ctrl-d / ctrl-u) and says what is out of sight.
import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {cellWidth, fit, truncate} from '../domain/textWidth.js';
import {Priority, useKeypressContext} from '../input/KeypressProvider.js';
import {keyLabel} from '../input/keys.js';
import {useCommands} from '../input/useCommands.js';
import {useViewMemory} from './viewMemory.js';
import {layoutDetail, wrapCommand, type DetailField} from './detailLayout.js';

export {cliHeight, detailHeight, type DetailField} from './detailLayout.js';

export interface DetailPaneProps {
	title: string;
	fields: DetailField[];
	width: number;
	status?: string;
	/** Lines the pane may take, its title included; default: as many as its fields need. */
	maxHeight?: number;
	/** Whether ctrl-d / ctrl-u scroll the pane (when it has more lines than it shows). */
	isActive?: boolean;
}

export function DetailPane({title, fields, width, status, maxHeight, isActive = true}: DetailPaneProps) {
	const theme = useTheme();
	const c = theme.colors;
	const lines = layoutDetail(fields, width);
	// What does not fit: a window of lines and a last line that says what is above and below.
	const room = maxHeight === undefined ? lines.length : Math.max(1, maxHeight - 1);
	const overflow = lines.length > room;
	const windowSize = overflow ? Math.max(1, room - 1) : lines.length;
	const maxScroll = Math.max(0, lines.length - windowSize);
	const memory = useViewMemory();
	const [scrollState, setScroll] = useState(() => (memory?.get('detail:scroll') as number | undefined) ?? 0);
	const scroll = Math.min(scrollState, maxScroll);
	useEffect(() => {
		memory?.set('detail:scroll', scroll);
	}, [memory, scroll]);
	const page = Math.max(1, windowSize - 1);
	useCommands(
		{
			'detail.scrollDown': scroll < maxScroll ? () => setScroll(Math.min(maxScroll, scroll + page)) : undefined,
			'detail.scrollUp': scroll > 0 ? () => setScroll(Math.max(0, scroll - page)) : undefined,
		},
		{priority: Priority.View, isActive: isActive && overflow},
	);
	// The status is often a service's error message.
	const statusText = truncate(status ?? '', Math.max(0, width - 2), theme.glyphs.ellipsis);
	const visible = overflow ? lines.slice(scroll, scroll + windowSize) : lines;
	const below = lines.length - scroll - visible.length;
	const {keymap} = useKeypressContext();
	const key = (id: 'detail.scrollDown' | 'detail.scrollUp') => (keymap[id][0] ? ` (${keyLabel(keymap[id][0], theme.ascii)})` : '');
	const more = [scroll > 0 ? `${scroll} more above${key('detail.scrollUp')}` : '', below > 0 ? `${below} more below${key('detail.scrollDown')}` : '']
		.filter(Boolean)
		.join(', ');
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Box justifyContent="space-between" width={width}>
				<Text bold color={c.title}>
					{truncate(' ' + title, width - cellWidth(statusText) - 2, theme.glyphs.ellipsis)}
				</Text>
				<Text color={c.muted}>{statusText} </Text>
			</Box>
			{visible.map((cells, r) => (
				<Text key={r}>
					{' '}
					{cells.map((cell, i) => (
						<Text key={i}>
							<Text color={c.muted}>{fit(cell.label, cell.labelWidth)} </Text>
							<Text color={cell.tone ? c[cell.tone] : c.text}>{fit(cell.value, cell.valueWidth, 'left', theme.glyphs.ellipsis)}</Text>
							{i < cells.length - 1 ? '  ' : ''}
						</Text>
					))}
				</Text>
			))}
			{overflow ? <Text color={c.accent}>{truncate(` ${theme.glyphs.ellipsis} ${more}`, width, theme.glyphs.ellipsis)}</Text> : null}
		</Box>
	);
}

/** The equivalent aws command, wrapped at its spaces so none of it is cut (cliHeight says how many lines). */
export function CliLine({command, width}: {command: string; width: number}) {
	const theme = useTheme();
	const lines = wrapCommand(command, width - 1);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, i) => (
				<Text key={i} color={theme.colors.muted}>
					{i === 0 ? ' $ ' : '   '}
					{truncate(line, Math.max(1, width - 4), theme.glyphs.ellipsis)}
				</Text>
			))}
		</Box>
	);
}
