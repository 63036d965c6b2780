// The account in this Region: tier (sandbox or production), default protect configuration, identity,
// spend limits per channel and account limits (used / max). The spend limits are editable: e sets the enforced
// limit of the selected channel (whole dollars, 1 to the account limit), d clears the override.
import React, {useEffect, useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {accountFromArn, describeAccount, getIdentity, type AccountLimit, type SpendLimit} from '../services/accountService.js';
import {listOptOutLists} from '../services/optOutsService.js';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {CliLine, DetailPane, cliHeight, detailHeight, type DetailField} from '../components/DetailPane.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {formatCount, formatDollars} from '../domain/format.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {SPEND_SCOPE, spendClearEdit, spendSetEdit} from '../app/editPlans.js';
import {EditForm, formHeight} from '../components/EditForm.js';
import {channelForLimitName, checkSpendLimit, spendChannelInfo, spendLimitLabel, spendUse, formatSpendShare} from '../domain/spendRules.js';
import {monthToDateSpend, type MonthToDateSpend} from '../services/spendMetricsService.js';
import type {ViewProps} from './viewProps.js';
import type {Connection} from '../services/clients.js';
import {describeResolution, type Resolution} from '../services/resolver.js';

const channelName = spendLimitLabel;

const humanize = (name: string) =>
	(name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' ')).replace(/\bids\b/, 'IDs').replace(/^Opt out/, 'Opt-out');

const spendColumns: Column<SpendLimit>[] = [
	{id: 'channel', title: 'Spend limit', value: s => channelName(s.name), minWidth: 12},
	{id: 'enforced', title: 'Enforced', value: s => formatDollars(s.enforced), sortValue: s => s.enforced, align: 'right'},
	{id: 'max', title: 'Max', value: s => formatDollars(s.max), sortValue: s => s.max, align: 'right'},
	{id: 'overridden', title: 'Overridden', value: s => (s.overridden ? 'yes' : 'no'), color: s => (s.overridden ? 'info' : 'muted')},
	{id: 'name', title: 'Name', value: s => s.name, grow: 1, shrink: 1, color: () => 'muted'},
];

const limitColumns: Column<AccountLimit>[] = [
	{id: 'name', title: 'Account limit', value: l => humanize(l.name), minWidth: 12},
	{id: 'used', title: 'Used / max', value: l => `${formatCount(l.used)} / ${formatCount(l.max)}`, sortValue: l => (l.max ? l.used / l.max : 0), align: 'right'},
	{
		id: 'pct',
		title: 'Use',
		value: l => (l.max ? `${Math.round((100 * l.used) / l.max)}%` : ''),
		sortValue: l => (l.max ? l.used / l.max : 0),
		align: 'right',
		color: l => (l.max && l.used / l.max >= 0.9 ? 'error' : l.max && l.used / l.max >= 0.7 ? 'warn' : undefined),
	},
	{id: 'key', title: 'Name', value: l => l.name, grow: 1, shrink: 1, color: () => 'muted'},
];

/** Who the console acts as and where it sends requests, with where each came from (as smsdeck config prints it). */
function connectionFields(connection: Connection, resolution: Resolution | undefined): DetailField[] {
	if (!resolution) return [{label: 'Profile', value: connection.profile ?? 'default'}];
	const rows = new Map(describeResolution(resolution).map(r => [r.name, r]));
	const field = (label: string, name: string, full = false): DetailField => {
		const row = rows.get(name)!;
		return {label, value: row.source === row.value || row.value.endsWith(row.source) ? row.value : `${row.value} (${row.source})`, full};
	};
	const region = connection.region === resolution.region.value ? field('Region', 'region') : {label: 'Region', value: `${connection.region} (:region)`};
	const fields = [field('Profile', 'profile'), field('Credentials', 'credentials'), region];
	if (!connection.local) {
		fields.push(field('Endpoint sms-voice', 'sms-voice endpoint', true), field('Endpoint logs', 'logs endpoint', true));
		if (resolution.caBundle) fields.push(field('CA bundle', 'ca bundle', true));
		if (resolution.proxy.https || resolution.proxy.http) fields.push(field('Proxy', 'proxy', true));
	}
	fields.push(field('Read-only', 'read-only'));
	return fields;
}

