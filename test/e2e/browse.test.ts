// Browsing the account as a person would: the real binary in a PTY against the built-in emulator (--local).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command, filter} from '../helpers/consoleSteps.js';

test('numbers: filter, open a number, jump to its pool; :region eu-west-2 shows other numbers', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText('Phone numbers [9]');
		await app.waitForText(/\+12065550100 +SIMULATOR +ACTIVE/);

		await filter(app, '+14255550151');
		await app.waitForText('Phone numbers [1 of 9]');
		await app.press('enter');
		await app.waitForText('Phone number +14255550151');
		await app.waitForText('describe-phone-numbers --phone-number-ids phone-');
		await app.waitForText(/Keywords.*\[\d+\]/);
		await app.waitForText(/STOP/);

		await app.press('p');
		await app.waitForText(/Pool transactional-us \(pool-\w+\) \[3\]/);
		await app.waitForText(/\+12065550150/);
		await app.waitForText(/\+18335550142/);

		// A `:` command opens the list afresh (the filter typed before is gone).
		await command(app, 'numbers');
		await app.waitForText('Phone numbers [9]');
		await command(app, 'region eu-west-2');
		await app.waitForText('Region set to eu-west-2');
		await app.waitForText('Phone numbers [2]');
		await app.waitForText(/\+447700900123/);
		await app.waitForNoText(/\+12065550100/);

		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('configuration sets and opt-outs: lists, details, another Region', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'config-sets');
		await app.waitForText('Configuration sets [4]');
		await filter(app, 'marketing');
		await app.waitForText('Configuration sets [1 of 4]');
		await app.press('enter');
		await app.waitForText('Event destinations [2]');
		await app.waitForText(/events-firehose +yes +Firehose +ALL +arn:aws:firehose:/);
		await app.waitForText(/failures-sns +yes +SNS +TEXT_CARRIER_UNREACHABLE/);
		await app.waitForText(/\$ aws pinpoint-sms-voice-v2 describe-configuration-sets --configuration-set-names marketing/);

		await command(app, 'region eu-west-2');
		await command(app, 'cs');
		// A `:` command opens the list afresh: the filter typed in us-east-1 is not carried over.
		await app.waitForText('Configuration sets [1]');
		await app.waitForText(/uk-events/);
		await app.press('enter');
		await app.waitForText('Event destinations [1]');
		await app.waitForText(/uk-cwl +yes +CloudWatch Logs +TEXT_ALL/);

		await command(app, 'region us-east-1');
		await command(app, 'opt-outs');
		await app.waitForText('Opt-out lists [2]');
		await filter(app, 'marketing');
		await app.press('enter');
		await app.waitForText('Opt-out list marketing-optouts [2]');
		await app.waitForText(/\+12065550114/);
		await app.waitForText(/\+14255550115/);

		await command(app, 'region us-west-2');
		await command(app, 'oo');
		await app.waitForText('Opt-out lists [1]');
		await app.press('enter');
		await app.waitForText('Opt-out list Default [1]');
		await app.waitForText(/\+15035550101/);

		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('--read-only shows RO in the header', async () => {
	const app = spawnTerminal({args: ['--local', '--read-only'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		assert.match(app.line(0), /\bRO\s*$/);
		await command(app, 'acct');
		await app.waitForText('Account limits');
		await app.waitForText(/Tier +SANDBOXED/);
	} finally {
		app.dispose();
	}
});
