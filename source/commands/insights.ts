// smsdeck insights [--config-set NAME] [--since 24h] [--by country|origination|status|type] [--json]: the console's
// insights for scripts — messages, delivered and failed rates, latency percentiles and price over a window, and one
// breakdown, counted by CloudWatch Logs Insights queries over the configuration set's CloudWatch Logs destination
// (services/insightsService.ts). ctrl-c stops the queries still running (StopQuery).
import {checkDuration} from '../domain/duration.js';
import {
	DIMENSION_FIELDS,
	DIMENSION_NAMES,
	PREVIOUS_PANEL,
	describeMover,
	formatBytes,
	formatLatency,
	formatPercent,
	readDashboard,
	windowOf,
	type InsightsDimension,
	type PanelId,
} from '../domain/insightsQueries.js';
import {formatPrice} from '../domain/format.js';
import {safeText} from '../domain/sanitize.js';
import {describeChannelSpend, spendByChannel} from '../domain/spendRules.js';
import {describeAccount} from '../services/accountService.js';
import {describeServiceError} from '../services/errors.js';
import {readMonthToDate} from './account.js';
import {lookupConfigurationSet} from '../services/identityResolver.js';
import {listConfigurationSets} from '../services/configSetsService.js';
import {logGroupName, pickLogsDestination} from '../services/messageEvents.js';
import {isAbort, runInsights, totalBytesScanned, type InsightsRun} from '../services/insightsService.js';
import type {Clients} from '../services/clients.js';
import {withClients} from './browse.js';
import {renderFacts, renderJson, renderTextTable, writeMessage} from './printTable.js';
import {commandRunner} from './commandTree.js';
import {UsageError, type CommandAction} from './types.js';

/** --by as typed → the dimension (status, country, origination, type). */
export const BY_CHOICES = ['status', 'country', 'origination', 'type'] as const;
const DIMENSION_OF: Record<(typeof BY_CHOICES)[number], InsightsDimension> = {status: 'status', country: 'country', origination: 'origination', type: 'messageType'};

class NoDestination extends Error {}

/** The set named, or else the only one whose events go to CloudWatch Logs. */
async function chooseSet(clients: Clients, named: string | undefined): Promise<{name: string; logGroup: string}> {
	const region = clients.connection.region;
	if (named) {
		const set = await lookupConfigurationSet(clients, named);
		if (!set) throw new NoDestination(`insights: configuration set "${named}" not found in ${region} (see smsdeck config-sets)`);
		const picked = pickLogsDestination(set, 'TEXT', region);
		if (!picked.ok) throw new NoDestination(`insights: ${picked.reason}; fix: ${picked.fix}`);
		return {name: set.ConfigurationSetName ?? named, logGroup: logGroupName(picked.destination.CloudWatchLogsDestination!.LogGroupArn!)};
	}
	const usable = (await listConfigurationSets(clients)).flatMap(set => {
		const picked = pickLogsDestination(set, 'TEXT', region);
		return picked.ok ? [{name: set.ConfigurationSetName ?? '', logGroup: logGroupName(picked.destination.CloudWatchLogsDestination!.LogGroupArn!)}] : [];
	});
	if (usable.length === 1) return usable[0];
	throw new NoDestination(
		usable.length === 0
			? `insights: no configuration set in ${region} sends its SMS events to CloudWatch Logs`
			: `insights: name the configuration set with --config-set (${usable.map(u => u.name).join(', ')})`,
	);
}

