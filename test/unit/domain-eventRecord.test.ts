import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {eventOutcome, parseEventRecord} from '../../source/domain/eventRecord.js';

const SMS = JSON.stringify({
	eventType: 'TEXT_SUCCESSFUL',
	eventVersion: '1.0',
	eventTimestamp: 1686975103470,
	isFinal: true,
	originationPhoneNumber: '+12065550152',
	destinationPhoneNumber: '+14255550156',
	isoCountryCode: 'US',
	messageId: '862a8790-60c0-4430-9b2b-658bdexample',
	messageRequestTimestamp: 1686975103170,
	messageEncoding: 'GSM',
	messageType: 'PROMOTIONAL',
	messageStatus: 'SUCCESSFUL',
	messageStatusDescription: 'Message has been accepted by phone carrier',
	context: {account: 'bar'},
	totalMessageParts: 1,
	totalMessagePrice: 0.09582,
	totalCarrierFee: 0.0,
});

const VOICE = JSON.stringify({
	eventType: 'VOICE_COMPLETED',
	eventVersion: '1.0',
	eventTimestamp: 1697835373500,
	isFinal: true,
	originationPhoneNumber: '+12065550153',
	destinationPhoneNumber: '+14255550159',
	isoCountryCode: 'US',
	messageId: '567f6c11-6e8b-4352-9749-a42a0example',
	messageRequestTimestamp: 1697835372720,
	messageStatus: 'COMPLETED',
	callDurationInSeconds: 60,
	totalDurationInMinutes: 1,
	totalMessagePrice: 0.013,
	context: {account: 'bar'},
});

const MMS = JSON.stringify({
	contentType: 'MMS',
	eventType: 'MEDIA_DELIVERED',
	eventVersion: '1.0',
	eventTimestamp: 1635197695208,
	isFinal: true,
	originationPhoneNumber: '+12065550153',
	destinationPhoneNumber: '+14255550159',
	isoCountryCode: 'US',
	messageId: 'b4a3196d-5b61-4884-a0d9-745acf1f6235example',
	messageRequestTimestamp: 1635197693241,
	messageType: 'TRANSACTIONAL',
	messageStatus: 'DELIVERED',
	messageStatusDescription: 'Message has been accepted by phone',
	context: {foo: 'bar'},
	totalMessageParts: 1,
	totalMessagePrice: 0.0195,
	totalCarrierFee: 0.00266,
});

describe('parseEventRecord — the guide examples', () => {
	it('SMS record', () => {
		const e = parseEventRecord(SMS);
		assert.equal(e.kind, 'sms');
		assert.equal(e.eventType, 'TEXT_SUCCESSFUL');
		assert.equal(e.eventVersion, '1.0');
		assert.equal(e.status, 'SUCCESSFUL');
		assert.equal(e.statusDescription, 'Message has been accepted by phone carrier');
		assert.equal(e.isFinal, true);
		assert.equal(e.timestamp, 1686975103470);
		assert.equal(e.requestTimestamp, 1686975103170);
		assert.equal(e.messageId, '862a8790-60c0-4430-9b2b-658bdexample');
		assert.equal(e.origination, '+12065550152');
		assert.equal(e.destination, '+14255550156');
		assert.equal(e.isoCountryCode, 'US');
		assert.equal(e.parts, 1);
		assert.equal(e.price, 0.09582);
		assert.equal(e.carrierFee, 0);
		assert.equal(e.encoding, 'GSM');
		assert.equal(e.messageType, 'PROMOTIONAL');
		assert.deepEqual(e.context, {account: 'bar'});
		assert.equal(e.raw, SMS);
		assert.deepEqual(e.json, JSON.parse(SMS));
		assert.equal(eventOutcome(e), 'success');
	});
	it('voice record', () => {
		const e = parseEventRecord(VOICE);
		assert.equal(e.kind, 'voice');
		assert.equal(e.status, 'COMPLETED');
		assert.equal(e.callDurationSeconds, 60);
		assert.equal(e.durationMinutes, 1);
		assert.equal(e.price, 0.013);
		assert.equal(e.parts, undefined);
		assert.equal(e.encoding, undefined);
		assert.equal(eventOutcome(e), 'success');
	});
	it('MMS record', () => {
		const e = parseEventRecord(MMS);
		assert.equal(e.kind, 'mms');
		assert.equal(e.contentType, 'MMS');
		assert.equal(e.status, 'DELIVERED');
		assert.equal(e.carrierFee, 0.00266);
		assert.deepEqual(e.context, {foo: 'bar'});
		assert.equal(eventOutcome(e), 'success');
	});
});

