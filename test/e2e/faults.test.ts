// The built binary against endpoints that misbehave: one that accepts and never answers, an HTML 502 page,
// garbage, an answer with a null in a list; and a reader that takes its time. Every command ends within its
// budget with one line and a non-zero exit code, ctrl-c and SIGTERM end a hanging tail at once, and every byte of
// a 6.9 MB listing reaches a slow reader.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {isolatedEnv} from '../helpers/binary.js';
import {distPath, nodeBinary} from '../helpers/terminal.js';
import {fixedAnswerEndpoint, rewritingProxy, silentEndpoint, type Endpoint} from '../helpers/hostileEndpoint.js';

const home = mkdtempSync(join(tmpdir(), 'smsdeck-faults-'));
after(() => rmSync(home, {recursive: true, force: true}));

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** From start to exit. */
	ms: number;
}

interface Started {
	child: ReturnType<typeof spawn>;
	done: Promise<Run>;
}

/** `smsdeck ARGS` with every service (sms-voice, Logs, STS) at `endpoint`, as AWS_ENDPOINT_URL does for the CLI. */
function start(endpoint: string, args: string[]): Started {
	const started = Date.now();
	const child = spawn(nodeBinary(), [distPath(), ...args, '--region', 'us-east-1', '--endpoint-url', endpoint], {
		env: {...isolatedEnv(home), AWS_ENDPOINT_URL: endpoint},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', chunk => (stdout += chunk));
	child.stderr!.on('data', chunk => (stderr += chunk));
	const done = new Promise<Run>(resolve => child.on('close', (code, signal) => resolve({code, signal, stdout, stderr, ms: Date.now() - started})));
	return {child, done};
}

/** Resolves once `predicate` holds, checking every 20 ms; rejects with `what` after timeoutMs. */
async function until(what: string, predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

const lines = (text: string) => text.split('\n').filter(line => line.trim() !== '');

/** Runs `jobs` at most `width` at a time (a busy machine has two cores). */
async function inBatches<T>(jobs: (() => Promise<T>)[], width = 3): Promise<T[]> {
	const results: T[] = [];
	for (let i = 0; i < jobs.length; i += width) results.push(...(await Promise.all(jobs.slice(i, i + width).map(job => job()))));
	return results;
}

describe('an endpoint that accepts and never answers', () => {
	let silent: Endpoint & {operations: string[]};
	before(async () => {
		silent = await silentEndpoint();
	});
	after(() => silent.close());

	// Every subcommand that calls the service, reads and changes alike.
	const commands: string[][] = [
		['numbers'],
		['pools'],
		['sender-ids'],
		['config-sets'],
		['opt-outs'],
		['opt-outs', 'add', '--list', 'Default', '+12065550150', '--yes'],
		['verified'],
		['account'],
		['spend'],
		['keywords', 'list', '--origination', '+12065550100'],
		['keywords', 'set', '--origination', '+12065550100', '--keyword', 'JOIN', '--message', 'Welcome', '--yes'],
		['tail', '--log-group', '/sms/events'],
		['tail', 'my-config-set'],
		['simulate'],
	];

	it('every subcommand gives up within its --timeout: exit 1, one line naming the call it waited for', {timeout: 240_000}, async () => {
		// Long enough that even a saturated machine has sent the first call before the budget ends.
		const budgetMs = 5000;
		const waitedFor: [string, string][] = [];
		const runs = await inBatches(commands.map(args => () => start(silent.url, [...args, '--timeout', '5s']).done), 5);
		for (const [i, run] of runs.entries()) {
			const what = `smsdeck ${commands[i].join(' ')}`;
			assert.equal(run.code, 1, `${what}: exit code\n${run.stderr}`);
			assert.equal(run.stdout, '', `${what}: nothing on stdout`);
			// simulate says its progress on stderr first; the last line is the verdict on the wait.
			const last = lines(run.stderr).at(-1) ?? '';
			if (commands[i][0] !== 'simulate') assert.equal(lines(run.stderr).length, 1, `${what}: one line\n${run.stderr}`);
			// simulate gives a call under way 3 s more to finish before it gives up.
			const budget = commands[i][0] === 'simulate' ? '8s \\(--timeout 5s, and 3s more for a call under way\\)' : '5s \\(--timeout\\)';
			assert.match(last, new RegExp(`^smsdeck: gave up after ${budget}: no answer to [A-Za-z]+ yet$`), what);
			waitedFor.push([what, /no answer to ([A-Za-z]+) yet$/.exec(last)![1]]);
			// Start-up on a busy machine takes a while; the point is that it ends, and by its budget's clock.
			assert.ok(run.ms < budgetMs + 3000 + 15_000, `${what}: ${run.ms} ms`);
		}
		// The call each one waited for did reach the endpoint (it was not stuck before sending).
		await until(
			`the call each command waited for reached the endpoint (received: ${silent.operations.join(', ')}; waited for: ${waitedFor.map(([w, op]) => `${w} → ${op}`).join('; ')})`,
			() => waitedFor.every(([, op]) => silent.operations.includes(op)),
			10_000,
		);
	});

	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const) {
		for (const follow of [true, false]) {
			it(`tail${follow ? ' --follow' : ''} waiting on it ends at once on ${signal}: exit ${code}, one line`, {timeout: 60_000}, async () => {
				const before = silent.hits;
				const run = start(silent.url, ['tail', '--log-group', '/sms/events', ...(follow ? ['--follow'] : [])]);
				// Hanging: the first call has reached the endpoint (and will never be answered).
				await until('the first call', () => silent.hits > before);
				const sentAt = Date.now();
				run.child.kill(signal);
				const result = await run.done;
				const took = Date.now() - sentAt;
				assert.equal(result.code, code, result.stderr);
				// At once (the call it waits on would take 30 s to give up): a bound that holds on a busy machine.
				assert.ok(took < 15_000, `${took} ms from ${signal} to exit`);
				assert.equal(result.stdout, '');
				assert.match(lines(result.stderr).at(-1) ?? '', /^smsdeck: stopped before the endpoint gave a valid answer: no answer to (DescribeLogGroups|FilterLogEvents|StartLiveTail) yet$/);
			});
		}
	}

	it('the contrast: ctrl-c ends a working tail --follow with 0, after the events it printed', {timeout: 60_000}, async () => {
		const emu = await startEmulator({port: 0, quiet: true, liveTailTickMs: 200});
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emu.url, credentials: {accessKeyId: 'a', secretAccessKey: 'b'}});
		try {
			await logs.send(new CreateLogGroupCommand({logGroupName: '/faults/working'}));
			await logs.send(new CreateLogStreamCommand({logGroupName: '/faults/working', logStreamName: 's'}));
			await logs.send(new PutLogEventsCommand({logGroupName: '/faults/working', logStreamName: 's', logEvents: [{message: 'first line', timestamp: Date.now()}]}));
			const run = start(emu.url, ['tail', '--log-group', '/faults/working', '--follow']);
			let out = '';
			run.child.stdout!.on('data', chunk => (out += chunk));
			await until('the event', () => out.includes('first line'));
			run.child.kill('SIGINT');
			const result = await run.done;
			assert.equal(result.code, 0, result.stderr);
			assert.doesNotMatch(result.stderr, /stopped before/);
		} finally {
			logs.destroy();
			await emu.close();
		}
	});

	it('a listing waiting on it ends at once on ctrl-c (130) and SIGTERM (143)', {timeout: 60_000}, async () => {
		for (const [signal, code] of [
			['SIGINT', 130],
			['SIGTERM', 143],
		] as const) {
			const before = silent.hits;
			const run = start(silent.url, ['numbers']);
			await until('the first call', () => silent.hits > before);
			const sentAt = Date.now();
			run.child.kill(signal);
			const result = await run.done;
			assert.equal(result.code, code, result.stderr);
			assert.ok(Date.now() - sentAt < 5000);
		}
	});
});

