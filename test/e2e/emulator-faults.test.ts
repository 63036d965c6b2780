// The built `smsdeck emulator` under hard times: killed with SIGKILL while it writes --state, again and again;
// and crowded by slow clients while it may hold only a few hundred open files. (bench/emulator-faults.ts runs
// the full-size versions: 100 kill cycles, 1,100 slow connections under a limit of 1,024 files.)
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {killCycles, openSlowClients, probeDescribePools, startEmulatorProcess} from '../helpers/emulatorFaults.js';

const home = mkdtempSync(join(tmpdir(), 'smsdeck-emulator-faults-'));
after(() => rmSync(home, {recursive: true, force: true}));

test('kill -9 mid-write, 10 times: no acknowledged change lost, no temp file piles up', async t => {
	const figures = await killCycles(join(home, 'state.json'), Number(process.env.SMSDECK_KILL_CYCLES ?? 10));
	t.diagnostic(JSON.stringify(figures));
	assert.deepEqual(figures.lost, [], 'acknowledged log groups missing after a restart');
	assert.equal(figures.tempFilesAfterRestart, 0, 'temp files a kill left were still there after the next start');
	assert.deepEqual(figures.leftAtEnd, [], 'nothing but the state file in its folder at the end');
	assert.ok(figures.killsMidWrite > 0, `no kill landed mid-write (${JSON.stringify(figures)}): the test did not test`);
	assert.ok(figures.acknowledged > figures.cycles, `only ${figures.acknowledged} changes acknowledged`);
});

test('360 slow clients against an emulator allowed 256 open files: DescribePools from another client still answers', async t => {
	if (process.platform === 'win32') return t.skip('ulimit needs a POSIX shell');
	const emulator = await startEmulatorProcess(['--port', '0', '--seed', 'default'], {openFiles: 256});
	const crowd = [await openSlowClients(emulator.url, 300, 'body'), await openSlowClients(emulator.url, 60, 'headers')];
	try {
		const probe = await probeDescribePools(emulator.url, 5);
		t.diagnostic(`DescribePools with 360 slow clients: ${probe.latencies.map(ms => ms.toFixed(0)).join(', ')} ms; slow ones closed for room: ${crowd[0].closed() + crowd[1].closed()}`);
		assert.deepEqual(probe.failures, []);
		// Served while the crowd waits (before: nobody for 70 s); a bound that holds on a busy machine.
		assert.ok(Math.max(...probe.latencies) < 20_000, `slowest answer ${Math.max(...probe.latencies).toFixed(0)} ms`);
		assert.ok(crowd[0].closed() + crowd[1].closed() > 0, 'some slow clients were closed to make room');
	} finally {
		for (const c of crowd) c.close();
		await emulator.stop('SIGTERM');
	}
	assert.equal(emulator.child.exitCode, 0, emulator.stderr());
});
