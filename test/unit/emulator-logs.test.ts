// The CloudWatch Logs side of the emulator, driven by the real SDK v3 client over real HTTP.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CloudWatchLogsClient,
	CreateLogGroupCommand,
	CreateLogStreamCommand,
	DeleteLogGroupCommand,
	DeleteLogStreamCommand,
	DeleteRetentionPolicyCommand,
	DescribeLogGroupsCommand,
	DescribeLogStreamsCommand,
	FilterLogEventsCommand,
	GetLogEventsCommand,
	InvalidParameterException,
	ListTagsForResourceCommand,
	PutLogEventsCommand,
	PutRetentionPolicyCommand,
	ResourceAlreadyExistsException,
	ResourceNotFoundException,
	StartLiveTailCommand,
	paginateDescribeLogGroups,
	paginateFilterLogEvents,
	paginateGetLogEvents,
	type FilteredLogEvent,
	type LiveTailSessionUpdate,
	type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import {createServer, type EmulatorServer} from '../../source/emulator/server.js';
import {createWorld} from '../../source/emulator/world.js';
import {createLogsService, type LogsService} from '../../source/emulator/logs/index.js';
import {compileFilterPattern} from '../../source/emulator/logs/filterPattern.js';
import type {EmulatorOptions} from '../../source/emulator/types.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
const ACCOUNT = '123456789012';

interface Harness {
	url: string;
	server: EmulatorServer;
	logs: LogsService;
	client: CloudWatchLogsClient;
	admin(action: string, body?: unknown): Promise<any>;
	close(): Promise<void>;
}

