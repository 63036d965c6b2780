// Encoder for application/vnd.amazon.eventstream messages (string headers only), as used by StartLiveTail:
// [u32 total][u32 headers length][u32 prelude CRC32][headers][payload][u32 message CRC32], big-endian.
import {crc32} from 'node:zlib';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

const STRING_HEADER_TYPE = 7;

function encodeStringHeader(name: string, value: string): Buffer {
	const nameBytes = Buffer.from(name, 'utf8');
	const valueBytes = Buffer.from(value, 'utf8');
	if (nameBytes.length > 255) throw new RangeError(`event-stream header name too long: ${name}`);
	if (valueBytes.length > 0xffff) throw new RangeError(`event-stream header value too long for ${name}`);
	const out = Buffer.alloc(1 + nameBytes.length + 1 + 2 + valueBytes.length);
	let offset = out.writeUInt8(nameBytes.length, 0);
	offset += nameBytes.copy(out, offset);
	offset = out.writeUInt8(STRING_HEADER_TYPE, offset);
	offset = out.writeUInt16BE(valueBytes.length, offset);
	valueBytes.copy(out, offset);
	return out;
}

/** One complete message: headers in the given order, then the payload. */
export function encodeMessage(headers: Record<string, string>, payload: Buffer | string = Buffer.alloc(0)): Buffer {
	const headerBytes = Buffer.concat(Object.entries(headers).map(([name, value]) => encodeStringHeader(name, value)));
	const payloadBytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
	const total = 12 + headerBytes.length + payloadBytes.length + 4;
	const message = Buffer.alloc(total);
	message.writeUInt32BE(total, 0);
	message.writeUInt32BE(headerBytes.length, 4);
	message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
	headerBytes.copy(message, 12);
	payloadBytes.copy(message, 12 + headerBytes.length);
	message.writeUInt32BE(crc32(message.subarray(0, total - 4)), total - 4);
	return message;
}

/** A modeled event (`initial-response`, `sessionStart`, `sessionUpdate`, …) with a JSON payload. */
export function eventMessage(eventType: string, body: unknown): Buffer {
	return encodeMessage(
		{':message-type': 'event', ':event-type': eventType, ':content-type': 'application/json'},
		JSON.stringify(body ?? {}),
	);
}

/** A modeled exception (`SessionTimeoutException`, `SessionStreamingException`) the SDK throws from its iterator. */
export function exceptionMessage(exceptionType: string, message: string): Buffer {
	return encodeMessage(
		{':message-type': 'exception', ':exception-type': exceptionType, ':content-type': 'application/json'},
		JSON.stringify({message}),
	);
}

/** An unmodeled error: headers only, empty payload. */
export function errorMessage(code: string, message: string): Buffer {
	return encodeMessage({':message-type': 'error', ':error-code': code, ':error-message': message});
}
