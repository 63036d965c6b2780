// The footer: the keys that work right now, from the same keymap table that handles them.
import React from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {useActiveBindings, useKeypressContext, useModalHint} from '../input/KeypressProvider.js';
import {COMMANDS} from '../input/keymap.js';
import {keyLabel} from '../input/keys.js';
import {cellWidth} from '../domain/textWidth.js';

// Navigation keys are everywhere and known; the footer spends its room on what is specific to the screen.
const HIDDEN = new Set(['nav.up', 'nav.down', 'nav.pageUp', 'nav.pageDown', 'nav.top', 'nav.bottom', 'table.sortReverse']);

export function KeyHints({width}: {width: number}) {
	const theme = useTheme();
	const {keymap} = useKeypressContext();
	const bindings = useActiveBindings();
	const modal = useModalHint();
	if (modal) {
		return (
			<Text wrap="truncate" color={theme.colors.muted}>
				{' ' + modal}
			</Text>
		);
	}
	type Item = {key: string; hint: string; width: number; id: string};
	const all: Item[] = [];
	for (const b of bindings) {
		if (HIDDEN.has(b.id)) continue;
		const key = keymap[b.id][0];
		if (!key) continue;
		const label = `<${keyLabel(key, theme.ascii)}>`;
		const hint = COMMANDS[b.id].hint;
		all.push({key: label, hint, width: cellWidth(label) + 1 + hint.length + 2, id: b.id});
	}
	// When the screen binds more keys than fit, help (which lists them all) keeps its place, at the end.
	const fits = (list: Item[]) => 1 + list.reduce((sum, i) => sum + i.width, 0) <= width;
	let items = all;
	if (!fits(all)) {
		const help = all.find(i => i.id === 'app.help');
		items = [];
		for (const i of all) {
			if (i === help) continue;
			if (!fits([...items, i, ...(help ? [help] : [])])) break;
			items.push(i);
		}
		if (help && fits([...items, help])) items.push(help);
	}
	// The footer is the frame's last line and must never be blank: a blank last line changes the height the
	// renderer sees, and its incremental redraw can then land a row off.
	if (items.length === 0) {
		return (
			<Text wrap="truncate" color={theme.colors.muted}>
				{' ctrl-c quits'}
			</Text>
		);
	}
	return (
		<Text wrap="truncate">
			{' '}
			{items.map(item => (
				<Text key={item.key + item.hint}>
					<Text color={theme.colors.key} bold>
						{item.key}
					</Text>
					<Text color={theme.colors.muted}> {item.hint}  </Text>
				</Text>
			))}
		</Text>
	);
}
