import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {stripTerminalEscapes, toSingleLine} from '../../source/domain/sanitize.js';

const s = stripTerminalEscapes;

describe('stripTerminalEscapes', () => {
	it('leaves ordinary text, tabs, newlines and Unicode alone', () => {
		const text = 'Hello\tworld\nCafé 你好 😀 €5 {x} \u202Eabc';
		assert.equal(s(text), text);
		assert.equal(s(''), '');
	});
	it('removes an OSC 52 clipboard write (BEL and ST terminated)', () => {
		assert.equal(s('a\x1b]52;c;cm0gLXJmIH4=\x07b'), 'ab');
		assert.equal(s('a\x1b]52;c;cm0gLXJmIH4=\x1b\\b'), 'ab');
		assert.equal(s('a\x9d52;c;cm0=\x9cb'), 'ab');
	});
	it('removes OSC title changes and hyperlinks, keeping the link text', () => {
		assert.equal(s('\x1b]0;pwned\x07ok'), 'ok');
		assert.equal(s('\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\'), 'click');
	});
	it('removes CSI sequences: clear screen, colours, cursor moves, private modes', () => {
		assert.equal(s('\x1b[2Jcleared'), 'cleared');
		assert.equal(s('\x1b[31mred\x1b[0m'), 'red');
		assert.equal(s('\x1b[38;2;255;0;0mX\x1b[m'), 'X');
		assert.equal(s('a\x1b[10;20Hb\x1b[?1049hc\x1b[?25l'), 'abc');
		assert.equal(s('\x1b[>0;1c'), '');
	});
	it('removes 8-bit CSI (0x9B)', () => {
		assert.equal(s('\x9b31mred\x9b0m'), 'red');
	});
	it('removes DCS, SOS, PM and APC strings (7-bit and 8-bit)', () => {
		assert.equal(s('a\x1bP1$r0m\x1b\\b'), 'ab');
		assert.equal(s('a\x1bXsos\x1b\\b'), 'ab');
		assert.equal(s('a\x1b^pm\x1b\\b'), 'ab');
		assert.equal(s('a\x1b_Gf=100;AAAA\x1b\\b'), 'ab');
		assert.equal(s('a\x90dcs\x9cb\x98x\x9cc\x9ey\x9cd\x9fz\x9ce'), 'abcde');
	});
	it('removes an unterminated string sequence up to the end', () => {
		assert.equal(s('visible\x1b]52;c;payload'), 'visible');
		assert.equal(s('visible\x1bPpayload'), 'visible');
	});
	it('removes single-character escape sequences and a trailing ESC', () => {
		assert.equal(s('a\x1bcb'), 'ab');
		assert.equal(s('a\x1b7b\x1b8c'), 'abc');
		assert.equal(s('a\x1b(Bb'), 'ab');
		assert.equal(s('a\x1b#8b'), 'ab');
		assert.equal(s('end\x1b'), 'end');
	});
	it('removes C0 controls other than tab/newline, DEL and C1 controls', () => {
		assert.equal(s('a\x00b\x07c\x08d\x0be\x0cf\x7fg'), 'abcdefg');
		assert.equal(s('a\x85b\x8dc\x9ad'), 'abcd');
		for (let c = 0; c < 0x20; c++) {
			if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x1b) continue;
			assert.equal(s(`x${String.fromCharCode(c)}y`), 'xy', `C0 0x${c.toString(16)}`);
		}
		for (let c = 0x80; c <= 0x9f; c++) {
			assert.ok(!/[\x80-\x9f]/.test(s(`x${String.fromCharCode(c)}y`)), `C1 0x${c.toString(16)}`);
		}
	});
	it('turns carriage returns into line feeds so text cannot overwrite a line', () => {
		assert.equal(s('ok\rEVIL'), 'ok\nEVIL');
		assert.equal(s('one\r\ntwo'), 'one\ntwo');
	});
	it('does not leave an escape character behind for any input', () => {
		const hostile = '\x1b[\x1b]\x1bP\x1b\x1b[31\x1b]0;\x9b\x9d\x1b\\\x1b[?';
		assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(s(hostile)));
	});
	it('does not swallow printable text after a malformed CSI', () => {
		assert.equal(s('\x1b[12;\u00e9t\u00e9'), 'été');
	});
});

describe('toSingleLine', () => {
	it('folds newlines and tabs into single spaces', () => {
		assert.equal(toSingleLine('one\ntwo\r\n\r\nthree\tfour'), 'one two three four');
	});
	it('also strips escapes', () => {
		assert.equal(toSingleLine('\x1b[2Jhi\nthere\x1b]52;c;x\x07'), 'hi there');
	});
});
