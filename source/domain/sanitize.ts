/**
 * The one sanitiser for text from the wire (anything a service, a log group or an endpoint sent) on its way to
 * a terminal: the console's width functions (domain/textWidth.ts), the subcommands' tables, lines and error
 * lines (commands/printTable.ts) and their JSON all go through this module.
 *
 * safeText makes every character a terminal could act on visible instead:
 * - C0 controls U+0000–U+001F and DEL become their Unicode Control Pictures: ESC → ␛, LF → ␊, CR → ␍,
 *   TAB → ␉, BEL → ␇ … (U+2400 + code, DEL → ␡). Every 7-bit escape sequence (CSI and SGR, OSC incl. OSC 8
 *   links and OSC 52 clipboard writes, DCS, SOS, PM, APC, single ESC sequences) starts with ESC, so none can
 *   act; the rest of the sequence stays readable: "␛[2J", "␛]52;c;cm0=␇".
 * - C1 controls U+0080–U+009F (8-bit CSI U+009B, OSC U+009D, NEL U+0085 …), the line and paragraph separators
 *   U+2028 / U+2029 and the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 have no
 *   picture: they become the escape JSON would write, in lower case ("\u009b", "\u202e").
 * So one field is always one line, and nothing hidden reorders, moves, recolours, links or queries anything.
 * Text with none of these characters (nearly all of it) is returned as it is: one regular-expression test, no
 * allocation (building the same string again would also leave a rope of small strings behind for every log
 * line the tail keeps).
 *
 * safeJson is JSON.stringify whose output has none of these characters raw either: JSON.stringify escapes C0
 * but leaves DEL, C1, U+2028/2029 and the bidi controls as they are; they become \uXXXX escapes, which any JSON
 * reader (jq, JSON.parse) reads back as the same string.
 */

/** Everything safeText replaces. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw of the above (it escapes U+0000–U+001F itself). */
const JSON_UNSAFE = /[\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;
const JSON_UNSAFE_ALL = /[\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g;

const jsonEscape = (ch: string): string => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');

/** Placeholder per character, built once. */
const PLACEHOLDER = new Map<string, string>();
for (let code = 0; code < 0x20; code++) PLACEHOLDER.set(String.fromCharCode(code), String.fromCharCode(0x2400 + code));
PLACEHOLDER.set('\u007f', '\u2421');
for (let code = 0x80; code <= 0x9f; code++) PLACEHOLDER.set(String.fromCharCode(code), jsonEscape(String.fromCharCode(code)));
for (const code of [0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
	PLACEHOLDER.set(String.fromCharCode(code), jsonEscape(String.fromCharCode(code)));
}
const placeholder = (ch: string): string => PLACEHOLDER.get(ch)!;

/** One line a terminal shows and never acts on; see the module comment for the placeholders. */
export function safeText(text: string): string {
	if (!UNSAFE.test(text)) return text;
	return text.replace(UNSAFE_ALL, placeholder);
}

/** JSON.stringify(value, null, space) with DEL, C1, U+2028/2029 and bidi controls \uXXXX-escaped too. */
export function safeJson(value: unknown, space?: number): string {
	const json = JSON.stringify(value, null, space) ?? 'null';
	return JSON_UNSAFE.test(json) ? json.replace(JSON_UNSAFE_ALL, jsonEscape) : json;
}

/** The earlier name of safeText (cli.tsx still imports it under this name); the same function. */
export const stripTerminalEscapes = safeText;
