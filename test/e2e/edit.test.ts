// Editing the account as a person would: the real binary in a PTY against an in-process emulator, checked with
// the AWS CLI (pip v1) from outside. Keywords, spend limits, a refused apply that keeps the edit, read-only.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, openNumber} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('edit');

const aws = emu.aws;

const admin = (action: string, body: unknown) =>
	fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});

type Keywords = {Keywords: {Keyword: string; KeywordMessage: string; KeywordAction: string}[]};
type Spend = {SpendLimits: {Name: string; EnforcedLimit: number; MaxLimit: number; Overridden: boolean}[]};

const console_ = (...extra: string[]) =>
	spawnTerminal({
		args: ['--endpoint-url', emu.url, '--region', 'us-east-1', ...extra],
		cols: 140,
		rows: 40,
		// The month-to-date spend metrics (CloudWatch) from the emulator too.
		env: {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL_CLOUDWATCH: emu.url},
	});

async function simulatorId(): Promise<string> {
	const out = await aws<{PhoneNumbers: {PhoneNumber: string; PhoneNumberId: string}[]}>('describe-phone-numbers');
	return out.PhoneNumbers.find(n => n.PhoneNumber === '+12065550100')!.PhoneNumberId;
}

test('keywords: add JOIN (seen by the AWS CLI); deleting STOP or adding stop as an automatic response is refused with nothing sent', async () => {
	const id = await simulatorId();
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, '+12065550100');
		await app.press('a');
		await app.waitForText(`Add a keyword to ${id}`);
		await app.type('JOIN');
		await app.press('tab');
		await app.type('Welcome to ExampleCorp alerts');
		await app.press('enter');
		await app.waitForText('Review 1 staged change (nothing has been sent yet)');
		await app.waitForText(`+ New keyword JOIN on ${id}`);
		await app.waitForText(/\$ aws pinpoint-sms-voice-v2 put-keyword --origination-identity phone-\w+ --keyword JOIN/);
		assert.ok(!(await aws<Keywords>('describe-keywords', '--origination-identity', id)).Keywords.some(k => k.Keyword === 'JOIN'), 'nothing sent before y');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		const after = await aws<Keywords>('describe-keywords', '--origination-identity', id);
		assert.deepEqual(after.Keywords.find(k => k.Keyword === 'JOIN'), {Keyword: 'JOIN', KeywordMessage: 'Welcome to ExampleCorp alerts', KeywordAction: 'AUTOMATIC_RESPONSE'});
		await app.press('escape');
		await app.waitForText(/JOIN +AUTOMATIC_RESPONSE +Welcome to ExampleCorp alerts/);

		// STOP: the second row. d refuses before anything is staged or sent. (Keys right after the review closes
		// can arrive before the table listens again: g j d until the refusal shows.)
		for (let attempt = 1; ; attempt++) {
			await app.press('g');
			await app.press('j');
			await app.press('d');
			try {
				await app.waitForText('STOP is a mandatory opt-out keyword and cannot be deleted; its response can be edited (e). Nothing was sent.', {timeoutMs: attempt < 4 ? 3000 : 15000});
				break;
			} catch (error) {
				if (attempt >= 4) throw error;
			}
		}
		// Adding a keyword named stop as an automatic response is refused in the form, enter does not stage it.
		await app.press('a');
		await app.waitForText(`Add a keyword to ${id}`);
		await app.type('stop');
		await app.press('tab');
		await app.type('changed');
		await app.press('enter');
		await app.waitForText('STOP is a mandatory opt-out keyword; its action must stay OPT_OUT.');
		await app.press('escape');
		await app.waitForNoText('Add a keyword');
		assert.deepEqual(await aws<Keywords>('describe-keywords', '--origination-identity', id), after, 'describe-keywords unchanged');

		// The applied change is in :audit (with its Region), not in the ! log.
		await command(app, 'audit');
		await app.waitForText(/us-east-1 +New keyword JOIN on phone-\w+ +\(none\) +AUTOMAT/);
		await app.press('escape');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('spend: above the max shows the reason and sends nothing; a raise needs "raise" typed and is read back by the AWS CLI', async () => {
	const sms = async () => (await aws<Spend>('describe-spend-limits')).SpendLimits.find(s => s.Name === 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT')!;
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await command(app, 'account');
		await app.waitForText(/Spend limits \(monthly, USD\)/);
		// Enforced, spent this month (the AWS/SMSVoice metric), its share of the limit, the account's maximum.
		await app.waitForText(/SMS +\$1 +\$0 +0\.0% +\$1 /);
		assert.equal((await admin('setMonthlySpend', {region: 'us-east-1', channel: 'TEXT', amount: 0.85})).status, 200);
		await app.press('r');
		await app.waitForText(/SMS +\$1 +\$0\.85 +85% +\$1 /);
		const before = await sms();
		await app.press('e');
		await app.waitForText('SMS enforced limit: now $1, account limit $1');
		await app.press('backspace');
		await app.type('5');
		await app.press('enter');
		await app.waitForText('The limit cannot exceed the account limit of $1; request a spend threshold increase to go higher.');
		await app.press('escape');
		assert.deepEqual(await sms(), before, 'nothing sent');

		// A production account: the account limit is higher.
		assert.equal((await admin('setAccountTier', {region: 'us-east-1', tier: 'PRODUCTION'})).status, 200);
		await app.press('r');
		await app.waitForText(/SMS +\$1 +\$0\.85 +85% +\$1,000/);
		await app.press('e');
		await app.waitForText('account limit $1000');
		await app.press('backspace');
		await app.type('50');
		await app.press('enter');
		await app.waitForText('SMS enforced spend limit (raise)');
		await app.waitForText('$ aws pinpoint-sms-voice-v2 set-text-message-spend-limit-override --monthly-limit 50');
		await app.waitForText('Type "raise" to apply');
		await app.press('y');
		await app.press('enter');
		await app.waitForText('Type "raise" exactly to confirm');
		assert.equal((await sms()).EnforcedLimit, 1);
		await app.press('backspace');
		await app.type('raise');
		await app.press('enter');
		await app.waitForText('Applied 1 of 1 change');
		const now = await sms();
		assert.equal(now.EnforcedLimit, 50);
		assert.equal(now.Overridden, true);
		await app.press('escape');
		await app.waitForText(/SMS +\$50 +\$0\.85 +1\.7% +\$1,000/);
	} finally {
		app.dispose();
	}
});

test('a refused apply keeps the staged edit with the reason; q then asks before quitting', async () => {
	const id = await simulatorId();
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, '+12065550100');
		assert.equal((await admin('throttleNext', {count: 100000, operation: 'PutKeyword'})).status, 200);
		await app.press('a');
		await app.waitForText(`Add a keyword to ${id}`);
		await app.type('DEALS');
		await app.press('tab');
		await app.type('Weekly deals');
		await app.press('enter');
		await app.waitForText('Review 1 staged change');
		await app.press('y');
		await app.waitForText('Applied 0 of 1 change', {timeoutMs: 30_000});
		await app.waitForText(/ThrottlingException|Rate exceeded|throttl/i);
		await app.waitForText('kept staged');
		await app.press('escape');
		await app.waitForText(/Keywords — 1 staged, w applies/);
		await app.waitForText(/\+ DEALS +AUTOMATIC_RESPONSE +Weekly deals/);
		assert.ok(!(await aws<Keywords>('describe-keywords', '--origination-identity', id)).Keywords.some(k => k.Keyword === 'DEALS'));
		await app.press('q');
		await app.waitForText('1 staged edit is not applied.');
		await app.press('n');
		await app.waitForText(/\+ DEALS/);
		await app.press('u');
		await app.waitForText('Discarded');
		await app.waitForNoText(/\+ DEALS/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		await admin('throttleNext', {count: 0});
		app.dispose();
	}
});

