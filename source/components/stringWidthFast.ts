// string-width with a fast path for the glyphs the console itself draws. The bundle puts this module in the place
// of `string-width` for Ink and its helpers (source/tools/build.mjs), and for domain/textWidth.ts.
//
// Why: string-width answers any text beyond printable ASCII with Intl.Segmenter and Unicode-property regular
// expressions (\p{RGI_Emoji} and friends). The first use of those compiles them, some 50 ms on this machine kind,
// and the console's first frame is full of "…", "›", "✓" and box lines. Every character of NARROW below is one cell
// wide by string-width's own rules (test/unit/stringWidthFast.test.ts checks each code point against it), so a
// text made only of them is as wide as its length; anything else goes to string-width unchanged.
import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/** One cell each in string-width's reading (ambiguous characters narrow, its default). */
export const NARROW_RANGES: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e], // printable ASCII
	[0xa0, 0xac], // Latin-1: no-break space … not sign
	[0xae, 0xff], // Latin-1: ® … ÿ (not the soft hyphen, which takes no cell)
	[0x391, 0x3a1], // Greek capitals (the GSM alphabet's Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ)
	[0x3a3, 0x3c9], // Greek capitals and small letters
	[0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
	[0x2030, 0x205e], // per mille, primes, ‹ ›
	[0x20a0, 0x20c0], // currency signs (€)
	[0x2100, 0x214f], // letterlike symbols (™)
	[0x2190, 0x21ff], // arrows
	[0x2200, 0x22ff], // mathematical operators (≤ ≥ ≠)
	[0x2400, 0x2426], // control pictures (␛ ␊)
	[0x2500, 0x259f], // box drawing and block elements (sparklines)
	[0x25a0, 0x25fc], // geometric shapes (● ▲ ▼ ▶), not the two that are emoji
	[0x26a0, 0x26a0], // ⚠
	[0x2713, 0x2718], // ✓ ✔ ✕ ✖ ✗ ✘
];

const narrowClass = NARROW_RANGES.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('');
const ONLY_NARROW = new RegExp(`^[${narrowClass}]*$`);
/** SGR sequences (colours, bold): what Ink's own styled text is made of. */
const SGR = /\u001B\[[\d;]*m/g;

function hex(codePoint: number): string {
	return `\\u${codePoint.toString(16).padStart(4, '0')}`;
}

export default function stringWidthFast(text: string, options?: Options): number {
	if (typeof text === 'string' && options?.ambiguousIsNarrow !== false) {
		let plain = text;
		if (!options?.countAnsiEscapeCodes && plain.includes('\u001B')) plain = plain.replace(SGR, '');
		if (ONLY_NARROW.test(plain)) return plain.length;
	}
	return stringWidth(text, options);
}