async function startHarness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
	const world = createWorld({options: {liveTailTickMs: 40, ...options}});
	const logs = createLogsService(world);
	world.logs = logs.writer;
	const server = createServer([logs.service], world, {onInternalError: error => console.error(error)});
	const port = await server.listen(0, '127.0.0.1');
	const url = `http://127.0.0.1:${port}`;
	const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials, disableHostPrefix: true, maxAttempts: 1});
	return {
		url,
		server,
		logs,
		client,
		async admin(action, body = {}) {
			const res = await fetch(`${url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body)});
			return res.json();
		},
		async close() {
			client.destroy();
			logs.close();
			await server.close();
		},
	};
}

async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 10));
	}
}

let h: Harness;
before(async () => {
	h = await startHarness();
});
after(() => h.close());

async function groupWithStreams(name: string, streams: string[]) {
	await h.client.send(new CreateLogGroupCommand({logGroupName: name}));
	for (const stream of streams) await h.client.send(new CreateLogStreamCommand({logGroupName: name, logStreamName: stream}));
}

async function put(group: string, stream: string, events: {timestamp: number; message: string}[]) {
	return h.client.send(new PutLogEventsCommand({logGroupName: group, logStreamName: stream, logEvents: events}));
}

describe('log groups and streams', () => {
	test('create, refuse duplicates, describe with ARNs, page through with limit', async () => {
		for (const n of ['/g/c', '/g/a', '/g/e', '/g/b', '/g/d', '/other']) await h.client.send(new CreateLogGroupCommand({logGroupName: n}));
		const dup = await h.client.send(new CreateLogGroupCommand({logGroupName: '/g/a'})).catch(e => e);
		assert.ok(dup instanceof ResourceAlreadyExistsException);

		const names: string[] = [];
		let pages = 0;
		for await (const page of paginateDescribeLogGroups({client: h.client, pageSize: 2}, {logGroupNamePrefix: '/g/'})) {
			pages++;
			names.push(...(page.logGroups ?? []).map(g => g.logGroupName!));
		}
		assert.deepEqual(names, ['/g/a', '/g/b', '/g/c', '/g/d', '/g/e']);
		assert.equal(pages, 3);

		const one = await h.client.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/g/a'}));
		const group = one.logGroups![0];
		assert.equal(group.arn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/g/a:*`);
		assert.equal(group.logGroupArn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/g/a`);
		assert.equal(typeof group.creationTime, 'number');
		assert.equal(one.nextToken, undefined);

		const badLimit = await h.client.send(new DescribeLogGroupsCommand({limit: 51})).catch(e => e);
		assert.ok(badLimit instanceof InvalidParameterException);
		assert.match(badLimit.message, /limit/);

		const pattern = await h.client.send(new DescribeLogGroupsCommand({logGroupNamePattern: 'the'}));
		assert.deepEqual(pattern.logGroups?.map(g => g.logGroupName), ['/other']);
	});

	test('log groups are per region', async () => {
		const west = new CloudWatchLogsClient({region: 'eu-west-2', endpoint: h.url, credentials});
		await west.send(new CreateLogGroupCommand({logGroupName: '/regional'}));
		const eastGroups = await h.client.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/regional'}));
		assert.equal(eastGroups.logGroups?.length, 0);
		const westGroups = await west.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/regional'}));
		assert.equal(westGroups.logGroups?.[0]?.logGroupArn, `arn:aws:logs:eu-west-2:${ACCOUNT}:log-group:/regional`);
		west.destroy();
	});

	test('streams: order by name or last event time, prefix, delete', async () => {
		await groupWithStreams('/streams', ['b', 'a', 'c', 'a2']);
		const now = Date.now();
		await put('/streams', 'c', [{timestamp: now - 3000, message: 'c'}]);
		await put('/streams', 'a', [{timestamp: now - 1000, message: 'a'}]);
		await put('/streams', 'b', [{timestamp: now - 2000, message: 'b'}]);
		const byName = await h.client.send(new DescribeLogStreamsCommand({logGroupName: '/streams'}));
		assert.deepEqual(byName.logStreams?.map(s => s.logStreamName), ['a', 'a2', 'b', 'c']);
		const byTime = await h.client.send(new DescribeLogStreamsCommand({logGroupName: '/streams', orderBy: 'LastEventTime', descending: true}));
		assert.deepEqual(byTime.logStreams?.map(s => s.logStreamName), ['a', 'b', 'c', 'a2']);
		const a = byTime.logStreams![0];
		assert.equal(a.lastEventTimestamp, now - 1000);
		assert.equal(a.arn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/streams:log-stream:a`);
		const prefixed = await h.client.send(new DescribeLogStreamsCommand({logGroupIdentifier: '/streams', logStreamNamePrefix: 'a', limit: 1}));
		assert.deepEqual(prefixed.logStreams?.map(s => s.logStreamName), ['a']);
		assert.ok(prefixed.nextToken);
		const next = await h.client.send(new DescribeLogStreamsCommand({logGroupIdentifier: '/streams', logStreamNamePrefix: 'a', limit: 1, nextToken: prefixed.nextToken}));
		assert.deepEqual(next.logStreams?.map(s => s.logStreamName), ['a2']);
		assert.equal(next.nextToken, undefined);

		const conflict = await h.client.send(new DescribeLogStreamsCommand({logGroupName: '/streams', orderBy: 'LastEventTime', logStreamNamePrefix: 'a'})).catch(e => e);
		assert.ok(conflict instanceof InvalidParameterException);
		const both = await h.client.send(new DescribeLogStreamsCommand({logGroupName: '/streams', logGroupIdentifier: '/streams'})).catch(e => e);
		assert.ok(both instanceof InvalidParameterException);

		await h.client.send(new DeleteLogStreamCommand({logGroupName: '/streams', logStreamName: 'a2'}));
		const gone = await h.client.send(new DeleteLogStreamCommand({logGroupName: '/streams', logStreamName: 'a2'})).catch(e => e);
		assert.ok(gone instanceof ResourceNotFoundException);
		const missingGroup = await h.client.send(new DescribeLogStreamsCommand({logGroupName: '/nope'})).catch(e => e);
		assert.ok(missingGroup instanceof ResourceNotFoundException);
	});

	test('retention policy shows in DescribeLogGroups; invalid values are refused; delete group', async () => {
		await h.client.send(new CreateLogGroupCommand({logGroupName: '/ret', tags: {team: 'sms'}}));
		await h.client.send(new PutRetentionPolicyCommand({logGroupName: '/ret', retentionInDays: 30}));
		let g = (await h.client.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/ret'}))).logGroups![0];
		assert.equal(g.retentionInDays, 30);
		const bad = await h.client.send(new PutRetentionPolicyCommand({logGroupName: '/ret', retentionInDays: 31})).catch(e => e);
		assert.ok(bad instanceof InvalidParameterException);
		await h.client.send(new DeleteRetentionPolicyCommand({logGroupName: '/ret'}));
		g = (await h.client.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/ret'}))).logGroups![0];
		assert.equal(g.retentionInDays, undefined);
		const tags = await h.client.send(new ListTagsForResourceCommand({resourceArn: g.logGroupArn}));
		assert.deepEqual(tags.tags, {team: 'sms'});
		await h.client.send(new DeleteLogGroupCommand({logGroupName: '/ret'}));
		const again = await h.client.send(new DeleteLogGroupCommand({logGroupName: '/ret'})).catch(e => e);
		assert.ok(again instanceof ResourceNotFoundException);
	});
});

