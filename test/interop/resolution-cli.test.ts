// Differential test: the pip AWS CLI and smsdeck, given the same config files, environment and options, must sign
// their sms-voice requests with the same access key id for the same Region (and assume roles with the same source
// keys). Both talk to one emulator, which records the credential scope of every signed request. Where the CLI v1
// and SDK v3 / CLI v2 document different choices, the case names the difference and what smsdeck follows.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import pty from 'node-pty';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {distPath, nodeBinary} from '../helpers/terminal.js';

const run = promisify(execFile);

interface Signed {
	service: string;
	region: string;
	accessKeyId: string | null;
	operation: string;
}

interface Case {
	name: string;
	/** Added to the base environment (config files, AWS_ENDPOINT_URL at the emulator, no keys, IMDS off). */
	env?: Record<string, string>;
	/** Options both tools take (--profile, --region). */
	args?: string[];
	/** Preferences smsdeck finds (a remembered profile and Region). */
	prefs?: Record<string, unknown>;
	/** The CLI needs a terminal for its MFA prompt: the code typed when asked. */
	mfa?: boolean;
	/** What both must sign with: [access key id, Region] of the sms-voice calls. */
	expect: [string, string];
	/** A documented difference: what the pip CLI v1 does instead, and why smsdeck does not. */
	cliV1Differs?: {cli: [string, string]; why: string};
	/** The access key id that must sign the STS AssumeRole call, when the case assumes a role. */
	assumeWith?: string;
}

const CONFIG = `[default]
region = us-west-2

[profile p1]
region = eu-west-2

[profile noregion]
output = json

[profile proc]
region = ca-central-1
credential_process = __PROC__

[profile role]
role_arn = arn:aws:iam::123456789012:role/sms-operator
source_profile = p1
region = ap-south-1

[profile mfa]
role_arn = arn:aws:iam::123456789012:role/sms-oncall
source_profile = p1
mfa_serial = arn:aws:iam::123456789012:mfa/oncall
region = eu-central-1

[profile svc]
region = us-east-2
services = local-sms

[profile sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = SmsOperator
region = eu-west-3

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local-sms]
pinpoint_sms_voice_v2 =
  endpoint_url = __EMULATOR__
`;

const CREDENTIALS = `[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = s0

[p1]
aws_access_key_id = AKIDPROFILE1
aws_secret_access_key = s1

[noregion]
aws_access_key_id = AKIDNOREGION
aws_secret_access_key = s2

[svc]
aws_access_key_id = AKIDSERVICES
aws_secret_access_key = s3
`;

