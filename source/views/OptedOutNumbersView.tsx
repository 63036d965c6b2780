// The numbers in one opt-out list, and the equivalent CLI command. a opts a number out (E.164 checked before
// anything is staged), d removes the selected one (typed confirmation); staged rows carry + or -.
import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {NumberEntryForm, numberEntryHeight} from './NumberEntryForm.js';
import {listOptedOutNumbers, type OptedOutNumber} from '../services/optOutsService.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {optOutAddEdit, optOutRemoveEdit, optOutScope} from '../app/editPlans.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';
import {optedOutOffer} from './copyChoices.js';

const columns: Column<OptedOutNumber>[] = [
	{id: 'number', title: 'Number', value: n => n.OptedOutNumber ?? '', minWidth: 12},
	{id: 'time', title: 'Opted out', value: n => when(n.OptedOutTimestamp), sortValue: n => whenSort(n.OptedOutTimestamp)},
	{
		id: 'enduser',
		title: 'By end user',
		value: n => (n.EndUserOptedOut ? 'yes' : 'no (added by you)'),
		color: n => (n.EndUserOptedOut ? undefined : 'muted'),
		grow: 1,
	},
];

export function OptedOutNumbersView({list, width, height, filter, isActive, toast, navigate}: ViewProps & {list: string}) {
	const {connection} = useSession();
	const {stage, store} = useEdits();
	const scope = optOutScope(list);
	const staged = useStagedEdits().filter(e => e.scope === scope);
	const marks = staged.map(e => `${e.rowKey}=${e.kind === 'delete' ? '-' : '+'}`).join(',');
	const marked = useMemo<Column<OptedOutNumber>[]>(() => {
		const m = new Map(marks ? marks.split(',').map(kv => kv.split('=') as [string, string]) : []);
		return [{id: 'mark', title: '', value: n => m.get(n.OptedOutNumber ?? '') ?? '', maxWidth: 1, color: n => (m.get(n.OptedOutNumber ?? '') === '-' ? 'error' : 'ok')}, ...columns];
	}, [marks]);
	const selected = useRef<OptedOutNumber | undefined>(undefined);
	const [adding, setAdding] = useState(false);
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-opted-out-numbers', {'opt-out-list-name': list});
	const pending = staged.filter(e => e.kind === 'add').map(e => e.rowKey);
	const formLines = adding ? numberEntryHeight : 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={staged.length > 0 ? `Opt-out list ${list} — ${staged.length} staged, w applies${pending.length ? ` (to add: ${pending.join(', ')})` : ''}` : `Opt-out list ${list}`}
				resource={scope}
				load={(clients, ctx) => listOptedOutNumbers(clients, list, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
				columns={marked}
				rowKey={n => n.OptedOutNumber ?? ''}
				width={width}
				height={height - cliHeight(cli, width) - formLines}
				filter={filter}
				isActive={isActive && !adding}
				copyOffer={n => optedOutOffer(connection, list, n)}
				subjectOf={n => ({kind: 'optedOutNumber', id: n.OptedOutNumber ?? '', list})}
				navigate={navigate}
				toast={toast}
				onSelectionChange={n => {
					selected.current = n;
				}}
				actions={{
					'edit.add': () => setAdding(true),
					'edit.delete': () => {
						const n = selected.current?.OptedOutNumber;
						if (n) stage(optOutRemoveEdit(connection, list, n));
					},
					'edit.undo': () => {
						const edit = store.forRow(scope, selected.current?.OptedOutNumber ?? '');
						if (edit && store.discard(edit.id)) toast(`Discarded: ${edit.what}`, 'ok');
						else if (store.discardAll() > 0) toast('Discarded every staged edit', 'ok');
					},
				}}
				emptyText="Nobody has opted out on this list"
			/>
			{adding ? (
				<NumberEntryForm
					title={`Opt a number out on ${list} (it gets no messages from any identity using this list)`}
					width={width}
					onNumber={e164 => {
						setAdding(false);
						stage(optOutAddEdit(connection, list, e164), {review: true});
					}}
					onCancel={() => setAdding(false)}
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
