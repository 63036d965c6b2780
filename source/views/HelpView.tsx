// "?" — every key that works on the screen below, grouped, plus the ":" commands. Built from the keymap.
// Laid out in as many columns as fit; j/k (or arrows) scroll when even that is not enough.
import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {Priority, useKeypressContext} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {COMMANDS, type CommandId} from '../input/keymap.js';
import {keyLabel} from '../input/keys.js';
import {COMMAND_LINE} from '../app/commandLine.js';
import {fit} from '../domain/textWidth.js';

interface HelpLine {
	kind: 'group' | 'entry';
	keys?: string;
	text: string;
}

export function helpLines(bindings: CommandId[], keymap: Record<string, string[]>, ascii: boolean): HelpLine[] {
	// What the screen itself does comes first; the keys that work everywhere after.
	const order = ['View', 'Edit', 'Table', 'General', 'Navigation'];
	const groups = new Map<string, CommandId[]>(order.map(g => [g, []]));
	for (const id of bindings) groups.get(COMMANDS[id].group)?.push(id);
	for (const [g, ids] of groups) if (ids.length === 0) groups.delete(g);
	const lines: HelpLine[] = [];
	for (const [group, ids] of groups) {
		lines.push({kind: 'group', text: group});
		for (const id of ids) lines.push({kind: 'entry', keys: keymap[id].map(k => keyLabel(k, ascii)).join(' '), text: COMMANDS[id].help});
	}
	lines.push({kind: 'group', text: 'Commands'});
	for (const cmd of COMMAND_LINE) {
		lines.push({kind: 'entry', keys: [cmd.name, ...cmd.aliases].map(n => ':' + n).join(' ') + (cmd.arg ? ` <${cmd.arg}>` : ''), text: cmd.help});
	}
	return lines;
}

export function HelpView({width, height, bindings}: {width: number; height: number; bindings: CommandId[]}) {
	const theme = useTheme();
	const {keymap} = useKeypressContext();
	const c = theme.colors;
	const lines = helpLines(bindings, keymap, theme.ascii);
	const rows = Math.max(1, height - 1);
	// As many columns as fit at a readable width (at least 56 cells each).
	const columns = Math.max(1, Math.min(Math.ceil(lines.length / rows), Math.floor(width / 56)));
	const colWidth = Math.floor(width / columns);
	const keysWidth = Math.min(24, Math.max(10, ...lines.map(l => (l.keys?.length ?? 0) + 4)));
	const perPage = rows * columns;
	const [scroll, setScroll] = useState(0);
	const maxScroll = Math.max(0, lines.length - perPage);
	useCommands(
		{
			'nav.down': maxScroll > 0 ? () => setScroll(s => Math.min(maxScroll, s + rows)) : undefined,
			'nav.up': maxScroll > 0 ? () => setScroll(s => Math.max(0, s - rows)) : undefined,
		},
		{priority: Priority.Dialog},
	);
	const visible = lines.slice(scroll, scroll + perPage);
	const render = (line: HelpLine | undefined, key: string) => {
		if (!line) return <Text key={key}>{' '.repeat(colWidth)}</Text>;
		if (line.kind === 'group') {
			return (
				<Text key={key} bold color={c.accent}>
					{fit(' ' + line.text, colWidth)}
				</Text>
			);
		}
		return (
			<Text key={key}>
				<Text color={c.key}>{fit('   ' + (line.keys ?? ''), keysWidth)}</Text>
				<Text>{fit(' ' + line.text, colWidth - keysWidth, 'left', theme.glyphs.ellipsis)}</Text>
			</Text>
		);
	};
	const more = maxScroll > 0 ? `  (${scroll + 1}–${Math.min(lines.length, scroll + perPage)} of ${lines.length}; j/k scroll)` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={c.title}>
				{' Help'}
				<Text color={c.muted}>
					{' — esc or ? closes'}
					{more}
				</Text>
			</Text>
			{Array.from({length: Math.min(rows, visible.length)}, (_, r) => (
				<Text key={r} wrap="truncate">
					{Array.from({length: columns}, (_, col) => render(visible[col * rows + r], `${r}-${col}`))}
				</Text>
			))}
		</Box>
	);
}
