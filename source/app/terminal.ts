// Leaves the terminal as we found it on every way out: quit, ctrl-c, every signal that would end the process
// (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGALRM, SIGUSR1/2 …) and crashes.
import {closeSync, constants as fsConstants, mkdtempSync, openSync, writeSync} from 'node:fs';
import {constants as osConstants, tmpdir} from 'node:os';
import {join} from 'node:path';
import {signalExitCode} from '../commands/lifetime.js';
import {safeText} from '../domain/sanitize.js';

const LEAVE_ALT_SCREEN = '\x1b[?1049l';
/** Home and erase the screen: the alternate screen is left blank before it is left. */
const BLANK_SCREEN = '\x1b[H\x1b[2J';
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
		if (stdout.isTTY) stdout.write(BRACKETED_PASTE_OFF + BLANK_SCREEN + LEAVE_ALT_SCREEN + SHOW_CURSOR + WRAP_ON);
	} catch {
		// nothing left to write to
	}
}

/**
 * The terminal's stdout for the renderer, with one change: the alternate screen is erased just before it is
 * left. A terminal that was resized while the console ran may copy rows of the alternate screen back onto the
 * shell's screen when it restores it (tmux does, after the window grew): erased first, those rows are blank.
 */
export function blankOnLeave(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
	const write = (chunk: unknown, ...rest: unknown[]) => {
		const text = typeof chunk === 'string' && chunk.includes(LEAVE_ALT_SCREEN) ? chunk.replace(LEAVE_ALT_SCREEN, BLANK_SCREEN + LEAVE_ALT_SCREEN) : chunk;
		return (stdout.write as (...args: unknown[]) => boolean)(text, ...rest);
	};
	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

/**
 * Saves the details of a crash where a person can find them; the terminal gets one line, never a stack. The file
 * goes in a folder of its own that only we can enter, under a name nobody can guess beforehand (mkdtemp), and is
 * created exclusively without following links: nothing planted in the temp folder can catch what is written.
 */
export function writeCrashReport(error: unknown, base: string = tmpdir()): string | undefined {
	try {
		const dir = mkdtempSync(join(base, 'smsdeck-crash-'));
		const file = join(dir, 'crash.log');
		const text = error instanceof Error ? `${error.stack ?? error.message}\n` : `${String(error)}\n`;
		const fd = openSync(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW, 0o600);
		try {
			writeSync(fd, `${new Date().toISOString()}\n${text}`);
		} finally {
			closeSync(fd);
		}
		return file;
	} catch {
		return undefined;
	}
}

export function describeError(error: unknown): string {
	// The message may quote an answer from the wire: made safe for the terminal like every other such text.
	if (error instanceof Error) return safeText(error.message.split('\n')[0] || error.name);
	return safeText(String(error));
}

/**
 * Every signal whose default action ends the process and that a listener can catch safely. Not SIGKILL and
 * SIGSTOP (no listener possible), nor SIGSEGV, SIGBUS, SIGFPE and SIGILL (a real one leaves no safe state to run
 * JavaScript in), nor SIGPIPE (Node ignores it; a closed pipe is an EPIPE error instead). Nor SIGPROF, which V8's
 * sampling profiler (--cpu-prof, the inspector) sends to this very process many times a second: a listener there
 * silently stops the profile.
 */
const ENDING_SIGNALS = [
	'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGALRM', 'SIGUSR1', 'SIGUSR2', 'SIGVTALRM',
	'SIGXCPU', 'SIGXFSZ', 'SIGTRAP', 'SIGABRT', 'SIGIO', 'SIGPWR', 'SIGSYS', 'SIGSTKFLT',
] as const;

/** The ending signals this platform has. */
export function endingSignals(): NodeJS.Signals[] {
	return ENDING_SIGNALS.filter(name => name in osConstants.signals) as NodeJS.Signals[];
}

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
	const onSignal = (signal: NodeJS.Signals) => finish(signalExitCode(signal));
	const onCrash = (error: unknown) => {
		const file = writeCrashReport(error);
		finish(1, `smsdeck: internal error: ${describeError(error)}${file ? ` (details in ${file})` : ''}`);
	};
	const signals = endingSignals();
	for (const s of signals) process.on(s, onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	return () => {
		for (const s of signals) process.off(s, onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
	};
}
