// CloudWatch Logs Insights: StartQuery, GetQueryResults, StopQuery and DescribeQueries, with the query lifecycle.
// A query is Scheduled when started, Running while the engine scans (a slice at a time between requests, so
// GetQueryResults answers partial statistics meanwhile), then Complete, Cancelled (StopQuery) or Timeout (after
// the service's 60 minutes of runtime; insightsTimeoutMs). The first answer about a query is never Complete, as a
// real query always takes a moment. Quotas: 100 concurrent queries per Region (LimitExceededException), 50 log
// groups per query, 10,000 rows per GetQueryResults page. Queries are not persisted with --state.
import {randomUUID} from 'node:crypto';
import {ApiError, type EmulatorWorld, type Handler, type RequestContext} from '../types.js';
import {groupNotFound, invalidParameter, resolveIdentifier} from './identifiers.js';
import {QueryRun, type ResultField, type ScanSource} from './insights/engine.js';
import {QuerySyntaxError} from './insights/lexer.js';
import {parseQuery, type ParsedQuery} from './insights/parser.js';
import {decodeToken, encodeToken} from './pageToken.js';
import type {LogGroup, LogsStore} from './store.js';

export const MAX_CONCURRENT_QUERIES = 100;
export const MAX_LOG_GROUPS_PER_QUERY = 50;
/** Queries time out after 60 minutes of runtime. */
const QUERY_TIMEOUT_MS = 60 * 60 * 1000;
const PAGE_ROWS = 10_000;
/** Ended queries kept per Region for GetQueryResults and DescribeQueries. */
const KEPT_QUERIES = 1000;
/** Scan time given to each running query per turn of the event loop. */
const SLICE_MS = 15;

type Status = 'Scheduled' | 'Running' | 'Complete' | 'Cancelled' | 'Timeout';

interface QueryState {
	id: string;
	region: string;
	queryString: string;
	logGroupName: string;
	logGroupsScanned: number;
	createTime: number;
	status: Status;
	run?: QueryRun;
	statistics: {recordsMatched: number; recordsScanned: number; bytesScanned: number};
	results?: ResultField[][];
	/** Set once an answer has shown the query unfinished; until then a finished query still answers Running. */
	seenUnfinished: boolean;
	timeout?: {cancel(): void};
}

const isResultsPosition = (p: unknown): p is [string, number] =>
	Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && Number.isSafeInteger(p[1]) && (p[1] as number) >= 0;

export class InsightsQueries {
	private readonly byRegion = new Map<string, Map<string, QueryState>>();
	private readonly active = new Set<QueryState>();
	private pumping = false;
	private closed = false;
	/** Admin hold: running queries scan at most this many records, then wait (undefined: no hold). */
	private holdAfter: number | undefined;

	constructor(
		private readonly store: LogsStore,
		private readonly world: EmulatorWorld,
	) {}

	private queries(region: string): Map<string, QueryState> {
		let map = this.byRegion.get(region);
		if (!map) {
			map = new Map();
			this.byRegion.set(region, map);
		}
		return map;
	}

	private find(ctx: RequestContext, queryId: string): QueryState {
		const query = this.byRegion.get(ctx.region)?.get(queryId);
		if (!query) throw new ApiError('ResourceNotFoundException', `Query ${queryId} does not exist.`);
		return query;
	}

	/** The status an answer shows: a finished query that nobody has seen unfinished still shows Running. */
	private reported(query: QueryState): Status {
		if (query.status === 'Complete' && !query.seenUnfinished) {
			query.seenUnfinished = true;
			return 'Running';
		}
		if (query.status === 'Scheduled' || query.status === 'Running') query.seenUnfinished = true;
		return query.status;
	}

	private statistics(query: QueryState) {
		const s = query.run?.statistics ?? query.statistics;
		return {
			recordsMatched: s.recordsMatched,
			recordsScanned: s.recordsScanned,
			estimatedRecordsSkipped: 0,
			bytesScanned: s.bytesScanned,
			estimatedBytesSkipped: 0,
			logGroupsScanned: query.logGroupsScanned,
		};
	}

	private end(query: QueryState, status: Status): void {
		if (query.run) query.statistics = {...query.run.statistics};
		if (status === 'Complete' && query.run) query.results = query.run.results();
		query.run = undefined;
		query.status = status;
		query.timeout?.cancel();
		query.timeout = undefined;
		this.active.delete(query);
	}

