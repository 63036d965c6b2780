// The pip AWS CLI v1 for interop tests, which skip themselves when it is not on PATH.
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
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
 * An environment for the pip AWS CLI with a home of its own: us-east-1, test credentials, no pager, one attempt;
 * nothing from the user's ~/.aws. remove() deletes the home.
 */
export function isolatedAwsEnv(prefix: string): {env: NodeJS.ProcessEnv; remove(): void} {
	const home = mkdtempSync(join(tmpdir(), `smsdeck-${prefix}-`));
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
	return {env, remove: () => rmSync(home, {recursive: true, force: true})};
}
