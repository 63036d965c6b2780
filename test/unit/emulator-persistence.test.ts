// --state persistence: atomic snapshots, restore on restart, and nothing acknowledged lost to a kill.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand, FilterLogEventsCommand, PutLogEventsCommand, CreateLogStreamCommand} from '@aws-sdk/client-cloudwatch-logs';
import {PinpointSMSVoiceV2Client, CreateOptOutListCommand, DescribeOptOutListsCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {loadState, StateError, StatePersistence, writeFileAtomic} from '../../source/emulator/persistence.js';
import {startEmulator} from '../../source/emulator/index.js';
import {runEmulator} from '../../source/commands/emulator.js';
import type {GlobalOptions} from '../../source/commands/types.js';
import {captureIo} from '../helpers/commands.js';

const dir = mkdtempSync(join(tmpdir(), 'smsdeck-state-'));
after(() => rmSync(dir, {recursive: true, force: true}));
const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};

describe('state file primitives', () => {
	test('writeFileAtomic replaces the file and leaves no temp files behind', async () => {
		const path = join(dir, 'atomic.json');
		await writeFileAtomic(path, '{"a":1}');
		await writeFileAtomic(path, '{"a":2}');
		assert.equal(readFileSync(path, 'utf8'), '{"a":2}');
		assert.deepEqual(readdirSync(dir).filter(f => f.includes('atomic')), ['atomic.json']);
	});

	test('loadState: missing file is a fresh start; foreign or corrupt files are refused', async () => {
		assert.equal(await loadState(join(dir, 'none.json')), undefined);
		writeFileSync(join(dir, 'bad.json'), '{"format":"other"}');
		await assert.rejects(loadState(join(dir, 'bad.json')), StateError);
		writeFileSync(join(dir, 'broken.json'), '{"format":');
		await assert.rejects(loadState(join(dir, 'broken.json')), StateError);
	});

	test('markDirty writes after a short debounce; flush writes at once', async () => {
		const path = join(dir, 'debounce.json');
		let n = 0;
		const p = new StatePersistence(path, () => ({format: 'smsdeck-emulator-state', version: 1, savedAt: '', accountId: 'x', services: {n: ++n}}), {debounceMs: 30, restore() {}});
		p.markDirty();
		p.markDirty();
		const deadline = Date.now() + 3000;
		while (Date.now() < deadline) {
			try {
				if (JSON.parse(readFileSync(path, 'utf8')).services.n === 1) break;
			} catch {
				// not written yet
			}
			await new Promise(r => setTimeout(r, 5));
		}
		assert.equal(JSON.parse(readFileSync(path, 'utf8')).services.n, 1, 'two markDirty calls make one write');
		p.markDirty();
		await p.flush();
		assert.equal(JSON.parse(readFileSync(path, 'utf8')).services.n, 2);
	});
});

