// smsdeck protect, protect show and protect rules through the real subcommand against the emulator's default seed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import {run as protect} from '../../source/commands/protect.js';
import {UsageError} from '../../source/commands/types.js';

const bench = commandBench('protect');
const {call} = bench;

test('protect: the configurations with the sets using them; show: blocked countries per capability and overrides; rules: one capability', async () => {
	const list = await call(protect, []);
	assert.equal(list.code, 0, list.err);
	assert.match(list.out, /^baseline +protect-[0-9a-f]{32} +no +no +transactional /m);
	const [baseline] = JSON.parse((await call(protect, [], {json: true})).out) as {ProtectConfigurationId: string; ConfigurationSets: string[]}[];
	assert.deepEqual(baseline.ConfigurationSets, ['transactional']);
	const id = baseline.ProtectConfigurationId;

	const show = await call(protect, ['show', id]);
	assert.equal(show.code, 0, show.err);
	assert.match(show.out, /^Configuration sets: +transactional$/m);
	assert.match(show.out, /^ {2}SMS +BLOCK CU IR KP SY$/m);
	assert.match(show.out, /^ {2}MMS +none$/m);
	assert.match(show.out, /^ {2}VOICE BLOCK NG PK$/m);
	assert.match(show.out, /^Number overrides: none$/m);

	const rules = await call(protect, ['rules', id, '--capability', 'sms', '--status', 'BLOCK']);
	assert.deepEqual(rules.out.trimEnd().split('\n').map(l => l.trim().split(/\s+/).join(' ')), ['COUNTRY SMS', 'CU BLOCK', 'IR BLOCK', 'KP BLOCK', 'SY BLOCK']);
	const json = JSON.parse((await call(protect, ['rules', id, '--capability', 'VOICE'], {json: true})).out) as Record<string, string>;
	assert.equal(json.NG, 'BLOCK');
	assert.equal(json.GB, 'ALLOW');

	const missing = await call(protect, ['show', 'protect-00000000000000000000000000000000']);
	assert.equal(missing.code, 1);
	await assert.rejects(call(protect, ['rules', id]), /--capability is needed/);
	await assert.rejects(call(protect, ['rules', id, '--capability', 'RCS']), UsageError);
	await assert.rejects(call(protect, ['show']), UsageError);
});

