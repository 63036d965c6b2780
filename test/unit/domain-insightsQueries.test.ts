// The insights dashboard's pure parts: windows and their bins, reading rows, movers, and the words and marks the
// console shows; and the :insights argument.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	PREVIOUS_PANEL,
	biggestMovers,
	describeMover,
	insightsQueries,
	findWindow,
	formatBytes,
	formatLatency,
	formatPercent,
	nextWindow,
	readBins,
	readTotals,
	sparkline,
	windowOf,
	windowRanges,
} from '../../source/domain/insightsQueries.js';
import {parseInsightsCommand} from '../../source/app/insightsCommand.js';
import {moversLines} from '../../source/views/InsightsView.js';

test('windows: t cycles 15m → 1h → 24h → 7d → 15m; any --since gets at most 40 bins of a round width', () => {
	assert.deepEqual(['15m', '1h', '24h', '7d'].map(w => nextWindow(w as never)), ['1h', '24h', '7d', '15m']);
	assert.equal(windowOf(3 * 3_600_000, '3h').bin, '5m');
	assert.equal(windowOf(90 * 86_400_000, '90d').bin, '1w');
	const {current, previous} = windowRanges(findWindow('1h')!, Date.UTC(2025, 0, 1, 12));
	assert.deepEqual(current, {startTime: Date.UTC(2025, 0, 1, 11) / 1000, endTime: Date.UTC(2025, 0, 1, 12) / 1000});
	assert.equal(previous.endTime, current.startTime - 1);
});

test('rows: statuses by outcome; bins the query left out (nothing in them) are zero', () => {
	const totals = readTotals([{messageStatus: 'DELIVERED', messages: '8'}, {messageStatus: 'BLOCKED', messages: '1'}, {messageStatus: 'UNKNOWN', messages: '1'}, {messages: '2'}]);
	assert.deepEqual([totals.messages, totals.delivered, totals.failed, totals.other], [12, 8, 2, 2]);
	const bins = readBins([{bin: '2025-01-01 11:02:00.000', messages: '3', failed: '1', p95: '900'}], {startTime: Date.UTC(2025, 0, 1, 11) / 1000, endTime: Date.UTC(2025, 0, 1, 11, 6) / 1000}, 120_000);
	assert.deepEqual(bins.map(b => b.messages), [0, 3, 0, 0]);
	assert.equal(bins[1].p95, 900);
});

test('words and marks: percent, latency, bytes, sparkline, movers', () => {
	assert.deepEqual([formatPercent(0, 5), formatPercent(5, 5), formatPercent(995, 1000), formatPercent(1, 0)], ['0%', '100%', '99.5%', '–']);
	assert.deepEqual([formatLatency(850), formatLatency(2400), formatLatency(60_000), formatLatency(185_000), formatLatency(undefined)], ['850 ms', '2.4 s', '60 s', '3 m 5 s', '–']);
	assert.deepEqual([formatBytes(512), formatBytes(1536), formatBytes(5 * 2 ** 30)], ['512 B', '1.5 KB', '5.0 GB']);
	assert.equal(sparkline([0, 1, 2, 4, undefined]), '▁▃▅█ ');
	assert.equal(sparkline([0, 0]), '▁▁');
	assert.equal(sparkline([0, 4], true), '_@');
	const mover = {dimension: 'country', measure: 'failed', worse: true} as const;
	assert.equal(describeMover({...mover, value: 'CA', messages: 10, previousMessages: 20, rate: 30, previousRate: 5, change: 25}), 'CA 5.0% → 30.0% failed (+25 pp), 20 → 10 msg');
	assert.equal(describeMover({...mover, value: 'FR', messages: 0, previousMessages: 3, previousRate: 0, change: 0}), 'FR gone (was 3 msg)');
	assert.equal(describeMover({...mover, dimension: 'status', measure: 'share', value: 'BLOCKED', messages: 4, previousMessages: 0, rate: 40, change: 40}), 'BLOCKED new: 4 msg, 40.0% of msgs');
});

