// Opaque NextToken for CloudWatch answers: an offset bound to the request it continues (a hash of its
// parameters), so a token used with other parameters, or made up, is refused.
import {createHash} from 'node:crypto';
import type {ApiError} from '../types.js';

function digest(requestKey: string): string {
	return createHash('sha256').update(requestKey).digest('base64url').slice(0, 16);
}

export function encodePageToken(offset: number, requestKey: string): string {
	return Buffer.from(JSON.stringify({o: offset, h: digest(requestKey)}), 'utf8').toString('base64url');
}

/** The offset a token carries; throws `invalid()` for a token that is not one of ours for this request. */
export function decodePageToken(token: string, requestKey: string, invalid: () => ApiError): number {
	let parsed: {o?: unknown; h?: unknown};
	try {
		parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
	} catch {
		throw invalid();
	}
	if (typeof parsed !== 'object' || parsed === null || parsed.h !== digest(requestKey)) throw invalid();
	if (typeof parsed.o !== 'number' || !Number.isSafeInteger(parsed.o) || parsed.o < 0) throw invalid();
	return parsed.o;
}
