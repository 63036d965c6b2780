// CloudWatch Logs Insights in the emulator, driven by the real SDK v3 client over real HTTP: the query lifecycle,
// the query language subset with known answers over a small set of SMS event records, errors and the limits.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CloudWatchLogsClient,
	CreateLogGroupCommand,
	CreateLogStreamCommand,
	DescribeQueriesCommand,
	GetQueryResultsCommand,
	InvalidParameterException,
	LimitExceededException,
	MalformedQueryException,
	PutLogEventsCommand,
	ResourceNotFoundException,
	StartQueryCommand,
	StopQueryCommand,
	type GetQueryResultsCommandOutput,
	type StartQueryCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import {startLogsHarness, waitFor, type LogsHarness} from '../helpers/logsHarness.js';
const GROUP = 'sms-insights';

type Harness = LogsHarness;

// Eight events in two streams, 5-minute aligned so that bin(5m) has known counts: 4, 3 and 1.
const T0 = Math.floor((Date.now() - 60 * 60 * 1000) / 300_000) * 300_000;
interface Sms {
	id: string;
	at: number;
	type: string;
	country: string;
	status: string;
	price: number;
	latency: number;
	isFinal: boolean;
	campaign?: string;
}
const SMS: Array<Sms & {stream: string}> = [
	{stream: 'a', id: 'm1', at: 0, type: 'TEXT_DELIVERED', country: 'US', status: 'DELIVERED', price: 0.00581, latency: 1200, isFinal: true},
	{stream: 'a', id: 'm2', at: 60, type: 'TEXT_DELIVERED', country: 'US', status: 'DELIVERED', price: 0.00581, latency: 800, isFinal: true},
	{stream: 'a', id: 'm3', at: 120, type: 'TEXT_CARRIER_UNREACHABLE', country: 'CA', status: 'CARRIER_UNREACHABLE', price: 0.0075, latency: 3000, isFinal: true},
	{stream: 'a', id: 'm4', at: 400, type: 'TEXT_PENDING', country: 'GB', status: 'PENDING', price: 0.04, latency: 100, isFinal: false},
	{stream: 'b', id: 'm5', at: 30, type: 'TEXT_DELIVERED', country: 'GB', status: 'DELIVERED', price: 0.04, latency: 2000, isFinal: true},
	{stream: 'b', id: 'm6', at: 330, type: 'TEXT_BLOCKED', country: 'DE', status: 'BLOCKED', price: 0.09, latency: 500, isFinal: true, campaign: 'spring'},
	{stream: 'b', id: 'm8', at: 650, type: 'TEXT_DELIVERED', country: 'DE', status: 'DELIVERED', price: 0.09, latency: 1500, isFinal: true, campaign: 'spring'},
];
const PLAIN = {stream: 'b', at: 360, message: 'ERROR plain text, not JSON'};

