// The console under hostile conditions: a terminal squeezed to 3 rows or 1 column and back, and a service that
// answers a list with a null in it. The frame comes back whole; the bad answer is an error on the screen that
// asked for it, and the console keeps running.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator} from '../../source/emulator/index.js';
import {rewritingProxy} from '../helpers/hostileEndpoint.js';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';

/** The regions screen as it should be at 120×40: header, crumbs, title, column titles, rows, on their own lines. */
function wholeFrame(app: TerminalSession): boolean {
	return (
		/^ smsdeck .*RW$/.test(app.line(0)) &&
		/^ us-east-1 › Regions$/.test(app.line(1)) &&
		/^ Regions \[34\]/.test(app.line(2)) &&
		/^ {3}CODE +NAME +NUMBERS +POOLS +SENDER IDS/.test(app.line(3)) &&
		/^ ▸ us-east-1 +US East \(N\. Virginia\) +\d+ +\d+ +\d+/.test(app.line(4)) &&
		app.lines().every(line => !line.includes('CODE') || line === app.line(3))
	);
}

test('squeezed to 140×3 and to 1×40, then back to 120×40: header, crumbs and column titles are all back', {timeout: 120_000}, async () => {
	const app = spawnTerminal({args: ['--local'], cols: 120, rows: 40});
	try {
		await app.waitFor(() => wholeFrame(app), 'the regions screen at 120×40');
		for (const [cols, rows] of [
			[140, 3],
			[1, 40],
			[140, 3],
		] as const) {
			app.resize(cols, rows);
			// The top-left corner of the frame, cut to the terminal: at 3 rows the header and crumbs (rows - 1).
			if (rows === 3) await app.waitFor(() => /^ smsdeck .*RW$/.test(app.line(0)) && /^ us-east-1 › Regions$/.test(app.line(1)) && app.line(2) === '', `the top of the frame at ${cols}×${rows}`);
			else {
				// One column holds nothing but the frame's left margin: wait until the redraw is over, and nothing is wider.
				await app.waitForQuiet(300);
				assert.ok(app.lines().every(line => line.length <= 1), `nothing wider than the terminal at ${cols}×${rows}`);
			}
			app.resize(120, 40);
			await app.waitFor(() => wholeFrame(app), `the whole frame again after ${cols}×${rows}`);
			assert.equal(app.exitInfo(), undefined, 'still running');
		}
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

/** `:line` and enter, as typed. */
async function command(app: TerminalSession, line: string): Promise<void> {
	await app.press(':');
	await app.type(line);
	await app.press('enter');
}

test('a null in the list of phone numbers: the numbers screen says so, the console keeps running', {timeout: 120_000}, async () => {
	const emu = await startEmulator({port: 0, quiet: true});
	const proxy = await rewritingProxy(emu.url, {DescribePhoneNumbers: answer => ({...answer, PhoneNumbers: [null, ...(answer.PhoneNumbers as unknown[])]})});
	const app = spawnTerminal({args: ['--endpoint-url', proxy.url, '--region', 'us-east-1'], cols: 120, rows: 30, env: {AWS_ENDPOINT_URL: proxy.url}});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		// The Regions screen's counts read the same list: wait for the numbers screen before its message.
		await app.waitFor(() => /us-east-1 › Regions › Phone numbers/.test(app.line(1)), 'the numbers screen');
		await app.waitForText("DescribePhoneNumbers: the endpoint's answer does not fit the service's model: PhoneNumbers[0] is null");
		// The crumbs line is read once the frame is whole (the error can be drawn before the rest of the frame).
		await app.waitFor(() => /us-east-1 › Regions › Phone numbers/.test(app.line(1)), 'the crumbs of the numbers screen');
		// Still answering keys: the pools screen loads (its answer is whole).
		await command(app, 'pools');
		await app.waitForText(/Pools \[3\]/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
		assert.doesNotMatch(app.output(), /internal error/);
	} finally {
		app.dispose();
		await proxy.close();
		await emu.close();
	}
});
