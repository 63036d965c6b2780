import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {judgeMessage, overallVerdict, verdictExitCode, latencyMs, finalEvent} from '../../source/domain/simulatorVerdict.js';
import {planSimulatorRun, originationProblem} from '../../source/domain/simulatorPlan.js';

const ev = (status: string, isFinal: boolean | undefined, timestamp: number, family = 'TEXT') => ({eventType: `${family}_${status}`, status, isFinal, timestamp});

describe('judgeMessage', () => {
	it('success number: passes on a final DELIVERED or SUCCESSFUL, whatever came before', () => {
		assert.equal(judgeMessage('success', [ev('PENDING', false, 1), ev('SUCCESSFUL', false, 2), ev('DELIVERED', true, 3)]).state, 'passed');
		assert.equal(judgeMessage('success', [ev('SUCCESSFUL', true, 2)]).state, 'passed');
		// Out of order arrival and MMS twins change nothing.
		assert.equal(judgeMessage('success', [ev('DELIVERED', true, 3, 'MEDIA'), ev('PENDING', false, 1, 'MEDIA')]).state, 'passed');
	});
	it('success number: a non-final SUCCESSFUL is still waiting; a final failure fails', () => {
		const waiting = judgeMessage('success', [ev('PENDING', false, 1), ev('SUCCESSFUL', false, 2)]);
		assert.equal(waiting.state, 'waiting');
		assert.match(waiting.reason, /none final \(last: SUCCESSFUL\)/);
		const failed = judgeMessage('success', [ev('PENDING', false, 1), ev('CARRIER_UNREACHABLE', true, 2)]);
		assert.equal(failed.state, 'failed');
		assert.match(failed.reason, /ended CARRIER_UNREACHABLE; the success number should end delivered or successful/);
	});
	it('failure number: passes on any final failure, fails on a final success', () => {
		for (const status of ['CARRIER_UNREACHABLE', 'UNREACHABLE', 'FAILED', 'INVALID', 'BLOCKED']) {
			assert.equal(judgeMessage('failure', [ev('PENDING', false, 1), ev(status, true, 2)]).state, 'passed', status);
		}
		const r = judgeMessage('failure', [ev('DELIVERED', true, 2)]);
		assert.equal(r.state, 'failed');
		assert.match(r.reason, /should end in a failure/);
	});
	it('no final event: waiting, or timed out when the time is up', () => {
		assert.equal(judgeMessage('failure', []).state, 'waiting');
		const t = judgeMessage('failure', [ev('PENDING', false, 1)], true);
		assert.equal(t.state, 'timedOut');
		assert.match(t.reason, /no final event in time: 1 event, none final/);
	});
	it('a record without isFinal is final only with a success or failure status', () => {
		assert.equal(judgeMessage('success', [ev('DELIVERED', undefined, 1)]).state, 'passed');
		assert.equal(judgeMessage('success', [ev('PENDING', undefined, 1)]).state, 'waiting');
	});
	it('the latest final event wins', () => {
		assert.equal(finalEvent([ev('UNKNOWN', true, 5), ev('DELIVERED', true, 9)])?.status, 'DELIVERED');
	});
});

describe('overallVerdict', () => {
	it('PASS, FAIL, TIMEOUT, MISCONFIGURED and their exit codes', () => {
		assert.equal(overallVerdict({messages: [{state: 'passed'}, {state: 'passed'}]}), 'PASS');
		assert.equal(overallVerdict({messages: [{state: 'passed'}, {state: 'failed'}]}), 'FAIL');
		assert.equal(overallVerdict({messages: [{state: 'failed'}, {state: 'timedOut'}]}), 'FAIL');
		assert.equal(overallVerdict({messages: [{state: 'passed'}, {state: 'timedOut'}]}), 'TIMEOUT');
		assert.equal(overallVerdict({misconfigured: true, messages: []}), 'MISCONFIGURED');
		assert.equal(overallVerdict({messages: []}), 'FAIL');
		assert.deepEqual(['PASS', 'FAIL', 'TIMEOUT', 'MISCONFIGURED'].map(v => verdictExitCode(v as never)), [0, 1, 1, 2]);
	});
	it('latency from the send to the final event', () => {
		assert.equal(latencyMs(1000, ev('DELIVERED', true, 1450)), 450);
		assert.equal(latencyMs(1000, undefined), undefined);
	});
});

describe('planSimulatorRun', () => {
	it("sends to the country's success and failure numbers by default", () => {
		const r = planSimulatorRun({body: 'hi', channel: 'sms'});
		assert.ok(r.ok);
		assert.deepEqual(r.plan.messages, [
			{destination: '+14254147755', expect: 'success'},
			{destination: '+14254147167', expect: 'failure'},
		]);
		const only = planSimulatorRun({body: 'hi', channel: 'sms', only: 'failure', country: 'gb'});
		assert.ok(only.ok);
		assert.deepEqual(only.plan.messages, [{destination: '+447860019067', expect: 'failure'}]);
	});
	it('refuses bad input with a reason', () => {
		const cases: Array<[Parameters<typeof planSimulatorRun>[0], RegExp]> = [
			[{body: '   ', channel: 'sms'}, /body is empty/],
			[{body: 'a'.repeat(1531), channel: 'sms'}, /1531 GSM-7 characters; an SMS takes at most 1530/],
			[{body: '中'.repeat(631), channel: 'sms'}, /631 UCS-2 characters; an SMS takes at most 630/],
			[{body: 'a'.repeat(1601), channel: 'mms'}, /at most 1600/],
			[{body: 'hi', channel: 'sms', country: 'JP'}, /JP has no destination simulator numbers/],
			[{body: 'hi', channel: 'sms', destinations: ['+12065550142']}, /\+12065550142 is not a destination simulator number/],
			[{body: 'hi', channel: 'sms', destinations: ['+447860019066']}, /United Kingdom simulator success number, not one of US: a cross-country send/],
			[{body: 'hi', channel: 'mms', country: 'FR'}, /MMS reaches only the United States and Canada/],
		];
		for (const [input, reason] of cases) {
			const r = planSimulatorRun(input);
			assert.equal(r.ok, false, JSON.stringify(input).slice(0, 60));
			if (!r.ok) assert.match(r.reason, reason);
		}
	});
	it('a US simulator origination cannot send to another country', () => {
		const r = planSimulatorRun({body: 'hi', channel: 'sms', country: 'FR'});
		assert.ok(r.ok);
		assert.match(originationProblem({phoneNumber: '+12065550100', numberType: 'SIMULATOR', isoCountryCode: 'US'}, r.plan)!, /US simulator number; .* not to France \(a cross-country send\)/);
		const us = planSimulatorRun({body: 'hi', channel: 'sms'});
		assert.ok(us.ok);
		assert.equal(originationProblem({numberType: 'SIMULATOR', isoCountryCode: 'US'}, us.plan), undefined);
	});
});
