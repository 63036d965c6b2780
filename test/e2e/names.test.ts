// Names where people think in names: pools' Name tags beside their ids, :tail completing configuration set names,
// and : commands that take an E.164 number, a Name tag, a sender ID, a list name or an ARN.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';

test('pools show their Name tags beside the ids, in the list, a pool, a number and its copy menu', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'pools');
		await app.waitForText(/POOL +NAME +STATUS/);
		await app.waitForText(/pool-\w+\S* +transactional-us +ACTIVE/);
		await app.waitForText(/pool-\w+\S* +marketing-us +ACTIVE/);
		await app.waitForText(/pool-\w+\S* +eu-senders +ACTIVE/);
		await app.press('c');
		await app.waitForText(/\d  Name +transactional-us/);
		await app.press('escape');
		await app.waitForNoText('Copy from');
		await app.press('enter');
		await app.waitForText(/Pool transactional-us \(pool-\w+\) \[3\]/);

		await command(app, 'numbers');
		await app.waitForText(/\+12065550150 +TEN_DLC .* transactional-us /);
		await app.waitForText(/\+13125550152 +TEN_DLC .* marketing-us /);
	} finally {
		app.dispose();
	}
});

test(':tail tab completes configuration set names; : commands open a pool, number, keywords or list by name', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await app.press(':');
		await app.waitForText('command (tab completes)');
		await app.type('tail ');
		// The Region's configuration sets, read when the bar opened (no screen had loaded them).
		await app.waitForText(/tail log-group +tail smsdeck-simulator +tail transactional +tail m/);
		await app.type('tra');
		await app.press('tab');
		await app.waitForText(':tail transactional');
		await app.press('escape');
		await app.waitForNoText(':tail transactional');

		await command(app, 'pool marketing-us');
		await app.waitForText(/Pool marketing-us \(pool-\w+\) \[\d+\]/);
		await app.waitForText(/us-east-1 › Regions › Pools › pool-\w+/);

		await command(app, 'pn +12065550150');
		await app.waitForText('Phone number +12065550150');
		await app.waitForText(/Pool +transactional-us \(pool-\w+/);

		await command(app, 'kw transactional-us');
		await app.waitForText(/Keywords of pool-\w+/);

		await command(app, 'kw +12065550100');
		await app.waitForText(/Keywords of phone-\w+/);

		await command(app, 'oo marketing-optouts');
		await app.waitForText(/Opt-out list marketing-optouts \[\d+\]/);

		await command(app, 'pool no-such-pool');
		await app.waitForText('no pool "no-such-pool" in us-east-1');
		assert.match(app.screen(), /Opt-out list marketing-optouts/, 'nothing else opened');
	} finally {
		app.dispose();
	}
});