describe('PutLogEvents batch rules', () => {
	before(() => groupWithStreams('/put', ['s']));

	test('accepts a chronological batch and returns a sequence token', async () => {
		const out = await put('/put', 's', [{timestamp: Date.now() - 10, message: 'one'}, {timestamp: Date.now(), message: 'two'}]);
		assert.ok(out.nextSequenceToken);
		assert.equal(out.rejectedLogEventsInfo, undefined);
	});

	test('refuses out-of-order, oversize and >24 h batches', async () => {
		const now = Date.now();
		const order = await put('/put', 's', [{timestamp: now, message: 'b'}, {timestamp: now - 1, message: 'a'}]).catch(e => e);
		assert.ok(order instanceof InvalidParameterException);
		assert.match(order.message, /chronological/);
		// 1,048,576 bytes counts 26 bytes per event: two events of 524,262 bytes fit exactly, one more byte does not.
		const fits = await put('/put', 's', [{timestamp: now, message: 'x'.repeat(524_262)}, {timestamp: now, message: 'y'.repeat(524_262)}]);
		assert.ok(fits.nextSequenceToken);
		const tooBig = await put('/put', 's', [{timestamp: now, message: 'x'.repeat(524_263)}, {timestamp: now, message: 'y'.repeat(524_262)}]).catch(e => e);
		assert.ok(tooBig instanceof InvalidParameterException, String(tooBig));
		const span = await put('/put', 's', [{timestamp: now - 25 * 3600_000, message: 'old'}, {timestamp: now, message: 'new'}]).catch(e => e);
		assert.ok(span instanceof InvalidParameterException);
		assert.match(span.message, /24 hours/);
		const missing = await put('/put', 'nope', [{timestamp: now, message: 'x'}]).catch(e => e);
		assert.ok(missing instanceof ResourceNotFoundException);
	});

	test('too old and too new events are reported and the rest are stored', async () => {
		await h.client.send(new CreateLogStreamCommand({logGroupName: '/put', logStreamName: 'mixed'}));
		const now = Date.now();
		const out = await put('/put', 'mixed', [
			{timestamp: now - 15 * 86_400_000, message: 'ancient'},
			{timestamp: now - 1000, message: 'kept'},
			{timestamp: now + 3 * 3600_000, message: 'future-1'},
			{timestamp: now + 4 * 3600_000, message: 'future-2'},
		]);
		assert.deepEqual(out.rejectedLogEventsInfo, {tooOldLogEventEndIndex: 0, tooNewLogEventStartIndex: 2});
		const stored = await h.client.send(new GetLogEventsCommand({logGroupName: '/put', logStreamName: 'mixed', startFromHead: true}));
		assert.deepEqual(stored.events?.map(e => e.message), ['kept']);
	});
});

