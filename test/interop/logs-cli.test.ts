// Interop: the pip AWS CLI v1 (`aws` on PATH) against the emulator's CloudWatch Logs, --output json.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {promisify} from 'node:util';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {isolatedAwsEnv} from '../helpers/awsCli.js';

const run = promisify(execFile);
const cli = isolatedAwsEnv('awscli');
const env = cli.env;

let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, seed: 'empty', liveTailTickMs: 200, quiet: true});
});
after(async () => {
	await emulator.close();
	cli.remove();
});

async function aws(...args: string[]): Promise<any> {
	const {stdout} = await run('aws', ['--endpoint-url', emulator.url, '--output', 'json', ...args], {env, timeout: 30_000});
	return stdout.trim() === '' ? {} : JSON.parse(stdout);
}

test('aws logs: create, put, filter, get, describe round-trip', async () => {
	await aws('logs', 'create-log-group', '--log-group-name', '/interop/app');
	await aws('logs', 'create-log-stream', '--log-group-name', '/interop/app', '--log-stream-name', 'web-1');
	const now = Date.now();
	const put = await aws(
		'logs', 'put-log-events', '--log-group-name', '/interop/app', '--log-stream-name', 'web-1',
		'--log-events', `timestamp=${now - 2},message=ERROR first`, `timestamp=${now - 1},message=INFO second`, `timestamp=${now},message=ERROR third`,
	);
	assert.match(put.nextSequenceToken, /^\d+$/);

	const filtered = await aws('logs', 'filter-log-events', '--log-group-name', '/interop/app', '--filter-pattern', 'ERROR');
	assert.deepEqual(filtered.events.map((e: {message: string}) => e.message), ['ERROR first', 'ERROR third']);
	assert.ok(filtered.events.every((e: {eventId: string; logStreamName: string}) => e.eventId && e.logStreamName === 'web-1'));

	// The CLI follows nextToken by itself: a page size of 1 still returns all three.
	const paged = await aws('logs', 'filter-log-events', '--log-group-name', '/interop/app', '--page-size', '1');
	assert.equal(paged.events.length, 3);

	const got = await aws('logs', 'get-log-events', '--log-group-name', '/interop/app', '--log-stream-name', 'web-1', '--start-from-head');
	assert.deepEqual(got.events.map((e: {message: string}) => e.message), ['ERROR first', 'INFO second', 'ERROR third']);
	assert.ok(got.nextForwardToken && got.nextBackwardToken);

	const groups = await aws('logs', 'describe-log-groups', '--log-group-name-prefix', '/interop/');
	assert.equal(groups.logGroups.length, 1);
	assert.equal(groups.logGroups[0].logGroupArn, 'arn:aws:logs:us-east-1:123456789012:log-group:/interop/app');

	const error = await aws('logs', 'describe-log-streams', '--log-group-name', '/interop/missing').catch(e => e);
	assert.match(String(error.stderr), /ResourceNotFoundException/);
});

test('aws logs start-live-tail prints events put while it runs', async () => {
	await aws('logs', 'create-log-group', '--log-group-name', '/interop/tail');
	await aws('logs', 'create-log-stream', '--log-group-name', '/interop/tail', '--log-stream-name', 's');
	const child = spawn(
		'aws',
		['--endpoint-url', emulator.url, '--output', 'json', 'logs', 'start-live-tail', '--log-group-identifiers', 'arn:aws:logs:us-east-1:123456789012:log-group:/interop/tail'],
		{env: {...env, AWS_DISABLE_HOST_PREFIX_INJECTION: 'true'}},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => (stdout += chunk));
	child.stderr.on('data', chunk => (stderr += chunk));
	const exited = new Promise(resolve => child.once('exit', resolve));
	try {
		// Put lines until the CLI shows one (it connects in about a second), at most ~8 s.
		const deadline = Date.now() + 8000;
		let n = 0;
		while (!stdout.includes('live line') && Date.now() < deadline) {
			await aws('logs', 'put-log-events', '--log-group-name', '/interop/tail', '--log-stream-name', 's', '--log-events', `timestamp=${Date.now()},message=live line ${n++}`);
			await new Promise(r => setTimeout(r, 300));
		}
	} finally {
		child.kill('SIGTERM');
		await exited;
	}
	const lines = stdout.split('\n').filter(line => line.trim() !== '');
	assert.ok(lines.some(line => /^live line \d+$/.test(line.trim())), `the CLI printed: ${stdout}\n${stderr}`);
	assert.doesNotMatch(stderr, /ResponseParserError|Traceback/);
});

test('aws logs tag-log-group and untag-log-group (the name-based pair), read back with list-tags-log-group', async () => {
	await aws('logs', 'create-log-group', '--log-group-name', '/interop/tagged');
	await aws('logs', 'tag-log-group', '--log-group-name', '/interop/tagged', '--tags', 'Team=sms,Env=prod');
	assert.deepEqual((await aws('logs', 'list-tags-log-group', '--log-group-name', '/interop/tagged')).tags, {Team: 'sms', Env: 'prod'});
	await aws('logs', 'untag-log-group', '--log-group-name', '/interop/tagged', '--tags', 'Env');
	assert.deepEqual((await aws('logs', 'list-tags-log-group', '--log-group-name', '/interop/tagged')).tags, {Team: 'sms'});
	const error = await aws('logs', 'tag-log-group', '--log-group-name', '/interop/none', '--tags', 'A=b').catch(e => e);
	assert.match(String(error.stderr), /ResourceNotFoundException/);
});
