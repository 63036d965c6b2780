// Every call has time limits: to connect, to the first byte of the answer, and for silence in the middle of it.
// Against endpoints that never answer (or stop half way), a call fails within its limits with one line that says
// which limit, instead of waiting for ever; the credential chain's own calls (STS for a role) too.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {AddressInfo} from 'node:net';
import {createClients, destroyClients, type Clients, type Connection} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {describeServiceError} from '../../source/services/errors.js';
import {requestHandlerOptions} from '../../source/services/httpAgents.js';
import {callTimeouts, DEFAULT_CALL_TIMEOUTS, type CallTimeouts} from '../../source/services/timeouts.js';
import {silentEndpoint, type Endpoint} from '../helpers/hostileEndpoint.js';
import {startEmulator} from '../../source/emulator/index.js';
import {startTail} from '../../source/services/tailEngine.js';
import type {TailHealth} from '../../source/services/tailTypes.js';

const FAST: CallTimeouts = {connectMs: 400, firstByteMs: 400, idleMs: 400};

let silent: Endpoint;
let stalling: http.Server;
let stallingUrl: string;
const saved = {...process.env};
before(async () => {
	silent = await silentEndpoint();
	// Answers with headers and half a JSON body, then says nothing more.
	stalling = http.createServer((req, res) => {
		req.resume();
		res.writeHead(200, {'content-type': 'application/x-amz-json-1.0'});
		res.write('{"Pools": [');
	});
	await new Promise<void>(resolve => stalling.listen(0, '127.0.0.1', resolve));
	stallingUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
	process.env.AWS_ACCESS_KEY_ID = 'test';
	process.env.AWS_SECRET_ACCESS_KEY = 'test';
	delete process.env.AWS_MAX_ATTEMPTS;
});
after(async () => {
	process.env = saved;
	await silent.close();
	stalling.closeAllConnections();
	await new Promise(resolve => stalling.close(resolve));
});

async function clientsAt(endpoint: string, timeouts: CallTimeouts, connection: Partial<Connection> = {}): Promise<Clients> {
	return createClients({region: 'us-east-1', endpoint, local: true, ...connection}, {limiter: new RateLimiter(), health: new Health(), timeouts});
}

/** Runs DescribePools; resolves with how long it took to fail and the one line the user would read. */
async function failure(clients: Clients): Promise<{ms: number; line: string}> {
	const {DescribePoolsCommand} = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
	const started = Date.now();
	try {
		await clients.sms.send(new DescribePoolsCommand({}));
	} catch (error) {
		return {ms: Date.now() - started, line: describeServiceError(error).message};
	}
	throw new Error('the call succeeded');
}

test('the handler options carry all three limits, with or without agents of our own', () => {
	const plain = requestHandlerOptions({env: {}});
	assert.equal(plain.httpAgent, undefined, 'no proxy, no CA bundle: the SDK makes its agents');
	assert.deepEqual(
		{connect: plain.connectionTimeout, firstByte: plain.requestTimeout, throws: plain.throwOnRequestTimeout, idle: plain.socketTimeout},
		{connect: 10_000, firstByte: 30_000, throws: true, idle: 30_000},
	);
	const proxied = requestHandlerOptions({env: {HTTPS_PROXY: 'http://proxy.example:3128'}, timeouts: FAST});
	assert.ok(proxied.httpsAgent, 'a proxy: our routing agent');
	assert.deepEqual([proxied.connectionTimeout, proxied.requestTimeout, proxied.socketTimeout], [400, 400, 400]);
	proxied.httpsAgent?.destroy();
});

test('--timeout caps every per-call limit; without it the defaults apply', () => {
	assert.deepEqual(callTimeouts(undefined), DEFAULT_CALL_TIMEOUTS);
	assert.deepEqual(callTimeouts(5 * 60_000), DEFAULT_CALL_TIMEOUTS);
	assert.deepEqual(callTimeouts(3000), {connectMs: 3000, firstByteMs: 3000, idleMs: 3000});
	assert.deepEqual(callTimeouts(20_000), {connectMs: 10_000, firstByteMs: 20_000, idleMs: 20_000});
});

