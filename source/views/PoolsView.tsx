// Phone pools in the Region; enter lists the pool's origination identities, K its keywords, o its settings.
import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listPools, type Pool} from '../services/poolsService.js';
import {useStagedEdits} from '../app/edits.js';
import {SettingsForm, settingsFormHeight, settingsOf} from './SettingsForm.js';
import type {ViewProps} from './viewProps.js';
import {poolOffer} from './copyChoices.js';
import {useSession} from '../app/session.js';
import {poolLabel, usePoolNames} from './usePoolNames.js';

const yes = (b: boolean | undefined) => (b ? 'yes' : 'no');

export const poolColumns: Column<Pool>[] = [
	{id: 'id', title: 'Pool', value: p => p.PoolId ?? '', minWidth: 12},
	{id: 'status', title: 'Status', value: p => p.Status ?? '', color: p => (p.Status === 'ACTIVE' ? 'ok' : 'warn')},
	{id: 'type', title: 'Message type', value: p => p.MessageType ?? ''},
	{id: 'twoway', title: 'Two-way', value: p => yes(p.TwoWayEnabled)},
	{id: 'selfopt', title: 'Self opt-out', value: p => yes(p.SelfManagedOptOutsEnabled)},
	{id: 'shared', title: 'Shared routes', value: p => yes(p.SharedRoutesEnabled)},
	{id: 'protect', title: 'Del. protect', value: p => yes(p.DeletionProtectionEnabled), color: p => (p.DeletionProtectionEnabled ? 'ok' : undefined)},
	{id: 'optout', title: 'Opt-out list', value: p => p.OptOutListName ?? '', grow: 1, shrink: 1},
];

export function PoolsView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	const staged = useStagedEdits().filter(e => e.scope === 'pools');
	const stagedIds = staged.map(e => e.rowKey).join(',');
	const names = usePoolNames();
	const columns = useMemo<Column<Pool>[]>(
		() => [
			{id: 'mark', title: '', value: p => (stagedIds.split(',').includes(p.PoolId ?? '') ? '~' : ''), maxWidth: 1, color: () => 'warn'},
			// The Name tag people know the pool by, beside its id (the id is cut first when room runs out).
			{...poolColumns[0], shrink: 2},
			{id: 'name', title: 'Name', value: p => names[p.PoolId ?? ''] ?? '', minWidth: 8},
			...poolColumns.slice(1),
		],
		[stagedIds, names],
	);
	const selected = useRef<Pool | undefined>(undefined);
	const [editing, setEditing] = useState<Pool | undefined>();
	const formLines = editing ? settingsFormHeight('pool') : 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={staged.length > 0 ? `Pools — ${staged.length} staged, w applies` : 'Pools'}
				resource="pools"
				load={(clients, ctx) => listPools(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
				columns={columns}
				rowKey={p => p.PoolId ?? ''}
				width={width}
				height={height - formLines}
				filter={filter}
				isActive={isActive && !editing}
				onOpen={p => navigate({name: 'poolIdentities', poolId: p.PoolId ?? ''})}
				subjectOf={p => ({kind: 'pool', id: p.PoolId ?? ''})}
				navigate={navigate}
				onSelectionChange={p => {
					selected.current = p;
				}}
				copyOffer={p => poolOffer(connection, p, names[p.PoolId ?? ''])}
				toast={toast}
				actions={{
					'view.keywords': () => selected.current?.PoolId && navigate({name: 'keywords', origination: selected.current.PoolId}),
					'edit.settings': () => selected.current && setEditing(selected.current),
				}}
				emptyText="No pools in this Region"
			/>
			{editing ? (
				<SettingsForm
					target={{kind: 'pool', id: editing.PoolId ?? '', label: poolLabel(editing.PoolId, names)}}
					before={settingsOf(editing)}
					width={width}
					onClose={() => setEditing(undefined)}
				/>
			) : null}
		</Box>
	);
}
