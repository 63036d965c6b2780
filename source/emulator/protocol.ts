// awsJson 1.0 / 1.1 wire details shared by both services: content types, request ids, error bodies.
import {randomUUID} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import {ApiError} from './types.js';

export type JsonVersion = '1.0' | '1.1';

export function contentTypeFor(version: JsonVersion): string {
	return `application/x-amz-json-${version}`;
}

export function newRequestId(): string {
	return randomUUID();
}

/** Name of the message member: awsJson services differ (sms-voice `Message`, logs `message`). */
export type MessageMember = 'Message' | 'message';

/** The JSON body of an error answer: {"__type": code, "Message"|"message": text, ...modeled members}. */
export function errorBody(error: ApiError, messageMember: MessageMember): Record<string, unknown> {
	return {__type: error.code, [messageMember]: error.message, ...error.members};
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType: string, requestId: string): void {
	if (res.headersSent || res.destroyed) return;
	const text = body === undefined ? '{}' : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
	});
	res.end(text);
}

export function sendError(
	res: ServerResponse,
	error: ApiError,
	messageMember: MessageMember,
	contentType: string,
	requestId: string,
	extraHeaders: Record<string, string> = {},
): void {
	if (res.headersSent || res.destroyed) return;
	const body = errorBody(error, messageMember);
	const text = JSON.stringify(body);
	res.writeHead(error.status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
		'x-amzn-ErrorType': error.code,
		...extraHeaders,
	});
	res.end(text);
}

/** The SigV4 credential scope of a request: who signed it, for which region and service. */
export interface CredentialScope {
	accessKeyId: string;
	region: string;
	service: string;
}

/**
 * The scope in `Authorization: AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, …`; undefined
 * when the header is missing or has no such credential. Nothing else of the header (the signature) is read.
 */
export function credentialScope(authorization: string | undefined): CredentialScope | undefined {
	if (!authorization) return undefined;
	const match = /Credential=([^/,\s]*)\/[^/,\s]*\/([a-z0-9-]{1,64})\/([^/,\s]+)\/aws4_request/.exec(authorization);
	return match ? {accessKeyId: match[1], region: match[2], service: match[3]} : undefined;
}

/** Region from the Authorization header's credential scope, else `fallback`. */
export function regionFromAuthorization(authorization: string | undefined, fallback = 'us-east-1'): string {
	return credentialScope(authorization)?.region ?? fallback;
}

/** An unexpected failure in a handler, answered as a 500 the SDK will retry. */
export function internalError(requestId: string): ApiError {
	return new ApiError('InternalServerException', 'An internal error occurred in the smsdeck emulator.', {RequestId: requestId}, 500);
}