const ENV_KEYS = {AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT', AWS_SECRET_ACCESS_KEY: 'envsecret'};
const ASSUMED = 'ASIAEMULATOR123456789012';

const CASES: Case[] = [
	{name: 'environment keys and AWS_DEFAULT_REGION', env: {...ENV_KEYS, AWS_DEFAULT_REGION: 'eu-west-1'}, expect: ['AKIDENVIRONMENT', 'eu-west-1']},
	{name: 'the default profile and its region', expect: ['AKIDDEFAULT', 'us-west-2']},
	{name: '--profile with its own region beats environment keys', env: ENV_KEYS, args: ['--profile', 'p1'], expect: ['AKIDPROFILE1', 'eu-west-2']},
	{name: '--profile without a region takes AWS_DEFAULT_REGION', env: {AWS_DEFAULT_REGION: 'sa-east-1'}, args: ['--profile', 'noregion'], expect: ['AKIDNOREGION', 'sa-east-1']},
	{name: 'AWS_PROFILE with its own region', env: {AWS_PROFILE: 'p1'}, expect: ['AKIDPROFILE1', 'eu-west-2']},
	{name: 'AWS_PROFILE beside environment keys: the keys sign, the profile gives the region', env: {...ENV_KEYS, AWS_PROFILE: 'p1'}, expect: ['AKIDENVIRONMENT', 'eu-west-2']},
	{name: '--profile beats AWS_PROFILE', env: {AWS_PROFILE: 'noregion'}, args: ['--profile', 'p1'], expect: ['AKIDPROFILE1', 'eu-west-2']},
	{name: '--region beats AWS_DEFAULT_REGION and the profile', env: {AWS_DEFAULT_REGION: 'eu-west-1'}, args: ['--profile', 'p1', '--region', 'ap-northeast-1'], expect: ['AKIDPROFILE1', 'ap-northeast-1']},
	{
		name: 'AWS_REGION beside AWS_DEFAULT_REGION',
		env: {AWS_REGION: 'eu-north-1', AWS_DEFAULT_REGION: 'eu-west-1'},
		expect: ['AKIDDEFAULT', 'eu-north-1'],
		cliV1Differs: {
			cli: ['AKIDDEFAULT', 'eu-west-1'],
			why: 'the pip CLI v1 (botocore) reads only AWS_DEFAULT_REGION; AWS CLI v2 and every SDK v3 read AWS_REGION first, and so does smsdeck',
		},
	},
	{name: 'credential_process', args: ['--profile', 'proc'], expect: ['AKIDFROMPROCESS', 'ca-central-1']},
	{name: 'role_arn + source_profile through the emulator’s STS', args: ['--profile', 'role'], expect: [ASSUMED, 'ap-south-1'], assumeWith: 'AKIDPROFILE1'},
	{name: 'mfa_serial: the code is asked on the terminal', args: ['--profile', 'mfa'], mfa: true, expect: [ASSUMED, 'eu-central-1'], assumeWith: 'AKIDPROFILE1'},
	{name: 'a Region newer than the SMS list is kept, not swapped', env: ENV_KEYS, args: ['--region', 'ap-southeast-7'], expect: ['AKIDENVIRONMENT', 'ap-southeast-7']},
	{
		name: 'AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 beats AWS_ENDPOINT_URL',
		env: {...ENV_KEYS, AWS_DEFAULT_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: '__EMULATOR__'},
		expect: ['AKIDENVIRONMENT', 'us-east-1'],
	},
	{name: 'IAM Identity Center (sso_session, a cached token)', args: ['--profile', 'sso'], expect: ['ASIASSO123456789012', 'eu-west-3']},
	{name: 'a profile’s services section', env: {AWS_ENDPOINT_URL: ''}, args: ['--profile', 'svc'], expect: ['AKIDSERVICES', 'us-east-2']},
	{name: 'a remembered profile and Region in preferences are not used', prefs: {lastProfile: 'p1', lastRegion: 'ap-southeast-2'}, expect: ['AKIDDEFAULT', 'us-west-2']},
];

async function hasAws(): Promise<boolean> {
	try {
		await run('aws', ['--version'], {timeout: 20_000});
		return true;
	} catch {
		return false;
	}
}

/** Runs a command in a pseudo-terminal, typing the MFA code when asked; resolves with its exit code and output. */
function inTerminal(file: string, args: string[], env: Record<string, string>): Promise<{code: number; output: string}> {
	return new Promise((resolve, reject) => {
		const child = pty.spawn(file, args, {cols: 200, rows: 30, env});
		let output = '';
		let typed = false;
		const timer = setTimeout(() => {
			child.kill();
			reject(new Error(`${file} did not finish: ${output}`));
		}, 60_000);
		child.onData(data => {
			output += data;
			if (!typed && /MFA code/i.test(output)) {
				typed = true;
				child.write('123456\r');
			}
		});
		child.onExit(({exitCode}) => {
			clearTimeout(timer);
			resolve({code: exitCode, output});
		});
	});
}

describe('profile, credentials, Region and endpoint resolution: smsdeck against the pip AWS CLI', async () => {
	const available = await hasAws();
	let emu: RunningEmulator;
	let dir: string;
	let base: Record<string, string>;

	before(async () => {
		if (!available) return;
		emu = await startEmulator({port: 0, quiet: true});
		dir = mkdtempSync(join(tmpdir(), 'smsdeck-resolution-'));
		const proc = join(dir, 'credential-process.sh');
		writeFileSync(proc, '#!/bin/sh\necho \'{"Version": 1, "AccessKeyId": "AKIDFROMPROCESS", "SecretAccessKey": "p"}\'\n');
		chmodSync(proc, 0o755);
		writeFileSync(join(dir, 'config'), CONFIG.replace('__PROC__', proc).replace('__EMULATOR__', emu.url));
		writeFileSync(join(dir, 'credentials'), CREDENTIALS);
		// The token `aws sso login` would have cached for the sso-session "corp".
		mkdirSync(join(dir, '.aws', 'sso', 'cache'), {recursive: true});
		writeFileSync(
			join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`),
			JSON.stringify({startUrl: 'https://corp.awsapps.com/start', region: 'us-east-1', accessToken: 'cached-token', expiresAt: '2099-01-01T00:00:00Z'}),
		);
		base = {
			PATH: process.env.PATH ?? '/usr/bin:/bin',
			HOME: dir,
			LANG: 'C.UTF-8',
			TERM: 'xterm-256color',
			AWS_CONFIG_FILE: join(dir, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
			AWS_ENDPOINT_URL: emu.url,
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_PAGER: '',
			NO_COLOR: '1',
		};
	});
	after(async () => {
		if (!available) return;
		await emu.close();
		rmSync(dir, {recursive: true, force: true});
	});

	const admin = async (action: string) =>
		(await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', body: '{}', headers: {'content-type': 'application/json'}})).json() as Promise<{requests?: Signed[]}>;

	/** Runs one tool; returns what the emulator saw it sign. */
	async function signedBy(tool: 'aws' | 'smsdeck', c: Case, caseDir: string): Promise<{sms: string[]; sts: string[]; output: string}> {
		const env: Record<string, string> = {...base, SMSDECK_CONFIG_DIR: caseDir};
		for (const [k, v] of Object.entries(c.env ?? {})) env[k] = v.replace('__EMULATOR__', emu.url);
		for (const [k, v] of Object.entries(env)) if (v === '') delete env[k];
		const args = c.args ?? [];
		const [file, argv] =
			tool === 'aws' ? ['aws', ['pinpoint-sms-voice-v2', 'describe-pools', ...args, '--output', 'json']] : [nodeBinary(), [distPath(), 'pools', '--json', ...args]];
		await admin('clearRequests');
		let output: string;
		if (c.mfa) {
			const r = await inTerminal(file, argv, env);
			assert.equal(r.code, 0, `${tool} failed: ${r.output}`);
			output = r.output;
		} else {
			const r = await run(file, argv, {env, timeout: 60_000}).catch(error => assert.fail(`${tool} failed: ${error.stderr ?? error.message}`));
			output = r.stdout + r.stderr;
		}
		const requests = (await admin('requests')).requests ?? [];
		const key = (r: Signed) => `${r.accessKeyId} ${r.region}`;
		return {
			sms: [...new Set(requests.filter(r => r.service === 'sms-voice').map(key))],
			sts: [...new Set(requests.filter(r => r.service === 'sts' && r.operation === 'AssumeRole').map(r => r.accessKeyId ?? ''))],
			output,
		};
	}

	test(`${CASES.length} configuration cases sign alike`, {skip: !available && 'aws CLI not on PATH'}, async t => {
		for (const c of CASES) {
			await t.test(c.name, async () => {
				const caseDir = mkdtempSync(join(dir, 'prefs-'));
				if (c.prefs) writeFileSync(join(caseDir, 'config.json'), JSON.stringify(c.prefs));
				const cli = await signedBy('aws', c, caseDir);
				const ours = await signedBy('smsdeck', c, caseDir);
				const expected = `${c.expect[0]} ${c.expect[1]}`;
				assert.deepEqual(ours.sms, [expected], `smsdeck signed ${ours.sms.join(', ') || 'nothing'}:\n${ours.output}`);
				if (c.cliV1Differs) {
					assert.deepEqual(cli.sms, [c.cliV1Differs.cli.join(' ')], `the documented CLI v1 difference no longer holds (${c.cliV1Differs.why})`);
				} else {
					assert.deepEqual(cli.sms, [expected], `the AWS CLI signed ${cli.sms.join(', ') || 'nothing'}:\n${cli.output}`);
				}
				if (c.assumeWith) {
					assert.deepEqual(cli.sts, [c.assumeWith], 'the AWS CLI assumed the role with the source profile’s keys');
					assert.deepEqual(ours.sts, [c.assumeWith], 'smsdeck assumed the role with the source profile’s keys');
				}
			});
		}
	});

	test('a profile that does not exist: both refuse, smsdeck in one line and with exit code 2', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const env = {...base, SMSDECK_CONFIG_DIR: dir};
		const cli = await run('aws', ['pinpoint-sms-voice-v2', 'describe-pools', '--profile', 'doesnotexist'], {env}).then(
			() => assert.fail('the AWS CLI accepted a missing profile'),
			(error: {code: number; stderr: string}) => error,
		);
		assert.match(cli.stderr, /could not be found/);
		const ours = await run(nodeBinary(), [distPath(), 'pools', '--profile', 'doesnotexist'], {env}).then(
			() => assert.fail('smsdeck accepted a missing profile'),
			(error: {code: number; stderr: string}) => error,
		);
		assert.equal(ours.code, 2);
		assert.equal(ours.stderr.trimEnd().split('\n').length, 1, ours.stderr);
		assert.match(ours.stderr, /^smsdeck: profile "doesnotexist" \(--profile\) is not in .*config or .*credentials \(profiles there: default, p1/);
	});
});
