// Subcommands take what a person has at hand — an E.164 number, a pool's Name tag, a sender ID, a name or an
// ARN — wherever they take an id, in-process against a real emulator.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import type {SubcommandRun} from '../../source/commands/types.js';
import {run as keywords} from '../../source/commands/keywords.js';
import {run as numbers} from '../../source/commands/numbers.js';
import {run as pools} from '../../source/commands/pools.js';
import {run as optOuts} from '../../source/commands/optOuts.js';
import {run as configSets} from '../../source/commands/configSets.js';
import {run as simulate} from '../../source/commands/simulate.js';
import {run as tail} from '../../source/commands/tail.js';

const {call} = commandBench('ids');

async function json<T>(cmd: SubcommandRun, args: string[] = []): Promise<T> {
	const r = await call(cmd, args, {json: true});
	assert.equal(r.code, 0, r.err);
	return JSON.parse(r.out) as T;
}

type Number = {PhoneNumber: string; PhoneNumberId: string; PhoneNumberArn: string; PoolId?: string};
const number = async (e164: string) => (await json<Number[]>(numbers)).find(n => n.PhoneNumber === e164)!;

function oneLineError(r: {code: number; out: string; err: string}, code: number, pattern: RegExp) {
	assert.equal(r.code, code, r.err);
	assert.equal(r.out, '');
	assert.equal(r.err.trimEnd().split('\n').length, 1, r.err);
	assert.match(r.err.trimEnd(), pattern);
}

test('keywords list --origination +18335550142 lists the same keywords as with its phone-… id or ARN', async () => {
	const tfn = await number('+18335550142');
	const byId = await call(keywords, ['list', '--origination', tfn.PhoneNumberId]);
	assert.equal(byId.code, 0, byId.err);
	assert.match(byId.out, /^KEYWORD +ACTION +MESSAGE/);
	assert.match(byId.out, /\nSTOP +OPT_OUT/);
	const byNumber = await call(keywords, ['list', '--origination', '+18335550142']);
	assert.equal(byNumber.code, 0, byNumber.err);
	assert.equal(byNumber.out, byId.out);
	assert.equal((await call(keywords, ['list', '--origination', tfn.PhoneNumberArn])).out, byId.out);
});

test('keywords list --origination takes a pool by its Name tag; the pool id lists the same', async () => {
	// +13125550152 is in the pool tagged Name=marketing-us.
	const poolId = (await number('+13125550152')).PoolId!;
	assert.ok((await json<{PoolId: string}[]>(pools)).some(p => p.PoolId === poolId));
	const byName = await call(keywords, ['list', '--origination', 'marketing-us']);
	assert.equal(byName.code, 0, byName.err);
	assert.match(byName.out, /JOIN +OPT_IN/);
	assert.equal((await call(keywords, ['list', '--origination', poolId])).out, byName.out);
	assert.doesNotMatch((await call(keywords, ['list', '--origination', 'transactional-us'])).out, /JOIN/);
});

test('keywords set and delete by E.164 number: done on that number, said with the number and its id', async () => {
	const ca = await number('+12045550160');
	const set = await call(keywords, ['set', '--origination', '+12045550160', '--keyword', 'HOURS', '--message', 'Open 9-5', '--yes']);
	assert.equal(set.code, 0, set.err);
	assert.equal(set.out.split(' (request id')[0], `Keyword HOURS on +12045550160 (${ca.PhoneNumberId}): AUTOMATIC_RESPONSE "Open 9-5"`);
	assert.match((await call(keywords, ['list', '--origination', ca.PhoneNumberId])).out, /HOURS +AUTOMATIC_RESPONSE +Open 9-5/);
	const del = await call(keywords, ['delete', '--origination', '+12045550160', '--keyword', 'HOURS', '--yes']);
	assert.equal(del.code, 0, del.err);
	assert.doesNotMatch((await call(keywords, ['list', '--origination', ca.PhoneNumberId])).out, /HOURS/);
});

