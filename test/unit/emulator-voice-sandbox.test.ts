// The voice sandbox's call limits (guide §4): 5 calls a minute, 5 a day to one recipient, 20 a day — through the
// real SDK for the minute, and on the rule itself for the days (a test cannot wait 24 hours).
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {SendVoiceMessageCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {checkVoiceSandboxLimits, VOICE_SANDBOX_LIMITS} from '../../source/emulator/smsvoice/send.js';
import {emptyRegion} from '../../source/emulator/smsvoice/state.js';
import type {SentMessageRec} from '../../source/emulator/smsvoice/model.js';
import {rejectsWith, startHarness, type Harness} from './emulator-smsvoice-harness.js';

let h: Harness;
before(async () => {
	h = await startHarness('default');
});
after(() => h.close());

test('the sandbox takes 5 calls a minute: the sixth is throttled, a dry run still checks', async () => {
	const sms = h.sms();
	const call = (DryRun = false) => sms.send(new SendVoiceMessageCommand({DestinationPhoneNumber: '+14254147755', OriginationIdentity: '+12065550100', MessageBody: 'Your code is 1 2 3 4', DryRun}));
	for (let i = 0; i < VOICE_SANDBOX_LIMITS.perMinute; i++) assert.ok((await call()).MessageId);
	await rejectsWith(call(), 'ThrottlingException');
	await rejectsWith(call(true), 'ThrottlingException');
});

test('5 calls a day to one recipient, 20 a day in all, counted over the last 24 hours', () => {
	const now = Date.UTC(2026, 11, 2, 12);
	const rs = emptyRegion('us-east-1', '123456789012', now);
	const call = (destination: string, minutesAgo: number): SentMessageRec => ({
		messageId: `m-${rs.sent.length}`,
		channel: 'VOICE',
		at: now - minutesAgo * 60_000,
		origination: '+12065550100',
		destination,
		isoCountryCode: 'US',
		parts: 1,
		price: 0.013,
		carrierFee: 0,
		dryRun: false,
	});
	for (let i = 0; i < 5; i++) rs.sent.push(call('+14254147755', 10 + i * 10));
	assert.throws(() => checkVoiceSandboxLimits(rs, '+14254147755', now), (e: {name: string; members?: {Reason?: string}}) => e.name === 'ServiceQuotaExceededException' && e.members?.Reason === 'DAILY_DESTINATION_CALL_LIMIT');
	assert.doesNotThrow(() => checkVoiceSandboxLimits(rs, '+14254147167', now));
	// Calls older than a day no longer count.
	for (const m of rs.sent) m.at -= 86_400_000;
	assert.doesNotThrow(() => checkVoiceSandboxLimits(rs, '+14254147755', now));
	rs.sent = [];
	for (let i = 0; i < 20; i++) rs.sent.push(call(`+1206555${String(1000 + i)}`, 10 + i * 10));
	assert.throws(() => checkVoiceSandboxLimits(rs, '+14254147167', now), /20 calls in 24 hours/);
});