test('read-only: edit keys are absent from the footer and help, and each attempt says why with nothing sent', async () => {
	const id = await simulatorId();
	const keywordsBefore = await aws<Keywords>('describe-keywords', '--origination-identity', id);
	const spendBefore = await aws<Spend>('describe-spend-limits');
	const app = console_('--read-only');
	try {
		await app.waitForText('<?> help');
		await openNumber(app, '+12065550100');
		await app.waitForNoText('<a> add');
		for (const key of ['a', 'e', 'd', 'o', 'x', 'w']) {
			await app.press(key);
			await app.waitForText(/Read-only: ".+" is disabled/);
		}
		await app.waitForNoText('Add a keyword');
		await app.press('?');
		await app.waitForText('› Help');
		await app.waitForText(/copy/i);
		await app.waitForNoText(/Add a row|Edit the selected row|Release the selected/);
		await app.press('escape');
		await app.waitForNoText('› Help');
		await command(app, 'account');
		await app.waitForText(/SMS +\$\d/);
		await app.press('e');
		await app.waitForText(/Read-only: "edit" is disabled/);
		await app.waitForNoText('enforced limit: now');
		await command(app, 'numbers');
		await app.waitForText(/Phone numbers\s+\[/);
		await app.waitForNoText('<n> request number');
		await app.press('n');
		await app.waitForText(/Read-only: "request number" is disabled/);
		assert.deepEqual(await aws<Keywords>('describe-keywords', '--origination-identity', id), keywordsBefore);
		assert.deepEqual(await aws<Spend>('describe-spend-limits'), spendBefore);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});
