/**
 * Make attacker-controlled text (message bodies, log lines, anything from the
 * wire) safe to print to a terminal.
 *
 * stripTerminalEscapes removes:
 * - CSI sequences: ESC [ … final byte, and the 8-bit form 0x9B … final byte;
 * - OSC sequences: ESC ] … (0x9D …) ended by BEL, ESC \ or 0x9C (ST);
 * - DCS / SOS / PM / APC strings: ESC P / ESC X / ESC ^ / ESC _ (0x90 / 0x98 /
 *   0x9E / 0x9F) ended by ESC \ or 0x9C (or BEL, which xterm also accepts);
 *   a string sequence that is never terminated is removed up to the end of the
 *   text, as a terminal would swallow it;
 * - other escape sequences: ESC, optional intermediates (0x20–0x2F), one final
 *   byte (ESC 7, ESC c, ESC ( B …); a lone trailing ESC;
 * - every other C1 control (0x80–0x9F), DEL, and every C0 control except tab
 *   and line feed.
 * Line breaks are normalised: CR LF and a lone CR become LF (a lone CR would
 * otherwise let text overwrite what was printed before it on the line).
 * Tabs and line feeds are kept; use toSingleLine for a one-line cell.
 * Bidi and other printable Unicode are left alone.
 */

const ESC = 0x1b;
// eslint-disable-next-line no-control-regex
const NEEDS_STRIPPING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BEL = 0x07;
const ST = 0x9c;

function isStringIntroducer(code: number): boolean {
	// After ESC: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC).
	return code === 0x50 || code === 0x58 || code === 0x5d || code === 0x5e || code === 0x5f;
}

function isC1StringIntroducer(code: number): boolean {
	return code === 0x90 || code === 0x98 || code === 0x9d || code === 0x9e || code === 0x9f;
}

/** Index just after the terminator of a control string starting at `from`, or text.length. */
function skipControlString(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === BEL || code === ST) return i + 1;
		if (code === ESC) {
			if (text.charCodeAt(i + 1) === 0x5c) return i + 2;
			// An ESC that does not form ST aborts the string (as in xterm); the ESC starts a new sequence.
			return i;
		}
	}
	return text.length;
}

/** Index just after the final byte of a CSI sequence whose parameters start at `from`. */
function skipCsi(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x40 && code <= 0x7e) return i + 1;
		if (code < 0x20 || code > 0x3f) {
			// Not a parameter/intermediate byte: a malformed sequence ends here, keep the byte.
			return i;
		}
	}
	return text.length;
}

/** Remove terminal escape sequences and control characters; see the module comment. */
export function stripTerminalEscapes(text: string): string {
	// Most text has nothing to strip: return it as it is (building it again character by character would also
	// leave a rope of one-character strings behind, ~30 bytes per character, for every log line kept).
	if (!NEEDS_STRIPPING.test(text)) return text;
	let out = '';
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code === ESC) {
			const next = text.charCodeAt(i + 1);
			if (Number.isNaN(next)) break;
			if (next === 0x5b) {
				i = skipCsi(text, i + 2);
			} else if (isStringIntroducer(next)) {
				i = skipControlString(text, i + 2);
			} else {
				let j = i + 1;
				while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
				const final = text.charCodeAt(j);
				i = final >= 0x30 && final <= 0x7e ? j + 1 : j;
			}
			continue;
		}
		if (code === 0x9b) {
			i = skipCsi(text, i + 1);
			continue;
		}
		if (isC1StringIntroducer(code)) {
			i = skipControlString(text, i + 1);
			continue;
		}
		if (code === 0x0d) {
			out += '\n';
			i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
			continue;
		}
		const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
		if (!isControl) out += text[i];
		i++;
	}
	return out;
}

/**
 * Strip escapes (as stripTerminalEscapes) and fold the result onto one line:
 * each run of line breaks and tabs becomes a single space.
 */
export function toSingleLine(text: string): string {
	return stripTerminalEscapes(text).replace(/[\n\t]+/g, ' ');
}
