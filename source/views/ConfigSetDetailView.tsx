// One configuration set: its settings, its event destinations (kind, target, matching event types) and the
// equivalent CLI command. a adds a destination (a form), E enables or disables the selected one, d deletes it —
// all staged, reviewed with their aws commands (delete: typed "delete").
import React, {useMemo, useState} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {destinationTarget, getConfigurationSet, type ConfigurationSet} from '../services/configSetsService.js';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, DetailPane, cliHeight, detailHeight, type DetailField} from '../components/DetailPane.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {resourceActions} from './relationTargets.js';
import {when, yesNo} from './display.js';
import type {ViewProps} from './viewProps.js';
import {configSetOffer} from './copyChoices.js';
import {useCopy} from '../app/copy.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {destinationDeleteEdit, destinationEnableEdit} from '../app/editPlans.js';
import {MAX_DESTINATIONS} from '../domain/eventDestinations.js';
import {DestinationForm, destinationFormHeight} from './DestinationForm.js';

type Destination = NonNullable<ConfigurationSet['EventDestinations']>[number];

const destinationColumns: Column<Destination>[] = [
	{id: 'name', title: 'Destination', value: d => d.EventDestinationName ?? '', minWidth: 10},
	{id: 'enabled', title: 'Enabled', value: d => yesNo(d.Enabled), color: d => (d.Enabled ? 'ok' : 'warn')},
	{id: 'kind', title: 'Kind', value: d => destinationTarget(d).kind},
	{id: 'events', title: 'Event types', value: d => (d.MatchingEventTypes ?? []).join(','), minWidth: 12, shrink: 2, grow: 1},
	{id: 'target', title: 'Target', value: d => destinationTarget(d).target, minWidth: 20, shrink: 1, grow: 1},
];

export function ConfigSetDetailView({configSet, width, height, filter, isActive, toast, navigate}: ViewProps & {configSet: string}) {
	const {connection} = useSession();
	const {openCopy} = useCopy();
	const resource = useResource(`config-set/${configSet}`, clients => getConfigurationSet(clients, configSet));
	const c = resource.data;
	const destinations = useMemo(() => c?.EventDestinations ?? [], [c]);
	const fields: DetailField[] = c
		? [
				{label: 'Name', value: c.ConfigurationSetName ?? ''},
				{label: 'Default message type', value: c.DefaultMessageType ?? ''},
				{label: 'Default sender ID', value: c.DefaultSenderId ?? ''},
				{label: 'Protect configuration', value: c.ProtectConfigurationId ?? ''},
				{label: 'Message feedback', value: yesNo(c.DefaultMessageFeedbackEnabled)},
				{label: 'Created', value: when(c.CreatedTimestamp)},
				{label: 'ARN', value: c.ConfigurationSetArn ?? '', full: true},
			]
		: [];
	const [selected, setSelected] = React.useState<Destination | undefined>(undefined);
	const [adding, setAdding] = useState(false);
	const {stage} = useEdits();
	const allStaged = useStagedEdits();
	const staged = useMemo(() => allStaged.filter(e => e.scope === `config-set/${configSet}`), [allStaged, configSet]);
	const pick = (what: string) => {
		if (!selected) toast(`Put the cursor on an event destination to ${what} it`, 'info');
		return selected;
	};
	useCommands(
		{
			'view.copy': () => {
				const offer = configSetOffer(connection, c ?? {ConfigurationSetName: configSet});
				const target = selected ? destinationTarget(selected) : undefined;
				openCopy(offer.title, [
					...(target ? [{label: `Destination ${selected?.EventDestinationName ?? ''}`.trim(), text: target.target}] : []),
					...offer.choices,
				]);
			},
			'app.refresh': resource.refresh,
			'edit.add': c
				? () => {
						if (destinations.length >= MAX_DESTINATIONS) return toast(`${configSet} already has ${MAX_DESTINATIONS} event destinations, the most a set can have: delete one first. Nothing was staged.`, 'warn');
						setAdding(true);
					}
				: undefined,
			'destination.toggle': c
				? () => {
						const d = pick('enable or disable');
						if (d) stage(destinationEnableEdit(connection, configSet, d.EventDestinationName ?? '', !d.Enabled), {review: true});
					}
				: undefined,
			'edit.delete': c
				? () => {
						const d = pick('delete');
						if (d) stage(destinationDeleteEdit(connection, configSet, d.EventDestinationName ?? '', destinationTarget(d).target), {review: true});
					}
				: undefined,
			...resourceActions(navigate, () => ({kind: 'configSet', id: configSet})),
			// The selected destination when it is a CloudWatch Logs one, else the set's own choice (or a picker).
			'tail.start': () =>
				navigate({name: 'tail', configSet, ...(selected?.CloudWatchLogsDestination ? {destination: selected.EventDestinationName} : {})}),
			'insights.open': () => navigate({name: 'insights', configSet}),
		},
		{priority: Priority.View, isActive: isActive && !adding},
	);
	const status = resource.loading
		? 'loading…'
		: resource.error
			? resource.error.message
			: !c && resource.fetchedAt
				? 'not found in this Region'
				: staged.length > 0
					? `${staged.length} staged · w reviews`
					: '';
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-configuration-sets', {'configuration-set-names': configSet});
	const cliLines = cliHeight(cli, width) + (adding ? destinationFormHeight() : 0);
	// The destinations keep their title, header and two rows; the fields take the rest and scroll when it is short.
	const fieldRoom = Math.max(3, height - cliLines - 4);
	const top = c ? Math.min(detailHeight(fields, width), fieldRoom) : 1;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<DetailPane title={`Configuration set ${configSet}`} fields={fields} width={width} status={status} maxHeight={fieldRoom} isActive={isActive} />
			{c ? (
				<Table
					title="Event destinations"
					columns={destinationColumns}
					rows={destinations}
					rowKey={d => d.EventDestinationName ?? ''}
					width={width}
					height={Math.max(3, height - top - cliLines)}
					filter={filter}
					isActive={isActive && !adding}
					onSelectionChange={setSelected}
					emptyText="No event destinations: events from this configuration set go nowhere"
				/>
			) : (
				<Box flexGrow={1} />
			)}
			{adding && c ? (
				<DestinationForm
					configSet={configSet}
					configSetArn={c.ConfigurationSetArn ?? ''}
					existing={destinations.map(d => d.EventDestinationName ?? '')}
					width={width}
					initial={{roleArn: destinations.find(d => d.CloudWatchLogsDestination)?.CloudWatchLogsDestination?.IamRoleArn}}
					onStage={edit => {
						setAdding(false);
						stage(edit, {review: true});
					}}
					onCancel={() => setAdding(false)}
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