test('an endpoint that accepts and never answers: the call fails after its first-byte limit, each try', {timeout: 60_000}, async () => {
	const clients = await clientsAt(silent.url, FAST);
	try {
		const {ms, line} = await failure(clients);
		assert.equal(line, 'DescribePools: the endpoint did not answer within 400ms (3 tries)');
		// Three tries of 400 ms and the SDK's short back-off between them, not for ever.
		assert.ok(ms >= 1100, `${ms} ms: each try waited its 400 ms`);
		assert.ok(ms < 15_000, `${ms} ms`);
		assert.ok(silent.hits >= 1, 'the endpoint was reached');
	} finally {
		destroyClients(clients);
	}
});

test('an answer that stops half way: the call fails after the idle limit, and says so', {timeout: 60_000}, async () => {
	const clients = await clientsAt(stallingUrl, FAST);
	try {
		const {ms, line} = await failure(clients);
		assert.equal(line, 'DescribePools: the endpoint went silent for 400ms in the middle of its answer (3 tries)');
		assert.ok(ms < 15_000, `${ms} ms`);
	} finally {
		destroyClients(clients);
	}
});

test('the credential chain’s own call (STS AssumeRole for a profile’s role) has the same limits', {timeout: 60_000}, async () => {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-timeouts-'));
	try {
		writeFileSync(join(dir, 'config'), '[profile role]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = base\n');
		writeFileSync(join(dir, 'credentials'), '[base]\naws_access_key_id = A\naws_secret_access_key = B\n');
		process.env.AWS_CONFIG_FILE = join(dir, 'config');
		process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
		// The role's STS call goes to the silent endpoint; the sms-voice call never gets as far as being sent.
		process.env.AWS_ENDPOINT_URL_STS = silent.url;
		const before = silent.hits;
		const clients = await clientsAt(stallingUrl, FAST, {local: false, profile: 'role', credentials: 'profile'});
		try {
			const {ms, line} = await failure(clients);
			assert.equal(line, 'getting credentials: the endpoint did not answer within 400ms (3 tries)');
			assert.ok(ms < 15_000, `${ms} ms`);
			assert.ok(silent.hits > before, 'the STS call went to the silent endpoint');
		} finally {
			destroyClients(clients);
		}
	} finally {
		delete process.env.AWS_ENDPOINT_URL_STS;
		delete process.env.AWS_CONFIG_FILE;
		delete process.env.AWS_SHARED_CREDENTIALS_FILE;
		rmSync(dir, {recursive: true, force: true});
	}
});

test('a live tail stream outlives the idle limit many times over while the service sends its updates', {timeout: 60_000}, async () => {
	// Updates every 100 ms (the service sends one a second); an idle limit of 600 ms.
	const emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5, liveTailTickMs: 100});
	const clients = await clientsAt(emulator.url, {connectMs: 600, firstByteMs: 600, idleMs: 600});
	const {CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} = await import('@aws-sdk/client-cloudwatch-logs');
	const group = `idle-${process.pid}`;
	await clients.logs.send(new CreateLogGroupCommand({logGroupName: group}));
	await clients.logs.send(new CreateLogStreamCommand({logGroupName: group, logStreamName: 's'}));
	const states: TailHealth['state'][] = [];
	const messages: string[] = [];
	const tail = startTail(clients, {logGroupIdentifier: group}, {follow: true}, {
		events: batch => messages.push(...batch.map(e => e.message)),
		health: h => states.push(h.state),
	});
	const waitFor = async (what: string, check: () => boolean) => {
		const deadline = Date.now() + 30_000;
		while (!check()) {
			if (Date.now() > deadline) assert.fail(`${what}; states: ${states.join(' ')}`);
			await new Promise(resolve => setTimeout(resolve, 20));
		}
	};
	try {
		await waitFor('live', () => states.includes('live'));
		const liveAt = Date.now();
		// Five idle limits' worth of an open stream, then an event through it.
		await waitFor('3 s of live tail', () => Date.now() - liveAt > 3000);
		await clients.logs.send(new PutLogEventsCommand({logGroupName: group, logStreamName: 's', logEvents: [{message: 'still here', timestamp: Date.now()}]}));
		await waitFor('the event', () => messages.includes('still here'));
		assert.equal(tail.health().transport, 'LIVE');
		assert.deepEqual(
			states.slice(states.indexOf('live')).filter(state => state !== 'live'),
			[],
			'never reconnecting: the stream was not cut',
		);
	} finally {
		tail.stop();
		await tail.done;
		destroyClients(clients);
		await emulator.close();
	}
});
