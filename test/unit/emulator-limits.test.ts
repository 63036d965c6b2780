// The emulator under slow, idle, numerous and deeply nested requests: heads and bodies that never finish are
// cut off after a bound (a live tail answer is not), connections beyond the limit close the longest-waiting
// unfinished one so other clients still get answers, and nesting too deep is a 400 SerializationException.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {connect, type Socket} from 'node:net';
import {CloudWatchLogsClient, CreateLogGroupCommand, StartLiveTailCommand} from '@aws-sdk/client-cloudwatch-logs';
import {DescribePoolsCommand, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {MAX_JSON_DEPTH, nestsDeeperThan} from '../../source/emulator/requestBody.js';
import {waitFor} from '../helpers/ink.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 600;
/** Far above the bounds, far below Node's own defaults (60 s / 300 s) and "never": room for a busy machine. */
const CUT_OFF_WITHIN_MS = 10_000;

interface RawClient {
	socket: Socket;
	/** When the connection was established. */
	openedAt: number;
	received: () => string;
	/** Resolves with ms from openedAt to the close. */
	closed: Promise<number>;
	stop(): void;
}

/** A raw connection that writes `first`, then `drip` every 50 ms until closed. */
async function slowClient(url: string, first: string, drip?: string): Promise<RawClient> {
	const {port} = new URL(url);
	const socket = connect(Number(port), '127.0.0.1');
	await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
	const openedAt = Date.now();
	let received = '';
	socket.setEncoding('utf8').on('data', chunk => (received += chunk));
	socket.on('error', () => {});
	if (first) socket.write(first);
	const timer = drip === undefined ? undefined : setInterval(() => socket.writable && socket.write(drip), 50);
	const closed = new Promise<number>(resolve =>
		socket.once('close', () => {
			clearInterval(timer);
			resolve(Date.now() - openedAt);
		}),
	);
	return {socket, openedAt, received: () => received, closed, stop: () => (clearInterval(timer), socket.destroy())};
}

const BODY_HEAD = 'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: PinpointSMSVoiceV2.DescribePools\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 100000\r\n\r\n{';

describe('request time bounds', () => {
	let emulator: RunningEmulator;
	before(async () => {
		emulator = await startEmulator({
			port: 0,
			seed: 'empty',
			quiet: true,
			liveTailTickMs: 50,
			limits: {headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS},
		});
	});
	after(() => emulator.close());

	test('a connection that sends no head, part of a request line, or header lines slowly is cut after the header bound', async () => {
		const clients = {
			silent: await slowClient(emulator.url, ''),
			'part of a request line': await slowClient(emulator.url, 'PO'),
			'headers dribbling': await slowClient(emulator.url, 'POST / HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n'),
		};
		for (const [what, client] of Object.entries(clients)) {
			const after = await Promise.race([client.closed, new Promise<'open'>(r => setTimeout(() => r('open'), CUT_OFF_WITHIN_MS).unref())]);
			client.stop();
			assert.notEqual(after, 'open', `${what}: still open after ${CUT_OFF_WITHIN_MS} ms`);
			assert.ok((after as number) >= HEADERS_TIMEOUT_MS / 2, `${what}: closed after ${after} ms, before the bound`);
			assert.match(client.received(), /^HTTP\/1\.1 408 Request Timeout\r\n/, what);
		}
	});

	test('a body that never finishes is cut after the request bound with 408', async () => {
		const client = await slowClient(emulator.url, BODY_HEAD, ' ');
		const after = await Promise.race([client.closed, new Promise<'open'>(r => setTimeout(() => r('open'), CUT_OFF_WITHIN_MS).unref())]);
		client.stop();
		assert.notEqual(after, 'open', `still open after ${CUT_OFF_WITHIN_MS} ms`);
		assert.ok((after as number) >= REQUEST_TIMEOUT_MS / 2, `closed after ${after} ms, before the bound`);
		assert.match(client.received(), /^HTTP\/1\.1 408 Request Timeout\r\n/);
	});

	test('a live tail answer stays open well past both bounds, and a normal request still answers', async () => {
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, disableHostPrefix: true, maxAttempts: 1});
		const leave = new AbortController();
		try {
			await logs.send(new CreateLogGroupCommand({logGroupName: '/long'}));
			const arn = 'arn:aws:logs:us-east-1:123456789012:log-group:/long';
			const {responseStream} = await logs.send(new StartLiveTailCommand({logGroupIdentifiers: [arn]}), {abortSignal: leave.signal});
			const started = Date.now();
			let updates = 0;
			for await (const event of responseStream!) {
				if (event.sessionUpdate) updates++;
				if (Date.now() - started > REQUEST_TIMEOUT_MS * 4) break;
			}
			assert.ok(Date.now() - started > REQUEST_TIMEOUT_MS * 4, 'the stream ended early');
			assert.ok(updates >= 3, `${updates} updates`);
			const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1});
			assert.deepEqual((await sms.send(new DescribePoolsCommand({}))).Pools, []);
			sms.destroy();
		} finally {
			leave.abort();
			logs.destroy();
		}
	});
});

