// The CloudWatch Logs service of the emulator (awsJson 1.1, Logs_20140328.*), and the LogsWriter the
// sms-voice service uses to write event records.
import type {EmulatedService, EmulatorWorld, LogsWriter} from '../types.js';
import {eventHandlers} from './eventHandlers.js';
import {LogsFaults} from './faults.js';
import {groupHandlers} from './groupHandlers.js';
import {LiveTailHub} from './liveTail.js';
import {InsightsQueries} from './queryHandlers.js';
import {LogsStore} from './store.js';

export interface LogsService {
	service: EmulatedService;
	writer: LogsWriter;
	store: LogsStore;
	liveTail: LiveTailHub;
	insights: InsightsQueries;
	/** Ends every live tail session and Logs Insights query. */
	close(): void;
}

export function createLogsService(world: EmulatorWorld): LogsService {
	const store = new LogsStore();
	const liveTail = new LiveTailHub(store, world);
	const faults = new LogsFaults(world, liveTail);
	const insights = new InsightsQueries(store, world);

	const writer: LogsWriter = {
		ensureLogGroup(region, logGroupName) {
			if (store.findGroup(region, logGroupName)) return;
			store.createGroup(region, logGroupName, world.clock.now());
			world.markDirty();
		},
		appendEvents(region, logGroupName, logStreamName, events) {
			const group = store.findGroup(region, logGroupName);
			if (!group) return false;
			const now = world.clock.now();
			const stream = group.streams.get(logStreamName) ?? store.createStream(group, logStreamName, now);
			store.append(group, stream, events, now);
			world.markDirty();
			return true;
		},
	};

	const service: EmulatedService = {
		targetPrefix: 'Logs_20140328',
		handlers: faults.wrap({
			...groupHandlers(store, world),
			...eventHandlers(store, world),
			...insights.handlers(),
			StartLiveTail: (input, ctx) => liveTail.start(input, ctx),
		}),
		admin: {
			dropLiveTail: () => ({dropped: liveTail.dropAll()}),
			stallLiveTail: () => ({stalled: liveTail.stallAll()}),
			denyLiveTail: (body: {enabled?: unknown}) => {
				liveTail.denied = body.enabled !== false;
				return {denied: liveTail.denied};
			},
			liveTailError: (body: {message?: unknown}) => ({
				failed: liveTail.failAll(typeof body.message === 'string' ? body.message : undefined),
			}),
			liveTailSessions: () => ({active: liveTail.activeSessions}),
			/** {ms, mode: 'refuse' | 'blackhole'}: every Logs request fails for ms (see faults.ts). */
			cutLogsNetwork: (body: {ms?: unknown; mode?: unknown}) => faults.startCut(body.ms, body.mode),
			endLogsNetworkCut: () => faults.endCut(),
			/** {operation, count?, code?}: the next count requests of operation answer a 5xx service error. */
			/** The last FilterLogEvents requests: {reads: [{at, startTime}]}, oldest first. */
			filterLogEventsReads: () => ({reads: [...faults.reads]}),
			/** {ms}: FilterLogEvents leaves out the events ingested in the last ms (0 ends it). */
			lagFilterLogEvents: (body: {ms?: unknown}) => faults.setSearchLag(body.ms),
			/** {enabled, afterRecords?}: Logs Insights queries scan at most afterRecords (0) records, then wait. */
			holdInsightsQueries: (body: {enabled?: unknown; afterRecords?: unknown}) => insights.hold(body),
			failLogsNext: (body: {operation?: unknown; count?: unknown; code?: unknown}) => faults.failNext(body.operation, body.count, body.code),
		},
		snapshot: () => store.snapshot(),
		restore: data => store.restore(data),
	};

	return {
		service,
		writer,
		store,
		liveTail,
		insights,
		close: () => {
			faults.close();
			liveTail.close();
			insights.close();
		},
	};
}