describe('parseEventRecord — kinds and odd input', () => {
	it('non-JSON text is raw and never throws', () => {
		for (const text of ['', 'hello', '{not json', '[1,2', 'null', '42', '"str"', '\u0000\uFFFF']) {
			const e = parseEventRecord(text);
			assert.equal(e.kind, 'raw', text);
			assert.equal(e.json, undefined);
		}
	});
	it('JSON without an eventType is unknown-json', () => {
		assert.equal(parseEventRecord('{"hello":"world"}').kind, 'unknown-json');
		assert.equal(parseEventRecord('[1,2,3]').kind, 'unknown-json');
		assert.deepEqual(parseEventRecord('  [1,2,3]\n').json, [1, 2, 3]);
		assert.equal(parseEventRecord('{"eventType": 7}').kind, 'unknown-json');
	});
	it('an unrecognised event type is unknown-json but keeps its fields', () => {
		const e = parseEventRecord('{"eventType":"RCS_DELIVERED","messageId":"m1"}');
		assert.equal(e.kind, 'unknown-json');
		assert.equal(e.eventType, 'RCS_DELIVERED');
		assert.equal(e.messageId, 'm1');
	});
	it('contentType MMS decides the kind when the prefix does not', () => {
		assert.equal(parseEventRecord('{"eventType":"DELIVERED","contentType":"MMS"}').kind, 'mms');
	});
	it('ignores fields of the wrong type instead of failing', () => {
		const e = parseEventRecord('{"eventType":"TEXT_PENDING","eventTimestamp":"soon","isFinal":"maybe","totalMessageParts":{},"context":"x","messageId":null}');
		assert.equal(e.kind, 'sms');
		assert.equal(e.timestamp, undefined);
		assert.equal(e.isFinal, undefined);
		assert.equal(e.parts, undefined);
		assert.equal(e.context, undefined);
		assert.equal(e.messageId, undefined);
	});
	it('accepts numbers and booleans written as strings', () => {
		const e = parseEventRecord('{"eventType":"TEXT_DELIVERED","eventTimestamp":"1686975103470","isFinal":"false","totalMessagePrice":"0.00581"}');
		assert.equal(e.timestamp, 1686975103470);
		assert.equal(e.isFinal, false);
		assert.equal(e.price, 0.00581);
	});
	it('stringifies non-string context values', () => {
		const e = parseEventRecord('{"eventType":"TEXT_SENT","context":{"n":1,"b":true,"o":{"x":1}}}');
		assert.deepEqual(e.context, {n: '1', b: 'true', o: '{"x":1}'});
	});
	it('does not let "__proto__" keys change prototypes', () => {
		const e = parseEventRecord('{"eventType":"TEXT_SENT","context":{"__proto__":{"polluted":"yes"}},"__proto__":{"x":1}}');
		assert.equal(Object.getPrototypeOf(e.json), Object.prototype);
		assert.equal(Object.getPrototypeOf(e.context), Object.prototype);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
		assert.equal(e.context?.['__proto__'], '{"polluted":"yes"}');
	});
	it('survives deeply nested JSON', () => {
		const deep = '{"eventType":"TEXT_SENT","x":' + '['.repeat(2000) + ']'.repeat(2000) + '}';
		assert.equal(parseEventRecord(deep).kind, 'sms');
	});
});

