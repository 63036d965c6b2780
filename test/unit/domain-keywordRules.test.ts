import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
	checkKeyword,
	checkKeywordAction,
	checkKeywordChange,
	checkKeywordDelete,
	checkKeywordMessage,
	checkKeywordQuota,
	isMandatoryOptOutKeyword,
	isProtectedKeyword,
	MANDATORY_OPT_OUT_KEYWORDS,
	sameKeyword,
	type RuleResult,
} from '../../source/domain/keywordRules.js';

function refused(result: RuleResult): string {
	assert.equal(result.ok, false, 'expected a refusal');
	return result.ok ? '' : result.reason;
}

describe('checkKeyword', () => {
	it('accepts 1 and 30 characters', () => {
		assert.deepEqual(checkKeyword('Y'), {ok: true});
		assert.deepEqual(checkKeyword('A'.repeat(30)), {ok: true});
		assert.deepEqual(checkKeyword('MORE INFO'), {ok: true});
		assert.deepEqual(checkKeyword('INFO-2024!'), {ok: true});
	});
	it('refuses empty, whitespace-only and 31 characters', () => {
		assert.match(refused(checkKeyword('')), /Enter a keyword/);
		assert.match(refused(checkKeyword('   ')), /Enter a keyword/);
		assert.match(refused(checkKeyword('A'.repeat(31))), /at most 30 characters.*has 31/);
	});
	it('counts characters, not UTF-16 units', () => {
		assert.deepEqual(checkKeyword('😀'.repeat(30)), {ok: true});
		assert.equal(checkKeyword('😀'.repeat(31)).ok, false);
	});
	it('refuses leading or trailing spaces', () => {
		assert.match(refused(checkKeyword(' HELP')), /start or end with a space/);
		assert.match(refused(checkKeyword('HELP ')), /start or end with a space/);
	});
	it('refuses tabs and line breaks', () => {
		assert.match(refused(checkKeyword('A\tB')), /tabs or line breaks/);
		assert.match(refused(checkKeyword('A\nB')), /tabs or line breaks/);
	});
});

describe('checkKeywordMessage', () => {
	it('accepts 1 and 1,600 characters', () => {
		assert.deepEqual(checkKeywordMessage('x'), {ok: true});
		assert.deepEqual(checkKeywordMessage('x'.repeat(1600)), {ok: true});
		assert.deepEqual(checkKeywordMessage('  padded reply\n'), {ok: true});
	});
	it('refuses empty, whitespace-only and 1,601 characters', () => {
		assert.match(refused(checkKeywordMessage('')), /Enter the response message/);
		assert.match(refused(checkKeywordMessage(' \n\t ')), /Enter the response message/);
		assert.match(refused(checkKeywordMessage('x'.repeat(1601))), /at most 1,600 characters.*1,601/);
	});
});

describe('checkKeywordAction', () => {
	it('accepts the three API values', () => {
		for (const a of ['AUTOMATIC_RESPONSE', 'OPT_OUT', 'OPT_IN']) assert.deepEqual(checkKeywordAction(a), {ok: true});
	});
	it('refuses anything else, including lower case', () => {
		assert.match(refused(checkKeywordAction('opt_out')), /AUTOMATIC_RESPONSE, OPT_OUT, OPT_IN/);
		assert.equal(checkKeywordAction('').ok, false);
		assert.equal(checkKeywordAction('OPT-OUT').ok, false);
	});
});

describe('protected keywords', () => {
	it('HELP, STOP and every mandatory opt-out keyword are protected, case-insensitively', () => {
		for (const k of ['HELP', 'help', 'Stop', ...MANDATORY_OPT_OUT_KEYWORDS, 'opt-out', 'unsubscribe', 'td']) {
			assert.equal(isProtectedKeyword(k), true, k);
		}
		assert.equal(MANDATORY_OPT_OUT_KEYWORDS.length, 10);
	});
	it('custom keywords are not protected', () => {
		for (const k of ['INFO', 'START', 'UNSTOP', 'STOPS', 'HELP ME', 'YES']) assert.equal(isProtectedKeyword(k), false, k);
	});
	it('HELP is protected but is not an opt-out keyword', () => {
		assert.equal(isMandatoryOptOutKeyword('help'), false);
		assert.equal(isMandatoryOptOutKeyword('quit'), true);
	});
	it('refuses deleting protected keywords with a reason', () => {
		assert.match(refused(checkKeywordDelete('stop')), /STOP is a mandatory opt-out keyword and cannot be deleted/);
		assert.match(refused(checkKeywordDelete('Help')), /HELP is required by carriers/);
		assert.deepEqual(checkKeywordDelete('INFO'), {ok: true});
	});
	it('mandatory opt-out keywords must keep OPT_OUT', () => {
		assert.deepEqual(checkKeywordChange('STOP', 'OPT_OUT'), {ok: true});
		assert.match(refused(checkKeywordChange('cancel', 'AUTOMATIC_RESPONSE')), /CANCEL .* must stay OPT_OUT/);
		assert.deepEqual(checkKeywordChange('HELP', 'AUTOMATIC_RESPONSE'), {ok: true});
		assert.deepEqual(checkKeywordChange('START', 'OPT_IN'), {ok: true});
		assert.equal(checkKeywordChange('START', 'BOGUS').ok, false);
	});
	it('keywords compare case-insensitively', () => {
		assert.equal(sameKeyword('Stop', 'STOP'), true);
		assert.equal(sameKeyword('STOP', 'STOP '), false);
	});
});

describe('checkKeywordQuota', () => {
	it('allows adding while below the default quota of 30', () => {
		assert.deepEqual(checkKeywordQuota(0), {ok: true});
		assert.deepEqual(checkKeywordQuota(29), {ok: true});
	});
	it('refuses at and above the quota', () => {
		assert.match(refused(checkKeywordQuota(30)), /30 keywords.*quota is 30.*quota increase/);
		assert.equal(checkKeywordQuota(31).ok, false);
	});
	it('honours a raised quota', () => {
		assert.deepEqual(checkKeywordQuota(30, 50), {ok: true});
		assert.equal(checkKeywordQuota(50, 50).ok, false);
	});
});
