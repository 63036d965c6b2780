import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import {INK_PLAIN_STYLED} from '../../source/tools/inkPlainStyled.mjs';

// The bundle answers Ink's text cleaning at once for texts the pattern admits (source/tools/build.mjs). That is
// only right if Ink's own cleaning gives every such text back unchanged, and here Ink itself is asked.
const inkSanitize = (await import(pathToFileURL(createRequire(import.meta.url).resolve('ink').replace(/index\.js$/, 'sanitize-ansi.js')).href)) as {default: (text: string) => string};
const admits = new RegExp(INK_PLAIN_STYLED);

test('every text the fast path admits comes back from Ink unchanged', () => {
	const pieces = ['a', 'Z', ' ', '~', '0', '\u00a0', 'é', '\u00ad', '·', '—', '…', '›', '→', '≤', '⏎', '│', '█', '▁', '●', '✓', '✗', '⚠', '\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[m', '\x1b[38;5;208m', '\x1b[48;2;1;2;3m', '\x1b[0m'];
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
	let admitted = 0;
	for (let i = 0; i < 5000; i++) {
		let text = '';
		const length = next() % 24;
		for (let j = 0; j < length; j++) text += pieces[next() % pieces.length];
		assert.ok(admits.test(text), JSON.stringify(text));
		assert.equal(inkSanitize.default(text), text, JSON.stringify(text));
		admitted++;
	}
	assert.equal(admitted, 5000);
});

test('texts the cleaning changes are not admitted', () => {
	for (const text of ['a\u0007b', 'tab\there', 'x\x1b[2Jy', 'e\u0301', '\x1b[31me\u0301', '\x1b[4:3mx', 'a\u200bb', 'line\nnext', '\u009b2J', 'a\x1b]8;;https://x\x07b', '\u{1F600}']) {
		assert.equal(admits.test(text), false, JSON.stringify(text));
	}
});
