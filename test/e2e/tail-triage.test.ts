// The tail for triage, in a real terminal against the emulator: a log group filled with SMS event records
// stamped minutes to hours ago (PutLogEvents), tailed with `:tail log-group`. Widening the window reads the older
// events and merges them in, once each; the summary follows `/` and `f` with the failure rate; the breakdown pane
// counts by status, country, origination and message type, live, and filters the list; enter in `m` shows the
// whole lifecycle; one-event messages show no latency; x exports what is in view; at 80×24 the key columns stay.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emulator: RunningEmulator;
let logs: CloudWatchLogsClient;
let folder: string;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, liveTailTickMs: 200});
	logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
	folder = mkdtempSync(join(tmpdir(), 'smsdeck-triage-'));
});
after(async () => {
	logs.destroy();
	await emulator.close();
	rmSync(folder, {recursive: true, force: true});
});

const MIN = 60_000;
const US = '+14254147755';
const GB = '+447700900123';
const FR = '+33612345678';
const ORIGIN_US = '+12065550100';
const ORIGIN_GB = '+447400123456';

interface Ev {
	id: string;
	status: 'PENDING' | 'SUCCESSFUL' | 'DELIVERED' | 'CARRIER_UNREACHABLE' | 'BLOCKED';
	at: number;
	to?: string;
	from?: string;
	type?: 'TRANSACTIONAL' | 'PROMOTIONAL';
	requested?: number;
}

function record(e: Ev): string {
	const final = e.status !== 'PENDING' && e.status !== 'SUCCESSFUL';
	const to = e.to ?? US;
	return JSON.stringify({
		eventType: `TEXT_${e.status}`,
		eventVersion: '1.0',
		eventTimestamp: e.at,
		isFinal: final,
		originationPhoneNumber: e.from ?? ORIGIN_US,
		destinationPhoneNumber: to,
		isoCountryCode: to === GB ? 'GB' : to === FR ? 'FR' : 'US',
		messageId: e.id,
		messageRequestTimestamp: e.requested ?? e.at - 1000,
		messageEncoding: 'GSM',
		messageType: e.type ?? 'TRANSACTIONAL',
		messageStatus: e.status,
		messageStatusDescription: 'triage e2e',
		totalMessageParts: 1,
		totalMessagePrice: 0.00581,
	});
}

async function put(group: string, events: Ev[]) {
	const sorted = [...events].sort((a, b) => a.at - b.at);
	await logs.send(new PutLogEventsCommand({logGroupName: group, logStreamName: 's', logEvents: sorted.map(e => ({timestamp: e.at, message: record(e)}))}));
}

async function newGroup(name: string, events: Ev[]) {
	await logs.send(new CreateLogGroupCommand({logGroupName: name}));
	await logs.send(new CreateLogStreamCommand({logGroupName: name, logStreamName: 's'}));
	if (events.length) await put(name, events);
}

function spawn(cols = 200, rows = 40): TerminalSession {
	return spawnTerminal({args: ['--region', 'us-east-1'], cols, rows, cwd: folder, env: {AWS_ENDPOINT_URL: emulator.url}});
}

async function openTail(app: TerminalSession, group: string) {
	await app.waitForText('<?> help');
	await app.press(':');
	await app.type(`tail log-group ${group}`);
	await app.press('enter');
	await app.waitForText(new RegExp(`Tail ${group}`));
	await app.waitForText(/ (LIVE|POLL) /, {timeoutMs: 10_000});
}

/** Screen lines that carry this text. */
function linesWith(app: TerminalSession, text: string): string[] {
	return app.screen().split('\n').filter(line => line.includes(text));
}

/** The line of the screen the summary is on (the one with the failure rate). */
function summaryLine(app: TerminalSession): string {
	return app.screen().split('\n').find(l => /failed \d|no final events|no events/.test(l)) ?? '';
}