describe('GetLogEvents tokens', () => {
	const base = Date.now() - 60_000;
	before(async () => {
		await groupWithStreams('/get', ['s']);
		await put('/get', 's', [1, 2, 3, 4, 5].map(i => ({timestamp: base + i, message: `m${i}`})));
	});

	test('pages forward from the head; the token repeats at the end and the SDK paginator stops on it', async () => {
		const first = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', startFromHead: true, limit: 2}));
		assert.deepEqual(first.events?.map(e => e.message), ['m1', 'm2']);
		assert.ok(first.nextForwardToken && first.nextBackwardToken);
		const messages: string[] = [];
		for await (const page of paginateGetLogEvents({client: h.client, pageSize: 2, stopOnSameToken: true}, {logGroupName: '/get', logStreamName: 's', startFromHead: true})) {
			messages.push(...(page.events ?? []).map(e => e.message!));
		}
		assert.deepEqual(messages, ['m1', 'm2', 'm3', 'm4', 'm5']);

		const end = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', nextToken: first.nextForwardToken, limit: 10}));
		assert.deepEqual(end.events?.map(e => e.message), ['m3', 'm4', 'm5']);
		const atEnd = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', nextToken: end.nextForwardToken}));
		assert.equal(atEnd.events?.length, 0);
		assert.equal(atEnd.nextForwardToken, end.nextForwardToken);

		await put('/get', 's', [{timestamp: base + 6, message: 'm6'}]);
		const more = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', nextToken: end.nextForwardToken}));
		assert.deepEqual(more.events?.map(e => e.message), ['m6']);
	});

	test('without a token it returns the newest events, and the backward token walks back', async () => {
		const tail = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', limit: 2}));
		assert.deepEqual(tail.events?.map(e => e.message), ['m5', 'm6']);
		const back = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', limit: 10, nextToken: tail.nextBackwardToken}));
		assert.deepEqual(back.events?.map(e => e.message), ['m1', 'm2', 'm3', 'm4']);
		const start = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', nextToken: back.nextBackwardToken}));
		assert.equal(start.events?.length, 0);
		assert.equal(start.nextBackwardToken, back.nextBackwardToken);
		const bad = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', nextToken: 'garbage'})).catch(e => e);
		assert.ok(bad instanceof InvalidParameterException);
	});

	test('time range: startTime inclusive, endTime exclusive', async () => {
		const out = await h.client.send(new GetLogEventsCommand({logGroupName: '/get', logStreamName: 's', startFromHead: true, startTime: base + 2, endTime: base + 4}));
		assert.deepEqual(out.events?.map(e => e.message), ['m2', 'm3']);
	});
});

