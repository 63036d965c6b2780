// An in-process emulator for a test file, with the pip AWS CLI v1 pointed at it from an isolated home: what the
// console changed is read back from outside, by a peer. Registers the file's before/after hooks.
import {after, before} from 'node:test';
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

const run = promisify(execFile);

export interface CliResult {
	code: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
	err: string;
}

export interface EmulatorWithCli {
	/** The emulator's endpoint (once the before hook has run). */
	readonly url: string;
	/** `aws pinpoint-sms-voice-v2 …` in a Region: exit code, parsed JSON output, stderr. */
	awsRaw(region: string, ...args: string[]): Promise<CliResult>;
	/** `aws pinpoint-sms-voice-v2 …` in us-east-1; throws with the CLI's stderr when it fails. */
	aws<T>(...args: string[]): Promise<T>;
	/** `aws pinpoint …` (push) in us-east-1; throws with the CLI's stderr when it fails. */
	pinpoint<T>(...args: string[]): Promise<T>;
}

export function emulatorWithCli(prefix: string): EmulatorWithCli {
	let emulator: RunningEmulator | undefined;
	let home = '';
	let env: NodeJS.ProcessEnv = {};
	before(async () => {
		emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
		home = mkdtempSync(join(tmpdir(), `smsdeck-${prefix}-`));
		writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n');
		writeFileSync(join(home, 'credentials'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
		env = {
			PATH: process.env.PATH,
			HOME: home,
			AWS_CONFIG_FILE: join(home, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
		};
	});
	after(async () => {
		await emulator?.close();
		if (home) rmSync(home, {recursive: true, force: true});
	});
	const url = () => {
		if (!emulator) throw new Error('the emulator is started by the before hook');
		return emulator.url;
	};
	const cli = async (service: string, region: string, args: string[]): Promise<CliResult> => {
		try {
			const {stdout, stderr} = await run('aws', [service, ...args, '--endpoint-url', url(), '--region', region, '--output', 'json'], {env});
			return {code: 0, json: stdout.trim() ? JSON.parse(stdout) : undefined, err: stderr};
		} catch (error) {
			const e = error as {code: number; stderr: string};
			return {code: e.code, json: undefined, err: e.stderr};
		}
	};
	const awsRaw = (region: string, ...args: string[]) => cli('pinpoint-sms-voice-v2', region, args);
	const checked = async <T>(service: string, args: string[]): Promise<T> => {
		const r = await cli(service, 'us-east-1', args);
		if (r.code !== 0) throw new Error(`aws ${service} ${args.join(' ')} exited ${r.code}: ${r.err}`);
		return r.json as T;
	};
	return {
		get url() {
			return url();
		},
		awsRaw,
		aws: <T>(...args: string[]) => checked<T>('pinpoint-sms-voice-v2', args),
		pinpoint: <T>(...args: string[]) => checked<T>('pinpoint', args),
	};
}
