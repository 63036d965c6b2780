// Configuration sets in the Region; enter opens one with its event destinations. a creates a set (a name the
// service accepts), d deletes the selected one — staged, reviewed with the aws command (delete: typed "delete").
import React, {useRef, useState} from 'react';
import {Box} from 'ink';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';
import {configSetOffer} from './copyChoices.js';
import {useSession} from '../app/session.js';
import {useEdits} from '../app/edits.js';
import {configSetCreateEdit, configSetDeleteEdit} from '../app/editPlans.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {checkConfigSetName} from '../domain/eventDestinations.js';

const NAME_FIELD: FormField[] = [{id: 'name', label: 'Name', kind: 'text', placeholder: '1–64 letters, digits, _ and -'}];
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
	const {stage} = useEdits();
	const [creating, setCreating] = useState(false);
	const rows = useRef<ConfigurationSet[]>([]);
	const nameProblem = (name: string) => {
		const checked = checkConfigSetName(name.trim());
		if (!checked.ok) return checked.reason;
		if (rows.current.some(c => c.ConfigurationSetName === checked.value)) return `A configuration set named ${checked.value} already exists`;
		return undefined;
	};
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title="Configuration sets"
				resource="config-sets"
				load={(clients, ctx) =>
					listConfigurationSets(clients, {signal: ctx.signal, onPage: page => ctx.partial([...page])}).then(all => {
						rows.current = all;
						return all;
					})
				}
				columns={configSetColumns}
				rowKey={c => c.ConfigurationSetName ?? ''}
				width={width}
				height={height - (creating ? formHeight(NAME_FIELD) : 0)}
				filter={filter}
				isActive={isActive && !creating}
				onOpen={c => navigate({name: 'configSet', configSet: c.ConfigurationSetName ?? ''})}
				actions={{
					'tail.start': () => selected.current && navigate({name: 'tail', configSet: selected.current.ConfigurationSetName ?? ''}),
					'insights.open': () => selected.current && navigate({name: 'insights', configSet: selected.current.ConfigurationSetName ?? ''}),
					'edit.add': () => setCreating(true),
					'edit.delete': () => {
						const c = selected.current;
						if (!c) return toast('Put the cursor on a configuration set to delete it', 'info');
						stage(configSetDeleteEdit(connection, c.ConfigurationSetName ?? '', c.EventDestinations?.length ?? 0), {review: true});
					},
				}}
				onSelectionChange={c => (selected.current = c)}
				copyOffer={c => configSetOffer(connection, c)}
				subjectOf={c => ({kind: 'configSet', id: c.ConfigurationSetName ?? ''})}
				navigate={navigate}
				toast={toast}
				emptyText="No configuration sets in this Region"
			/>
			{creating ? (
				<EditForm
					title="New configuration set"
					fields={NAME_FIELD}
					width={width}
					submitLabel="stages it for review"
					validate={values => nameProblem(values.name ?? '')}
					onSubmit={values => {
						setCreating(false);
						stage(configSetCreateEdit(connection, values.name.trim()), {review: true});
					}}
					onCancel={() => setCreating(false)}
				/>
			) : null}
		</Box>
	);
}