function record(sms: Sms): string {
	const at = T0 + sms.at * 1000;
	return JSON.stringify({
		eventType: sms.type,
		eventVersion: '1.0',
		eventTimestamp: at,
		isFinal: sms.isFinal,
		originationPhoneNumber: '+12065550100',
		destinationPhoneNumber: '+14254147755',
		isoCountryCode: sms.country,
		messageId: sms.id,
		messageRequestTimestamp: at - sms.latency,
		messageStatus: sms.status,
		totalMessageParts: 1,
		totalMessagePrice: sms.price,
		...(sms.campaign ? {context: {campaign: sms.campaign}} : {}),
	});
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const WINDOW = {startTime: seconds(T0), endTime: seconds(T0) + 3600};

async function fill(h: Harness, group = GROUP): Promise<void> {
	await h.client.send(new CreateLogGroupCommand({logGroupName: group}));
	for (const stream of ['a', 'b']) {
		await h.client.send(new CreateLogStreamCommand({logGroupName: group, logStreamName: stream}));
		const events = [
			...SMS.filter(s => s.stream === stream).map(s => ({timestamp: T0 + s.at * 1000, message: record(s)})),
			...(PLAIN.stream === stream ? [{timestamp: T0 + PLAIN.at * 1000, message: PLAIN.message}] : []),
		].sort((x, y) => x.timestamp - y.timestamp);
		await h.client.send(new PutLogEventsCommand({logGroupName: group, logStreamName: stream, logEvents: events}));
	}
}

async function start(h: Harness, queryString: string, extra: Partial<StartQueryCommandInput> = {}): Promise<string> {
	const {queryId} = await h.client.send(new StartQueryCommand({logGroupName: GROUP, ...WINDOW, queryString, ...extra}));
	return queryId!;
}

const results = (h: Harness, queryId: string, extra: {maxItems?: number; nextToken?: string} = {}) =>
	h.client.send(new GetQueryResultsCommand({queryId, ...extra}));

async function untilEnded(h: Harness, queryId: string): Promise<GetQueryResultsCommandOutput> {
	return waitFor(async () => {
		const answer = await results(h, queryId);
		return answer.status === 'Scheduled' || answer.status === 'Running' ? undefined : answer;
	}, `query ${queryId} to end`, 10_000);
}

type Row = Record<string, string>;
const rowsOf = (answer: GetQueryResultsCommandOutput): Row[] => (answer.results ?? []).map(row => Object.fromEntries(row.map(f => [f.field!, f.value!])));
const withoutPtr = (rows: Row[]) => rows.map(({'@ptr': _ptr, ...rest}) => rest);

/** The rows of a query run to Complete. */
async function run(h: Harness, queryString: string, extra: Partial<StartQueryCommandInput> = {}): Promise<Row[]> {
	const answer = await untilEnded(h, await start(h, queryString, extra));
	assert.equal(answer.status, 'Complete', queryString);
	return rowsOf(answer);
}

/** `2025-01-01 12:05:00.000` for an offset in seconds from T0. */
const stamp = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000).toISOString().replace('T', ' ').replace('Z', '');

