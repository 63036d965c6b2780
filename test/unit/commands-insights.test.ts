// `smsdeck insights` in-process against the emulator: the summary and a breakdown as text and JSON, counted by
// Logs Insights over the known data of test/helpers/insightsData.ts; bad input and a set without a usable
// CloudWatch Logs destination exit 2 before any query.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import {fillInsightsData, INSIGHTS_SET} from '../helpers/insightsData.js';
import {UsageError} from '../../source/commands/types.js';
import {run as insights} from '../../source/commands/insights.js';

const bench = commandBench('insights');
// Filled on the first call (the bench's emulator starts in its own before hook).
let filled: Promise<void> | undefined;
const call: typeof bench.call = async (...args) => {
	filled ??= fillInsightsData(bench.emulator.url);
	await filled;
	return bench.call(...args);
};

test('the summary and the final statuses: counts, rates, latency percentiles, price, bytes scanned', async () => {
	const r = await call(insights, ['--config-set', INSIGHTS_SET, '--since', '1h']);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /Configuration set: +smsdeck-simulator \(log group smsdeck-simulator-events\)/);
	assert.match(r.out, /Messages: +10\n/);
	assert.match(r.out, /Delivered: +3 \(30\.0%\)/);
	assert.match(r.out, /Failed: +7 \(70\.0%\)/);
	assert.match(r.out, /Latency: +p50 20 s · p95 60 s · p99 60 s/);
	assert.match(r.out, /Total price: +\$0\.08324/);
	// The summary's three queries, and the final statuses over the hour before for the movers.
	assert.match(r.out, /Scanned: +[\d.]+ (B|KB) in 4 Logs Insights queries/);
	assert.match(r.out, /CARRIER_UNREACHABLE +4 +4 +100%/);
	assert.match(r.out, /DELIVERED +3 +0 +0%/);
	// Movers: nothing in the hour before, so every final status is new, by its share of the messages.
	assert.match(r.out, /\nMovers by final status against the previous 1h \(\S+ → \S+\):\n  CARRIER_UNREACHABLE new: 4 msg, 40\.0% of msgs\n  DELIVERED new: 3 msg, 30\.0% of msgs\n/);
	// This month's spend: the four simulator sends on SMS; MMS and voice at $0 (no metric yet), each against its limit.
	assert.match(r.out, /Spend this month: +SMS \$0\.0\d of \$1 \(\d\.\d%\) · MMS \$0 of \$1 \(0\.0%\) · Voice \$0 of \$1 \(0\.0%\)\n/);
});

test('--by country --json: the rows and each query with its statistics and aws command', async () => {
	const r = await call(insights, ['--config-set', INSIGHTS_SET, '--by', 'country'], {json: true});
	assert.equal(r.code, 0, r.err);
	const json = JSON.parse(r.out);
	assert.equal(json.Since, '24h');
	assert.deepEqual([json.Messages, json.Delivered, json.Failed, json.FailedPercent], [10, 3, 7, 70]);
	assert.deepEqual(json.LatencyMs, {p50: 20_000, p95: 60_000, p99: 60_000});
	assert.deepEqual(json.Rows, [
		{Value: 'US', Messages: 4, Failed: 1},
		{Value: 'CA', Messages: 3, Failed: 3},
		{Value: 'GB', Messages: 2, Failed: 2},
		{Value: 'FR', Messages: 1, Failed: 1},
	]);
	// Movers: every country is new (nothing the day before); the biggest rise of the failure rate first.
	assert.deepEqual(json.Movers[0], {Value: 'CA', Messages: 3, PreviousMessages: 0, Measure: 'FailedPercent', Percent: 100, PreviousPercent: null, ChangePoints: 100, Worse: true});
	assert.deepEqual(json.Movers.map((m: {Value: string}) => m.Value), ['CA', 'GB', 'FR', 'US']);
	assert.deepEqual(json.Queries.map((q: {Panel: string}) => q.Panel), ['status', 'country', 'latency', 'price', 'previousCountry']);
	for (const q of json.Queries) {
		assert.equal(q.Status, 'Complete');
		// The day before holds no events: that query scans nothing.
		assert.equal(q.Statistics.bytesScanned > 0, q.Panel !== 'previousCountry', q.Panel);
		assert.match(q.Command, /^aws logs start-query --log-group-name smsdeck-simulator-events --start-time \d+ --end-time \d+ --query-string /);
	}
	assert.deepEqual(
		json.MonthToDateSpend.map((c: {Channel: string; Spent: number; EnforcedLimit: number}) => [c.Channel, c.Spent > 0, c.EnforcedLimit]),
		[['SMS', true, 1], ['MMS', false, 1], ['Voice', false, 1]],
	);
	assert.equal(json.BytesScanned, json.Queries.reduce((n: number, q: {Statistics: {bytesScanned: number}}) => n + q.Statistics.bytesScanned, 0));
});

test('without --config-set: the only set with its events in CloudWatch Logs, or the list to choose from', async () => {
	const r = await call(insights, ['--by', 'type']);
	assert.equal(r.code, 2);
	assert.match(r.err, /name the configuration set with --config-set \(.*smsdeck-simulator.*\)/);
});

test('bad input exits 2 before any query; a set without a usable destination too', async () => {
	await assert.rejects(call(insights, ['--since', '30']), UsageError);
	await assert.rejects(call(insights, ['--since', '200d']), UsageError);
	await assert.rejects(call(insights, ['--by', 'planet']), UsageError);
	const missing = await call(insights, ['--config-set', 'no-such-set']);
	assert.equal(missing.code, 2);
	assert.match(missing.err, /configuration set "no-such-set" not found in us-east-1/);
	const staging = await call(insights, ['--config-set', 'staging']);
	assert.equal(staging.code, 2);
	assert.match(staging.err, /staging-cwl is disabled; fix: aws pinpoint-sms-voice-v2 update-event-destination/);
});
