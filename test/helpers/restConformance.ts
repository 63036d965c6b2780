// Raw REST-JSON calls (Pinpoint) for the conformance test: the HTTP request is built from the operation's input
// by the model alone (method and requestUri, uri/querystring/header members, the payload member as the body),
// independently of the emulator's binding, and the answer is checked like the awsJson ones (WireClient).
import type {ServiceModel} from '../../source/emulator/model/serviceModel.js';
import type {WireAnswer} from '../../source/emulator/model/conformance.js';
import {WireClient} from './conformance.js';

export interface RestRequestParts {
	method: string;
	path: string;
	headers: Record<string, string>;
	body?: string;
}

/** The HTTP request the model describes for `operation` with `input`. */
export function restRequest(model: ServiceModel, operation: string, input: Record<string, unknown>): RestRequestParts {
	const op = model.operations[operation];
	if (!op?.http) throw new Error(`${operation} has no http binding in the model`);
	const shape = model.shapes[op.input ?? ''];
	let path = op.http.requestUri;
	const query = new URLSearchParams();
	const headers: Record<string, string> = {};
	const body: Record<string, unknown> = {};
	for (const [name, ref] of Object.entries(shape?.members ?? {})) {
		const value = input[name];
		const wire = ref.locationName ?? name;
		if (ref.location === 'uri') path = path.replace(`{${wire}}`, encodeURIComponent(value === undefined ? '' : String(value)));
		else if (value === undefined) continue;
		else if (ref.location === 'querystring') query.set(wire, String(value));
		else if (ref.location === 'header') headers[wire] = String(value);
		else if (name !== shape?.payload) body[wire] = value;
	}
	const payload = shape?.payload ? input[shape.payload] : body;
	const text = payload === undefined ? undefined : JSON.stringify(payload);
	return {method: op.http.method, path: query.size > 0 ? `${path}?${query}` : path, headers, body: text};
}

export class RestWireClient extends WireClient {
	override async raw(operation: string, input: unknown, region = 'us-east-1', init: {body?: string; headers?: Record<string, string>} = {}): Promise<WireAnswer> {
		const request = restRequest(this.model, operation, (input ?? {}) as Record<string, unknown>);
		return this.send(request.method, request.path, init.body ?? request.body, region, {...request.headers, ...init.headers});
	}

	/** Any method and path, signed for `region` only as far as the emulator reads it. */
	async send(method: string, path: string, body: string | undefined, region = 'us-east-1', headers: Record<string, string> = {}): Promise<WireAnswer> {
		const res = await fetch(this.url + path, {
			method,
			headers: {
				...(body !== undefined ? {'content-type': 'application/json'} : {}),
				authorization: `AWS4-HMAC-SHA256 Credential=AKIDCONFORMANCE/20250101/${region}/${this.signingName}/aws4_request, SignedHeaders=host, Signature=00`,
				...headers,
			},
			body: method === 'GET' || method === 'HEAD' ? undefined : body,
		});
		const answerHeaders: Record<string, string> = {};
		res.headers.forEach((value, name) => {
			answerHeaders[name] = value;
		});
		return {status: res.status, headers: answerHeaders, body: await res.text()};
	}
}
