import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
	analyzeMessage,
	GSM_BASIC,
	GSM_EXTENSION,
	isGsmCharacter,
	suggestGsmReplacements,
} from '../../source/domain/messageParts.js';

const gsm = (n: number) => 'a'.repeat(n);
const ucs = (n: number) => '中'.repeat(n);

describe('GSM character sets', () => {
	it('has the 128 positions of the default alphabet (124 printable + space, LF, CR, ESC)', () => {
		assert.equal(GSM_BASIC.size, 128);
		for (const c of [' ', '\n', '\r', '\u001b', '@', '£', 'Δ', 'ß', '¡', '¿', 'å', 'w', 'x', 'N']) {
			assert.ok(GSM_BASIC.has(c), `basic set should contain ${JSON.stringify(c)}`);
		}
	});
	it('does not contain translation damage or common non-GSM characters', () => {
		for (const c of ['á', 'ı', '否', '’', '®', '™', '`', 'ç', 'Ç'.toLowerCase(), '\t']) {
			assert.ok(!GSM_BASIC.has(c), `basic set should not contain ${JSON.stringify(c)}`);
		}
	});
	it('has the nine extension characters', () => {
		assert.deepEqual([...GSM_EXTENSION].sort(), ['[', '\\', ']', '^', '{', '|', '}', '~', '€'].sort());
		assert.ok(isGsmCharacter('€'));
		assert.ok(!isGsmCharacter('`'));
	});
});

describe('analyzeMessage — guide examples', () => {
	it('180 GSM characters → 2 parts', () => {
		const r = analyzeMessage(gsm(180));
		assert.equal(r.encoding, 'GSM');
		assert.equal(r.characters, 180);
		assert.equal(r.parts, 2);
		assert.equal(r.perPart, 153);
	});
	it('71 Chinese characters → 2 parts of 67', () => {
		const r = analyzeMessage(ucs(71));
		assert.equal(r.encoding, 'UCS2');
		assert.equal(r.characters, 71);
		assert.equal(r.parts, 2);
		assert.equal(r.perPart, 67);
	});
	it('130 characters with one curly apostrophe → 2 parts; 1 part once replaced', () => {
		const body = "We’re" + gsm(125);
		assert.equal(body.length, 130);
		const r = analyzeMessage(body);
		assert.equal(r.encoding, 'UCS2');
		assert.equal(r.parts, 2);
		assert.deepEqual(r.ucs2Characters, ['’']);
		const fixed = suggestGsmReplacements(body);
		assert.equal(fixed, "We're" + gsm(125));
		const f = analyzeMessage(fixed);
		assert.equal(f.encoding, 'GSM');
		assert.equal(f.parts, 1);
	});
	it('481 GSM characters → 4 parts', () => {
		assert.equal(analyzeMessage(gsm(481)).parts, 4);
	});
});

describe('analyzeMessage — counting', () => {
	it('counts each extension character twice', () => {
		for (const c of GSM_EXTENSION) {
			const r = analyzeMessage(c);
			assert.equal(r.encoding, 'GSM');
			assert.equal(r.characters, 2, `${c} should count 2`);
		}
		assert.equal(analyzeMessage('€10 {x}').characters, 10);
	});
	it('80 euro signs (160 septets) fit one part, 81 need two', () => {
		assert.equal(analyzeMessage('€'.repeat(80)).parts, 1);
		assert.equal(analyzeMessage('€'.repeat(81)).parts, 2);
	});
	it('counts an emoji as 2 UTF-16 code units', () => {
		const r = analyzeMessage('😀');
		assert.equal(r.encoding, 'UCS2');
		assert.equal(r.characters, 2);
		assert.deepEqual(r.ucs2Characters, ['😀']);
		assert.equal(analyzeMessage('😀'.repeat(35)).parts, 1);
		assert.equal(analyzeMessage('😀'.repeat(35) + 'a').parts, 2);
	});
	it('lists distinct UCS-2 forcing characters in order of appearance', () => {
		assert.deepEqual(analyzeMessage('a™b®c™’').ucs2Characters, ['™', '®', '’']);
		assert.deepEqual(analyzeMessage('plain text').ucs2Characters, []);
	});
	it('counts extension characters as 1 code unit once the body is UCS-2', () => {
		const r = analyzeMessage('€中');
		assert.equal(r.encoding, 'UCS2');
		assert.equal(r.characters, 2);
	});
	it('empty body: GSM, 0 characters, 0 parts', () => {
		const r = analyzeMessage('');
		assert.deepEqual(r, {
			encoding: 'GSM',
			characters: 0,
			parts: 0,
			perPart: 160,
			remainingInPart: 160,
			maxCharacters: 1530,
			tooLong: false,
			ucs2Characters: [],
		});
	});
});

