// :audit — the changes applied in this session, in their own view with Region and request id; the ! error log
// keeps only errors.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';

/** Opts a number out on the Default list of the current Region, through the staged edit, review and y. */
async function optOut(app: TerminalSession, number: string) {
	await command(app, 'opt-outs');
	await app.waitForText(/Opt-out lists \[\d+\]/);
	await app.waitForText(/Default +\d{4}-/);
	await app.press('enter');
	await app.waitForText('Opt-out list Default');
	await app.press('a');
	await app.waitForText('Opt a number out on Default');
	await app.type(number);
	await app.press('enter');
	await app.waitForText(/Review 1 staged change/);
	await app.press('y');
	await app.waitForText('Applied 1 of 1 change');
	await app.press('escape');
	// Back on the list (its keys in the footer again) with the number on it.
	await app.waitForText('<a> add');
	await app.waitForText(new RegExp(`\\${number} `));
}

test(':audit lists each applied change with its Region and request id; the ! log does not', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 160, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'audit');
		await app.waitForText('Applied changes [0]');
		await app.waitForText('No changes applied in this session');
		await app.press('escape');
		await app.waitForNoText('Applied changes');

		await optOut(app, '+12065550177');
		await command(app, 'region eu-west-2');
		await app.waitForText('Region set to eu-west-2');
		await optOut(app, '+447700900177');

		await command(app, 'audit');
		await app.waitForText('Applied changes [2]');
		await app.waitForText(/TIME +REGION +PROFILE +CHANGE +BEFORE +AFTER +REQUEST ID/);
		// Newest first, each with the Region it was applied in and the service's request id.
		const rows = app.lines().filter(l => /\d\d:\d\d:\d\d +\w\w-\w+-\d/.test(l));
		assert.equal(rows.length, 2, app.screen());
		assert.match(rows[0], /eu-west-2 +local +.*\+447700900177.* +[0-9a-f-]{36}/);
		assert.match(rows[1], /us-east-1 +local +.*\+12065550177.* +[0-9a-f-]{36}/);
		await app.press('escape');
		await app.waitForNoText('Applied changes');

		await app.press('!');
		await app.waitForText('Error log');
		await app.waitForText('No errors in this session');
		assert.doesNotMatch(app.screen(), /\+12065550177|\+447700900177/);
	} finally {
		app.dispose();
	}
});
