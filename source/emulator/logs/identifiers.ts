// Log group ARNs and identifiers (a name or an ARN), and the errors for groups that are not there.
import {ApiError, type RequestContext} from '../types.js';
import type {LogGroup, LogsStore} from './store.js';

export function logGroupArn(region: string, accountId: string, name: string): string {
	return `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
}

export function logStreamArn(region: string, accountId: string, group: string, stream: string): string {
	return `${logGroupArn(region, accountId, group)}:log-stream:${stream}`;
}

export function groupNotFound(): ApiError {
	return new ApiError('ResourceNotFoundException', 'The specified log group does not exist.');
}

export function streamNotFound(): ApiError {
	return new ApiError('ResourceNotFoundException', 'The specified log stream does not exist.');
}

export function invalidParameter(message: string): ApiError {
	return new ApiError('InvalidParameterException', message);
}

/** The group an identifier names: a plain name, or `arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]`. */
export function resolveIdentifier(store: LogsStore, ctx: RequestContext, identifier: string): LogGroup | undefined {
	if (!identifier.startsWith('arn:')) return store.findGroup(ctx.region, identifier);
	const match = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)(:\*)?$/.exec(identifier);
	if (!match) throw invalidParameter(`Invalid log group identifier ${identifier}.`);
	const [, region, account, name] = match;
	if (region !== ctx.region || account !== ctx.accountId) return undefined;
	return store.findGroup(region, name);
}

/** For operations taking logGroupName or logGroupIdentifier: exactly one, and it must exist. */
export function requireGroup(store: LogsStore, ctx: RequestContext, input: {logGroupName?: string; logGroupIdentifier?: string}): LogGroup {
	const {logGroupName, logGroupIdentifier} = input;
	if (logGroupName !== undefined && logGroupIdentifier !== undefined) {
		throw invalidParameter('LogGroupName and LogGroupIdentifier are mutually exclusive; specify only one.');
	}
	if (logGroupName === undefined && logGroupIdentifier === undefined) {
		throw invalidParameter('Either logGroupName or logGroupIdentifier is required.');
	}
	const group = logGroupName !== undefined ? store.findGroup(ctx.region, logGroupName) : resolveIdentifier(store, ctx, logGroupIdentifier!);
	if (!group) throw groupNotFound();
	return group;
}
