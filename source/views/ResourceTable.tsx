// A table of one kind of resource on the current connection: loads through useResource, shows progress,
// errors and the age of the data, and refreshes with r. Views only say which columns and what enter does.
import React, {useEffect, useRef, useState} from 'react';
import {Table, type TableProps} from '../components/Table.js';
import {useResource} from '../app/session.js';
import type {Clients} from '../services/clients.js';
import type {LoadContext} from '../app/resourceStore.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands, type CommandActions} from '../input/useCommands.js';
import {formatAge} from '../domain/duration.js';
import type {Route} from '../app/state.js';
import type {ResourceRef} from '../domain/resourceRef.js';
import {resourceActions} from './relationTargets.js';
import {useCopy} from '../app/copy.js';
import type {CopyOffer} from './copyChoices.js';

export interface ResourceTableProps<Row> extends Omit<TableProps<Row>, 'rows' | 'status' | 'emptyText'> {
	/** Cache key of the resource on the current connection, e.g. "pools" or "pool-identities/pool-123". */
	resource: string;
	load: (clients: Clients, ctx: LoadContext<Row[]>) => Promise<Row[]>;
	/** Extra commands bound while this table is active. */
	actions?: CommandActions;
	emptyText?: string;
	/** What the copy menu (`c`) offers for the selected row: its value, id, ARN, aws command. */
	copyOffer?: (row: Row) => CopyOffer;
	toast?: (text: string, kind?: 'info' | 'ok' | 'warn' | 'error') => void;
	/** The resource a row is (X shows its relations, y its raw JSON); needs navigate. */
	subjectOf?: (row: Row) => ResourceRef | undefined;
	navigate?: (route: Route) => void;
}

export function ResourceTable<Row>({resource, load, actions, emptyText, copyOffer, toast, subjectOf, navigate, ...table}: ResourceTableProps<Row>) {
	const state = useResource<Row[]>(resource, (clients, ctx) =>
		load(clients, ctx).then(rows => rows, error => Promise.reject(error)),
	);
	const selected = useRef<Row | undefined>(undefined);
	const {openCopy} = useCopy();
	const copy = copyOffer
		? () => {
				if (!selected.current) return toast?.('Nothing selected to copy', 'info');
				const offer = copyOffer(selected.current);
				openCopy(offer.title, offer.choices);
			}
		: undefined;
	const related = subjectOf && navigate ? resourceActions(navigate, () => (selected.current ? subjectOf(selected.current) : undefined)) : {};
	useCommands({'app.refresh': state.refresh, 'view.copy': copy, ...related, ...actions}, {priority: Priority.View, isActive: table.isActive ?? true});
	// Re-render now and then so the age of the data stays true.
	const [, setTick] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setTick(t => t + 1), 5000);
		return () => clearInterval(timer);
	}, []);
	const rows = state.data ?? [];
	let status: string;
	if (state.loading) status = state.partial ? `loading… ${rows.length.toLocaleString('en-US')} so far` : 'loading…';
	else if (state.error) status = 'failed — r retries';
	else status = state.age !== undefined ? `${formatAge(state.age)} ago` : '';
	const empty = state.error
		? state.error.message
		: state.loading
			? 'Loading…'
			: (emptyText ?? 'Nothing here in this Region');
	const onSelectionChange = table.onSelectionChange;
	return (
		<Table
			{...table}
			rows={rows}
			status={status}
			emptyText={empty}
			onSelectionChange={row => {
				selected.current = row;
				onSelectionChange?.(row);
			}}
		/>
	);
}
