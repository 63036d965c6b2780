// ":audit" — every change applied in this session, newest first: when, in which Region (and profile), what changed
// from what to what, and the request id to quote to AWS Support or find in CloudTrail.
import React from 'react';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import type {AuditEntry} from '../app/state.js';

type Row = AuditEntry & {n: number};

const columns: Column<Row>[] = [
	{id: 'time', title: 'Time', value: e => new Date(e.time).toISOString().slice(11, 19), minWidth: 8},
	{id: 'region', title: 'Region', value: e => e.region, minWidth: 9},
	{id: 'profile', title: 'Profile', value: e => e.profile ?? '', maxWidth: 16, shrink: 3},
	{id: 'what', title: 'Change', value: e => e.what, grow: 1, minWidth: 16, shrink: 1},
	{id: 'before', title: 'Before', value: e => e.before || '(none)', maxWidth: 30, shrink: 2},
	{id: 'after', title: 'After', value: e => e.after || '(none)', maxWidth: 30, shrink: 2, color: () => 'ok'},
	// The request id is what AWS Support and CloudTrail ask for: never cut.
	{id: 'request', title: 'Request id', value: e => e.requestId ?? 'unknown', minWidth: 36},
];

export function AuditView({entries, width, height, filter}: {entries: AuditEntry[]; width: number; height: number; filter: string}) {
	const rows = entries.map((e, n) => ({...e, n})).reverse();
	return (
		<Table
			title="Applied changes"
			columns={columns}
			rows={rows}
			rowKey={r => String(r.n)}
			width={width}
			height={height}
			filter={filter}
			emptyText="No changes applied in this session (stage with a, e, d or o; w reviews and applies)"
		/>
	);
}
