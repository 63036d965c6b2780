// Interop: Logs Insights through the pip AWS CLI v1 (`aws logs start-query` / `get-query-results`) against the
// emulator gives the same rows and statistics as the SDK v3 client; and, side by side with moto's CloudWatch Logs
// (python3 -m moto.server), where moto's StartQuery goes as far.
//
// How far moto goes (moto 5.x, moto/logs/logs_query): it reads only `fields`, `sort` and `limit` (filter and stats
// are ignored: every event in the time range comes back), answers Complete at once with no statistics, shows
// @timestamp as epoch milliseconds (the service shows `2024-05-19 06:10:35.743`) and @ptr as a counter. So the
// two are compared on the messages a fields/sort/limit query returns; for stats the emulator is held to the
// known answer and the test notes what moto gave.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CloudWatchLogsClient,
	CreateLogGroupCommand,
	CreateLogStreamCommand,
	GetQueryResultsCommand,
	PutLogEventsCommand,
	StartQueryCommand,
	type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {isolatedCliEnv, run} from '../helpers/awsCli.js';
import {hasMoto, startMoto, type RunningMoto} from '../helpers/moto.js';

const GROUP = '/interop/insights';
const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
const cli = isolatedCliEnv('smsdeck-insights');

// Twelve SMS event records over 40 minutes in two streams: 4 countries, one failure in three.
const T0 = Math.floor((Date.now() - 2 * 60 * 60 * 1000) / 600_000) * 600_000;
const COUNTRIES = ['US', 'CA', 'GB', 'DE'];
const EVENTS = Array.from({length: 12}, (_, i) => {
	const at = T0 + i * 200_000;
	const failed = i % 3 === 2;
	return {
		stream: i % 2 === 0 ? 'sms-voice/cs/a' : 'sms-voice/cs/b',
		timestamp: at,
		message: JSON.stringify({
			eventType: failed ? 'TEXT_CARRIER_UNREACHABLE' : 'TEXT_DELIVERED',
			eventTimestamp: at,
			isFinal: true,
			isoCountryCode: COUNTRIES[i % 4],
			messageId: `msg-${i}`,
			messageRequestTimestamp: at - 100 * (i + 1),
			messageStatus: failed ? 'CARRIER_UNREACHABLE' : 'DELIVERED',
			totalMessagePrice: 0.00581 * (1 + (i % 4)),
		}),
	};
});
const WINDOW = {startTime: Math.floor(T0 / 1000), endTime: Math.floor(T0 / 1000) + 3600};

async function load(client: CloudWatchLogsClient): Promise<void> {
	await client.send(new CreateLogGroupCommand({logGroupName: GROUP}));
	for (const stream of new Set(EVENTS.map(e => e.stream))) {
		await client.send(new CreateLogStreamCommand({logGroupName: GROUP, logStreamName: stream}));
		const logEvents = EVENTS.filter(e => e.stream === stream).map(({timestamp, message}) => ({timestamp, message}));
		await client.send(new PutLogEventsCommand({logGroupName: GROUP, logStreamName: stream, logEvents}));
	}
}

interface Answer {
	status?: string;
	results?: ResultField[][];
	statistics?: {recordsMatched?: number; recordsScanned?: number; bytesScanned?: number};
}

/** Polls until the query has ended; fails after 20 s. */
async function untilEnded(poll: () => Promise<Answer>): Promise<Answer> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const answer = await poll();
		if (answer.status !== 'Scheduled' && answer.status !== 'Running') return answer;
		if (Date.now() > deadline) throw new Error('the query did not end within 20 s');
		await new Promise(r => setTimeout(r, 20));
	}
}

async function viaSdk(client: CloudWatchLogsClient, queryString: string): Promise<Answer> {
	const {queryId} = await client.send(new StartQueryCommand({logGroupName: GROUP, ...WINDOW, queryString}));
	return untilEnded(() => client.send(new GetQueryResultsCommand({queryId})));
}

async function aws(endpoint: string, ...args: string[]): Promise<any> {
	const {stdout} = await run('aws', ['--endpoint-url', endpoint, '--output', 'json', 'logs', ...args], {env: cli.env, timeout: 30_000});
	return JSON.parse(stdout);
}

async function viaCli(endpoint: string, queryString: string): Promise<Answer> {
	const {queryId} = await aws(endpoint, 'start-query', '--log-group-name', GROUP, '--start-time', String(WINDOW.startTime), '--end-time', String(WINDOW.endTime), '--query-string', queryString);
	assert.match(queryId, /^[0-9a-f-]{36}$/);
	return untilEnded(() => aws(endpoint, 'get-query-results', '--query-id', queryId));
}

const rows = (answer: Answer) => (answer.results ?? []).map(row => Object.fromEntries(row.map(f => [f.field, f.value])));

