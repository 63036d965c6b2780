// Protect configurations in the Region: name, account default, the configuration sets that use each; enter opens
// its country rules. A associates it with a configuration set (or disassociates one that uses it), D makes it the
// account default (or removes it as the default) — staged; W answers "which rule applies?" for a configuration
// set, a country and a capability.
import React, {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {protectAssociationEdit, protectDefaultToggleEdit, type ProtectTarget} from '../app/editPlans.js';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {explainProtect, listProtectConfigurations, type ProtectAnswer, type ProtectConfiguration, type ProtectQuestion} from '../services/protectService.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {countryFromInput, PROTECT_CAPABILITIES, protectLabel, protectStatusTone, type ProtectCapability} from '../domain/protectRules.js';
import {ISO_COUNTRIES, parseE164} from '../domain/e164.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useTheme} from '../theme/ThemeContext.js';
import {truncate} from '../domain/textWidth.js';
import {when, whenSort, yesNo} from './display.js';
import type {ViewProps} from './viewProps.js';
import {protectOffer} from './copyChoices.js';

export const protectColumns: Column<ProtectConfiguration>[] = [
	{id: 'name', title: 'Name', value: p => p.Name ?? '—', minWidth: 10},
	{id: 'default', title: 'Default', value: p => (p.AccountDefault ? 'yes' : ''), color: p => (p.AccountDefault ? 'ok' : undefined)},
	{id: 'sets', title: 'Configuration sets', value: p => p.ConfigurationSets.join(', ') || '—', minWidth: 12, shrink: 2, grow: 1},
	{id: 'protection', title: 'Deletion protection', value: p => yesNo(p.DeletionProtectionEnabled), shrink: 4},
	{id: 'created', title: 'Created', value: p => when(p.CreatedTimestamp), sortValue: p => whenSort(p.CreatedTimestamp), shrink: 3},
	// Ids are never cut (a cut id reads as another one).
	{id: 'id', title: 'Id', value: p => p.ProtectConfigurationId ?? '', whole: true},
];

const targetOf = (p: ProtectConfiguration): ProtectTarget => ({id: p.ProtectConfigurationId ?? '', label: protectLabel(p)});

const NONE = '(none)';

type Form = {mode: 'associate'; config: ProtectConfiguration} | {mode: 'which'};

/** A picker label for a configuration set: its name and what it uses now. */
function setLabel(set: ConfigurationSet, config: ProtectConfiguration | undefined): string {
	const uses = set.ProtectConfigurationId;
	if (!uses) return `${set.ConfigurationSetName} — has none`;
	return uses === config?.ProtectConfigurationId ? `${set.ConfigurationSetName} — uses this one (disassociate)` : `${set.ConfigurationSetName} — uses ${uses}`;
}

export function ProtectView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const theme = useTheme();
	const {connection} = useSession();
	const {stage} = useEdits();
	const staged = useStagedEdits().filter(e => e.scope === 'protect');
	const configs = useResource<ProtectConfiguration[]>('protect', (clients, ctx) => listProtectConfigurations(clients, {signal: ctx.signal}));
	const sets = useResource<ConfigurationSet[]>('config-sets', (clients, ctx) => listConfigurationSets(clients, {signal: ctx.signal}));
	const selected = useRef<ProtectConfiguration | undefined>(undefined);
	const [form, setForm] = useState<Form | undefined>(undefined);
	const [question, setQuestion] = useState<ProtectQuestion | undefined>(undefined);
	const answer = useResource<ProtectAnswer>(question ? `protect-which/${JSON.stringify(question)}` : undefined, (clients, ctx) => explainProtect(clients, question!, ctx.signal));

	const setOptions = (config: ProtectConfiguration | undefined) => (sets.data ?? []).map(s => ({label: setLabel(s, config), set: s}));
	useCommands(
		{
			'protect.associate': () => {
				const config = selected.current;
				if (!config) return toast('Select a protect configuration first', 'info');
				if (sets.data === undefined) return toast('The configuration sets are still loading', 'info');
				if (sets.data.length === 0) return toast('There are no configuration sets in this Region to associate', 'info');
				setForm({mode: 'associate', config});
			},
			'protect.default': () => {
				const config = selected.current;
				if (!config) return toast('Select a protect configuration first', 'info');
				stage(protectDefaultToggleEdit(connection, config, configs.data ?? []), {review: true});
			},
			'protect.which': () => setForm({mode: 'which'}),
			'app.back':
				question && !form
					? () => {
							setQuestion(undefined);
						}
					: undefined,
		},
		{priority: Priority.View, isActive: isActive && !form},
	);

	const fields: FormField[] =
		form?.mode === 'associate'
			? [{id: 'set', label: 'Configuration set', kind: 'pick', options: setOptions(form.config).map(o => o.label)}]
			: form?.mode === 'which'
				? [
						{id: 'set', label: 'Configuration set', kind: 'pick', options: [NONE, ...(sets.data ?? []).map(s => s.ConfigurationSetName ?? '')], initial: NONE, loading: sets.data === undefined},
						{id: 'country', label: 'Country', kind: 'text', placeholder: 'ISO code or name, e.g. GB or United Kingdom'},
						{id: 'capability', label: 'Capability', kind: 'choice', options: PROTECT_CAPABILITIES},
						{id: 'destination', label: 'Destination (optional)', kind: 'text', placeholder: 'E.164, to find a number override'},
						{id: 'request', label: 'Send names (optional)', kind: 'pick', options: [NONE, ...(configs.data ?? []).map(c => c.ProtectConfigurationId ?? '')], initial: NONE},
					]
				: [];
	const formLines = form ? formHeight(fields) : 0;
	const answerLines = question ? 5 : 0;
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-protect-configurations');
	const title = staged.length > 0 ? `Protect configurations — ${staged.length} staged, w applies` : 'Protect configurations';
	const decision = answer.data;
	const c = theme.colors;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={title}
				resource="protect"
				load={(clients, ctx) => listProtectConfigurations(clients, {signal: ctx.signal})}
				columns={protectColumns}
				rowKey={p => p.ProtectConfigurationId ?? ''}
				width={width}
				height={Math.max(3, height - cliHeight(cli, width) - formLines - answerLines)}
				filter={filter}
				isActive={isActive && !form}
				onOpen={p => p.ProtectConfigurationId && navigate({name: 'protectConfig', id: p.ProtectConfigurationId})}
				onSelectionChange={row => {
					selected.current = row;
				}}
				copyOffer={p => protectOffer(connection, p)}
				navigate={navigate}
				toast={toast}
				emptyText="No protect configurations in this Region (every send goes unfiltered)"
			/>
			{form ? (
				<EditForm
					title={form.mode === 'associate' ? `Associate ${protectLabel(form.config)} with a configuration set` : 'Which rule applies to a send?'}
					fields={fields}
					width={width}
					submitLabel={form.mode === 'associate' ? 'stages and reviews' : 'answers'}
					validate={values => {
						if (form.mode === 'associate') return values.set ? undefined : 'Choose a configuration set';
						if (!countryFromInput(values.country ?? '', ISO_COUNTRIES)) return 'Give a country: its ISO code (GB) or its English name';
						if (values.destination && !parseE164(values.destination).ok) return 'The destination is an E.164 number: + then the country code and number';
						return undefined;
					}}
					onSubmit={values => {
						setForm(undefined);
						if (form.mode === 'associate') {
							const choice = setOptions(form.config).find(o => o.label === values.set);
							const set = choice?.set;
							if (!set?.ConfigurationSetName) return;
							const target = targetOf(form.config);
							const uses = set.ProtectConfigurationId;
							stage(
								protectAssociationEdit(connection, target, set.ConfigurationSetName, uses === target.id ? {associate: false} : {associate: true, replaces: uses}),
								{review: true},
							);
							return;
						}
						setQuestion({
							configurationSet: values.set && values.set !== NONE ? values.set : undefined,
							protectConfigurationId: values.request && values.request !== NONE ? values.request : undefined,
							country: countryFromInput(values.country, ISO_COUNTRIES)!,
							capability: values.capability as ProtectCapability,
							destination: values.destination || undefined,
						});
					}}
					onCancel={() => setForm(undefined)}
				/>
			) : null}
			{question ? (
				<Box flexDirection="column" height={answerLines} width={width} paddingX={1}>
					<Text bold>
						{truncate(
							`Which rule applies: ${question.capability} to ${question.country}${question.destination ? ` (${question.destination})` : ''}${question.configurationSet ? ` with ${question.configurationSet}` : ' without a configuration set'}${question.protectConfigurationId ? `, naming ${question.protectConfigurationId}` : ''}`,
							width - 2,
						)}
					</Text>
					{answer.loading && !decision ? (
						<Text dimColor>checking…</Text>
					) : answer.error ? (
						<Text color={c.error}>{truncate(answer.error.message, width - 2)}</Text>
					) : decision ? (
						<>
							<Text color={c[protectStatusTone(decision.status) ?? 'ok']}>
								{truncate(`${decision.status} — decided by ${decision.source === 'none' ? 'nothing' : `the ${decision.source}`}${decision.protectId ? ` (${decision.protectId}, ${decision.by})` : ''}`, width - 2)}
							</Text>
							<Box height={2} overflow="hidden">
								<Text wrap="wrap">{decision.why}</Text>
							</Box>
						</>
					) : null}
					<Text dimColor>{truncate('Order: the send’s ProtectConfigurationId > the configuration set’s > the account default > none. esc closes', width - 2)}</Text>
				</Box>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
