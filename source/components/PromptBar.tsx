// A one-line prompt at the bottom of the screen (":" commands, "/" filter). While open it takes every key.
import React, {useReducer, useRef} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {Priority, useKeypress} from '../input/KeypressProvider.js';
import {editActionFor, lineEditor, type LineState} from './lineEditor.js';
import {LineField} from './LineField.js';
import {cellWidth, truncate} from '../domain/textWidth.js';
import {safeText} from '../domain/sanitize.js';

export interface PromptBarProps {
	prompt: string;
	width: number;
	initial?: string;
	placeholder?: string;
	/** Shown after the field (completion candidates, hints). */
	suffix?: string;
	onChange?: (text: string) => void;
	onSubmit: (text: string) => void;
	onCancel: () => void;
	/** Tab: return the new text, or undefined to keep it. */
	onTab?: (text: string) => string | undefined;
	/** Up/down: history; return the text to show, or undefined. */
	onHistory?: (direction: -1 | 1, text: string) => string | undefined;
}

export function PromptBar(props: PromptBarProps) {
	const theme = useTheme();
	const [state, dispatch] = useReducer(lineEditor, {text: props.initial ?? '', cursor: Array.from(props.initial ?? '').length});
	// Key handlers run before React re-renders; read the newest text from a ref the reducer keeps current.
	const latest = useRef<LineState>(state);
	latest.current = state;
	const apply = (action: Parameters<typeof lineEditor>[1]) => {
		const previous = latest.current;
		const next = lineEditor(previous, action);
		latest.current = next;
		dispatch(action);
		if (next.text !== previous.text) props.onChange?.(next.text);
	};

	useKeypress(
		event => {
			if (event.ctrl && event.name === 'c') return false; // let quit through
			switch (event.name) {
				case 'enter':
					props.onSubmit(latest.current.text);
					return true;
				case 'escape':
					props.onCancel();
					return true;
				case 'tab': {
					const next = props.onTab?.(latest.current.text);
					if (next !== undefined) apply({type: 'set', text: next});
					return true;
				}
				case 'up':
				case 'down': {
					const next = props.onHistory?.(event.name === 'up' ? -1 : 1, latest.current.text);
					if (next !== undefined) apply({type: 'set', text: next});
					return true;
				}
				default: {
					const action = editActionFor(event);
					if (action) apply(action);
					return true;
				}
			}
		},
		{priority: Priority.Bar},
	);

	// One row, always: a bar that wrapped would change the frame's height. The prompt and the field get fixed
	// widths; the suffix gets what is left and is cut to it.
	const prompt = ' ' + safeText(props.prompt);
	const suffix = props.suffix ? `  ${props.suffix}` : '';
	const fieldWidth = Math.max(8, props.width - cellWidth(prompt) - 1 - Math.min(cellWidth(suffix), Math.floor(props.width / 2)));
	const suffixWidth = Math.max(0, props.width - cellWidth(prompt) - fieldWidth - 1);
	return (
		<Box width={props.width} height={1} overflow="hidden">
			<Box flexShrink={0}>
				<Text bold color={theme.colors.accent}>
					{prompt}
				</Text>
			</Box>
			<Box width={fieldWidth} flexShrink={0}>
				<LineField state={state} width={fieldWidth} placeholder={props.placeholder} />
			</Box>
			<Text color={theme.colors.muted}>{truncate(suffix, suffixWidth, theme.glyphs.ellipsis)}</Text>
		</Box>
	);
}
