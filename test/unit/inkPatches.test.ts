import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {INK_PLAIN_STYLED, ONE_UNIT_GRAPHEMES, patchSanitizeAnsi, patchTokenize} from '../../source/tools/inkPatches.mjs';

// The bundle takes two shortcuts in Ink's drawing of frame text (source/tools/inkPatches.mjs). Each is held here to
// the unpatched module's own answer: the patched file is written beside a copy of the original and both are asked.
const require = createRequire(import.meta.url);
const inkBuild = dirname(require.resolve('ink'));
const tokenizeFile = join(dirname(require.resolve('@alcalzone/ansi-tokenize/package.json')), 'build', 'tokenize.js');

/** The module `file` with `patch` applied, its relative imports pointing at the originals. */
async function patched<T>(file: string, patch: (text: string) => string): Promise<T> {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-ink-patch-'));
	const text = patch(readFileSync(file, 'utf8'))
		.replaceAll(/from ["'](\.\/[^"']+)["']/g, (_m, rel: string) => `from ${JSON.stringify(pathToFileURL(join(dirname(file), rel)).href)}`)
		.replaceAll(/from ["']([a-z@][^"'.][^"']*)["']/g, (_m, bare: string) => `from ${JSON.stringify(pathToFileURL(createRequire(file).resolve(bare)).href)}`);
	const out = join(dir, 'patched.mjs');
	writeFileSync(out, text);
	return (await import(pathToFileURL(out).href)) as T;
}

const pieces = ['a', 'Z', ' ', '~', '0', '\u00a0', 'é', '\u00ad', '·', '—', '…', '›', '→', '≤', '⏎', '│', '█', '▁', '●', '✓', '✗', '⚠', '⌚', '✅', '\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[m', '\x1b[38;5;208m', '\x1b[48;2;1;2;3m', '\x1b[0m'];
// Texts the shortcuts do not admit, mixed in so that both ways are compared.
const others = ['e\u0301', '👩‍👩‍👧', '\u0007', '\t', '\x1b[2J', '\x1b[4:3m', '\u200b', '🇬🇧', '\x1b]8;;https://x\x07', '日本'];
function* texts(count: number, withOthers: boolean): Generator<string> {
	let seed = 11;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
	for (let i = 0; i < count; i++) {
		let text = '';
		const length = next() % 24;
		for (let j = 0; j < length; j++) text += withOthers && next() % 7 === 0 ? others[next() % others.length] : pieces[next() % pieces.length];
		if (withOthers && next() % 5 === 0) text += '\nnext line';
		yield text;
	}
}

test('Ink cleans every text the sanitize shortcut admits to itself, and patched answers as unpatched everywhere', async () => {
	const original = (await import(pathToFileURL(join(inkBuild, 'sanitize-ansi.js')).href)) as {default: (text: string) => string};
	const fast = await patched<{default: (text: string) => string}>(join(inkBuild, 'sanitize-ansi.js'), patchSanitizeAnsi);
	const admits = new RegExp(INK_PLAIN_STYLED);
	let admitted = 0;
	for (const text of texts(5000, false)) {
		assert.ok(admits.test(text), JSON.stringify(text));
		assert.equal(original.default(text), text, JSON.stringify(text));
		admitted++;
	}
	assert.equal(admitted, 5000);
	for (const text of texts(5000, true)) assert.equal(fast.default(text), original.default(text), JSON.stringify(text));
	for (const text of ['a\u0007b', 'tab\there', 'x\x1b[2Jy', 'e\u0301', '\x1b[4:3mx', 'a\u200bb', '\u009b2J']) assert.equal(admits.test(text), false, JSON.stringify(text));
});

test('ansi-tokenize walking by UTF-16 unit gives the tokens walking by grapheme gives', async () => {
	type Tokenize = (text: string, endChar?: number) => unknown[];
	const original = (await import(pathToFileURL(tokenizeFile).href)) as {tokenize: Tokenize};
	const fast = await patched<{tokenize: Tokenize}>(tokenizeFile, patchTokenize);
	const oneUnit = new RegExp(ONE_UNIT_GRAPHEMES);
	let walkedByUnit = 0;
	for (const text of texts(5000, true)) {
		if (oneUnit.test(text)) walkedByUnit++;
		assert.deepEqual(fast.tokenize(text), original.tokenize(text), JSON.stringify(text));
		assert.deepEqual(fast.tokenize(text, 5), original.tokenize(text, 5), JSON.stringify(text));
	}
	assert.ok(walkedByUnit > 1000, `the shortcut was taken (${walkedByUnit} of 5,000)`);
});
