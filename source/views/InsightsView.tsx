// Insights of a configuration set: is SMS healthy, and if not, where does it fail? Messages, delivered and failed
// rates, breakdowns by final status, country, origination and message type, latency percentiles, price, per-bin
// sparklines and the biggest movers against the previous window, with this month's spend against the enforced
// limit in the header. The numbers are Logs Insights queries over the set's CloudWatch Logs destination
// (app/useInsights.ts); this view only draws them. enter on a cell opens the tail filtered to those messages.
import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {useInsights} from '../app/useInsights.js';
import {useCopy} from '../app/copy.js';
import {lookupConfigurationSet} from '../services/identityResolver.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {logGroupName, pickLogsDestination} from '../services/messageEvents.js';
import {isEnded, totalBytesScanned, type InsightsRun} from '../services/insightsService.js';
import {describeAccount, type AccountOverview} from '../services/accountService.js';
import {monthToDateSpend, type MonthToDateSpend} from '../services/spendMetricsService.js';
import {
	INSIGHTS_WINDOWS,
	describeMover,
	findWindow,
	formatBytes,
	formatLatency,
	formatPercent,
	nextWindow,
	readDashboard,
	sparkline,
	type Dashboard as DashboardData,
	type DimensionCount,
	type InsightsDimension,
	type Mover,
	type InsightsWindowLabel,
} from '../domain/insightsQueries.js';
import {describeChannelSpend, spendByChannel} from '../domain/spendRules.js';
import {formatPrice} from '../domain/format.js';
import {fit, truncate} from '../domain/textWidth.js';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useTheme} from '../theme/ThemeContext.js';
import type {ViewProps} from './viewProps.js';

const COLUMNS: {dimension: InsightsDimension; title: string}[] = [
	{dimension: 'status', title: 'Final status'},
	{dimension: 'country', title: 'Country'},
	{dimension: 'origination', title: 'Origination'},
	{dimension: 'messageType', title: 'Message type'},
];

const setColumns: Column<ConfigurationSet>[] = [
	{id: 'name', title: 'Configuration set', value: c => c.ConfigurationSetName ?? '', minWidth: 18},
	{id: 'group', title: 'Log group', value: c => logsGroupOf(c) ?? '', grow: 1},
];

function logsGroupOf(set: ConfigurationSet): string | undefined {
	const arn = (set.EventDestinations ?? []).find(d => d.Enabled && d.CloudWatchLogsDestination?.LogGroupArn)?.CloudWatchLogsDestination?.LogGroupArn;
	return arn ? logGroupName(arn) : undefined;
}

export function InsightsView(props: ViewProps & {configSet?: string; window?: InsightsWindowLabel}) {
	if (!props.configSet) return <SetPicker {...props} />;
	return <InsightsForSet {...props} configSet={props.configSet} />;
}

/** `:insights` without a set: the sets with an enabled CloudWatch Logs destination, enter picks one. */
function SetPicker({width, height, isActive, navigate, window}: ViewProps & {window?: InsightsWindowLabel}) {
	const theme = useTheme();
	const sets = useResource<ConfigurationSet[]>('config-sets', (clients, ctx) => listConfigurationSets(clients, {signal: ctx.signal}));
	const usable = useMemo(() => (sets.data ?? []).filter(c => logsGroupOf(c)), [sets.data]);
	if (sets.error) return <Text color={theme.colors.error}>{truncate(` ${sets.error.message}`, width)}</Text>;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text>{truncate(' Insights of which configuration set? (enter; only sets with an enabled CloudWatch Logs destination)', width, theme.glyphs.ellipsis)}</Text>
			<Table
				title="Configuration sets with events in CloudWatch Logs"
				columns={setColumns}
				rows={usable}
				rowKey={c => c.ConfigurationSetName ?? ''}
				width={width}
				height={Math.max(3, height - 1)}
				isActive={isActive}
				emptyText={sets.loading || !sets.fetchedAt ? 'Loading…' : 'No configuration set sends its events to CloudWatch Logs'}
				onOpen={c => navigate({name: 'insights', configSet: c.ConfigurationSetName ?? '', window})}
			/>
		</Box>
	);
}

