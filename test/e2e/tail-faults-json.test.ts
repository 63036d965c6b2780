// The tail fault suite (test/helpers/tailFaults.ts) end to end through `smsdeck tail --follow --json`: the built
// binary against the in-process emulator, its JSON lines counted by messageId (every event the suite writes has
// its own; live tail events carry no eventId, polled ones do). None missing, none twice, through every fault.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {distPath, nodeBinary} from '../helpers/terminal.js';
import {isolatedEnv} from '../helpers/binary.js';
import {FaultSuite, IdCounter, until} from '../helpers/tailFaults.js';

let emulator: RunningEmulator;
const home = mkdtempSync(join(tmpdir(), 'smsdeck-tail-faults-'));

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'empty', liveTailTickMs: 200});
});
after(async () => {
	await emulator.close();
	rmSync(home, {recursive: true, force: true});
});

test('smsdeck tail --follow --json prints every event once through every fault, live and polling', {timeout: 15 * 60_000}, async t => {
	const group = 'tail-faults-json';
	let counter: IdCounter | undefined;
	let stderr = '';
	let lines = 0;
	let polledLines = 0;
	const suite = new FaultSuite({
		emulator,
		group,
		log: line => t.diagnostic(line),
		sink: {
			counts: () => counter!.counts(),
			polling: () => /POLL live tail denied/.test(stderr),
			describe: () => `stderr:\n${stderr.split('\n').slice(-15).join('\n')}`,
		},
	});
	counter = new IdCounter(suite.runId);
	const child = spawn(nodeBinary(), [distPath(), 'tail', '--log-group', group, '--follow', '--json', '--since', '10m', '--region', 'us-east-1'], {
		env: {...isolatedEnv(home), AWS_ENDPOINT_URL: emulator.url},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
	let partial = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		const parts = (partial + chunk).split('\n');
		partial = parts.pop()!;
		for (const line of parts) {
			if (line === '') continue;
			lines++;
			const parsed = JSON.parse(line) as {eventId?: string; event?: {messageId?: string}};
			if (parsed.eventId) polledLines++;
			if (parsed.event?.messageId) counter!.addId(parsed.event.messageId);
		}
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	let code: number | null | 'timeout' = null;
	try {
		assert.ok(await suite.liveSession(), `the tail opened a live session\n${stderr}`);
		await suite.runLive();
		await suite.runPolling();
		assert.ok(await suite.settle(), 'the tail read the whole run again');
		suite.report(line => t.diagnostic(line));
		t.diagnostic(`${lines} JSON lines, ${polledLines} of them with an eventId (polled)`);
		const totals = suite.totals();
		assert.deepEqual(suite.failedPhases(), [], `every fault delivers its own events, once, before the next\n${suite.table()}`);
		assert.deepEqual({missing: totals.missing, duplicates: totals.duplicates}, {missing: 0, duplicates: 0}, `${suite.table()}\nrepeated: ${counter.repeated().slice(0, 10).join(', ')}\n${stderr}`);
		assert.equal(lines, totals.sent, 'one line per event, nothing else on stdout');
		assert.ok(totals.sent > 500, `a real load: ${totals.sent} events`);
	} finally {
		child.kill('SIGINT');
		code = await Promise.race([exited, until(() => false, 10_000).then(() => 'timeout' as const)]);
		if (code === 'timeout') child.kill('SIGKILL');
		await suite.admin('denyLiveTail', {enabled: false});
	}
	assert.equal(code, 0, `ctrl-c ends the tail with exit code 0\n${stderr}`);
});