const QUERIES = [
	'stats count(*) as messages, sum(totalMessagePrice) as spend by isoCountryCode | sort isoCountryCode asc',
	'filter isFinal = 1 | stats sum(messageStatus = "DELIVERED") / count(*) * 100 as delivered, count(*) as final by bin(10m) as slot | sort slot asc',
	'fields eventTimestamp - messageRequestTimestamp as latency | stats pct(latency, 50) as p50, pct(latency, 95) as p95, avg(latency), max(latency)',
	'filter messageStatus != "DELIVERED" | fields @timestamp, messageId, isoCountryCode, @logStream | sort @timestamp desc | limit 3',
];

let emulator: RunningEmulator;
let sdk: CloudWatchLogsClient;
before(async () => {
	emulator = await startEmulator({port: 0, seed: 'empty', quiet: true});
	sdk = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1});
	await load(sdk);
});
after(async () => {
	sdk.destroy();
	await emulator.close();
	cli.cleanup();
});

test('aws logs start-query / get-query-results answer the same rows and statistics as the SDK', async () => {
	for (const queryString of QUERIES) {
		const [fromSdk, fromCli] = await Promise.all([viaSdk(sdk, queryString), viaCli(emulator.url, queryString)]);
		assert.equal(fromCli.status, 'Complete', queryString);
		assert.equal(fromSdk.status, 'Complete', queryString);
		assert.deepEqual(rows(fromCli), rows(fromSdk), queryString);
		assert.ok(rows(fromSdk).length > 0, queryString);
		for (const key of ['recordsMatched', 'recordsScanned', 'bytesScanned'] as const) {
			assert.equal(fromCli.statistics?.[key], fromSdk.statistics?.[key], `${queryString}: ${key}`);
		}
		assert.equal(fromSdk.statistics?.recordsScanned, 12);
	}
	// The numbers a dashboard shows, known in advance: 3 messages per country, every third one failed.
	const byCountry = rows(await viaCli(emulator.url, QUERIES[0]));
	assert.deepEqual(byCountry.map(r => [r.isoCountryCode, r.messages]), [['CA', '3'], ['DE', '3'], ['GB', '3'], ['US', '3']]);
	assert.deepEqual(byCountry.map(r => r.spend), ['0.03486', '0.06972', '0.05229', '0.01743']);
	const failures = rows(await viaCli(emulator.url, QUERIES[3]));
	assert.deepEqual(failures.map(r => r.messageId), ['msg-11', 'msg-8', 'msg-5']);
});

test('a malformed query is refused by the CLI with MalformedQueryException', async () => {
	const error = await aws(emulator.url, 'start-query', '--log-group-name', GROUP, '--start-time', '0', '--end-time', '1', '--query-string', 'stats count(* by x').catch(e => e);
	assert.match(String(error.stderr), /MalformedQueryException/);
});

test('side by side with moto: the messages of a fields/sort/limit query; where moto stops', {skip: hasMoto ? false : 'moto is not installed (pip install "moto[server]")'}, async t => {
	let moto: RunningMoto | undefined;
	const motoClient = () => new CloudWatchLogsClient({region: 'us-east-1', endpoint: moto!.url, credentials, maxAttempts: 1});
	try {
		moto = await startMoto();
		const client = motoClient();
		await load(client);
		const newest = 'fields @timestamp, @message | sort @timestamp desc | limit 3';
		const [ours, theirs] = await Promise.all([viaCli(emulator.url, newest), viaCli(moto.url, newest)]);
		const messages = (answer: Answer) => rows(answer).map(r => r['@message']);
		assert.deepEqual(messages(ours), messages(theirs));
		assert.deepEqual(messages(ours), EVENTS.slice(-3).reverse().map(e => e.message));
		// moto shows @timestamp as epoch milliseconds; the service (and the emulator) as a UTC date and time.
		assert.equal(rows(theirs)[0]['@timestamp'], String(EVENTS[11].timestamp));
		assert.equal(rows(ours)[0]['@timestamp'], new Date(EVENTS[11].timestamp).toISOString().replace('T', ' ').replace('Z', ''));
		// stats: the emulator counts; moto ignores the command (a diagnostic, not a failure: moto is not the reference).
		const stats = 'stats count(*) as n by isoCountryCode';
		const [ourStats, motoStats] = await Promise.all([viaCli(emulator.url, stats), viaCli(moto.url, stats)]);
		assert.equal(rows(ourStats).reduce((sum, r) => sum + Number(r.n), 0), 12);
		t.diagnostic(`moto for "${stats}": ${JSON.stringify(rows(motoStats).slice(0, 2))}… (${rows(motoStats).length} rows, statistics ${JSON.stringify(motoStats.statistics ?? null)})`);
		client.destroy();
	} finally {
		moto?.stop();
	}
});
