// Live message-parts preview for a body being typed: encoding, characters, parts, room left, and which
// characters forced UCS-2 with the GSM rewrite one key away.
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {analyzeMessage, suggestGsmReplacements} from '../domain/messageParts.js';

export function PartsPreview({body, width, label = 'Parts', labelWidth, fixKey}: {body: string; width: number; label?: string; labelWidth: number; fixKey?: string}) {
	const theme = useTheme();
	const info = analyzeMessage(body);
	const encoding = info.encoding === 'GSM' ? 'GSM-7' : 'UCS-2';
	const parts = `${info.parts} part${info.parts === 1 ? '' : 's'}`;
	const room = info.tooLong ? `too long: at most ${info.maxCharacters}` : `${info.remainingInPart} left in this part`;
	const line1 = `${encoding} · ${info.characters} characters · ${parts} · ${room}`;
	const fixed = suggestGsmReplacements(body);
	const after = fixed !== body ? analyzeMessage(fixed) : undefined;
	const culprits = info.ucs2Characters.slice(0, 8).map(c => (c.trim() === '' ? JSON.stringify(c) : c)).join(' ');
	const pad = ' '.repeat(labelWidth);
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text color={theme.colors.muted}>{`   ${label.padEnd(labelWidth)}`}</Text>
				<Text color={info.tooLong ? theme.colors.error : info.encoding === 'UCS2' || info.parts > 1 ? theme.colors.warn : theme.colors.ok}>{line1}</Text>
			</Text>
			{info.ucs2Characters.length > 0 ? (
				<Text wrap="truncate">
					{`   ${pad}`}
					<Text color={theme.colors.warn}>{`UCS-2 because of ${culprits}`}</Text>
					{after ? (
						<Text color={theme.colors.muted}>
							{` — ${fixKey ? `<${fixKey}> replaces them` : 'replaceable'} (${after.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'}, ${after.parts} part${after.parts === 1 ? '' : 's'})`}
						</Text>
					) : null}
				</Text>
			) : null}
		</Box>
	);
}