test('t widens the window 5m → 1h → 6h → 24h: older events are read and merged in before the newer ones, each once', async () => {
	const group = '/triage/window';
	const now = Date.now();
	await newGroup(group, [
		{id: 'msg-recent', status: 'DELIVERED', at: now - 2 * MIN},
		{id: 'msg-30min', status: 'DELIVERED', at: now - 30 * MIN},
		{id: 'msg-3hours', status: 'CARRIER_UNREACHABLE', at: now - 180 * MIN},
		{id: 'msg-12hours', status: 'DELIVERED', at: now - 12 * 60 * MIN},
	]);
	// One PutLogEvents batch spans at most 24 hours.
	await put(group, [{id: 'msg-30hours', status: 'DELIVERED', at: now - 30 * 60 * MIN}]);
	const app = spawn();
	try {
		await openTail(app, group);
		await app.waitForText('msg-recent');
		assert.match(app.screen(), /window 5m/);
		assert.equal(linesWith(app, 'msg-30min').length, 0, 'older than 5 minutes: not read yet');

		await app.press('t');
		await app.waitForText('msg-30min');
		await app.waitForText(/window 1h +following/);
		// A live event while the window is wide: it still arrives, once.
		await put(group, [{id: 'msg-live', status: 'DELIVERED', at: Date.now()}]);
		await app.waitForText('msg-live', {timeoutMs: 15_000});

		await app.press('t');
		await app.waitForText('msg-3hours');
		await app.waitForText(/window 6h +following/);
		await app.press('t');
		await app.waitForText('msg-12hours');
		await app.waitForText(/window 24h +following/);
		const screen = app.screen();
		const order = ['msg-12hours', 'msg-3hours', 'msg-30min', 'msg-recent', 'msg-live'];
		for (const id of order) assert.equal(linesWith(app, id).length, 1, `${id} once:\n${screen}`);
		const positions = order.map(id => screen.indexOf(id));
		assert.deepEqual([...positions].sort((a, b) => a - b), positions, `oldest first:\n${screen}`);
		assert.equal(linesWith(app, 'msg-30hours').length, 0, 'older than 24 hours: left out');
		assert.match(screen, /\[5 events\]/);

		// Past the widest, back to 5m: the older rows are hidden, not lost; 1h shows them again without a repeat.
		await app.press('t');
		await app.waitForText(/window 5m \(older hidden\)/);
		await app.waitForNoText('msg-30min');
		assert.equal(linesWith(app, 'msg-recent').length, 1);
		await app.press('t');
		await app.waitForText('msg-30min');
		assert.equal(linesWith(app, 'msg-30min').length, 1);
		assert.equal(linesWith(app, 'msg-3hours').length, 0);
	} finally {
		app.dispose();
	}
});

/** US: 3 delivered, 1 failed; GB: 2 failed (one promotional from a GB number); FR: 1 delivered; 1 in flight (no final). */
function mixedTraffic(now: number): Ev[] {
	const out: Ev[] = [];
	const message = (id: string, to: string, final: Ev['status'], extra: Partial<Ev> = {}) => {
		out.push({id, status: 'PENDING', at: now - 60_000, to, ...extra});
		out.push({id, status: final, at: now - 58_000, to, ...extra});
	};
	message('us-ok-1', US, 'DELIVERED');
	message('us-ok-2', US, 'DELIVERED');
	message('us-ok-3', US, 'DELIVERED');
	message('us-bad-1', US, 'CARRIER_UNREACHABLE');
	message('gb-bad-1', GB, 'CARRIER_UNREACHABLE');
	message('gb-bad-2', GB, 'BLOCKED', {from: ORIGIN_GB, type: 'PROMOTIONAL'});
	message('fr-ok-1', FR, 'DELIVERED');
	out.push({id: 'us-inflight', status: 'PENDING', at: now - 30_000});
	return out;
}

test('the summary follows / and f and shows the failure rate (failed finals over finals)', async () => {
	const group = '/triage/summary';
	await newGroup(group, mixedTraffic(Date.now()));
	const app = spawn();
	try {
		await openTail(app, group);
		await app.waitForText(/failed 43% \(3 of 7 final\)/);
		assert.match(summaryLine(app), /8 messages, 15 events/);

		await app.press('/');
		await app.type('+44');
		await app.press('enter');
		await app.waitForText(/in view: failed 100% \(2 of 2 final\)/);
		assert.match(summaryLine(app), /2 messages, 4 events/);
		await app.press('escape');
		await app.waitForText(/ failed 43% \(3 of 7 final\)/);

		await app.press('f'); // failed only
		await app.waitForText(/only failed/);
		await app.waitForText(/in view: failed 100% \(3 of 3 final\)/);
		await app.press('f'); // pending only
		await app.waitForText(/in view: no final events/);
		assert.match(summaryLine(app), /PENDING 8/);
	} finally {
		app.dispose();
	}
});

