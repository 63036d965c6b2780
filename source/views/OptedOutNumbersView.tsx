// The numbers in one opt-out list, and the equivalent CLI command.
import React from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine} from '../components/DetailPane.js';
import {listOptedOutNumbers, type OptedOutNumber} from '../services/optOutsService.js';
import {awsCli} from './cliCommand.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';

const columns: Column<OptedOutNumber>[] = [
	{id: 'number', title: 'Number', value: n => n.OptedOutNumber ?? '', minWidth: 12},
	{id: 'time', title: 'Opted out', value: n => when(n.OptedOutTimestamp), sortValue: n => whenSort(n.OptedOutTimestamp)},
	{
		id: 'enduser',
		title: 'By end user',
		value: n => (n.EndUserOptedOut ? 'yes' : 'no (added by you)'),
		color: n => (n.EndUserOptedOut ? undefined : 'muted'),
		grow: 1,
	},
];

export function OptedOutNumbersView({list, width, height, filter, isActive, toast}: ViewProps & {list: string}) {
	const {connection} = useSession();
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-opted-out-numbers', {'opt-out-list-name': list});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={`Opt-out list ${list}`}
				resource={`opted-out-numbers/${list}`}
				load={(clients, ctx) => listOptedOutNumbers(clients, list, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
				columns={columns}
				rowKey={n => n.OptedOutNumber ?? ''}
				width={width}
				height={height - 1}
				filter={filter}
				isActive={isActive}
				copyValue={n => n.OptedOutNumber}
				toast={toast}
				emptyText="Nobody has opted out on this list"
			/>
			<CliLine command={cli} width={width} />
		</Box>
	);
}
