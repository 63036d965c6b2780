// Phone pools in the Region; enter lists the pool's origination identities.
import React from 'react';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listPools, type Pool} from '../services/poolsService.js';
import type {ViewProps} from './viewProps.js';

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

export function PoolsView({width, height, filter, isActive, navigate}: ViewProps) {
	return (
		<ResourceTable
			title="Pools"
			resource="pools"
			load={(clients, ctx) => listPools(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
			columns={poolColumns}
			rowKey={p => p.PoolId ?? ''}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			onOpen={p => navigate({name: 'poolIdentities', poolId: p.PoolId ?? ''})}
			emptyText="No pools in this Region"
		/>
	);
}
