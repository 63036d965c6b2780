// One phone number: every attribute, its keywords, and the equivalent CLI command. p jumps to its pool.
import React from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {getPhoneNumber} from '../services/numbersService.js';
import {listKeywords, type Keyword} from '../services/keywordsService.js';
import {ResourceTable} from './ResourceTable.js';
import {CliLine, DetailPane, detailHeight, type DetailField} from '../components/DetailPane.js';
import type {Column} from '../components/tableModel.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {copyToClipboard} from '../app/clipboard.js';
import {awsCli} from './cliCommand.js';
import type {ViewProps} from './viewProps.js';

const keywordColumns: Column<Keyword>[] = [
	{id: 'keyword', title: 'Keyword', value: k => k.Keyword ?? '', minWidth: 8},
	{id: 'action', title: 'Action', value: k => k.KeywordAction ?? ''},
	{id: 'message', title: 'Response message', value: k => k.KeywordMessage ?? '', grow: 1},
];

const yes = (b: boolean | undefined) => (b ? 'yes' : 'no');

export function NumberDetailView({id, width, height, filter, isActive, navigate, toast}: ViewProps & {id: string}) {
	const {connection} = useSession();
	const number = useResource(`number/${id}`, clients => getPhoneNumber(clients, id));
	const n = number.data;
	const fields: DetailField[] = n
		? [
				{label: 'Number', value: n.PhoneNumber ?? ''},
				{label: 'Id', value: n.PhoneNumberId ?? ''},
				{label: 'Status', value: n.Status ?? '', tone: n.Status === 'ACTIVE' ? 'ok' : 'warn'},
				{label: 'Type', value: n.NumberType ?? ''},
				{label: 'Country', value: n.IsoCountryCode ?? ''},
				{label: 'Capabilities', value: (n.NumberCapabilities ?? []).join(', ')},
				{label: 'Message type', value: n.MessageType ?? ''},
				{label: 'Two-way', value: yes(n.TwoWayEnabled)},
				{label: 'Two-way channel', value: n.TwoWayChannelArn ?? ''},
				{label: 'Self-managed opt-outs', value: yes(n.SelfManagedOptOutsEnabled)},
				{label: 'Opt-out list', value: n.OptOutListName ?? ''},
				{label: 'Deletion protection', value: yes(n.DeletionProtectionEnabled)},
				{label: 'Pool', value: n.PoolId ?? ''},
				{label: 'Registration', value: n.RegistrationId ?? ''},
				{label: 'Monthly lease', value: n.MonthlyLeasingPrice ? `$${n.MonthlyLeasingPrice}` : ''},
				{label: 'Created', value: n.CreatedTimestamp ? new Date(n.CreatedTimestamp).toISOString().replace('.000', '') : ''},
				{label: 'ARN', value: n.PhoneNumberArn ?? '', full: true},
			]
		: [];
	useCommands(
		{
			'view.pool': n?.PoolId ? () => navigate({name: 'poolIdentities', poolId: n.PoolId!}) : undefined,
			'view.copy': n?.PhoneNumberArn
				? () => {
						copyToClipboard(n.PhoneNumberArn!);
						toast(`Copied ${n.PhoneNumberArn}`, 'ok');
					}
				: undefined,
			'app.refresh': number.refresh,
		},
		{priority: Priority.View, isActive},
	);
	const status = number.loading ? 'loading…' : number.error ? number.error.message : '';
	const top = n ? detailHeight(fields, width) : 1;
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-phone-numbers', {'phone-number-ids': id});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<DetailPane title={`Phone number ${n?.PhoneNumber ?? id}`} fields={fields} width={width} status={status} />
			{n ? (
				<ResourceTable
					title="Keywords"
					resource={`keywords/${id}`}
					load={(clients, ctx) => listKeywords(clients, id, {signal: ctx.signal})}
					columns={keywordColumns}
					rowKey={k => k.Keyword ?? ''}
					width={width}
					height={Math.max(3, height - top - 1)}
					filter={filter}
					isActive={isActive}
					emptyText="No keywords"
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
