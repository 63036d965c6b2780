// The picker's pure state: type to filter, ←/→ among the matches, the value it stands on.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {pickEdit, pickMatches, pickStart, pickStep, pickSummary, pickValue} from '../../source/components/pickList.js';

const lists = ['Default', 'marketing-optouts', 'Market-EU'];

test('filtering is a case-insensitive substring; the value moves to the first match when the old one stops matching', () => {
	assert.deepEqual(pickMatches(lists, 'MARK'), ['marketing-optouts', 'Market-EU']);
	let s = pickStart('Default');
	assert.equal(pickValue(s, lists), 'Default');
	assert.equal(pickSummary(s, lists), '1 of 3');
	for (const ch of 'mark') s = pickEdit(s, lists, {type: 'insert', text: ch});
	assert.equal(pickValue(s, lists), 'marketing-optouts');
	assert.equal(pickSummary(s, lists), '1 of 2 matching "mark"');
	s = pickStep(s, lists, 1);
	assert.equal(pickValue(s, lists), 'Market-EU');
	s = pickStep(s, lists, 1);
	assert.equal(pickValue(s, lists), 'marketing-optouts', 'wraps around');
	s = pickEdit(s, lists, {type: 'insert', text: 'zz'});
	assert.equal(pickValue(s, lists), '', 'no match: no value');
	assert.equal(pickSummary(s, lists), 'no match for "markzz"');
});

test('before the options load the initial value stands', () => {
	const s = pickStart('Default');
	assert.equal(pickValue(s, []), 'Default');
	assert.equal(pickSummary(s, []), 'none loaded');
	assert.equal(pickValue(s, lists), 'Default');
});
