// The pip AWS CLI v1 against the emulator: every answer must parse as JSON and carry what a user
// would look for. Skipped when `aws` is not on PATH.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {hasAws, run} from '../helpers/awsCli.js';

describe('sms-voice emulator: AWS CLI v1 interop', async () => {
	const available = await hasAws();
	let emu: RunningEmulator;
	let dir: string;
	let env: NodeJS.ProcessEnv;

	before(async () => {
		if (!available) return;
		emu = await startEmulator({port: 0, eventDelayMs: 5, quiet: true, seed: 'default'});
		dir = mkdtempSync(join(tmpdir(), 'smsdeck-cli-'));
		writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\noutput = json\n');
		writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDTEST\naws_secret_access_key = secret\n');
		const {AWS_PROFILE: _p, AWS_ACCESS_KEY_ID: _a, AWS_SECRET_ACCESS_KEY: _s, AWS_SESSION_TOKEN: _t, AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...rest} = process.env;
		env = {...rest, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true'};
	});
	after(async () => {
		if (!available) return;
		await emu.close();
		rmSync(dir, {recursive: true, force: true});
	});

	async function aws(...args: string[]): Promise<any> {
		const {stdout} = await run('aws', ['pinpoint-sms-voice-v2', ...args, '--endpoint-url', emu.url, '--output', 'json'], {env, timeout: 60000});
		return stdout.trim() === '' ? {} : JSON.parse(stdout);
	}

	test('describe-pools and describe-phone-numbers', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const pools = await aws('describe-pools');
		assert.equal(pools.Pools.length, 3);
		assert.ok(pools.Pools.every((p: any) => /^pool-[0-9a-f]{32}$/.test(p.PoolId)));
		const numbers = await aws('describe-phone-numbers', '--filters', 'Name=number-type,Values=SIMULATOR');
		assert.deepEqual(numbers.PhoneNumbers.map((p: any) => p.PhoneNumber), ['+12065550100']);
		assert.equal(typeof numbers.PhoneNumbers[0].CreatedTimestamp, 'number');
	});

	test('request-phone-number --number-type SIMULATOR', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const n = await aws('request-phone-number', '--iso-country-code', 'US', '--message-type', 'TRANSACTIONAL', '--number-capabilities', 'SMS', '--number-type', 'SIMULATOR');
		assert.equal(n.Status, 'ACTIVE');
		assert.equal(n.NumberType, 'SIMULATOR');
		assert.match(n.PhoneNumberId, /^phone-[0-9a-f]{32}$/);
	});

	test('put-keyword and describe-keywords', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const pool = 'pool-4d02be205c53856f9a1fda019372760a';
		const put = await aws('put-keyword', '--origination-identity', pool, '--keyword', 'PRICE', '--keyword-message', 'Plans start at 5 USD.', '--keyword-action', 'AUTOMATIC_RESPONSE');
		assert.equal(put.Keyword, 'PRICE');
		const kw = await aws('describe-keywords', '--origination-identity', pool);
		assert.ok(kw.Keywords.some((k: any) => k.Keyword === 'PRICE' && k.KeywordMessage === 'Plans start at 5 USD.'));
		assert.ok(kw.Keywords.some((k: any) => k.Keyword === 'STOP'));
	});

	test('describe-spend-limits and set-text-message-spend-limit-override', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const limits = await aws('describe-spend-limits');
		assert.deepEqual(limits.SpendLimits.map((l: any) => l.Name), ['TEXT_MESSAGE_MONTHLY_SPEND_LIMIT', 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT', 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT']);
		const set = await aws('set-text-message-spend-limit-override', '--monthly-limit', '1');
		assert.equal(set.MonthlyLimit, 1);
	});

	test('send-text-message to the US success simulator number', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const sent = await aws(
			'send-text-message',
			'--destination-phone-number',
			'+14254147755',
			'--origination-identity',
			'+12065550100',
			'--message-body',
			'hello from the CLI',
			'--configuration-set-name',
			'smsdeck-simulator',
		);
		assert.match(sent.MessageId, /^[0-9a-f-]{36}$/);
	});

	test('errors come back as the modeled exception', {skip: !available && 'aws CLI not on PATH'}, async () => {
		await assert.rejects(aws('describe-pools', '--pool-ids', 'pool-00000000000000000000000000000000'), (e: any) => /ResourceNotFoundException/.test(e.stderr));
	});
});
