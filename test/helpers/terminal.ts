// End-to-end harness: runs a program in a real pseudo-terminal (node-pty) and keeps an emulated screen
// (@xterm/headless) of everything it prints, so tests can press keys and read the screen as a person would.
//
//   const app = spawnTerminal({args: ['--local']});
//   await app.waitForText('Regions');
//   await app.press(':');
//   ...
//   app.dispose();
//
// Every session runs with an isolated environment: a fresh HOME/XDG_CONFIG_HOME, empty AWS config and
// credentials files, dummy AWS keys, TERM=xterm-256color and LANG=C.UTF-8. Nothing from the caller's
// environment leaks in except PATH, TMPDIR, USER, LOGNAME, SHELL and TZ (and what `env` adds).
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import type {Terminal} from '@xterm/headless';
import pty from 'node-pty';
import type {IPty} from 'node-pty';
import {renderSvg, screenLines, type SvgOptions} from '../../source/tools/svgScreenshot.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the Node 22 binary in node_modules (the machine's global node is 20). */
export function nodeBinary(): string {
	return join(repoRoot, 'node_modules', '.bin', 'node');
}

/**
 * XDG_CACHE_HOME for every program the tests start: one folder for all runs, so the bundle unpacks its modules once
 * and V8's compile cache is warm, as on a user's machine after the first start (test/e2e/launch.test.ts and the
 * package test start from an empty cache).
 */
export function testCacheHome(): string {
	return join(tmpdir(), `smsdeck-test-cache-${process.getuid?.() ?? 'user'}`);
}

/** Absolute path of the bundled console, dist/smsdeck.mjs (built by `npm run build`). */
export function distPath(): string {
	return join(repoRoot, 'dist', 'smsdeck.mjs');
}

export interface SpawnOptions {
	/** Arguments for the program. */
	args?: string[];
	/** Program to run; default: nodeBinary() with distPath() prepended to args. */
	command?: string;
	cols?: number;
	rows?: number;
	/** Added to (and overriding) the isolated environment. */
	env?: Record<string, string>;
	cwd?: string;
	/** Longest pause `press`/`type` make after each key while waiting for the program to react; default 40 ms. */
	keyDelayMs?: number;
}

export interface WaitOptions {
	timeoutMs?: number;
}

export interface ExitInfo {
	exitCode: number;
	/** Signal number when the process was killed by a signal. */
	signal?: number;
}

const namedKeys: Record<string, string> = {
	enter: '\r',
	return: '\r',
	escape: '\x1b',
	esc: '\x1b',
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	home: '\x1b[H',
	end: '\x1b[F',
	pageup: '\x1b[5~',
	pagedown: '\x1b[6~',
	backspace: '\x7f',
	delete: '\x1b[3~',
	tab: '\t',
	'shift+tab': '\x1b[Z',
	space: ' ',
};

const applicationCursorKeys: Record<string, string> = {
	up: '\x1bOA',
	down: '\x1bOB',
	right: '\x1bOC',
	left: '\x1bOD',
	home: '\x1bOH',
	end: '\x1bOF',
};

/**
 * The bytes a terminal sends for `key`: a named key ('enter', 'escape', 'up', 'shift+tab', 'ctrl+c', 'alt+x', …,
 * case-insensitive) or, for anything else, the literal text. With `applicationCursor` (DECCKM, set by the
 * program with `\x1b[?1h`) arrows, home and end use SS3 (`\x1bOA`) the way xterm does.
 */
export function encodeKey(key: string, applicationCursor = false): string {
	const name = key.toLowerCase();
	if (key.length > 1) {
		if (applicationCursor && name in applicationCursorKeys) return applicationCursorKeys[name];
		if (name in namedKeys) return namedKeys[name];
		const ctrl = /^ctrl\+([a-z@[\\\]^_])$/u.exec(name);
		if (ctrl) return String.fromCharCode(ctrl[1].toUpperCase().charCodeAt(0) & 0x1f);
		const alt = /^alt\+(.+)$/u.exec(key);
		if (alt) return '\x1b' + encodeKey(alt[1], applicationCursor);
	}
	return key;
}

