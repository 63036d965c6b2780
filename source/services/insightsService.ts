// The insights engine: runs the dashboard's queries (domain/insightsQueries.ts) with CloudWatch Logs Insights over
// a log group — StartQuery, GetQueryResults polled with backoff until the query ends, StopQuery for those still
// running when the caller aborts. At most a few queries run at once (the service's concurrency quota is per
// account and shared with everyone else's); a LimitExceededException waits and tries again. Every change of a
// panel (scheduled, running with partial statistics, complete, failed) is reported as it happens, with the bytes
// scanned, which is what Logs Insights bills. IAM: logs:StartQuery, logs:GetQueryResults, logs:StopQuery. No Ink.
import {
	INSIGHTS_WINDOWS,
	insightsQueries,
	startQueryCli,
	windowRanges,
	type InsightsWindow,
	type PanelId,
	type PanelQuery,
	type QueryRange,
	type ResultRow,
} from '../domain/insightsQueries.js';
import type {Clients} from './clients.js';
import {describeServiceError} from './errors.js';
import {logsModule} from './smsCommands.js';

export type PanelStatus = 'Waiting' | 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown' | 'Error';

export interface QueryStatistics {
	recordsMatched: number;
	recordsScanned: number;
	bytesScanned: number;
}

export interface PanelRun {
	query: PanelQuery;
	range: QueryRange;
	status: PanelStatus;
	queryId?: string;
	/** The rows once Complete (without @ptr). */
	rows?: ResultRow[];
	/** The statistics so far (a Running answer's are partial). */
	statistics?: QueryStatistics;
	/** Why it failed (Failed, Timeout, Error). */
	error?: string;
	/** The same query with the AWS CLI. */
	cli: string;
}

export interface InsightsRun {
	logGroup: string;
	window: InsightsWindow;
	/** When the window ends (epoch ms). */
	now: number;
	panels: Record<PanelId, PanelRun>;
}

export interface InsightsOptions {
	/** A log group name or ARN. */
	logGroup: string;
	window?: InsightsWindow;
	now?: number;
	/** Only these panels (default: all). */
	panels?: readonly PanelId[];
	/** Queries running at once (default 4). */
	concurrency?: number;
	/** First poll after this (ms), then ×1.5 up to maxPollMs (default 100 → 2000). */
	pollMs?: number;
	maxPollMs?: number;
	/** Aborting stops the polling and the queries still running (StopQuery). */
	signal?: AbortSignal;
}

const ENDED: ReadonlySet<PanelStatus> = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown', 'Error']);
export const isEnded = (status: PanelStatus) => ENDED.has(status);

/** Bytes scanned by every panel so far (running ones included). */
export function totalBytesScanned(run: InsightsRun): number {
	return Object.values(run.panels).reduce((n, p) => n + (p.statistics?.bytesScanned ?? 0), 0);
}

export function isComplete(run: InsightsRun): boolean {
	return Object.values(run.panels).every(p => p.status === 'Complete');
}

/** A stored log group ARN ends in `:*`; StartQuery takes the name (an ARN would need logGroupIdentifiers). */
function groupName(logGroup: string): string {
	const match = /:log-group:([^:]+)/.exec(logGroup);
	return match ? match[1] : logGroup;
}

class AbortedError extends Error {
	constructor() {
		super('stopped');
		this.name = 'AbortError';
	}
}

/** Waits `ms`, or rejects as soon as the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new AbortedError());
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(new AbortedError());
		};
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

/** The run before any query starts: every panel Waiting, with its command. */
export function plannedRun(clients: Pick<Clients, 'connection'>, options: Pick<InsightsOptions, 'logGroup' | 'window' | 'now' | 'panels'>): InsightsRun {
	const window = options.window ?? INSIGHTS_WINDOWS[2];
	const now = options.now ?? Date.now();
	const ranges = windowRanges(window, now);
	const group = groupName(options.logGroup);
	const panels = {} as Record<PanelId, PanelRun>;
	for (const query of insightsQueries(window)) {
		if (options.panels && !options.panels.includes(query.id)) continue;
		const range = ranges[query.range];
		panels[query.id] = {query, range, status: 'Waiting', cli: startQueryCli(clients.connection, group, range, query.queryString)};
	}
	return {logGroup: group, window, now, panels};
}

/**
 * Runs the panels' queries; `onUpdate` gets a fresh copy of the run on every change. Resolves when every panel
 * has ended (a failed panel does not fail the others), or rejects with an AbortError when the signal aborts —
 * after StopQuery for every query still running.
 */
