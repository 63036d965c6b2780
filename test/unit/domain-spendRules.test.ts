import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
	channelForLimitName,
	checkSpendLimit,
	describeChannelSpend,
	spendByChannel,
	isRaise,
	isSpendChannel,
	limitNameForChannel,
	SPEND_CHANNELS,
	spendChannelInfo,
	spendLimitCliCommand,
	type SpendLimitCheck,
} from '../../source/domain/spendRules.js';

function refused(result: SpendLimitCheck): string {
	assert.equal(result.ok, false, 'expected a refusal');
	return result.ok ? '' : result.reason;
}

describe('spend channels', () => {
	it('maps channels to limit names and back', () => {
		assert.equal(limitNameForChannel('text'), 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT');
		assert.equal(limitNameForChannel('media'), 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT');
		assert.equal(limitNameForChannel('voice'), 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT');
		for (const c of SPEND_CHANNELS) assert.equal(channelForLimitName(c.limitName), c.channel);
		assert.equal(channelForLimitName('RCS_MESSAGE_MONTHLY_SPEND_LIMIT'), undefined);
		assert.equal(channelForLimitName('NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT'), undefined);
	});
	it('names the CLI verbs and API operations', () => {
		assert.equal(spendChannelInfo('text').setCommand, 'set-text-message-spend-limit-override');
		assert.equal(spendChannelInfo('media').deleteCommand, 'delete-media-message-spend-limit-override');
		assert.equal(spendChannelInfo('voice').setOperation, 'SetVoiceMessageSpendLimitOverride');
		assert.deepEqual(SPEND_CHANNELS.map((c) => c.label), ['SMS', 'MMS', 'Voice']);
	});
	it('builds the equivalent aws command', () => {
		assert.equal(spendLimitCliCommand('text', 50), 'aws pinpoint-sms-voice-v2 set-text-message-spend-limit-override --monthly-limit 50');
		assert.equal(spendLimitCliCommand('voice', undefined), 'aws pinpoint-sms-voice-v2 delete-voice-message-spend-limit-override');
	});
	it('recognises channel names', () => {
		assert.equal(isSpendChannel('media'), true);
		assert.equal(isSpendChannel('sms'), false);
	});
});

describe('checkSpendLimit', () => {
	it('accepts 1 and the account limit', () => {
		assert.deepEqual(checkSpendLimit(1, 100), {ok: true, value: 1});
		assert.deepEqual(checkSpendLimit(100, 100), {ok: true, value: 100});
		assert.deepEqual(checkSpendLimit('1', 1), {ok: true, value: 1});
	});
	it('accepts typed forms of whole dollars', () => {
		assert.deepEqual(checkSpendLimit(' 50 ', 100), {ok: true, value: 50});
		assert.deepEqual(checkSpendLimit('$50', 100), {ok: true, value: 50});
		assert.deepEqual(checkSpendLimit('50.00', 100), {ok: true, value: 50});
		assert.deepEqual(checkSpendLimit('050', 100), {ok: true, value: 50});
	});
	it('refuses one above the account limit', () => {
		assert.match(refused(checkSpendLimit(101, 100)), /exceed the account limit of \$100/);
		assert.match(refused(checkSpendLimit('2', 1)), /account limit of \$1;/);
		assert.match(refused(checkSpendLimit(10_001, 10_000)), /\$10,000/);
	});
	it('refuses zero and negatives', () => {
		assert.match(refused(checkSpendLimit(0, 100)), /at least \$1/);
		assert.match(refused(checkSpendLimit('0', 100)), /at least \$1/);
		assert.match(refused(checkSpendLimit(-5, 100)), /negative/);
		assert.match(refused(checkSpendLimit('-5', 100)), /negative/);
	});
	it('refuses cents', () => {
		assert.match(refused(checkSpendLimit('10.50', 100)), /whole US dollars/);
		assert.match(refused(checkSpendLimit(10.5, 100)), /whole US dollars/);
		assert.match(refused(checkSpendLimit('0.99', 100)), /whole US dollars/);
	});
	it('refuses non-numeric input', () => {
		assert.match(refused(checkSpendLimit('', 100)), /Enter the limit/);
		assert.match(refused(checkSpendLimit('fifty', 100)), /not a number/);
		assert.match(refused(checkSpendLimit('1e3', 100)), /not a number/);
		assert.match(refused(checkSpendLimit('1,000', 5000)), /not a number/);
		assert.equal(checkSpendLimit(Number.NaN, 100).ok, false);
		assert.equal(checkSpendLimit(Number.POSITIVE_INFINITY, 100).ok, false);
	});
	it('refuses everything when the account limit is below $1', () => {
		assert.match(refused(checkSpendLimit(1, 0)), /account limit is \$0/);
	});
	it('caps at the API maximum', () => {
		assert.equal(checkSpendLimit(1_000_000_001, 2_000_000_000).ok, false);
		assert.equal(checkSpendLimit(1_000_000_000, 2_000_000_000).ok, true);
	});
});

describe('isRaise', () => {
	it('is true only when the new limit is higher', () => {
		assert.equal(isRaise(50, 51), true);
		assert.equal(isRaise(50, 50), false);
		assert.equal(isRaise(50, 49), false);
	});
});

describe('spendByChannel', () => {
	const limits = [
		{name: 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 10},
		{name: 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 100},
		{name: 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 50},
		{name: 'NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT', enforced: 5},
	];
	it('always lists SMS, MMS and voice in that order, $0 where nothing was spent, each against its limit', () => {
		const lines = spendByChannel(limits, {text: 8.5, media: 0, voice: 0}).map(describeChannelSpend);
		assert.deepEqual(lines, ['SMS $8.5 of $100 (8.5%)', 'MMS $0 of $50 (0.0%)', 'Voice $0 of $10 (0.0%)']);
	});
	it('warns from 80% of the limit and is an error at 100%, per channel', () => {
		const tones = spendByChannel(limits, {text: 79.99, media: 40, voice: 10}).map(c => [c.label, c.tone]);
		assert.deepEqual(tones, [['SMS', undefined], ['MMS', 'warn'], ['Voice', 'error']]);
	});
	it('says when DescribeSpendLimits does not list a channel', () => {
		const [sms, mms] = spendByChannel([limits[1]], {text: 3, media: 1.5, voice: 0});
		assert.equal(describeChannelSpend(sms), 'SMS $3 of $100 (3.0%)');
		assert.equal(describeChannelSpend(mms), 'MMS $1.5 (no limit listed)');
		assert.equal(mms.tone, undefined);
	});
});
