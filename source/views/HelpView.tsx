// "?" — every key that works on the screen below, grouped, plus the ":" commands. Built from the keymap.
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {useActiveBindings, useKeypressContext} from '../input/KeypressProvider.js';
import {COMMANDS, type CommandId} from '../input/keymap.js';
import {keyLabel} from '../input/keys.js';
import {COMMAND_LINE} from '../app/commandLine.js';
import {fit} from '../domain/textWidth.js';

export function HelpView({width, height, bindings}: {width: number; height: number; bindings: CommandId[]}) {
	const theme = useTheme();
	const {keymap} = useKeypressContext();
	const c = theme.colors;
	const groups = new Map<string, CommandId[]>();
	for (const id of bindings) {
		const group = COMMANDS[id].group;
		groups.set(group, [...(groups.get(group) ?? []), id]);
	}
	const lines: React.ReactNode[] = [];
	for (const [group, ids] of groups) {
		lines.push(
			<Text key={'g' + group} bold color={c.accent}>
				{' ' + group}
			</Text>,
		);
		for (const id of ids) {
			const keys = keymap[id].map(k => keyLabel(k, theme.ascii)).join(' ');
			lines.push(
				<Text key={id}>
					<Text color={c.key}>{fit('   ' + keys, 22)}</Text>
					<Text>{COMMANDS[id].help}</Text>
				</Text>,
			);
		}
	}
	lines.push(
		<Text key="cmds" bold color={c.accent}>
			{' Commands'}
		</Text>,
	);
	for (const cmd of COMMAND_LINE) {
		const names = [cmd.name, ...cmd.aliases].map(n => ':' + n).join(' ');
		lines.push(
			<Text key={'c' + cmd.name}>
				<Text color={c.key}>{fit('   ' + names + (cmd.arg ? ` <${cmd.arg}>` : ''), 30)}</Text>
				<Text>{cmd.help}</Text>
			</Text>,
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={c.title}>
				{' Help'}
				<Text color={c.muted}> — esc or ? closes</Text>
			</Text>
			<Box flexDirection="column" flexWrap="wrap" height={height - 1} width={width}>
				{lines}
			</Box>
		</Box>
	);
}

/** The commands bound on the screen below the overlay (read before the overlay adds its own). */
export function useHelpBindings(): CommandId[] {
	return useActiveBindings().map(b => b.id);
}
