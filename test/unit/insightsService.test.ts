// The insights engine against the in-process emulator with the real SDK: crafted SMS event records written with
// PutLogEvents give known counts, rates, percentiles and movers; sends to simulator numbers are counted as they
// land; running queries are stopped when the caller aborts; partial statistics are reported while a query runs.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {CreateLogGroupCommand, CreateLogStreamCommand, DescribeQueriesCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {SendTextMessageCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {isAbort, isComplete, runInsights, totalBytesScanned, type InsightsRun} from '../../source/services/insightsService.js';
import {
	biggestMovers,
	describeMover,
	findWindow,
	readDashboard,
	type Mover,
	readBins,
	readDimension,
	readLatency,
	readPrice,
	readTotals,
} from '../../source/domain/insightsQueries.js';
import {waitFor} from '../helpers/logsHarness.js';

let emu: RunningEmulator;
let clients: Clients;
const GROUP = 'insights-unit';
const NOW = Date.now();
const HOUR = findWindow('1h')!;

async function admin(action: string, body: unknown = {}) {
	const res = await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}});
	return res.json() as Promise<any>;
}

// Ten messages in the last hour (final events with latencies 1 s … 10 s), each with a PENDING event before it
// that must not be counted; six in the hour before (US and CA, all delivered).
const A = '+12065550100';
const B = '+12065550199';
const CURRENT: Array<[country: string, status: string, origination: string, type: string]> = [
	['US', 'DELIVERED', A, 'TRANSACTIONAL'],
	['US', 'DELIVERED', A, 'TRANSACTIONAL'],
	['US', 'DELIVERED', A, 'TRANSACTIONAL'],
	['US', 'DELIVERED', A, 'PROMOTIONAL'],
	['US', 'TTL_EXPIRED', A, 'TRANSACTIONAL'],
	['CA', 'CARRIER_UNREACHABLE', A, 'TRANSACTIONAL'],
	['CA', 'CARRIER_UNREACHABLE', B, 'TRANSACTIONAL'],
	['GB', 'BLOCKED', B, 'PROMOTIONAL'],
	['GB', 'DELIVERED', B, 'PROMOTIONAL'],
	['DE', 'DELIVERED', B, 'TRANSACTIONAL'],
];
const PREVIOUS: typeof CURRENT = [
	...Array.from({length: 4}, () => ['US', 'DELIVERED', A, 'TRANSACTIONAL'] as (typeof CURRENT)[number]),
	...Array.from({length: 2}, () => ['CA', 'DELIVERED', A, 'TRANSACTIONAL'] as (typeof CURRENT)[number]),
];

function events(list: typeof CURRENT, offsetMs: number, prefix: string) {
	return list.flatMap(([country, status, origination, type], i) => {
		const at = NOW - offsetMs - (i + 1) * 3 * 60_000;
		const latency = (i + 1) * 1000;
		const common = {
			eventVersion: '1.0', messageId: `${prefix}-${i}`, isoCountryCode: country, originationPhoneNumber: origination, destinationPhoneNumber: '+14254147755',
			messageType: type, messageRequestTimestamp: at - latency, totalMessageParts: 1, totalMessagePrice: 0.01,
		};
		return [
			{timestamp: at - latency + 100, message: JSON.stringify({...common, eventType: 'TEXT_PENDING', messageStatus: 'PENDING', isFinal: false, eventTimestamp: at - latency + 100})},
			{timestamp: at, message: JSON.stringify({...common, eventType: `TEXT_${status}`, messageStatus: status, isFinal: true, eventTimestamp: at})},
		];
	});
}

before(async () => {
	emu = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	clients = await createClients({region: 'us-east-1', endpoint: emu.url, local: true}, {limiter: new RateLimiter(), health: new Health(), env: {}});
	await clients.logs.send(new CreateLogGroupCommand({logGroupName: GROUP}));
	await clients.logs.send(new CreateLogStreamCommand({logGroupName: GROUP, logStreamName: 's'}));
	const all = [...events(CURRENT, 0, 'now'), ...events(PREVIOUS, HOUR.ms, 'before')].sort((a, b) => a.timestamp - b.timestamp);
	await clients.logs.send(new PutLogEventsCommand({logGroupName: GROUP, logStreamName: 's', logEvents: all}));
});
after(async () => {
	await admin('holdInsightsQueries', {enabled: false});
	destroyClients(clients);
	await emu.close();
});

const fast = {pollMs: 20, maxPollMs: 100};

