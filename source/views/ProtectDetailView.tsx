// One protect configuration: its associations and account-default state, then its country rule table for one
// capability (tab: SMS → MMS → VOICE), every country the service lists, filterable with /. e sets the rule of the
// country under the cursor, E the rule of every country shown; u drops the row's staged change. The changes of a
// capability are one staged edit, sent in calls of at most 300 countries; w reviews and applies.
import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {protectDefaultToggleEdit, protectRulesEdit, protectRulesScope, type ProtectTarget} from '../app/editPlans.js';
import {getCountryRules, listNumberOverrides, listProtectConfigurations, type ProtectConfiguration, type ProtectOverride} from '../services/protectService.js';
import {Table} from '../components/Table.js';
import {filterRows, type Column} from '../components/tableModel.js';
import {CliLine, DetailPane, cliHeight, detailHeight, type DetailField} from '../components/DetailPane.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {countryName, mergeRuleChanges, protectLabel, PROTECT_CAPABILITIES, protectStatusTone, statusesFor, type ProtectCapability, type RuleChanges} from '../domain/protectRules.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {formatAge} from '../domain/duration.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useCopy} from '../app/copy.js';
import {useViewMemory} from '../components/viewMemory.js';
import {when, yesNo} from './display.js';
import type {ViewProps} from './viewProps.js';
import {protectOffer} from './copyChoices.js';

interface Row {
	iso: string;
	name: string;
	status: string;
	/** What the service has, when a change is staged. */
	was?: string;
}

const columns: Column<Row>[] = [
	{id: 'mark', title: '', value: r => (r.was !== undefined ? '~' : ''), maxWidth: 1, color: () => 'warn'},
	{id: 'iso', title: 'Country', value: r => r.iso, minWidth: 7},
	{id: 'status', title: 'Rule', value: r => (r.was !== undefined ? `${r.status} (was ${r.was})` : r.status), color: r => (r.was !== undefined ? 'warn' : protectStatusTone(r.status))},
	{id: 'name', title: 'Name', value: r => r.name, minWidth: 12, grow: 1, shrink: 1},
];

type Form = {mode: 'one'; row: Row} | {mode: 'all'; rows: readonly Row[]};

