// The pip AWS CLI v1 for interop tests, which skip themselves when it is not on PATH.
import {execFile} from 'node:child_process';
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
