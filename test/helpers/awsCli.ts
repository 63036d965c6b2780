// The pip AWS CLI v1 for interop tests, which skip themselves when it is not on PATH.
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {promisify} from 'node:util';

export const run = promisify(execFile);

export async function hasAws(): Promise<boolean> {
	try {
		await run('aws', ['--version'], {timeout: 20000});
		return true;
	} catch {
		return false;
	}
}

/**
 * An isolated home for the CLI: an empty credentials file, a config with only a Region, dummy keys in the
 * environment and no pager or retries, so nothing of the machine's own AWS setup takes part.
 */
export function isolatedCliEnv(prefix: string): {env: NodeJS.ProcessEnv; cleanup(): void} {
	const home = mkdtempSync(join(tmpdir(), `${prefix}-`));
	writeFileSync(join(home, 'config'), '[default]\nregion = us-east-1\n');
	writeFileSync(join(home, 'credentials'), '');
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: home,
		AWS_ACCESS_KEY_ID: 'test',
		AWS_SECRET_ACCESS_KEY: 'test',
		AWS_DEFAULT_REGION: 'us-east-1',
		AWS_REGION: 'us-east-1',
		AWS_CONFIG_FILE: join(home, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
		AWS_PAGER: '',
		AWS_MAX_ATTEMPTS: '1',
	};
	return {env, cleanup: () => rmSync(home, {recursive: true, force: true})};
}

/**
 * For a describe block of CLI interop tests: the `skip` reason when `aws` is missing, an isolated CLI environment,
 * and an emulator with the default seed started before its tests and closed after them.
 */
export async function cliAgainstEmulator(prefix: string): Promise<{skip: string | false; env: NodeJS.ProcessEnv; emulator: () => RunningEmulator}> {
	const available = await hasAws();
	const {env, cleanup} = isolatedCliEnv(prefix);
	let emu: RunningEmulator | undefined;
	before(async () => {
		if (available) emu = await startEmulator({port: 0, quiet: true, seed: 'default'});
	});
	after(async () => {
		await emu?.close();
		cleanup();
	});
	return {
		skip: !available && 'aws CLI not on PATH',
		env,
		emulator: () => {
			if (!emu) throw new Error('the emulator starts in the before hook');
			return emu;
		},
	};
}
