// Against an emulator that enforces the documented 1 rps quotas, browsing every screen never shows the user a
// ThrottlingException; an injected burst of throttling shows THROTTLED in the status line and recovers.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal} from '../helpers/terminal.js';
import {pressUntil} from '../helpers/consoleSteps.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, throttle: true});
});
after(() => emulator.close());

const admin = (action: string, body: unknown) =>
	fetch(`${emulator.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});

test('browsing every view under 1 rps quotas: nothing throttled reaches the user', async () => {
	const app = spawnTerminal({args: ['--region', 'us-east-1'], cols: 140, rows: 40, env: {AWS_ENDPOINT_URL: emulator.url}});
	try {
		await app.waitForText('<?> help');
		const views: [string, RegExp][] = [
			['pools', /Pools \[\d+\].*ago/],
			['numbers', /Phone numbers \[\d+\].*ago/],
			['sender-ids', /Sender IDs \[\d+\].*ago/],
			['config-sets', /Configuration sets \[\d+\].*ago/],
			['opt-outs', /Opt-out lists \[\d+\].*ago/],
			['verified', /Verified destination numbers \[\d+\].*ago/],
			['account', /SANDBOXED/],
			['pools', /Pools \[\d+\].*ago/],
		];
		for (const [command, loaded] of views) {
			await app.press(':');
			await app.type(command);
			await app.press('enter');
			await app.waitForText(loaded, {timeoutMs: 15_000});
		}
		// Refreshing at once asks again within the second: the limiter waits instead of being throttled.
		await app.press('r');
		await app.waitForText(/Pools \[\d+\].*ago/, {timeoutMs: 15_000});
		await app.press('!');
		await app.waitForText('Error log');
		assert.doesNotMatch(app.screen(), /Throttl/i, `no throttling in the error log:\n${app.screen()}`);
	} finally {
		app.dispose();
	}
});

test('an injected throttle burst shows THROTTLED (Ns) and the view recovers by itself', async () => {
	const app = spawnTerminal({args: ['--region', 'eu-west-2'], cols: 140, rows: 40, env: {AWS_ENDPOINT_URL: emulator.url}});
	try {
		await app.waitForText('<?> help');
		await app.press(':');
		await app.type('pools');
		await app.press('enter');
		await app.waitForText(/Pools \[\d+\].*ago/, {timeoutMs: 15_000});
		// More throttles than the SDK retries (3 attempts): the console must back off and try again itself.
		assert.equal((await admin('throttleNext', {count: 5, operation: 'DescribePools'})).status, 200);
		// r right after the list loaded can land before the view listens again (a busy machine): pressed until it shows.
		await pressUntil(app, ['r'], /THROTTLED \(\d+s\)/);
		await app.waitForText(/Pools \[\d+\].*ago/, {timeoutMs: 30_000});
		await app.waitForNoText(/THROTTLED/, {timeoutMs: 10_000});
		await app.press('!');
		await app.waitForText('Error log');
		assert.doesNotMatch(app.screen(), /ThrottlingException/, 'recovered without an error');
	} finally {
		app.dispose();
	}
});
