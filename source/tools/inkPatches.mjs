// Two shortcuts the bundle takes in Ink's drawing of every frame (source/tools/build.mjs applies them to Ink's and
// ansi-tokenize's files; test/unit/inkPatches.test.ts holds each to the unpatched module's own answer):
// - sanitize-ansi.js cleans each text: it tokenizes the escape sequences and runs a Unicode-property expression over
//   the rest. A text of printable characters and colour (SGR) sequences comes back unchanged, so it is returned at
//   once. Admitted: no control character and no combining mark (what the cleaning changes), SGR without ':' (which
//   it rewrites).
// - ansi-tokenize's tokenize walks each text by grapheme with Intl.Segmenter. In a text of the same characters (and
//   line feeds) every UTF-16 unit is a grapheme of its own, so it walks by unit.

const TEXT = String.raw`\x20-\x7e\u00a0-\u00ff\u2010-\u205e\u2190-\u23ff\u2500-\u27bf`;
const SGR = String.raw`\x1b\[[\d;]*m`;
/** Texts Ink's sanitizeAnsi gives back unchanged. */
export const INK_PLAIN_STYLED = `^(?:[${TEXT}]|${SGR})*$`;
/** Texts in which each UTF-16 unit is a grapheme of its own. */
export const ONE_UNIT_GRAPHEMES = `^(?:[${TEXT}\\n]|${SGR})*$`;

function once(text, search, replacement, file) {
	if (text.split(search).length !== 2) throw new Error(`${file} no longer reads as expected (${JSON.stringify(search)}): update source/tools/inkPatches.mjs`);
	return text.replace(search, replacement);
}

/** ink/build/sanitize-ansi.js with the shortcut. */
export function patchSanitizeAnsi(text) {
	const head = 'const sanitizeAnsi = (text) => {\n';
	return once(text, head, `const plainStyled = new RegExp(${JSON.stringify(INK_PLAIN_STYLED)});\n${head}    if (plainStyled.test(text)) return text;\n`, 'ink/build/sanitize-ansi.js');
}

/** @alcalzone/ansi-tokenize/build/tokenize.js with the shortcut. */
export function patchTokenize(text) {
	const loop = 'for (const { segment, index } of segmenter.segment(str)) {';
	const units = `function* unitSegments(str) {\n    for (let index = 0; index < str.length; index++) yield { segment: str[index], index };\n}\nconst oneUnitGraphemes = new RegExp(${JSON.stringify(ONE_UNIT_GRAPHEMES)});\n`;
	const patched = once(text, loop, 'for (const { segment, index } of (oneUnitGraphemes.test(str) ? unitSegments(str) : segmenter.segment(str))) {', '@alcalzone/ansi-tokenize/build/tokenize.js');
	return once(patched, 'export function tokenize(', `${units}export function tokenize(`, '@alcalzone/ansi-tokenize/build/tokenize.js');
}
