// One configuration set: its settings, its event destinations (kind, target, matching event types) and the
// equivalent CLI command.
import React, {useMemo} from 'react';
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
			...resourceActions(navigate, () => ({kind: 'configSet', id: configSet})),
			// The selected destination when it is a CloudWatch Logs one, else the set's own choice (or a picker).
			'tail.start': () =>
				navigate({name: 'tail', configSet, ...(selected?.CloudWatchLogsDestination ? {destination: selected.EventDestinationName} : {})}),
		},
		{priority: Priority.View, isActive},
	);
	const status = resource.loading
		? 'loading…'
		: resource.error
			? resource.error.message
			: !c && resource.fetchedAt
				? 'not found in this Region'
				: '';
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-configuration-sets', {'configuration-set-names': configSet});
	const cliLines = cliHeight(cli, width);
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
					isActive={isActive}
					onSelectionChange={setSelected}
					emptyText="No event destinations: events from this configuration set go nowhere"
				/>
			) : (
				<Box flexGrow={1} />
			)}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
