// Verified destination numbers (the only numbers a sandboxed account may send to, besides simulator numbers).
import React from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {listVerifiedNumbers, type VerifiedNumber} from '../services/verifiedService.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';
import {verifiedOffer} from './copyChoices.js';

export const verifiedColumns: Column<VerifiedNumber>[] = [
	{id: 'number', title: 'Number', value: v => v.DestinationPhoneNumber ?? '', minWidth: 12},
	{id: 'status', title: 'Status', value: v => v.Status ?? '', color: v => (v.Status === 'VERIFIED' ? 'ok' : 'warn')},
	{id: 'created', title: 'Created', value: v => when(v.CreatedTimestamp), sortValue: v => whenSort(v.CreatedTimestamp)},
	{id: 'id', title: 'Id', value: v => v.VerifiedDestinationNumberId ?? '', grow: 1, shrink: 1},
];

export function VerifiedView({width, height, filter, isActive, toast, navigate}: ViewProps) {
	const {connection} = useSession();
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-verified-destination-numbers');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title="Verified destination numbers"
				resource="verified"
				load={(clients, ctx) => listVerifiedNumbers(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
				columns={verifiedColumns}
				rowKey={v => v.VerifiedDestinationNumberId ?? v.DestinationPhoneNumber ?? ''}
				width={width}
				height={height - cliHeight(cli, width)}
				filter={filter}
				isActive={isActive}
				copyOffer={v => verifiedOffer(connection, v)}
				subjectOf={v => ({kind: 'verified', id: v.VerifiedDestinationNumberId ?? '', label: v.DestinationPhoneNumber})}
				navigate={navigate}
				toast={toast}
				emptyText="No verified destination numbers in this Region"
			/>
			<CliLine command={cli} width={width} />
		</Box>
	);
}