test('keywords with an unknown number, name or id: exit 1, one line naming it', async () => {
	oneLineError(await call(keywords, ['list', '--origination', '+18335550199']), 1, /^smsdeck: no phone number "\+18335550199" in us-east-1 \(see smsdeck numbers --region us-east-1\)$/);
	oneLineError(await call(keywords, ['list', '--origination', 'no-such-pool']), 1, /^smsdeck: no phone number, pool or sender ID "no-such-pool" in us-east-1/);
	oneLineError(await call(keywords, ['list', '--origination', 'pool-nope']), 1, /^smsdeck: pool pool-nope not found$/);
	oneLineError(
		await call(keywords, ['set', '--origination', '+18335550199', '--keyword', 'HOURS', '--message', 'x', '--yes']),
		1,
		/^smsdeck: no phone number "\+18335550199" in us-east-1/,
	);
	// Numbers are per Region.
	oneLineError(await call(keywords, ['list', '--origination', '+18335550142'], {region: 'eu-west-2'}), 1, /no phone number "\+18335550142" in eu-west-2/);
});

test('opt-outs --list and add/remove take the list’s ARN as well as its name', async () => {
	const list = (await json<{OptOutListName: string; OptOutListArn: string}[]>(optOuts)).find(l => l.OptOutListName === 'marketing-optouts')!;
	const byName = await call(optOuts, ['--list', 'marketing-optouts']);
	const byArn = await call(optOuts, ['--list', list.OptOutListArn]);
	assert.equal(byArn.code, 0, byArn.err);
	assert.match(byArn.out, /\+12065550114/);
	assert.equal(byArn.out, byName.out);
	assert.equal((await call(optOuts, ['add', '--list', list.OptOutListArn, '+12065550177', '--yes'])).code, 0);
	assert.match((await call(optOuts, ['--list', 'marketing-optouts'])).out, /\+12065550177/);
	assert.equal((await call(optOuts, ['remove', '--list', list.OptOutListArn, '+12065550177', '--yes'])).code, 0);
	assert.doesNotMatch((await call(optOuts, ['--list', 'marketing-optouts'])).out, /\+12065550177/);
});

test('simulate --origination by E.164 number passes; an unknown number is MISCONFIGURED (exit 2) naming it', async () => {
	const ok = await call(simulate, ['--origination', '+12065550100', '--timeout', '20s'], {json: true});
	assert.equal(ok.code, 0, ok.err);
	const report = JSON.parse(ok.out) as {verdict: string; origination: string};
	assert.equal(report.verdict, 'PASS');
	assert.equal(report.origination, '+12065550100');
	const missing = await call(simulate, ['--origination', '+12065550199'], {json: true});
	assert.equal(missing.code, 2);
	const failed = JSON.parse(missing.out) as {verdict: string; reason: string};
	assert.equal(failed.verdict, 'MISCONFIGURED');
	assert.equal(failed.reason, 'origination: no phone number "+12065550199" in us-east-1 (see smsdeck numbers --region us-east-1)');
});

test('tail takes a configuration set’s ARN: the same events as by name; an unknown set is exit 2 naming it', async () => {
	const set = (await json<{ConfigurationSetName: string; ConfigurationSetArn: string}[]>(configSets)).find(s => s.ConfigurationSetName === 'smsdeck-simulator')!;
	// The simulate test above sent to the simulator numbers; their events are in the set's log group.
	const byName = await call(tail, ['smsdeck-simulator', '--since', '1h']);
	assert.equal(byName.code, 0, byName.err);
	assert.match(byName.out, /TEXT_DELIVERED/);
	const byArn = await call(tail, [set.ConfigurationSetArn, '--since', '1h']);
	assert.equal(byArn.code, 0, byArn.err);
	assert.equal(byArn.out, byName.out);
	const missing = await call(tail, ['no-such-set']);
	assert.equal(missing.code, 2);
	assert.match(missing.err, /^smsdeck: configuration set "no-such-set" not found in this Region/);
});
