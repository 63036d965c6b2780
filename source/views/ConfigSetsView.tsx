// Configuration sets in the Region; enter opens one with its event destinations.
import React, {useRef} from 'react';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';
import {configSetOffer} from './copyChoices.js';
import {useSession} from '../app/session.js';

export const configSetColumns: Column<ConfigurationSet>[] = [
	{id: 'name', title: 'Name', value: c => c.ConfigurationSetName ?? '', minWidth: 18},
	{id: 'type', title: 'Default type', value: c => c.DefaultMessageType ?? ''},
	{id: 'sender', title: 'Default sender', value: c => c.DefaultSenderId ?? ''},
	{id: 'protect', title: 'Protect config', value: c => c.ProtectConfigurationId ?? '', shrink: 2},
	{
		id: 'destinations',
		title: 'Destinations',
		value: c => String(c.EventDestinations?.length ?? 0),
		sortValue: c => c.EventDestinations?.length ?? 0,
		align: 'right',
	},
	{id: 'created', title: 'Created', value: c => when(c.CreatedTimestamp), sortValue: c => whenSort(c.CreatedTimestamp), grow: 1, shrink: 1},
];

export function ConfigSetsView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	const selected = useRef<ConfigurationSet | undefined>(undefined);
	return (
		<ResourceTable
			title="Configuration sets"
			resource="config-sets"
			load={(clients, ctx) => listConfigurationSets(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
			columns={configSetColumns}
			rowKey={c => c.ConfigurationSetName ?? ''}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			onOpen={c => navigate({name: 'configSet', configSet: c.ConfigurationSetName ?? ''})}
			actions={{'tail.start': () => selected.current && navigate({name: 'tail', configSet: selected.current.ConfigurationSetName ?? ''})}}
			onSelectionChange={c => (selected.current = c)}
			copyOffer={c => configSetOffer(connection, c)}
			subjectOf={c => ({kind: 'configSet', id: c.ConfigurationSetName ?? ''})}
			navigate={navigate}
			toast={toast}
			emptyText="No configuration sets in this Region"
		/>
	);
}