test('b opens the breakdown by status, country, origination and message type; it updates live; enter on a cell filters, again clears', async () => {
	const group = '/triage/breakdown';
	await newGroup(group, mixedTraffic(Date.now()));
	const app = spawn();
	try {
		await openTail(app, group);
		await app.waitForText(/failed 43% \(3 of 7 final\)/);
		await app.press('b');
		await app.waitForText('Breakdown of 7 final events in view');
		const pane = app.screen();
		assert.match(pane, /FINAL STATUS +COUNTRY +ORIGINATION +MESSAGE TYPE/);
		assert.match(pane, /DELIVERED +4 .* US +4 +25% .* \+12065550100 +6 +33% .* TRANSACTIONAL +6 +33%/);
		assert.match(pane, /GB +2 +100% .* \+447400123456 +1 +100% .* PROMOTIONAL +1 +100%/);
		assert.match(pane, /FR +1 +0%/);

		// Live: one more failure to the UK is counted as it arrives.
		await put(group, [
			{id: 'gb-bad-3', status: 'PENDING', at: Date.now() - 500, to: GB},
			{id: 'gb-bad-3', status: 'CARRIER_UNREACHABLE', at: Date.now(), to: GB},
		]);
		await app.waitForText('Breakdown of 8 final events in view', {timeoutMs: 15_000});
		await app.waitForText(/GB +3 +100%/);

		// Country column, second cell (GB): the list shows only the UK messages, every event of each.
		await app.press('l');
		await app.press('j');
		await app.press('enter');
		await app.waitForText(/country GB/);
		await app.waitForText(/in view: failed 100% \(3 of 3 final\)/);
		const filtered = app.screen();
		assert.equal(linesWith(app, 'us-ok-1').length, 0, filtered);
		assert.equal(linesWith(app, 'gb-bad-1').length, 2, `both events of a UK message:\n${filtered}`);
		assert.equal(linesWith(app, 'gb-bad-3').length, 2);
		assert.match(filtered, /\[6 of 17 events\]/);

		// enter again clears; then a filter from the status column, cleared by esc.
		await app.press('enter');
		await app.waitForNoText(/country GB/);
		await app.waitForText(/ failed 50% \(4 of 8 final\)/);
		await app.press('h');
		await app.press('enter'); // the biggest status: CARRIER_UNREACHABLE (3) or DELIVERED (4) — DELIVERED first
		await app.waitForText(/final status DELIVERED/);
		assert.equal(linesWith(app, 'gb-bad-1').length, 0);
		assert.equal(linesWith(app, 'fr-ok-1').length, 2);
		await app.press('b'); // closes the pane, keeps the filter
		await app.waitForNoText('Breakdown of');
		assert.match(app.screen(), /final status DELIVERED/);
		await app.press('escape'); // takes the filter back, stays in the tail
		await app.waitForNoText(/final status DELIVERED/);
		assert.match(app.screen(), /Tail \/triage\/breakdown/);
	} finally {
		app.dispose();
	}
});

test('enter in m mode shows the whole lifecycle with times and latency; a one-event message shows no latency', async () => {
	const group = '/triage/lifecycle';
	const t0 = Date.now() - 90_000;
	await newGroup(group, [
		{id: 'life-3', status: 'PENDING', at: t0 + 400, requested: t0},
		{id: 'life-3', status: 'SUCCESSFUL', at: t0 + 1400, requested: t0},
		{id: 'life-3', status: 'DELIVERED', at: t0 + 3900, requested: t0},
		{id: 'life-1', status: 'DELIVERED', at: t0 + 5000, requested: t0 + 4000},
	]);
	const app = spawn();
	try {
		await openTail(app, group);
		await app.waitForText('life-1');
		await app.press('m');
		await app.waitForText(/PENDING → SUCCESSFUL → DELIVERED +yes +3\.9s .*life-3/);
		const one = linesWith(app, 'life-1')[0];
		assert.match(one, /DELIVERED +yes +– /, `no latency for one event: ${one}`);
		assert.doesNotMatch(one, /0ms/);

		await app.press('k'); // from the newest (life-1) to life-3
		await app.press('enter');
		await app.waitForText('Message life-3 lifecycle');
		const screen = app.screen();
		assert.match(screen, /3 events +final, request to final 3\.9s/);
		assert.match(screen, /AFTER PREV +SINCE REQUEST +STATUS/);
		assert.match(screen, / – +400ms +PENDING +no +TEXT_PENDING/);
		assert.match(screen, /\+1\.0s +1\.4s +SUCCESSFUL +no +TEXT_SUCCESSFUL/);
		assert.match(screen, /\+2\.5s +3\.9s +DELIVERED +yes +TEXT_DELIVERED/);
		assert.match(screen, /"messageStatus": "DELIVERED"/);
		await app.press('escape');
		await app.waitForText(/by message/);
		assert.match(app.screen(), /Tail \/triage\/lifecycle/);
	} finally {
		app.dispose();
	}
});

