// One line for transient messages (toasts) on the left and lasting state (throttling, health) on the right.
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {truncate} from '../domain/textWidth.js';
import type {Toast} from '../app/state.js';

export function StatusLine({toast, right, width}: {toast?: Toast; right?: string; width: number}) {
	const theme = useTheme();
	const c = theme.colors;
	const color = toast ? {info: c.info, ok: c.ok, warn: c.warn, error: c.error}[toast.kind] : undefined;
	const icon = toast ? {info: '', ok: theme.glyphs.ok + ' ', warn: '! ', error: theme.glyphs.fail + ' '}[toast.kind] : '';
	const rightText = truncate(right ?? '', Math.max(0, width - 2), theme.glyphs.ellipsis);
	return (
		<Box width={width} justifyContent="space-between">
			<Text color={color} bold={toast?.kind === 'error'}>
				{toast ? truncate(' ' + icon + toast.text, Math.max(0, width - rightText.length - 2), theme.glyphs.ellipsis) : ' '}
			</Text>
			<Text color={c.warn}>{rightText} </Text>
		</Box>
	);
}
