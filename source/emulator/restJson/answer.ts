// REST-JSON answers: a handler's output structure put on the wire as the model says (the payload member as the
// whole body, header members as headers, the operation's responseCode), and errors as REST-JSON errors
// (x-amzn-ErrorType names the error, the body carries Message and the error shape's members, the status is the
// error shape's httpStatusCode).
import type {ServerResponse} from 'node:http';
import type {ServiceModel} from '../model/serviceModel.js';
import type {ApiError} from '../types.js';

export const REST_JSON_CONTENT_TYPE = 'application/json';

export interface WireOutput {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

/** Where the members of `operation`'s output go on the wire. */
export function outputToWire(model: ServiceModel, operation: string, output: unknown): WireOutput {
	const op = model.operations[operation];
	const status = op?.http?.responseCode ?? 200;
	const shape = model.shapes[op?.output ?? ''];
	const value = (typeof output === 'object' && output !== null ? output : {}) as Record<string, unknown>;
	if (!shape) return {status, headers: {}, body: {}};
	const headers: Record<string, string> = {};
	const body: Record<string, unknown> = {};
	for (const [name, ref] of Object.entries(shape.members ?? {})) {
		const member = value[name];
		if (member === undefined || member === null) continue;
		if (ref.location === 'header') headers[ref.locationName ?? name] = String(member);
		else if (ref.location === undefined && name !== shape.payload) body[ref.locationName ?? name] = member;
	}
	if (shape.payload) return {status, headers, body: value[shape.payload] ?? {}};
	return {status, headers, body};
}

/** The status an error is answered with: its shape's httpStatusCode, else what the ApiError says. */
export function errorStatus(model: ServiceModel, error: ApiError): number {
	return model.shapes[error.code]?.error?.httpStatusCode ?? error.status;
}

function write(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, {'Content-Type': REST_JSON_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text), ...headers});
	res.end(text);
}

export function sendRestOutput(res: ServerResponse, wire: WireOutput, requestId: string): void {
	write(res, wire.status, JSON.stringify(wire.body), {...wire.headers, 'x-amzn-RequestId': requestId});
}

/**
 * `{"Message": …, "RequestID": …}` (Pinpoint's error members; RequestID where the error shape has it), with
 * x-amzn-ErrorType naming the error.
 */
export function sendRestError(res: ServerResponse, model: ServiceModel, error: ApiError, requestId: string): void {
	const modeled = model.shapes[error.code]?.members ?? {};
	const body = {Message: error.message, ...(Object.hasOwn(modeled, 'RequestID') ? {RequestID: requestId} : {}), ...error.members};
	write(res, errorStatus(model, error), JSON.stringify(body), {'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code});
}
