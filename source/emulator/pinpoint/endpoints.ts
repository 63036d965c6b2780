// GetEndpoint, UpdateEndpoint (create or change; 202 Accepted) and DeleteEndpoint (202, the endpoint's last
// state) of an application.
import type {Handler} from '../types.js';
import type {PushContext} from './context.js';
import {badRequest, notFound} from './errors.js';
import {isoDate} from './ids.js';
import type {PushApp, StoredEndpoint} from './state.js';

const DETAIL_MEMBERS = ['Attributes', 'Demographic', 'Location', 'Metrics', 'User'] as const;

export function endpointView(app: PushApp, endpoint: StoredEndpoint): Record<string, unknown> {
	return {
		...(endpoint.address !== undefined ? {Address: endpoint.address} : {}),
		ApplicationId: app.id,
		...(endpoint.channelType !== undefined ? {ChannelType: endpoint.channelType} : {}),
		CohortId: endpoint.cohortId,
		CreationDate: endpoint.creationDate,
		EffectiveDate: endpoint.effectiveDate,
		EndpointStatus: endpoint.endpointStatus,
		Id: endpoint.id,
		OptOut: endpoint.optOut,
		RequestId: endpoint.requestId,
		...structuredClone(endpoint.details),
	};
}

/** Endpoint ids are case-insensitive and cannot contain `$`, `{` or `}` (the model's documentation). */
function endpointKey(id: string): string {
	if (/[${}]/.test(id)) throw badRequest('An endpoint id cannot contain $, { or }.');
	return id.toLowerCase();
}

export function findEndpoint(app: PushApp, id: string): StoredEndpoint | undefined {
	return Object.hasOwn(app.endpoints, id.toLowerCase()) ? app.endpoints[id.toLowerCase()] : undefined;
}

/** Cohorts 0–99, derived from the id as the service spreads endpoints over them. */
function cohortOf(id: string): string {
	let hash = 0;
	for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return String(hash % 100);
}

export function upsertEndpoint(app: PushApp, id: string, request: Record<string, unknown>, at: string, requestId: string): StoredEndpoint {
	const key = endpointKey(id);
	const existing = Object.hasOwn(app.endpoints, key) ? app.endpoints[key] : undefined;
	const next: StoredEndpoint = existing
		? {...existing, details: {...existing.details}}
		: {id, creationDate: at, effectiveDate: at, cohortId: cohortOf(key), requestId, endpointStatus: 'ACTIVE', optOut: 'NONE', details: {}};
	if (typeof request.Address === 'string') next.address = request.Address;
	if (typeof request.ChannelType === 'string') next.channelType = request.ChannelType;
	if (typeof request.EndpointStatus === 'string') next.endpointStatus = request.EndpointStatus;
	if (typeof request.OptOut === 'string') next.optOut = request.OptOut;
	next.effectiveDate = typeof request.EffectiveDate === 'string' ? request.EffectiveDate : at;
	next.requestId = typeof request.RequestId === 'string' ? request.RequestId : requestId;
	for (const member of DETAIL_MEMBERS) if (request[member] !== undefined) next.details[member] = structuredClone(request[member]);
	// Defined, not assigned: an id such as `__proto__` is an endpoint like any other.
	Object.defineProperty(app.endpoints, key, {value: next, enumerable: true, writable: true, configurable: true});
	return next;
}

export function endpointHandlers(push: PushContext): Record<string, Handler> {
	const requireEndpoint = (app: PushApp, id: string) => {
		const endpoint = findEndpoint(app, id);
		if (!endpoint) throw notFound(`endpoint ${id} of application ${app.id}`);
		return endpoint;
	};
	return {
		GetEndpoint(input: {ApplicationId: string; EndpointId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			return {EndpointResponse: endpointView(app, requireEndpoint(app, input.EndpointId))};
		},
		UpdateEndpoint(input: {ApplicationId: string; EndpointId: string; EndpointRequest: Record<string, unknown>}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			upsertEndpoint(app, input.EndpointId, input.EndpointRequest, isoDate(push.now()), ctx.requestId);
			push.dirty();
			return {MessageBody: {Message: 'Accepted', RequestID: ctx.requestId}};
		},
		DeleteEndpoint(input: {ApplicationId: string; EndpointId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			const endpoint = requireEndpoint(app, input.EndpointId);
			delete app.endpoints[endpoint.id.toLowerCase()];
			push.dirty();
			return {EndpointResponse: endpointView(app, endpoint)};
		},
	};
}
