// --state when the disk says no: a write that cannot be saved is refused with the service's own error and
// undone, so what a client sees is what a restart shows; a start on a folder that is missing, read-only or full
// is refused with one line; temp files a killed emulator left (state and CA file) are removed at the next start.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, PutLogEventsCommand, StartLiveTailCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateOptOutListCommand, DescribeOptOutListsCommand, InternalServerException, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {removeStaleTempFiles, StatePersistence, StateSaveError, type StateFile} from '../../source/emulator/persistence.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {runEmulator} from '../../source/commands/emulator.js';
import type {GlobalOptions} from '../../source/commands/types.js';
import {captureIo} from '../helpers/commands.js';
import {mountTmpfs, type Tmpfs} from '../helpers/mounts.js';

const dir = mkdtempSync(join(tmpdir(), 'smsdeck-state-faults-'));
const mounts: Tmpfs[] = [];
after(() => {
	for (const m of mounts) m.unmount();
	rmSync(dir, {recursive: true, force: true});
});
const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};

function tmpfs(size: string): Tmpfs | {skip: string} {
	const m = mountTmpfs(size);
	if ('dir' in m) mounts.push(m);
	return m;
}

/** Both services' clients against one emulator, one attempt each (a refusal is seen, not retried away). */
function clients(emulator: RunningEmulator) {
	const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1});
	const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1});
	return {
		logs,
		sms,
		groups: async () => ((await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map(g => g.logGroupName).sort(),
		lists: async () => ((await sms.send(new DescribeOptOutListsCommand({}))).OptOutLists ?? []).map(l => l.OptOutListName).sort(),
		destroy() {
			logs.destroy();
			sms.destroy();
		},
	};
}

/** What a fresh emulator on `statePath` shows: the test of "what a restart will show". */
async function afterRestart(statePath: string) {
	const emulator = await startEmulator({port: 0, statePath, quiet: true});
	const c = clients(emulator);
	try {
		return {groups: await c.groups(), lists: await c.lists()};
	} finally {
		c.destroy();
		await emulator.close();
	}
}

/** `.state.json.<pid>.<hex>.tmp` files in `folder`. */
const tempFiles = (folder: string) => readdirSync(folder).filter(name => name.endsWith('.tmp'));

/**
 * The shared scenario: one change acknowledged, then `breakIt()`; a log group and an opt-out list are refused
 * with the services' errors (naming `reason`) and never appear, reads keep working; after `repair()` changes
 * are saved again, and a restart shows exactly the acknowledged ones.
 */
async function refusedAndUndone(folder: string, reason: RegExp, breakIt: () => void, repair: () => void): Promise<void> {
	const statePath = join(folder, 'state.json');
	const emulator = await startEmulator({port: 0, statePath, seed: 'empty', quiet: true});
	const c = clients(emulator);
	try {
		await c.logs.send(new CreateLogGroupCommand({logGroupName: '/kept'}));
		breakIt();

		const logsError = await c.logs.send(new CreateLogGroupCommand({logGroupName: '/lost'})).catch(e => e);
		assert.equal(logsError.name, 'ServiceUnavailableException', String(logsError));
		assert.equal(logsError.$metadata.httpStatusCode, 500);
		assert.match(logsError.message, /^The request was not carried out: the emulator cannot save its state to \S+state\.json: /);
		assert.match(logsError.message, reason);
		const smsError = await c.sms.send(new CreateOptOutListCommand({OptOutListName: 'lost-list'})).catch(e => e);
		assert.ok(smsError instanceof InternalServerException, String(smsError));
		assert.match(smsError.message, reason);
		assert.match(smsError.RequestId ?? '', /^[0-9a-f-]{36}$/);

		assert.deepEqual(await c.groups(), ['/kept'], 'the refused log group is not there, and reads still answer');
		assert.deepEqual(await c.lists(), ['Default'], 'the refused opt-out list is not there');

		repair();
		await c.logs.send(new CreateLogGroupCommand({logGroupName: '/after'}));
		assert.deepEqual(await c.groups(), ['/after', '/kept']);
	} finally {
		c.destroy();
		await emulator.close();
	}
	assert.deepEqual(await afterRestart(statePath), {groups: ['/after', '/kept'], lists: ['Default']});
	assert.deepEqual(tempFiles(folder), [], 'no temp file left by the failed writes');
}

describe('a change that cannot be saved is refused and undone', () => {
	test('full disk (a small tmpfs filled up): ServiceUnavailableException / InternalServerException, nothing kept', async t => {
		const fs = tmpfs('256k');
		if ('skip' in fs) return t.skip(fs.skip);
		let filler = '';
		await refusedAndUndone(fs.dir, /: the disk is full \(ENOSPC\)\.$/, () => (filler = fs.fill()), () => rmSync(filler));
	});

	test('read-only file system (the tmpfs remounted read-only)', async t => {
		const fs = tmpfs('1m');
		if ('skip' in fs) return t.skip(fs.skip);
		await refusedAndUndone(fs.dir, /: the file system is read-only \(EROFS\)\.$/, () => fs.setReadOnly(true), () => fs.setReadOnly(false));
	});

	test('the folder removed under a running emulator: refused until it is back, then the whole state is written', async () => {
		const folder = join(dir, 'removed');
		mkdirSync(folder);
		await refusedAndUndone(folder, /: the folder \S+removed does not exist \(ENOENT\)\.$/, () => rmSync(folder, {recursive: true}), () => mkdirSync(folder));
	});
});

test('a live tail that was running when a change was undone keeps receiving events', async () => {
	const folder = join(dir, 'tail');
	mkdirSync(folder);
	const emulator = await startEmulator({port: 0, statePath: join(folder, 'state.json'), seed: 'empty', quiet: true, liveTailTickMs: 20});
	const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, disableHostPrefix: true, maxAttempts: 1});
	const leave = new AbortController();
	try {
		await logs.send(new CreateLogGroupCommand({logGroupName: '/tailed'}));
		await logs.send(new CreateLogStreamCommand({logGroupName: '/tailed', logStreamName: 's'}));
		const {responseStream} = await logs.send(new StartLiveTailCommand({logGroupIdentifiers: ['arn:aws:logs:us-east-1:123456789012:log-group:/tailed']}), {abortSignal: leave.signal});
		const tail = responseStream![Symbol.asyncIterator]();
		assert.ok((await tail.next()).value?.sessionStart);
		rmSync(folder, {recursive: true});
		await assert.rejects(logs.send(new CreateLogGroupCommand({logGroupName: '/undone'})), /cannot save its state/);
		mkdirSync(folder);
		await logs.send(new PutLogEventsCommand({logGroupName: '/tailed', logStreamName: 's', logEvents: [{timestamp: Date.now(), message: 'after the undo'}]}));
		const deadline = Date.now() + 10_000;
		for (;;) {
			assert.ok(Date.now() < deadline, 'no event reached the live tail within 10 s');
			const {value, done} = await tail.next();
			assert.equal(done, false, 'the live tail ended');
			const messages = value?.sessionUpdate?.sessionResults?.map(r => r.message) ?? [];
			if (messages.length > 0) {
				assert.deepEqual(messages, ['after the undo']);
				break;
			}
		}
	} finally {
		leave.abort();
		logs.destroy();
		await emulator.close();
	}
});

