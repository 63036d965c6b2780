// One resource's JSON as the service returns it (the answer of the equivalent aws command shown below it),
// escaped for the terminal and scrollable.
import React, {useEffect, useMemo} from 'react';
import {useResource, useSession} from '../app/session.js';
import {describeRaw, type RawAnswer} from '../services/rawService.js';
import {refTitle, type ResourceRef} from '../domain/resourceRef.js';
import {safeJson} from '../domain/sanitize.js';
import {cellWidth, wrapCells} from '../domain/textWidth.js';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {LineList, type ListLine} from '../components/LineList.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {awsCli} from '../domain/awsCliCommand.js';
import type {ViewProps} from './viewProps.js';

/** Lines of at most `width` cells, broken at spaces (a word longer than a line is cut). */
function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const next = line ? `${line} ${word}` : word;
		if (cellWidth(next) <= width) {
			line = next;
			continue;
		}
		if (line) lines.push(line);
		const pieces = wrapCells(word, width);
		line = pieces.pop() ?? '';
		lines.push(...pieces);
	}
	if (line) lines.push(line);
	return lines;
}

/** JSON lines of at most `width` cells; a longer line goes on below, four cells deeper than it starts. */
export function wrapJson(json: string, width: number): string[] {
	const out: string[] = [];
	for (const line of json.split('\n')) {
		if (cellWidth(line) <= width) {
			out.push(line);
			continue;
		}
		const indent = ' '.repeat(Math.min(line.length - line.trimStart().length + 4, Math.floor(width / 2)));
		const [first, ...rest] = wrapCells(line, width);
		out.push(first);
		for (const piece of wrapCells(rest.join(''), width - indent.length)) out.push(indent + piece);
	}
	return out;
}

export function RawView({subject, width, height, filter, isActive}: ViewProps & {subject: ResourceRef}) {
	const {connection} = useSession();
	const key = `raw/${subject.kind}/${subject.id}/${subject.country ?? ''}`;
	const raw = useResource<RawAnswer>(key, (clients, ctx) => describeRaw(clients, subject, {signal: ctx.signal}));
	useCommands({'app.refresh': raw.refresh}, {priority: Priority.View, isActive});
	// What was cached from an earlier visit shows at once and is read again: a change made since must show here.
	useEffect(() => {
		if (raw.fetchedAt !== undefined) raw.refresh();
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);
	// Long values wrap (under their key, indented) rather than being cut: the raw view is for reading every byte.
	const lines = useMemo<ListLine[]>(
		() => (raw.data ? wrapJson(safeJson(raw.data.output, 2), Math.max(20, width - 2)).map((text, i) => ({key: String(i), text})) : []),
		[raw.data, width],
	);
	const status = raw.loading ? 'loading…' : raw.error ? 'failed — r retries' : '';
	const theme = useTheme();
	// The whole command, wrapped: it is what prints this JSON, so it is worth its lines.
	const cli = raw.data ? awsCli(connection, 'pinpoint-sms-voice-v2', raw.data.operation, raw.data.args) : '';
	const cliLines = cli ? wrapWords(`$ ${cli}`, Math.max(10, width - 2)).slice(0, Math.max(1, Math.floor(height / 3))) : [''];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<LineList
				title={`Raw ${refTitle(subject)}`}
				lines={lines}
				width={width}
				height={height - cliLines.length}
				isActive={isActive}
				filter={filter}
				status={status}
				emptyText={raw.error ? raw.error.message : 'Loading…'}
			/>
			{cliLines.map((line, i) => (
				<Text key={i} color={theme.colors.muted} wrap="truncate">
					{' ' + line}
				</Text>
			))}
		</Box>
	);
}
