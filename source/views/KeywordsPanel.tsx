// The keywords of a phone number or a pool, with staged edits shown in place (+ new, ~ changed, - deleted):
// a add, e edit the message and action (a staged row edits what is staged), d delete (on a staged new row:
// discards it), u discard the row's staged edit. HELP, STOP and the mandatory opt-out keywords keep their
// actions and are never deleted; on a US toll-free number HELP and STOP stay as they are. A number in a pool
// points to the pool, where its keywords live.
import React, {useRef, useState} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {keywordDeleteEdit, keywordPutEdit, keywordScope} from '../app/editPlans.js';
import {listKeywords, type Keyword} from '../services/keywordsService.js';
import {Table} from '../components/Table.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import type {Column} from '../components/tableModel.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {checkKeywordDelete, checkKeywordEdit, checkKeywordPut, fixedKeywordAction, KEYWORD_ACTIONS, sameKeyword} from '../domain/keywordRules.js';
import {formatAge} from '../domain/duration.js';

interface Row extends Keyword {
	mark: string;
}

const columns: Column<Row>[] = [
	{id: 'mark', title: '', value: k => k.mark, maxWidth: 1, color: k => (k.mark === '-' ? 'error' : k.mark === '+' ? 'ok' : 'warn')},
	{id: 'keyword', title: 'Keyword', value: k => k.Keyword ?? '', minWidth: 8, color: k => (k.mark ? 'warn' : undefined)},
	{id: 'action', title: 'Action', value: k => k.KeywordAction ?? '', color: k => (k.mark ? 'warn' : undefined)},
	{id: 'message', title: 'Response message', value: k => k.KeywordMessage ?? '', grow: 1, color: k => (k.mark ? 'warn' : undefined)},
];

export interface KeywordsPanelProps {
	/** The number or pool whose keywords these are (the id PutKeyword gets). */
	origination: string;
	/** When the number is in a pool: its keywords are the pool's and are edited there. */
	pooledIn?: string;
	width: number;
	height: number;
	filter: string;
	isActive: boolean;
	toast: (text: string, kind?: 'info' | 'ok' | 'warn' | 'error') => void;
	/** Opens the pool's keywords (for a pooled number). */
	openPool?: () => void;
	/** A US toll-free number: HELP and STOP cannot be changed, no opt-out keyword can be added. */
	tollFree?: boolean;
}

/** add: a new keyword; edit: `row` holds the values to start from (the staged ones when a row is staged). */
type Form = {mode: 'add'} | {mode: 'edit'; row: Keyword};