const run_: CommandAction = async ({options}, globals, io) => {
	const sinceText = String(options.since ?? '24h');
	const since = checkDuration(sinceText);
	if (!since.ok) throw new UsageError(`insights: --since: ${since.reason}`, 'insights');
	if (since.ms < 60_000 || since.ms > 90 * 86_400_000) throw new UsageError('insights: --since takes 1m to 90d', 'insights');
	const by = DIMENSION_OF[(options.by as (typeof BY_CHOICES)[number] | undefined) ?? 'status'];
	const window = windowOf(since.ms, sinceText.trim().toLowerCase());
	// The summary, the breakdown, and the breakdown over the window before it for its movers.
	const panels: PanelId[] = ['status', 'latency', 'price', ...(by === 'status' ? [] : [by as PanelId]), PREVIOUS_PANEL[by]];

	let code = 0;
	const result = await withClients(
		globals,
		io,
		async clients => {
			let target;
			try {
				target = await chooseSet(clients, options.configSet as string | undefined);
			} catch (error) {
				if (!(error instanceof NoDestination)) throw error;
				writeMessage(io.stderr, error.message);
				code = 2;
				return;
			}
			// ctrl-c or SIGTERM: stop the queries still running, then end as the signal asks.
			const controller = new AbortController();
			const stop = (signal: NodeJS.Signals) => {
				code = signal === 'SIGINT' ? 130 : 143;
				controller.abort();
			};
			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
			let run: InsightsRun;
			// This month's spend beside the enforced limits, read while the queries run.
			const spending = Promise.all([
				readMonthToDate(clients, io, controller.signal),
				describeAccount(clients).catch((error: unknown) => {
					if (!controller.signal.aborted) writeMessage(io.stderr, `the spend limits unknown: ${describeServiceError(error).message}`);
				}),
			]);
			try {
				run = await runInsights(clients, {logGroup: target.logGroup, window, panels, signal: controller.signal});
			} catch (error) {
				if (isAbort(error)) return;
				throw error;
			} finally {
				process.off('SIGINT', stop);
				process.off('SIGTERM', stop);
			}
			const failed = Object.values(run.panels).filter(p => p.status !== 'Complete');
			for (const p of failed) writeMessage(io.stderr, `insights: ${p.query.title}: ${p.error ?? p.status}`);
			if (failed.length) code = 1;
			const board = readDashboard(run.panels, window);
			const totals = board.totals ?? {messages: 0, delivered: 0, failed: 0, other: 0, byStatus: []};
			const cells = board.cells[by] ?? [];
			const movers = board.movers[by];
			const range = run.panels.status.range;
			const bytes = totalBytesScanned(run);
			const [spent, account] = await spending;
			const spend = spent && account ? spendByChannel(account.spendLimits, spent) : undefined;
			if (globals.json) {
				io.stdout.write(
					renderJson({
						ConfigurationSetName: target.name,
						LogGroupName: target.logGroup,
						Since: window.label,
						StartTime: new Date(range.startTime * 1000).toISOString(),
						EndTime: new Date(range.endTime * 1000).toISOString(),
						Messages: totals.messages,
						Delivered: totals.delivered,
						Failed: totals.failed,
						DeliveredPercent: totals.messages ? (totals.delivered / totals.messages) * 100 : null,
						FailedPercent: totals.messages ? (totals.failed / totals.messages) * 100 : null,
						LatencyMs: {p50: board.latency?.p50 ?? null, p95: board.latency?.p95 ?? null, p99: board.latency?.p99 ?? null},
						TotalPrice: board.price?.price ?? null,
						By: options.by ?? 'status',
						Rows: cells.map(c => ({Value: c.value, Messages: c.messages, Failed: c.failed})),
						// Against the window before: the failure rate moved (a final status: its share of all messages), in percent.
						Movers:
							movers?.map(m => ({
								Value: m.value,
								Messages: m.messages,
								PreviousMessages: m.previousMessages,
								Measure: m.measure === 'share' ? 'SharePercent' : 'FailedPercent',
								Percent: m.rate ?? null,
								PreviousPercent: m.previousRate ?? null,
								ChangePoints: m.change,
								Worse: m.worse,
							})) ?? null,
						BytesScanned: bytes,
						MonthToDateSpend: spend?.map(c => ({Channel: c.label, Spent: c.spent, EnforcedLimit: c.enforced ?? null, PercentUsed: c.percent ?? null})) ?? null,
						Queries: Object.values(run.panels).map(p => ({Panel: p.query.id, QueryString: p.query.queryString, Status: p.status, QueryId: p.queryId, Statistics: p.statistics ?? null, Command: p.cli})),
					}),
				);
				return;
			}
			const lat = board.latency;
			io.stdout.write(
				renderFacts([
					['Configuration set', `${target.name} (log group ${target.logGroup})`],
					['Window', `last ${window.label}: ${new Date(range.startTime * 1000).toISOString()} → ${new Date(range.endTime * 1000).toISOString()}`],
					['Messages', totals.messages.toLocaleString('en-US')],
					['Delivered', `${totals.delivered.toLocaleString('en-US')} (${formatPercent(totals.delivered, totals.messages)})`],
					['Failed', `${totals.failed.toLocaleString('en-US')} (${formatPercent(totals.failed, totals.messages)})`],
					['Latency', `p50 ${formatLatency(lat?.p50)} · p95 ${formatLatency(lat?.p95)} · p99 ${formatLatency(lat?.p99)}`],
					['Total price', formatPrice(board.price?.price ?? 0)],
					['Scanned', `${formatBytes(bytes)} in ${Object.keys(run.panels).length} Logs Insights queries`],
					['Spend this month', spend ? spend.map(c => `${describeChannelSpend(c)}${c.tone === 'error' ? ' limit reached' : c.tone === 'warn' ? ' near the limit' : ''}`).join(' · ') : 'unknown'],
				]) + '\n',
			);
			io.stdout.write(
				renderTextTable(
					[
						{title: DIMENSION_FIELDS[by] === 'messageStatus' ? 'Final status' : by === 'messageType' ? 'Message type' : by === 'country' ? 'Country' : 'Origination', value: c => c.value},
						{title: 'Messages', value: c => c.messages.toLocaleString('en-US'), align: 'right'},
						{title: 'Failed', value: c => c.failed.toLocaleString('en-US'), align: 'right'},
						{title: 'Failed %', value: c => formatPercent(c.failed, c.messages), align: 'right'},
					],
					cells,
				),
			);
			const previous = run.panels[PREVIOUS_PANEL[by]].range;
			io.stdout.write(
				`\nMovers by ${DIMENSION_NAMES[by]} against the previous ${window.label} (${new Date(previous.startTime * 1000).toISOString()} → ${new Date(previous.endTime * 1000).toISOString()}):\n` +
					(movers === undefined ? '  unknown\n' : movers.length === 0 ? '  none\n' : movers.map(m => `  ${safeText(describeMover(m))}\n`).join('')),
			);
		},
		['logs', 'cloudwatch'],
	);
	return result === 0 ? code : result;
};

export const actions = {run: run_} satisfies Record<string, CommandAction>;
export const run = commandRunner('insights');
