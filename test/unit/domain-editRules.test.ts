// Rules checked before any change is sent: keywords (HELP/STOP, lengths, quota), settings, release, requests.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {checkKeywordDelete, checkKeywordEdit, checkKeywordPut, fixedKeywordAction, isRequiredKeyword, isUsTollFree} from '../../source/domain/keywordRules.js';
import {checkChannelArn, checkNumberRequest, checkOptOutListName, checkRelease, checkSettings, type Settings} from '../../source/domain/settingsRules.js';

const put = (over: Partial<Parameters<typeof checkKeywordPut>[0]> = {}) =>
	checkKeywordPut({keyword: 'JOIN', message: 'Welcome', action: 'AUTOMATIC_RESPONSE', existing: ['HELP', 'STOP'], ...over});

test('HELP and STOP: texts can change, actions cannot; on a US toll-free number neither can change', () => {
	for (const k of ['HELP', 'help', ' Stop ', 'STOP']) {
		assert.equal(isRequiredKeyword(k), true, k);
		assert.equal(checkKeywordEdit(k).ok, true, k);
		assert.match((checkKeywordEdit(k, {tollFree: true}) as {reason: string}).reason, /cannot be changed on a US toll-free number/, k);
		assert.equal(checkKeywordDelete(k).ok, false, k);
	}
	assert.equal(put({keyword: 'HELP', message: 'Acme: call 1-888-555-0142'}).ok, true);
	assert.match((put({keyword: 'HELP', action: 'OPT_OUT'}) as {reason: string}).reason, /must stay AUTOMATIC_RESPONSE/);
	assert.equal(put({keyword: 'STOP', action: 'OPT_OUT'}).ok, true);
	assert.match((put({keyword: 'stop', action: 'AUTOMATIC_RESPONSE'}) as {reason: string}).reason, /must stay OPT_OUT/);
	assert.equal(put({keyword: 'HELP', tollFree: true}).ok, false);
	assert.equal(put({keyword: 'STOP', action: 'OPT_OUT', tollFree: true}).ok, false);
	assert.equal(checkKeywordEdit('HELPME', {tollFree: true}).ok, true);
	assert.equal(fixedKeywordAction('help'), 'AUTOMATIC_RESPONSE');
	assert.equal(fixedKeywordAction('JOIN'), undefined);
});

test('mandatory opt-out keywords keep OPT_OUT and cannot be deleted; a US toll-free number takes none, OPT_IN is fine there', () => {
	for (const k of ['ARRET', 'CANCEL', 'END', 'OPT-OUT', 'OPTOUT', 'QUIT', 'REMOVE', 'STOP', 'TD', 'unsubscribe']) {
		assert.equal(fixedKeywordAction(k), 'OPT_OUT', k);
		assert.equal(put({keyword: k, action: 'AUTOMATIC_RESPONSE'}).ok, false, k);
		assert.equal(put({keyword: k, action: 'OPT_IN'}).ok, false, k);
		assert.equal(put({keyword: k, action: 'OPT_OUT'}).ok, true, k);
		assert.match((checkKeywordDelete(k) as {reason: string}).reason, /cannot be deleted/, k);
	}
	assert.match((put({keyword: 'QUIT', action: 'OPT_OUT', tollFree: true}) as {reason: string}).reason, /toll-free number takes no opt-out keywords/);
	assert.equal(put({keyword: 'LEAVE', action: 'OPT_OUT', tollFree: true}).ok, false);
	assert.equal(put({keyword: 'UNSTOP', action: 'OPT_IN', tollFree: true}).ok, true);
	assert.equal(isUsTollFree({NumberType: 'TOLL_FREE', IsoCountryCode: 'US'}), true);
	assert.equal(isUsTollFree({NumberType: 'TOLL_FREE', IsoCountryCode: 'GB'}), false);
	assert.equal(isUsTollFree({NumberType: 'TEN_DLC', IsoCountryCode: 'US'}), false);
	assert.equal(isUsTollFree(undefined), false);
});

test('keyword put: 30 characters pass, 31 fail; message 1600 pass, 1601 fail; action must be known', () => {
	assert.equal(put({keyword: 'K'.repeat(30)}).ok, true);
	assert.match((put({keyword: 'K'.repeat(31)}) as {reason: string}).reason, /at most 30/);
	assert.equal(put({message: 'm'.repeat(1600)}).ok, true);
	assert.match((put({message: 'm'.repeat(1601)}) as {reason: string}).reason, /1,600/);
	assert.equal(put({message: '   '}).ok, false);
	assert.equal(put({action: 'REPLY'}).ok, false);
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
	assert.match((checkSettings({...base, deletionProtection: true}, base, {pooled: true}) as {reason: string}).reason, /in a pool/);
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
