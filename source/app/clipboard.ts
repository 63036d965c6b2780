// Copy to the clipboard of the terminal the person sits at, even over ssh. The terminal is told with OSC 52;
// how depends on what sits between smsdeck and the terminal:
// - tmux: since 3.3 tmux drops passthrough sequences unless `allow-passthrough` is on, and with its default
//   `set-clipboard external` it ignores an OSC 52 from an application. `tmux load-buffer -w -` works with the
//   defaults: it makes a tmux buffer and has tmux send OSC 52 to the outer terminal itself. Older tmux (no -w)
//   gets the buffer plus the OSC 52 inside tmux's passthrough wrapper, which it still forwarded.
// - GNU screen: only a DCS passthrough reaches the outer terminal, and screen truncates long strings, so the
//   sequence is cut into chunks, each in its own DCS.
// - Other terminals known to take OSC 52 get it plain. Where the terminal is not known to (the Linux console,
//   Apple Terminal, dumb, unknown) or the preference says so, nothing is written: the caller shows the text.
import {builtin} from './builtin.js';

export type ClipboardPreference = 'auto' | 'osc52' | 'show';

export type ClipboardRoute = 'tmux' | 'screen' | 'osc52' | 'show';

/** Terminals that are known to honour OSC 52 (TERM values, by prefix). */
const OSC52_TERMS = /^(xterm|rxvt|alacritty|foot|kitty|xterm-kitty|wezterm|contour|ghostty|st-|st$|tmux|screen|mintty|konsole|vte|iterm)/i;
/** TERM_PROGRAM values known to honour it, and known not to. */
const OSC52_PROGRAMS = /^(iTerm\.app|WezTerm|vscode|ghostty|mintty|rio|Tabby|WarpTerminal)$/i;
const NO_OSC52_PROGRAMS = /^(Apple_Terminal)$/i;

/** How a copy reaches the clipboard here, or 'show' when the text must be shown for the person to select. */
export function clipboardRoute(env: NodeJS.ProcessEnv = process.env, preference: ClipboardPreference = 'auto'): ClipboardRoute {
	if (preference === 'show') return 'show';
	if (env.TMUX) return 'tmux';
	if (env.STY) return 'screen';
	if (preference === 'osc52') return 'osc52';
	const program = env.TERM_PROGRAM ?? '';
	if (NO_OSC52_PROGRAMS.test(program)) return 'show';
	if (OSC52_PROGRAMS.test(program) || env.WT_SESSION || env.KITTY_WINDOW_ID) return 'osc52';
	return OSC52_TERMS.test(env.TERM ?? '') ? 'osc52' : 'show';
}

/** The plain OSC 52 "set clipboard" sequence for `text`. */
export function osc52(text: string): string {
	return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** OSC 52 inside tmux's passthrough wrapper (tmux before 3.3, or with allow-passthrough on). */
export function tmuxPassthrough(text: string): string {
	return `\x1bPtmux;${osc52(text).replace(/\x1b/g, '\x1b\x1b')}\x1b\\`;
}

/** Longest piece of the sequence in one DCS for GNU screen (older versions cut strings longer than 256 bytes). */
export const SCREEN_CHUNK = 76;

/** OSC 52 through GNU screen: cut into chunks, each wrapped in a DCS that screen passes to the terminal as is. */
export function screenPassthrough(text: string): string {
	const seq = osc52(text);
	const parts: string[] = [];
	for (let at = 0; at < seq.length; at += SCREEN_CHUNK) parts.push(`\x1bP${seq.slice(at, at + SCREEN_CHUNK)}\x1b\\`);
	return parts.join('');
}

export interface CopyOptions {
	out?: NodeJS.WritableStream;
	env?: NodeJS.ProcessEnv;
	preference?: ClipboardPreference;
	/** Runs `tmux <args>` with `input` on stdin; true when it succeeded (tests replace it). */
	tmux?: (args: string[], input: string) => boolean;
}

function runTmux(args: string[], input: string): boolean {
	try {
		const {spawnSync} = builtin<typeof import('node:child_process')>('node:child_process');
		const result = spawnSync('tmux', args, {input, stdio: ['pipe', 'ignore', 'ignore'], timeout: 3000});
		return result.status === 0;
	} catch {
		return false;
	}
}

/**
 * Sends `text` to the clipboard; 'sent' when the terminal (or tmux) was told, 'show' when it could not be and
 * the caller should show the text for the person to select.
 */
export function copyToClipboard(text: string, options: CopyOptions = {}): 'sent' | 'show' {
	const out = options.out ?? process.stdout;
	const env = options.env ?? process.env;
	const route = clipboardRoute(env, options.preference);
	switch (route) {
		case 'show':
			return 'show';
		case 'tmux': {
			const tmux = options.tmux ?? runTmux;
			if (tmux(['load-buffer', '-w', '-'], text)) return 'sent';
			// tmux before 3.2 has no -w: keep a buffer and pass OSC 52 through, which those versions allow.
			const buffered = tmux(['load-buffer', '-'], text);
			out.write(tmuxPassthrough(text));
			return buffered ? 'sent' : 'show';
		}
		case 'screen':
			out.write(screenPassthrough(text));
			return 'sent';
		case 'osc52':
			out.write(osc52(text));
			return 'sent';
	}
}
