// Renders a one-line editor's text with a block cursor, scrolled so the cursor stays visible.
import React from 'react';
import {Text} from 'ink';
import type {LineState} from './lineEditor.js';
import {cellWidth, truncate} from '../domain/textWidth.js';
import {safeText} from '../domain/sanitize.js';

export function LineField({state, width, placeholder, color}: {state: LineState; width: number; placeholder?: string; color?: string}) {
	// One display string per code point (the cursor counts code points): a control character from the wire in a
	// value being edited shows as its placeholder; the text itself is kept as it is.
	const cs = Array.from(state.text, safeText);
	if (cs.length === 0 && placeholder) {
		return (
			<Text>
				<Text inverse> </Text>
				<Text dimColor>{truncate(placeholder, Math.max(0, width - 1))}</Text>
			</Text>
		);
	}
	// Show a window of characters around the cursor that fits the width.
	let start = 0;
	const room = Math.max(1, width - 1);
	while (cellWidth(cs.slice(start, state.cursor).join('')) > room) start++;
	let end = state.cursor;
	while (end < cs.length && cellWidth(cs.slice(start, end + 1).join('')) < room) end++;
	const before = cs.slice(start, state.cursor).join('');
	const atCursor = cs[state.cursor] ?? ' ';
	const after = cs.slice(state.cursor + 1, end).join('');
	return (
		<Text color={color}>
			{before}
			<Text inverse>{atCursor}</Text>
			{after}
		</Text>
	);
}
