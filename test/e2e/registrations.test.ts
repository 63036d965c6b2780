// Registrations in the console, driven as a person would: the real binary in a PTY on the embedded emulator's
// default seed (a campaign denied on two fields holds the 10DLC number +17205550180 PENDING).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal} from '../helpers/terminal.js';
import {command, filter, lineWith} from '../helpers/consoleSteps.js';

test('registrations: the list shows status, version, time in state and numbers; the detail shows denied fields with reasons, versions and numbers', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'registrations');
		await app.waitForText('Registrations [6]');
		await app.waitForText(/spring-promo +US 10DLC campaign +REQUIRES_UPDATES +v1 +6d +1 registration-/);
		assert.match(lineWith(app, 'auth-otp'), /COMPLETE +v1 +125d +2 /);
		assert.match(lineWith(app, 'account-alerts'), /SUBMITTED/);
		assert.match(lineWith(app, 'new toll-free'), /US toll-free +CREATED/);

		await filter(app, 'spring');
		await app.waitForText('Registrations [1 of 6]');
		await app.press('enter');
		await app.waitForText('Registration spring-promo (registration-');
		await app.waitForText(/Status +REQUIRES_UPDATES for 6d/);
		await app.waitForText(/Next +denied: fix the flagged fields in a new version and resubmit/);
		await app.waitForText(/✗ Opt-in workflow description +Customers tick/);
		await app.waitForText('denied: The opt-in page could not be reached; show where and how recipients consent.');
		await app.waitForText(/✗ Message sample 1 +AnyCompany: your spring offers message/);
		// Past the fields: the version history with its reasons, and the number the campaign holds.
		await app.press('G');
		await app.waitForText(/v1 +DENIED/);
		await app.waitForText('feedback: Fix the flagged fields and resubmit.');
		await app.waitForText(/Associated resources \(1\)\n +\+17205550180/);
		await app.press('enter');
		await app.waitForText('Phone number +17205550180');
		await app.waitForText(/Status +PENDING/);
		await app.waitForText(/Registration +registration-/);
	} finally {
		app.dispose();
	}
});

test('a PENDING number leads to its registration: R in :numbers and on its detail', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText(/Phone numbers \[\d+\]/);
		// A number without a registration offers no R.
		await filter(app, '+12065550100');
		await app.waitForText(/\[1 of \d+\]/);
		await app.waitForText('<?> help');
		assert.doesNotMatch(app.lines().at(-1) ?? '', /registration/);
		// A `:` command opens the list afresh, without the filter.
		await command(app, 'numbers');
		await app.waitForText(/Phone numbers \[\d+\]/);
		await filter(app, '+17205550180');
		await app.waitForText(/\+17205550180 +TEN_DLC +PENDING/);
		await app.waitForText('<R> registration');
		await app.press('R');
		await app.waitForText('Registration spring-promo (registration-');
		await app.waitForText(/Status +REQUIRES_UPDATES/);
		// Back on the number, its detail jumps too.
		await app.press('escape');
		await app.waitForText(/\+17205550180 +TEN_DLC +PENDING/);
		await app.press('enter');
		await app.waitForText('Phone number +17205550180');
		await app.press('R');
		await app.waitForText('Registration spring-promo (registration-');
	} finally {
		app.dispose();
	}
});

test('from a pool: R on a member number opens the registration that holds it', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'pool transactional-us');
		await app.waitForText(/Pool transactional-us \(pool-/);
		await filter(app, '+12065550150');
		await app.waitForText('<R> registration');
		await app.press('R');
		await app.waitForText('Registration auth-otp (registration-');
		await app.waitForText(/Status +COMPLETE/);
	} finally {
		app.dispose();
	}
});