describe('Logs Insights queries', () => {
	let h: Harness;
	before(async () => {
		h = await startLogsHarness();
		await fill(h);
	});
	after(() => h.close());

	describe('lifecycle', () => {
		test('a query is not Complete on its first answer, then Complete with rows and statistics', async () => {
			const queryId = await start(h, 'stats count(*) as n');
			const first = await results(h, queryId);
			assert.ok(first.status === 'Scheduled' || first.status === 'Running', `first status ${first.status}`);
			assert.deepEqual(first.results, []);
			const done = await untilEnded(h, queryId);
			assert.equal(done.status, 'Complete');
			assert.deepEqual(rowsOf(done), [{n: '8'}]);
			const bytes = [...SMS.map(record), PLAIN.message].reduce((sum, m) => sum + Buffer.byteLength(m), 0);
			assert.equal(done.statistics?.recordsScanned, 8);
			assert.equal(done.statistics?.recordsMatched, 8);
			assert.equal(done.statistics?.bytesScanned, bytes);
		});

		test('while it scans, a query answers Running with partial statistics', async () => {
			await h.admin('holdInsightsQueries', {enabled: true, afterRecords: 3});
			try {
				const queryId = await start(h, 'filter isFinal = 1 | stats count(*)');
				const partial = await waitFor(async () => {
					const answer = await results(h, queryId);
					return answer.statistics?.recordsScanned === 3 ? answer : undefined;
				}, 'three records scanned');
				assert.equal(partial.status, 'Running');
				assert.deepEqual(partial.results, []);
				await h.admin('holdInsightsQueries', {enabled: false});
				const done = await untilEnded(h, queryId);
				assert.equal(done.statistics?.recordsScanned, 8);
				assert.equal(done.statistics?.recordsMatched, 6);
				assert.deepEqual(rowsOf(done), [{'count(*)': '6'}]);
			} finally {
				await h.admin('holdInsightsQueries', {enabled: false});
			}
		});

		test('StopQuery cancels a scheduled query; stopping it again, or a finished one, is refused', async () => {
			await h.admin('holdInsightsQueries', {enabled: true});
			try {
				const queryId = await start(h, 'stats count(*)');
				assert.equal((await results(h, queryId)).status, 'Scheduled');
				assert.deepEqual(await h.client.send(new StopQueryCommand({queryId})).then(r => r.success), true);
				assert.equal((await results(h, queryId)).status, 'Cancelled');
				await assert.rejects(h.client.send(new StopQueryCommand({queryId})), InvalidParameterException);
				const described = await h.client.send(new DescribeQueriesCommand({logGroupName: GROUP, status: 'Cancelled'}));
				assert.ok(described.queries?.some(q => q.queryId === queryId && q.queryString === 'stats count(*)' && q.logGroupName === GROUP));
			} finally {
				await h.admin('holdInsightsQueries', {enabled: false});
			}
			const finished = await start(h, 'stats count(*)');
			await untilEnded(h, finished);
			await assert.rejects(h.client.send(new StopQueryCommand({queryId: finished})), InvalidParameterException);
			await assert.rejects(h.client.send(new StopQueryCommand({queryId: 'no-such-query'})), ResourceNotFoundException);
			await assert.rejects(results(h, 'no-such-query'), ResourceNotFoundException);
		});

		test('events ingested after the query started are not counted', async () => {
			await h.client.send(new CreateLogGroupCommand({logGroupName: 'late'}));
			await h.client.send(new CreateLogStreamCommand({logGroupName: 'late', logStreamName: 's'}));
			const put = (message: string) => h.client.send(new PutLogEventsCommand({logGroupName: 'late', logStreamName: 's', logEvents: [{timestamp: T0 + 1000, message}]}));
			await put('{"n":1}');
			await h.admin('holdInsightsQueries', {enabled: true});
			let queryId = '';
			try {
				queryId = await start(h, 'stats count(*) as n', {logGroupName: 'late'});
				await put('{"n":2}');
			} finally {
				await h.admin('holdInsightsQueries', {enabled: false});
			}
			assert.deepEqual(rowsOf(await untilEnded(h, queryId)), [{n: '1'}]);
		});
	});

	describe('the query language', () => {
		test('stats count, sum, avg, min, max, count_distinct with known answers', async () => {
			const rows = await run(h, 'stats count(*) as all, count(messageId) as sms, sum(totalMessagePrice) as spend, avg(totalMessagePrice), min(totalMessagePrice), max(totalMessagePrice), count_distinct(isoCountryCode) as countries, count(context.campaign) as campaigns');
			// Sums and averages without floating-point noise: 0.27912, not 0.27911999999999997.
			assert.deepEqual(rows, [{all: '8', sms: '7', spend: '0.27912', 'avg(totalMessagePrice)': '0.0398742857142857', 'min(totalMessagePrice)': '0.00581', 'max(totalMessagePrice)': '0.09', countries: '4', campaigns: '2'}]);
		});

		test('stats … by fields, sorted by several keys', async () => {
			const rows = await run(h, 'filter isFinal = 1 | stats count(*) as n by isoCountryCode | sort n desc, isoCountryCode asc');
			assert.deepEqual(rows, [
				{isoCountryCode: 'DE', n: '2'},
				{isoCountryCode: 'US', n: '2'},
				{isoCountryCode: 'CA', n: '1'},
				{isoCountryCode: 'GB', n: '1'},
			]);
			const byTwo = await run(h, 'filter ispresent(messageId) | stats sum(totalMessagePrice) as spend by isoCountryCode, messageStatus | sort spend desc, messageStatus asc | limit 2');
			assert.deepEqual(byTwo, [
				{isoCountryCode: 'DE', messageStatus: 'BLOCKED', spend: '0.09'},
				{isoCountryCode: 'DE', messageStatus: 'DELIVERED', spend: '0.09'},
			]);
		});

		test('stats by bin(5m): one row per 5 minutes, shown as the service shows times', async () => {
			const rows = await run(h, 'stats count(*) as n by bin(5m) as slot | sort slot asc');
			assert.deepEqual(rows, [
				{slot: stamp(0), n: '4'},
				{slot: stamp(300), n: '3'},
				{slot: stamp(600), n: '1'},
			]);
			assert.match(stamp(0), /^\d{4}-\d\d-\d\d \d\d:\d\d:00\.000$/);
			const hours = await run(h, 'stats count(*) by bin(1h)');
			assert.equal(hours.reduce((sum, row) => sum + Number(row['count(*)']), 0), 8);
		});

		test('pct() over a computed latency; fields with arithmetic and aliases', async () => {
			const rows = await run(h, 'filter ispresent(messageId) | fields eventTimestamp - messageRequestTimestamp as latency | stats pct(latency, 50) as p50, pct(latency, 95) as p95, pct(latency, 0) as p0, count(*)');
			assert.deepEqual(rows, [{p50: '1200', p95: '3000', p0: '100', 'count(*)': '7'}]);
			const slow = await run(h, 'fields messageId, eventTimestamp - messageRequestTimestamp as latency, totalMessagePrice * 100 as cents, (latency + 1000) / 1000 as secs | filter latency > 1000 | sort latency desc');
			assert.deepEqual(withoutPtr(slow), [
				{messageId: 'm3', latency: '3000', cents: '0.75', secs: '4'},
				{messageId: 'm5', latency: '2000', cents: '4', secs: '3'},
				{messageId: 'm8', latency: '1500', cents: '9', secs: '2.5'},
				{messageId: 'm1', latency: '1200', cents: '0.581', secs: '2.2'},
			]);
		});

		test('filter: comparisons, like "text" and like /regex/, in, and/or/not with parentheses', async () => {
			const ids = async (filter: string) => (await run(h, `filter ${filter} | fields messageId | sort messageId asc`)).map(row => row.messageId ?? '(none)');
			assert.deepEqual(await ids('isoCountryCode = "US"'), ['m1', 'm2']);
			assert.deepEqual(await ids('isoCountryCode == "US"'), ['m1', 'm2']);
			assert.deepEqual(await ids('totalMessagePrice >= 0.04 and totalMessagePrice < 0.09'), ['m4', 'm5']);
			assert.deepEqual(await ids('totalMessagePrice <= 0.0075'), ['m1', 'm2', 'm3']);
			assert.deepEqual(await ids('messageStatus != "DELIVERED"'), ['m3', 'm4', 'm6']);
			assert.deepEqual(await ids('eventType like "UNREACH"'), ['m3']);
			assert.deepEqual(await ids('eventType like /^TEXT_(BLOCKED|CARRIER)/'), ['m3', 'm6']);
			assert.deepEqual(await ids('eventType =~ /(?i)text_blocked/'), ['m6']);
			assert.deepEqual(await ids('eventType not like /DELIVERED/'), ['m3', 'm4', 'm6']);
			assert.deepEqual(await ids('isoCountryCode in ["CA", "DE"]'), ['m3', 'm6', 'm8']);
			assert.deepEqual(await ids('isoCountryCode not in ["CA", "DE", "US"]'), ['m4', 'm5']);
			assert.deepEqual(await ids('not (isoCountryCode = "US" or isoCountryCode = "GB") and isFinal = 1'), ['m3', 'm6', 'm8']);
			assert.deepEqual(await ids('isFinal = 0'), ['m4']);
			assert.deepEqual(await ids('isFinal = "true" and context.campaign = "spring"'), ['m6', 'm8']);
			assert.deepEqual(await ids('@message like /ERROR plain/'), ['(none)']);
		});

		test('rows of events: the fields asked for, @ptr, the system fields, newest first by default', async () => {
			const rows = await run(h, 'fields @timestamp, messageId, @logStream, @log | filter isoCountryCode = "GB"');
			assert.deepEqual(withoutPtr(rows), [
				{'@timestamp': stamp(400), messageId: 'm4', '@logStream': 'a', '@log': `123456789012:${GROUP}`},
				{'@timestamp': stamp(30), messageId: 'm5', '@logStream': 'b', '@log': `123456789012:${GROUP}`},
			]);
			assert.equal(new Set(rows.map(row => row['@ptr']).filter(Boolean)).size, rows.length, 'each event row has its own @ptr');
			// Without fields, a row shows @timestamp and @message.
			const plain = await run(h, 'filter @message like "plain text"');
			assert.deepEqual(withoutPtr(plain), [{'@timestamp': stamp(360), '@message': PLAIN.message}]);
			// display chooses the columns; a field a row lacks is left out of it.
			const shown = await run(h, 'fields messageId, isoCountryCode | display messageId, context.campaign | sort @timestamp asc | limit 2');
			assert.deepEqual(withoutPtr(shown), [{messageId: 'm1'}, {messageId: 'm5'}]);
			// Stats rows have no @ptr.
			assert.ok(!(await run(h, 'stats count(*)')).some(row => '@ptr' in row));
		});

		test('JSON members read the same however the message is written', async () => {
			const messages = [
				'{"b":"a","a":1}',
				'{"a" : 2, "b": [1]}',
				'{"x":"he said \\"a\\":9","a":3}',
				'{"a":"tab\\tand \\u00e9"}',
				'{"a":1e2}',
				'  {"a":"leading space"}',
				'{"a":{"b":6}}',
				'{"a":true}',
				'{"a":null}',
				'{"a":7',
			];
			await h.client.send(new CreateLogGroupCommand({logGroupName: 'shapes'}));
			await h.client.send(new CreateLogStreamCommand({logGroupName: 'shapes', logStreamName: 's'}));
			const logEvents = messages.map((message, i) => ({timestamp: T0 + i, message}));
			await h.client.send(new PutLogEventsCommand({logGroupName: 'shapes', logStreamName: 's', logEvents}));
			const rows = await run(h, 'fields a, a.b | sort @timestamp asc', {logGroupName: 'shapes'});
			assert.deepEqual(withoutPtr(rows), [
				{a: '1'},
				{a: '2'},
				{a: '3'},
				{a: 'tab\tand é'},
				{a: '100'},
				{a: 'leading space'},
				{a: '{"b":6}', 'a.b': '6'},
				{a: 'true'},
				{},
				// Not JSON (no closing brace): no fields at all.
				{},
			]);
		});

		test('a second stats over the rows of the first; filter and fields after stats', async () => {
			// The plain text line has no isoCountryCode: it makes a group of its own.
			const rows = await run(h, 'stats count(*) as n by isoCountryCode | stats max(n) as most, sum(n) as total, count(*) as groups');
			assert.deepEqual(rows, [{most: '2', total: '8', groups: '5'}]);
			const rates = await run(h, 'filter isFinal = 1 | stats sum(messageStatus = "DELIVERED") / count(*) * 100 as delivered by isoCountryCode | filter delivered < 100 | sort isoCountryCode');
			assert.deepEqual(rates, [{isoCountryCode: 'DE', delivered: '50'}, {isoCountryCode: 'CA', delivered: '0'}]);
		});

		test('limit, the StartQuery limit, the time range, several log groups and paged results', async () => {
			assert.deepEqual((await run(h, 'fields messageId | sort @timestamp asc | limit 2')).map(r => r.messageId), ['m1', 'm5']);
			assert.deepEqual((await run(h, 'fields messageId | filter ispresent(messageId)', {limit: 3})).map(r => r.messageId), ['m8', 'm4', 'm6']);
			assert.deepEqual((await run(h, 'fields messageId | limit 2', {limit: 5})).map(r => r.messageId), ['m8', 'm4']);
			// startTime and endTime are epoch seconds, both included.
			const window = {startTime: seconds(T0) + 60, endTime: seconds(T0) + 330};
			assert.deepEqual(await run(h, 'stats count(*) as n', window), [{n: '3'}]);
			await fill(h, 'sms-insights-2');
			assert.deepEqual(await run(h, 'stats count(*) as n', {logGroupName: undefined, logGroupNames: [GROUP, 'sms-insights-2']}), [{n: '16'}]);
			assert.deepEqual(await run(h, 'stats count(*) as n', {logGroupName: undefined, logGroupIdentifiers: [`arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}`]}), [{n: '8'}]);
			const queryId = await start(h, 'fields messageId | filter ispresent(messageId)');
			await untilEnded(h, queryId);
			const first = await results(h, queryId, {maxItems: 4});
			assert.equal(first.results?.length, 4);
			assert.ok(first.nextToken);
			const second = await results(h, queryId, {maxItems: 4, nextToken: first.nextToken});
			assert.equal(second.results?.length, 3);
			assert.equal(second.nextToken, undefined);
			assert.equal(second.statistics?.resultCount, 7);
		});
	});

	describe('errors', () => {
		const refusal = async (input: Partial<StartQueryCommandInput>) => {
			const error = await h.client.send(new StartQueryCommand({logGroupName: GROUP, ...WINDOW, queryString: 'stats count(*)', ...input} as StartQueryCommandInput)).then(
				() => assert.fail('accepted'),
				(e: unknown) => e,
			);
			return error as Error & {queryCompileError?: {location?: {startCharOffset?: number; endCharOffset?: number}; message?: string}};
		};

		test('a malformed query is MalformedQueryException pointing at the offending text', async () => {
			const cases: Array<[string, string, RegExp]> = [
				['stats count(* by isoCountryCode', 'by', /expecting '\)'/],
				['fields messageId | frobnicate', 'frobnicate', /unknown command/],
				['parse @message "a * b" as x', 'parse', /does not run the 'parse' command/],
				['stats isoCountryCode', 'isoCountryCode', /inside an aggregate function/],
				['filter count(*) > 1', 'count(*)', /only valid in stats/],
				['stats count(*) by bin(5 parsecs)', 'parsecs', /expecting '\)'/],
				['stats count(*) by bin(5x)', '5x', /unknown time unit/],
				['limit 10001', '10001', /from 1 to 10000/],
				['filter eventType like /[/', '/[/', /invalid regular expression/],
				['stats pct(latency, 101)', '101', /from 0 to 100/],
				['filter nosuch(x) = 1', 'nosuch', /unknown function/],
				['fields a |', '', /end of the query/],
			];
			for (const [queryString, offending, message] of cases) {
				const error = await refusal({queryString});
				assert.ok(error instanceof MalformedQueryException, `${queryString}: ${error.name}`);
				const location = error.queryCompileError?.location;
				assert.match(error.queryCompileError?.message ?? '', message, queryString);
				const at = offending === '' ? queryString.length : queryString.indexOf(offending);
				assert.equal(location?.startCharOffset, at, queryString);
				assert.equal(location?.endCharOffset, Math.max(at, at + offending.length - 1), queryString);
			}
		});

		test('log groups: missing, none, two ways at once, more than 50; times and languages', async () => {
			assert.ok((await refusal({logGroupName: 'no-such-group'})) instanceof ResourceNotFoundException);
			assert.ok((await refusal({logGroupName: undefined})) instanceof InvalidParameterException);
			assert.ok((await refusal({logGroupNames: [GROUP]})) instanceof InvalidParameterException);
			const many = Array.from({length: 51}, () => GROUP);
			const tooMany = await refusal({logGroupName: undefined, logGroupNames: many});
			assert.ok(tooMany instanceof InvalidParameterException);
			assert.match(tooMany.message, /at most 50 log groups/);
			assert.ok((await refusal({logGroupName: undefined, logGroupIdentifiers: [`arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}:*`]})) instanceof InvalidParameterException);
			assert.ok((await refusal({startTime: WINDOW.endTime, endTime: WINDOW.startTime})) instanceof InvalidParameterException);
			assert.ok((await refusal({queryLanguage: 'SQL'})) instanceof InvalidParameterException);
			await assert.rejects(h.client.send(new DescribeQueriesCommand({logGroupName: 'no-such-group'})), ResourceNotFoundException);
		});

		test('at most 100 concurrent queries: the next is LimitExceededException until one ends', async () => {
			await h.admin('holdInsightsQueries', {enabled: true});
			const started: string[] = [];
			try {
				const active = (await h.admin('holdInsightsQueries', {enabled: true})).active as number;
				for (let i = active; i < 100; i++) started.push(await start(h, 'stats count(*)'));
				const error = await refusal({});
				assert.ok(error instanceof LimitExceededException, error.name);
				await h.client.send(new StopQueryCommand({queryId: started[0]}));
				started.push(await start(h, 'stats count(*)'));
			} finally {
				await h.admin('holdInsightsQueries', {enabled: false});
			}
			assert.equal((await untilEnded(h, started.at(-1)!)).status, 'Complete');
		});
	});
});

describe('Logs Insights timeout', () => {
	let h: Harness;
	before(async () => {
		h = await startLogsHarness({insightsTimeoutMs: 50});
		await fill(h);
	});
	after(() => h.close());

	test('a query still running after the limit ends as Timeout', async () => {
		await h.admin('holdInsightsQueries', {enabled: true, afterRecords: 2});
		try {
			const queryId = await start(h, 'stats count(*)');
			const ended = await untilEnded(h, queryId);
			assert.equal(ended.status, 'Timeout');
			assert.equal(ended.statistics?.recordsScanned, 2);
			assert.deepEqual(ended.results, []);
		} finally {
			await h.admin('holdInsightsQueries', {enabled: false});
		}
	});
});
