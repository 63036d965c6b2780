// Runs the built console (Node 22 with dist/smsdeck.mjs) as a plain child process, with an isolated environment.
import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {distPath, nodeBinary, testCacheHome} from './terminal.js';

export interface BinaryResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Nothing from the caller's AWS setup: a fresh HOME, no config or credentials files, dummy keys, no colour. */
export function isolatedEnv(home: string): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: home,
		XDG_CONFIG_HOME: join(home, '.config'),
		XDG_CACHE_HOME: testCacheHome(),
		AWS_CONFIG_FILE: join(home, 'none'),
		AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
		AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
		AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		AWS_EC2_METADATA_DISABLED: 'true',
		NO_COLOR: '1',
	};
}

/** `smsdeck ARGS` to completion; a non-zero exit is a result, not an error. */
export function runBinary(args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<BinaryResult> {
	return new Promise(resolve => {
		execFile(nodeBinary(), [distPath(), ...args], {env, timeout: timeoutMs}, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
			resolve({code, stdout, stderr});
		});
	});
}
