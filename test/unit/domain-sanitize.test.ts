import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {safeJson, safeText} from '../../source/domain/sanitize.js';
import {HOSTILE, HOSTILE_ALL} from '../../source/emulator/smsvoice/hostile.js';

/** Anything a terminal acts on or that breaks a line: C0, DEL, C1, U+2028/2029, bidi embeddings/overrides/isolates. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

describe('safeText', () => {
	it('returns clean text as it is (the same string)', () => {
		for (const text of ['', 'Hello world', 'Café 你好 😀 €5 {x} ␛ "quoted"', 'x'.repeat(10_000)]) assert.equal(safeText(text), text);
	});
	it('shows C0 controls and DEL as their control pictures', () => {
		assert.equal(safeText('a\x1bb'), 'a␛b');
		assert.equal(safeText('line1\nline2\rline3\tend\x07\x00\x7f'), 'line1␊line2␍line3␉end␇␀␡');
		for (let c = 0; c < 0x20; c++) assert.equal(safeText(String.fromCharCode(c)), String.fromCharCode(0x2400 + c));
	});
	it('shows C1 controls, line separators and bidi controls as \\u escapes', () => {
		assert.equal(safeText('\x9b31mred'), '\\u009b31mred');
		assert.equal(safeText('a\u2028b\u2029c\u0085d'), 'a\\u2028b\\u2029c\\u0085d');
		assert.equal(safeText('evil\u202etxt.exe'), 'evil\\u202etxt.exe');
		for (const c of [0x202a, 0x202b, 0x202c, 0x202d, 0x2066, 0x2067, 0x2068, 0x2069]) {
			assert.equal(safeText(String.fromCharCode(c)), `\\u${c.toString(16)}`);
		}
		for (let c = 0x80; c <= 0x9f; c++) assert.equal(safeText(String.fromCharCode(c)), `\\u00${c.toString(16)}`);
	});
	it('leaves every escape sequence readable and inert: OSC 52, OSC 0, OSC 8, CSI, SGR, DCS, APC', () => {
		const shown: [string, string][] = [
			['\x1b]52;c;cm0gLXJmIH4=\x07', '␛]52;c;cm0gLXJmIH4=␇'],
			['\x1b]0;title\x1b\\', '␛]0;title␛\\'],
			['\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', '␛]8;;https://evil.example␛\\click␛]8;;␛\\'],
			['\x1b[2J\x1b[6n\x1b[31;1mred\x1b[0m', '␛[2J␛[6n␛[31;1mred␛[0m'],
			['\x1bP1$r0m\x1b\\\x1b_Gf=100\x1b\\', '␛P1$r0m␛\\␛_Gf=100␛\\'],
		];
		for (const [text, expected] of shown) assert.equal(safeText(text), expected);
	});
	it('never leaves an active character, whatever the input', () => {
		let all = '';
		for (let c = 0; c < 0x2100; c++) all += String.fromCharCode(c);
		assert.ok(!ACTIVE.test(safeText(all)));
		for (const payload of Object.values(HOSTILE)) assert.ok(!ACTIVE.test(safeText(payload)), JSON.stringify(payload));
		assert.ok(!ACTIVE.test(safeText(HOSTILE_ALL)));
	});
	it('keeps one field on one line: a forged line stays inside it', () => {
		const shown = safeText(HOSTILE.fakeLine);
		assert.equal(shown.split('\n').length, 1);
		assert.ok(shown.includes('␊'));
	});
});

describe('safeJson', () => {
	it('is JSON.stringify when nothing needs escaping', () => {
		const value = {a: 'Café 你好', b: [1, true, null], c: 'x\ny'};
		assert.equal(safeJson(value), JSON.stringify(value));
		assert.equal(safeJson(value, 2), JSON.stringify(value, null, 2));
		assert.equal(safeJson(undefined), 'null');
	});
	it('escapes what JSON.stringify leaves raw: DEL, C1, U+2028/2029, bidi controls', () => {
		const value = {s: '\x7f\x9b\u2028\u2029\u202e\u2066', ['k\u202e']: 1};
		const json = safeJson(value);
		assert.equal(json, '{"s":"\\u007f\\u009b\\u2028\\u2029\\u202e\\u2066","k\\u202e":1}');
		assert.deepEqual(JSON.parse(json), value);
	});
	it('round-trips every hostile payload with no active character in the text', () => {
		const value = {...HOSTILE, all: HOSTILE_ALL, nested: [{x: HOSTILE_ALL}]};
		for (const space of [undefined, 2]) {
			const json = safeJson(value, space);
			assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/.test(json));
			if (space === undefined) assert.ok(!json.includes('\n'));
			assert.deepEqual(JSON.parse(json), value);
		}
	});
});