function InsightsForSet(props: ViewProps & {configSet: string; window?: InsightsWindowLabel}) {
	const {configSet, width} = props;
	const theme = useTheme();
	const {connection} = useSession();
	const set = useResource(`config-set/${configSet}`, clients => lookupConfigurationSet(clients, configSet));
	const line = (text: string, tone?: 'error' | 'muted') => <Text color={tone ? theme.colors[tone] : undefined}>{truncate(text, width, theme.glyphs.ellipsis)}</Text>;
	if (set.error) return line(` ${set.error.message}`, 'error');
	if (!set.data) return line(` Reading configuration set ${configSet}…`, 'muted');
	const picked = pickLogsDestination(set.data, 'TEXT', connection.region);
	if (!picked.ok) return line(` No insights: ${picked.reason}. Fix: ${picked.fix}`, 'error');
	const arn = picked.destination.CloudWatchLogsDestination!.LogGroupArn!;
	return <Dashboard {...props} name={set.data.ConfigurationSetName ?? configSet} destination={picked.destination.EventDestinationName ?? ''} logGroup={logGroupName(arn)} />;
}

interface Cursor {
	column: number;
	row: number;
}

function Dashboard({width, height, isActive, navigate, name, destination, logGroup, window: initialWindow}: ViewProps & {name: string; destination: string; logGroup: string; window?: InsightsWindowLabel}) {
	const theme = useTheme();
	const c = theme.colors;
	const g = theme.glyphs;
	const [windowLabel, setWindowLabel] = useState<InsightsWindowLabel>(initialWindow ?? '1h');
	const window = findWindow(windowLabel) ?? INSIGHTS_WINDOWS[1];
	const {run, error, refresh} = useInsights(logGroup, window);
	const account = useResource<AccountOverview>('account', clients => describeAccount(clients));
	const spent = useResource<MonthToDateSpend>('spend-month-to-date', clients => monthToDateSpend(clients));
	const [showQueries, setShowQueries] = useState(false);
	const [cursor, setCursor] = useState<Cursor>({column: 0, row: 0});
	const {openCopy} = useCopy();
	const board = useMemo(() => (run ? readDashboard(run.panels, window) : undefined), [run, window]);
	const cellsOf = (column: number): DimensionCount[] => board?.cells[COLUMNS[column].dimension] ?? [];
	const rowOf = (column: number, row: number) => Math.min(row, Math.max(0, cellsOf(column).length - 1));
	const chosen = cellsOf(cursor.column)[rowOf(cursor.column, cursor.row)];

	useCommands(
		{
			'nav.up': () => setCursor(k => ({...k, row: Math.max(0, rowOf(k.column, k.row) - 1)})),
			'nav.down': () => setCursor(k => ({...k, row: Math.min(Math.max(0, cellsOf(k.column).length - 1), k.row + 1)})),
			'nav.top': () => setCursor(k => ({...k, row: 0})),
			'nav.bottom': () => setCursor(k => ({...k, row: Math.max(0, cellsOf(k.column).length - 1)})),
			'tail.cellLeft': () => setCursor(k => ({column: (k.column + COLUMNS.length - 1) % COLUMNS.length, row: 0})),
			'tail.cellRight': () => setCursor(k => ({column: (k.column + 1) % COLUMNS.length, row: 0})),
			'insights.window': () => setWindowLabel(w => nextWindow(w)),
			'insights.queries': () => setShowQueries(s => !s),
			'app.back': showQueries ? () => setShowQueries(false) : undefined,
			'app.refresh': () => {
				refresh();
				spent.refresh();
				account.refresh();
			},
			'view.open': chosen
				? () => navigate({name: 'tail', configSet: name, destination, since: window.label, cell: {dimension: chosen.dimension, value: chosen.value}})
				: undefined,
			'view.copy': run ? () => openCopy('Logs Insights queries', Object.values(run.panels).map(p => ({label: p.query.title, text: p.cli}))) : undefined,
		},
		{priority: Priority.View, isActive},
	);

	const n = (x: number) => x.toLocaleString('en-US');
	const title = ` Insights ${name} → ${logGroup} · last ${window.label}`;
	const spend = spendHeader(account.data, spent.data, account.error ?? spent.error);
	// The spend beside the title when both fit, else on a line of its own under it.
	const spendBeside = title.length + spend.text.length + 2 <= width;
	const spendText = (
		<Text>
			<Text color={c.muted}>{SPEND_LABEL}</Text>
			{spend.parts.map((p, i) => (
				<Text key={i} color={p.tone ? c[p.tone] : c.muted}>
					{(i === 0 ? '' : ' · ') + p.text}
				</Text>
			))}
		</Text>
	);
	const header = spendBeside ? (
		<Box width={width} justifyContent="space-between">
			<Text bold color={c.title}>
				{title}
			</Text>
			<Box marginRight={1}>{spendText}</Box>
		</Box>
	) : (
		<Box flexDirection="column" width={width}>
			<Text bold color={c.title}>
				{truncate(title, width, g.ellipsis)}
			</Text>
			<Box width={width} paddingLeft={1} overflow="hidden">
				{spendText}
			</Box>
		</Box>
	);
	const progress = progressLine(run, error);
	const footer = <Text color={progress.tone ? c[progress.tone] : c.muted}>{truncate(progress.text, width, g.ellipsis)}</Text>;

	if (showQueries && run) {
		return (
			<Box flexDirection="column" width={width} height={height}>
				{header}
				<Text color={c.muted}>{truncate(` The queries (Logs Insights, ${run.window.label} window); c copies one; y or esc closes`, width, g.ellipsis)}</Text>
				<Box flexDirection="column" height={Math.max(1, height - 3 - (spendBeside ? 0 : 1))} overflow="hidden">
					{Object.values(run.panels).map(p => (
						<Box key={p.query.id} flexDirection="column" width={width} flexShrink={0}>
							<Text bold>{truncate(` ${p.query.title}: ${p.status}${p.statistics ? `, ${n(p.statistics.recordsScanned)} records, ${formatBytes(p.statistics.bytesScanned)} scanned` : ''}${p.error ? ` — ${p.error}` : ''}`, width, g.ellipsis)}</Text>
							<Text color={c.muted} wrap="wrap">{`   ${p.cli}`}</Text>
						</Box>
					))}
				</Box>
				{footer}
			</Box>
		);
	}

	const t = board?.totals;
	const lat = board?.latency;
	const summary = t
		? ` Messages ${n(t.messages)} │ Delivered ${formatPercent(t.delivered, t.messages)} │ Failed ${formatPercent(t.failed, t.messages)}${t.other ? ` │ Other ${n(t.other)}` : ''} │ Price ${board?.price ? formatPrice(board.price.price) : '…'} │ Latency p50 ${formatLatency(lat?.p50)} p95 ${formatLatency(lat?.p95)} p99 ${formatLatency(lat?.p99)}`
		: ' Counting…';
	const bins = board?.bins;
	const sparkWidth = Math.max(8, width - 24);
	const spark = (label: string, values: (number | undefined)[]) => ` ${label.padEnd(16)} ${truncate(sparkline(values.slice(-sparkWidth), theme.ascii), sparkWidth, '')}`;
	const sparks = bins
		? [
				spark(`Volume /${window.bin}`, bins.map(b => b.messages)),
				spark('Failure rate', bins.map(b => (b.messages ? b.failed / b.messages : undefined))),
				spark('Latency p95', bins.map(b => b.p95)),
			]
		: [' Volume …', '', ''];
	// Movers: a line per breakdown under a heading (leaving the breakdowns 6 rows or more), or one line with each
	// breakdown's biggest when space is short.
	const moverLines = moversLines(board?.movers, window.label, height >= 18);
	// Header, summary, three sparklines, column titles, movers, footer: the rest is the breakdown's rows.
	const rows = Math.max(1, height - 7 - moverLines.length - (spendBeside ? 0 : 1));
	const columnWidth = Math.max(12, Math.floor(width / COLUMNS.length));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{header}
			<Text color={t && t.failed > 0 ? c.warn : undefined}>{truncate(summary, width, g.ellipsis)}</Text>
			{sparks.map((s, i) => (
				<Text key={i} color={i === 1 ? c.warn : c.accent}>
					{truncate(s, width, g.ellipsis)}
				</Text>
			))}
			<Box width={width}>
				{COLUMNS.map((col, i) => (
					<Text key={col.dimension} bold inverse={i === cursor.column && isActive} color={c.title}>
						{fit(` ${col.title} (msgs, failed)`, columnWidth)}
					</Text>
				))}
			</Box>
			<Box width={width} height={rows}>
				{COLUMNS.map((col, i) => {
					const cells = board?.cells[col.dimension];
					const selectedRow = i === cursor.column ? rowOf(i, cursor.row) : -1;
					const first = Math.max(0, selectedRow - rows + 1);
					return (
						<Box key={col.dimension} flexDirection="column" width={columnWidth}>
							{cells === undefined ? (
								<Text color={c.muted}>{fit(' …', columnWidth)}</Text>
							) : cells.length === 0 ? (
								<Text color={c.muted}>{fit(' none', columnWidth)}</Text>
							) : (
								cells.slice(first, first + rows).map((cell, k) => {
									const selected = first + k === selectedRow && isActive;
									const numbers = ` ${n(cell.messages)} ${formatPercent(cell.failed, cell.messages)}`;
									return (
										<Text key={cell.value} inverse={selected} color={cell.failed > 0 ? c.warn : undefined}>
											{fit(` ${truncate(cell.value, Math.max(3, columnWidth - numbers.length - 2), g.ellipsis)}`, columnWidth - numbers.length - 1) + numbers + ' '}
										</Text>
									);
								})
							)}
						</Box>
					);
				})}
			</Box>
			{moverLines.map((m, i) => (
				<Text key={i} color={m.tone ? c[m.tone] : undefined}>
					{truncate(m.text, width, g.ellipsis)}
				</Text>
			))}
			{footer}
		</Box>
	);
}

