// REST-JSON routing: an operation is found by its HTTP method and a path matching the model's requestUri
// template (`/v1/apps/{application-id}/channels/gcm`). Labels bind one path segment each; `{name+}` binds the rest.
import type {ServiceModel} from '../model/serviceModel.js';
import {ApiError} from '../types.js';

type Segment = {literal: string} | {label: string; greedy: boolean};

interface Route {
	operation: string;
	method: string;
	segments: Segment[];
}

export type RouteMatch =
	| {kind: 'operation'; operation: string; labels: Record<string, string>}
	/** The path is one of the service's, not with this method. */
	| {kind: 'method-not-allowed'; allowed: string[]}
	| {kind: 'none'};

function compile(requestUri: string): Segment[] {
	const path = requestUri.split('?')[0];
	return path
		.split('/')
		.filter(part => part !== '')
		.map(part => {
			const label = /^\{([^}+]+)(\+?)\}$/.exec(part);
			return label ? {label: label[1], greedy: label[2] === '+'} : {literal: part};
		});
}

/** A percent-encoded path segment in plain text; a malformed escape is the caller's mistake (400). */
export function decodeSegment(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		throw new ApiError('BadRequestException', `The path segment ${JSON.stringify(raw.slice(0, 64))} is not valid percent-encoding.`);
	}
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
	const labels: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		const part = parts[i];
		if (part === undefined) return undefined;
		if ('literal' in segment) {
			if (segment.literal !== part) return undefined;
			continue;
		}
		if (segment.greedy) {
			labels[segment.label] = parts.slice(i).map(decodeSegment).join('/');
			return labels;
		}
		if (part === '') return undefined;
		labels[segment.label] = decodeSegment(part);
	}
	return parts.length === segments.length ? labels : undefined;
}

export class RestRoutes {
	private readonly routes: Route[];

	constructor(model: ServiceModel) {
		this.routes = Object.entries(model.operations)
			.filter(([, op]) => op.http !== undefined)
			.map(([operation, op]) => ({operation, method: op.http!.method.toUpperCase(), segments: compile(op.http!.requestUri)}));
		// Literal segments win over labels where two templates could match the same path.
		this.routes.sort((a, b) => literalCount(b) - literalCount(a));
	}

	/** `path` is the raw (still percent-encoded) path without the query string. */
	match(method: string, path: string): RouteMatch {
		const parts = path.split('/').filter((part, i, all) => part !== '' || (i > 0 && i < all.length - 1));
		const allowed: string[] = [];
		for (const route of this.routes) {
			const labels = matchSegments(route.segments, parts);
			if (!labels) continue;
			if (route.method === method.toUpperCase()) return {kind: 'operation', operation: route.operation, labels};
			allowed.push(route.method);
		}
		return allowed.length > 0 ? {kind: 'method-not-allowed', allowed} : {kind: 'none'};
	}
}

function literalCount(route: Route): number {
	return route.segments.filter(s => 'literal' in s).length;
}
