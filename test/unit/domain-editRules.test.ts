// Rules checked before any change is sent: keywords (HELP/STOP, lengths, quota), settings, release, requests.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {checkKeywordEdit, checkKeywordPut, isLockedKeyword} from '../../source/domain/keywordRules.js';
import {checkChannelArn, checkNumberRequest, checkOptOutListName, checkRelease, checkSettings, type Settings} from '../../source/domain/settingsRules.js';

const put = (over: Partial<Parameters<typeof checkKeywordPut>[0]> = {}) =>
	checkKeywordPut({keyword: 'JOIN', message: 'Welcome', action: 'AUTOMATIC_RESPONSE', existing: ['HELP', 'STOP'], ...over});

test('HELP and STOP cannot be changed, whatever the case or spaces; other keywords can', () => {
	for (const k of ['HELP', 'help', ' Stop ', 'STOP']) {
		assert.equal(isLockedKeyword(k), true, k);
		assert.equal(checkKeywordEdit(k).ok, false, k);
		assert.equal(put({keyword: k.trim(), action: 'OPT_OUT'}).ok, false, k);
	}
	assert.equal(checkKeywordEdit('HELPME').ok, true);
	assert.equal(checkKeywordEdit('UNSUBSCRIBE').ok, true);
});

test('keyword put: 30 characters pass, 31 fail; message 1600 pass, 1601 fail; action must be known', () => {
	assert.equal(put({keyword: 'K'.repeat(30)}).ok, true);
	assert.match((put({keyword: 'K'.repeat(31)}) as {reason: string}).reason, /at most 30/);
	assert.equal(put({message: 'm'.repeat(1600)}).ok, true);
	assert.match((put({message: 'm'.repeat(1601)}) as {reason: string}).reason, /1,600/);
	assert.equal(put({message: '   '}).ok, false);
	assert.equal(put({action: 'REPLY'}).ok, false);
	assert.equal(put({keyword: 'QUIT', action: 'AUTOMATIC_RESPONSE'}).ok, false, 'mandatory opt-out keywords stay OPT_OUT');
	assert.equal(put({keyword: 'QUIT', action: 'OPT_OUT'}).ok, true);
});

test('keyword quota: the 30th keyword fits, the 31st does not; replacing an existing one always fits', () => {
	const existing = (n: number) => ['HELP', 'STOP', ...Array.from({length: n - 2}, (_, i) => `K${i}`)];
	assert.equal(put({existing: existing(29)}).ok, true);
	assert.match((put({existing: existing(30)}) as {reason: string}).reason, /quota is 30/);
	assert.equal(put({keyword: 'k0', existing: existing(30)}).ok, true);
});

const base: Settings = {twoWay: false, channelArn: '', selfManagedOptOuts: false, sharedRoutes: false, deletionProtection: false, optOutList: 'Default'};

test('settings: two-way on needs a channel ARN of 20..2048 characters; self-managed opt-outs need two-way', () => {
	assert.equal(checkSettings({...base, twoWay: true}, base).ok, false);
	assert.equal(checkChannelArn('a'.repeat(19)).ok, false);
	assert.equal(checkChannelArn('a'.repeat(20)).ok, true);
	assert.equal(checkChannelArn('a'.repeat(2048)).ok, true);
	assert.equal(checkChannelArn('a'.repeat(2049)).ok, false);
	assert.equal(checkChannelArn('arn:aws:sns:us-east-1:1:has space').ok, false);
	assert.equal(checkSettings({...base, twoWay: true, channelArn: 'arn:aws:sns:us-east-1:123456789012:inbound'}, base).ok, true);
	assert.match((checkSettings({...base, selfManagedOptOuts: true}, base) as {reason: string}).reason, /two-way/);
	assert.equal(checkSettings({...base, deletionProtection: true}, base, {pooled: true}).ok, true);
	assert.match((checkSettings({...base, optOutList: 'other'}, base, {pooled: true}) as {reason: string}).reason, /pool/);
});

test('opt-out list names: 1..64 of letters, digits, _ and -; ARNs accepted', () => {
	assert.equal(checkOptOutListName('').ok, false);
	assert.equal(checkOptOutListName('a'.repeat(64)).ok, true);
	assert.equal(checkOptOutListName('a'.repeat(65)).ok, false);
	assert.equal(checkOptOutListName('has space').ok, false);
	assert.equal(checkOptOutListName('arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/x').ok, true);
});

test('release is refused while deletion protection is on or the number is in a pool, with the reason', () => {
	assert.match((checkRelease({deletionProtection: true}) as {reason: string}).reason, /Deletion protection is on/);
	assert.match((checkRelease({poolId: 'pool-1'}) as {reason: string}).reason, /pool-1/);
	assert.equal(checkRelease({}).ok, true);
});

test('number requests: simulator US only, MMS US/CA only, a two-letter country', () => {
	assert.equal(checkNumberRequest({isoCountryCode: 'US', numberType: 'SIMULATOR', capabilities: ['SMS']}).ok, true);
	assert.equal(checkNumberRequest({isoCountryCode: 'GB', numberType: 'SIMULATOR', capabilities: ['SMS']}).ok, false);
	assert.equal(checkNumberRequest({isoCountryCode: 'GB', numberType: 'LONG_CODE', capabilities: ['SMS', 'MMS']}).ok, false);
	assert.equal(checkNumberRequest({isoCountryCode: 'CA', numberType: 'LONG_CODE', capabilities: ['SMS', 'MMS']}).ok, true);
	assert.equal(checkNumberRequest({isoCountryCode: 'USA', numberType: 'LONG_CODE', capabilities: ['SMS']}).ok, false);
	assert.equal(checkNumberRequest({isoCountryCode: 'US', numberType: 'SHORT_CODE', capabilities: ['SMS']}).ok, false);
	assert.equal(checkNumberRequest({isoCountryCode: 'US', numberType: 'TOLL_FREE', capabilities: []}).ok, false);
});