describe('runInsights', () => {
	test('known answers: totals, breakdowns, latency percentiles, price, bins and movers, with bytes scanned', async () => {
		const updates: InsightsRun[] = [];
		const run = await runInsights(clients, {logGroup: GROUP, window: HOUR, now: NOW, ...fast}, r => updates.push(r));
		assert.ok(isComplete(run), JSON.stringify(Object.values(run.panels).map(p => [p.query.id, p.status, p.error])));
		const p = run.panels;
		const totals = readTotals(p.status.rows!);
		assert.deepEqual([totals.messages, totals.delivered, totals.failed], [10, 6, 4]);
		assert.deepEqual(totals.byStatus.map(s => [s.status, s.messages, s.outcome]), [
			['DELIVERED', 6, 'delivered'],
			['BLOCKED', 1, 'failed'],
			['CARRIER_UNREACHABLE', 2, 'failed'],
			['TTL_EXPIRED', 1, 'failed'],
		].sort((x, y) => (y[1] as number) - (x[1] as number) || String(x[0]).localeCompare(String(y[0]))));
		const country = readDimension('country', p.country.rows!);
		assert.deepEqual(country.map(c => [c.value, c.messages, c.failed]), [['US', 5, 1], ['CA', 2, 2], ['GB', 2, 1], ['DE', 1, 0]]);
		assert.deepEqual(readDimension('origination', p.origination.rows!).map(c => [c.value, c.messages, c.failed]), [[A, 6, 2], [B, 4, 2]]);
		assert.deepEqual(readDimension('messageType', p.messageType.rows!).map(c => [c.value, c.messages, c.failed]), [['TRANSACTIONAL', 7, 3], ['PROMOTIONAL', 3, 1]]);
		assert.deepEqual(readLatency(p.latency.rows!), {p50: 5000, p95: 10_000, p99: 10_000, messages: 10});
		assert.deepEqual(readPrice(p.price.rows!), {price: 0.1, messages: 10});
		const bins = readBins(p.bins.rows!, p.bins.range, HOUR.binMs);
		assert.equal(bins.reduce((n, b) => n + b.messages, 0), 10);
		assert.equal(bins.reduce((n, b) => n + b.failed, 0), 4);
		assert.ok(bins.length >= 30 && bins.length <= 32, `${bins.length} bins of 2 minutes`);
		const previous = readDimension('country', p.previousCountry.rows!);
		assert.deepEqual(previous.map(c => [c.value, c.messages, c.failed]), [['US', 4, 0], ['CA', 2, 0]]);
		assert.deepEqual(biggestMovers(country, previous).map(m => [m.value, Math.round(m.change)]), [['CA', 100], ['GB', 50], ['US', 20], ['DE', 0]]);
		// The movers of every breakdown, each from its own query over the hour before (all A, TRANSACTIONAL, DELIVERED).
		const movers = readDashboard(p, HOUR).movers;
		const moved = (list: Mover[] | undefined) => list?.map(m => [m.value, Math.round(m.change), m.worse]);
		assert.deepEqual(moved(movers.country), [['CA', 100, true], ['GB', 50, true], ['US', 20, true], ['DE', 0, false]]);
		assert.deepEqual(moved(movers.origination), [[B, 50, true], [A, 33, true]]);
		assert.deepEqual(moved(movers.messageType), [['TRANSACTIONAL', 43, true], ['PROMOTIONAL', 33, true]]);
		// A final status moves by its share of all messages: delivered 100% → 60% is for the worse.
		assert.deepEqual(moved(movers.status), [['DELIVERED', -40, true], ['CARRIER_UNREACHABLE', 20, true], ['BLOCKED', 10, true], ['TTL_EXPIRED', 10, true]]);
		assert.equal(describeMover(movers.status![0]), 'DELIVERED 100% → 60.0% of msgs (-40 pp), 6 → 6 msg');
		assert.equal(p.previousOrigination.range.endTime, p.origination.range.startTime - 1);
		// What Logs Insights bills: every panel scanned the window's records (20 events now, 12 before).
		for (const panel of Object.values(p)) assert.ok((panel.statistics?.bytesScanned ?? 0) > 0, panel.query.id);
		assert.equal(p.status.statistics?.recordsScanned, 20);
		assert.equal(p.status.statistics?.recordsMatched, 10);
		assert.equal(totalBytesScanned(run), Object.values(p).reduce((n, x) => n + x.statistics!.bytesScanned, 0));
		assert.match(p.country.cli, /^aws logs start-query --log-group-name insights-unit --start-time \d+ --end-time \d+ --query-string 'filter isFinal = 1 \| stats count\(\*\) as messages/);
		assert.ok(updates.some(u => u.panels.status.status === 'Scheduled'), 'progress is reported before the end');
	});

	test('at most `concurrency` queries run at once', async () => {
		await admin('holdInsightsQueries', {enabled: true, afterRecords: 0});
		let most = 0;
		let updates = 0;
		let whileHeld: InsightsRun | undefined;
		const done = runInsights(clients, {logGroup: GROUP, window: HOUR, now: NOW, concurrency: 2, ...fast}, r => {
			const active = Object.values(r.panels).filter(x => x.status === 'Scheduled' || x.status === 'Running').length;
			most = Math.max(most, active);
			updates++;
			whileHeld = r;
		});
		// Both held queries polled many times over: a third would have started by now.
		await waitFor(() => most === 2 && updates > 20, 'two queries polled while held');
		// Eleven panels (seven over this hour, four over the hour before): two held, nine waiting their turn.
		assert.deepEqual(Object.values(whileHeld!.panels).filter(p => p.status === 'Waiting').length, 9);
		await admin('holdInsightsQueries', {enabled: false});
		assert.ok(isComplete(await done));
		assert.equal(most, 2);
	});

	test('partial statistics while a query runs, then the complete answer', async () => {
		await admin('holdInsightsQueries', {enabled: true, afterRecords: 3});
		const updates: InsightsRun[] = [];
		const done = runInsights(clients, {logGroup: GROUP, window: HOUR, now: NOW, panels: ['status'], ...fast}, r => updates.push(r));
		await waitFor(() => updates.some(u => u.panels.status.status === 'Running' && u.panels.status.statistics?.recordsScanned === 3), 'a Running answer with 3 records scanned');
		await admin('holdInsightsQueries', {enabled: false});
		const run = await done;
		assert.equal(run.panels.status.status, 'Complete');
		assert.equal(readTotals(run.panels.status.rows!).messages, 10);
	});

	test('aborting stops the running queries (StopQuery): they end Cancelled', async () => {
		await admin('holdInsightsQueries', {enabled: true, afterRecords: 0});
		const controller = new AbortController();
		let last: InsightsRun | undefined;
		const done = runInsights(clients, {logGroup: GROUP, window: HOUR, now: NOW, concurrency: 3, signal: controller.signal, ...fast}, r => (last = r));
		await waitFor(() => last && Object.values(last.panels).filter(p => p.status === 'Scheduled').length === 3, 'three queries scheduled');
		const ids = Object.values(last!.panels).flatMap(p => (p.queryId ? [p.queryId] : []));
		controller.abort();
		await assert.rejects(done, error => isAbort(error));
		await admin('holdInsightsQueries', {enabled: false});
		const described = await clients.logs.send(new DescribeQueriesCommand({logGroupName: GROUP}));
		for (const id of ids) assert.equal(described.queries?.find(q => q.queryId === id)?.status, 'Cancelled', id);
		assert.equal(described.queries?.filter(q => q.status === 'Running' || q.status === 'Scheduled').length, 0);
	});

	test('a missing log group fails every panel with the reason; none throws', async () => {
		const run = await runInsights(clients, {logGroup: 'no-such-group', window: HOUR, panels: ['status', 'price'], ...fast});
		assert.equal(run.panels.status.status, 'Error');
		assert.match(run.panels.status.error!, /no-such-group|does not exist|not found/i);
	});

	test('sends to simulator numbers are counted by the service once their final events land', async () => {
		const sends = [
			['+14254147755', 'delivered'],
			['+14254147755', 'delivered'],
			['+14254147167', 'failed'],
		];
		const start = Date.now();
		for (const [destination] of sends) {
			await clients.sms.send(new SendTextMessageCommand({DestinationPhoneNumber: destination, OriginationIdentity: '+12065550100', MessageBody: 'insights', ConfigurationSetName: 'smsdeck-simulator'}));
		}
		const run = await waitFor(async () => {
			const r = await runInsights(clients, {logGroup: 'smsdeck-simulator-events', window: findWindow('15m')!, now: Date.now() + 1000, panels: ['status', 'country', 'latency'], ...fast});
			return readTotals(r.panels.status.rows ?? []).messages >= 3 ? r : undefined;
		}, 'three final events', 10_000);
		const totals = readTotals(run.panels.status.rows!);
		assert.deepEqual([totals.messages, totals.delivered, totals.failed], [3, 2, 1]);
		assert.deepEqual(readDimension('country', run.panels.country.rows!).map(c => [c.value, c.messages, c.failed]), [['US', 3, 1]]);
		const latency = readLatency(run.panels.latency.rows!);
		assert.ok(latency.p50! >= 0 && latency.p99! <= Date.now() - start, JSON.stringify(latency));
	});
});
