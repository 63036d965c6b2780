import React from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {cellWidth, truncate} from '../domain/textWidth.js';

/** Where you are: "Regions › us-east-1 › Pools", with the last crumb highlighted. */
export function Crumbs({items, width}: {items: string[]; width: number}) {
	const theme = useTheme();
	const sep = ` ${theme.glyphs.crumb} `;
	const head = items.slice(0, -1).join(sep);
	// Crumbs name resources by their ids and names from the wire: truncate makes them safe.
	const last = truncate(items[items.length - 1] ?? '', Math.max(1, width - 2), theme.glyphs.ellipsis);
	const text = truncate(head ? head + sep : '', Math.max(0, width - cellWidth(last) - 2), theme.glyphs.ellipsis);
	return (
		<Text wrap="truncate">
			<Text color={theme.colors.muted}> {text}</Text>
			<Text bold color={theme.colors.accent} underline={!theme.color}>
				{last}
			</Text>
		</Text>
	);
}
