import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {checkDuration, formatAge, parseDuration, parseSince} from '../../source/domain/duration.js';

const NOW = Date.UTC(2024, 2, 27, 12, 0, 0);

describe('parseDuration', () => {
	it('parses each unit', () => {
		assert.equal(parseDuration('250ms'), 250);
		assert.equal(parseDuration('30s'), 30_000);
		assert.equal(parseDuration('5m'), 300_000);
		assert.equal(parseDuration('1h'), 3_600_000);
		assert.equal(parseDuration('2d'), 172_800_000);
		assert.equal(parseDuration('1w'), 604_800_000);
	});
	it('parses combinations, spaces and upper case', () => {
		assert.equal(parseDuration('1h30m'), 5_400_000);
		assert.equal(parseDuration('1h 30m 15s'), 5_415_000);
		assert.equal(parseDuration(' 2M '), 120_000);
		assert.equal(parseDuration('1m500ms'), 60_500);
	});
	it('takes a bare number as seconds', () => {
		assert.equal(parseDuration('60'), 60_000);
		assert.equal(parseDuration('0'), 0);
	});
	it('refuses anything else', () => {
		for (const bad of ['', 'abc', '5x', '-5s', '1.5h', 'h', '5 minutes', '1h-', 's5']) {
			assert.equal(parseDuration(bad), undefined, bad);
		}
		assert.equal(parseDuration('9'.repeat(30) + 'w'), undefined);
	});
	it('gives reasons', () => {
		const r = checkDuration('5 minutes');
		assert.ok(!r.ok && /not a duration.*30s, 5m/.test(r.reason));
		const bare = checkDuration('30');
		assert.ok(!bare.ok && /Add a unit.*30s/.test(bare.reason));
	});
});

describe('parseSince', () => {
	it('subtracts durations from now', () => {
		assert.deepEqual(parseSince('30s', NOW), {ok: true, time: NOW - 30_000});
		assert.deepEqual(parseSince('5m', NOW), {ok: true, time: NOW - 300_000});
		assert.deepEqual(parseSince('1h30m', NOW), {ok: true, time: NOW - 5_400_000});
		assert.deepEqual(parseSince('1w', NOW), {ok: true, time: NOW - 604_800_000});
	});
	it('accepts ISO 8601 date-times', () => {
		assert.deepEqual(parseSince('2024-03-27T10:15:30Z', NOW), {ok: true, time: Date.UTC(2024, 2, 27, 10, 15, 30)});
		assert.deepEqual(parseSince('2024-03-27T10:15:30.250Z', NOW), {ok: true, time: Date.UTC(2024, 2, 27, 10, 15, 30, 250)});
		assert.deepEqual(parseSince('2024-03-27T12:15+02:00', NOW), {ok: true, time: Date.UTC(2024, 2, 27, 10, 15)});
		assert.deepEqual(parseSince('2024-03-27T12:15:00+0200', NOW), {ok: true, time: Date.UTC(2024, 2, 27, 10, 15)});
		assert.deepEqual(parseSince('2024-03-26', NOW), {ok: true, time: Date.UTC(2024, 2, 26)});
	});
	it('reads a date-time without offset as local time', () => {
		const r = parseSince('2024-03-26T08:00', NOW);
		assert.deepEqual(r, {ok: true, time: new Date(2024, 2, 26, 8, 0).getTime()});
	});
	it('refuses future times and impossible dates', () => {
		const future = parseSince('2024-03-28T00:00:00Z', NOW);
		assert.ok(!future.ok && /in the future/.test(future.reason));
		const feb30 = parseSince('2024-02-30', NOW);
		assert.ok(!feb30.ok && /not a valid date/.test(feb30.reason));
		assert.equal(parseSince('2024-13-01', NOW).ok, false);
		assert.equal(parseSince('2023-02-29', NOW).ok, false);
		assert.equal(parseSince('2024-02-29', NOW).ok, true);
	});
	it('refuses bare numbers and garbage with a helpful reason', () => {
		const bare = parseSince('30', NOW);
		assert.ok(!bare.ok && /Add a unit/.test(bare.reason));
		const junk = parseSince('yesterday', NOW);
		assert.ok(!junk.ok && /ISO 8601/.test(junk.reason));
		assert.equal(parseSince('', NOW).ok, false);
	});
});

describe('formatAge', () => {
	it('formats seconds, minutes, hours and days', () => {
		assert.equal(formatAge(0), '0s');
		assert.equal(formatAge(999), '0s');
		assert.equal(formatAge(3_000), '3s');
		assert.equal(formatAge(59_999), '59s');
		assert.equal(formatAge(60_000), '1m');
		assert.equal(formatAge(150_000), '2m');
		assert.equal(formatAge(3_599_999), '59m');
		assert.equal(formatAge(3_600_000), '1h');
		assert.equal(formatAge(3_840_000), '1h4m');
		assert.equal(formatAge(86_399_999), '23h59m');
		assert.equal(formatAge(86_400_000), '1d');
		assert.equal(formatAge(2 * 86_400_000 + 3 * 3_600_000), '2d3h');
	});
	it('shows clock skew and nonsense as 0s', () => {
		assert.equal(formatAge(-5_000), '0s');
		assert.equal(formatAge(Number.NaN), '0s');
	});
});
