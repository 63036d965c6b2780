// The scriptable changes in-process against a real emulator: exit 0 with --yes, 2 for a broken rule or a missing
// confirmation (nothing sent), 1 when the service refuses, the audit file, read-only.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {commandBench} from '../helpers/commands.js';
import {run as keywords} from '../../source/commands/keywords.js';
import {run as spend} from '../../source/commands/spend.js';
import {run as optOuts} from '../../source/commands/optOuts.js';

const bench = commandBench('change', configDir => ({auditFile: join(configDir, 'audit.log')}));
const {call} = bench;
const auditPath = () => join(bench.configDir, 'audit.log');
const SIM = '+12065550100';

async function simulatorId(): Promise<string> {
	const {run} = await import('../../source/commands/numbers.js');
	const r = await call(run, [], {json: true});
	const list = JSON.parse(r.out) as {PhoneNumber: string; PhoneNumberId: string}[];
	return list.find(n => n.PhoneNumber === SIM)!.PhoneNumberId;
}

test('keywords set with --yes adds the keyword (exit 0, audit line); list shows it; delete removes it', async () => {
	const id = await simulatorId();
	const set = await call(keywords, ['set', '--origination', id, '--keyword', 'JOIN', '--message', 'Welcome aboard', '--yes']);
	assert.equal(set.code, 0, set.err);
	assert.match(set.out, /Keyword JOIN on phone-\w+: AUTOMATIC_RESPONSE "Welcome aboard" \(request id /);
	const list = await call(keywords, ['list', '--origination', id]);
	assert.match(list.out, /JOIN +AUTOMATIC_RESPONSE +Welcome aboard/);
	assert.match(readFileSync(auditPath(), 'utf8'), /us-east-1 Keyword JOIN on phone-\w+: \(none\) → AUTOMATIC_RESPONSE "Welcome aboard" request-id \S+/);
	const del = await call(keywords, ['delete', '--origination', id, '--keyword', 'JOIN', '--yes']);
	assert.equal(del.code, 0, del.err);
	assert.doesNotMatch((await call(keywords, ['list', '--origination', id])).out, /JOIN/);
});

test('keywords: STOP, a 31-character keyword, an unknown action → exit 2 before any call; no --yes on a non-terminal → exit 2', async () => {
	const id = await simulatorId();
	const before = (await call(keywords, ['list', '--origination', id])).out;
	const stop = await call(keywords, ['set', '--origination', id, '--keyword', 'stop', '--message', 'x', '--action', 'AUTOMATIC_RESPONSE', '--yes']);
	assert.equal(stop.code, 2);
	assert.match(stop.err, /STOP is a mandatory opt-out keyword; its action must stay OPT_OUT/);
	const quit = await call(keywords, ['set', '--origination', id, '--keyword', 'Quit', '--message', 'x', '--action', 'OPT_IN', '--yes']);
	assert.equal(quit.code, 2);
	assert.match(quit.err, /QUIT is a mandatory opt-out keyword/);
	assert.equal((await call(keywords, ['delete', '--origination', id, '--keyword', 'HELP', '--yes'])).code, 2);
	const unsubscribe = await call(keywords, ['delete', '--origination', id, '--keyword', 'unsubscribe', '--yes']);
	assert.equal(unsubscribe.code, 2);
	assert.match(unsubscribe.err, /UNSUBSCRIBE is a mandatory opt-out keyword and cannot be deleted/);
	assert.equal((await call(keywords, ['set', '--origination', id, '--keyword', 'K'.repeat(31), '--message', 'x', '--yes'])).code, 2);
	assert.equal((await call(keywords, ['set', '--origination', id, '--keyword', 'JOIN', '--message', 'x', '--action', 'REPLY', '--yes'])).code, 2);
	// The test runner's stdin is not a terminal.
	const unconfirmed = await call(keywords, ['set', '--origination', id, '--keyword', 'JOIN', '--message', 'x']);
	assert.equal(unconfirmed.code, 2);
	assert.match(unconfirmed.err, /needs --yes/);
	assert.equal((await call(keywords, ['list', '--origination', id])).out, before, 'nothing was sent');
});

test('keywords set HELP/STOP: a new text keeps the fixed action (exit 0); a US toll-free number refuses before any call (exit 2)', async () => {
	const id = await simulatorId();
	const help = await call(keywords, ['set', '--origination', id, '--keyword', 'help', '--message', 'Acme: call 1-888-555-0142. Text STOP to cancel.', '--yes']);
	assert.equal(help.code, 0, help.err);
	assert.match(help.out, /Keyword help on phone-\w+: AUTOMATIC_RESPONSE "Acme: call 1-888-555-0142/);
	const stop = await call(keywords, ['set', '--origination', id, '--keyword', 'STOP', '--message', 'Acme: unsubscribed, no more messages.', '--yes']);
	assert.equal(stop.code, 0, stop.err);
	assert.match(stop.out, /Keyword STOP on phone-\w+: OPT_OUT "Acme: unsubscribed/);
	const list = await call(keywords, ['list', '--origination', id]);
	assert.match(list.out, /HELP +AUTOMATIC_RESPONSE +Acme: call 1-888-555-0142/);
	assert.match(list.out, /STOP +OPT_OUT +Acme: unsubscribed/);
	const tfn = await call(keywords, ['set', '--origination', '+18445550190', '--keyword', 'HELP', '--message', 'Acme help', '--yes'], {region: 'us-west-2'});
	assert.equal(tfn.code, 2, tfn.err);
	assert.match(tfn.err, /HELP cannot be changed on a US toll-free number/);
});

test('keywords: the service refusing (HELP on a pool that holds a US toll-free number) → exit 1 with its reason', async () => {
	const r = await call(keywords, ['set', '--origination', 'transactional-us', '--keyword', 'HELP', '--message', 'Acme help', '--yes']);
	assert.equal(r.code, 1, r.err);
	assert.match(r.err, /smsdeck: .*cannot be changed on a US toll-free number/);
});

test('spend: list, set within the max (exit 0), above the max → exit 2 with the reason, clear; read-only refuses', async () => {
	const list = await call(spend, []);
	assert.equal(list.code, 0);
	assert.match(list.out, /text +SMS +\$1 +\$1 +yes/);
	const over = await call(spend, ['set', 'text', '5', '--yes']);
	assert.equal(over.code, 2);
	assert.match(over.err, /cannot exceed the account limit of \$1/);
	assert.equal((await call(spend, ['set', 'text', '0', '--yes'])).code, 2);
	assert.equal((await call(spend, ['set', 'text', '1.50', '--yes'])).code, 2);
	const set = await call(spend, ['set', 'media', '1', '--yes']);
	assert.equal(set.code, 0, set.err);
	assert.match((await call(spend, [])).out, /media +MMS +\$1 +\$1 +yes/);
	const clear = await call(spend, ['clear', 'media', '--yes']);
	assert.equal(clear.code, 0, clear.err);
	assert.match((await call(spend, [])).out, /media +MMS +\$1 +\$1 +no/);
	const ro = await call(spend, ['set', 'text', '1', '--yes'], {readOnly: true});
	assert.equal(ro.code, 2);
	assert.match(ro.err, /read-only/);
	assert.equal((await call(spend, ['set', 'sms', '1', '--yes']).catch(e => ({code: 2, err: String(e)}))).code, 2);
});

test('opt-outs add/remove: E.164 checked first (exit 2), add and remove with --yes, listing still works', async () => {
	const bad = await call(optOuts, ['add', '--list', 'Default', '206-555-0150', '--yes']);
	assert.equal(bad.code, 2);
	assert.match(bad.err, /E\.164/);
	assert.equal((await call(optOuts, ['add', '--list', 'Default', '+12065550199', '--yes'])).code, 0);
	assert.match((await call(optOuts, ['--list', 'Default'])).out, /\+12065550199/);
	assert.equal((await call(optOuts, ['remove', '--list', 'Default', '+12065550199'])).code, 2, 'no --yes on a non-terminal');
	assert.equal((await call(optOuts, ['remove', '--list', 'Default', '+12065550199', '--yes'])).code, 0);
	assert.doesNotMatch((await call(optOuts, ['--list', 'Default'])).out, /\+12065550199/);
	const missing = await call(optOuts, ['add', '--list', 'no-such-list', '+12065550198', '--yes']);
	assert.equal(missing.code, 1);
});