describe('emulator restart', () => {
	test('log groups and events survive a clean restart', async () => {
		const statePath = join(dir, 'restart.json');
		const first = await startEmulator({port: 0, statePath, seed: 'empty', quiet: true});
		const client = new CloudWatchLogsClient({region: 'eu-west-1', endpoint: first.url, credentials});
		await client.send(new CreateLogGroupCommand({logGroupName: '/kept'}));
		await client.send(new CreateLogStreamCommand({logGroupName: '/kept', logStreamName: 's'}));
		await client.send(new PutLogEventsCommand({logGroupName: '/kept', logStreamName: 's', logEvents: [{timestamp: Date.now(), message: 'survives'}]}));
		const before = await client.send(new FilterLogEventsCommand({logGroupName: '/kept'}));
		const sms = new PinpointSMSVoiceV2Client({region: 'eu-west-1', endpoint: first.url, credentials});
		await sms.send(new CreateOptOutListCommand({OptOutListName: 'kept-list'}));
		sms.destroy();
		await first.close();
		client.destroy();

		const second = await startEmulator({port: 0, statePath, seed: 'empty', quiet: true});
		const again = new CloudWatchLogsClient({region: 'eu-west-1', endpoint: second.url, credentials});
		try {
			const after = await again.send(new FilterLogEventsCommand({logGroupName: '/kept'}));
			assert.deepEqual(after.events, before.events);
			const sms = new PinpointSMSVoiceV2Client({region: 'eu-west-1', endpoint: second.url, credentials});
			const lists = await sms.send(new DescribeOptOutListsCommand({}));
			sms.destroy();
			assert.ok(lists.OptOutLists?.some(l => l.OptOutListName === 'kept-list'), 'sms-voice state survives too');
		} finally {
			again.destroy();
			await second.close();
		}
	});

	test('SIGKILL right after acknowledged requests loses none of them', async () => {
		const statePath = join(dir, 'killed.json');
		const script = `
			import {startEmulator} from ${JSON.stringify(new URL('../../source/emulator/index.ts', import.meta.url).href)};
			const e = await startEmulator({port: 0, statePath: ${JSON.stringify(statePath)}, seed: 'empty', quiet: true});
			process.stdout.write(e.url + '\\n');
		`;
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']});
		const url = await new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdout.on('data', chunk => {
				out += chunk;
				if (out.includes('\n')) resolve(out.trim());
			});
			child.on('exit', code => reject(new Error(`emulator exited early (${code})`)));
		});
		const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1});
		const acknowledged: string[] = [];
		for (let i = 0; i < 25; i++) {
			await client.send(new CreateLogGroupCommand({logGroupName: `/acked/${i}`}));
			acknowledged.push(`/acked/${i}`);
		}
		child.kill('SIGKILL');
		await new Promise(resolve => child.once('exit', resolve));
		client.destroy();

		const restarted = await startEmulator({port: 0, statePath, quiet: true});
		const check = new CloudWatchLogsClient({region: 'us-east-1', endpoint: restarted.url, credentials});
		try {
			const groups = await check.send(new DescribeLogGroupsCommand({logGroupNamePrefix: '/acked/'}));
			assert.deepEqual(groups.logGroups?.map(g => g.logGroupName).sort(), [...acknowledged].sort());
		} finally {
			check.destroy();
			await restarted.close();
		}
	});
});

describe('smsdeck emulator command', () => {
	const globals: GlobalOptions = {local: false, readOnly: false, noColor: true, ascii: true, json: false};
	const io = () => captureIo();

	test('bad flags and values are one-line errors with exit code 2', async () => {
		for (const args of [['--bogus'], ['--port', 'abc'], ['--port', '70000'], ['--seed', 'huge'], ['--event-delay', '-5'], ['stray']]) {
			const t = io();
			assert.equal(await runEmulator(args, globals, t.io), 2, args.join(' '));
			assert.equal(t.err().trim().split('\n').length, 1, t.err());
			assert.match(t.err(), /^smsdeck emulator: /);
		}
	});

	test('prints what to export, serves requests, and on stop flushes --state and returns 0', async () => {
		const statePath = join(dir, 'command.json');
		const t = io();
		const stop = new AbortController();
		const done = runEmulator(['--port', '0', '--seed', 'empty', '--state', statePath, '--host', '127.0.0.1'], globals, t.io, stop.signal);
		const deadline = Date.now() + 10_000;
		while (!/listening on (http:\S+)/.test(t.out()) && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
		const url = /listening on (http:\S+)/.exec(t.out())![1];
		assert.match(t.out(), new RegExp(`export AWS_ENDPOINT_URL=${url.replace(/[.:/]/g, '\\$&')}`));
		assert.match(t.out(), /AWS_ACCESS_KEY_ID=test/);
		assert.match(t.out(), /aws --endpoint-url \S+ pinpoint-sms-voice-v2 describe-pools/);
		assert.match(t.out(), /aws --endpoint-url \S+ pinpoint get-apps/);
		assert.match(t.out(), /AWS_DISABLE_HOST_PREFIX_INJECTION=true/);
		const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials});
		await client.send(new CreateLogGroupCommand({logGroupName: '/from/command'}));
		client.destroy();
		stop.abort();
		assert.equal(await done, 0);
		const saved = await loadState(statePath);
		assert.match(JSON.stringify(saved?.services), /\/from\/command/);
	});

	test('a non-loopback host is warned about, not refused', async () => {
		const t = io();
		const stop = new AbortController();
		stop.abort();
		assert.equal(await runEmulator(['--port', '0', '--host', '0.0.0.0', '--seed', 'empty'], globals, t.io, stop.signal), 0);
		assert.match(t.err(), /warning: .*not loopback/);
	});
});
