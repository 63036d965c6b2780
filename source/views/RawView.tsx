// One resource's JSON as the service returns it (the answer of the equivalent aws command shown below it),
// escaped for the terminal and scrollable.
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {describeRaw, type RawAnswer} from '../services/rawService.js';
import {refTitle, type ResourceRef} from '../domain/resourceRef.js';
import {safeJson} from '../domain/sanitize.js';
import {LineList, type ListLine} from '../components/LineList.js';
import {CliLine} from '../components/DetailPane.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {awsCli} from './cliCommand.js';
import type {ViewProps} from './viewProps.js';

export function RawView({subject, width, height, filter, isActive}: ViewProps & {subject: ResourceRef}) {
	const {connection} = useSession();
	const key = `raw/${subject.kind}/${subject.id}/${subject.country ?? ''}`;
	const raw = useResource<RawAnswer>(key, (clients, ctx) => describeRaw(clients, subject, {signal: ctx.signal}));
	useCommands({'app.refresh': raw.refresh}, {priority: Priority.View, isActive});
	const lines = useMemo<ListLine[]>(
		() => (raw.data ? safeJson(raw.data.output, 2).split('\n').map((text, i) => ({key: String(i), text})) : []),
		[raw.data],
	);
	const status = raw.loading ? 'loading…' : raw.error ? 'failed — r retries' : '';
	const cli = raw.data ? awsCli(connection, 'pinpoint-sms-voice-v2', raw.data.operation, raw.data.args) : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<LineList
				title={`Raw ${refTitle(subject)}`}
				lines={lines}
				width={width}
				height={height - 1}
				isActive={isActive}
				filter={filter}
				status={status}
				emptyText={raw.error ? raw.error.message : 'Loading…'}
			/>
			<CliLine command={cli} width={width} />
		</Box>
	);
}
