import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {INK_PLAIN_STYLED, ONE_UNIT_GRAPHEMES, patchLogUpdate, patchOutput, patchSanitizeAnsi, patchStyledChars, patchTokenize} from '../../source/tools/inkPatches.mjs';

// The bundle takes shortcuts in Ink's drawing of frame text (source/tools/inkPatches.mjs). Each is held here to
// the unpatched module's own answer: the patched file is written beside a copy of the original and both are asked.
const require = createRequire(import.meta.url);
const inkBuild = dirname(require.resolve('ink'));
const tokenizeFile = join(dirname(require.resolve('@alcalzone/ansi-tokenize/package.json')), 'build', 'tokenize.js');
const styledCharsFile = join(dirname(tokenizeFile), 'styledChars.js');

/** Where `bare` leads from `file`, also for a package that exports an ES entry only (ansi-tokenize). */
function resolveFrom(file: string, bare: string): string {
	const from = createRequire(file);
	try {
		return from.resolve(bare);
	} catch {
		const manifest = from.resolve(`${bare}/package.json`);
		const {exports} = JSON.parse(readFileSync(manifest, 'utf8')) as {exports: {'.': {import: string}}};
		return join(dirname(manifest), exports['.'].import);
	}
}

/** The module `file` with `patch` applied, its relative imports pointing at the originals. */
async function patched<T>(file: string, patch: (text: string) => string): Promise<T> {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-ink-patch-'));
	const text = patch(readFileSync(file, 'utf8'))
		.replaceAll(/from ["'](\.\/[^"']+)["']/g, (_m, rel: string) => `from ${JSON.stringify(pathToFileURL(join(dirname(file), rel)).href)}`)
		.replaceAll(/from ["']([a-z@][^"'.][^"']*)["']/g, (_m, bare: string) => `from ${JSON.stringify(pathToFileURL(resolveFrom(file, bare)).href)}`);
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

type StyledChar = {type: string; value: string; fullWidth: boolean; styles: Array<{code: string; endCode: string}>};
type StyledChars = {styledCharsFromTokens: (tokens: unknown[]) => StyledChar[]; styledCharsToString: (chars: StyledChar[]) => string};

test('ansi-tokenize with shared style lists and remembered style changes gives the characters and text it gave', async () => {
	const {tokenize} = (await import(pathToFileURL(tokenizeFile).href)) as {tokenize: (text: string) => unknown[]};
	const original = (await import(pathToFileURL(styledCharsFile).href)) as StyledChars;
	const fast = await patched<StyledChars>(styledCharsFile, patchStyledChars);
	const all = [...texts(5000, true)];
	const before: StyledChar[][] = [];
	const after: StyledChar[][] = [];
	for (const text of all) {
		const a = original.styledCharsFromTokens(tokenize(text));
		const b = fast.styledCharsFromTokens(tokenize(text));
		assert.deepEqual(b, a, JSON.stringify(text));
		assert.equal(fast.styledCharsToString(b), original.styledCharsToString(a), JSON.stringify(text));
		before.push(a);
		after.push(b);
	}
	// A frame's row is pieces of several texts side by side, each with its own styles.
	for (let i = 0; i + 3 <= all.length; i += 3) {
		const a = [...before[i], ...before[i + 1].slice(2), ...before[i + 2]];
		const b = [...after[i], ...after[i + 1].slice(2), ...after[i + 2]];
		assert.equal(fast.styledCharsToString(b), original.styledCharsToString(a), JSON.stringify(all.slice(i, i + 3)));
	}
	// More style changes than are kept (a link per address): the oldest are forgotten, the text stays right.
	for (let i = 0; i < 2500; i++) {
		const text = `\x1b[1m\x1b]8;;https://example.com/${i}\x07link ${i}\x1b]8;;\x07\x1b[22m \x1b[3${i % 8}mx\x1b[39m`;
		assert.equal(fast.styledCharsToString(fast.styledCharsFromTokens(tokenize(text))), original.styledCharsToString(original.styledCharsFromTokens(tokenize(text))), text);
	}
});

type OutputLike = {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type OutputClass = {default: new (options: {width: number; height: number}) => OutputLike};

test("Ink's Output with one blank cell and one ignorable check per text draws the frames it drew", async () => {
	const original = (await import(pathToFileURL(join(inkBuild, 'output.js')).href)) as OutputClass;
	const fast = await patched<OutputClass>(join(inkBuild, 'output.js'), patchOutput);
	const pool = [...texts(3000, true), 'a\u00adb', '\u200b', 'x\ufeffy', '\x1b[31m\u2060\x1b[39m'];
	const transformers: Array<Array<(line: string, index: number) => string>> = [[], [line => line.toUpperCase()], [(line, index) => `\x1b[3${index % 8}m${line}\x1b[39m`]];
	let seed = 7;
	const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
	for (let frame = 0; frame < 400; frame++) {
		const width = 5 + next(60);
		const height = 1 + next(8);
		const a = new original.default({width, height});
		const b = new fast.default({width, height});
		let clips = 0;
		for (let op = next(12); op >= 0; op--) {
			const kind = next(10);
			if (kind === 0) {
				const clip = {x1: next(width), x2: next(width + 4), y1: next(height), y2: next(height + 2)};
				a.clip(clip);
				b.clip(clip);
				clips++;
			} else if (kind === 1 && clips > 0) {
				a.unclip();
				b.unclip();
				clips--;
			} else {
				const x = next(width + 6) - 3;
				const y = next(height + 2) - 1;
				const text = pool[next(pool.length)];
				const options = {transformers: transformers[next(transformers.length)]};
				a.write(x, y, text, options);
				b.write(x, y, text, options);
			}
		}
		assert.deepEqual(b.get(), a.get(), `frame ${frame}`);
	}
});

type LogUpdate = {default: {create: (stream: NodeJS.WritableStream, options: {incremental: boolean}) => (text: string) => boolean}};

test("Ink's incremental writer with runs of line steps as one writes what it wrote, in fewer bytes", async () => {
	const original = (await import(pathToFileURL(join(inkBuild, 'log-update.js')).href)) as LogUpdate;
	const fast = await patched<LogUpdate>(join(inkBuild, 'log-update.js'), patchLogUpdate);
	const sink = () => {
		const chunks: string[] = [];
		return {chunks, stream: {columns: 60, rows: 30, write: (chunk: string) => chunks.push(chunk) > 0, on() {}, off() {}} as unknown as NodeJS.WritableStream};
	};
	const a = sink();
	const b = sink();
	const renderA = original.default.create(a.stream, {incremental: true});
	const renderB = fast.default.create(b.stream, {incremental: true});
	let seed = 3;
	const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
	let lines = Array.from({length: 30}, (_, i) => `row ${i}`);
	for (let frame = 0; frame < 300; frame++) {
		lines = lines.map(line => (next(10) === 0 ? `\x1b[3${next(8)}mrow ${next(1000)}\x1b[39m` : line));
		if (next(20) === 0) lines = lines.slice(0, 20 + next(10));
		while (lines.length < 30 && next(3) === 0) lines.push(`new ${next(99)}`);
		const text = lines.join('\n');
		renderA(text);
		renderB(text);
	}
	assert.equal(a.chunks.length, b.chunks.length);
	const expand = (chunk: string) => chunk.replaceAll(/\u001B\[(\d+)E/g, (_m, n: string) => '\u001B[E'.repeat(Number(n)));
	for (let i = 0; i < a.chunks.length; i++) assert.equal(expand(b.chunks[i]), a.chunks[i], `frame ${i}`);
	const bytes = (chunks: string[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);
	assert.ok(bytes(b.chunks) < bytes(a.chunks) * 0.8, `${bytes(b.chunks)} of ${bytes(a.chunks)} bytes`);
});