describe('analyzeMessage — boundaries', () => {
	it('GSM 160/161', () => {
		const a = analyzeMessage(gsm(160));
		assert.equal(a.parts, 1);
		assert.equal(a.perPart, 160);
		assert.equal(a.remainingInPart, 0);
		const b = analyzeMessage(gsm(161));
		assert.equal(b.parts, 2);
		assert.equal(b.remainingInPart, 306 - 161);
	});
	it('GSM 153×k and 153×k+1', () => {
		for (let k = 2; k <= 10; k++) {
			assert.equal(analyzeMessage(gsm(153 * k)).parts, k, `153×${k}`);
			assert.equal(analyzeMessage(gsm(153 * k)).remainingInPart, 0);
			if (k < 10) assert.equal(analyzeMessage(gsm(153 * k + 1)).parts, k + 1, `153×${k}+1`);
		}
	});
	it('GSM 1,530 is allowed, 1,531 is too long', () => {
		const a = analyzeMessage(gsm(1530));
		assert.equal(a.parts, 10);
		assert.equal(a.tooLong, false);
		assert.equal(a.maxCharacters, 1530);
		const b = analyzeMessage(gsm(1531));
		assert.equal(b.tooLong, true);
		assert.equal(b.parts, 11);
	});
	it('UCS-2 70/71', () => {
		const a = analyzeMessage(ucs(70));
		assert.equal(a.parts, 1);
		assert.equal(a.perPart, 70);
		assert.equal(a.remainingInPart, 0);
		assert.equal(analyzeMessage(ucs(71)).parts, 2);
	});
	it('UCS-2 67×k and 67×k+1', () => {
		for (let k = 2; k <= 9; k++) {
			assert.equal(analyzeMessage(ucs(67 * k)).parts, k, `67×${k}`);
			assert.equal(analyzeMessage(ucs(67 * k + 1)).parts, k + 1, `67×${k}+1`);
		}
	});
	it('UCS-2 630 is allowed, 631 is too long', () => {
		const a = analyzeMessage(ucs(630));
		assert.equal(a.tooLong, false);
		assert.equal(a.maxCharacters, 630);
		assert.equal(a.parts, 10);
		assert.equal(analyzeMessage(ucs(631)).tooLong, true);
	});
});

describe('suggestGsmReplacements', () => {
	it('replaces smart typography with GSM equivalents', () => {
		assert.equal(
			suggestGsmReplacements('“Hi” ‘there’ Brand® Name™ 1–2 — wait…'),
			'"Hi" \'there\' Brand(R) Name(TM) 1-2 - wait...',
		);
	});
	it('leaves GSM text and unrelated characters unchanged', () => {
		assert.equal(suggestGsmReplacements('Hello {world} €5'), 'Hello {world} €5');
		assert.equal(suggestGsmReplacements('你好'), '你好');
	});
	it('makes a typographic body GSM-encodable', () => {
		assert.equal(analyzeMessage(suggestGsmReplacements('It’s “Acme®” — now…')).encoding, 'GSM');
	});
});