export function AccountView({width, height, filter, isActive, toast, onAccount}: ViewProps & {onAccount?: (account: string) => void}) {
	const {connection, resolution} = useSession();
	const account = useResource('account', clients => describeAccount(clients));
	const identity = useResource('identity', clients => getIdentity(clients));
	// Month-to-date spend from the AWS/SMSVoice metrics: its own call, so a missing cloudwatch:GetMetricData only
	// blanks these columns.
	const monthToDate = useResource<MonthToDateSpend>('spend-month-to-date', clients => monthToDateSpend(clients));
	const mtd = monthToDate.data;
	// Every opt-out list ARN names the account: a fallback when STS is not answering (the emulator, a proxy).
	const lists = useResource('opt-out-lists', clients => listOptOutLists(clients));
	const a = account.data;
	const arnAccount = accountFromArn(lists.data?.[0]?.OptOutListArn);
	const accountId = identity.data?.account ?? arnAccount;
	useEffect(() => {
		if (accountId) onAccount?.(accountId);
	}, [accountId]); // eslint-disable-line react-hooks/exhaustive-deps
	useCommands(
		{
			'app.refresh': () => {
				account.refresh();
				identity.refresh();
				monthToDate.refresh();
			},
		},
		{priority: Priority.View, isActive},
	);
	const {stage} = useEdits();
	const staged = useStagedEdits().filter(e => e.scope === SPEND_SCOPE);
	const stagedKeys = staged.map(e => `${e.rowKey}=${e.after}`).join('|');
	const columns = useMemo<Column<SpendLimit>[]>(() => {
		const after = new Map(stagedKeys ? stagedKeys.split('|').map(kv => kv.split('=') as [string, string]) : []);
		const spentOf = (s: SpendLimit) => {
			const channel = channelForLimitName(s.name);
			return channel && mtd ? mtd[channel] : undefined;
		};
		return [
			{id: 'mark', title: '', value: s => (after.has(s.name) ? '~' : ''), maxWidth: 1, color: () => 'warn'},
			...spendColumns.slice(0, 2),
			{id: 'spent', title: 'This month', value: s => (spentOf(s) === undefined ? '—' : formatDollars(spentOf(s)!)), sortValue: s => spentOf(s) ?? -1, align: 'right', color: s => spendUse(spentOf(s), s.enforced).tone},
			{
				id: 'use',
				title: 'Use',
				value: s => {
					const {percent} = spendUse(spentOf(s), s.enforced);
					return percent === undefined ? '' : formatSpendShare(percent);
				},
				sortValue: s => spendUse(spentOf(s), s.enforced).percent ?? -1,
				align: 'right',
				color: s => spendUse(spentOf(s), s.enforced).tone,
			},
			...spendColumns.slice(2),
			{id: 'staged', title: 'Staged', value: s => (after.has(s.name) ? `→ ${after.get(s.name)}` : ''), color: () => 'warn'},
		];
	}, [stagedKeys, mtd]);
	const selected = useRef<SpendLimit | undefined>(undefined);
	const [editing, setEditing] = useState<SpendLimit | undefined>();
	const editable = (s: SpendLimit | undefined) => {
		const channel = s ? channelForLimitName(s.name) : undefined;
		if (s && !channel) toast(`smsdeck edits the SMS, MMS and voice limits only`, 'info');
		return channel;
	};
	useCommands(
		{
			'edit.edit': () => {
				if (editable(selected.current)) setEditing(selected.current);
			},
			'edit.delete': () => {
				const s = selected.current;
				const channel = editable(s);
				if (!s || !channel) return;
				if (!s.overridden) return toast(`${spendChannelInfo(channel).label} has no override to clear: its enforced limit is the account limit. Nothing was staged.`, 'info');
				stage(spendClearEdit(connection, channel, s), {review: true});
			},
		},
		{priority: Priority.View, isActive: isActive && !editing && Boolean(a)},
	);
	const identityText = identity.loading ? '…' : identity.error ? 'unknown' : (identity.data?.arn ?? 'unknown');
	const fields: DetailField[] = [
		{
			label: 'Tier',
			value: a ? (a.tier ?? 'unknown') : '',
			tone: a?.tier === 'SANDBOXED' ? 'warn' : 'ok',
		},
		{label: 'Default protect config', value: a ? (a.defaultProtectConfigurationId ?? 'none') : ''},
		...connectionFields(connection, resolution),
		{
			label: 'Account',
			value: identity.data?.account ?? (arnAccount ? `${arnAccount} (from ARNs)` : identity.loading ? '…' : 'unknown'),
			tone: identity.data?.account || arnAccount ? undefined : 'muted',
		},
		{label: 'Identity', value: identityText, tone: identity.error ? 'muted' : undefined, full: true},
	];
	const status = account.loading ? 'loading…' : account.error ? account.error.message : '';
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-account-attributes');
	const cliLines = cliHeight(cli, width);
	// The tables below keep a few lines each; the fields take the rest and scroll when it is short.
	const fieldRoom = Math.max(3, height - cliLines - 6);
	const top = Math.min(detailHeight(fields, width), fieldRoom);
	const spend = a?.spendLimits ?? [];
	const spendHeight = Math.min(spend.length + 2, Math.max(3, Math.floor((height - top - cliLines) / 2)));
	const formLines = editing ? formHeight([{id: 'v', label: '', kind: 'text'}]) : 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<DetailPane title={`Account in ${connection.region}`} fields={fields} width={width} status={status} maxHeight={fieldRoom} isActive={isActive && !editing} />
			{a ? (
				<>
					<Table
						title={
							staged.length > 0
								? `Spend limits (monthly, USD) — ${staged.length} staged, w applies`
								: connection.readOnly
									? 'Spend limits (monthly, USD) — read-only'
									: 'Spend limits (monthly, USD) — e edit, d clear override'
						}
						columns={columns}
						rows={spend}
						rowKey={s => s.name}
						width={width}
						height={spendHeight}
						status={monthToDate.error ? `this month: unavailable — ${monthToDate.error.message}` : monthToDate.loading && !mtd ? 'this month: loading…' : ''}
						isActive={isActive && !editing}
						onSelectionChange={s => {
							selected.current = s;
						}}
						emptyText="No spend limits"
					/>
					{editing ? (
						<EditForm
							title={`${channelName(editing.name)} enforced limit: now $${editing.enforced}, account limit $${editing.max} (whole dollars, 1 to ${editing.max})`}
							fields={[{id: 'dollars', label: 'Enforced limit $', kind: 'text', initial: String(editing.enforced)}]}
							width={width}
							submitLabel="stages and reviews"
							validate={values => {
								const r = checkSpendLimit(values.dollars, editing.max);
								if (!r.ok) return r.reason;
								return r.value === editing.enforced && editing.overridden ? 'That is the enforced limit already.' : undefined;
							}}
							onSubmit={values => {
								const r = checkSpendLimit(values.dollars, editing.max);
								const channel = channelForLimitName(editing.name);
								setEditing(undefined);
								if (r.ok && channel) stage(spendSetEdit(connection, channel, editing, r.value), {review: true});
							}}
							onCancel={() => setEditing(undefined)}
						/>
					) : null}
					<Table
						title="Account limits"
						columns={limitColumns}
						rows={a.limits}
						rowKey={l => l.name}
						width={width}
						height={Math.max(3, height - top - spendHeight - cliLines - formLines)}
						filter={filter}
						isActive={false}
						emptyText="No account limits reported"
					/>
				</>
			) : (
				<Box flexGrow={1} />
			)}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
