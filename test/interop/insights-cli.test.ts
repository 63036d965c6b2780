// Interop: `smsdeck insights --json` and the pip AWS CLI v1 count the same. Each query smsdeck ran is run again
// exactly as it printed it (its `aws logs start-query …` command, through a shell), then `aws logs
// get-query-results` until it ends; the CLI's rows give the same messages, failures, latency percentiles and
// breakdown as smsdeck's JSON.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {run as insights} from '../../source/commands/insights.js';
import {isolatedCliEnv, run} from '../helpers/awsCli.js';
import {runCommand} from '../helpers/commands.js';
import {fillInsightsData, INSIGHTS_SET} from '../helpers/insightsData.js';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const cli = isolatedCliEnv('smsdeck-insights-interop');
let emulator: RunningEmulator;
let configDir: string;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	configDir = mkdtempSync(join(tmpdir(), 'smsdeck-insights-interop-'));
	process.env.AWS_ACCESS_KEY_ID = 'test';
	process.env.AWS_SECRET_ACCESS_KEY = 'test';
	await fillInsightsData(emulator.url);
});
after(async () => {
	await emulator.close();
	rmSync(configDir, {recursive: true, force: true});
	cli.cleanup();
});

type Row = Record<string, string>;

/** The printed command, run by a shell as a person would paste it; then get-query-results until it ends. */
async function viaCli(command: string): Promise<Row[]> {
	const full = `${command}${command.includes('--endpoint-url') ? '' : ` --endpoint-url ${emulator.url}`} --output json`;
	const {stdout} = await run('sh', ['-c', full], {env: cli.env, timeout: 30_000});
	const {queryId} = JSON.parse(stdout);
	for (const deadline = Date.now() + 20_000; ; ) {
		const answer = JSON.parse((await run('aws', ['--endpoint-url', emulator.url, '--output', 'json', 'logs', 'get-query-results', '--query-id', queryId], {env: cli.env, timeout: 30_000})).stdout);
		if (answer.status === 'Complete') return (answer.results as {field: string; value: string}[][]).map(r => Object.fromEntries(r.map(f => [f.field, f.value])));
		if (answer.status !== 'Scheduled' && answer.status !== 'Running') throw new Error(`${answer.status}: ${command}`);
		if (Date.now() > deadline) throw new Error(`did not end: ${command}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

test('the queries smsdeck prints, run with aws logs start-query / get-query-results, give the numbers smsdeck shows', async () => {
	const r = await runCommand(insights, ['--config-set', INSIGHTS_SET, '--by', 'country', '--since', '1h'], {endpointUrl: emulator.url, configDir, globals: {json: true}});
	assert.equal(r.code, 0, r.err);
	const ours = JSON.parse(r.out);
	const command = (panel: string) => ours.Queries.find((q: {Panel: string}) => q.Panel === panel).Command as string;

	const statuses = await viaCli(command('status'));
	const messages = statuses.reduce((n, row) => n + Number(row.messages), 0);
	assert.equal(messages, ours.Messages);
	assert.equal(Number(statuses.find(row => row.messageStatus === 'DELIVERED')?.messages), ours.Delivered);
	assert.equal(messages - ours.Delivered, ours.Failed, 'every other final status here is a failure');

	const countries = await viaCli(command('country'));
	assert.deepEqual(
		countries.map(row => ({Value: row.isoCountryCode, Messages: Number(row.messages), Failed: Number(row.failed)})),
		ours.Rows,
	);

	const [latency] = await viaCli(command('latency'));
	assert.deepEqual({p50: Number(latency.p50), p95: Number(latency.p95), p99: Number(latency.p99)}, ours.LatencyMs);
	const [price] = await viaCli(command('price'));
	assert.equal(Number(price.price), ours.TotalPrice);
	// And the known answers, so that both cannot be wrong together.
	assert.deepEqual([ours.Messages, ours.Delivered, ours.Failed, ours.LatencyMs.p50, ours.LatencyMs.p99], [10, 3, 7, 20_000, 60_000]);
});