test('x exports the events in view (after filters) to a JSON-lines file and never replaces a file without asking', async () => {
	const group = '/triage/export';
	await newGroup(group, mixedTraffic(Date.now()));
	const app = spawn();
	try {
		await openTail(app, group);
		await app.waitForText(/failed 43% \(3 of 7 final\)/);
		await app.press('f'); // failed only: 3 events
		await app.waitForText(/only failed/);
		await app.press('x');
		await app.waitForText(/Export 3 events \(JSON lines\) to: smsdeck-tail-triage-export-\d{8}-\d{6}\.jsonl/);
		const shown = /smsdeck-tail-triage-export-\d{8}-\d{6}\.jsonl/.exec(app.screen())![0];
		await app.press('enter');
		await app.waitForText(/Exported 3 events to /);
		const lines = readFileSync(join(folder, shown), 'utf8').trim().split('\n');
		assert.equal(lines.length, 3);
		const parsed = lines.map(l => JSON.parse(l) as {event: {messageId: string; messageStatus: string}; raw: string; time: string});
		assert.deepEqual(parsed.map(p => p.event.messageId).sort(), ['gb-bad-1', 'gb-bad-2', 'us-bad-1']);
		assert.ok(parsed.every(p => p.raw.startsWith('{') && /^\d{4}-\d\d-\d\dT/.test(p.time)));

		// A file that exists: asked; esc keeps it as it was.
		const mine = join(folder, 'keep.jsonl');
		writeFileSync(mine, 'precious\n');
		await app.press('x');
		await app.waitForText(/Export 3 events/);
		await app.press(...Array.from({length: 60}, () => 'backspace'));
		await app.type('keep.jsonl');
		await app.press('enter');
		await app.waitForText(/keep\.jsonl exists\. Replace it\? Type y to replace/);
		await app.press('escape');
		await app.waitForText(/Not exported: .*keep\.jsonl kept/);
		assert.equal(readFileSync(mine, 'utf8'), 'precious\n');
		// Asked again, y replaces it.
		await app.press('x');
		await app.waitForText(/Export 3 events/);
		await app.press(...Array.from({length: 60}, () => 'backspace'));
		await app.type('keep.jsonl');
		await app.press('enter');
		await app.waitForText(/Replace it\?/);
		await app.type('y');
		await app.press('enter');
		await app.waitForText(/Exported 3 events to .*keep\.jsonl/);
		assert.equal(readFileSync(mine, 'utf8').trim().split('\n').length, 3);
	} finally {
		app.dispose();
	}
});

test('at 80×24 time, status, final and destination stay whole; origination and message id give way', async () => {
	const group = '/triage/narrow';
	await newGroup(group, mixedTraffic(Date.now()));
	const app = spawn(80, 24);
	try {
		await openTail(app, group);
		await app.waitForText(/CARRIER_UNREACHABLE/);
		const screen = app.screen();
		assert.match(screen, /TIME +STATUS +FINAL +DESTINATION/);
		assert.doesNotMatch(screen, /ORIGINATION|MESSAGE ID/);
		assert.match(screen, /\d\d:\d\d:\d\d\.\d{3} CARRIER_UNREACHABLE +yes +\+447700900123/, screen);
		assert.match(screen, /\d\d:\d\d:\d\d\.\d{3} BLOCKED +yes +\+447700900123/);
		assert.match(screen, /window 5m +following/);
		// By message: path, final, latency and destination stay.
		await app.press('m');
		await app.waitForText(/STATUS PATH +FINAL +LATENCY +DESTINATION/);
		assert.match(app.screen(), /PENDING → CARRIER_UNREACHABLE +yes +3\.0s +\+447700900123/);
	} finally {
		app.dispose();
	}
});
