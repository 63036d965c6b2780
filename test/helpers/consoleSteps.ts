// Steps a person takes in the console, shared by the e2e tests that drive the real binary in a PTY.
import type {TerminalSession} from './terminal.js';

/** Runs a `:` command: the bar is on screen before anything is typed (keys typed before it could be lost). */
export async function command(app: TerminalSession, line: string): Promise<void> {
	await app.press(':');
	await app.waitForText('command (tab completes)');
	await app.type(line);
	await app.press('enter');
}

/** Filters the current list with `/`, and waits for the bar to close before the next key goes to the list. */
export async function filter(app: TerminalSession, text: string): Promise<void> {
	await app.press('/');
	await app.waitForText('filter rows (!term excludes');
	await app.type(text);
	await app.press('enter');
	await app.waitForNoText('filter rows (!term excludes'); // the bar has closed
}

/** The screen line that holds `text` ('' when none does). */
export function lineWith(app: TerminalSession, text: string | RegExp): string {
	return app.lines().find(l => (typeof text === 'string' ? l.includes(text) : text.test(l))) ?? '';
}

/** From the list a `:` command opens (its title `list`), filtered to `name`, opens that row and waits for `detail`. */
export async function openFiltered(app: TerminalSession, list: {command: string; title: RegExp}, name: string, detail: string): Promise<void> {
	await command(app, list.command);
	await app.waitForText(list.title);
	await filter(app, name);
	await app.waitForText(/\[1 of \d+\]/);
	await app.press('enter');
	await app.waitForText(detail);
}

/** Opens a number's detail from `:numbers` (filtered to it) and waits until its keywords are loaded. */
export async function openNumber(app: TerminalSession, number: string): Promise<void> {
	await openFiltered(app, {command: 'numbers', title: /Phone numbers\s+\[\d+\]/}, number, `Phone number ${number}`);
	// Loaded, not loading: "Keywords [0]" shows while they load. Every number (or its pool) has HELP and STOP.
	await app.waitForText(/Keywords\s+\[[1-9]\d*\]/);
}

/**
 * Presses `keys` until `text` shows (up to four times): keys right after a dialog closes can arrive early.
 * `beforeRetry` undoes what a press that landed on the wrong row did (e.g. closes a form it opened).
 */
export async function pressUntil(app: TerminalSession, keys: string[], text: string | RegExp, beforeRetry?: () => Promise<void>): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		for (const k of keys) await app.press(k);
		try {
			await app.waitForText(text, {timeoutMs: attempt < 4 ? 5000 : 15000});
			return;
		} catch (error) {
			if (attempt >= 4) throw error;
			await beforeRetry?.();
		}
	}
}
