// Reading and parsing a request body within bounds: its size, and how deeply its JSON nests.
import type {IncomingMessage} from 'node:http';
import {ApiError} from './types.js';

/** Larger than any valid request (PutLogEvents tops out near 1 MB of JSON-escaped text). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Arrays and objects nested deeper than this are refused before parsing. The deepest valid input of either
 * model nests 9 levels (sms-voice SendRcsMessage); checking and error messages recurse, so depth must be bounded.
 */
export const MAX_JSON_DEPTH = 64;

export function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
		req.on('error', reject);
		// Cut off (a timeout, or closed to make room): settle so nothing waits for it.
		req.on('close', () => {
			if (!req.complete) reject(new Error('the request was cut off before its body arrived'));
		});
	});
}

/** Whether arrays and objects in JSON `text` nest deeper than `limit` (string contents, escapes included, skipped). */
export function nestsDeeperThan(text: string, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++; // backslash: the next character is escaped
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > limit) return true;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return false;
}

/** `{}` for an empty body; throws SerializationException for anything that is not a JSON object within bounds. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
	const text = body.toString('utf8').trim();
	if (text === '') return {};
	if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
		throw new ApiError('SerializationException', `The request body nests arrays or objects deeper than ${MAX_JSON_DEPTH} levels.`);
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new ApiError('SerializationException', 'The request body is not valid JSON.');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ApiError('SerializationException', 'Start of structure or map expected: the request body must be a JSON object.');
	}
	return parsed as Record<string, unknown>;
}

/**
 * The AWS JSON protocols read a member set to null as a member not sent: the service's handlers see it absent.
 * Structures and maps nested in the input lose their null members too; nulls inside lists stay (the validator
 * refuses them where the model does not allow them). Depth is bounded by parseJsonObject.
 */
export function withoutNullMembers(input: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(input)) {
		if (value === null) continue;
		out[key] = prune(value);
	}
	return out;
}

function prune(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(v => (v !== null && typeof v === 'object' ? prune(v) : v));
	if (value !== null && typeof value === 'object') return withoutNullMembers(value as Record<string, unknown>);
	return value;
}
