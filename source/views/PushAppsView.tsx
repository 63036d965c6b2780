// :push — the push applications (Pinpoint) in the Region: name, id, created, and their push channels (on or off).
// enter opens an application's channels; D deletes the application under the cursor (staged, typed "delete").
import React, {useRef} from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {PUSH_APPS_SCOPE, pushAppDeleteEdit} from '../app/pushPlans.js';
import {listPushAppSummaries, type PushAppSummary} from '../services/pushService.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {channelSummary} from '../domain/pushSummary.js';
import {getAppsCli} from '../domain/pushCommands.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {pushWhen, pushWhenSort} from './pushDisplay.js';
import type {ViewProps} from './viewProps.js';
import {pushAppOffer} from './copyChoices.js';

export const pushAppColumns: Column<PushAppSummary>[] = [
	{id: 'name', title: 'Name', value: a => a.Name || '—', minWidth: 10},
	{id: 'channels', title: 'Push channels', value: channelSummary, minWidth: 12, shrink: 2, grow: 1},
	{id: 'created', title: 'Created', value: a => pushWhen(a.CreationDate).slice(0, 10), sortValue: a => pushWhenSort(a.CreationDate)},
	// Ids are never cut (a cut id reads as another one).
	{id: 'id', title: 'Id', value: a => a.Id, whole: true},
];

export function PushAppsView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	const {stage} = useEdits();
	const staged = useStagedEdits().filter(e => e.scope === PUSH_APPS_SCOPE);
	const selected = useRef<PushAppSummary | undefined>(undefined);
	useCommands(
		{
			'push.deleteApp': () => {
				const app = selected.current;
				if (!app) return toast('Put the cursor on an application to delete it', 'info');
				stage(pushAppDeleteEdit(connection, app, app.channels ? Object.keys(app.channels).length : undefined), {review: true});
			},
		},
		{priority: Priority.View, isActive},
	);
	const cli = getAppsCli(connection);
	const title = staged.length > 0 ? `Push applications — ${staged.length} staged, w applies` : 'Push applications';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={title}
				resource={PUSH_APPS_SCOPE}
				load={(clients, ctx) => listPushAppSummaries(clients, ctx.signal)}
				columns={pushAppColumns}
				rowKey={a => a.Id}
				width={width}
				height={Math.max(3, height - cliHeight(cli, width))}
				filter={filter}
				isActive={isActive}
				onOpen={a => navigate({name: 'pushApp', id: a.Id, label: a.Name || undefined})}
				onSelectionChange={row => {
					selected.current = row;
				}}
				copyOffer={a => pushAppOffer(connection, a)}
				navigate={navigate}
				toast={toast}
				emptyText="No push applications in this Region (End User Messaging Push / Pinpoint)"
			/>
			<CliLine command={cli} width={width} />
		</Box>
	);
}
