// Navigation memory and layout hygiene (issue 13), as a person sees it: the real binary in a PTY against the
// emulator. Going back finds a screen as it was left; a `:` command opens a screen afresh, on the Region root.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command, filter} from '../helpers/consoleSteps.js';

/** The rows drawn as selected (a coloured or inverse background from their first cell). */
function highlighted(app: TerminalSession): string[] {
	const buffer = app.term.buffer.active;
	const out: string[] = [];
	for (let y = 0; y < app.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const cell = line?.getCell(1);
		if (!line || !cell) continue;
		if (!cell.isBgDefault() || cell.isInverse()) out.push(line.translateToString(true));
	}
	return out;
}

/** The breadcrumbs line (the second row). */
const crumbs = (app: TerminalSession) => app.line(1).trim();

describe('navigation memory on the big seed', () => {
	let emu: RunningEmulator;
	before(async () => {
		emu = await startEmulator({port: 0, quiet: true, seed: 'big'});
	});
	after(() => emu.close());

	const open = () =>
		spawnTerminal({
			args: ['--endpoint-url', emu.url, '--region', 'us-east-1'],
			cols: 140,
			rows: 40,
			env: {AWS_ENDPOINT_URL: emu.url},
		});

	it(':pools, G, enter, esc puts the cursor back on the last of 1,003 pools; filter and sort are kept too', {timeout: 120_000}, async () => {
		const app = open();
		try {
			await app.waitForText('<?> help');
			await command(app, 'pools');
			await app.waitForText('Pools [1,003]', {timeoutMs: 60_000});
			await app.waitForNoText('loading', {timeoutMs: 60_000});
			await app.press('G');
			await app.waitFor(() => highlighted(app).length === 1 && app.lines().indexOf(highlighted(app)[0].trimEnd()) >= 30, 'the cursor on the last row');
			const last = /pool-[0-9a-f]+/.exec(highlighted(app)[0])![0];
			await app.press('enter');
			await app.waitForText(`Pools › ${last}`);
			await app.press('escape');
			await app.waitForText(/Pools \[1,003\]/);
			await app.waitFor(() => highlighted(app)[0]?.includes(last) ?? false, `the cursor back on ${last}`);
			// enter opens the same pool again.
			await app.press('enter');
			await app.waitForText(`Pools › ${last}`);
			await app.press('escape');
			await app.waitForText(/Pools \[1,003\]/);

			// A sort and a filter survive a visit to a detail and back.
			await app.press('s');
			await app.waitForText('sort: Pool ▲');
			await filter(app, 'pool-a');
			await app.waitForText(/Pools \[\d[\d,]* of 1,003\]/);
			const count = /Pools \[([\d,]+) of 1,003\]/.exec(app.screen())![1];
			await app.press('enter');
			await app.waitForText(/Pools › pool-/);
			await app.press('escape');
			await app.waitForText(`Pools [${count} of 1,003]`);
			assert.match(app.screen(), /\/pool-a {2}sort: Pool ▲/);

			// A `:` command opens the screen afresh: no filter, no sort, cursor on the first row.
			await command(app, 'pools');
			await app.waitForText('Pools [1,003]');
			assert.doesNotMatch(app.screen(), /sort: Pool|\/pool-a/);
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	});
});

describe('crumbs, cursor, sort and toasts', () => {
	it('every `:` command replaces the crumbs with the Region root and its screen, a failed :tail too', async () => {
		const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
		try {
			await app.waitForText('<?> help');
			await command(app, 'tail uk');
			await app.waitForText(/Tail uk\b/);
			assert.equal(crumbs(app), 'us-east-1 › Regions › Tail uk');
			await command(app, 'tail uk-events');
			await app.waitForText('Tail uk-events');
			assert.equal(crumbs(app), 'us-east-1 › Regions › Tail uk-events');
			await command(app, 'numbers');
			await app.waitForText(/Phone numbers \[\d+\]/);
			await app.press('enter');
			await app.waitForText(/Phone numbers › phone-/);
			await command(app, 'pools');
			await app.waitForText(/Pools \[\d+\]/);
			assert.equal(crumbs(app), 'us-east-1 › Regions › Pools');
			await command(app, 'tail marketing');
			await app.waitForText('Tail marketing');
			assert.equal(crumbs(app), 'us-east-1 › Regions › Tail marketing');
			// esc goes to the root, and no further.
			await app.press('escape');
			await app.waitFor(() => crumbs(app) === 'us-east-1 › Regions', 'back on Regions');
			await command(app, 'regions');
			assert.equal(crumbs(app), 'us-east-1 › Regions');
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	});

	it('the Regions cursor starts on the active Region and follows :region', async () => {
		const app = spawnTerminal({args: ['--local', '--region', 'eu-west-2'], cols: 140, rows: 40});
		try {
			await app.waitForText('<?> help');
			await app.waitFor(() => highlighted(app)[0]?.includes('eu-west-2') ?? false, 'the cursor on eu-west-2');
			await command(app, 'region ap-southeast-2');
			await app.waitForText('Region set to ap-southeast-2');
			await app.waitFor(() => highlighted(app)[0]?.includes('ap-southeast-2') ?? false, 'the cursor on ap-southeast-2');
			await command(app, 'pools');
			await app.waitForText(/Pools \[\d+\]/);
			await command(app, 'regions');
			await app.waitFor(() => highlighted(app)[0]?.includes('ap-southeast-2') ?? false, 'the cursor on ap-southeast-2 on :regions');
			// Another Region chosen elsewhere: back on Regions, the cursor is on it.
			await command(app, 'pools');
			await app.waitForText(/Pools \[\d+\]/);
			await command(app, 'region eu-west-2');
			await app.waitForText('Region set to eu-west-2');
			await app.press('escape');
			await app.waitFor(() => crumbs(app) === 'eu-west-2 › Regions', 'back on Regions');
			await app.waitFor(() => highlighted(app)[0]?.includes('eu-west-2') ?? false, 'the cursor on eu-west-2 after esc');
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	});

	it('the first s on :pn sorts by the Number column, not the blank marker column', async () => {
		const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
		try {
			await app.waitForText('<?> help');
			await command(app, 'pn');
			await app.waitForText(/Phone numbers \[\d+\]/);
			await app.press('s');
			await app.waitForText('sort: Number ▲');
			assert.match(app.screen(), /NUMBER ▲/);
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	});

	it('a warning toast stays on the screen that raised it', async () => {
		const app = spawnTerminal({args: ['--local', '--read-only'], cols: 140, rows: 40});
		try {
			await app.waitForText('<?> help');
			await command(app, 'numbers');
			await app.waitForText(/Phone numbers \[\d+\]/);
			await app.press('x');
			await app.waitForText('Read-only:');
			await app.press('enter');
			await app.waitForText(/Phone numbers › phone-/);
			assert.doesNotMatch(app.screen(), /Read-only:/);
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	});
});
