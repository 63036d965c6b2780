// The insights dashboard's pure parts: windows and their bins, reading rows, movers, and the words and marks the
// console shows; and the :insights argument.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	describeMover,
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
	assert.equal(describeMover({value: 'CA', messages: 10, previousMessages: 20, failRate: 30, previousFailRate: 5, change: 25}), 'CA 5.0% → 30.0% failed (+25 pp), 20 → 10 msg');
	assert.equal(describeMover({value: 'FR', messages: 0, previousMessages: 3, previousFailRate: 0, change: 0}), 'FR gone (was 3 msg)');
});

test(':insights [set] [--window 15m|1h|24h|7d]', () => {
	assert.deepEqual(parseInsightsCommand('orders --window 24h'), {ok: true, route: {name: 'insights', configSet: 'orders', window: '24h'}});
	assert.deepEqual(parseInsightsCommand(undefined), {ok: true, route: {name: 'insights'}});
	assert.match((parseInsightsCommand('orders --window 2h') as {reason: string}).reason, /takes 15m, 1h, 24h, 7d, not "2h"/);
	assert.match((parseInsightsCommand('a b') as {reason: string}).reason, /Usage/);
	assert.match((parseInsightsCommand('--since 1h') as {reason: string}).reason, /takes --window, not --since/);
});