const quote = (s: string) => `'${s.replace(/'/gu, `'\\''`)}'`;
const describeMatcher = (m: string | RegExp) => (typeof m === 'string' ? JSON.stringify(m) : String(m));
const matches = (text: string, m: string | RegExp) => (typeof m === 'string' ? text.includes(m) : m.test(text));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** How long press('escape') waits for the program to answer before the next key (see press). */
const ESCAPE_ANSWER_MS = 3000;

interface Isolation {
	env: Record<string, string>;
	tempDir: string;
}

function isolatedEnv(extra: Record<string, string> | undefined): Isolation {
	const tempDir = mkdtempSync(join(tmpdir(), 'smsdeck-e2e-'));
	const home = extra?.HOME ?? join(tempDir, 'home');
	mkdirSync(home, {recursive: true});
	const awsConfig = join(tempDir, 'aws-config');
	const awsCredentials = join(tempDir, 'aws-credentials');
	writeFileSync(awsConfig, '');
	writeFileSync(awsCredentials, '');
	const env: Record<string, string> = {};
	for (const name of ['PATH', 'TMPDIR', 'USER', 'LOGNAME', 'SHELL', 'TZ']) {
		const value = process.env[name];
		if (value !== undefined) env[name] = value;
	}
	Object.assign(env, {
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		HOME: home,
		XDG_CONFIG_HOME: join(home, '.config'),
		XDG_CACHE_HOME: testCacheHome(),
		AWS_CONFIG_FILE: awsConfig,
		AWS_SHARED_CREDENTIALS_FILE: awsCredentials,
		AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
		AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		AWS_EC2_METADATA_DISABLED: 'true',
	});
	Object.assign(env, extra ?? {});
	return {env, tempDir};
}

/** A program running in a pseudo-terminal, with an emulated screen. */
export class TerminalSession {
	readonly pty: IPty;
	readonly term: Terminal;
	/** The environment the program was started with (HOME, XDG_CONFIG_HOME, … point into a temp dir). */
	readonly env: Readonly<Record<string, string>>;
	/** Per-session temp dir (home, AWS files); removed by dispose(). */
	readonly tempDir: string;
	readonly exited: Promise<ExitInfo>;
	readonly keyDelayMs: number;

	#raw = '';
	#chunks = 0;
	#parsedChunks = 0;
	#exit: ExitInfo | undefined;
	#drained = false;
	#disposed = false;
	#listeners = new Set<() => void>();
	/** Inside a synchronized update as of the last chunk received / parsed. */
	#pendingSync = false;
	#inSync = false;

	constructor(file: string, args: string[], opts: SpawnOptions) {
		const cols = opts.cols ?? 80;
		const rows = opts.rows ?? 24;
		const {env, tempDir} = isolatedEnv(opts.env);
		this.env = env;
		this.tempDir = tempDir;
		this.keyDelayMs = opts.keyDelayMs ?? 40;
		this.term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 1000, logLevel: 'off'});
		this.pty = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, cwd: opts.cwd ?? repoRoot, env});
		this.pty.onData((data) => {
			if (this.#disposed) return;
			this.#raw += data;
			this.#chunks += 1;
			// Programs that draw whole frames wrap them in synchronized-update marks (DEC 2026): a real terminal
			// shows such a frame at once, so the screen is only judged outside an open block.
			const begin = data.lastIndexOf('\x1b[?2026h');
			const end = data.lastIndexOf('\x1b[?2026l');
			if (begin !== -1 || end !== -1) this.#pendingSync = begin > end;
			const inSync = this.#pendingSync;
			this.term.write(data, () => {
				this.#parsedChunks += 1;
				this.#inSync = inSync;
				this.#notify();
			});
		});
		// Answers to the program's queries (cursor position, device attributes) go back to it, as from a terminal.
		this.term.onData((reply) => {
			if (!this.#exit) this.pty.write(reply);
		});
		this.exited = new Promise<ExitInfo>((resolveExit) => {
			this.pty.onExit(({exitCode, signal}) => {
				this.#exit = signal ? {exitCode, signal} : {exitCode};
				// node-pty can report the exit before the last bytes were read: wait until the output is quiet
				// and parsed, so output() and the screen are complete when `exited` resolves.
				void (async () => {
					let seen = -1;
					while (!this.#disposed && (seen !== this.#chunks || this.#parsedChunks !== this.#chunks)) {
						seen = this.#chunks;
						await sleep(30);
					}
					this.#drained = true;
					this.#notify();
					resolveExit(this.#exit!);
				})();
			});
		});
	}

	#notify(): void {
		for (const listener of [...this.#listeners]) listener();
	}

	get pid(): number {
		return this.pty.pid;
	}

	get cols(): number {
		return this.term.cols;
	}

	get rows(): number {
		return this.term.rows;
	}

	/** The exit status once the process has exited (and its output was drained), else undefined. */
	exitInfo(): ExitInfo | undefined {
		return this.#drained ? this.#exit : undefined;
	}

	/** The visible screen: one line per row, right-trimmed, joined by \n. */
	screen(): string {
		return screenLines(this.term).join('\n');
	}

	lines(): string[] {
		return screenLines(this.term);
	}

	/** Row `i` of the visible screen (0-based), right-trimmed. */
	line(i: number): string {
		return screenLines(this.term)[i] ?? '';
	}

	/** Every byte the program wrote, as a string (escape sequences included). */
	output(): string {
		return this.#raw;
	}

	isAltScreen(): boolean {
		return this.term.buffer.active.type === 'alternate';
	}

	/** Whether the cursor is shown: the last of `\x1b[?25l` / `\x1b[?25h` in the output wins (visible by default). */
	isCursorVisible(): boolean {
		return this.#raw.lastIndexOf('\x1b[?25l') <= this.#raw.lastIndexOf('\x1b[?25h');
	}

	cursorRow(): number {
		return this.term.buffer.active.cursorY;
	}

	cursorCol(): number {
		return this.term.buffer.active.cursorX;
	}

	/** A readable description of the current state, used in timeout errors. */
	describe(): string {
		const lines = this.lines();
		while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
		const state = this.#exit
			? `exited (code ${this.#exit.exitCode}${this.#exit.signal ? `, signal ${this.#exit.signal}` : ''})`
			: `running (pid ${this.pid})`;
		const width = Math.min(this.cols, 200);
		return [
			`process ${state}; screen ${this.cols}x${this.rows}, ${this.term.buffer.active.type} buffer, cursor at row ${this.cursorRow()} col ${this.cursorCol()}${lines.length < this.rows ? `; blank rows from ${lines.length} omitted` : ''}`,
			`┌${'─'.repeat(width)}`,
			...lines.map((l) => `│${l}`),
			`└${'─'.repeat(width)}`,
		].join('\n');
	}

	/**
	 * Waits until `predicate()` holds, checking after every parsed chunk of output and every 50 ms.
	 * Rejects with the screen in the message on timeout, or as soon as the process has exited (the screen can
	 * no longer change).
	 */
	waitFor(predicate: () => boolean, description: string, {timeoutMs = 20_000}: WaitOptions = {}): Promise<void> {
		return new Promise<void>((resolvePromise, reject) => {
			let settled = false;
			const finish = (error?: Error) => {
				if (settled) return;
				settled = true;
				clearInterval(interval);
				clearTimeout(timer);
				this.#listeners.delete(check);
				if (error) reject(error);
				else resolvePromise();
			};
			const check = () => {
				// Half a frame is not what a person sees; wait for the end of the block (unless it never comes).
				if (this.#inSync && !this.#drained && !this.#disposed) return;
				let ok = false;
				try {
					ok = predicate();
				} catch (error) {
					finish(error instanceof Error ? error : new Error(String(error)));
					return;
				}
				if (ok) finish();
				else if (this.#drained || this.#disposed) {
					finish(new Error(`${description}: the process exited first\n${this.describe()}`));
				}
			};
			const interval = setInterval(check, 50);
			const timer = setTimeout(
				() => finish(new Error(`${description} timed out after ${timeoutMs} ms\n${this.describe()}`)),
				timeoutMs,
			);
			this.#listeners.add(check);
			check();
		});
	}

	/** Waits until the visible screen contains `text` (a substring, or a RegExp tested against screen()). */
	waitForText(text: string | RegExp, opts: WaitOptions = {}): Promise<void> {
		return this.waitFor(() => matches(this.screen(), text), `waitForText(${describeMatcher(text)})`, opts);
	}

	/** Waits until the visible screen no longer contains `text`. */
	waitForNoText(text: string | RegExp, opts: WaitOptions = {}): Promise<void> {
		return this.waitFor(() => !matches(this.screen(), text), `waitForNoText(${describeMatcher(text)})`, opts);
	}

	/** Waits until the raw output (escape sequences included) contains `text`. */
	waitForOutput(text: string | RegExp, opts: WaitOptions = {}): Promise<void> {
		return this.waitFor(() => matches(this.#raw, text), `waitForOutput(${describeMatcher(text)})`, opts);
	}

	/**
	 * Waits until no output has arrived for `quietMs` (default 100) — the frame has settled. Rejects after
	 * timeoutMs if the program keeps painting (a spinner, a clock).
	 */
	async waitForQuiet(quietMs = 100, {timeoutMs = 20_000}: WaitOptions = {}): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const seen = this.#chunks;
			await sleep(quietMs);
			if (seen === this.#chunks && this.#parsedChunks === this.#chunks) return;
			if (Date.now() > deadline) {
				throw new Error(`waitForQuiet(${quietMs}) timed out after ${timeoutMs} ms\n${this.describe()}`);
			}
		}
	}

	/** Writes raw bytes to the program's terminal input. */
	write(data: string): void {
		if (this.#exit) throw new Error(`cannot write ${JSON.stringify(data)}: the process has exited\n${this.describe()}`);
		this.pty.write(data);
	}

	/**
	 * Presses keys one at a time (see encodeKey for names). After each key it waits until the program has
	 * answered with output, or at most keyDelayMs, so every key reaches the program as a separate read.
	 */
	async press(...keys: string[]): Promise<void> {
		for (const key of keys) {
			// A lone ESC is a key only if nothing follows it in the same read: a key sent right behind it on a busy
			// machine arrives in one read with it and is alt+key. So after escape, wait for the program's answer
			// (every escape in these tests closes or backs out of something) for up to ESCAPE_ANSWER_MS. The answer is
			// a changed screen, not any output: a frame still being drawn for the key before would let the next key
			// follow the escape at once.
			if (key === 'escape') await this.#sendEscape();
			else await this.#send(encodeKey(key, this.term.modes.applicationCursorKeysMode));
		}
	}

	/** Types text one character (code point) at a time, like press() with literal characters. */
	async type(text: string): Promise<void> {
		for (const ch of text) await this.#send(ch);
	}

	async #sendEscape(): Promise<void> {
		const before = this.screen();
		this.write('\x1b');
		const deadline = Date.now() + ESCAPE_ANSWER_MS;
		while ((this.#inSync || this.#parsedChunks !== this.#chunks || this.screen() === before) && Date.now() < deadline && !this.#exit) await sleep(5);
		await new Promise<void>((r) => setImmediate(r));
	}

	async #send(bytes: string, waitMs = this.keyDelayMs): Promise<void> {
		const before = this.#parsedChunks;
		this.write(bytes);
		const deadline = Date.now() + waitMs;
		while (this.#parsedChunks === before && Date.now() < deadline && !this.#exit) await sleep(5);
		// one macrotask more so the program's handlers for this key have run before the next one arrives
		await new Promise<void>((r) => setImmediate(r));
	}

	resize(cols: number, rows: number): void {
		this.term.resize(cols, rows);
		if (!this.#exit) this.pty.resize(cols, rows);
	}

	/** Sends a signal to the program (default SIGTERM). */
	kill(signal: NodeJS.Signals = 'SIGTERM'): void {
		if (!this.#exit) this.pty.kill(signal);
	}

	/**
	 * The exit status, once the program has exited by itself; rejects with the screen if it has not within
	 * timeoutMs (a test must not hang the suite on a console that did not quit).
	 */
	async waitForExitStatus({timeoutMs = 20_000}: WaitOptions = {}): Promise<ExitInfo> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`the program did not exit within ${timeoutMs} ms\n${this.describe()}`)), timeoutMs);
		});
		try {
			return await Promise.race([this.exited, timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	/** Sends SIGTERM, waits up to graceMs for the exit, then SIGKILL. Resolves with the exit status. */
	async terminate(graceMs = 2000): Promise<ExitInfo> {
		this.kill('SIGTERM');
		const timeout = sleep(graceMs).then(() => undefined);
		const result = await Promise.race([this.exited, timeout]);
		if (result) return result;
		this.#killSession('SIGKILL');
		return this.exited;
	}

	/** SVG screenshot of the current screen (see source/tools/svgScreenshot.mjs). */
	screenshotSvg(options: SvgOptions = {}): string {
		return renderSvg(this.term, options);
	}

	/** Every process in the pty's session (the program and anything it started), by pid. */
	sessionPids(): number[] {
		try {
			return execFileSync('ps', ['-o', 'pid=', '--sid', String(this.pid)], {encoding: 'utf8'})
				.split('\n')
				.map((s) => Number(s.trim()))
				.filter((n) => n > 0);
		} catch {
			return []; // ps exits 1 when no process matched
		}
	}

	#killSession(signal: NodeJS.Signals): void {
		for (const pid of this.sessionPids()) {
			try {
				process.kill(pid, signal);
			} catch {
				// already gone
			}
		}
	}

	/** Kills the program (and its session) if still running, frees the emulator and removes the temp dir. */
	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		if (!this.#exit) this.#killSession('SIGKILL');
		this.#notify();
		this.term.dispose();
		rmSync(this.tempDir, {recursive: true, force: true});
	}

	[Symbol.dispose](): void {
		this.dispose();
	}
}

/**
 * Starts a program in a pseudo-terminal (default: Node 22 running dist/smsdeck.mjs with `args`), 80×24 unless
 * told otherwise.
 */
export function spawnTerminal(opts: SpawnOptions = {}): TerminalSession {
	const args = opts.args ?? [];
	if (opts.command === undefined) {
		if (!existsSync(distPath())) {
			throw new Error(`${distPath()} does not exist: build it first (npm run build)`);
		}
		return new TerminalSession(nodeBinary(), [distPath(), ...args], opts);
	}
	return new TerminalSession(opts.command, args, opts);
}

export interface SttyState {
	/** Canonical (line) mode on — off means the terminal was left in raw/cbreak mode. */
	icanon: boolean;
	echo: boolean;
	isig: boolean;
	icrnl: boolean;
	opost: boolean;
	/** The full `stty -a` output. */
	text: string;
}

export interface ShellOptions extends Omit<SpawnOptions, 'command' | 'args'> {
	/** What `smsdeck` in the shell runs; default: Node 22 with dist/smsdeck.mjs. */
	app?: {command: string; args?: string[]};
}

const PROMPT = 'smsdeck-test$ ';

/**
 * An interactive bash in the pseudo-terminal. `smsdeck` on its PATH runs the app (a wrapper script in the
 * session's temp dir), so a test can start the app as a job of the shell, stop it, and then check with
 * `stty()` that the terminal the shell got back is sane.
 */
export class ShellSession extends TerminalSession {
	#marker = 0;
	#ready: Promise<void> | undefined;
	#started: number | undefined;

	constructor(opts: ShellOptions) {
		const tempBin = mkdtempSync(join(tmpdir(), 'smsdeck-e2e-bin-'));
		const app = opts.app ?? {command: nodeBinary(), args: [distPath()]};
		const wrapper = join(tempBin, 'smsdeck');
		writeFileSync(wrapper, `#!/bin/sh\nexec ${[app.command, ...(app.args ?? [])].map(quote).join(' ')} "$@"\n`);
		chmodSync(wrapper, 0o755);
		const env = {
			...opts.env,
			PATH: `${tempBin}:${dirname(nodeBinary())}:${opts.env?.PATH ?? process.env.PATH ?? '/usr/bin:/bin'}`,
			PS1: PROMPT,
			PROMPT_COMMAND: '',
			INPUTRC: '/dev/null',
			HISTFILE: '/dev/null',
		};
		super('/bin/bash', ['--noprofile', '--norc', '-i'], {...opts, env});
		void this.exited.finally(() => rmSync(tempBin, {recursive: true, force: true}));
		this.binDir = tempBin;
	}

	/** Directory with the `smsdeck` wrapper (first on the shell's PATH). */
	readonly binDir: string;

	#whenReady(): Promise<void> {
		this.#ready ??= this.waitForText(PROMPT.trim(), {timeoutMs: 5000});
		return this.#ready;
	}

	/** Types a command line and waits for it to finish; returns its output (CR stripped) and exit code. */
	async run(commandLine: string, {timeoutMs = 15_000}: WaitOptions = {}): Promise<{output: string; exitCode: number}> {
		await this.#whenReady();
		const n = ++this.#marker;
		// The quotes split the markers in the echoed command line, so only the shell's output matches them.
		const begin = `@@BEGIN_${n}@@`;
		// One write: readline takes the whole line (typing it key by key is slow when a test left echo off).
		this.write(`echo "@@BEG""IN_${n}@@"; ${commandLine}; echo "@@EXI""T_${n}_$?@@"\r`);
		const end = new RegExp(`@@EXIT_${n}_(\\d+)@@`, 'u');
		await this.waitForOutput(end, {timeoutMs});
		const raw = this.output();
		const from = raw.indexOf(begin);
		const endMatch = end.exec(raw.slice(from))!;
		const output = raw
			.slice(from + begin.length, from + endMatch.index)
			.replace(/\r/gu, '')
			.replace(/^\n/u, '');
		return {output, exitCode: Number(endMatch[1])};
	}

	/** Types a command line without waiting for it; waitForExit() waits for it and returns its exit code. */
	async start(commandLine: string): Promise<void> {
		await this.#whenReady();
		const n = ++this.#marker;
		this.#started = n;
		this.write(`${commandLine}; echo "@@EXI""T_${n}_$?@@"\r`);
	}

	/** Starts the app (`smsdeck ARGS`) as a foreground job of the shell. */
	startApp(args: string[] = []): Promise<void> {
		return this.start(['smsdeck', ...args].map(quote).join(' '));
	}

	/** Waits until the command given to start() has finished; resolves with its exit code (128+n for signal n). */
	async waitForExit({timeoutMs = 15_000}: WaitOptions = {}): Promise<number> {
		if (this.#started === undefined) throw new Error('waitForExit: nothing was started');
		const end = new RegExp(`@@EXIT_${this.#started}_(\\d+)@@`, 'u');
		await this.waitForOutput(end, {timeoutMs});
		return Number(end.exec(this.output())![1]);
	}

	/** Pid of the shell's foreground job (the process group leader), or undefined when the shell is in front. */
	foregroundPid(): number | undefined {
		try {
			const tpgid = Number(execFileSync('ps', ['-o', 'tpgid=', '-p', String(this.pid)], {encoding: 'utf8'}).trim());
			return tpgid > 0 && tpgid !== this.pid ? tpgid : undefined;
		} catch {
			return undefined;
		}
	}

	/** Waits until a job (the app) is in the foreground; resolves with its pid. */
	async waitForForeground({timeoutMs = 15_000}: WaitOptions = {}): Promise<number> {
		let pid: number | undefined;
		await this.waitFor(() => (pid = this.foregroundPid()) !== undefined, 'waitForForeground()', {timeoutMs});
		return pid!;
	}

	/** Sends `signal` to the foreground job, the way `kill PID` from another terminal would. */
	killForeground(signal: NodeJS.Signals = 'SIGTERM'): void {
		const pid = this.foregroundPid();
		if (pid === undefined) throw new Error(`killForeground: no foreground job\n${this.describe()}`);
		process.kill(pid, signal);
	}

	/** Runs `stty -a` in the shell and parses the modes that raw mode changes. */
	async stty(opts: WaitOptions = {}): Promise<SttyState> {
		const {output: text, exitCode} = await this.run('stty -a', opts);
		if (exitCode !== 0) throw new Error(`stty -a failed (${exitCode}): ${text}`);
		const tokens = new Set(text.split(/[\s;]+/u));
		const flag = (name: string) => {
			if (tokens.has(name)) return true;
			if (tokens.has(`-${name}`)) return false;
			throw new Error(`stty -a printed no ${name} flag:\n${text}`);
		};
		return {icanon: flag('icanon'), echo: flag('echo'), isig: flag('isig'), icrnl: flag('icrnl'), opost: flag('opost'), text};
	}
}

/** Starts an interactive bash in a pseudo-terminal; see ShellSession. */
export function spawnShell(opts: ShellOptions = {}): ShellSession {
	return new ShellSession(opts);
}

/** SVG screenshot of a session's current screen. */
export function screenshotSvg(session: TerminalSession, opts: {title?: string} & SvgOptions = {}): string {
	return renderSvg(session.term, opts);
}

/** Plain-text screenshot: the screen framed, with the size and buffer in the first line. */
export function screenshotText(session: TerminalSession, opts: {title?: string} = {}): string {
	const header = `${opts.title ? `${opts.title} — ` : ''}${session.cols}x${session.rows}, ${session.isAltScreen() ? 'alternate' : 'normal'} screen`;
	const body = session.lines().map((l) => `│${l.padEnd(session.cols)}│`);
	return [header, `┌${'─'.repeat(session.cols)}┐`, ...body, `└${'─'.repeat(session.cols)}┘`].join('\n') + '\n';
}
