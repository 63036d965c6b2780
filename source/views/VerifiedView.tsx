// Verified destination numbers (the only numbers a sandboxed account may send to, besides simulator numbers).
// a adds a number (E.164 checked first), v sends it a code (SMS or voice, language optional), V enters the code,
// d deletes (typed "delete"), T opens a test send to the number; each change is staged and reviewed.
import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {listVerifiedNumbers, type VerifiedNumber} from '../services/verifiedService.js';
import {VERIFIED_SCOPE, verifiedAddEdit, verifiedConfirmEdit, verifiedDeleteEdit, verifiedSendCodeEdit, type VerifiedTarget} from '../app/editPlans.js';
import {NumberEntryForm} from './NumberEntryForm.js';
import {checkVerificationCode, VERIFICATION_CHANNELS, VERIFICATION_LANGUAGES} from '../domain/verification.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {when, whenSort} from './display.js';
import type {ViewProps} from './viewProps.js';
import {verifiedOffer} from './copyChoices.js';

export const verifiedColumns: Column<VerifiedNumber>[] = [
	{id: 'number', title: 'Number', value: v => v.DestinationPhoneNumber ?? '', minWidth: 12},
	{id: 'status', title: 'Status', value: v => v.Status ?? '', color: v => (v.Status === 'VERIFIED' ? 'ok' : 'warn')},
	{id: 'created', title: 'Created', value: v => when(v.CreatedTimestamp), sortValue: v => whenSort(v.CreatedTimestamp)},
	{id: 'id', title: 'Id', value: v => v.VerifiedDestinationNumberId ?? '', grow: 1, shrink: 1},
];

type Form = {kind: 'add'} | {kind: 'code'; target: VerifiedTarget} | {kind: 'verify'; target: VerifiedTarget};

const DEFAULT_LANGUAGE = '(service default)';

const FIELDS: Record<Form['kind'], FormField[]> = {
	add: [{id: 'number', label: 'Phone number', kind: 'text', placeholder: '+12065550150 (E.164)'}],
	code: [
		{id: 'channel', label: 'Send by', kind: 'choice', options: VERIFICATION_CHANNELS},
		{id: 'language', label: 'Language', kind: 'pick', options: [DEFAULT_LANGUAGE, ...VERIFICATION_LANGUAGES]},
	],
	verify: [{id: 'code', label: 'Code', kind: 'text', placeholder: 'the code the phone received'}],
};

function targetOf(v: VerifiedNumber | undefined): VerifiedTarget | undefined {
	if (!v?.VerifiedDestinationNumberId) return undefined;
	return {id: v.VerifiedDestinationNumberId, phoneNumber: v.DestinationPhoneNumber ?? '', status: v.Status ?? ''};
}