const MOVER_ORDER: readonly InsightsDimension[] = ['country', 'origination', 'messageType', 'status'];
const MOVER_LABELS: Record<InsightsDimension, string> = {country: 'Country', origination: 'Origination', messageType: 'Message type', status: 'Final status'};

/**
 * The biggest movers against the previous window, by country, origination identity, message type and final status:
 * a heading and a line per breakdown (`full`), or one line with the biggest of each. A line is in the warning tone
 * when something in it moved for the worse.
 */
export function moversLines(movers: DashboardData['movers'] | undefined, windowLabel: string, full: boolean): {text: string; tone?: 'warn' | 'muted'}[] {
	const of = (d: InsightsDimension) => movers?.[d];
	const tone = (list: Mover[] | undefined): 'warn' | 'muted' | undefined => (list === undefined || list.length === 0 ? 'muted' : list.some(m => m.worse) ? 'warn' : undefined);
	if (!full) {
		const parts = MOVER_ORDER.map(d => `${MOVER_LABELS[d].toLowerCase()} ${of(d) === undefined ? '…' : of(d)!.length === 0 ? 'none' : describeMover(of(d)![0])}`);
		return [{text: ` Movers vs the previous ${windowLabel}: ${parts.join(' · ')}`, tone: tone(MOVER_ORDER.flatMap(d => of(d)?.slice(0, 1) ?? []))}];
	}
	const labelWidth = Math.max(...MOVER_ORDER.map(d => MOVER_LABELS[d].length));
	return [
		{text: ` Movers vs the previous ${windowLabel}`, tone: 'muted'},
		...MOVER_ORDER.map(d => {
			const list = of(d);
			const text = list === undefined ? '…' : list.length === 0 ? 'none' : list.map(describeMover).join(' · ');
			return {text: `   ${MOVER_LABELS[d].padEnd(labelWidth)}  ${text}`, tone: tone(list)};
		}),
	];
}

