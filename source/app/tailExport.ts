// Writes the tail's events in view to a JSON-lines file (x in the tail). Never replaces a file unless told to:
// the first write creates the file exclusively, and only a confirmed overwrite truncates.
import {existsSync, statSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {resolve} from 'node:path';

/** "~/x" → the home folder; relative paths from the current folder. */
export function expandPath(path: string): string {
	const trimmed = path.trim();
	if (trimmed === '~') return homedir();
	if (trimmed.startsWith('~/')) return resolve(homedir(), trimmed.slice(2));
	return resolve(trimmed);
}

/** A new file name in the current folder: smsdeck-tail-<label>-<yyyymmdd-hhmmss>.jsonl (the label cut to letters, digits, - and _). */
export function defaultExportPath(label: string, now = new Date()): string {
	const slug =
		label
			.replace(/[^A-Za-z0-9_-]+/g, '-')
			.replace(/-+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 48) || 'events';
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	return `smsdeck-tail-${slug}-${stamp}.jsonl`;
}

export type ExportCheck = {ok: true; path: string; exists: boolean} | {ok: false; reason: string};

/** Where the export would go, and whether a file is already there. */
export function checkExportPath(input: string): ExportCheck {
	if (input.trim() === '') return {ok: false, reason: 'Export: enter a file name'};
	const path = expandPath(input);
	if (!existsSync(path)) return {ok: true, path, exists: false};
	try {
		if (statSync(path).isDirectory()) return {ok: false, reason: `Export: ${input.trim()} is a folder; name a file`};
	} catch {
		// Checked again by the write.
	}
	return {ok: true, path, exists: true};
}

/** Writes the text; `overwrite` false refuses an existing file. Returns the error in words, or undefined. */
export function writeExport(path: string, text: string, overwrite: boolean): string | undefined {
	try {
		writeFileSync(path, text, {flag: overwrite ? 'w' : 'wx', mode: 0o600});
		return undefined;
	} catch (error) {
		const e = error as NodeJS.ErrnoException;
		if (e.code === 'EEXIST') return `Export: ${path} exists (not replaced)`;
		if (e.code === 'ENOENT') return `Export: no such folder for ${path}`;
		if (e.code === 'EACCES' || e.code === 'EPERM') return `Export: no permission to write ${path}`;
		if (e.code === 'EISDIR') return `Export: ${path} is a folder`;
		return `Export: cannot write ${path} (${e.code ?? e.message})`;
	}
}
