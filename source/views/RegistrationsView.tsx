// Registrations in the Region (10DLC brands and campaigns, toll-free numbers): type, status, name, version, how long
// in its state and how many numbers it holds; enter opens one.
import React from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {listRegistrations, type Registration} from '../services/registrationsService.js';
import {registrationStatusTone, registrationTypeLabel} from '../domain/registrations.js';
import {formatAge} from '../domain/duration.js';
import {awsCli} from '../domain/awsCliCommand.js';
import type {ViewProps} from './viewProps.js';
import {registrationOffer} from './copyChoices.js';

function version(r: Registration): string {
	const parts = [`v${r.CurrentVersionNumber ?? '?'}`];
	if (r.ApprovedVersionNumber !== undefined && r.ApprovedVersionNumber !== r.CurrentVersionNumber) parts.push(`approved v${r.ApprovedVersionNumber}`);
	return parts.join(' · ');
}

export const registrationColumns: Column<Registration>[] = [
	{id: 'name', title: 'Name', value: r => r.Name ?? '—', minWidth: 12},
	{id: 'type', title: 'Type', value: r => registrationTypeLabel(r.RegistrationType)},
	{id: 'status', title: 'Status', value: r => r.RegistrationStatus ?? '', color: r => registrationStatusTone(r.RegistrationStatus)},
	{id: 'version', title: 'Version', value: version, sortValue: r => r.CurrentVersionNumber ?? 0},
	{
		id: 'since',
		title: 'In state',
		value: r => (r.StateSince ? formatAge(Date.now() - r.StateSince.getTime()) : ''),
		sortValue: r => (r.StateSince ? -r.StateSince.getTime() : 0),
		align: 'right',
	},
	{id: 'numbers', title: 'Numbers', value: r => (r.AssociationCount === undefined ? '' : String(r.AssociationCount)), sortValue: r => r.AssociationCount ?? 0, align: 'right'},
	{id: 'id', title: 'Id', value: r => r.RegistrationId ?? '', grow: 1, shrink: 1},
];

export function RegistrationsView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-registrations');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title="Registrations"
				resource="registrations"
				load={(clients, ctx) => listRegistrations(clients, {signal: ctx.signal})}
				columns={registrationColumns}
				rowKey={r => r.RegistrationId ?? ''}
				width={width}
				height={height - cliHeight(cli, width)}
				filter={filter}
				isActive={isActive}
				onOpen={r => r.RegistrationId && navigate({name: 'registration', id: r.RegistrationId})}
				copyOffer={r => registrationOffer(connection, r)}
				navigate={navigate}
				toast={toast}
				emptyText="No registrations in this Region"
			/>
			<CliLine command={cli} width={width} />
		</Box>
	);
}
