import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cellWidth, fit, truncate, wrapCells} from '../../source/domain/textWidth.js';

// Printable ASCII takes a short way past the grapheme segmenter; it must cut where the segmenter's way cuts.
function* asciiTexts(count: number): Generator<string> {
	let seed = 5;
	const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
	for (let i = 0; i < count; i++) {
		let text = '';
		for (let j = next(40); j > 0; j--) text += String.fromCharCode(0x20 + next(0x5f));
		yield text;
	}
}

test('printable ASCII is cut and wrapped by cells, with the ellipsis inside the width', () => {
	for (const text of asciiTexts(2000)) {
		for (const width of [0, 1, 2, 5, 17, 40]) {
			const cut = truncate(text, width);
			const expected = width <= 0 ? '' : text.length <= width ? text : text.slice(0, width - 1) + '…';
			assert.equal(cut, expected, JSON.stringify([text, width]));
			assert.ok(cellWidth(cut) <= Math.max(0, width));
			assert.equal(cellWidth(fit(text, width)), Math.max(0, width));
			assert.equal(truncate(text, width, '...'), width <= 0 ? '' : text.length <= width ? text : width <= 3 ? '...'.slice(0, width) : text.slice(0, width - 3) + '...');
			const lines = wrapCells(text, width);
			assert.equal(lines.join(''), text);
			for (const line of lines) assert.ok(line.length <= Math.max(1, width) && (line.length > 0 || text === ''));
		}
	}
});

test('text beyond ASCII still keeps graphemes whole and wide characters within the width', () => {
	assert.equal(truncate('日本語のテキスト', 7), '日本語…');
	assert.equal(truncate('e\u0301e\u0301e\u0301e\u0301', 3), 'e\u0301e\u0301…');
	assert.deepEqual(wrapCells('日本語', 3), ['日', '本', '語']);
	assert.deepEqual(wrapCells('ab日', 3), ['ab', '日']);
});
