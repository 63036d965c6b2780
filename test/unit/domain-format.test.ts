import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {formatBool, formatCount, formatDollars, formatPrice, formatTime, groupThousands} from '../../source/domain/format.js';

describe('formatCount', () => {
	it('groups thousands', () => {
		assert.equal(formatCount(0), '0');
		assert.equal(formatCount(999), '999');
		assert.equal(formatCount(1024), '1,024');
		assert.equal(formatCount(1_234_567), '1,234,567');
		assert.equal(formatCount(-1024), '-1,024');
		assert.equal(formatCount(1.5), '1.5');
	});
	it('writes whole numbers as en-US toLocaleString does, without it', () => {
		const samples = [0, 1, 12, 123, 1234, 12_345, 123_456, 1_234_567, 10_000_000, Number.MAX_SAFE_INTEGER];
		for (let digits = 1; digits <= 16; digits++) samples.push(Number('9'.repeat(digits)), 10 ** (digits - 1));
		for (const n of samples.flatMap(x => (x === 0 ? [x] : [x, -x]))) assert.equal(groupThousands(n), n.toLocaleString('en-US'), String(n));
	});
	it('shows a dash for missing values', () => {
		assert.equal(formatCount(undefined), '–');
		assert.equal(formatCount(Number.NaN), '–');
	});
});

describe('formatPrice', () => {
	it('keeps event-price precision', () => {
		assert.equal(formatPrice(0.00581), '$0.00581');
		assert.equal(formatPrice(0.09582), '$0.09582');
		assert.equal(formatPrice(0.013), '$0.013');
		assert.equal(formatPrice(0.00266), '$0.00266');
	});
	it('uses at least two decimals and groups thousands', () => {
		assert.equal(formatPrice(0), '$0.00');
		assert.equal(formatPrice(5), '$5.00');
		assert.equal(formatPrice(1234.5), '$1,234.50');
	});
	it('rounds beyond five decimals and handles negatives', () => {
		assert.equal(formatPrice(0.000004), '$0.00');
		assert.equal(formatPrice(0.123456), '$0.12346');
		assert.equal(formatPrice(-1), '-$1.00');
		assert.equal(formatPrice(-0.000001), '$0.00');
	});
	it('shows a dash for missing values', () => {
		assert.equal(formatPrice(undefined), '–');
		assert.equal(formatPrice(Number.POSITIVE_INFINITY), '–');
	});
});

describe('formatDollars', () => {
	it('formats whole-dollar limits', () => {
		assert.equal(formatDollars(1), '$1');
		assert.equal(formatDollars(10_000), '$10,000');
		assert.equal(formatDollars(undefined), '–');
	});
});

describe('formatTime', () => {
	const t = Date.UTC(2024, 2, 7, 9, 5, 3, 42);
	it('formats UTC with a Z suffix', () => {
		assert.equal(formatTime(t, {utc: true}), '2024-03-07 09:05:03Z');
		assert.equal(formatTime(t, {utc: true, ms: true}), '2024-03-07 09:05:03.042Z');
		assert.equal(formatTime(0, {utc: true}), '1970-01-01 00:00:00Z');
	});
	it('formats local time without a suffix', () => {
		const d = new Date(t);
		const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ` +
			`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
		assert.equal(formatTime(t), expected);
		assert.ok(!formatTime(t).endsWith('Z'));
	});
	it('shows a dash for invalid times', () => {
		assert.equal(formatTime(undefined), '–');
		assert.equal(formatTime(Number.NaN), '–');
		assert.equal(formatTime(8.64e15 + 1), '–');
	});
});

describe('formatBool', () => {
	it('uses check marks, or words in ASCII mode', () => {
		assert.equal(formatBool(true), '✓');
		assert.equal(formatBool(false), '✗');
		assert.equal(formatBool(true, true), 'yes');
		assert.equal(formatBool(false, true), 'no');
	});
	it('shows a dash for unknown', () => {
		assert.equal(formatBool(undefined), '–');
		assert.equal(formatBool(undefined, true), '-');
	});
});
