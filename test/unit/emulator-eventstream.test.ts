// The event-stream encoder, checked with the SDK's own codec and against the captured StartLiveTail body.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, existsSync} from 'node:fs';
import {EventStreamCodec} from '@smithy/core/event-streams';
import {encodeMessage, errorMessage, eventMessage, exceptionMessage} from '../../source/emulator/eventStream.js';

const codec = new EventStreamCodec(
	(bytes: Uint8Array) => Buffer.from(bytes).toString('utf8'),
	(text: string) => new Uint8Array(Buffer.from(text, 'utf8')),
);

function headersOf(message: {headers: Record<string, {type: string; value: unknown}>}): Record<string, unknown> {
	return Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.value]));
}

test('an event message decodes with the SDK codec (CRCs valid), headers and JSON payload intact', () => {
	const decoded = codec.decode(eventMessage('sessionUpdate', {sessionMetadata: {sampled: false}, sessionResults: [{message: 'héllo ✓'}]}));
	assert.deepEqual(headersOf(decoded as any), {':message-type': 'event', ':event-type': 'sessionUpdate', ':content-type': 'application/json'});
	assert.deepEqual(JSON.parse(Buffer.from(decoded.body).toString('utf8')), {sessionMetadata: {sampled: false}, sessionResults: [{message: 'héllo ✓'}]});
});

test('exception and error messages carry the documented headers', () => {
	const exception = codec.decode(exceptionMessage('SessionTimeoutException', 'Session timed out after 3 hours'));
	assert.equal(headersOf(exception as any)[':exception-type'], 'SessionTimeoutException');
	assert.deepEqual(JSON.parse(Buffer.from(exception.body).toString('utf8')), {message: 'Session timed out after 3 hours'});
	const error = codec.decode(errorMessage('InternalFailure', 'boom'));
	assert.deepEqual(headersOf(error as any), {':message-type': 'error', ':error-code': 'InternalFailure', ':error-message': 'boom'});
	assert.equal(error.body.length, 0);
});

test('a corrupted byte fails the CRC check', () => {
	const frame = eventMessage('initial-response', {});
	frame[frame.length - 6] ^= 0xff;
	assert.throws(() => codec.decode(frame));
});

test('re-encoding the captured StartLiveTail frames reproduces them byte for byte', t => {
	const path = '/work/shared/reference/captures/startlivetail-response-frames.bin';
	if (!existsSync(path)) return t.skip('capture not available');
	const capture = readFileSync(path);
	let offset = 0;
	let frames = 0;
	while (offset < capture.length) {
		const length = capture.readUInt32BE(offset);
		const original = capture.subarray(offset, offset + length);
		const decoded = codec.decode(original);
		const again = encodeMessage(headersOf(decoded as any) as Record<string, string>, Buffer.from(decoded.body));
		assert.ok(again.equals(original), `frame ${frames} differs`);
		offset += length;
		frames++;
	}
	assert.equal(frames, 6);
});
