// One push application: its fields, then its push channels — APNs (and sandbox, VoIP, VoIP sandbox), FCM, Baidu,
// ADM — each with on/off, how it authenticates, the default method, when it last changed and what the guide says to
// check (an APNs certificate expires after one year). E enables or disables the channel under the cursor, D deletes
// the application, T opens the test-push form (its result per address shows below the channels).
import React, {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {Box, Text} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {pushAppDeleteEdit, pushChannelEnableEdit, pushChannelsScope, pushSendEdit} from '../app/pushPlans.js';
import {pushResults} from '../app/pushResultStore.js';
import {getPushApp, getPushEndpoint, listPushChannels, type PushApp, type PushChannel} from '../services/pushService.js';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, DetailPane, cliHeight, detailHeight, type DetailField} from '../components/DetailPane.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {authMethod, credentialCheck, defaultAuth, PUSH_CHANNELS, type PushChannelType} from '../domain/pushRules.js';
import {getChannelsCli} from '../domain/pushCommands.js';
import {formatAge} from '../domain/duration.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useTheme} from '../theme/ThemeContext.js';
import {truncate} from '../domain/textWidth.js';
import {pushWhen} from './pushDisplay.js';
import {PushSendForm, pushFormHeight, type EndpointCheck, type PushFormResult} from './PushSendForm.js';
import {endpointChannel} from '../domain/pushMessage.js';
import {PushResultPanel, pushResultHeight} from './PushResultPanel.js';
import type {ViewProps} from './viewProps.js';
import {pushAppOffer} from './copyChoices.js';
import {useCopy} from '../app/copy.js';

interface Row extends PushChannel {
	/** A staged enable/disable: what it would set. */
	stagedEnabled?: boolean;
	check: ReturnType<typeof credentialCheck>;
}

const enabledText = (r: Row) => {
	if (!r.configured) return 'not set up';
	const now = r.Enabled ? 'enabled' : 'disabled';
	return r.stagedEnabled === undefined ? now : `${r.stagedEnabled ? 'enabled' : 'disabled'} (was ${now})`;
};

const columns: Column<Row>[] = [
	{id: 'mark', title: '', value: r => (r.stagedEnabled !== undefined ? '~' : ''), maxWidth: 1, color: () => 'warn'},
	{id: 'channel', title: 'Channel', value: r => PUSH_CHANNELS[r.type].label, minWidth: 9},
	{
		id: 'enabled',
		title: 'State',
		value: enabledText,
		color: r => (r.stagedEnabled !== undefined ? 'warn' : !r.configured ? 'muted' : r.Enabled ? 'ok' : undefined),
		minWidth: 8,
	},
	{id: 'auth', title: 'Auth', value: r => (r.configured ? authMethod(r.type, r) : ''), minWidth: 11, shrink: 1},
	{id: 'default', title: 'Default auth', value: r => (r.configured ? defaultAuth(r) : ''), shrink: 3},
	{id: 'modified', title: 'Modified', value: r => pushWhen(r.LastModifiedDate).slice(0, 10), sortValue: r => r.LastModifiedDate ?? ''},
	{id: 'check', title: 'Check', value: r => r.check.short || (r.configured ? 'ok' : ''), color: r => (r.check.level === 'ok' ? undefined : r.check.level), minWidth: 6, grow: 1},
	// The API's name of the channel (smsdeck push send --channel): last, it gives way first.
	{id: 'type', title: 'API type', value: r => r.type, shrink: 5},
];