export function VerifiedView({width, height, filter, isActive, toast, navigate}: ViewProps) {
	const {connection} = useSession();
	const {stage, store} = useEdits();
	const staged = useStagedEdits().filter(e => e.scope === VERIFIED_SCOPE);
	const marks = staged.map(e => `${e.rowKey}=${e.kind === 'delete' ? '-' : e.kind === 'add' ? '+' : '~'}`).join(',');
	const marked = useMemo<Column<VerifiedNumber>[]>(() => {
		const m = new Map(marks ? marks.split(',').map(kv => kv.split('=') as [string, string]) : []);
		const mark = (v: VerifiedNumber) => m.get(v.DestinationPhoneNumber ?? '') ?? '';
		return [{id: 'mark', title: '', value: mark, maxWidth: 1, color: v => (mark(v) === '-' ? 'error' : mark(v) === '+' ? 'ok' : 'warn')}, ...verifiedColumns];
	}, [marks]);
	const selected = useRef<VerifiedNumber | undefined>(undefined);
	const [form, setForm] = useState<Form | undefined>();
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-verified-destination-numbers');
	const pending = staged.filter(e => e.kind === 'add').map(e => e.rowKey);
	const formLines = form ? formHeight(FIELDS[form.kind]) : 0;

	/** The selected number, or a hint why the action needs another one. */
	const withTarget = (action: string, run: (target: VerifiedTarget) => void, needsPending = false) => () => {
		const target = targetOf(selected.current);
		if (!target) toast(`Select a number to ${action}`, 'warn');
		else if (needsPending && target.status === 'VERIFIED') toast(`${target.phoneNumber} is already VERIFIED`, 'info');
		else run(target);
	};

	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={
					staged.length > 0
						? `Verified destination numbers — ${staged.length} staged, w applies${pending.length ? ` (to add: ${pending.join(', ')})` : ''}`
						: 'Verified destination numbers'
				}
				resource={VERIFIED_SCOPE}
				load={(clients, ctx) => listVerifiedNumbers(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
				columns={marked}
				rowKey={v => v.VerifiedDestinationNumberId ?? v.DestinationPhoneNumber ?? ''}
				width={width}
				height={height - cliHeight(cli, width) - formLines}
				filter={filter}
				isActive={isActive && !form}
				copyOffer={v => verifiedOffer(connection, v)}
				subjectOf={v => ({kind: 'verified', id: v.VerifiedDestinationNumberId ?? '', label: v.DestinationPhoneNumber})}
				navigate={navigate}
				toast={toast}
				onSelectionChange={v => {
					selected.current = v;
				}}
				actions={{
					'edit.add': () => setForm({kind: 'add'}),
					'verified.sendCode': withTarget('send a code to', target => setForm({kind: 'code', target}), true),
					'verified.verify': withTarget('verify', target => setForm({kind: 'verify', target}), true),
					'edit.delete': withTarget('delete', target => stage(verifiedDeleteEdit(connection, target))),
					'send.test': withTarget('send a test message to', target => navigate({name: 'send', destination: target.phoneNumber})),
					'edit.undo': () => {
						const edit = store.forRow(VERIFIED_SCOPE, selected.current?.DestinationPhoneNumber ?? '');
						if (edit && store.discard(edit.id)) toast(`Discarded: ${edit.what}`, 'ok');
						else if (store.discardAll() > 0) toast('Discarded every staged edit', 'ok');
					},
				}}
				emptyText="No verified destination numbers in this Region — a adds one"
			/>
			{form?.kind === 'add' ? (
				<NumberEntryForm
					title="Add a verified destination number (in the sandbox, SMS and voice go only to these and to simulator numbers)"
					width={width}
					onNumber={e164 => {
						setForm(undefined);
						stage(verifiedAddEdit(connection, e164), {review: true});
					}}
					onCancel={() => setForm(undefined)}
				/>
			) : null}
			{form?.kind === 'code' ? (
				<EditForm
					title={`Send a verification code to ${form.target.phoneNumber} (valid 15 minutes; a new code replaces the last one)`}
					fields={FIELDS.code}
					width={width}
					submitLabel="stages and reviews"
					validate={() => undefined}
					onSubmit={values => {
						setForm(undefined);
						const language = values.language && values.language !== DEFAULT_LANGUAGE ? values.language : undefined;
						stage(verifiedSendCodeEdit(connection, form.target, values.channel === 'VOICE' ? 'VOICE' : 'TEXT', language), {review: true});
					}}
					onCancel={() => setForm(undefined)}
				/>
			) : null}
			{form?.kind === 'verify' ? (
				<EditForm
					title={`Enter the code ${form.target.phoneNumber} received`}
					fields={FIELDS.verify}
					width={width}
					submitLabel="stages and reviews"
					validate={values => {
						const r = checkVerificationCode(values.code.trim());
						return r.ok ? undefined : r.reason;
					}}
					onSubmit={values => {
						setForm(undefined);
						stage(verifiedConfirmEdit(connection, form.target, values.code.trim()), {review: true});
					}}
					onCancel={() => setForm(undefined)}
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