	/** Runs the active queries a slice each per turn of the event loop until none is left. */
	private pump(): void {
		if (this.pumping || this.closed) return;
		this.pumping = true;
		const turn = () => {
			if (this.closed) return;
			let progressing = false;
			for (const query of [...this.active]) {
				if (!query.run) continue;
				const scanned = query.run.statistics.recordsScanned;
				const allowance = this.holdAfter === undefined ? Infinity : Math.max(0, this.holdAfter - scanned);
				if (allowance === 0) continue;
				query.status = 'Running';
				progressing = true;
				if (query.run.step(SLICE_MS, allowance)) this.end(query, 'Complete');
			}
			if (progressing && this.active.size > 0) setImmediate(turn);
			else this.pumping = false;
		};
		setImmediate(turn);
	}

	private resolveGroups(ctx: RequestContext, input: {logGroupName?: string; logGroupNames?: string[]; logGroupIdentifiers?: string[]}): LogGroup[] {
		const given = [input.logGroupName, input.logGroupNames, input.logGroupIdentifiers].filter(x => x !== undefined).length;
		if (given !== 1) {
			throw invalidParameter('Specify exactly one of logGroupName, logGroupNames and logGroupIdentifiers (the emulator does not run the SOURCE command).');
		}
		const names = input.logGroupName !== undefined ? [input.logGroupName] : (input.logGroupNames ?? input.logGroupIdentifiers)!;
		if (names.length === 0) throw invalidParameter('The list of log groups to query is empty.');
		if (names.length > MAX_LOG_GROUPS_PER_QUERY) {
			throw invalidParameter(`A query can include at most ${MAX_LOG_GROUPS_PER_QUERY} log groups; this one names ${names.length}.`);
		}
		const groups = new Set<LogGroup>();
		for (const name of names) {
			if (input.logGroupIdentifiers && name.startsWith('arn:') && name.endsWith(':*')) {
				throw invalidParameter(`Invalid log group identifier ${name}: an ARN for a query does not end with :*.`);
			}
			const group = input.logGroupIdentifiers ? resolveIdentifier(this.store, ctx, name) : this.store.findGroup(ctx.region, name);
			if (!group) throw groupNotFound();
			groups.add(group);
		}
		return [...groups];
	}

	private remember(query: QueryState): void {
		const map = this.queries(query.region);
		map.set(query.id, query);
		if (map.size <= KEPT_QUERIES) return;
		for (const old of map.values()) {
			if (map.size <= KEPT_QUERIES) break;
			if (!this.active.has(old)) map.delete(old.id);
		}
	}

