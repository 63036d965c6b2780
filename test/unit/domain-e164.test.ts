import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {parseE164, toE164} from '../../source/domain/e164.js';
import {SIMULATOR_DESTINATIONS} from '../../source/domain/simulatorNumbers.js';

function reason(input: string): string {
	const r = parseE164(input);
	assert.equal(r.ok, false, `${JSON.stringify(input)} should be refused`);
	return r.ok ? '' : r.reason;
}

describe('parseE164 — accepted numbers', () => {
	it('accepts a plain US number and names the country', () => {
		assert.deepEqual(parseE164('+12065550142'), {ok: true, e164: '+12065550142', isoCountryCode: 'US'});
	});
	it('trims surrounding whitespace', () => {
		assert.deepEqual(parseE164('  +447860019066\n'), {ok: true, e164: '+447860019066', isoCountryCode: 'GB'});
	});
	it('accepts every simulator number with its own country (Jersey → JE)', () => {
		for (const d of SIMULATOR_DESTINATIONS) {
			for (const n of [d.success, d.failure]) {
				assert.deepEqual(parseE164(n), {ok: true, e164: n, isoCountryCode: d.isoCountryCode}, n);
			}
		}
	});
	it('resolves shared calling codes by number ranges', () => {
		assert.equal((parseE164('+16135550142') as {isoCountryCode?: string}).isoCountryCode, 'CA');
		assert.equal((parseE164('+447937404990') as {isoCountryCode?: string}).isoCountryCode, 'JE');
	});
	it('accepts numbers libphonenumber considers invalid, falling back to the main country of the code', () => {
		assert.deepEqual(parseE164('+15555555555'), {ok: true, e164: '+15555555555', isoCountryCode: 'US'});
		assert.deepEqual(parseE164('+44123456789'), {ok: true, e164: '+44123456789', isoCountryCode: 'GB'});
	});
	it('accepts non-geographic codes without a country', () => {
		assert.deepEqual(parseE164('+80012345678'), {ok: true, e164: '+80012345678'});
	});
	it('length boundaries: 8 and 15 digits accepted, 7 and 16 refused', () => {
		assert.equal(parseE164('+12345678').ok, true);
		assert.equal(parseE164('+123456789012345').ok, true);
		assert.match(reason('+1234567'), /Too short.*8 to 15 digits.*has 7/);
		assert.match(reason('+1234567890123456'), /Too long.*at most 15 digits.*has 16/);
	});
	it('toE164 returns the number or undefined', () => {
		assert.equal(toE164(' +14254147755 '), '+14254147755');
		assert.equal(toE164('4254147755'), undefined);
	});
});

describe('parseE164 — refused input with reasons that say how to fix it', () => {
	it('spaces, hyphens and parentheses: shows the compact form', () => {
		const r = reason('+1 (206) 555-0142');
		assert.match(r, /without spaces, hyphens or parentheses/);
		assert.ok(r.includes('+12065550142'), r);
		assert.ok(reason('+44 7860-019066').includes('+447860019066'));
		assert.ok(reason('+1.206.555.0142').includes('+12065550142'));
	});
	it('missing +', () => {
		assert.match(reason('12065550142'), /Start the number with \+ and the country code/);
		assert.match(reason('(206) 555-0142'), /\+ and the country code/);
	});
	it('00 international prefix', () => {
		assert.match(reason('00447860019066'), /\+ instead of 00: \+447860019066/);
		assert.match(reason('0044 7860 019066'), /\+447860019066/);
	});
	it('letters and other characters', () => {
		assert.match(reason('+1206CALLNOW'), /not a phone number.*\+ and digits only/);
		assert.match(reason('call me'), /not a phone number/);
	});
	it('misplaced or repeated +', () => {
		assert.match(reason('++12065550142'), /single \+/);
		assert.match(reason('1+2065550142'), /single \+/);
	});
	it('empty input', () => {
		assert.match(reason(''), /Enter a phone number/);
		assert.match(reason('   '), /Enter a phone number/);
		assert.match(reason('+'), /Too short/);
	});
	it('country code starting with 0', () => {
		assert.match(reason('+012065550142'), /cannot start with 0/);
	});
	it('unknown country calling code', () => {
		assert.match(reason('+999123456789'), /\+999 is not a known country calling code/);
	});
	it('limits the echo of long hostile input', () => {
		const r = reason('x'.repeat(500));
		assert.ok(r.length < 200, r);
	});
});