export function ProtectDetailView({id, width, height, filter, isActive, navigate, toast}: ViewProps & {id: string}) {
	const {connection} = useSession();
	const {openCopy} = useCopy();
	const {stage, store} = useEdits();
	const allStaged = useStagedEdits();
	// Kept while the screen is on the stack (a review or the help overlay does not send it back to SMS).
	const memory = useViewMemory();
	const [capability, setCapabilityState] = useState<ProtectCapability>(() => (memory?.get('protect.capability') as ProtectCapability | undefined) ?? 'SMS');
	const setCapability = (next: ProtectCapability) => {
		memory?.set('protect.capability', next);
		setCapabilityState(next);
	};
	const scope = protectRulesScope(id, capability);
	const config = useResource<ProtectConfiguration | undefined>(`protect/${id}`, async (clients, ctx) => (await listProtectConfigurations(clients, {ids: [id], signal: ctx.signal}))[0]);
	const rules = useResource<Record<string, string>>(scope, (clients, ctx) => getCountryRules(clients, id, capability, ctx.signal));
	const overrides = useResource<ProtectOverride[]>(`protect-overrides/${id}`, (clients, ctx) => listNumberOverrides(clients, id, ctx.signal));
	const all = useResource<ProtectConfiguration[]>('protect', (clients, ctx) => listProtectConfigurations(clients, {signal: ctx.signal}));
	const [form, setForm] = useState<Form | undefined>(undefined);
	const selected = useRef<Row | undefined>(undefined);

	const c = config.data;
	const target: ProtectTarget = {id, label: c ? protectLabel(c) : id};
	const current = useMemo(() => rules.data ?? {}, [rules.data]);
	const stagedEdit = allStaged.find(e => e.scope === scope);
	const stagedChanges = (stagedEdit?.preview ?? {}) as RuleChanges;
	const rows: Row[] = useMemo(
		() =>
			Object.keys(current)
				.sort()
				.map(iso => {
					const next = stagedChanges[iso];
					return {iso, name: countryName(iso), status: next ?? current[iso], was: next !== undefined ? current[iso] : undefined};
				}),
		[current, stagedEdit],
	);

	const stageChanges = (next: RuleChanges) => {
		const merged = mergeRuleChanges(current, stagedChanges, next);
		if (Object.keys(merged).length === 0) {
			if (stagedEdit) store.discard(stagedEdit.id);
			return toast(`No ${capability} rule changes left staged`, 'info');
		}
		stage(protectRulesEdit(connection, target, capability, current, merged));
		const count = Object.keys(merged).length;
		toast(`${count} ${capability} rule change${count === 1 ? '' : 's'} staged — w reviews and applies`, 'ok');
	};

	useCommands(
		{
			'app.refresh': () => {
				config.refresh();
				rules.refresh();
				overrides.refresh();
			},
			'view.copy': c
				? () => {
						const offer = protectOffer(connection, c);
						openCopy(offer.title, [...(selected.current ? [{label: `Country ${selected.current.iso}`, text: selected.current.iso}] : []), ...offer.choices]);
					}
				: undefined,
			'protect.capability': () => {
				const next = PROTECT_CAPABILITIES[(PROTECT_CAPABILITIES.indexOf(capability) + 1) % PROTECT_CAPABILITIES.length];
				setCapability(next);
			},
			'edit.edit': () => {
				if (!rules.data) return toast('The rules are still loading', 'info');
				if (!selected.current) return;
				setForm({mode: 'one', row: selected.current});
			},
			'protect.all': () => {
				if (!rules.data) return toast('The rules are still loading', 'info');
				const shown = filterRows(rows, columns, filter);
				if (shown.length === 0) return toast('No countries shown: change the filter (/)', 'info');
				setForm({mode: 'all', rows: shown});
			},
			'edit.undo': selected.current?.was !== undefined ? () => selected.current && stageChanges({[selected.current.iso]: selected.current.was!}) : undefined,
			'protect.default': c
				? () => {
						stage(protectDefaultToggleEdit(connection, c, all.data ?? []), {review: true});
					}
				: undefined,
		},
		{priority: Priority.View, isActive: isActive && !form},
	);

	const statuses = statusesFor(capability);
	const formFields: FormField[] = form
		? [{id: 'status', label: `${capability} rule`, kind: 'choice', options: statuses, initial: form.mode === 'one' ? form.row.status : 'BLOCK'}]
		: [];
	const overrideCount = overrides.data?.length;
	const fields: DetailField[] = c
		? [
				{label: 'Name', value: c.Name ?? '—'},
				{label: 'Account default', value: yesNo(c.AccountDefault)},
				{label: 'Configuration sets', value: c.ConfigurationSets.join(', ') || 'none (A in the list associates one)'},
				{label: 'Number overrides', value: overrideCount === undefined ? '…' : overrideCount === 0 ? 'none' : `${overrideCount} (smsdeck protect show ${id})`},
				{label: 'Deletion protection', value: yesNo(c.DeletionProtectionEnabled)},
				{label: 'Created', value: when(c.CreatedTimestamp)},
				{label: 'ARN', value: c.ProtectConfigurationArn ?? '', full: true},
			]
		: [];
	const notAllowed = rows.filter(r => r.status !== 'ALLOW').length;
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'get-protect-configuration-country-rule-set', {'protect-configuration-id': id, 'number-capability': capability});
	const cliLines = cliHeight(cli, width);
	const formLines = form ? formHeight(formFields) : 0;
	const fieldRoom = Math.max(3, height - cliLines - formLines - 6);
	const top = c ? Math.min(detailHeight(fields, width), fieldRoom) : 1;
	const status = rules.loading ? 'loading…' : rules.error ? 'failed — r retries' : rules.age !== undefined ? `${formatAge(rules.age)} ago` : '';
	const tabs = PROTECT_CAPABILITIES.map(k => (k === capability ? `[${k}]` : k)).join(' ');
	const stagedCount = Object.keys(stagedChanges).length;
	const title = `${tabs} country rules — ${notAllowed} not ALLOW${stagedCount > 0 ? `, ${stagedCount} staged (w applies)` : ''} · tab switches`;
	const headStatus = config.loading ? 'loading…' : config.error ? config.error.message : !c && config.fetchedAt ? 'not found in this Region' : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<DetailPane title={`Protect configuration ${c?.Name ? `${c.Name} (${id})` : id}`} fields={fields} width={width} status={headStatus} maxHeight={fieldRoom} isActive={isActive && !form} />
			<Table
				key={capability}
				title={title}
				columns={columns}
				rows={rows}
				rowKey={r => r.iso}
				width={width}
				height={Math.max(3, height - top - cliLines - formLines)}
				filter={filter}
				isActive={isActive && !form}
				status={status}
				emptyText={rules.error ? rules.error.message : rules.loading ? 'Loading…' : 'No country rules'}
				onSelectionChange={row => {
					selected.current = row;
				}}
			/>
			{form ? (
				<EditForm
					title={
						form.mode === 'one'
							? `${capability} rule for ${form.row.iso} (${form.row.name}), now ${current[form.row.iso] ?? 'ALLOW'}`
							: `${capability} rule for the ${form.rows.length} countr${form.rows.length === 1 ? 'y' : 'ies'} shown${filter ? ` (filter "${filter}")` : ''}`
					}
					fields={formFields}
					width={width}
					submitLabel="stages"
					validate={values => (statuses.includes(values.status) ? undefined : `${capability} takes ${statuses.join(', ')}`)}
					onSubmit={values => {
						const rowsToSet = form.mode === 'one' ? [form.row] : form.rows;
						setForm(undefined);
						stageChanges(Object.fromEntries(rowsToSet.map(r => [r.iso, values.status])));
					}}
					onCancel={() => setForm(undefined)}
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