test('protect set / associate / disassociate / default: the console’s plans from the command line, read back; rules refused before any call', async () => {
	const sms = async <T>(op: string, body: unknown): Promise<T> => {
		const response = await fetch(bench.emulator.url, {
			method: 'POST',
			body: JSON.stringify(body),
			headers: {'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `PinpointSMSVoiceV2.${op}`, authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sms-voice/aws4_request, SignedHeaders=host, Signature=x'},
		});
		return (await response.json()) as T;
	};
	const [baseline] = JSON.parse((await call(protect, [], {json: true})).out) as {ProtectConfigurationId: string}[];
	const id = baseline.ProtectConfigurationId;
	const read = async (capability: string) =>
		(await sms<{CountryRuleSet: Record<string, {ProtectStatus: string}>}>('GetProtectConfigurationCountryRuleSet', {ProtectConfigurationId: id, NumberCapability: capability})).CountryRuleSet;

	// By Name tag, two countries (a code and an English name), confirmed with --yes.
	const set = await call(protect, ['set', 'baseline', '--country', 'GB,france', '--status', 'block', '--yes']);
	assert.equal(set.code, 0, set.err);
	assert.match(set.out, /SMS country rules of baseline \(protect-[0-9a-f]+\): 2 countries: FR BLOCK, GB BLOCK \(2 SMS rules in 1 call\)/);
	const sms1 = await read('SMS');
	assert.deepEqual([sms1.GB.ProtectStatus, sms1.FR.ProtectStatus, sms1.DE.ProtectStatus], ['BLOCK', 'BLOCK', 'ALLOW']);
	// Nothing to change is said, not sent.
	const again = await call(protect, ['set', id, '--country', 'GB', '--status', 'BLOCK', '--yes']);
	assert.equal(again.code, 0);
	assert.match(again.out, /already BLOCK for GB; nothing to change/);
	// Every country of a capability at once, in one plan.
	const all = await call(protect, ['set', id, '--all', '--status', 'MONITOR', '--capability', 'mms', '--yes'], {json: true});
	assert.equal(all.code, 0, all.err);
	const report = JSON.parse(all.out) as {detail: string; commands: string[]};
	assert.match(report.detail, /^\d{3} MMS rules in 1 call$/);
	assert.ok(Object.values(await read('MMS')).every(r => r.ProtectStatus === 'MONITOR'));

	// Refused before any call, exit 2, nothing changed.
	const before = JSON.stringify(await read('VOICE'));
	for (const args of [
		['set', id, '--country', 'GB', '--status', 'FILTER', '--capability', 'VOICE', '--yes'],
		['set', id, '--country', 'Narnia', '--status', 'BLOCK', '--yes'],
		['set', id, '--country', 'GB', '--status', 'BLOCK', '--capability', 'VOICE'],
	]) {
		const refused = await call(protect, args).catch((error: Error) => ({code: error instanceof UsageError ? 2 : -1, out: '', err: error.message}));
		assert.equal(refused.code, 2, `${args.join(' ')}: ${refused.err}`);
	}
	const readOnly = await call(protect, ['set', id, '--country', 'GB', '--status', 'BLOCK', '--capability', 'VOICE', '--yes'], {readOnly: true});
	assert.equal(readOnly.code, 2);
	assert.match(readOnly.err, /refused, --read-only is set; nothing was sent/);
	assert.equal(JSON.stringify(await read('VOICE')), before);

	// Which rule applies: the configuration set's (transactional uses baseline), then the account default.
	const which = JSON.parse((await call(protect, ['which', '--country', 'GB', '--config-set', 'transactional'], {json: true})).out) as {source: string; status: string; protectId: string};
	assert.deepEqual([which.source, which.status, which.protectId], ['configuration set', 'BLOCK', id]);
	const none = JSON.parse((await call(protect, ['which', '--country', 'GB'], {json: true})).out) as {source: string; status: string};
	assert.deepEqual([none.source, none.status], ['none', 'ALLOW']);

	assert.equal((await call(protect, ['default', 'baseline', '--yes'])).code, 0);
	const byDefault = JSON.parse((await call(protect, ['which', '--country', 'FR'], {json: true})).out) as {source: string; status: string};
	assert.deepEqual([byDefault.source, byDefault.status], ['account default', 'BLOCK']);

	// Association moves between sets; disassociating a set that uses another is refused.
	const assoc = await call(protect, ['associate', id, '--config-set', 'smsdeck-simulator', '--yes']);
	assert.equal(assoc.code, 0, assoc.err);
	const listed = JSON.parse((await call(protect, [], {json: true})).out) as {ConfigurationSets: string[]; AccountDefault: boolean}[];
	assert.deepEqual(listed[0].ConfigurationSets.sort(), ['smsdeck-simulator', 'transactional']);
	assert.equal(listed[0].AccountDefault, true);
	assert.equal((await call(protect, ['disassociate', id, '--config-set', 'transactional', '--yes'])).code, 0);
	const wrong = await call(protect, ['disassociate', id, '--config-set', 'transactional', '--yes']);
	assert.equal(wrong.code, 2);
	assert.match(wrong.err, /transactional has no protect configuration/);
	assert.equal((await call(protect, ['default', '--clear', '--yes'])).code, 0);
	const cleared = JSON.parse((await call(protect, [], {json: true})).out) as {ConfigurationSets: string[]; AccountDefault: boolean}[];
	assert.deepEqual([cleared[0].AccountDefault, cleared[0].ConfigurationSets], [false, ['smsdeck-simulator']]);
});
