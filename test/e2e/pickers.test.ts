// Pickers where free text was typed, and a second settings edit merged into the first: the real binary in a PTY
// against an in-process emulator, the result read back with the pip AWS CLI.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, openNumber, pressUntil} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('pickers');

const aws = emu.aws;

type Numbers = {PhoneNumbers: {PhoneNumber: string; PhoneNumberId: string; OptOutListName: string; DeletionProtectionEnabled: boolean}[]};

const console_ = () =>
	spawnTerminal({
		args: ['--endpoint-url', emu.url, '--region', 'us-east-1'],
		cols: 140,
		rows: 40,
		env: {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'},
	});

test("number settings: the opt-out list is picked from the Region's lists; a second settings edit is merged into the first", async () => {
	const number = '+12045550160';
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, number);
		await app.press('o');
		await app.waitForText(`Settings of ${number}`);
		// The opt-out list is the last field: ↑ from the first reaches it. It lists the Region's two lists.
		await app.press('up');
		await app.waitForText(/› Opt-out list +‹ Default › +1 of 2/);
		// Typing filters; nothing matching means no value, and enter says so instead of staging.
		await app.type('xyz');
		await app.waitForText('no match for "xyz"');
		await app.press('enter');
		await app.waitForText('Pick an opt-out list: no list in this Region matches what was typed.');
		await app.press('ctrl+u');
		await app.type('MARK');
		await app.waitForText(/‹ marketing-optouts › +1 of 1 matching "MARK"/);
		await app.press('enter');
		await app.waitForText('Review 1 staged change (nothing has been sent yet)');
		await app.waitForText('opt-out list Default → opt-out list marketing-optouts');
		await pressUntil(app, ['escape'], /Keywords\s+\[/);

		// Again: the form starts from what is staged; turning deletion protection on adds to it.
		await pressUntil(app, ['o'], `Settings of ${number} — starting from the staged edit`);
		await app.waitForText(/Opt-out list +marketing-optouts/);
		await app.press('up');
		await app.press('up');
		await app.waitForText(/› Deletion protection +‹ off ›/);
		await app.press('right');
		await app.waitForText(/› Deletion protection +‹ on ›/);
		await app.press('enter');
		await app.waitForText('Review 1 staged change (nothing has been sent yet)');
		await app.waitForText('deletion protection off, opt-out list Default → deletion protection on, opt-out list marketing-optouts');
		await app.waitForText('merged: replaces an earlier staged edit (it would have set opt-out list marketing-optouts)');
		await app.waitForText(/--deletion-protection-enabled --opt-out-list-name marketing-optouts/);
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		const after = (await aws<Numbers>('describe-phone-numbers')).PhoneNumbers.find(n => n.PhoneNumber === number)!;
		assert.equal(after.OptOutListName, 'marketing-optouts');
		assert.equal(after.DeletionProtectionEnabled, true);
		await pressUntil(app, ['escape'], /Keywords\s+\[/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test("simulator: the configuration set is picked from the Region's sets (type to filter, ←/→), free text is not taken", async () => {
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await command(app, 'sim');
		await app.waitForText('Simulator smoke test in us-east-1');
		await pressUntil(app, ['k'], /▸ Release number|▸ Channel/);
		await pressUntil(app, ['k'], /▸ Configuration set/);
		await app.waitForText(/▸ Configuration set +auto: the first with a CloudWatch Logs destination/);
		await app.press('e');
		await app.waitForText(/‹ auto: the first with a CloudWatch Logs destination › +1 of 5/);
		await app.press('right');
		await app.waitForText(/‹ smsdeck-simulator › +2 of 5/);
		await app.type('nope');
		await app.waitForText('no match for "nope"');
		// enter with nothing matching keeps the picker open.
		await app.press('enter');
		await app.waitForText('no match for "nope"');
		await app.press('ctrl+u');
		await app.type('MARK');
		await app.waitForText(/‹ marketing › +1 of 1 matching "MARK"/);
		await app.press('enter');
		await app.waitForText(/▸ Configuration set +marketing +‹ › or e picks/);
		// ←/→ on the field cycle through the sets without opening the picker.
		await app.press('right');
		await app.waitForText(/▸ Configuration set +staging/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('requesting a number: the pool and the opt-out list are picked; a mismatch with the pool is refused in the form; the AWS CLI finds the number in the pool', async () => {
	const pools = await aws<{Pools: {PoolId: string; OptOutListName: string; MessageType: string}[]}>('describe-pools');
	const pool = pools.Pools.find(p => p.MessageType === 'TRANSACTIONAL' && p.OptOutListName === 'Default')!;
	const membersBefore = await aws<{OriginationIdentities: unknown[]}>('list-pool-origination-identities', '--pool-id', pool.PoolId);
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText(/Phone numbers\s+\[\d+\]/);
		await app.press('n');
		await app.waitForText('Request a phone number');
		// Type SIMULATOR, country US, SMS, TRANSACTIONAL: the defaults. Then the pool, by typing part of its name.
		for (let i = 0; i < 4; i++) await app.press('tab');
		await app.waitForText(/› Pool +‹ none ›/);
		await app.type('transactional');
		await app.waitForText(new RegExp(`› Pool +‹ transactional-us \\(${pool.PoolId}\\) ›`));
		// An opt-out list other than the pool's is refused before anything is staged.
		await app.press('tab');
		await app.waitForText(/› Opt-out list +‹ Default ›/);
		await app.type('marketing');
		await app.waitForText(/› Opt-out list +‹ marketing-optouts ›/);
		await app.press('enter');
		await app.waitForText("uses the pool's opt-out list Default: pick that list, or no pool.");
		await app.waitForNoText('Review 1 staged change');
		for (let i = 0; i < 'marketing'.length; i++) await app.press('backspace');
		await app.type('Default');
		await app.waitForText(/› Opt-out list +‹ Default ›/);
		await app.press('enter');
		await app.waitForText('Review 1 staged change (nothing has been sent yet)');
		await app.waitForText(`in pool ${pool.PoolId}`);
		await app.waitForText(new RegExp(`--pool-id ${pool.PoolId}`));
		await app.waitForText('Type "request" to apply');
		await app.type('request');
		await app.press('enter');
		await app.waitForText('Applied 1 of 1 change');
		const membersAfter = await aws<{OriginationIdentities: {IsoCountryCode: string}[]}>('list-pool-origination-identities', '--pool-id', pool.PoolId);
		assert.equal(membersAfter.OriginationIdentities.length, membersBefore.OriginationIdentities.length + 1, 'the new number is in the pool');
		await app.press('escape');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('number settings of a pooled number: o says why nothing can change there (the service refuses every update of a pooled number)', async () => {
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, '+12065550150');
		await app.press('o');
		await app.waitForText('is in the pool transactional-us');
		assert.doesNotMatch(app.screen(), /Settings of \+12065550150/);
	} finally {
		app.dispose();
	}
});
