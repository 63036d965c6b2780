// The tail engine against the in-process emulator (real SDK, real HTTP): live, history join, dropped stream,
// denied live tail, throttled polling, stop. Plus the dedup window on its own.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {CreateLogGroupCommand, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {startTail} from '../../source/services/tailEngine.js';
import {DedupWindow, RateMeter, contentKey} from '../../source/services/tailDedup.js';
import type {TailEvent, TailHandle, TailHealth, TailOptions} from '../../source/services/tailTypes.js';

let emulator: RunningEmulator;
let clients: Clients;
let groupCounter = 0;

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5, liveTailTickMs: 100});
	clients = await createClients({region: 'us-east-1', endpoint: emulator.url, local: true}, {limiter: new RateLimiter(), health: new Health()});
});
after(async () => {
	destroyClients(clients);
	await emulator.close();
});

const admin = async (action: string, body: unknown = {}) => {
	const res = await fetch(`${emulator.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	const text = await res.text();
	assert.equal(res.status, 200, `${action}: ${text}`);
	return JSON.parse(text) as Record<string, unknown>;
};

async function newGroup(): Promise<string> {
	const name = `tail-test-${process.pid}-${++groupCounter}`;
	await clients.logs.send(new CreateLogGroupCommand({logGroupName: name}));
	await clients.logs.send(new CreateLogStreamCommand({logGroupName: name, logStreamName: 's1'}));
	return name;
}

async function put(group: string, messages: string[], timestamp = Date.now()) {
	await clients.logs.send(
		new PutLogEventsCommand({logGroupName: group, logStreamName: 's1', logEvents: messages.map(message => ({message, timestamp}))}),
	);
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000) {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 20));
	}
}

/** Puts one more event and waits for it: whatever the reads before it would have repeated has shown by then. */
async function marker(group: string, t: {messages(): string[]}) {
	await put(group, ['end']);
	await waitFor('the marker', () => t.messages().includes('end'));
}

interface Recorder {
	handle: TailHandle;
	events: TailEvent[];
	healths: TailHealth[];
	messages(): string[];
}

function tail(group: string, options: TailOptions = {}, older: TailEvent[][] = []): Recorder {
	const events: TailEvent[] = [];
	const healths: TailHealth[] = [];
	const handle = startTail(clients, {logGroupIdentifier: group}, {pollIntervalMs: 200, ...options}, {
		events: batch => events.push(...batch),
		older: batch => older.push(batch),
		health: h => healths.push(h),
	});
	return {handle, events, healths, messages: () => events.map(e => e.message)};
}

describe('tail engine', () => {
	test('live: events put after the start arrive once each, in order, over LIVE', async () => {
		const group = await newGroup();
		const t = tail(group);
		try {
			await waitFor('live', () => t.handle.health().state === 'live');
			await put(group, ['a1', 'a2']);
			await put(group, ['a3']);
			await waitFor('3 events', () => t.events.length >= 3);
			await marker(group, t);
			assert.deepEqual(t.messages(), ['a1', 'a2', 'a3', 'end']);
			assert.equal(t.handle.health().transport, 'LIVE');
			assert.equal(t.events[0].eventId, undefined, 'live events carry no eventId');
			assert.ok(t.handle.health().lagMs !== undefined);
		} finally {
			t.handle.stop();
			await t.handle.done;
		}
	});

	test('since: history then live, joined without duplicates', async () => {
		const group = await newGroup();
		const t0 = Date.now() - 60_000;
		await put(group, ['h1', 'h2'], t0);
		const t = tail(group, {since: t0 - 1000});
		try {
			await waitFor('history', () => t.events.length >= 2);
			await waitFor('live', () => t.handle.health().state === 'live');
			await put(group, ['l1']);
			await waitFor('live event', () => t.events.length >= 3);
			await marker(group, t);
			assert.deepEqual(t.messages(), ['h1', 'h2', 'l1', 'end']);
			assert.ok(t.events[0].eventId, 'history comes from FilterLogEvents');
		} finally {
			t.handle.stop();
			await t.handle.done;
		}
	});

	test('widen: reads the older range once, oldest first, in one batch; nothing the tail delivered comes again', async () => {
		const group = await newGroup();
		const now = Date.now();
		await put(group, ['w-2h'], now - 2 * 3_600_000);
		await put(group, ['w-20m'], now - 20 * 60_000);
		await put(group, ['w-30m'], now - 30 * 60_000);
		await put(group, ['w-2m'], now - 2 * 60_000);
		const older: TailEvent[][] = [];
		const t = tail(group, {since: now - 5 * 60_000}, older);
		try {
			await waitFor('live', () => t.handle.health().state === 'live');
			await waitFor('history', () => t.messages().includes('w-2m'));
			assert.equal(await t.handle.widen(now - 3_600_000), true);
			assert.deepEqual(older.map(b => b.map(e => e.message)), [['w-30m', 'w-20m']]);
			// Again to the same time: nothing more; wider: only what is older still.
			assert.equal(await t.handle.widen(now - 3_600_000), true);
			assert.equal(older.length, 1);
			assert.equal(await t.handle.widen(now - 6 * 3_600_000), true);
			assert.deepEqual(older.map(b => b.map(e => e.message)), [['w-30m', 'w-20m'], ['w-2h']]);
			await put(group, ['live-1']);
			await marker(group, t);
			assert.deepEqual(t.messages(), ['w-2m', 'live-1', 'end'], 'the live tail repeats none of the older events');
		} finally {
			t.handle.stop();
			await t.handle.done;
		}
		assert.equal(await t.handle.widen(now - 24 * 3_600_000), false, 'a stopped tail reads nothing');
	});

	test('follow:false reads the history and stops', async () => {
		const group = await newGroup();
		await put(group, ['x1', 'x2', 'x3'], Date.now() - 5000);
		const t = tail(group, {since: Date.now() - 60_000, follow: false});
		await t.handle.done;
		assert.deepEqual(t.messages(), ['x1', 'x2', 'x3']);
		assert.equal(t.handle.health().state, 'stopped');
		assert.equal(t.handle.health().stoppedReason, 'end of history');
	});

	test('follow:false rides out a few failed pages, and ends with the failure when they keep failing', async () => {
		const group = await newGroup();
		await put(group, ['y1', 'y2'], Date.now() - 5000);
		// Four 500s: the SDK's three tries of the first read, then one more; the engine asks again and gets it all.
		await admin('failLogsNext', {operation: 'FilterLogEvents', count: 4});
		const ok = tail(group, {since: Date.now() - 60_000, follow: false});
		await ok.handle.done;
		assert.deepEqual(ok.messages(), ['y1', 'y2']);
		assert.equal(ok.handle.health().stoppedReason, 'end of history');

		await admin('failLogsNext', {operation: 'FilterLogEvents', count: 40});
		try {
			const failing = tail(group, {since: Date.now() - 60_000, follow: false});
			await failing.handle.done;
			assert.deepEqual(failing.messages(), []);
			assert.match(failing.handle.health().stoppedReason ?? '', /^FilterLogEvents: .*InternalServerException|^FilterLogEvents: /);
			assert.notEqual(failing.handle.health().stoppedReason, 'end of history', 'a read that failed is not the end of the history');
		} finally {
			// Use up what is left of the 40 so later tests read normally.
			for (let i = 0; i < 40; i++) {
				try {
					await clients.logs.send(new FilterLogEventsCommand({logGroupName: group}));
					break;
				} catch {
					// one more of the planted failures
				}
			}
		}
	});

	test('a dropped live stream shows reconnecting within 2 s and resumes without duplicates or gaps', async () => {
		const group = await newGroup();
		const t = tail(group);
		try {
			await waitFor('live', () => t.handle.health().state === 'live');
			await put(group, ['d1', 'd2']);
			await waitFor('before drop', () => t.events.length >= 2);
			const dropped = await admin('dropLiveTail');
			assert.ok(Number(dropped.dropped) >= 1);
			const droppedAt = Date.now();
			await waitFor('reconnecting', () => t.healths.some(h => h.state === 'reconnecting'), 2000);
			assert.ok(Date.now() - droppedAt < 2000);
			// Put while the stream is down: the catch-up must bring it.
			await put(group, ['d3']);
			await waitFor('live again', () => t.handle.health().state === 'live' && t.events.length >= 3);
			await put(group, ['d4']);
			await waitFor('after reconnect', () => t.events.length >= 4);
			await marker(group, t);
			assert.deepEqual(t.messages(), ['d1', 'd2', 'd3', 'd4', 'end']);
		} finally {
			t.handle.stop();
			await t.handle.done;
		}
	});

	test('a stream that goes silent without closing (a lost NAT flow) shows reconnecting within ~2 s and resumes', async () => {
		const group = await newGroup();
		const t = tail(group);
		try {
			await waitFor('live', () => t.handle.health().state === 'live');
			await put(group, ['s1']);
			await waitFor('first event', () => t.events.length >= 1);
			const stalled = await admin('stallLiveTail');
			assert.ok(Number(stalled.stalled) >= 1);
			await put(group, ['s2']); // ingested while the old stream is silent
			// Noticed by the stall timer (2 s; bench/ and the fault suite hold the figure), not by a read that never ends.
			await waitFor('reconnecting', () => t.healths.some(h => h.state === 'reconnecting'), 15_000);
			await waitFor('live again with the gap filled', () => t.handle.health().state === 'live' && t.events.length >= 2);
			await put(group, ['s3']);
			await waitFor('after resuming', () => t.events.length >= 3);
			await marker(group, t);
			assert.deepEqual(t.messages(), ['s1', 's2', 's3', 'end']);
		} finally {
			t.handle.stop();
			await t.handle.done;
		}
	});

	test('live tail denied: falls back to polling and says why', async () => {
		const group = await newGroup();
		await admin('denyLiveTail', {enabled: true});
		const t = tail(group);
		try {
			await waitFor('polling', () => t.handle.health().state === 'polling');
			const h = t.handle.health();
			assert.equal(h.transport, 'POLL');
			assert.match(h.note ?? '', /live tail denied — polling every 0\.2s/);
			await put(group, ['p1', 'p2']);
			await put(group, ['p3']);
			await waitFor('polled', () => t.events.length >= 3);
			await marker(group, t);
			assert.deepEqual(t.messages(), ['p1', 'p2', 'p3', 'end'], 'the late-arrival window re-reads but never duplicates');
			assert.ok(t.events.every(e => e.eventId));
		} finally {
			t.handle.stop();
			await t.handle.done;
			await admin('denyLiveTail', {enabled: false});
		}
	});

	test('throttled polls back off, show throttledUntil, and lose nothing', async () => {
		const group = await newGroup();
		const t = tail(group, {liveTail: false});
		try {
			await waitFor('polling', () => t.handle.health().state === 'polling');
			await put(group, ['t1']);
			await waitFor('t1', () => t.events.length >= 1);
			// More than the SDK's own 3 attempts.
			await admin('throttleNext', {count: 4, operation: 'FilterLogEvents'});
			await put(group, ['t2']);
			await waitFor('throttled', () => t.healths.some(h => h.throttledUntil !== undefined), 5000);
			assert.match(t.healths.find(h => h.throttledUntil)!.note ?? '', /throttled/);
			await waitFor('t2 after back-off', () => t.events.length >= 2, 10_000);
			await waitFor('recovered', () => t.handle.health().throttledUntil === undefined, 5000);
			assert.deepEqual(t.messages(), ['t1', 't2']);
		} finally {
			t.handle.stop();
			await t.handle.done;
		}
	});

	test('polling: an event stamped an hour ahead does not move the cursor; a producer that stamps late is followed between sweeps', async () => {
		const group = await newGroup();
		const late = await newGroup();
		// No sweep after the first: what arrives here arrives through the fast polls.
		const t = tail(group, {liveTail: false, sweepIntervalMs: 10 * 60_000, since: Date.now() - 60_000});
		const l = tail(late, {liveTail: false, sweepIntervalMs: 10 * 60_000, since: Date.now() - 60_000});
		try {
			await waitFor('polling', () => t.handle.health().state === 'polling' && l.handle.health().state === 'polling');
			await put(group, ['ahead'], Date.now() + 3_600_000);
			await waitFor('the future event', () => t.events.length >= 1, 5000);
			await put(group, ['now']);
			await waitFor('an event stamped now, after it', () => t.events.length >= 2, 5000);
			for (const message of ['late-1', 'late-2', 'late-3']) {
				await put(late, [message], Date.now() - 20_000);
				await waitFor(message, () => l.messages().includes(message), 5000);
			}
			// One more event each: the poll that brings it re-read the others, so a repeat would show by then.
			await put(group, ['end']);
			await put(late, ['end'], Date.now() - 20_000);
			await waitFor('the last events', () => t.messages().includes('end') && l.messages().includes('end'), 5000);
			assert.deepEqual(t.messages(), ['ahead', 'now', 'end'], 'each once');
			assert.deepEqual(l.messages(), ['late-1', 'late-2', 'late-3', 'end']);
		} finally {
			t.handle.stop();
			l.handle.stop();
			await Promise.all([t.handle.done, l.handle.done]);
		}
	});

	test('stop() ends the live session on the server and resolves done', async () => {
		const group = await newGroup();
		const t = tail(group);
		await waitFor('live', () => t.handle.health().state === 'live');
		assert.ok(Number((await admin('liveTailSessions')).active) >= 1);
		t.handle.stop();
		await t.handle.done;
		assert.equal(t.handle.health().state, 'stopped');
		await waitFor('session closed', () => true);
		let active = 1;
		for (let i = 0; i < 50 && active > 0; i++) {
			active = Number((await admin('liveTailSessions')).active);
			if (active > 0) await new Promise(r => setTimeout(r, 20));
		}
		assert.equal(active, 0, 'the server saw the session close');
	});

	test('a missing log group stops with a reason', async () => {
		const t = tail('no-such-group-here', {liveTail: false});
		await t.handle.done;
		assert.match(t.handle.health().stoppedReason ?? '', /not found/);
	});
});

describe('dedup window', () => {
	const ev = (message: string, timestamp: number, eventId?: string): TailEvent => ({message, timestamp, logStreamName: 's', ...(eventId ? {eventId} : {})});

	test('polled pages that overlap: eventId decides', () => {
		const d = new DedupWindow();
		assert.deepEqual(d.filter([ev('a', 1000, '1'), ev('a', 1000, '2')]).length, 2, 'same line twice in one ms: both kept');
		assert.deepEqual(d.filter([ev('a', 1000, '1'), ev('a', 1000, '2'), ev('b', 1001, '3')]).map(e => e.eventId), ['3']);
	});

	test('live vs polled: matched one to one by content', () => {
		const d = new DedupWindow();
		assert.equal(d.filter([ev('x', 5000), ev('x', 5000)]).length, 2);
		// The catch-up read returns the same two lines plus one new one.
		assert.deepEqual(d.filter([ev('x', 5000, 'i1'), ev('x', 5000, 'i2'), ev('x', 5000, 'i3')]).map(e => e.eventId), ['i3']);
		// A later live update carrying i3's line again is a duplicate.
		assert.equal(d.filter([ev('x', 5000)]).length, 0);
	});

	test('forgets only below the floor it is given: an event stamped hours ahead does not push the others out', () => {
		const d = new DedupWindow();
		const now = 1_700_000_000_000;
		assert.equal(d.filter([ev('a', now, 'a'), ev('b', now + 1500, 'b')]).length, 2);
		// One event stamped an hour ahead (CloudWatch takes up to 2 h): the others stay remembered.
		assert.equal(d.filter([ev('future', now + 3_600_000, 'f')]).length, 1);
		assert.equal(d.filter([ev('a', now, 'a'), ev('b', now + 1500, 'b'), ev('future', now + 3_600_000, 'f')]).length, 0, 'a re-read repeats nothing');
		assert.equal(d.filter([ev('a', now)]).length, 0, 'the live twin of a polled event is matched too');
		// Whole seconds below the floor go; the second that holds the floor stays.
		d.forgetBefore(now + 1200);
		assert.equal(d.filter([ev('a', now, 'a')]).length, 1, 'forgotten: below the floor');
		d.forgetBefore(now + 1001);
		assert.equal(d.filter([ev('b', now + 1500, 'b')]).length, 0, 'kept: its second is not all below the floor');
		assert.notEqual(contentKey(ev('a', 1)), contentKey(ev('b', 1)));
	});

	test('floorForAtMost: how far to raise the floor to keep within a size, newest seconds kept', () => {
		const d = new DedupWindow();
		for (let s = 0; s < 10; s++) d.filter([ev(`m${s}`, 10_000 + s * 1000, `id${s}`)]);
		assert.equal(d.size, 20, 'an id and a content key per polled event');
		assert.equal(d.floorForAtMost(20), undefined);
		const floor = d.floorForAtMost(7)!;
		assert.equal(floor, 17_000, 'the 3 newest seconds (6 entries) fit; the 4th does not');
		d.forgetBefore(floor);
		assert.equal(d.size, 6);
		assert.equal(d.filter([ev('m9', 19_000, 'id9')]).length, 0);
	});

	test('rate meter averages the last seconds', () => {
		let now = 10_000;
		const m = new RateMeter(5, () => now);
		for (let s = 0; s < 5; s++) {
			m.add(100);
			now += 1000;
		}
		assert.equal(m.rate(), 100);
	});
});
