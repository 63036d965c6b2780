// Insights in a real terminal against the emulator: sends to simulator numbers plus failure events in several
// countries written with PutLogEvents into the configuration set's log group. The dashboard shows the counts, the
// rates, the failures by country and status, the latency percentiles (known from the crafted records) and this
// month's spend; y shows the queries with their aws commands; enter on a cell opens the tail filtered to it; i on
// a configuration set opens its insights.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';
import {fillInsightsData, INSIGHTS_GROUP as GROUP, INSIGHTS_SET as SET} from '../helpers/insightsData.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emulator: RunningEmulator;

// The data (test/helpers/insightsData.ts): ten messages, 30% delivered, failures in US, CA, GB and FR; latency p50
// 20 s, p95 and p99 60 s.
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	await fillInsightsData(emulator.url);
});
after(async () => {
	await emulator.close();
});

function spawn(cols = 160, rows = 30): TerminalSession {
	return spawnTerminal({args: ['--region', 'us-east-1'], cols, rows, env: {AWS_ENDPOINT_URL: emulator.url}});
}

const line = (app: TerminalSession, text: string | RegExp) => app.screen().split('\n').find(l => (typeof text === 'string' ? l.includes(text) : text.test(l))) ?? '';

test(':insights shows counts, rates, failures by country and status, latency percentiles and spend; enter on a cell opens the filtered tail', async () => {
	const app = spawn();
	try {
		await app.waitForText('<?> help');
		await command(app, `insights ${SET}`);
		await app.waitForText(`Insights ${SET} → ${GROUP}`);
		await app.waitForText(/all 11 queries complete/, {timeoutMs: 20_000});
		await app.waitForText('Messages 10 │ Delivered 30.0% │ Failed 70.0%');
		assert.match(line(app, 'Messages 10'), /Latency p50 20 s p95 60 s p99 60 s$/);
		// Six crafted records at $0.01 and four simulator sends at the emulator's US price per part.
		assert.match(line(app, 'Messages 10'), /Price \$0\.08324 /);
		// The columns: status, country, origination, type, the biggest first (count, failed %).
		assert.match(line(app, 'CARRIER_UNREACHABLE'), /CARRIER_UNREACHABLE +4 100% +US +4 25\.0%/);
		assert.match(app.screen(), /US +4 25\.0%/);
		assert.match(app.screen(), /CA +3 100%/);
		assert.match(app.screen(), /GB +2 100%/);
		assert.match(app.screen(), /FR +1 100%/);
		assert.match(app.screen(), /TRANSACTIONAL +10 70\.0%/);
		// Spend in the header: this month's SMS, MMS and voice spend, each against its enforced limit; nothing was
		// spent on MMS or voice, and they show $0 all the same.
		await app.waitForText(/This month: SMS \$0\.0\d of \$1 \(\d\.\d%\) · MMS \$0 of \$1 \(0\.0%\) · Voice \$0 of \$1 \(0\.0%\)/);
		// Movers per breakdown: nothing in the hour before, so everything is new; a final status by its share.
		assert.match(line(app, 'Movers'), /Movers vs the previous 1h$/);
		assert.match(line(app, /Country +CA new/), /Country +CA new: 3 msg, 100% failed · GB new: 2 msg, 100% failed/);
		assert.match(line(app, /Origination +\+/), /Origination +\+12065550100 new: 10 msg, 70\.0% failed$/);
		assert.match(line(app, /Message type +T/), /Message type +TRANSACTIONAL new: 10 msg, 70\.0% failed$/);
		assert.match(line(app, /Final status +C/), /Final status +CARRIER_UNREACHABLE new: 4 msg, 40\.0% of msgs · DELIVERED new: 3 msg, 30\.0% of msgs/);
		assert.match(line(app, 'queries complete'), /[\d.]+ (B|KB|MB) scanned/);

		// The queries and their aws commands.
		await app.press('y');
		await app.waitForText(/aws logs start-query --log-group-name smsdeck-simulator-events --start-time \d+ --end-time \d+ --query-string/);
		assert.match(app.screen(), /By country: Complete, \d+ records, [\d.]+ (B|KB) scanned/);
		await app.press('escape');
		await app.waitForText('Messages 10');

		// Country column, second row (CA): enter opens the tail with only those messages.
		await app.press('l');
		await app.press('j');
		await app.press('enter');
		await app.waitForText(`Tail ${SET}`);
		await app.waitForText(/country CA/);
		await app.waitForText('ca-unreach-3', {timeoutMs: 15_000});
		const screen = app.screen();
		assert.match(screen, /ca-unreach-1/);
		assert.doesNotMatch(screen, /gb-blocked|fr-expired/);
	} finally {
		app.dispose();
	}
});

test('i on a configuration set opens its insights; t changes the window and the queries run again', async () => {
	const app = spawn();
	try {
		await app.waitForText('<?> help');
		await command(app, 'config-sets');
		await app.waitForText(SET);
		await command(app, 'config-sets');
		await app.press('/');
		await app.type(SET);
		await app.press('enter');
		await app.press('i');
		await app.waitForText(`Insights ${SET} → ${GROUP} · last 1h`);
		await app.waitForText('Messages 10');
		await app.press('t');
		await app.waitForText(`Insights ${SET} → ${GROUP} · last 24h`);
		await app.waitForText(/all 11 queries complete/, {timeoutMs: 20_000});
		await app.waitForText('Messages 10');
		assert.match(line(app, 'Volume /1h'), /[▁▂▃▄▅▆▇█]/);
	} finally {
		app.dispose();
	}
});

test('a narrow, short terminal: the spend goes under the title and the movers fold into one line', async () => {
	const app = spawn(100, 20);
	try {
		await app.waitForText('<?> help');
		await command(app, `insights ${SET}`);
		await app.waitForText(/all 11 queries complete/, {timeoutMs: 20_000});
		await app.waitForText(/^ This month: SMS \$0\.0\d of \$1 \(\d\.\d%\) · MMS \$0 of \$1 \(0\.0%\) · Voice \$0 of \$1 \(0\.0%\)/m);
		const lines = app.screen().split('\n');
		const title = lines.findIndex(l => l.includes(`Insights ${SET} → ${GROUP} · last 1h`));
		assert.match(lines[title + 1], /^ This month: SMS/);
		assert.match(line(app, 'Movers'), /^ Movers vs the previous 1h: country CA new: 3 msg, 100% failed · origination \+12065550100 new/);
		assert.equal(lines.filter(l => /^ {3}(Country|Origination) /.test(l)).length, 0);
	} finally {
		app.dispose();
	}
});
