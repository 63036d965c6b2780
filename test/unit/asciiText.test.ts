import {test} from 'node:test';
import assert from 'node:assert/strict';
import {asciiText, ASCII_FALLBACK} from '../../source/theme/theme.js';
import {cellWidth} from '../../source/domain/textWidth.js';

test('asciiText: every fallback is ASCII and as wide as its glyph; other characters keep their width too', () => {
	for (const [glyph, ascii] of Object.entries(ASCII_FALLBACK)) {
		assert.match(ascii, /^[\x20-\x7e]$/, `${glyph} has a printable ASCII fallback`);
		assert.equal(cellWidth(ascii), cellWidth(glyph), `${glyph} keeps its width`);
	}
	assert.equal(asciiText('us-east-1 · +1206 → US — loading…'), 'us-east-1 . +1206 > US - loading.');
	assert.equal(asciiText('✓ ok ✗ no ▸ row ▲▼ │ ─'), '+ ok x no > row ^v | -');
	assert.equal(asciiText('Café Ünïcode'), 'Cafe Unicode');
	assert.equal(asciiText('日本'), '????', 'wide characters keep their two cells');
	assert.equal(asciiText('\x1b[1mplain\x1b[22m'), '\x1b[1mplain\x1b[22m', 'escape sequences pass');
	const mixed = 'Status path PENDING → SUCCESSFUL → DELIVERED · 1 part · €0.01 · 日本 · e\u0301';
	assert.equal(cellWidth(asciiText(mixed)), cellWidth(mixed));
	assert.match(asciiText(mixed), /^[\x00-\x7f]*$/);
});