export function KeywordsPanel({origination, pooledIn, width, height, filter, isActive, toast, openPool, tollFree}: KeywordsPanelProps) {
	const {connection} = useSession();
	const {stage, store} = useEdits();
	const staged = useStagedEdits();
	const scope = keywordScope(origination);
	const keywords = useResource<Keyword[]>(scope, (clients, ctx) => listKeywords(clients, origination, {signal: ctx.signal}));
	const [form, setForm] = useState<Form | undefined>();
	const selected = useRef<Row | undefined>(undefined);

	const loaded = keywords.data ?? [];
	const mine = staged.filter(e => e.scope === scope);
	const rows: Row[] = loaded.map(k => {
		const edit = mine.find(e => e.rowKey === (k.Keyword ?? '').toUpperCase());
		if (!edit) return {...k, mark: ''};
		if (edit.kind === 'delete') return {...k, mark: '-'};
		return {...k, ...edit.preview, mark: '~'} as Row;
	});
	for (const e of mine) {
		if (e.kind !== 'add') continue;
		rows.push({...e.preview, mark: '+'} as Row);
	}

	const refusePooled = () => {
		if (!pooledIn) return false;
		toast(`This number is in the pool ${pooledIn}: its keywords live on the pool — press K to edit them there`, 'warn');
		return true;
	};
	const existing = () => loaded.map(k => k.Keyword ?? '');
	const blocked = keywords.data === undefined;

	useCommands(
		{
			'edit.add': () => {
				if (refusePooled()) return;
				if (blocked) return toast('The keywords are still loading', 'info');
				setForm({mode: 'add'});
			},
			'edit.edit': () => {
				if (refusePooled()) return;
				const row = selected.current;
				if (!row) return;
				const ok = checkKeywordEdit(row.Keyword ?? '', {tollFree});
				if (!ok.ok) return toast(`${ok.reason} Nothing was sent.`, 'error');
				// A staged new or changed row starts from what is staged; a row staged for deletion from what is there.
				const start = row.mark === '+' || row.mark === '~' ? row : (loaded.find(k => sameKeyword(k.Keyword ?? '', row.Keyword ?? '')) ?? row);
				setForm({mode: 'edit', row: start});
			},
			'edit.delete': () => {
				if (refusePooled()) return;
				const row = selected.current;
				if (!row) return;
				const ok = checkKeywordDelete(row.Keyword ?? '');
				if (!ok.ok) return toast(`${ok.reason} Nothing was sent.`, 'error');
				const before = loaded.find(k => sameKeyword(k.Keyword ?? '', row.Keyword ?? ''));
				if (!before) {
					// A staged new keyword was never sent: deleting it drops the staged add.
					const edit = store.forRow(scope, (row.Keyword ?? '').toUpperCase());
					if (edit && store.discard(edit.id)) toast(`Discarded the staged new keyword ${row.Keyword} (it was never sent)`, 'ok');
					return;
				}
				stage(keywordDeleteEdit(connection, origination, before));
			},
			'edit.undo': selected.current?.mark
				? () => {
						const edit = store.forRow(scope, (selected.current?.Keyword ?? '').toUpperCase());
						if (edit && store.discard(edit.id)) toast(`Discarded: ${edit.what}`, 'ok');
					}
				: undefined,
			'view.keywords': pooledIn ? openPool : undefined,
			'app.refresh': keywords.refresh,
		},
		{priority: Priority.View, isActive: isActive && !form},
	);

	const actionOptions = (keyword: string) => {
		const fixed = fixedKeywordAction(keyword);
		return fixed ? [fixed] : KEYWORD_ACTIONS;
	};
	const formFields: FormField[] =
		form?.mode === 'edit'
			? [
					{id: 'message', label: 'Response message', kind: 'text', initial: form.row.KeywordMessage ?? ''},
					{id: 'action', label: fixedKeywordAction(form.row.Keyword ?? '') ? 'Action (fixed)' : 'Action', kind: 'choice', options: actionOptions(form.row.Keyword ?? ''), initial: form.row.KeywordAction},
				]
			: [
					{id: 'keyword', label: 'Keyword', kind: 'text', placeholder: 'e.g. JOIN (1–30 characters)'},
					{id: 'message', label: 'Response message', kind: 'text', placeholder: 'the reply sent when someone texts the keyword'},
					{id: 'action', label: 'Action', kind: 'choice', options: KEYWORD_ACTIONS},
				];
	const keywordOf = (values: Record<string, string>) => (form?.mode === 'edit' ? (form.row.Keyword ?? '') : values.keyword);
	const formLines = form ? formHeight(formFields) : 0;
	const status = keywords.loading ? 'loading…' : keywords.error ? 'failed — r retries' : keywords.age !== undefined ? `${formatAge(keywords.age)} ago` : '';
	const title = mine.length > 0 ? `Keywords — ${mine.length} staged, w applies` : 'Keywords';
	const where = pooledIn ? `the pool's (${pooledIn}), K edits them  ` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Table
				title={title}
				columns={columns}
				rows={rows}
				rowKey={k => (k.Keyword ?? '').toUpperCase()}
				width={width}
				height={Math.max(3, height - formLines)}
				filter={filter}
				isActive={isActive && !form}
				status={where + status}
				emptyText={keywords.error ? keywords.error.message : keywords.loading ? 'Loading…' : 'No keywords'}
				onSelectionChange={row => {
					selected.current = row;
				}}
			/>
			{form ? (
				<EditForm
					title={form.mode === 'edit' ? `Edit keyword ${form.row.Keyword} on ${origination}` : `Add a keyword to ${origination}`}
					fields={formFields}
					width={width}
					submitLabel="stages and reviews"
					validate={values => {
						const keyword = keywordOf(values);
						const r = checkKeywordPut({keyword, message: values.message, action: values.action, existing: existing(), tollFree});
						return r.ok ? undefined : r.reason;
					}}
					onSubmit={values => {
						const keyword = keywordOf(values);
						const before = loaded.find(k => sameKeyword(k.Keyword ?? '', keyword));
						setForm(undefined);
						stage(keywordPutEdit(connection, origination, {Keyword: keyword, KeywordMessage: values.message, KeywordAction: values.action}, before), {review: true});
					}}
					onCancel={() => setForm(undefined)}
				/>
			) : null}
		</Box>
	);
}