describe('more connections than the limit', () => {
	const MAX = 24;
	let emulator: RunningEmulator;
	before(async () => {
		emulator = await startEmulator({port: 0, seed: 'default', quiet: true, liveTailTickMs: 50, limits: {maxConnections: MAX}});
	});
	after(() => emulator.close());

	test('slow clients past the limit are closed longest-waiting first; a live tail and new clients are served', async () => {
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, disableHostPrefix: true, maxAttempts: 1});
		const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1});
		const leave = new AbortController();
		const slow: RawClient[] = [];
		try {
			await logs.send(new CreateLogGroupCommand({logGroupName: '/busy'}));
			const {responseStream} = await logs.send(new StartLiveTailCommand({logGroupIdentifiers: ['arn:aws:logs:us-east-1:123456789012:log-group:/busy']}), {abortSignal: leave.signal});
			const tail = responseStream![Symbol.asyncIterator]();
			assert.ok((await tail.next()).value?.sessionStart, 'the live tail started');

			for (let i = 0; i < MAX * 2; i++) slow.push(await slowClient(emulator.url, BODY_HEAD, ' '));
			const closedOrder: number[] = [];
			slow.forEach((client, index) => void client.closed.then(() => closedOrder.push(index)));
			await waitFor(() => closedOrder.length >= MAX, `${MAX} slow clients closed for room`);

			const started = Date.now();
			const pools = await sms.send(new DescribePoolsCommand({}));
			assert.equal(pools.Pools?.length, 3);
			// Served, not held behind the slow ones (they held everyone for 70 s before): a bound that holds on a busy machine.
			assert.ok(Date.now() - started < 30_000, `DescribePools took ${Date.now() - started} ms`);
			// The first to be closed are the ones that were waiting longest.
			const firstClosed = closedOrder.slice(0, MAX).sort((a, b) => a - b);
			assert.ok(firstClosed.every(index => index < MAX + 2), `closed: ${firstClosed.join(', ')}`);
			assert.ok(slow.slice(-4).every(client => !client.socket.destroyed), 'the newest slow clients are still open');
			// The live tail, busy answering, was never closed: it keeps streaming.
			const next = await tail.next();
			assert.equal(next.done, false);
			assert.ok(next.value?.sessionUpdate, 'the live tail still streams');
		} finally {
			for (const client of slow) client.stop();
			leave.abort();
			logs.destroy();
			sms.destroy();
		}
	});
});

describe('JSON nesting depth', () => {
	let emulator: RunningEmulator;
	before(async () => {
		emulator = await startEmulator({port: 0, seed: 'default', quiet: true});
	});
	after(() => emulator.close());

	const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
	async function post(target: string, body: string) {
		const logs = target.startsWith('Logs_');
		const res = await fetch(emulator.url, {
			method: 'POST',
			headers: {'x-amz-target': target, 'content-type': `application/x-amz-json-${logs ? '1.1' : '1.0'}`},
			body,
		});
		return {status: res.status, json: (await res.json()) as Record<string, unknown>};
	}

	test('100,000 levels in a list member, a string member or an unknown member: 400 SerializationException, both services', async () => {
		const deep = nested(100_000);
		for (const [target, body] of [
			['PinpointSMSVoiceV2.DescribePools', `{"Filters":${deep}}`],
			['PinpointSMSVoiceV2.DescribePools', `{"NextToken":${deep}}`],
			['PinpointSMSVoiceV2.CreateOptOutList', `{"OptOutListName":"x","Tags":${deep}}`],
			['PinpointSMSVoiceV2.DescribePools', `{"Unmodeled":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`],
			['Logs_20140328.PutLogEvents', `{"logGroupName":"/a","logStreamName":"s","logEvents":${deep}}`],
		]) {
			const {status, json} = await post(target, body);
			assert.equal(status, 400, `${target} ${body.slice(0, 40)}: ${JSON.stringify(json)}`);
			assert.equal(json.__type, 'SerializationException');
			assert.match(String(json.Message ?? json.message), /nests arrays or objects deeper than 64 levels/);
		}
		const admin = await fetch(`${emulator.url}/_smsdeck/throttleNext`, {method: 'POST', body: `{"count":${deep}}`});
		assert.equal(admin.status, 400);
		const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials});
		assert.equal((await sms.send(new DescribePoolsCommand({}))).Pools?.length, 3, 'still answering');
		sms.destroy();
	});

	test(`up to ${MAX_JSON_DEPTH} levels pass the check; brackets inside strings do not count`, async () => {
		const atLimit = await post('PinpointSMSVoiceV2.DescribePools', `{"Unmodeled":${nested(MAX_JSON_DEPTH - 1)}}`);
		assert.equal(atLimit.status, 200, JSON.stringify(atLimit.json));
		const inString = await post('PinpointSMSVoiceV2.DescribePools', `{"Unmodeled":"\\"${'['.repeat(100_000)}"}`);
		assert.equal(inString.status, 200, JSON.stringify(inString.json));
		const overLimit = await post('PinpointSMSVoiceV2.DescribePools', `{"Unmodeled":${nested(MAX_JSON_DEPTH)}}`);
		assert.equal(overLimit.status, 400);
		assert.equal(nestsDeeperThan('{"a":"\\\\"}', 1), false, 'an escaped backslash ends before the closing quote');
		assert.equal(nestsDeeperThan('{"a":"\\\\","b":[]}', 1), true);
	});
});
