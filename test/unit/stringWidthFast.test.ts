// The console's string-width fast path must agree with string-width on every text: one cell for each code point
// it claims, and string-width's own answer for everything else.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import stringWidthFast, {NARROW_RANGES} from '../../source/components/stringWidthFast.js';

test('every code point of the fast path is one cell wide for string-width', () => {
	const wrong: string[] = [];
	let checked = 0;
	for (const [from, to] of NARROW_RANGES) {
		for (let codePoint = from; codePoint <= to; codePoint++) {
			const text = String.fromCodePoint(codePoint);
			checked++;
			if (stringWidth(text) !== 1) wrong.push(`U+${codePoint.toString(16).toUpperCase()} ${text} is ${stringWidth(text)} wide`);
		}
	}
	assert.deepEqual(wrong, []);
	assert.ok(checked > 1000, `${checked} code points checked`);
});

test('the fast path answers as string-width does, styled or not, and hands everything else to it', () => {
	const samples = [
		'',
		'Regions [34]',
		'✓ yes › eu-west-2 … — ▁▂▃▅▇ ⚠ ─│╭╮',
		'\u001B[1m\u001B[96m smsdeck \u001B[22m\u001B[39m ✓',
		'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007', // not SGR: string-width decides
		'日本語のテキスト', // wide
		'OTP 🔐 sent ✅', // emoji
		'e\u0301', // a combining mark takes no cell
		'soft\u00ADhyphen',
		'tab\there',
		'◽◾', // geometric shapes that are emoji
	];
	for (const text of samples) {
		assert.equal(stringWidthFast(text), stringWidth(text), JSON.stringify(text));
		assert.equal(stringWidthFast(text, {countAnsiEscapeCodes: true}), stringWidth(text, {countAnsiEscapeCodes: true}), `${JSON.stringify(text)} counting escapes`);
		assert.equal(stringWidthFast(text, {ambiguousIsNarrow: false}), stringWidth(text, {ambiguousIsNarrow: false}), `${JSON.stringify(text)} ambiguous wide`);
	}
});
