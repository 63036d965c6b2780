// Leaves the terminal as we found it on every way out: quit, ctrl-c, SIGTERM, SIGHUP, SIGINT and crashes.
import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';
const WRAP_ON = '\x1b[?7h';

export function restoreTerminal(stdout: NodeJS.WriteStream = process.stdout, stdin: NodeJS.ReadStream = process.stdin): void {
	try {
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
	} catch {
		// the tty may already be gone (SIGHUP)
	}
	try {
		if (stdout.isTTY) stdout.write(BRACKETED_PASTE_OFF + LEAVE_ALT_SCREEN + SHOW_CURSOR + WRAP_ON);
	} catch {
		// nothing left to write to
	}
}

/** Saves the details of a crash where a person can find them; the terminal gets one line, never a stack. */
export function writeCrashReport(error: unknown): string | undefined {
	const file = join(tmpdir(), `smsdeck-crash-${process.pid}.log`);
	try {
		const text = error instanceof Error ? `${error.stack ?? error.message}\n` : `${String(error)}\n`;
		writeFileSync(file, `${new Date().toISOString()}\n${text}`, {mode: 0o600});
		return file;
	} catch {
		return undefined;
	}
}

export function describeError(error: unknown): string {
	if (error instanceof Error) return error.message.split('\n')[0] || error.name;
	return String(error);
}

const SIGNAL_CODES: Record<string, number> = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143};

/**
 * Installs the handlers that restore the terminal. `beforeExit` runs first (unmount the UI, stop work).
 * Returns a function that removes them.
 */
export function guardTerminal(beforeExit: () => void): () => void {
	let done = false;
	const finish = (code: number, message?: string) => {
		if (done) return;
		done = true;
		try {
			beforeExit();
		} catch {
			// restoring the terminal matters more
		}
		restoreTerminal();
		if (message) process.stderr.write(message + '\n');
		process.exit(code);
	};
	const onSignal = (signal: NodeJS.Signals) => finish(SIGNAL_CODES[signal] ?? 1);
	const onCrash = (error: unknown) => {
		const file = writeCrashReport(error);
		finish(1, `smsdeck: internal error: ${describeError(error)}${file ? ` (details in ${file})` : ''}`);
	};
	const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
	for (const s of signals) process.on(s, onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	return () => {
		for (const s of signals) process.off(s, onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
	};
}
