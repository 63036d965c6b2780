// --state persistence: atomic snapshots, restore on restart, and nothing acknowledged lost to a kill.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand, FilterLogEventsCommand, PutLogEventsCommand, CreateLogStreamCommand} from '@aws-sdk/client-cloudwatch-logs';
import {loadState, StateError, StatePersistence, writeFileAtomic} from '../../source/emulator/persistence.js';
import {startEmulator} from '../../source/emulator/index.js';

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
		const p = new StatePersistence(path, () => ({format: 'smsdeck-emulator-state', version: 1, savedAt: '', accountId: 'x', services: {n: ++n}}), 30);
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
		await first.close();
		client.destroy();

		const second = await startEmulator({port: 0, statePath, seed: 'empty', quiet: true});
		const again = new CloudWatchLogsClient({region: 'eu-west-1', endpoint: second.url, credentials});
		try {
			const after = await again.send(new FilterLogEventsCommand({logGroupName: '/kept'}));
			assert.deepEqual(after.events, before.events);
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
