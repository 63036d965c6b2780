// Terminal cell width of text: wide (CJK, emoji) characters take two cells, combining marks none.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function cellWidth(text: string): number {
	// Fast path: printable ASCII is one cell per character.
	if (/^[\x20-\x7e]*$/.test(text)) return text.length;
	return stringWidth(text);
}

/**
 * Cuts text to at most `width` cells, ending with `ellipsis` when something was cut.
 * Never splits a grapheme, and never leaves half of a wide character.
 */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	const room = width - cellWidth(ellipsis);
	if (room <= 0) return ellipsis.slice(0, width);
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const w = cellWidth(segment);
		if (used + w > room) break;
		out += segment;
		used += w;
	}
	return out + ellipsis;
}

/** Pads (or truncates) to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	const pad = ' '.repeat(Math.max(0, width - cellWidth(cut)));
	return align === 'right' ? pad + cut : cut + pad;
}
