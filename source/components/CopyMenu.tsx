// The copy menu: what can be copied from the screen below (a value, its id, its ARN, the aws command), one per
// line with a number; and, when the terminal cannot be told to copy, the chosen text on its own to select.
import React, {useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {Priority, useKeypress} from '../input/KeypressProvider.js';
import {cellWidth, fit, truncate, wrapCells} from '../domain/textWidth.js';

export interface CopyChoice {
	/** What it is: "Number", "Id", "ARN", "aws command". */
	label: string;
	text: string;
}

export interface CopyMenuProps {
	title: string;
	choices: CopyChoice[];
	/** Set once a choice could not be sent to the terminal: shown whole, to select. */
	shown?: CopyChoice;
	width: number;
	height: number;
	onChoose: (choice: CopyChoice) => void;
	onClose: () => void;
}

export function CopyMenu({title, choices, shown, width, height, onChoose, onClose}: CopyMenuProps) {
	const theme = useTheme();
	const [at, setAt] = useState(0);
	useKeypress(
		event => {
			if (event.ctrl && event.name === 'c') return false;
			if (event.name === 'escape' || event.text === 'q' || (shown && event.name === 'enter')) {
				onClose();
				return true;
			}
			if (shown) return true;
			const digit = event.text && /^[1-9]$/.test(event.text) ? Number(event.text) - 1 : -1;
			if (digit >= 0 && digit < choices.length) onChoose(choices[digit]);
			else if (event.name === 'enter') onChoose(choices[at]);
			else if (event.name === 'down' || event.text === 'j') setAt(n => Math.min(choices.length - 1, n + 1));
			else if (event.name === 'up' || event.text === 'k') setAt(n => Math.max(0, n - 1));
			return true;
		},
		{
			priority: Priority.Dialog,
			modalHint: shown ? 'select the text with the mouse · esc closes' : `1-${choices.length} or enter: copy · j/k: move · esc: cancel`,
		},
	);
	if (shown) {
		const lines = wrapCells(shown.text, Math.max(10, width - 2)).slice(0, Math.max(1, height - 3));
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text bold color={theme.colors.title}>{truncate(` ${shown.label} of ${title}`, width, theme.glyphs.ellipsis)}</Text>
				<Text color={theme.colors.muted}>
					{truncate(' This terminal cannot be told to copy: select the text below with the mouse.', width, theme.glyphs.ellipsis)}
				</Text>
				<Text> </Text>
				{lines.map((line, i) => (
					<Text key={i}>{' ' + line}</Text>
				))}
			</Box>
		);
	}
	const labelWidth = Math.max(...choices.map(c => cellWidth(c.label))) + 2;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.colors.title}>{truncate(` Copy from ${title}`, width, theme.glyphs.ellipsis)}</Text>
			<Text> </Text>
			{choices.map((choice, i) => {
				const mark = i === at ? theme.glyphs.current : ' ';
				const head = ` ${mark} ${i + 1}  ${fit(choice.label, labelWidth)}`;
				const rest = truncate(choice.text, Math.max(1, width - cellWidth(head) - 1), theme.glyphs.ellipsis);
				return (
					<Text key={choice.label} inverse={i === at}>
						<Text color={i === at ? undefined : theme.colors.key}>{head}</Text>
						{rest}
					</Text>
				);
			})}
		</Box>
	);
}