export async function runInsights(clients: Clients, options: InsightsOptions, onUpdate?: (run: InsightsRun) => void): Promise<InsightsRun> {
	const lm = await logsModule();
	let run = plannedRun(clients, options);
	const {signal} = options;
	const pollMs = options.pollMs ?? 100;
	const maxPollMs = options.maxPollMs ?? 2000;
	const update = (id: PanelId, change: Partial<PanelRun>) => {
		run = {...run, panels: {...run.panels, [id]: {...run.panels[id], ...change}}};
		onUpdate?.(run);
	};
	const running = new Set<string>();
	// Every StopQuery sent so far: whoever stops last waits for all of them.
	let stopping: Promise<unknown> = Promise.resolve();
	const stopAll = () => {
		const ids = [...running];
		running.clear();
		stopping = Promise.all([stopping, ...ids.map(queryId => clients.logs.send(new lm.StopQueryCommand({queryId})).catch(() => undefined))]);
		return stopping;
	};
	const onAbort = () => void stopAll();
	signal?.addEventListener('abort', onAbort, {once: true});

	const runPanel = async (panel: PanelRun) => {
		const id = panel.query.id;
		let queryId: string | undefined;
		for (let wait = 1000; ; wait = Math.min(wait * 2, 15_000)) {
			if (signal?.aborted) throw new AbortedError();
			try {
				const started = await clients.logs.send(
					// Not aborted half-way: a query that starts must be known, so that it can be stopped.
					new lm.StartQueryCommand({logGroupName: run.logGroup, startTime: panel.range.startTime, endTime: panel.range.endTime, queryString: panel.query.queryString}),
				);
				queryId = started.queryId;
				break;
			} catch (error) {
				if (signal?.aborted) throw new AbortedError();
				// Too many queries at once in the account: wait for a slot, as the service asks.
				if ((error as {name?: string}).name === 'LimitExceededException') {
					update(id, {status: 'Waiting', error: 'the account runs as many Logs Insights queries as it may: waiting'});
					await pause(wait, signal);
					continue;
				}
				update(id, {status: 'Error', error: describeServiceError(error, 'StartQuery').message});
				return;
			}
		}
		if (!queryId) {
			update(id, {status: 'Error', error: 'StartQuery answered without a query id'});
			return;
		}
		running.add(queryId);
		// Stopped while StartQuery was under way: stop this one too.
		if (signal?.aborted) {
			await stopAll();
			throw new AbortedError();
		}
		update(id, {status: 'Scheduled', queryId, error: undefined});
		for (let wait = pollMs; ; wait = Math.min(maxPollMs, Math.round(wait * 1.5))) {
			await pause(wait, signal);
			let answer;
			try {
				answer = await clients.logs.send(new lm.GetQueryResultsCommand({queryId}), {abortSignal: signal});
			} catch (error) {
				if (signal?.aborted) throw new AbortedError();
				running.delete(queryId);
				update(id, {status: 'Error', error: describeServiceError(error, 'GetQueryResults').message});
				return;
			}
			const s = answer.statistics;
			const statistics = s ? {recordsMatched: s.recordsMatched ?? 0, recordsScanned: s.recordsScanned ?? 0, bytesScanned: s.bytesScanned ?? 0} : undefined;
			const status = (answer.status ?? 'Unknown') as PanelStatus;
			if (status === 'Scheduled' || status === 'Running') {
				update(id, {status, statistics});
				continue;
			}
			running.delete(queryId);
			if (status === 'Complete') {
				const rows = (answer.results ?? []).map(fields => Object.fromEntries(fields.filter(f => f.field && f.field !== '@ptr').map(f => [f.field!, f.value ?? ''])));
				update(id, {status, statistics, rows});
			} else {
				const why = status === 'Timeout' ? 'the query ran out of time (Logs Insights stops a query after 60 minutes)' : `the query ended ${status}`;
				update(id, {status, statistics, error: why});
			}
			return;
		}
	};

	// A few at a time, in the panels' order (the summary first).
	const queue = Object.values(run.panels);
	const concurrency = Math.max(1, options.concurrency ?? 4);
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) await runPanel(next);
	};
	try {
		onUpdate?.(run);
		await Promise.all(Array.from({length: Math.min(concurrency, queue.length)}, worker));
	} catch (error) {
		await stopAll();
		throw error;
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
	return run;
}

export const isAbort = (error: unknown) => (error as {name?: string} | undefined)?.name === 'AbortError';
