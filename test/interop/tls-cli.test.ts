// The pip AWS CLI v1 (Python's ssl, OpenSSL) against the emulator over HTTPS: it trusts the emulator's CA when
// told to (--ca-bundle, a profile's ca_bundle) and refuses the certificate otherwise. Skipped when `aws` is not
// on PATH.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {hasAws, run} from '../helpers/awsCli.js';

describe('emulator --tls: AWS CLI v1 interop', async () => {
	const available = await hasAws();
	const skip = !available && 'aws CLI not on PATH';
	let emu: RunningEmulator;
	let dir: string;
	let env: NodeJS.ProcessEnv;

	before(async () => {
		if (!available) return;
		emu = await startEmulator({port: 0, quiet: true, seed: 'default', tls: {}});
		dir = mkdtempSync(join(tmpdir(), 'smsdeck-tls-cli-'));
		writeFileSync(join(dir, 'config'), `[default]\nregion = us-east-1\noutput = json\n\n[profile trusting]\nregion = us-east-1\nca_bundle = ${emu.caFile}\n`);
		writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDTEST\naws_secret_access_key = secret\n\n[trusting]\naws_access_key_id = AKIDTEST\naws_secret_access_key = secret\n');
		const {AWS_PROFILE: _p, AWS_CA_BUNDLE: _c, AWS_ACCESS_KEY_ID: _a, AWS_SECRET_ACCESS_KEY: _s, AWS_SESSION_TOKEN: _t, AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...rest} = process.env;
		env = {
			...rest,
			AWS_CONFIG_FILE: join(dir, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
			AWS_PAGER: '',
			AWS_EC2_METADATA_DISABLED: 'true',
			// A refused certificate is not worth retrying.
			AWS_MAX_ATTEMPTS: '1',
		};
	});
	after(async () => {
		if (!available) return;
		await emu.close();
		rmSync(dir, {recursive: true, force: true});
	});

	function aws(...args: string[]) {
		return run('aws', [...args, '--endpoint-url', emu.url, 'pinpoint-sms-voice-v2', 'describe-pools', '--region', 'us-east-1'], {env, timeout: 60000});
	}

	test('describe-pools with --ca-bundle', {skip}, async () => {
		const {stdout} = await aws('--ca-bundle', emu.caFile!);
		assert.equal(JSON.parse(stdout).Pools.length, 3);
	});

	test('describe-pools with a profile whose ca_bundle is the CA file', {skip}, async () => {
		const {stdout} = await aws('--profile', 'trusting');
		assert.equal(JSON.parse(stdout).Pools.length, 3);
	});

	test('without the CA the certificate is refused', {skip}, async () => {
		await assert.rejects(aws(), (error: {code?: number; stderr?: string}) => {
			assert.notEqual(error.code, 0);
			assert.match(error.stderr ?? '', /SSL validation failed .*certificate verify failed/);
			return true;
		});
	});
});
