// Opaque NextToken paging: base64url of {operation, offset} plus a check digest, so a token from
// another operation or a hand-edited one is refused with INVALID_NEXT_TOKEN.
import {createHash} from 'node:crypto';
import {validation} from './errors.js';

/** Page size when MaxResults is not given (our choice; the model leaves it open). */
export const DEFAULT_PAGE_SIZE = 50;
const SECRET = 'smsdeck-emulator-paging';

function digest(operation: string, offset: number): string {
	return createHash('sha256').update(`${SECRET}:${operation}:${offset}`).digest('base64url').slice(0, 12);
}

export function encodeToken(operation: string, offset: number): string {
	return Buffer.from(JSON.stringify({o: offset, c: digest(operation, offset)})).toString('base64url');
}

export function decodeToken(operation: string, token: string): number {
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {o?: unknown; c?: unknown};
		if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.c === digest(operation, parsed.o)) return parsed.o;
	} catch {
		// fall through
	}
	throw validation('INVALID_NEXT_TOKEN', 'The NextToken is not valid.', 'NextToken');
}

export interface PageInput {
	NextToken?: string;
	MaxResults?: number;
}

export function paginate<T>(operation: string, items: readonly T[], input: PageInput): {page: T[]; NextToken?: string} {
	const offset = input.NextToken ? decodeToken(operation, input.NextToken) : 0;
	const size = input.MaxResults ?? DEFAULT_PAGE_SIZE;
	const page = items.slice(offset, offset + size);
	const end = offset + page.length;
	return end < items.length ? {page, NextToken: encodeToken(operation, end)} : {page};
}

/** Adds NextToken to an answer only when there is one. */
export function withToken<T extends object>(body: T, token: string | undefined): T & {NextToken?: string} {
	return token ? {...body, NextToken: token} : body;
}