describe('start-up with a --state that cannot be written: one line, exit 2', () => {
	const globals: GlobalOptions = {local: false, readOnly: false, noColor: true, ascii: true, json: false};

	async function refusal(statePath: string): Promise<string> {
		const t = captureIo();
		const stop = new AbortController();
		stop.abort(); // were it to start, stop at once
		assert.equal(await runEmulator(['--port', '0', '--seed', 'default', '--state', statePath], globals, t.io, stop.signal), 2, t.out() + t.err());
		assert.equal(t.out(), '', 'nothing says it is listening');
		assert.equal(t.err().split('\n').length, 2, `one line: ${t.err()}`);
		return t.err();
	}

	test('a missing folder', async () => {
		const statePath = join(dir, 'no-such-folder', 'state.json');
		assert.equal(await refusal(statePath), `smsdeck emulator: cannot save state to ${statePath}: the folder ${join(dir, 'no-such-folder')} does not exist (ENOENT)\n`);
	});

	test('a read-only file system, with and without a state file in it', async t => {
		const fs = tmpfs('1m');
		if ('skip' in fs) return t.skip(fs.skip);
		const statePath = join(fs.dir, 'state.json');
		const first = await startEmulator({port: 0, statePath, seed: 'empty', quiet: true});
		await first.close();
		fs.setReadOnly(true);
		assert.equal(await refusal(statePath), `smsdeck emulator: cannot save state to ${statePath}: the file system is read-only (EROFS)\n`);
		assert.match(await refusal(join(fs.dir, 'new.json')), /: the file system is read-only \(EROFS\)\n$/);
	});

	test('a full disk', async t => {
		const fs = tmpfs('64k');
		if ('skip' in fs) return t.skip(fs.skip);
		fs.fill();
		assert.match(await refusal(join(fs.dir, 'state.json')), /^smsdeck emulator: cannot save state to \S+: the disk is full \(ENOSPC\)\n$/);
		assert.deepEqual(tempFiles(fs.dir), []);
	});
});

