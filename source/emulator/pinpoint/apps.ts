// GetApps, GetApp, CreateApp, DeleteApp: the applications (projects) of a Region.
import type {Handler, RequestContext} from '../types.js';
import type {PushContext} from './context.js';
import {badRequest} from './errors.js';
import {applicationArn, isoDate, newApplicationId} from './ids.js';
import type {PushApp} from './state.js';

/** GetApps page size when the request names none, and the most it may name. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export function applicationView(app: PushApp, ctx: RequestContext): Record<string, unknown> {
	return {
		Arn: applicationArn(ctx.region, ctx.accountId, app.id),
		Id: app.id,
		Name: app.name,
		tags: {...app.tags},
		CreationDate: app.creationDate,
	};
}

function pageSize(text: string | undefined): number {
	if (text === undefined) return DEFAULT_PAGE_SIZE;
	const size = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
	if (!(size >= 1 && size <= MAX_PAGE_SIZE)) throw badRequest(`page-size must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${JSON.stringify(text.slice(0, 32))}.`);
	return size;
}

/** The token of the page that starts at application `id`. */
function tokenFor(id: string): string {
	return Buffer.from(`app:${id}`).toString('base64url');
}

function startOf(apps: readonly PushApp[], token: string | undefined): number {
	if (token === undefined) return 0;
	const text = Buffer.from(token, 'base64url').toString('utf8');
	const at = text.startsWith('app:') ? apps.findIndex(app => app.id === text.slice(4)) : -1;
	if (at < 0) throw badRequest('The token is not valid or has expired.');
	return at;
}

export function appHandlers(push: PushContext): Record<string, Handler> {
	return {
		GetApps(input: {PageSize?: string; Token?: string}, ctx) {
			const apps = push.state.appsIn(ctx.region);
			const size = pageSize(input.PageSize);
			const start = startOf(apps, input.Token);
			const page = apps.slice(start, start + size);
			const next = apps[start + size];
			return {ApplicationsResponse: {Item: page.map(app => applicationView(app, ctx)), ...(next ? {NextToken: tokenFor(next.id)} : {})}};
		},
		GetApp(input: {ApplicationId: string}, ctx) {
			return {ApplicationResponse: applicationView(push.requireApp(ctx.region, input.ApplicationId), ctx)};
		},
		CreateApp(input: {CreateApplicationRequest: {Name: string; tags?: Record<string, string>}}, ctx) {
			const {Name: name, tags = {}} = input.CreateApplicationRequest;
			if (name.trim() === '') throw badRequest('Name must not be empty.');
			const app: PushApp = {id: newApplicationId(), name, tags: {...tags}, creationDate: isoDate(push.now()), channels: {}, endpoints: {}};
			push.state.region(ctx.region).apps.push(app);
			push.dirty();
			return {ApplicationResponse: applicationView(app, ctx)};
		},
		DeleteApp(input: {ApplicationId: string}, ctx) {
			const app = push.requireApp(ctx.region, input.ApplicationId);
			const region = push.state.region(ctx.region);
			region.apps = region.apps.filter(a => a !== app);
			push.dirty();
			return {ApplicationResponse: applicationView(app, ctx)};
		},
	};
}
