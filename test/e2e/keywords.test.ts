// Keywords as the guide says, driven as a person would (the real binary in a PTY against an in-process emulator)
// and checked from outside with the pip AWS CLI: HELP/STOP texts edited with their actions fixed, mandatory opt-out
// keywords kept, a US toll-free number's HELP and STOP left alone, and a second staged edit of the same keyword
// merged into one change instead of replacing the first unseen.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, openNumber, pressUntil} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('keywords');

type Keyword = {Keyword: string; KeywordMessage: string; KeywordAction: string};

const awsRaw = emu.awsRaw;
const aws = emu.aws;

const keywordsOf = async (id: string, region = 'us-east-1') => ((await awsRaw(region, 'describe-keywords', '--origination-identity', id)).json as {Keywords: Keyword[]}).Keywords;

async function numberId(phoneNumber: string, region = 'us-east-1'): Promise<string> {
	const out = (await awsRaw(region, 'describe-phone-numbers')).json as {PhoneNumbers: {PhoneNumber: string; PhoneNumberId: string}[]};
	return out.PhoneNumbers.find(n => n.PhoneNumber === phoneNumber)!.PhoneNumberId;
}

const admin = async (action: string, body: unknown) =>
	(await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})).json() as Promise<any>;

const console_ = (region = 'us-east-1') =>
	spawnTerminal({
		args: ['--endpoint-url', emu.url, '--region', region],
		cols: 140,
		rows: 40,
		env: {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'},
	});

/** A form that opened on the wrong row is closed before a retry. */
const closeKeywordForm = (app: TerminalSession) => async () => {
	if (!/Edit keyword|Add a keyword/.test(app.screen())) return;
	await app.press('escape');
	await app.waitForNoText(/Edit keyword|Add a keyword/);
};

test('HELP and STOP: texts edited in the console with their actions fixed (AWS CLI reads them back); neither can be deleted', async () => {
	const number = '+12065550100';
	const id = await numberId(number);
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, number);
		// HELP is the first row: e opens the form with the action fixed.
		await app.press('e');
		await app.waitForText(`Edit keyword HELP on ${id}`);
		await app.waitForText(/Action \(fixed\) +AUTOMATIC_RESPONSE/);
		// ←/→ cannot move the action away from AUTOMATIC_RESPONSE.
		await app.press('tab');
		await app.press('right');
		await app.waitForText(/Action \(fixed\) +‹ AUTOMATIC_RESPONSE ›/);
		await app.press('tab');
		await app.press('ctrl+u');
		await app.type('ExampleCorp alerts: help at 1-888-555-0142 or example.com. Text STOP to cancel.');
		await app.press('enter');
		await app.waitForText('Review 1 staged change (nothing has been sent yet)');
		await app.waitForText(`~ Keyword HELP on ${id}`);
		await app.waitForText(/put-keyword --origination-identity phone-\w+ --keyword HELP/);
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await pressUntil(app, ['escape'], /HELP +AUTOMATIC_RESPONSE +ExampleCorp alerts: help at 1-888-555-0142/);

		// STOP (second row): new text, action stays OPT_OUT. (The review replaced the screen: g puts the cursor on top.)
		await pressUntil(app, ['g', 'j', 'e'], `Edit keyword STOP on ${id}`, closeKeywordForm(app));
		await app.waitForText(/Action \(fixed\) +OPT_OUT/);
		await app.press('ctrl+u');
		await app.type('ExampleCorp alerts: you are unsubscribed. Reply HELP for help.');
		await app.press('enter');
		await app.waitForText('Review 1 staged change');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await pressUntil(app, ['escape'], /STOP +OPT_OUT +ExampleCorp alerts: you are unsubscribed/);

		const kws = await keywordsOf(id);
		assert.deepEqual(kws.find(k => k.Keyword === 'HELP'), {Keyword: 'HELP', KeywordAction: 'AUTOMATIC_RESPONSE', KeywordMessage: 'ExampleCorp alerts: help at 1-888-555-0142 or example.com. Text STOP to cancel.'});
		assert.deepEqual(kws.find(k => k.Keyword === 'STOP'), {Keyword: 'STOP', KeywordAction: 'OPT_OUT', KeywordMessage: 'ExampleCorp alerts: you are unsubscribed. Reply HELP for help.'});

		// d on STOP, then on HELP: refused, nothing staged.
		await pressUntil(app, ['g', 'j', 'd'], 'STOP is a mandatory opt-out keyword and cannot be deleted; its response can be edited (e). Nothing was sent.');
		await app.press('k');
		await app.press('d');
		await app.waitForText('HELP is required by carriers on every number and cannot be deleted');
		await app.waitForNoText('staged, w applies');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('mandatory opt-out keywords: the console refuses another action; the AWS CLI gets the ConflictException; inbound UNSUBSCRIBE still opts out', async () => {
	const number = '+12065550100';
	const id = await numberId(number);
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, number);
		await app.press('a');
		await app.waitForText(`Add a keyword to ${id}`);
		await app.type('Unsubscribe');
		await app.press('tab');
		await app.type('We will miss you');
		// The action starts at AUTOMATIC_RESPONSE: refused as typed, before anything is staged.
		await app.waitForText('UNSUBSCRIBE is a mandatory opt-out keyword; its action must stay OPT_OUT.');
		await app.press('enter');
		await app.waitForText('Add a keyword to');
		// OPT_OUT is accepted (a mandatory opt-out keyword may get its own reply).
		await app.press('tab');
		await app.press('right');
		await app.waitForText(/‹ OPT_OUT ›/);
		await app.press('enter');
		await app.waitForText(`+ New keyword Unsubscribe on ${id}`);
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await pressUntil(app, ['escape'], /Unsubscribe +OPT_OUT +We will miss you/);
		// Now it is there: d refuses it.
		await pressUntil(app, ['G', 'd'], 'UNSUBSCRIBE is a mandatory opt-out keyword and cannot be deleted');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}

	// The service's answer to the same attempts from the AWS CLI.
	const put = await awsRaw('us-east-1', 'put-keyword', '--origination-identity', id, '--keyword', 'UNSUBSCRIBE', '--keyword-message', 'Hi', '--keyword-action', 'AUTOMATIC_RESPONSE');
	assert.notEqual(put.code, 0);
	assert.match(put.err, /ConflictException.*PutKeyword operation: The action of the keyword UNSUBSCRIBE must be OPT_OUT/s);
	const del = await awsRaw('us-east-1', 'delete-keyword', '--origination-identity', id, '--keyword', 'unsubscribe');
	assert.notEqual(del.code, 0);
	assert.match(del.err, /ConflictException.*DeleteKeyword operation: The keyword UNSUBSCRIBE cannot be deleted/s);
	const quit = await awsRaw('us-east-1', 'delete-keyword', '--origination-identity', id, '--keyword', 'QUIT');
	assert.match(quit.err, /ConflictException/);
	const help = await awsRaw('us-east-1', 'put-keyword', '--origination-identity', id, '--keyword', 'HELP', '--keyword-message', 'Hi', '--keyword-action', 'OPT_IN');
	assert.match(help.err, /ConflictException.*The action of the keyword HELP must be AUTOMATIC_RESPONSE/s);
	assert.equal((await keywordsOf(id)).find(k => k.Keyword === 'Unsubscribe')?.KeywordAction, 'OPT_OUT', 'unchanged after the refused attempts');

	// An inbound UNSUBSCRIBE opts the sender out and gets the keyword's own reply.
	const inbound = await admin('inbound', {to: number, from: '+12065550777', body: 'UNSUBSCRIBE please'});
	assert.equal(inbound.action, 'OPT_OUT');
	assert.equal(inbound.response, 'We will miss you');
	assert.equal(inbound.optedOut, true);
	const listed = await aws<{OptedOutNumbers: {OptedOutNumber: string}[]}>('describe-opted-out-numbers', '--opt-out-list-name', 'Default');
	assert.ok(listed.OptedOutNumbers.some(n => n.OptedOutNumber === '+12065550777'));
});

