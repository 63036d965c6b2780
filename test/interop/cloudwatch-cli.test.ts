// Interop: the pip AWS CLI v1 (`aws cloudwatch …`, which speaks awsJson 1.0 to CloudWatch, as the SDK v3 does)
// against the emulator's CloudWatch metrics, agreeing with smsdeck's own reading through the SDK.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {isolatedCliEnv, run} from '../helpers/awsCli.js';
import {createClients, type Clients} from '../../source/services/clients.js';
import {Health} from '../../source/services/health.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {monthToDateQuery, monthToDateSpend} from '../../source/services/spendMetricsService.js';

const {env, cleanup} = isolatedCliEnv('smsdeck-awscli-cw');

const SIM = '+12065550100';
const SUCCESS = '+14254147755';

let emulator: RunningEmulator;
let clients: Clients;
before(async () => {
	emulator = await startEmulator({port: 0, seed: 'default', eventDelayMs: 5, quiet: true});
	clients = await createClients({region: 'us-east-1', endpoint: emulator.url, local: true}, {limiter: new RateLimiter(), health: new Health(), env: {}});
});
after(async () => {
	clients.destroy();
	await emulator.close();
	cleanup();
});

async function aws(...args: string[]): Promise<any> {
	const {stdout} = await run('aws', ['--endpoint-url', emulator.url, '--output', 'json', ...args], {env, timeout: 30_000});
	return stdout.trim() === '' ? {} : JSON.parse(stdout);
}

async function awsFails(...args: string[]): Promise<string> {
	const error = await aws(...args).then(
		() => assert.fail(`aws ${args.join(' ')} succeeded`),
		(e: {stderr?: string}) => e,
	);
	return String(error.stderr);
}

test('aws cloudwatch get-metric-data and list-metrics after sends made with the CLI agree with smsdeck’s month-to-date spend', async () => {
	for (const body of ['one', 'two']) {
		await aws('pinpoint-sms-voice-v2', 'send-text-message', '--destination-phone-number', SUCCESS, '--origination-identity', SIM, '--message-body', body);
	}
	await aws('pinpoint-sms-voice-v2', 'send-voice-message', '--destination-phone-number', SUCCESS, '--origination-identity', SIM, '--message-body', 'three');

	const ours = await monthToDateSpend(clients);
	assert.ok(ours.text > 0 && ours.voice > 0, 'the sends were charged');
	const {from, queries} = monthToDateQuery(new Date());
	const end = new Date(Date.now() + 60_000).toISOString();
	const out = await aws('cloudwatch', 'get-metric-data', '--metric-data-queries', JSON.stringify(queries), '--start-time', from.toISOString(), '--end-time', end);
	const byId = Object.fromEntries(out.MetricDataResults.map((r: {Id: string}) => [r.Id, r]));
	assert.deepEqual(byId.text.Values, [ours.text]);
	assert.deepEqual(byId.voice.Values, [ours.voice]);
	assert.deepEqual(byId.media.Values, []);
	assert.equal(byId.text.StatusCode, 'Complete');
	const stamp = byId.text.Timestamps[0];
	assert.equal(typeof stamp === 'number' ? stamp * 1000 : Date.parse(stamp), from.getTime(), 'one period, from the start of the month');

	// The command smsdeck shows for this reading runs as it stands (its end time is the moment smsdeck read).
	const shown = ours.cli.replace(/^aws /, '').match(/'[^']*'|\S+/g)!.map(w => w.replace(/^'(.*)'$/, '$1'));
	const again = await run('aws', ['--output', 'json', ...shown], {env, timeout: 30_000});
	assert.deepEqual(JSON.parse(again.stdout).MetricDataResults.find((r: {Id: string}) => r.Id === 'text').Values, [ours.text]);

	const listed = await aws('cloudwatch', 'list-metrics', '--namespace', 'AWS/SMSVoice');
	assert.deepEqual(listed.Metrics.map((m: {MetricName: string}) => m.MetricName).sort(), ['TextMessageMonthlySpend', 'VoiceMessageMonthlySpend']);
	assert.deepEqual(listed.Metrics[0].Dimensions, []);
});

test('the CLI reads the service’s errors by their query-protocol codes', async () => {
	const window = ['--start-time', new Date(Date.now() - 3600_000).toISOString(), '--end-time', new Date().toISOString()];
	const expression = JSON.stringify([{Id: 'm', Expression: 'SUM(METRICS())'}]);
	assert.match(await awsFails('cloudwatch', 'get-metric-data', '--metric-data-queries', expression, ...window), /\(InvalidParameterValue\).*expressions are not supported/);
	// The model's pattern for Namespace (the CLI checks lengths and ranges itself, not patterns).
	const query = JSON.stringify([{Id: 'q', MetricStat: {Metric: {Namespace: ':SMSVoice', MetricName: 'TextMessageMonthlySpend'}, Period: 60, Stat: 'Maximum'}}]);
	assert.match(await awsFails('cloudwatch', 'get-metric-data', '--metric-data-queries', query, ...window), /\(ValidationError\).*regular expression pattern/);
	const good = query.replace(':SMSVoice', 'AWS/SMSVoice');
	assert.match(
		await awsFails('cloudwatch', 'get-metric-data', '--metric-data-queries', good, ...window, '--next-token', 'bm9wZQ'),
		/\(InvalidNextToken\)/,
	);
});