describe('FilterLogEvents', () => {
	const base = Date.now() - 120_000;
	before(async () => {
		await groupWithStreams('/filter', ['app-1', 'app-2', 'web']);
		await put('/filter', 'app-1', [
			{timestamp: base + 1, message: 'ERROR disk full'},
			{timestamp: base + 3, message: '{"level":"ERROR","status":{"code":500},"n":7,"user":"alice"}'},
			{timestamp: base + 5, message: 'INFO all good'},
		]);
		await put('/filter', 'app-2', [
			{timestamp: base + 2, message: 'WARN slow request'},
			{timestamp: base + 3, message: '{"level":"INFO","status":{"code":200},"n":2,"user":"bob"}'},
			{timestamp: base + 4, message: 'ERROR timeout talking to carrier'},
		]);
		await put('/filter', 'web', [{timestamp: base + 6, message: 'GET /health 200'}]);
	});

	async function filter(input: Record<string, unknown>): Promise<FilteredLogEvent[]> {
		const events: FilteredLogEvent[] = [];
		for await (const page of paginateFilterLogEvents({client: h.client}, {logGroupName: '/filter', ...input})) events.push(...(page.events ?? []));
		return events;
	}

	test('interleaves streams by timestamp then ingestion, with stable unique event ids across pages', async () => {
		const all = await filter({});
		assert.deepEqual(all.map(e => `${e.logStreamName}:${e.timestamp! - base}`), ['app-1:1', 'app-2:2', 'app-1:3', 'app-2:3', 'app-2:4', 'app-1:5', 'web:6']);
		const paged: FilteredLogEvent[] = [];
		let pages = 0;
		for await (const page of paginateFilterLogEvents({client: h.client, pageSize: 3}, {logGroupName: '/filter'})) {
			pages++;
			paged.push(...(page.events ?? []));
		}
		assert.equal(pages, 3);
		assert.deepEqual(paged.map(e => e.eventId), all.map(e => e.eventId));
		assert.equal(new Set(all.map(e => e.eventId)).size, all.length);
		assert.ok(all.every(e => typeof e.ingestionTime === 'number' && e.message));
	});

	test('term patterns: AND, quoted phrase, ?OR, case-sensitive', async () => {
		const messages = async (filterPattern: string) => (await filter({filterPattern})).map(e => e.message);
		assert.deepEqual(await messages('ERROR'), ['ERROR disk full', '{"level":"ERROR","status":{"code":500},"n":7,"user":"alice"}', 'ERROR timeout talking to carrier']);
		assert.deepEqual(await messages('ERROR timeout'), ['ERROR timeout talking to carrier']);
		assert.deepEqual(await messages('"disk full"'), ['ERROR disk full']);
		assert.deepEqual(await messages('?WARN ?INFO'), ['WARN slow request', '{"level":"INFO","status":{"code":200},"n":2,"user":"bob"}', 'INFO all good']);
		assert.deepEqual(await messages('error'), []);
	});

	test('JSON patterns: equality, nested !=, numeric comparison, && and ||, wildcards', async () => {
		const users = async (filterPattern: string) => (await filter({filterPattern})).map(e => JSON.parse(e.message!).user);
		assert.deepEqual(await users('{ $.level = "ERROR" }'), ['alice']);
		assert.deepEqual(await users('{ $.status.code != 500 }'), ['bob']);
		assert.deepEqual(await users('{ $.n > 3 }'), ['alice']);
		assert.deepEqual(await users('{ $.n >= 2 && $.level = "INFO" }'), ['bob']);
		assert.deepEqual(await users('{ $.user = "al*" || $.user = bob }'), ['alice', 'bob']);
		const bad = await h.client.send(new FilterLogEventsCommand({logGroupName: '/filter', filterPattern: '{ $.level = '})).catch(e => e);
		assert.ok(bad instanceof InvalidParameterException);
	});

	test('regex and space-delimited patterns; a malformed one is InvalidParameterException with its message', async () => {
		const messages = async (filterPattern: string) => (await filter({filterPattern})).map(e => e.message);
		assert.deepEqual(await messages('%^[EW][RA][RN]%'), ['ERROR disk full', 'WARN slow request', 'ERROR timeout talking to carrier']);
		assert.deepEqual(await messages('%time.*carrier$%'), ['ERROR timeout talking to carrier']);
		assert.deepEqual(await messages('[level = ERROR, what, ...]'), ['ERROR disk full', 'ERROR timeout talking to carrier']);
		assert.deepEqual(await messages('[method, path = %^/he%, status = 200]'), ['GET /health 200']);
		assert.deepEqual(await messages('{ $.user = %^a% }'), ['{"level":"ERROR","status":{"code":500},"n":7,"user":"alice"}']);
		for (const [filterPattern, message] of [
			['%disk!%', "Invalid filter pattern: Invalid character(s) in term '%disk!%'"],
			['[a = %x%, b = %y%, c = %z%]', 'Invalid filter pattern: A filter pattern can contain at most 2 regular expressions, found 3'],
			['[level, ...', "If a filter pattern starts with '[' it must end with ']'"],
		]) {
			const bad = await h.client.send(new FilterLogEventsCommand({logGroupName: '/filter', filterPattern})).catch(e => e);
			assert.ok(bad instanceof InvalidParameterException, `${filterPattern}: ${bad}`);
			assert.equal(bad.message, message);
		}
	});

	test('stream selection, time range, identifier by ARN, and mutually exclusive members', async () => {
		assert.equal((await filter({logStreamNamePrefix: 'app-'})).length, 6);
		assert.deepEqual((await filter({logStreamNames: ['web']})).map(e => e.message), ['GET /health 200']);
		assert.deepEqual((await filter({startTime: base + 4, endTime: base + 5})).map(e => e.timestamp! - base), [4, 5]);
		const arn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/filter`;
		const byArn = await h.client.send(new FilterLogEventsCommand({logGroupIdentifier: arn, limit: 1}));
		assert.equal(byArn.events?.length, 1);
		assert.ok(byArn.nextToken);
		const both = await h.client.send(new FilterLogEventsCommand({logGroupName: '/filter', logGroupIdentifier: arn})).catch(e => e);
		assert.ok(both instanceof InvalidParameterException);
		const streams = await h.client.send(new FilterLogEventsCommand({logGroupName: '/filter', logStreamNames: ['web'], logStreamNamePrefix: 'a'})).catch(e => e);
		assert.ok(streams instanceof InvalidParameterException);
		const missing = await h.client.send(new FilterLogEventsCommand({logGroupName: '/missing'})).catch(e => e);
		assert.ok(missing instanceof ResourceNotFoundException);
	});
});

describe('filter pattern compiler', () => {
	test('matches as documented on a few edge cases', () => {
		assert.equal(compileFilterPattern('')('anything'), true);
		assert.equal(compileFilterPattern('ERROR -timeout')('ERROR timeout'), false);
		assert.equal(compileFilterPattern('{ $.a.b != "x" }')('{"a":{"b":"y"}}'), true);
		assert.equal(compileFilterPattern('{ $.a.b != "x" }')('{"a":{}}'), false);
		assert.equal(compileFilterPattern('{ $.list[1] = 2 }')('{"list":[1,2]}'), true);
		assert.equal(compileFilterPattern('{ $.ok IS TRUE }')('{"ok":true}'), true);
		assert.equal(compileFilterPattern('{ ($.a = 1 || $.b = 2) && $.c = 3 }')('{"b":2,"c":3}'), true);
		assert.equal(compileFilterPattern('{ $.a = 1 }')('not json'), false);
		assert.equal(compileFilterPattern('[ip, user]')('10.0.0.1 frank'), true);
		assert.equal(compileFilterPattern('[ip, user]')('10.0.0.1 frank extra'), false);
	});
});

async function collect(stream: AsyncIterable<StartLiveTailResponseStream>, until: (updates: LiveTailSessionUpdate[]) => boolean) {
	const updates: LiveTailSessionUpdate[] = [];
	let start: unknown;
	for await (const event of stream) {
		if (event.sessionStart) start = event.sessionStart;
		if (event.sessionUpdate) updates.push(event.sessionUpdate);
		if (until(updates)) break;
	}
	return {start, updates};
}

describe('StartLiveTail', () => {
	before(() => groupWithStreams('/tail', ['s1', 's2']));

	test('streams sessionStart, then updates every tick (empty ones too) with the events put meanwhile', async () => {
		const arn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/tail`;
		const leave = new AbortController();
		const {responseStream} = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: [arn], logEventFilterPattern: 'ERROR'}), {abortSignal: leave.signal});
		let putDone = false;
		const result = collect(responseStream!, updates => {
			if (updates.length === 2 && !putDone) {
				putDone = true;
				void put('/tail', 's1', [{timestamp: Date.now(), message: 'INFO ok'}, {timestamp: Date.now(), message: 'ERROR bad'}]);
			}
			return updates.some(u => (u.sessionResults ?? []).length > 0);
		});
		const {start, updates} = await result;
		assert.deepEqual((start as {logGroupIdentifiers: string[]}).logGroupIdentifiers, [arn]);
		assert.ok(updates.slice(0, 2).every(u => u.sessionResults?.length === 0 && u.sessionMetadata?.sampled === false));
		const last = updates.at(-1)!;
		assert.deepEqual(last.sessionResults?.map(r => [r.message, r.logStreamName, r.logGroupIdentifier]), [['ERROR bad', 's1', arn]]);
		assert.equal(typeof last.sessionResults?.[0]?.ingestionTime, 'number');
		// Breaking out of the loop does not close the socket in this SDK version; aborting does.
		leave.abort();
		await waitFor(async () => (await h.admin('liveTailSessions')).active === 0, 'the session to end after the client left');
	});

	test('honours regex and space-delimited patterns; refuses a malformed one before streaming', async () => {
		for (const [logEventFilterPattern, wanted] of [
			['[level = ERROR || level = WARN, code > 500, ...]', ['ERROR 503 carrier down', 'WARN 504 slow']],
			['%^ERROR\\s5\\d\\d%', ['ERROR 503 carrier down', 'ERROR 500 again']],
		] as const) {
			const leave = new AbortController();
			const {responseStream} = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail'], logStreamNames: ['s1'], logEventFilterPattern}), {
				abortSignal: leave.signal,
			});
			let sent = false;
			const seen: string[] = [];
			await collect(responseStream!, updates => {
				if (!sent) {
					sent = true;
					const now = Date.now();
					const lines = ['ERROR 503 carrier down', 'INFO 200 fine', 'WARN 504 slow', 'WARN 404 missing', 'ERROR 500 again', 'ERROR 5xx'];
					void put('/tail', 's1', lines.map(message => ({timestamp: now, message})));
				}
				seen.splice(0, seen.length, ...updates.flatMap(u => (u.sessionResults ?? []).map(r => r.message!)));
				return seen.length >= wanted.length;
			});
			leave.abort();
			// 'ERROR 500 again' is not > 500, and '5xx' is neither a number nor 5 followed by two digits.
			assert.deepEqual(seen, wanted, logEventFilterPattern);
			await waitFor(async () => (await h.admin('liveTailSessions')).active === 0, 'the session to end');
		}
		const bad = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail'], logEventFilterPattern: '[level = %a(b%, ...]'})).catch(e => e);
		assert.ok(bad instanceof InvalidParameterException, `${bad}`);
		assert.equal(bad.message, "Invalid filter pattern: Invalid character(s) in term '%a(b%'");
		assert.equal((await h.admin('liveTailSessions')).active, 0, 'no session was opened');
	});

	test('samples down to 500 events per update above 500', async () => {
		const leave = new AbortController();
		const {responseStream} = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail'], logStreamNames: ['s2']}), {abortSignal: leave.signal});
		let sent = false;
		const {updates} = await collect(responseStream!, ups => {
			if (!sent) {
				sent = true;
				const now = Date.now();
				void put('/tail', 's2', Array.from({length: 1200}, (_, i) => ({timestamp: now, message: `line ${i}`})));
				void put('/tail', 's1', [{timestamp: now, message: 'other stream'}]);
			}
			return ups.some(u => u.sessionMetadata?.sampled);
		});
		leave.abort();
		const sampled = updates.find(u => u.sessionMetadata?.sampled)!;
		assert.equal(sampled.sessionResults?.length, 500);
		assert.ok(sampled.sessionResults?.every(r => r.logStreamName === 's2'));
	});

	test('validation: unknown group, names with prefixes on two groups, a trailing *', async () => {
		const missing = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/nope']})).catch(e => e);
		assert.ok(missing instanceof ResourceNotFoundException);
		const twoGroups = await h.client
			.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail', '/get'], logStreamNamePrefixes: ['s']}))
			.catch(e => e);
		assert.ok(twoGroups instanceof InvalidParameterException);
		const star = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/tail:*`]})).catch(e => e);
		assert.ok(star instanceof InvalidParameterException);
		const none = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: []})).catch(e => e);
		assert.ok(none instanceof InvalidParameterException);
	});

	test('faults: dropped connection, denied access, streaming error', async () => {
		const {responseStream} = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail']}));
		const iterator = responseStream![Symbol.asyncIterator]();
		await iterator.next();
		await h.admin('dropLiveTail');
		const dropped = await (async () => {
			for (;;) {
				const step = await iterator.next();
				if (step.done) return 'ended';
			}
		})().catch(e => e);
		assert.ok(dropped instanceof Error, `expected the stream to fail, got ${dropped}`);

		await h.admin('denyLiveTail', {enabled: true});
		const denied = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail']})).catch(e => e);
		assert.equal(denied.name, 'AccessDeniedException');
		await h.admin('denyLiveTail', {enabled: false});

		const second = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail']}));
		const failure = collect(second.responseStream!, () => false).catch(e => e);
		await waitFor(async () => (await h.admin('liveTailSessions')).active === 1, 'the session to start');
		await h.admin('liveTailError');
		const error = await failure;
		assert.equal(error.name, 'SessionStreamingException');
	});

	test('at most 15 concurrent sessions; LimitExceededException for the 16th', async () => {
		const controllers = Array.from({length: 15}, () => new AbortController());
		await Promise.all(controllers.map(c => h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail']}), {abortSignal: c.signal})));
		const over = await h.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/tail']})).catch(e => e);
		assert.equal(over.name, 'LimitExceededException');
		for (const c of controllers) c.abort();
		await waitFor(async () => (await h.admin('liveTailSessions')).active === 0, 'aborted sessions to be released');
	});
});

describe('StartLiveTail timeout', () => {
	test('ends with SessionTimeoutException after the configured session length', async () => {
		const short = await startHarness({liveTailTimeoutMs: 200, liveTailTickMs: 30});
		try {
			await short.client.send(new CreateLogGroupCommand({logGroupName: '/t'}));
			const {responseStream} = await short.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/t']}));
			const error = await collect(responseStream!, () => false).then(() => undefined, e => e);
			assert.equal(error?.name, 'SessionTimeoutException');
		} finally {
			await short.close();
		}
	});
});

describe('network faults (admin routes)', () => {
	test('a refused cut resets every Logs request and drops live tails until it ends', async () => {
		const cut = await startHarness({liveTailTickMs: 30});
		try {
			await cut.client.send(new CreateLogGroupCommand({logGroupName: '/cut'}));
			const {responseStream} = await cut.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/cut']}));
			const stream = collect(responseStream!, () => false).then(() => 'ended', e => e);
			await waitFor(async () => (await cut.admin('liveTailSessions')).active === 1, 'the session to start');
			const started = await cut.admin('cutLogsNetwork', {ms: 400, mode: 'refuse'});
			assert.equal(started.mode, 'refuse');
			assert.ok(await stream instanceof Error, 'the open live tail lost its connection');
			const refused = await cut.client.send(new DescribeLogGroupsCommand({})).catch(e => e);
			assert.ok(refused instanceof Error && !(refused as {$metadata?: {httpStatusCode?: number}}).$metadata?.httpStatusCode, `no answer at all, got ${refused}`);
			await waitFor(() => cut.client.send(new DescribeLogGroupsCommand({})).then(out => out.logGroups?.length === 1, () => false), 'the cut to end');
		} finally {
			await cut.close();
		}
	});

	test('a black hole holds requests without a byte until it ends, then resets them; live tails go silent', async () => {
		const cut = await startHarness({liveTailTickMs: 30});
		try {
			await cut.client.send(new CreateLogGroupCommand({logGroupName: '/hole'}));
			const {responseStream} = await cut.client.send(new StartLiveTailCommand({logGroupIdentifiers: ['/hole']}));
			let lastUpdate = Date.now();
			const stream = collect(responseStream!, () => {
				lastUpdate = Date.now();
				return false;
			}).then(() => 'ended', e => e);
			await waitFor(async () => (await cut.admin('liveTailSessions')).active === 1, 'the session to start');
			const begun = Date.now();
			await cut.admin('cutLogsNetwork', {ms: 700, mode: 'blackhole'});
			const held = await cut.client.send(new DescribeLogGroupsCommand({})).catch(e => e);
			assert.ok(held instanceof Error, 'reset when the cut ended');
			assert.ok(Date.now() - begun >= 600, `no answer during the cut (answered after ${Date.now() - begun} ms)`);
			assert.ok(lastUpdate - begun < 300, 'the live tail sent nothing during the cut');
			assert.ok(await stream instanceof Error, 'and its connection is gone after it');
			const after = await cut.client.send(new DescribeLogGroupsCommand({}));
			assert.equal(after.logGroups?.length, 1);
			assert.equal((await cut.admin('cutLogsNetwork', {ms: 0})).__type, 'ValidationException');
		} finally {
			await cut.close();
		}
	});

	test('failLogsNext: the next N requests of an operation answer a 5xx; FilterLogEvents reads are remembered', async () => {
		await h.client.send(new CreateLogGroupCommand({logGroupName: '/fail'}));
		await h.admin('failLogsNext', {operation: 'FilterLogEvents', count: 2, code: 'ServiceUnavailableException'});
		for (let i = 0; i < 2; i++) {
			const failed = await h.client.send(new FilterLogEventsCommand({logGroupName: '/fail', startTime: 1234})).catch(e => e);
			assert.equal(failed.name, 'ServiceUnavailableException');
			assert.equal(failed.$metadata.httpStatusCode, 503);
		}
		const ok = await h.client.send(new FilterLogEventsCommand({logGroupName: '/fail', startTime: 5678}));
		assert.deepEqual(ok.events, []);
		const {reads} = (await h.admin('filterLogEventsReads')) as {reads: {startTime: number | null}[]};
		assert.deepEqual(reads.slice(-1).map(r => r.startTime), [5678], 'only the read that was answered');
		assert.equal((await h.admin('failLogsNext', {operation: 'FilterLogEvents', code: 'NoSuchError'})).__type, 'ValidationException');
	});

	test('lagFilterLogEvents: FilterLogEvents leaves out what was ingested in the last ms; live tail has it at once', async () => {
		h.logs.writer.appendEvents('us-east-1', '/fail', 'lag', [{timestamp: Date.now(), message: 'fresh'}]);
		await h.admin('lagFilterLogEvents', {ms: 60_000});
		try {
			const hidden = await h.client.send(new FilterLogEventsCommand({logGroupName: '/fail'}));
			assert.deepEqual(hidden.events, []);
		} finally {
			await h.admin('lagFilterLogEvents', {ms: 0});
		}
		const shown = await h.client.send(new FilterLogEventsCommand({logGroupName: '/fail'}));
		assert.deepEqual(shown.events?.map(e => e.message), ['fresh']);
	});
});
