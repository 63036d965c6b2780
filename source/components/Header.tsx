// The top line: who and where you are. Always shows profile, Region, account, the endpoint when it is not
// AWS, and whether the console may change anything (RO/RW).
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {truncate} from '../domain/textWidth.js';
import {safeText} from '../domain/sanitize.js';

export interface HeaderProps {
	width: number;
	profile?: string;
	/** Where the profile came from, when it matters (not --profile): "AWS_PROFILE", "default chain" … */
	profileNote?: string;
	region: string;
	/** Where the Region came from, when it matters: "last used", "default" … */
	regionNote?: string;
	account?: string;
	/** The sms-voice endpoint when it is not AWS's (credentials in it already removed). */
	endpoint?: string;
	/** The Logs endpoint, when it differs from the sms-voice one ("AWS" when only sms-voice is elsewhere). */
	logsEndpoint?: string;
	local: boolean;
	readOnly: boolean;
}

export function Header(props: HeaderProps) {
	const theme = useTheme();
	const c = theme.colors;
	const badge = props.readOnly ? ' RO ' : ' RW ';
	const note = (value: string, why?: string) => (why ? `${value} (${why})` : value);
	const parts: [string, string][] = [
		['profile', note(props.profile ?? 'default', props.profileNote)],
		['region', note(props.region, props.regionNote)],
		['account', props.account ?? (theme.ascii ? '...' : '…')],
	];
	if (props.endpoint) parts.push(['endpoint', (props.local ? 'local ' : '') + props.endpoint]);
	if (props.logsEndpoint) parts.push(['logs', props.logsEndpoint]);
	const room = props.width - badge.length - ' smsdeck '.length - 2;
	let used = 0;
	const shown: [string, string][] = [];
	for (const [k, raw] of parts) {
		// The account (STS) and the endpoint come from outside: made safe before they are measured.
		const v = safeText(raw);
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
