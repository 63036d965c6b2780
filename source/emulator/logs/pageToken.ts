// Opaque pagination tokens: base64url JSON tagged with the operation, so a token from another call is refused.
import {ApiError} from '../types.js';

export function encodeToken(kind: string, position: unknown): string {
	return Buffer.from(JSON.stringify({k: kind, p: position}), 'utf8').toString('base64url');
}

export function decodeToken<T>(kind: string, token: string | undefined, isValid: (p: unknown) => p is T): T | undefined {
	if (token === undefined) return undefined;
	let parsed: {k?: unknown; p?: unknown};
	try {
		parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
	} catch {
		throw invalidToken();
	}
	if (typeof parsed !== 'object' || parsed === null || parsed.k !== kind || !isValid(parsed.p)) throw invalidToken();
	return parsed.p;
}

export function invalidToken(): ApiError {
	return new ApiError('InvalidParameterException', 'The specified nextToken is invalid.');
}

export const isOffset = (p: unknown): p is number => typeof p === 'number' && Number.isSafeInteger(p) && p >= 0;