test('movers: an origination identity or message type by its failure rate, a final status by its share of all messages', () => {
	const cell = (dimension: 'origination' | 'status', value: string, messages: number, failed: number) => ({dimension, value, messages, failed});
	const origination = biggestMovers([cell('origination', '+1206', 10, 5), cell('origination', '+1425', 10, 0)], [cell('origination', '+1206', 10, 0), cell('origination', '+1425', 20, 2)]);
	assert.deepEqual(origination.map(m => [m.value, m.measure, m.change, m.worse]), [['+1206', 'failed', 50, true], ['+1425', 'failed', -10, false]]);
	// 90 of 100 delivered before, 50 of 100 now: DELIVERED lost 40 points of share (worse), BLOCKED gained them (worse).
	const status = biggestMovers([cell('status', 'DELIVERED', 50, 0), cell('status', 'BLOCKED', 50, 50)], [cell('status', 'DELIVERED', 90, 0), cell('status', 'BLOCKED', 10, 10)]);
	assert.deepEqual(status.map(m => [m.value, m.measure, m.change, m.worse]), [['BLOCKED', 'share', 40, true], ['DELIVERED', 'share', -40, true]]);
	assert.equal(describeMover(status[0]), 'BLOCKED 10.0% → 50.0% of msgs (+40 pp), 10 → 50 msg');
	// Nothing moved: no movers.
	assert.deepEqual(biggestMovers([cell('status', 'DELIVERED', 5, 0)], [cell('status', 'DELIVERED', 5, 0)]), []);
});

test('the dashboard runs every breakdown again over the previous window, by the same query', () => {
	const queries = insightsQueries(findWindow('1h')!);
	for (const dimension of ['status', 'country', 'origination', 'messageType'] as const) {
		const previous = queries.find(q => q.id === PREVIOUS_PANEL[dimension])!;
		assert.equal(previous.range, 'previous');
		assert.equal(previous.queryString, queries.find(q => q.id === dimension)!.queryString);
	}
	assert.equal(queries.length, 11);
});

test(':insights [set] [--window 15m|1h|24h|7d]', () => {
	assert.deepEqual(parseInsightsCommand('orders --window 24h'), {ok: true, route: {name: 'insights', configSet: 'orders', window: '24h'}});
	assert.deepEqual(parseInsightsCommand(undefined), {ok: true, route: {name: 'insights'}});
	assert.match((parseInsightsCommand('orders --window 2h') as {reason: string}).reason, /takes 15m, 1h, 24h, 7d, not "2h"/);
	assert.match((parseInsightsCommand('a b') as {reason: string}).reason, /Usage/);
	assert.match((parseInsightsCommand('--since 1h') as {reason: string}).reason, /takes --window, not --since/);
});

test('the movers in the view: a heading and a line per breakdown, or one line with the biggest of each when space is short', () => {
	const ca = {dimension: 'country', measure: 'failed', value: 'CA', messages: 3, previousMessages: 1, rate: 100, previousRate: 0, change: 100, worse: true} as const;
	const transactional = {...ca, dimension: 'messageType', value: 'TRANSACTIONAL', rate: 0, previousRate: 10, change: -10, worse: false} as const;
	const movers = {country: [ca], messageType: [transactional], status: []};
	const full = moversLines(movers, '1h', true);
	assert.deepEqual(full.map(l => l.text), [
		' Movers vs the previous 1h',
		'   Country       CA 0% → 100% failed (+100 pp), 1 → 3 msg',
		'   Origination   …',
		'   Message type  TRANSACTIONAL 10.0% → 0% failed (-10 pp), 1 → 3 msg',
		'   Final status  none',
	]);
	// A rise of the failure rate is in the warning tone; a fall is not.
	assert.deepEqual(full.map(l => l.tone), ['muted', 'warn', 'muted', undefined, 'muted']);
	const short = moversLines(movers, '1h', false);
	assert.equal(short.length, 1);
	assert.equal(short[0].text, ' Movers vs the previous 1h: country CA 0% → 100% failed (+100 pp), 1 → 3 msg · origination … · message type TRANSACTIONAL 10.0% → 0% failed (-10 pp), 1 → 3 msg · final status none');
});
