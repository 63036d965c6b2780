// "!" — every error of the session with its time, where it came from and the request id (applied changes are in
// :audit).
import React from 'react';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import type {ErrorEntry} from '../app/state.js';

const columns: Column<ErrorEntry & {n: number}>[] = [
	{id: 'time', title: 'Time', value: e => new Date(e.time).toISOString().slice(11, 19), minWidth: 8},
	{id: 'source', title: 'Source', value: e => e.source, maxWidth: 28},
	{id: 'message', title: 'Message', value: e => e.message, grow: 1, minWidth: 20, color: () => 'error'},
	{id: 'request', title: 'Request id', value: e => e.requestId ?? '', maxWidth: 38},
];

export function ErrorLogView({errors, width, height, filter}: {errors: ErrorEntry[]; width: number; height: number; filter: string}) {
	const rows = errors.map((e, n) => ({...e, n})).reverse();
	return (
		<Table
			title="Error log"
			columns={columns}
			rows={rows}
			rowKey={r => String(r.n)}
			width={width}
			height={height}
			filter={filter}
			emptyText="No errors in this session"
		/>
	);
}