export function PushAppView({id, width, height, filter, isActive, toast}: ViewProps & {id: string}) {
	const theme = useTheme();
	const {connection} = useSession();
	const {stage, store} = useEdits();
	const {openCopy} = useCopy();
	const allStaged = useStagedEdits();
	const scope = pushChannelsScope(id);
	const appState = useResource<PushApp | undefined>(`push-app/${id}`, (clients, ctx) => getPushApp(clients, id, ctx.signal));
	const channels = useResource<PushChannel[]>(scope, (clients, ctx) => listPushChannels(clients, id, ctx.signal));
	const result = useSyncExternalStore(pushResults.subscribe, pushResults.get, pushResults.get);
	const [form, setForm] = useState<{initial?: PushChannelType} | undefined>(undefined);
	/** A push to an endpoint id waits for the endpoint (GetEndpoint): staged only when the channel is the endpoint's. */
	const [endpointCheck, setEndpointCheck] = useState<(EndpointCheck & {push: PushFormResult}) | undefined>(undefined);
	const lookingUp = endpointCheck && !endpointCheck.problem ? endpointCheck.endpointId : undefined;
	const endpoint = useResource<Awaited<ReturnType<typeof getPushEndpoint>>>(lookingUp ? `push-endpoint/${id}/${lookingUp}` : undefined, (clients, ctx) => getPushEndpoint(clients, id, lookingUp!, ctx.signal));
	/** Baidu and ADM: the credentials their update requires, asked before the switch is staged. */
	const [credentialsFor, setCredentialsFor] = useState<{type: PushChannelType; enable: boolean} | undefined>(undefined);
	const busy = form !== undefined || credentialsFor !== undefined;
	const selected = useRef<Row | undefined>(undefined);

	const app: PushApp = appState.data ?? {Id: id, Name: ''};
	/** Read, and not there: deleted (here or elsewhere) — its channels are no longer shown. */
	const gone = appState.fetchedAt !== undefined && !appState.loading && !appState.error && !appState.data;
	const appLabel = app.Name ? `${app.Name} (${id})` : id;
	const staged = useMemo(() => allStaged.filter(e => e.scope === scope), [allStaged, scope]);
	const now = Date.now();
	const rows: Row[] = useMemo(
		() =>
			(gone ? [] : (channels.data ?? [])).map(ch => {
				const edit = staged.find(e => e.rowKey === ch.type);
				return {...ch, check: credentialCheck(ch.type, ch, now), stagedEnabled: edit ? edit.preview?.Enabled === 'yes' : undefined};
			}),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[channels.data, staged, gone],
	);
	const configured = rows.filter(r => r.configured).map(r => r.type);

	useCommands(
		{
			'app.refresh': () => {
				appState.refresh();
				channels.refresh();
			},
			'view.copy': () => {
				const offer = pushAppOffer(connection, app);
				const last = pushResults.get();
				const sent = last?.appId === id ? [{label: 'Last push: aws send-messages', text: last.cli}, {label: 'Last push: MessageRequest JSON', text: JSON.stringify(last.request, null, 2)}] : [];
				openCopy(offer.title, [...offer.choices, ...sent]);
			},
			'push.toggle': () => {
				const row = selected.current;
				if (!row) return toast('Put the cursor on a channel to enable or disable it', 'info');
				if (!row.configured) return toast(`${appLabel} has no ${PUSH_CHANNELS[row.type].label} channel: set it up with its credentials first (aws pinpoint update-${PUSH_CHANNELS[row.type].cli}-channel). Nothing was staged.`, 'warn');
				const current = row.stagedEnabled ?? row.Enabled === true;
				// Back to what the service has: the staged change is dropped, not answered with a second one.
				if (row.stagedEnabled !== undefined && !current === (row.Enabled === true)) {
					store.discard(`push-channel|${app.Id}|${row.type}`);
					return toast(`${PUSH_CHANNELS[row.type].label} stays ${row.Enabled ? 'enabled' : 'disabled'}: the staged change is discarded`, 'info');
				}
				if (PUSH_CHANNELS[row.type].credentials) return setCredentialsFor({type: row.type, enable: !current});
				stage(pushChannelEnableEdit(connection, app, row.type, row, !current), {review: true});
			},
			'push.deleteApp': () => stage(pushAppDeleteEdit(connection, app, configured.length), {review: true}),
			'push.send': () => {
				if (!channels.data) return toast('The channels are still loading', 'info');
				if (configured.length === 0) return toast(`${appLabel} has no push channel to send on`, 'warn');
				const row = selected.current;
				setForm({initial: row?.configured ? row.type : configured[0]});
			},
		},
		{priority: Priority.View, isActive: isActive && !busy},
	);
	useEffect(() => {
		if (!endpointCheck || endpointCheck.problem || endpoint.loading || (endpoint.fetchedAt === undefined && !endpoint.error)) return;
		const {push} = endpointCheck;
		const found = endpoint.error ? {problem: `could not look up endpoint ${endpointCheck.endpointId}: ${endpoint.error.message}`} : endpointChannel(endpointCheck.endpointId, push.input.channel, endpoint.data);
		if ('problem' in found) return setEndpointCheck({...endpointCheck, problem: `${found.problem}; nothing was staged`});
		setEndpointCheck(undefined);
		setForm(undefined);
		stage(pushSendEdit(connection, app, push.input, push.target), {review: true});
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [endpointCheck, endpoint.loading, endpoint.fetchedAt, endpoint.error]);
	const credentialFields: FormField[] = credentialsFor
		? (PUSH_CHANNELS[credentialsFor.type].credentials ?? []).map(m => ({id: m.member, label: m.label, kind: 'text', secret: m.secret}))
		: [];

	const fields: DetailField[] = [
		{label: 'Name', value: app.Name || (gone ? '—' : '…')},
		{label: 'Id', value: id},
		{label: 'Created', value: pushWhen(app.CreationDate)},
		{label: 'Channels', value: gone ? '—' : channels.data ? `${configured.length} of ${rows.length} set up, ${rows.filter(r => r.configured && r.Enabled).length} enabled` : '…'},
		...rows.filter(r => r.check.level !== 'ok').map(r => ({label: `Check ${PUSH_CHANNELS[r.type].label}`, value: r.check.text, tone: r.check.level as 'warn' | 'error', full: true})),
		...(app.Arn ? [{label: 'ARN', value: app.Arn, full: true}] : []),
	];
	const shownResult = result?.appId === id ? result : undefined;
	const cli = getChannelsCli(connection, id);
	// The last push's panel shows its own command (send-messages) in place of get-channels.
	const showCli = !(shownResult && !busy);
	const cliLines = showCli ? cliHeight(cli, width) : 0;
	const formLines = form ? pushFormHeight() : credentialsFor ? formHeight(credentialFields) : 0;
	// The command gives way before the channels do: the seven rows, their title and header stay.
	const maxCli = Math.max(2, height - 9 - 3 - (shownResult?.outcomes?.length ?? 1) * 2 - 1);
	const resultLines = shownResult && !busy ? pushResultHeight(shownResult, width, maxCli) : 0;
	// The seven channels (with their title and header) before the fields: the fields scroll (ctrl-d) when short.
	const fieldRoom = Math.max(2, height - cliLines - formLines - resultLines - 9);
	const top = busy ? 0 : Math.min(detailHeight(fields, width), fieldRoom);
	const status = gone ? '' : channels.loading ? 'loading…' : channels.error ? 'failed — r retries' : channels.age !== undefined ? `${formatAge(channels.age)} ago` : '';
	const warnings = rows.filter(r => r.check.level !== 'ok').length;
	const title = `Push channels${staged.length > 0 ? ` — ${staged.length} staged, w applies` : ''}${warnings > 0 ? ` — ${warnings} to check` : ''}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{busy ? null : <DetailPane title={`Push application ${appLabel}`} fields={fields} width={width} status={appState.error?.message ?? (gone ? 'not found in this Region' : undefined)} maxHeight={fieldRoom} isActive={isActive && !busy} />}
			<Table
				title={title}
				columns={columns}
				rows={rows}
				rowKey={r => r.type}
				width={width}
				height={Math.max(3, height - top - cliLines - formLines - resultLines)}
				filter={filter}
				isActive={isActive && !busy}
				status={status}
				emptyText={gone ? `No application ${id} in ${connection.region} any more (deleted?) — esc goes back` : channels.error ? channels.error.message : channels.loading ? 'Loading…' : 'No channels'}
				onSelectionChange={row => {
					selected.current = row;
				}}
			/>
			{form ? (
				<PushSendForm
					appLabel={appLabel}
					channels={configured}
					initial={form.initial}
					width={width}
					readOnly={connection.readOnly === true}
					endpointCheck={endpointCheck}
					onCancel={() => {
						setEndpointCheck(undefined);
						setForm(undefined);
					}}
					onSubmit={push => {
						if ('endpointId' in push.target) return setEndpointCheck({endpointId: push.target.endpointId, channel: push.input.channel, push});
						setForm(undefined);
						stage(pushSendEdit(connection, app, push.input, push.target), {review: true});
					}}
				/>
			) : null}
			{credentialsFor ? (
				<EditForm
					title={`${credentialsFor.enable ? 'Enable' : 'Disable'} ${PUSH_CHANNELS[credentialsFor.type].label}: its update takes the credentials again (the API never returns them)`}
					fields={credentialFields}
					width={width}
					submitLabel="stages and reviews"
					validate={values => {
						const missing = credentialFields.find(f => !(values[f.id] ?? '').trim());
						return missing ? `Give the ${missing.label.toLowerCase()}` : undefined;
					}}
					onSubmit={values => {
						const {type, enable} = credentialsFor;
						setCredentialsFor(undefined);
						stage(pushChannelEnableEdit(connection, app, type, rows.find(r => r.type === type) ?? {}, enable, Object.fromEntries(credentialFields.map(f => [f.id, values[f.id].trim()]))), {review: true});
					}}
					onCancel={() => setCredentialsFor(undefined)}
				/>
			) : null}
			{resultLines > 0 && shownResult ? <PushResultPanel state={shownResult} width={width} maxCli={maxCli} /> : null}
			{channels.error && rows.length === 0 && !gone ? <Text color={theme.colors.error}>{truncate(` ${channels.error.message}`, width - 1)}</Text> : null}
			{showCli ? <CliLine command={cli} width={width} /> : null}
		</Box>
	);
}