test('a US toll-free number: e on HELP and on STOP is refused before anything is staged; the AWS CLI is refused too', async () => {
	const tfn = '+18445550190';
	const id = await numberId(tfn, 'us-west-2');
	const app = console_('us-west-2');
	try {
		await app.waitForText('<?> help');
		await openNumber(app, tfn);
		await app.press('e');
		await app.waitForText('HELP cannot be changed on a US toll-free number: the carriers handle HELP and STOP there. Nothing was sent.');
		await app.press('j');
		await app.press('e');
		await app.waitForText('STOP cannot be changed on a US toll-free number');
		await app.waitForNoText('Edit keyword');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
	const put = await awsRaw('us-west-2', 'put-keyword', '--origination-identity', id, '--keyword', 'HELP', '--keyword-message', 'Our help');
	assert.match(put.err, /ConflictException.*The keyword HELP cannot be changed on a US toll-free number/s);
	assert.equal((await keywordsOf(id, 'us-west-2')).find(k => k.Keyword === 'HELP')?.KeywordMessage, 'Reply STOP to unsubscribe. Msg&data rates may apply. For help contact your sender.');
});

test('a second staged edit of the same keyword is merged and shown as one change; e edits a staged new row; d drops it', async () => {
	const number = '+12045550160';
	const id = await numberId(number);
	const app = console_();
	try {
		await app.waitForText('<?> help');
		await openNumber(app, number);
		// Stage a new keyword, leave the review with it staged.
		await app.press('a');
		await app.waitForText(`Add a keyword to ${id}`);
		await app.type('HOURS');
		await app.press('tab');
		await app.type('Open 9-5');
		await app.press('enter');
		await app.waitForText('Review 1 staged change');
		await pressUntil(app, ['escape'], /\+ HOURS +AUTOMATIC_RESPONSE +Open 9-5/);
		// e on the staged row edits what is staged.
		await pressUntil(app, ['G', 'e'], `Edit keyword HOURS on ${id}`, closeKeywordForm(app));
		await app.waitForText(/Response message +Open 9-5/);
		await app.press('ctrl+u');
		await app.type('Open 8-6');
		await app.press('enter');
		// One change, the final value, and what it replaced.
		await app.waitForText('Review 1 staged change (nothing has been sent yet)');
		await app.waitForText(`+ New keyword HOURS on ${id}`);
		await app.waitForText('(none) → AUTOMATIC_RESPONSE "Open 8-6"');
		await app.waitForText('merged: replaces an earlier staged edit (it would have set AUTOMATIC_RESPONSE "Open 9-5")');
		await app.waitForText(/--keyword-message 'Open 8-6'/);
		await pressUntil(app, ['escape'], /\+ HOURS +AUTOMATIC_RESPONSE +Open 8-6/);
		// Adding HOURS again merges too (a third edit): still one staged change.
		await pressUntil(app, ['a'], `Add a keyword to ${id}`);
		await app.type('hours');
		await app.press('tab');
		await app.type('Open 7-7');
		await app.press('enter');
		await app.waitForText('merged: replaces 2 earlier staged edits (it would have set AUTOMATIC_RESPONSE "Open 8-6")');
		await app.waitForText('Review 1 staged change');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		assert.deepEqual((await keywordsOf(id)).find(k => k.Keyword.toUpperCase() === 'HOURS')?.KeywordMessage, 'Open 7-7');

		// A staged new row that is deleted is dropped, with a word about it, and nothing is sent.
		await pressUntil(app, ['a'], `Add a keyword to ${id}`);
		await app.type('GONE');
		await app.press('tab');
		await app.type('soon');
		await app.press('enter');
		await app.waitForText('Review 1 staged change');
		await pressUntil(app, ['escape'], /\+ GONE/);
		await pressUntil(app, ['G', 'd'], 'Discarded the staged new keyword GONE (it was never sent)');
		await app.waitForNoText(/\+ GONE/);
		assert.ok(!(await keywordsOf(id)).some(k => k.Keyword === 'GONE'));
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});
