// The top line: who and where you are. Always shows profile, Region, account, the endpoint when it is not
// AWS, and whether the console may change anything (RO/RW).
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {truncate} from '../domain/textWidth.js';

export interface HeaderProps {
	width: number;
	profile?: string;
	region: string;
	regionName?: string;
	account?: string;
	endpoint?: string;
	local: boolean;
	readOnly: boolean;
}

export function Header(props: HeaderProps) {
	const theme = useTheme();
	const c = theme.colors;
	const badge = props.readOnly ? ' RO ' : ' RW ';
	const parts: [string, string][] = [
		['profile', props.profile ?? 'default'],
		['region', props.region],
		['account', props.account ?? (theme.ascii ? '...' : '…')],
	];
	if (props.endpoint) parts.push(['endpoint', (props.local ? 'local ' : '') + props.endpoint]);
	const room = props.width - badge.length - ' smsdeck '.length - 2;
	let used = 0;
	const shown: [string, string][] = [];
	for (const [k, v] of parts) {
		const piece = ` ${k} ${v} `;
		if (used + piece.length > room) {
			if (room - used > k.length + 6) shown.push([k, truncate(v, room - used - k.length - 3, theme.glyphs.ellipsis)]);
			break;
		}
		shown.push([k, v]);
		used += piece.length;
	}
	return (
		<Box width={props.width} justifyContent="space-between">
			<Text wrap="truncate">
				<Text bold color={c.title} inverse={!theme.color}>
					{' smsdeck '}
				</Text>
				{shown.map(([k, v]) => (
					<Text key={k}>
						<Text color={c.muted}> {k} </Text>
						<Text bold color={k === 'endpoint' && props.local ? c.local : c.text}>
							{v}
						</Text>
					</Text>
				))}
			</Text>
			<Text bold inverse color={props.readOnly ? c.badgeRead : c.badgeWrite}>
				{badge}
			</Text>
		</Box>
	);
}
