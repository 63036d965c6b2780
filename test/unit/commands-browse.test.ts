// The scriptable twins in-process against a real emulator: table and JSON output, exit codes, bad input,
// an unreachable endpoint.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import {UsageError} from '../../source/commands/types.js';
import {run as account} from '../../source/commands/account.js';
import {run as pools} from '../../source/commands/pools.js';
import {run as numbers} from '../../source/commands/numbers.js';
import {run as senderIds} from '../../source/commands/senderIds.js';
import {run as configSets} from '../../source/commands/configSets.js';
import {run as optOuts} from '../../source/commands/optOuts.js';
import {run as verified} from '../../source/commands/verified.js';

const {call, admin} = commandBench('cmd');

test('numbers: a table with the seeded numbers, SIMULATOR included; --json has the SDK shapes with ISO timestamps', async () => {
	const table = await call(numbers, []);
	assert.equal(table.code, 0, table.err);
	const lines = table.out.trimEnd().split('\n');
	assert.match(lines[0], /^NUMBER +TYPE +STATUS +COUNTRY/);
	assert.equal(lines.length, 1 + 9);
	assert.match(table.out, /\+12065550100 +SIMULATOR +ACTIVE +US/);
	assert.match(table.out, /22395 +SHORT_CODE/);
	const json = await call(numbers, [], {json: true});
	const parsed = JSON.parse(json.out) as {PhoneNumber: string; PhoneNumberId: string; CreatedTimestamp: string}[];
	assert.equal(parsed.length, 9);
	const sim = parsed.find(n => n.PhoneNumber === '+12065550100')!;
	assert.match(sim.PhoneNumberId, /^phone-/);
	assert.match(sim.CreatedTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
});

test('numbers in another Region show that Region’s numbers', async () => {
	const r = await call(numbers, [], {region: 'eu-west-2'});
	assert.equal(r.code, 0);
	assert.match(r.out, /\+447700900123/);
	assert.doesNotMatch(r.out, /\+12065550100/);
});

test('pools, sender-ids, verified: tables and JSON', async () => {
	const p = await call(pools, []);
	assert.equal(p.code, 0);
	assert.match(p.out, /^POOL +STATUS/);
	assert.match(p.out, /marketing-optouts/);
	assert.equal(JSON.parse((await call(pools, [], {json: true})).out).length, 3);

	const s = await call(senderIds, []);
	assert.equal(s.code, 0);
	assert.match(s.out, /SMSDECK +GB +TRANSACTIONAL,PROMOTIONAL/);
	assert.match(s.out, /ACMEALERTS +DE/);

	const v = await call(verified, []);
	assert.equal(v.code, 0);
	assert.match(v.out, /\+12065550142 +VERIFIED/);
	assert.match(v.out, /\+14255550199 +PENDING/);
	const vj = JSON.parse((await call(verified, [], {json: true})).out) as {Status: string}[];
	assert.deepEqual(vj.map(x => x.Status).sort(), ['PENDING', 'VERIFIED']);
});

test('config-sets: one line per event destination with kind and target; JSON keeps the sets', async () => {
	const r = await call(configSets, []);
	assert.equal(r.code, 0);
	assert.match(r.out, /marketing +PROMOTIONAL +SMSDECK +events-firehose +yes +Firehose +ALL +arn:aws:firehose:/);
	assert.match(r.out, /marketing .*failures-sns +yes +SNS +TEXT_CARRIER_UNREACHABLE,/);
	assert.match(r.out, /staging .*staging-cwl +no +CloudWatch Logs/);
	const sets = JSON.parse((await call(configSets, [], {json: true})).out) as {ConfigurationSetName: string; EventDestinations: unknown[]}[];
	assert.equal(sets.length, 4);
	assert.equal(sets.find(s => s.ConfigurationSetName === 'marketing')!.EventDestinations.length, 2);
});

test('opt-outs lists the lists; --list NAME lists its numbers; an unknown list is exit 1 with one line', async () => {
	const lists = await call(optOuts, []);
	assert.equal(lists.code, 0);
	assert.match(lists.out, /^NAME +CREATED +ARN/);
	assert.match(lists.out, /marketing-optouts/);
	const numbersIn = await call(optOuts, ['--list', 'Default']);
	assert.equal(numbersIn.code, 0);
	assert.match(numbersIn.out, /\+12065550111 .* yes/);
	assert.match(numbersIn.out, /\+14255550112 .* no/);
	const json = JSON.parse((await call(optOuts, ['--list=marketing-optouts'], {json: true})).out) as {OptedOutNumber: string; EndUserOptedOut: boolean}[];
	assert.deepEqual(json.map(n => n.OptedOutNumber).sort(), ['+12065550114', '+14255550115']);
	const missing = await call(optOuts, ['--list', 'nope']);
	assert.equal(missing.code, 1);
	assert.equal(missing.out, '');
	assert.equal(missing.err.trimEnd().split('\n').length, 1);
	assert.match(missing.err, /^smsdeck: .*nope/);
});

test('account: tier SANDBOXED, spend limits per channel with this month\'s spend, identity; production in us-west-2', async () => {
	const r = await call(account, []);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /Tier: +SANDBOXED/);
	// Enforced, this month (the AWS/SMSVoice metric: none yet, so $0 on every channel), use, max.
	assert.match(r.out, /SMS +\$1 +\$0 +0\.0% +\$1 +yes +TEXT_MESSAGE_MONTHLY_SPEND_LIMIT/);
	assert.match(r.out, /MMS +\$1 +\$0 +0\.0% +\$1 +no +MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT/);
	assert.match(r.out, /Voice +\$1 +\$0 +0\.0% +\$1 +no +VOICE_MESSAGE_MONTHLY_SPEND_LIMIT/);
	assert.match(r.out, /PHONE_NUMBERS +9 +25/);
	const json = JSON.parse((await call(account, [], {json: true})).out) as {
		AccountAttributes: {Name: string; Value: string}[];
		SpendLimits: {Name: string; EnforcedLimit: number}[];
	};
	assert.deepEqual(json.AccountAttributes.find(a => a.Name === 'ACCOUNT_TIER'), {Name: 'ACCOUNT_TIER', Value: 'SANDBOXED'});
	const west = JSON.parse((await call(account, [], {json: true, region: 'us-west-2'})).out) as typeof json;
	assert.notEqual(west.AccountAttributes.find(a => a.Name === 'ACCOUNT_TIER')!.Value, 'SANDBOXED');
	assert.equal(west.SpendLimits.find(s => s.Name === 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT')!.EnforcedLimit, 250);
});

test('account: this month\'s spend warns from 80% of the enforced limit and says when it is reached', async () => {
	assert.equal((await admin('setMonthlySpend', {region: 'eu-west-2', channel: 'TEXT', amount: 0.85})).status, 200);
	assert.equal((await admin('setMonthlySpend', {region: 'eu-west-2', channel: 'VOICE', amount: 1})).status, 200);
	const r = await call(account, [], {region: 'eu-west-2'});
	assert.equal(r.code, 0, r.err);
	const row = (label: string) => r.out.split('\n').find(l => l.startsWith(`${label} `)) ?? '';
	assert.match(row('SMS'), /\$0\.85 +85% \(near the limit\)/);
	assert.match(row('Voice'), /\$1 +100% \(limit reached\)/);
	assert.match(row('MMS'), /\$0 +0\.0% +\$/);
	const json = JSON.parse((await call(account, [], {json: true, region: 'eu-west-2'})).out) as {SpendLimits: {Name: string; MonthToDateSpend: number; PercentUsed: number}[]};
	const sms = json.SpendLimits.find(s => s.Name === 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT')!;
	assert.deepEqual([sms.MonthToDateSpend, Math.round(sms.PercentUsed)], [0.85, 85]);
});

test('account: CloudWatch out of reach (no cloudwatch:GetMetricData, say) leaves this month blank, says why on stderr, and still prints the limits', async () => {
	const r = await call(account, [], {}, {AWS_ENDPOINT_URL_CLOUDWATCH: 'http://127.0.0.1:9'});
	assert.equal(r.code, 0, r.err);
	assert.match(r.err, /this month's spend unknown: /);
	const sms = r.out.split('\n').find(l => l.startsWith('SMS ')) ?? '';
	assert.match(sms, /^SMS +\$1 +\$1 +yes +TEXT_MESSAGE_MONTHLY_SPEND_LIMIT/);
	const json = JSON.parse((await call(account, [], {json: true}, {AWS_ENDPOINT_URL_CLOUDWATCH: 'http://127.0.0.1:9'})).out) as {SpendLimits: {MonthToDateSpend: number | null}[]};
	assert.ok(json.SpendLimits.every(s => s.MonthToDateSpend === null));
});

test('--local starts its own emulator and stops it', async () => {
	const r = await call(pools, [], {endpointUrl: undefined, local: true});
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /marketing-optouts/);
});

test('bad input is a UsageError or a ResolutionError (both exit 2): unknown Region, stray argument, --list without a value', async () => {
	await assert.rejects(call(numbers, [], {region: 'mars-1'}), (e: Error) => e.name === 'ResolutionError' && /--region: "mars-1" is not a Region/.test(e.message));
	await assert.rejects(call(pools, ['extra']), UsageError);
	await assert.rejects(call(optOuts, ['--list']), UsageError);
	await assert.rejects(call(verified, ['--list', 'x']), UsageError);
});

test('an unreachable endpoint is exit 1 with one line on stderr', async () => {
	const r = await call(numbers, [], {endpointUrl: 'http://127.0.0.1:9'});
	assert.equal(r.code, 1);
	assert.equal(r.out, '');
	assert.equal(r.err.trimEnd().split('\n').length, 1, r.err);
	assert.match(r.err, /^smsdeck: .*cannot reach the endpoint \(connection refused\)/);
});