describe('an endpoint that answers, but not as the service', () => {
	const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>\x1b[2J nginx</body></html>';
	const GARBAGE = Buffer.concat([Buffer.from([0x00, 0x9b, 0x1b]), Buffer.from(']52;c;cHduZWQ=\x07 garbage {{{')]);
	const bodies: [string, {status: number; contentType: string; body: string | Buffer}, RegExp][] = [
		['an HTML 502 page', {status: 502, contentType: 'text/html', body: HTML_502}, /the endpoint answered HTTP 502 with an HTML page, not an answer from the service$/],
		['garbage', {status: 200, contentType: 'application/x-amz-json-1.1', body: GARBAGE}, /the endpoint answered HTTP 200 with JSON that is cut short or garbled, not an answer from the service$/],
	];
	for (const [what, body, expected] of bodies) {
		it(`${what}: tail --log-group and numbers exit 1 with one line, none of its bytes`, {timeout: 60_000}, async () => {
			const endpoint = await fixedAnswerEndpoint(body);
			try {
				for (const args of [['tail', '--log-group', '/sms/events'], ['numbers']]) {
					const run = await start(endpoint.url, args).done;
					const name = `smsdeck ${args.join(' ')} (${what})`;
					assert.equal(run.code, 1, `${name}\n${run.stderr}`);
					assert.equal(run.stdout, '', name);
					assert.equal(lines(run.stderr).length, 1, `${name}: one line\n${run.stderr}`);
					assert.match(run.stderr.trimEnd(), expected, name);
					assert.match(run.stderr, args[0] === 'tail' ? /^smsdeck: FilterLogEvents: / : /^smsdeck: DescribePhoneNumbers: /);
					assert.doesNotMatch(run.stderr, /[\x00-\x09\x0b-\x1f\x7f-\x9f]|Bad Gateway|nginx|garbage|52;c/, `${name}: nothing of the body`);
				}
			} finally {
				await endpoint.close();
			}
		});
	}

	it('a null in the list of phone numbers: numbers exits 1 naming where, and prints no table', {timeout: 60_000}, async () => {
		const emu = await startEmulator({port: 0, quiet: true});
		const proxy = await rewritingProxy(emu.url, {DescribePhoneNumbers: answer => ({...answer, PhoneNumbers: [...(answer.PhoneNumbers as unknown[]), null]})});
		try {
			const run = await start(proxy.url, ['numbers', '--json']).done;
			assert.equal(run.code, 1, run.stderr);
			assert.equal(run.stdout, '');
			assert.match(run.stderr, /^smsdeck: DescribePhoneNumbers: the endpoint's answer does not fit the service's model: PhoneNumbers\[\d+\] is null\n$/);
			// The same emulator without the proxy lists them: the fault is the null, nothing else.
			const clean = await start(emu.url, ['numbers', '--json']).done;
			assert.equal(clean.code, 0, clean.stderr);
			assert.ok(JSON.parse(clean.stdout).length > 0);
		} finally {
			await proxy.close();
			await emu.close();
		}
	});
});

describe('a reader that takes its time', () => {
	let emu: RunningEmulator;
	before(async () => {
		emu = await startEmulator({port: 0, quiet: true, seed: 'big'});
	});
	after(() => emu.close());

	it('numbers --json: all 10,009 numbers reach a reader that pauses after every 64 KB, exit 0', {timeout: 180_000}, async () => {
		const run = start(emu.url, ['numbers', '--json']);
		const stdout = run.child.stdout!;
		// Take 64 KB, then stop reading for a while: the pipe fills and the writer has to wait for us.
		const chunks: Buffer[] = [];
		let received = 0;
		let nextPause = 64 * 1024;
		let pauses = 0;
		stdout.removeAllListeners('data');
		stdout.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			received += chunk.length;
			if (received >= nextPause) {
				nextPause += 64 * 1024;
				pauses++;
				stdout.pause();
				setTimeout(() => stdout.resume(), 25);
			}
		});
		const result = await run.done;
		assert.equal(result.code, 0, result.stderr);
		const text = Buffer.concat(chunks).toString('utf8');
		assert.ok(received > 6_000_000, `${received} bytes`);
		assert.ok(pauses > 90, `${pauses} pauses`);
		const numbers = JSON.parse(text) as {PhoneNumber?: string}[];
		assert.equal(numbers.length, 10_009);
		assert.ok(text.endsWith(']\n'), 'the last byte arrived');
	});

	it('numbers | head -1: the reader leaves after one line, the command exits 0 quietly', {timeout: 60_000}, async () => {
		const run = start(emu.url, ['numbers']);
		const stdout = run.child.stdout!;
		stdout.removeAllListeners('data');
		let first = '';
		stdout.on('data', (chunk: Buffer) => {
			first += chunk.toString();
			if (first.includes('\n')) stdout.destroy();
		});
		const result = await run.done;
		assert.equal(result.code, 0, result.stderr);
		assert.equal(result.stderr, '');
		assert.match(first, /^NUMBER\s+TYPE/);
	});
});