	handlers(): Record<string, Handler> {
		return {
			StartQuery: (
				input: {queryLanguage?: string; logGroupName?: string; logGroupNames?: string[]; logGroupIdentifiers?: string[]; startTime: number; endTime: number; queryString: string; limit?: number},
				ctx,
			) => {
				if (input.queryLanguage !== undefined && input.queryLanguage !== 'CWLI') {
					throw invalidParameter(`The emulator runs Logs Insights QL (CWLI) queries only, not ${input.queryLanguage}.`);
				}
				const groups = this.resolveGroups(ctx, input);
				if (input.endTime < input.startTime) throw invalidParameter('endTime must not be before startTime.');
				let parsed: ParsedQuery;
				try {
					parsed = parseQuery(input.queryString);
				} catch (error) {
					if (!(error instanceof QuerySyntaxError)) throw error;
					const location = {startCharOffset: error.start, endCharOffset: Math.max(error.start, error.end - 1)};
					throw new ApiError('MalformedQueryException', `Query is malformed: ${error.message}`, {queryCompileError: {location, message: error.message}});
				}
				const running = [...this.active].filter(q => q.region === ctx.region).length;
				if (running >= MAX_CONCURRENT_QUERIES) {
					throw new ApiError('LimitExceededException', `The account already runs ${MAX_CONCURRENT_QUERIES} concurrent queries in this Region, the most allowed; wait for one to end or stop one.`);
				}
				const sources: ScanSource[] = groups.flatMap(group => [...group.streams.values()].map(stream => ({group, stream})));
				const run = new QueryRun({
					query: parsed,
					sources,
					startMs: input.startTime * 1000,
					endMs: input.endTime * 1000 + 999,
					maxSeq: this.store.lastSeq,
					accountId: ctx.accountId,
					limit: input.limit,
				});
				const query: QueryState = {
					id: randomUUID(),
					region: ctx.region,
					queryString: input.queryString,
					logGroupName: groups[0].name,
					logGroupsScanned: groups.length,
					createTime: this.world.clock.now(),
					status: 'Scheduled',
					run,
					statistics: {recordsMatched: 0, recordsScanned: 0, bytesScanned: 0},
					seenUnfinished: false,
				};
				query.timeout = this.world.clock.setTimeout(() => {
					if (this.active.has(query)) this.end(query, 'Timeout');
				}, this.world.options.insightsTimeoutMs ?? QUERY_TIMEOUT_MS);
				this.active.add(query);
				this.remember(query);
				this.pump();
				return {queryId: query.id};
			},

			GetQueryResults: (input: {queryId: string; nextToken?: string; maxItems?: number}, ctx) => {
				const query = this.find(ctx, input.queryId);
				const position = decodeToken('GetQueryResults', input.nextToken, isResultsPosition);
				if (position && position[0] !== query.id) throw invalidParameter('The nextToken belongs to another query.');
				const status = this.reported(query);
				const statistics = this.statistics(query);
				if (status !== 'Complete') return {queryLanguage: 'CWLI', results: [], statistics, status};
				const rows = query.results ?? [];
				const offset = position?.[1] ?? 0;
				const size = input.maxItems || PAGE_ROWS;
				const page = rows.slice(offset, offset + size);
				const end = offset + page.length;
				return {
					queryLanguage: 'CWLI',
					results: page,
					statistics: {...statistics, resultCount: rows.length},
					status,
					...(end < rows.length ? {nextToken: encodeToken('GetQueryResults', [query.id, end])} : {}),
				};
			},

			StopQuery: (input: {queryId: string}, ctx) => {
				const query = this.find(ctx, input.queryId);
				if (!this.active.has(query)) throw invalidParameter(`Query ${query.id} is not running (it is ${query.status}).`);
				this.end(query, 'Cancelled');
				return {success: true};
			},

			DescribeQueries: (input: {logGroupName?: string; status?: string; maxResults?: number; nextToken?: string; queryLanguage?: string}, ctx) => {
				if (input.logGroupName !== undefined && !this.store.findGroup(ctx.region, input.logGroupName)) throw groupNotFound();
				let queries = [...this.queries(ctx.region).values()].reverse();
				if (input.logGroupName !== undefined) queries = queries.filter(q => q.logGroupName === input.logGroupName);
				if (input.queryLanguage !== undefined && input.queryLanguage !== 'CWLI') queries = [];
				const shown = queries.map(q => ({query: q, status: q.status === 'Complete' && !q.seenUnfinished ? 'Running' : q.status}));
				const matching = input.status ? shown.filter(s => s.status === input.status) : shown;
				const offset = decodeToken('DescribeQueries', input.nextToken, (p): p is number => Number.isSafeInteger(p) && (p as number) >= 0) ?? 0;
				const size = input.maxResults ?? 1000;
				const page = matching.slice(offset, offset + size);
				const end = offset + page.length;
				return {
					queries: page.map(({query, status}) => ({
						queryLanguage: 'CWLI',
						queryId: query.id,
						queryString: query.queryString,
						status,
						createTime: query.createTime,
						logGroupName: query.logGroupName,
					})),
					...(end < matching.length ? {nextToken: encodeToken('DescribeQueries', end)} : {}),
				};
			},
		};
	}

	/** Admin: {enabled, afterRecords?} — running queries scan at most afterRecords (0) records, then wait. */
	hold(body: {enabled?: unknown; afterRecords?: unknown}): {held: boolean; active: number} {
		if (body.enabled === false) {
			this.holdAfter = undefined;
			this.pump();
		} else {
			const after = typeof body.afterRecords === 'number' && Number.isSafeInteger(body.afterRecords) && body.afterRecords > 0 ? body.afterRecords : 0;
			this.holdAfter = after;
			this.pump();
		}
		return {held: this.holdAfter !== undefined, active: this.active.size};
	}

	close(): void {
		this.closed = true;
		for (const query of this.active) query.timeout?.cancel();
		this.active.clear();
	}
}
