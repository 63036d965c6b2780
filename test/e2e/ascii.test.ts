// ASCII mode: with a locale that does not promise UTF-8 (LANG=C, no LC_ALL/LC_CTYPE) every byte the console writes
// is ASCII — its glyphs, the arrows and dots of :sim, the dashes of its sentences — on every screen visited.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';

/** Every non-ASCII character in the raw output, with a little of what surrounds it (none when ASCII throughout). */
function nonAscii(output: string): string[] {
	return [...output.matchAll(/[^\x00-\x7f]/gu)].slice(0, 10).map(m => JSON.stringify(output.slice(Math.max(0, m.index - 30), m.index + 10)));
}

test('LANG=C: regions, lists, a detail, the copy menu, help, the error log and a :sim run write only ASCII', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40, env: {LANG: 'C'}});
	try {
		await app.waitForText('<?> help');
		await app.waitForText(/us-east-1 +US East \(N\. Virginia\) +\d+/);
		await command(app, 'numbers');
		await app.waitForText(/\+12065550100 +SIMULATOR/);
		await app.press('s');
		await app.waitForText(/sort: .*\^/);
		await app.press('enter');
		await app.waitForText(/Phone number \+\d+/);
		await app.waitForText(/Keywords.*\[\d+\]/);
		await app.press('c');
		await app.waitForText(/> 1  Number/);
		await app.press('escape');
		await app.waitForNoText(/> 1  Number/);
		await command(app, 'pools');
		await app.waitForText(/pool-\w+~? +transactional-us +ACTIVE/);
		await app.press('?');
		await app.waitForText('esc or ? closes');
		await app.press('escape');
		await app.waitForNoText('esc or ? closes');
		await app.press('!');
		await app.waitForText('Error log');
		await app.press('escape');
		await app.waitForNoText('Error log');

		await command(app, 'sim');
		await app.waitForText('Simulator smoke test in us-east-1');
		await app.press('enter');
		await app.waitForText(/PASS +2 of 2 messages as expected/, {timeoutMs: 30_000});
		// The arrows and dots :sim writes have their ASCII fallbacks.
		await app.waitForText(/\+ \+14254147755 +success +DELIVERED \. send > final/);
		await app.waitForText(/\+ Config set > CloudWatch Logs/);
		await app.waitForText(/us-east-1 \. simulator number > US \./);
		assert.deepEqual(nonAscii(app.output()), [], 'nothing but ASCII was written');

		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
		assert.deepEqual(nonAscii(app.output()), []);
	} finally {
		app.dispose();
	}
});

test('a UTF-8 locale keeps the glyphs', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40, env: {LANG: 'C.UTF-8'}});
	try {
		await app.waitForText('<?> help');
		await app.waitForText('us-east-1 › Regions');
		await app.waitForText(/▸ us-east-1/);
	} finally {
		app.dispose();
	}
});
