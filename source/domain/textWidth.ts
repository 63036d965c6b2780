// Terminal cell width of text, and cutting text to a width: wide (CJK, emoji) characters take two cells,
// combining marks none. Everything the console fits to a width goes through truncate/fit, so they are also
// where text from the wire is made safe (safeText: controls, escape sequences, bidi controls and line breaks
// shown as placeholders): what they return is always one line a terminal shows and never acts on.
// It stays in domain/ although most users are components/: the scriptable commands print tables with the same
// widths (commands/printTable.ts), and commands/ never import from components/ (which are for Ink).
import stringWidth from 'string-width';
import {safeText} from './sanitize.js';
import {LazySegmenter} from './lazyUnicode.js';

const segmenter = new LazySegmenter(undefined, {granularity: 'grapheme'});
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Cells the text takes once made safe (as truncate and fit show it). */
export function cellWidth(text: string): number {
	// Fast path: printable ASCII is one cell per character.
	if (PRINTABLE_ASCII.test(text)) return text.length;
	return stringWidth(safeText(text));
}

/**
 * The text made safe (safeText) and cut to at most `width` cells, ending with `ellipsis` when something was cut.
 * Never splits a grapheme, and never leaves half of a wide character.
 */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	const safe = safeText(text);
	// Printable ASCII is one grapheme and one cell per character: no segmenter needed (so a first frame with a
	// cut-short ASCII line, such as a long warning, never builds one).
	const ascii = PRINTABLE_ASCII.test(safe);
	if ((ascii ? safe.length : cellWidth(safe)) <= width) return safe;
	const room = width - cellWidth(ellipsis);
	if (room <= 0) return ellipsis.slice(0, width);
	if (ascii) return safe.slice(0, room) + ellipsis;
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(safe)) {
		const w = cellWidth(segment);
		if (used + w > room) break;
		out += segment;
		used += w;
	}
	return out + ellipsis;
}

/** The text made safe and padded (or truncated) to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'right' ? pad + cut : cut + pad;
}

/** The text made safe and cut into lines of at most `width` cells (graphemes kept whole); [''] for ''. */
export function wrapCells(text: string, width: number): string[] {
	const safe = safeText(text);
	const room = Math.max(1, width);
	const ascii = PRINTABLE_ASCII.test(safe);
	if ((ascii ? safe.length : cellWidth(safe)) <= room) return [safe];
	const lines: string[] = [];
	if (ascii) {
		for (let at = 0; at < safe.length; at += room) lines.push(safe.slice(at, at + room));
		return lines;
	}
	let line = '';
	let used = 0;
	for (const {segment} of segmenter.segment(safe)) {
		const w = cellWidth(segment);
		if (used + w > room && line !== '') {
			lines.push(line);
			line = '';
			used = 0;
		}
		line += segment;
		used += w;
	}
	lines.push(line);
	return lines;
}
