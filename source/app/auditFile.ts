// Appends audit lines (one per applied change) to the file named by the auditFile preference.
import {appendFileSync, mkdirSync} from 'node:fs';
import {dirname} from 'node:path';
import {homedir} from 'node:os';

/** Appends one line; returns the error message when the file cannot be written. */
export function appendAudit(file: string, line: string): string | undefined {
	const path = file.startsWith('~/') ? `${homedir()}/${file.slice(2)}` : file;
	try {
		mkdirSync(dirname(path), {recursive: true});
		appendFileSync(path, line.replace(/[\r\n]+/g, ' ') + '\n', {mode: 0o600});
		return undefined;
	} catch (error) {
		return `audit file ${file}: ${(error as Error).message}`;
	}
}