describe('StatePersistence: what is refused and what is undone', () => {
	/** A world of one number, saved to `path`; `broken(true)` puts a folder where the file goes (a rename root cannot force). */
	function setup(name: string) {
		const path = join(dir, name);
		const world = {n: 0};
		const errors: StateSaveError[] = [];
		const persistence = new StatePersistence(
			path,
			(): StateFile => ({format: 'smsdeck-emulator-state', version: 1, savedAt: '', accountId: 'a', services: {n: world.n}}),
			{restore: state => (world.n = state.services.n as number), onError: error => errors.push(error), debounceMs: 5},
		);
		const onDisk = () => JSON.parse(readFileSync(path, 'utf8')).services.n;
		const broken = (on: boolean) => {
			rmSync(path, {recursive: true, force: true});
			if (on) {
				mkdirSync(path);
				writeFileSync(join(path, 'occupied'), '');
			}
		};
		/** What a request does: take a ticket, change the world, commit. */
		const request = (change?: number) => {
			const ticket = persistence.begin();
			if (change !== undefined) {
				world.n = change;
				persistence.markDirty();
			}
			return persistence.commit(ticket);
		};
		return {path, world, errors, persistence, onDisk, broken, request};
	}

	test('a failed write rejects, restores the saved state, and refuses writes queued behind it; reads go on', async () => {
		const s = setup('units.json');
		await s.persistence.save();
		await s.request(1);
		assert.equal(s.onDisk(), 1);
		s.broken(true);
		const first = s.request(2);
		const queued = s.request(3); // captured before the failure is known: carries the undone change 2
		await assert.rejects(first, (e: unknown) => e instanceof StateSaveError && /\(EISDIR\)$/.test(e.message));
		await assert.rejects(queued, StateSaveError);
		assert.equal(s.world.n, 1, 'back to what was saved');
		assert.equal(s.errors.length, 1, 'reported once');
		await s.request(); // a read after the undo sees only saved state: not refused
		s.broken(false);
		await s.request(4);
		assert.equal(s.onDisk(), 4);
	});

	test('a request that began before a failed write is refused even if it changed nothing since', async () => {
		const s = setup('before.json');
		await s.persistence.save();
		const ticket = s.persistence.begin(); // e.g. a read that ran while another request's change was unsaved
		s.broken(true);
		await assert.rejects(s.request(7), StateSaveError);
		await assert.rejects(s.persistence.commit(ticket), StateSaveError);
		assert.equal(s.world.n, 0);
	});

	test('changes made outside requests (markDirty) are undone too when their write fails, and reported once per reason', async () => {
		const s = setup('background.json');
		await s.persistence.save();
		s.broken(true);
		s.world.n = 9;
		s.persistence.markDirty();
		const deadline = Date.now() + 10_000;
		while (s.errors.length === 0 && Date.now() < deadline) await new Promise(r => setTimeout(r, 5));
		assert.equal(s.errors.length, 1);
		assert.equal(s.world.n, 0);
		await assert.rejects(s.request(10), StateSaveError);
		assert.equal(s.errors.length, 1, 'the same reason is not reported again');
		s.broken(false);
		await s.request(11);
		assert.equal(s.onDisk(), 11);
	});
});

describe('temp files from a killed emulator', () => {
	test('removed at the next start (state file and CA file): only their own pattern, only of processes no longer running', async () => {
		const folder = join(dir, 'stale');
		mkdirSync(folder);
		const statePath = join(folder, 'state.json');
		await (await startEmulator({port: 0, statePath, seed: 'empty', quiet: true})).close();
		// A process that is still running (its temp file may be mid-write) keeps its file.
		const alive = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {stdio: 'ignore'});
		after(() => alive.kill('SIGKILL'));
		const planted = {
			stale: ['.state.json.999999999.0123abcd.tmp', `.state.json.${process.pid}.deadbeef.tmp`],
			kept: [`.state.json.${alive.pid}.feedf00d.tmp`, '.state.json.bak', 'state.json.1.0123abcd.tmp', '.other.json.999999999.0123abcd.tmp', 'notes.tmp'],
		};
		for (const name of [...planted.stale, ...planted.kept]) writeFileSync(join(folder, name), 'partial');
		assert.equal(await removeStaleTempFiles(statePath), 2);
		for (const name of [...planted.stale, '.state.ca.pem.999999999.0123abcd.tmp']) writeFileSync(join(folder, name), 'partial');
		const emulator = await startEmulator({port: 0, statePath, quiet: true, tls: {}});
		await emulator.close();
		assert.deepEqual(readdirSync(folder).sort(), ['state.ca.pem', 'state.json', ...planted.kept].sort());
		assert.equal(existsSync(statePath), true);
	});
});
