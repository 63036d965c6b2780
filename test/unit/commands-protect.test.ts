// smsdeck protect, protect show and protect rules through the real subcommand against the emulator's default seed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import {run as protect} from '../../source/commands/protect.js';
import {UsageError} from '../../source/commands/types.js';

const {call} = commandBench('protect');

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