describe('parseEventRecord — hostile strings', () => {
	// The parser keeps what the log group holds (tail --json hands it on); showing it is the sanitiser's job.
	const hostile = {
		eventType: 'TEXT_DELIVERED',
		messageStatus: 'DELIVERED\x1b[2J',
		messageStatusDescription: 'ok\x1b]52;c;cm0gLXJm\x07',
		messageId: '\x9b31mid',
		originationPhoneNumber: '+1\x1b[8m2065550152',
		destinationPhoneNumber: '+1425\nTEXT_BLOCKED',
		isoCountryCode: 'U\x1bcS',
		messageEncoding: 'GSM\x1b[0m',
		messageType: '\x1b]0;title\x07PROMOTIONAL',
		context: {'k\x1b[1m': 'v\x1bP1$r\x1b\\', rlo: '\u202eabc'},
		nested: ['\x1b[2J'],
	};
	it('keeps every string field, the context, the raw text and the JSON as the record has them', () => {
		const text = JSON.stringify(hostile);
		const e = parseEventRecord(text);
		assert.equal(e.raw, text);
		assert.deepEqual(e.json, hostile);
		assert.equal(e.status, hostile.messageStatus);
		assert.equal(e.statusDescription, hostile.messageStatusDescription);
		assert.equal(e.messageId, hostile.messageId);
		assert.equal(e.origination, hostile.originationPhoneNumber);
		assert.equal(e.destination, hostile.destinationPhoneNumber);
		assert.equal(e.isoCountryCode, hostile.isoCountryCode);
		assert.equal(e.encoding, hostile.messageEncoding);
		assert.equal(e.messageType, hostile.messageType);
		assert.deepEqual(e.context, hostile.context);
	});
	it('a status with anything around it is no known outcome', () => {
		assert.equal(eventOutcome(parseEventRecord(JSON.stringify(hostile))), 'unknown');
	});
	it('keeps raw (non-JSON) lines as they are', () => {
		const line = 'START \x1b]52;c;ZXZpbA==\x07RequestId \x1b[2J\r\nEND';
		const e = parseEventRecord(line);
		assert.equal(e.kind, 'raw');
		assert.equal(e.raw, line);
	});
	it('cuts JSON below 64 levels, so showing it cannot overflow the stack', () => {
		const deep = '{"eventType":"TEXT_SENT","x":' + '['.repeat(2000) + ']'.repeat(2000) + '}';
		const e = parseEventRecord(deep);
		let depth = 0;
		for (let v = (e.json as {x: unknown}).x; Array.isArray(v) && v.length > 0; v = v[0]) depth++;
		assert.ok(depth > 60 && depth < 70, `depth ${depth}`);
		assert.ok(JSON.stringify(e.json).length < 200);
	});
});

describe('eventOutcome', () => {
	const o = (status: string, isFinal?: boolean, eventType?: string) => eventOutcome({status, isFinal, eventType});
	it('success statuses', () => {
		for (const s of ['SUCCESSFUL', 'DELIVERED', 'COMPLETED']) assert.equal(o(s), 'success', s);
	});
	it('failure statuses', () => {
		for (const s of ['INVALID', 'UNREACHABLE', 'BLOCKED', 'CARRIER_UNREACHABLE', 'SPAM', 'INVALID_MESSAGE',
			'CARRIER_BLOCKED', 'TTL_EXPIRED', 'FAILED', 'UNROUTABLE', 'BUSY', 'NO_ANSWER', 'PROTECT_BLOCKED']) {
			assert.equal(o(s, true), 'failure', s);
		}
	});
	it('pending statuses', () => {
		for (const s of ['PENDING', 'QUEUED', 'ACCEPTED', 'SENT', 'INITIATED', 'RINGING']) assert.equal(o(s, false), 'pending', s);
	});
	it('ANSWERED is pending until final', () => {
		assert.equal(o('ANSWERED', false), 'pending');
		assert.equal(o('ANSWERED'), 'pending');
		assert.equal(o('ANSWERED', true), 'success');
	});
	it('UNKNOWN is a failure when final, pending when more events are due', () => {
		assert.equal(o('UNKNOWN', true), 'failure');
		assert.equal(o('UNKNOWN'), 'failure');
		assert.equal(o('UNKNOWN', false), 'pending');
	});
	it('MEDIA_FILE_* event types are failures whatever the status says', () => {
		for (const t of ['MEDIA_FILE_TYPE_UNSUPPORTED', 'MEDIA_FILE_SIZE_EXCEEDED', 'MEDIA_FILE_INACCESSIBLE']) {
			assert.equal(eventOutcome({eventType: t}), 'failure', t);
			assert.equal(eventOutcome({eventType: t, status: 'PENDING'}), 'failure', t);
		}
	});
	it('falls back to the event type when there is no messageStatus', () => {
		assert.equal(eventOutcome({eventType: 'TEXT_DELIVERED'}), 'success');
		assert.equal(eventOutcome({eventType: 'TEXT_CARRIER_UNREACHABLE'}), 'failure');
		assert.equal(eventOutcome({eventType: 'VOICE_RINGING'}), 'pending');
	});
	it('is case-insensitive and unknown for anything else', () => {
		assert.equal(o('delivered'), 'success');
		assert.equal(o('WEIRD'), 'unknown');
		assert.equal(eventOutcome({}), 'unknown');
		assert.equal(eventOutcome(parseEventRecord('plain text')), 'unknown');
	});
});
