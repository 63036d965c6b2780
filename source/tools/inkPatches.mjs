// Shortcuts the bundle takes in Ink's drawing of every frame (source/tools/build.mjs applies them to Ink's and
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

// And in building each frame's text from styled characters (Ink's output.js with ansi-tokenize's styledChars.js).
// A 120×40 frame is some 7,000 characters, each turned into an object with its styles and back into text; the
// first frame took ~27 ms there, most of it allocating and diffing style lists.
// - styledCharsFromTokens gives each character its own copy of the style list. The list is replaced, never changed in
//   place, when a code arrives (reduceAnsiCodesIncremental returns a new array), and nothing downstream changes it, so
//   the characters of one run share it; the "same style?" test then succeeds at its first check.
// - styledCharsToString works out the codes between two styles (three Sets and a few lists) at every change of style.
//   The answer depends only on the two lists' (code, endCode) pairs, so it is kept by those: the same few pairs recur
//   all over a frame. At most 1,000 are kept (OSC 8 links make a pair per address).
// - Output.get starts every frame with a grid of blank cells, an object and a list each. Cells are replaced, never
//   changed in place, so one blank cell serves the whole grid.
// - Output drops characters that are default-ignorable code points, testing each character with a Unicode-property
//   expression; a text with no such code point at all is tested once.

/** @alcalzone/ansi-tokenize/build/styledChars.js with the shortcuts. */
export function patchStyledChars(text) {
	const file = '@alcalzone/ansi-tokenize/build/styledChars.js';
	const shared = once(text, 'styles: [...codes],', 'styles: codes,', file);
	const original = `export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else if (!isSameStyle(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`;
	const replacement = `const styleKeys = new WeakMap();
function styleKey(codes) {
    let key = styleKeys.get(codes);
    if (key === undefined) {
        key = "";
        for (const code of codes) key += code.code + "\\u0000" + code.endCode + "\\u0001";
        styleKeys.set(codes, key);
    }
    return key;
}
const NO_STYLES = [];
const openings = new Map();
const transitions = new Map();
function remembered(map, key, make) {
    let value = map.get(key);
    if (value === undefined) {
        if (map.size >= 1000) map.clear();
        value = make();
        map.set(key, value);
    }
    return value;
}
function opening(codes) {
    return codes.length === 0 ? "" : remembered(openings, styleKey(codes), () => ansiCodesToString(codes));
}
function transition(from, to) {
    return remembered(transitions, styleKey(from) + "\\u0002" + styleKey(to), () => ansiCodesToString(diffAnsiCodes(from, to)));
}
export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += opening(char.styles);
        }
        else if (!isSameStyle(chars[i - 1].styles, char.styles)) {
            ret += transition(chars[i - 1].styles, char.styles);
        }
        ret += char.value;
        if (i === chars.length - 1) {
            ret += char.styles.length === 0 ? "" : transition(char.styles, NO_STYLES);
        }
    }
    return ret;
}`;
	return once(shared, original, replacement, file);
}

/** ink/build/output.js with the shared blank cell. */
export function patchOutput(text) {
	const file = 'ink/build/output.js';
	const grid = `            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }`;
	const withBlank = once(text, grid, `            for (let x = 0; x < this.width; x++) {
                row.push(blank);
            }`, file);
	const withBlanks = once(withBlank, '        const output = [];\n        for (let y = 0; y < this.height; y++) {', "        const output = [];\n        const blank = { type: 'char', value: ' ', fullWidth: false, styles: [] };\n        for (let y = 0; y < this.height; y++) {", file);
	const filter = 'cached = styledCharsFromTokens(tokenize(line)).filter(character => !/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value));';
	return once(withBlanks, filter, `const characters = styledCharsFromTokens(tokenize(line));
            cached = /\\p{Default_Ignorable_Code_Point}/u.test(line) ? characters.filter(character => !/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value)) : characters;`, file);
}

// Over ssh every byte of a frame travels. Ink's incremental writer steps over each unchanged line with its own
// "cursor to next line" (ESC [ E), some 35 of them per keypress on a 40-row screen; a run of n is written as one
// ESC [ n E, which moves the cursor the same way (down n lines to column 1, stopping at the bottom line).

/** ink/build/log-update.js writing runs of line steps as one. */
export function patchLogUpdate(text) {
	return once(
		text,
		"stream.write(buffer.join(''));",
		"stream.write(buffer.join('').replace(/(?:\\u001B\\[E){2,}/g, steps => `\\u001B[${steps.length / 3}E`));",
		'ink/build/log-update.js',
	);
}
