// The tail fault suite (test/helpers/tailFaults.ts) on the engine itself: the real SDK client against the
// in-process emulator over HTTP. Every event sent is counted against every event the engine delivered: none
// missing, none twice, through drops, stalls, errors, throttling, network cuts (4 s here; 16 s in the e2e suites), late and future stamps,
// live and polling.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {startTail} from '../../source/services/tailEngine.js';
import type {TailHealth} from '../../source/services/tailTypes.js';
import {FaultSuite, IdCounter} from '../helpers/tailFaults.js';

let emulator: RunningEmulator;
let clients: Clients;

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'empty', liveTailTickMs: 100});
	clients = await createClients({region: 'us-east-1', endpoint: emulator.url, local: true}, {limiter: new RateLimiter(), health: new Health()});
});
after(async () => {
	destroyClients(clients);
	await emulator.close();
});

test('the engine loses and repeats nothing through every fault, live and polling', {timeout: 10 * 60_000}, async t => {
	const group = 'tail-faults-engine';
	let health: TailHealth | undefined;
	let counter: IdCounter | undefined;
	const suite = new FaultSuite({
		emulator,
		group,
		log: line => t.diagnostic(line),
		deliverTimeoutMs: 30_000,
		// The 16 s cuts run in the console and `tail --follow --json` suites; here a 4 s cut exercises the same paths.
		cutMs: 4000,
		sink: {
			counts: () => counter!.counts(),
			polling: () => health?.transport === 'POLL' && health.state !== 'stopped',
			describe: () => JSON.stringify(health),
		},
	});
	counter = new IdCounter(suite.runId);
	const handle = startTail(
		clients,
		{logGroupIdentifier: group},
		// Faster than the defaults (a poll every 2 s, a sweep every 15 s, a stall after 2 s) to keep the suite short.
		{since: Date.now() - 60_000, pollIntervalMs: 300, sweepIntervalMs: 2000, stallMs: 800},
		{
			events: batch => {
				for (const e of batch) counter!.addMessage(e.message);
			},
			health: h => {
				health = h;
			},
		},
	);
	try {
		assert.ok(await suite.liveSession(), 'the tail opened a live session');
		await suite.runLive();
		assert.equal(handle.health().transport, 'LIVE', 'still live after the live faults');
		await suite.runPolling();
		assert.ok(await suite.settle(), 'the tail read the whole run again');
		suite.report(line => t.diagnostic(line));
		const totals = suite.totals();
		assert.deepEqual(suite.failedPhases(), [], `every fault delivers its own events, once, before the next\n${suite.table()}`);
		assert.deepEqual({missing: totals.missing, duplicates: totals.duplicates}, {missing: 0, duplicates: 0}, `${suite.table()}\nrepeated: ${counter.repeated().slice(0, 10).join(', ')}`);
		assert.ok(totals.sent > 500, `a real load: ${totals.sent} events`);
		assert.equal(handle.health().state, 'polling');
	} finally {
		handle.stop();
		await handle.done;
		await suite.admin('denyLiveTail', {enabled: false});
	}
});
