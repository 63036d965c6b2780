// Opt-out lists in the Region; enter lists the list's opted-out numbers.
import React from 'react';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listOptOutLists, type OptOutList} from '../services/optOutsService.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';
import {optOutListOffer} from './copyChoices.js';
import {useSession} from '../app/session.js';

export const optOutListColumns: Column<OptOutList>[] = [
	{id: 'name', title: 'Name', value: l => l.OptOutListName ?? '', minWidth: 10},
	{id: 'created', title: 'Created', value: l => when(l.CreatedTimestamp), sortValue: l => whenSort(l.CreatedTimestamp)},
	{id: 'arn', title: 'ARN', value: l => l.OptOutListArn ?? '', grow: 1, shrink: 1},
];

export function OptOutListsView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	return (
		<ResourceTable
			title="Opt-out lists"
			resource="opt-out-lists"
			load={(clients, ctx) => listOptOutLists(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
			columns={optOutListColumns}
			rowKey={l => l.OptOutListName ?? ''}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			onOpen={l => navigate({name: 'optedOutNumbers', list: l.OptOutListName ?? ''})}
			copyOffer={l => optOutListOffer(connection, l)}
			subjectOf={l => ({kind: 'optOutList', id: l.OptOutListName ?? ''})}
			navigate={navigate}
			toast={toast}
			emptyText="No opt-out lists in this Region"
		/>
	);
}
