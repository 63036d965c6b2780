// How a scriptable run ends (cli.tsx arms all of this around a subcommand; in-process callers such as the unit
// tests get none of it):
// - within its time budget: --timeout, or DEFAULT_BUDGET_MS; at the deadline one line on stderr and exit 1, whatever
//   is still hanging (a call, the credential chain, a DNS lookup);
// - at once on ctrl-c, SIGTERM or SIGHUP: exit 128+n. A command that stops itself cleanly on a signal (tail
//   --follow, the emulator) listens for it too and gets a moment to do so; a second signal does not wait;
// - only once everything it printed has reached the reader, however slowly it reads.
import {constants} from 'node:os';
import {formatDuration} from '../domain/duration.js';
import {callsInFlight} from '../services/inFlight.js';

/** How long a command may take unless --timeout says otherwise (per-call limits end a silent call long before). */
export const DEFAULT_BUDGET_MS = 5 * 60_000;

/** How long a command that stops itself on a signal may take to do it. */
const STOP_GRACE_MS = 2000;

interface Budget {
	startedAt: number;
	/** The user chose it (--timeout): the message says so. */
	explicit: boolean;
	timer?: NodeJS.Timeout;
	stderr: NodeJS.WritableStream;
}

let budget: Budget | undefined;

/** Starts the clock of a run: `ms` from now, unless a command sets its own with setBudget(). */
export function startBudget(ms: number, explicit: boolean, stderr: NodeJS.WritableStream): void {
	endBudget();
	budget = {startedAt: Date.now(), explicit, stderr};
	arm(ms);
}

/**
 * A command with a budget of its own: `ms` from the start of the run (simulate: its --timeout), plus `graceMs`
 * for a call still under way then; or undefined for none (the emulator and tail --follow run until they are
 * stopped). Does nothing outside cli.tsx.
 */
export function setBudget(ms: number | undefined, graceMs = 0): void {
	if (!budget) return;
	clearTimeout(budget.timer);
	budget.timer = undefined;
	if (ms !== undefined) arm(ms, graceMs);
}

export function endBudget(): void {
	if (budget) clearTimeout(budget.timer);
	budget = undefined;
}

function arm(ms: number, graceMs = 0): void {
	const b = budget!;
	const left = Math.max(0, b.startedAt + ms + graceMs - Date.now());
	// Not unref'd: the deadline is the one thing that must happen.
	b.timer = setTimeout(() => expire(ms, graceMs), left);
}

function expire(ms: number, graceMs: number): void {
	const b = budget;
	if (!b) return;
	budget = undefined;
	const waiting = callsInFlight();
	const how = !b.explicit ? 'set a longer --timeout to wait more' : graceMs > 0 ? `--timeout ${formatDuration(ms)}, and ${formatDuration(graceMs)} more for a call under way` : '--timeout';
	const what = waiting.length > 0 ? `: no answer to ${waiting.join(', ')} yet` : '';
	exitWith(b.stderr, `smsdeck: gave up after ${formatDuration(ms + graceMs)} (${how})${what}\n`, 1);
}

function exitWith(stderr: NodeJS.WritableStream, line: string, code: number): void {
	process.exitCode = code;
	let exited = false;
	const exit = () => {
		if (exited) return;
		exited = true;
		process.exit(code);
	};
	try {
		stderr.write(line, exit);
	} catch {
		exit();
	}
	// A stderr nobody reads must not hold the exit back.
	setTimeout(exit, 1000).unref();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Exit code of a run ended by `signal`: 128 + its number, as a shell reports it. */
export function signalExitCode(signal: NodeJS.Signals): number {
	return 128 + (constants.signals[signal] ?? 0);
}

/** Ends the run at once on ctrl-c, SIGTERM and SIGHUP (see the top of this file); returns the undo. */
export function guardSignals(): () => void {
	let grace: NodeJS.Timeout | undefined;
	const onSignal = (signal: NodeJS.Signals) => {
		const code = signalExitCode(signal);
		if (!grace && process.listenerCount(signal) > 1) {
			grace = setTimeout(() => process.exit(code), STOP_GRACE_MS);
			return;
		}
		process.exit(code);
	};
	for (const signal of SIGNALS) process.on(signal, onSignal);
	return () => {
		clearTimeout(grace);
		for (const signal of SIGNALS) process.off(signal, onSignal);
	};
}

/**
 * Resolves once everything written to `stream` so far has left the process (or the stream failed or closed):
 * exiting before that loses what a slow reader has not taken yet.
 */
export function flushed(stream: NodeJS.WritableStream): Promise<void> {
	const s = stream as NodeJS.WritableStream & {writableLength?: number; writable?: boolean};
	if (s.writable === false || !s.writableLength) return Promise.resolve();
	return new Promise(resolve => {
		const done = () => {
			s.off('close', done);
			s.off('error', done);
			resolve();
		};
		s.once('close', done);
		s.once('error', done);
		// Writes complete in order: the callback of an empty one comes after every byte before it.
		s.write('', () => done());
	});
}
