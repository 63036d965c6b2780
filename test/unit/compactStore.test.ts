import test from 'node:test';
import assert from 'node:assert/strict';
import {DistinctCounter, StringPool} from '../../source/domain/compactStore.js';

test('StringPool hands back the first copy of a value, and starts again past its limit', () => {
	const pool = new StringPool(3);
	const a = pool.intern(['TEXT_', 'DELIVERED'].join(''));
	assert.equal(pool.intern('TEXT_DELIVERED'), a);
	assert.equal(pool.intern(undefined), undefined);
	pool.intern('b');
	pool.intern('c');
	assert.equal(pool.size, 3);
	pool.intern('d');
	assert.equal(pool.size, 1, 'full: cleared, then the new value kept');
	assert.equal(pool.intern('TEXT_DELIVERED'), 'TEXT_DELIVERED');
});

test('DistinctCounter counts different values once each, through its growth, up to its limit', () => {
	const counter = new DistinctCounter();
	for (let round = 0; round < 3; round++) for (let i = 0; i < 50_000; i++) counter.add(`msg-${i}`);
	assert.equal(counter.size, 50_000);
	assert.equal(counter.add('msg-7'), false);
	assert.equal(counter.add('msg-50000'), true);
	assert.equal(counter.add(''), true, 'the empty string is a value like any other');
	assert.equal(counter.add(''), false);
	const capped = new DistinctCounter(10);
	for (let i = 0; i < 20; i++) capped.add(String(i));
	assert.equal(capped.size, 10);
});
