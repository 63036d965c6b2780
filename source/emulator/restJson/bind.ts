// REST-JSON request binding: the operation's input structure assembled from where the model says each member
// travels — path labels, query string, headers — and the body (the payload member, or the remaining members).
import type {IncomingHttpHeaders} from 'node:http';
import type {ServiceModel} from '../model/serviceModel.js';
import {parseJsonObject, withoutNullMembers} from '../requestBody.js';
import {ApiError} from '../types.js';

export interface RestRequest {
	labels: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** A text value (query string, header) as the member's type wants it; left as text when it is not one. */
function scalar(model: ServiceModel, shapeName: string, text: string): unknown {
	const type = model.shapes[shapeName]?.type;
	if ((type === 'integer' || type === 'long') && /^-?\d{1,15}$/.test(text)) return Number(text);
	if ((type === 'double' || type === 'float') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
	if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
	return text;
}

function parseBody(body: Buffer): Record<string, unknown> | undefined {
	if (body.length === 0 || body.toString('utf8').trim() === '') return undefined;
	try {
		return withoutNullMembers(parseJsonObject(body));
	} catch (error) {
		// The awsJson fronts call this a SerializationException; a REST-JSON service answers 400 Bad Request.
		throw new ApiError('BadRequestException', error instanceof ApiError ? error.message : 'The request body is not valid JSON.');
	}
}

/** The input of `operation` from an HTTP request; members the request does not carry are left out. */
export function bindInput(model: ServiceModel, operation: string, request: RestRequest): Record<string, unknown> {
	const op = model.operations[operation];
	const shape = model.shapes[op?.input ?? ''];
	const input: Record<string, unknown> = {};
	if (!shape) return input;
	const bodyMembers: string[] = [];
	for (const [name, ref] of Object.entries(shape.members ?? {})) {
		const wire = ref.locationName ?? name;
		switch (ref.location) {
			case 'uri':
				if (request.labels[wire] !== undefined) input[name] = request.labels[wire];
				break;
			case 'querystring': {
				const values = request.query.getAll(wire);
				if (values.length === 0) break;
				const target = model.shapes[ref.shape];
				input[name] = target?.type === 'list' ? values.map(v => scalar(model, target.member!, v)) : scalar(model, ref.shape, values[0]);
				break;
			}
			case 'header': {
				const value = request.headers[wire.toLowerCase()];
				if (typeof value === 'string') input[name] = scalar(model, ref.shape, value);
				break;
			}
			default:
				bodyMembers.push(name);
		}
	}
	const body = parseBody(request.body);
	if (shape.payload) {
		if (body !== undefined) input[shape.payload] = body;
	} else if (body !== undefined) {
		for (const name of bodyMembers) if (body[name] !== undefined) input[name] = body[name];
	}
	return input;
}
