// The tail fault suite (test/helpers/tailFaults.ts) end to end in the console: `:tail log-group …` in a real
// terminal against the in-process emulator. The screen shows only a window of rows, so the suite reads what a
// user reads: the running summary ("N messages, M events" — every event written has its own messageId, so a
// missing event shows as fewer messages and a repeated one as more events than messages), and at the end the JSON
// detail of the newest row, which must be the last event written. None missing, none twice, through every fault.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal} from '../helpers/terminal.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {FaultSuite} from '../helpers/tailFaults.js';

let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'empty', liveTailTickMs: 200});
});
after(async () => {
	await emulator.close();
});

/** "1,234 messages, 1,236 events" from the tail's summary line. */
function summaryCounts(screen: string): {unique: number; total: number} {
	const match = /([\d,]+) messages, ([\d,]+) events/.exec(screen);
	if (!match) return {unique: 0, total: 0};
	const n = (s: string) => Number(s.replaceAll(',', ''));
	return {unique: n(match[1]), total: n(match[2])};
}

test('the console tail shows every event once through every fault, live and polling', {timeout: 15 * 60_000}, async t => {
	const group = 'tail-faults-console';
	const app = spawnTerminal({args: ['--region', 'us-east-1'], cols: 200, rows: 40, env: {AWS_ENDPOINT_URL: emulator.url}});
	const suite = new FaultSuite({
		emulator,
		group,
		log: line => t.diagnostic(line),
		sink: {
			counts: () => summaryCounts(app.screen()),
			polling: () => / POLL .*live tail denied/.test(app.screen()),
			describe: () => app.screen(),
		},
	});
	try {
		await app.waitForText('<?> help');
		await app.press(':');
		await app.type(`tail log-group ${group}`);
		await app.press('enter');
		await app.waitForText(`Tail ${group}`);
		await app.waitForText(/ LIVE /, {timeoutMs: 15_000});
		assert.ok(await suite.liveSession(), 'the console opened a live session');
		await suite.runLive();
		assert.match(app.screen(), / LIVE /, 'still live after the live faults');
		await suite.runPolling();
		assert.ok(await suite.settle(), 'the tail read the whole run again');
		suite.report(line => t.diagnostic(line));
		const totals = suite.totals();
		assert.deepEqual(suite.failedPhases(), [], `every fault delivers its own events, once, before the next\n${suite.table()}`);
		assert.deepEqual({missing: totals.missing, duplicates: totals.duplicates}, {missing: 0, duplicates: 0}, `${suite.table()}\n${app.screen()}`);
		assert.ok(totals.sent > 500, `a real load: ${totals.sent} events`);
		// The header counts the rows held: every event, once.
		await app.waitForText(new RegExp(`Tail ${group} \\[${totals.sent.toLocaleString("en-US")} events\\]`));
		// The newest row, opened, is the last event written.
		await app.press('enter');
		await app.waitForText(`"messageId": "${suite.lastId}"`);
		await app.press('escape');
		await app.waitForText('following');
	} finally {
		app.dispose();
		await suite.admin('denyLiveTail', {enabled: false});
	}
});
