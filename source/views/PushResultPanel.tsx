// The last test push of an application: the outcome of each address in plain words (a refused token is a failure
// inside a successful call), the request id, and the aws send-messages command with its JSON.
import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import type {PushResultState} from '../app/pushResultStore.js';
import {explainDelivery, outcomeLine, pushSucceeded} from '../domain/pushMessage.js';
import {safeText} from '../domain/sanitize.js';
import {truncate} from '../domain/textWidth.js';
import {wrapCommand} from '../components/detailLayout.js';

/** The command's lines, at most `max` (the last says the rest is a copy away). */
function commandLines(cli: string, width: number, max: number): string[] {
	const lines = wrapCommand(cli, width - 1);
	if (lines.length <= max) return lines;
	return [...lines.slice(0, Math.max(1, max - 1)), `… ${lines.length - Math.max(1, max - 1)} more lines: c copies the command and its JSON`];
}

/** Lines the panel takes, its command cut to `maxCli` lines. */
export function pushResultHeight(state: PushResultState, width: number, maxCli = Number.POSITIVE_INFINITY): number {
	const body = state.state === 'done' ? Math.max(1, (state.outcomes?.length ?? 0) * 2) : 1;
	return 1 + body + commandLines(state.cli, width, maxCli).length;
}

export function PushResultPanel({state, width, maxCli = Number.POSITIVE_INFINITY}: {state: PushResultState; width: number; maxCli?: number}) {
	const theme = useTheme();
	const c = theme.colors;
	const line = (text: string) => truncate(text, width - 1, theme.glyphs.ellipsis);
	const outcomes = state.outcomes ?? [];
	const failed = outcomes.filter(o => !pushSucceeded(o)).length;
	const head =
		state.state === 'sending'
			? 'sending…'
			: state.state === 'failed'
				? 'the call failed'
				: failed === 0
					? `call accepted, ${outcomes.length} of ${outcomes.length} address${outcomes.length === 1 ? '' : 'es'} succeeded`
					: `call accepted, but ${failed} of ${outcomes.length} address${outcomes.length === 1 ? '' : 'es'} failed`;
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			<Text bold>{line(` Last test push: ${head} · ${safeText(state.what)}${state.requestId ? ` · request ${state.requestId}` : ''}`)}</Text>
			{state.state === 'failed' ? <Text color={c.error}>{line(`   ${safeText(state.error ?? '')}`)}</Text> : null}
			{state.state === 'sending' ? <Text color={c.info}>{line('   waiting for the answer…')}</Text> : null}
			{state.state === 'done' && outcomes.length === 0 ? <Text color={c.warn}>{line('   the answer names no address')}</Text> : null}
			{outcomes.map((o, i) => (
				<Box key={i} flexDirection="column">
					<Text color={pushSucceeded(o) ? c.ok : c.error}>{line(`   ${pushSucceeded(o) ? theme.glyphs.ok : theme.glyphs.fail} ${safeText(outcomeLine(o))}`)}</Text>
					<Text color={c.muted}>{line(`     ${explainDelivery(o.deliveryStatus)}${o.updatedToken ? ` · the provider gave a new token: ${safeText(o.updatedToken)}` : ''}`)}</Text>
				</Box>
			))}
			{commandLines(state.cli, width, maxCli).map((l, i) => (
				<Text key={`cli${i}`} color={c.muted}>
					{line(`${i === 0 ? ' $ ' : '   '}${l}`)}
				</Text>
			))}
		</Box>
	);
}