const SPEND_LABEL = 'This month: ';

/**
 * This month's spend of SMS, MMS and voice, always all three, each against its enforced limit and in its own tone:
 * warn from 80% of the limit, error at 100% (sending stops there without an error anyone sees).
 */
export function spendHeader(
	account: AccountOverview | undefined,
	spent: MonthToDateSpend | undefined,
	failure?: {message: string},
): {text: string; parts: {text: string; tone?: 'warn' | 'error' | 'muted'}[]} {
	const parts: {text: string; tone?: 'warn' | 'error' | 'muted'}[] = [];
	if (account && spent) parts.push(...spendByChannel(account.spendLimits, spent).map(ch => ({text: describeChannelSpend(ch), tone: ch.tone})));
	else parts.push({text: failure ? `spend unavailable (${failure.message})` : 'spend …', tone: failure ? 'warn' : 'muted'});
	return {text: SPEND_LABEL + parts.map(p => p.text).join(' · '), parts};
}

function progressLine(run: InsightsRun | undefined, error: string | undefined): {text: string; tone?: 'warn' | 'error'} {
	if (error) return {text: ` ${error}`, tone: 'error'};
	if (!run) return {text: ' Starting the queries…'};
	const panels = Object.values(run.panels);
	const done = panels.filter(p => p.status === 'Complete').length;
	const failed = panels.filter(p => isEnded(p.status) && p.status !== 'Complete');
	const scanned = formatBytes(totalBytesScanned(run));
	const records = panels.reduce((k, p) => Math.max(k, p.statistics?.recordsScanned ?? 0), 0);
	const state =
		done === panels.length
			? `all ${done} queries complete`
			: `${done}/${panels.length} queries complete, ${panels.filter(p => p.status === 'Running' || p.status === 'Scheduled').length} running (${records.toLocaleString('en-US')} records read)`;
	const problem = failed.length ? ` · ${failed.map(p => `${p.query.title}: ${p.error ?? p.status}`).join('; ')}` : '';
	return {text: ` ${state} · ${scanned} scanned (Logs Insights bills by bytes scanned) · enter tails a cell · t window · y queries${problem}`, tone: failed.length ? 'warn' : undefined};
}
