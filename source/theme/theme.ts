import chalk, {type ChalkInstance} from 'chalk';
import {cellWidth} from '../domain/textWidth.js';

// Semantic colour tokens and glyphs. Components ask for a meaning ("ok", "muted"), never for a colour.
// With colour off (NO_COLOR, --no-color) every token is undefined and emphasis comes from bold/inverse only.

export type ColorToken =
	| 'text'
	| 'muted'
	| 'accent'
	| 'title'
	| 'border'
	| 'ok'
	| 'warn'
	| 'error'
	| 'info'
	| 'key'
	| 'selectionFg'
	| 'selectionBg'
	| 'badgeRead'
	| 'badgeWrite'
	| 'local';

export interface Glyphs {
	ellipsis: string;
	crumb: string;
	ok: string;
	fail: string;
	pending: string;
	bullet: string;
	current: string;
	sortAsc: string;
	sortDesc: string;
	yes: string;
	no: string;
	hRule: string;
}

export interface Theme {
	name: string;
	color: boolean;
	ascii: boolean;
	colors: Record<ColorToken, string | undefined>;
	glyphs: Glyphs;
	/** Text in a token's colour as one styled string (for rows drawn as a single Text). */
	paint(token: ColorToken | undefined, text: string): string;
}

// 16-colour names only, so the palette survives basic terminals, tmux and ssh.
const palette: Record<ColorToken, string> = {
	text: 'white',
	muted: 'gray',
	accent: 'cyan',
	title: 'cyanBright',
	border: 'gray',
	ok: 'green',
	warn: 'yellow',
	error: 'red',
	info: 'blue',
	key: 'magenta',
	selectionFg: 'black',
	selectionBg: 'cyan',
	badgeRead: 'yellow',
	badgeWrite: 'green',
	local: 'magenta',
};

const unicodeGlyphs: Glyphs = {
	ellipsis: '…',
	crumb: '›',
	ok: '✓',
	fail: '✗',
	pending: '…',
	bullet: '●',
	current: '▸',
	sortAsc: '▲',
	sortDesc: '▼',
	yes: '✓',
	no: '–',
	hRule: '─',
};

const asciiGlyphs: Glyphs = {
	ellipsis: '~',
	crumb: '>',
	ok: '+',
	fail: 'x',
	pending: '.',
	bullet: '*',
	current: '>',
	sortAsc: '^',
	sortDesc: 'v',
	yes: 'y',
	no: '-',
	hRule: '-',
};

/**
 * ASCII mode: one ASCII character for every non-ASCII glyph the console writes, as wide as the glyph (so a layout
 * measured with the glyph stays put). Everything the console writes passes asciiText (see asciiOutput): the
 * glyphs above, the dashes, arrows and dots in its sentences, and any other character (from the wire too).
 */
export const ASCII_FALLBACK: Readonly<Record<string, string>> = {
	'…': '.',
	'—': '-',
	'–': '-',
	'―': '-',
	'·': '.',
	'•': '*',
	'●': '*',
	'→': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'⇥': '>',
	'✓': '+',
	'✔': '+',
	'✗': 'x',
	'✘': 'x',
	'×': 'x',
	'›': '>',
	'‹': '<',
	'»': '>',
	'«': '<',
	'▸': '>',
	'▶': '>',
	'◂': '<',
	'▲': '^',
	'▼': 'v',
	'│': '|',
	'┃': '|',
	'║': '|',
	'─': '-',
	'━': '-',
	'═': '=',
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'├': '+',
	'┤': '+',
	'┬': '+',
	'┴': '+',
	'┼': '+',
	'╭': '+',
	'╮': '+',
	'╰': '+',
	'╯': '+',
	'‘': "'",
	'’': "'",
	'“': '"',
	'”': '"',
	'≥': '>',
	'≤': '<',
	'≠': '#',
	'€': 'E',
	'£': 'L',
	'¥': 'Y',
	'™': 'T',
	'©': 'c',
	'®': 'r',
	'°': 'o',
	'\u00a0': ' ',
	'⚠': '!',
	'␛': '?',
};

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/gu;
const MARKS = /\p{M}/gu;

/** One non-ASCII character in ASCII, as many cells wide as it is: a fallback, its letter without accents, or ?. */
function asciiChar(ch: string): string {
	const mapped = ASCII_FALLBACK[ch];
	if (mapped !== undefined) return mapped;
	const width = cellWidth(ch);
	if (width === 0) return '';
	const plain = ch.normalize('NFKD').replace(MARKS, '');
	if (width === 1 && /^[\x20-\x7e]$/.test(plain)) return plain;
	return '?'.repeat(width);
}

/** The text with every non-ASCII character replaced by an ASCII one of the same width. */
export function asciiText(text: string): string {
	return NON_ASCII.test(text) ? text.replace(NON_ASCII_ALL, asciiChar) : text;
}

/**
 * In ASCII mode, everything written to `out` goes through asciiText; returns the undo. Escape sequences are ASCII
 * and pass unchanged.
 */
export function asciiOutput(out: NodeJS.WriteStream): () => void {
	const write = out.write;
	out.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		const text = typeof chunk === 'string' ? asciiText(chunk) : chunk;
		return (write as (...args: unknown[]) => boolean).call(this, text, ...rest);
	} as typeof out.write;
	return () => {
		out.write = write;
	};
}

export interface ThemeChoice {
	noColor?: boolean;
	ascii?: boolean;
	env?: NodeJS.ProcessEnv;
}

/** NO_COLOR (any non-empty value, per no-color.org) turns colour off; --no-color too. */
export function colorEnabled(choice: ThemeChoice): boolean {
	const env = choice.env ?? process.env;
	if (choice.noColor) return false;
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	return true;
}

/** ASCII when asked, or when the locale does not promise UTF-8. */
export function asciiWanted(choice: ThemeChoice): boolean {
	if (choice.ascii) return true;
	const env = choice.env ?? process.env;
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
	// No locale at all means the POSIX locale, which is not UTF-8.
	return !/utf-?8/i.test(locale);
}

export function createTheme(choice: ThemeChoice = {}): Theme {
	const color = colorEnabled(choice);
	const ascii = asciiWanted(choice);
	const colors = Object.fromEntries(
		Object.entries(palette).map(([token, value]) => [token, color ? value : undefined]),
	) as Record<ColorToken, string | undefined>;
	const paint = (token: ColorToken | undefined, text: string) => {
		const name = token ? colors[token] : undefined;
		if (!name || text === '') return text;
		const style = (chalk as unknown as Record<string, ChalkInstance>)[name];
		return style ? style(text) : text;
	};
	return {name: color ? 'default' : 'mono', color, ascii, colors, glyphs: ascii ? asciiGlyphs : unicodeGlyphs, paint};
}
