// Log group, log stream, retention and tag operations.
import {ApiError, type EmulatorWorld, type Handler, type RequestContext} from '../types.js';
import {groupNotFound, invalidParameter, logGroupArn, logStreamArn, requireGroup, resolveIdentifier, streamNotFound} from './identifiers.js';
import {decodeToken, encodeToken, isOffset} from './pageToken.js';
import type {LogGroup, LogStream, LogsStore} from './store.js';

const RETENTION_DAYS = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);

function describeGroup(group: LogGroup, ctx: RequestContext) {
	const arn = logGroupArn(group.region, ctx.accountId, group.name);
	return {
		logGroupName: group.name,
		creationTime: group.creationTime,
		...(group.retentionInDays !== undefined ? {retentionInDays: group.retentionInDays} : {}),
		metricFilterCount: 0,
		arn: `${arn}:*`,
		storedBytes: group.storedBytes,
		...(group.kmsKeyId ? {kmsKeyId: group.kmsKeyId} : {}),
		logGroupClass: group.logGroupClass,
		logGroupArn: arn,
		deletionProtectionEnabled: group.deletionProtectionEnabled,
	};
}

function describeStream(group: LogGroup, stream: LogStream, ctx: RequestContext) {
	return {
		logStreamName: stream.name,
		creationTime: stream.creationTime,
		...(stream.events.length > 0
			? {firstEventTimestamp: stream.events[0].timestamp, lastEventTimestamp: stream.events.at(-1)!.timestamp}
			: {}),
		...(stream.lastIngestionTime !== undefined ? {lastIngestionTime: stream.lastIngestionTime} : {}),
		uploadSequenceToken: sequenceToken(stream),
		arn: logStreamArn(group.region, ctx.accountId, group.name, stream.name),
		storedBytes: 0,
	};
}

export function sequenceToken(stream: LogStream): string {
	return String(49_000_000_000 + stream.sequence).padStart(56, '0');
}

function page<T>(items: T[], kind: string, nextToken: string | undefined, limit: number | undefined, max: number): {items: T[]; nextToken?: string} {
	const offset = decodeToken(kind, nextToken, isOffset) ?? 0;
	const size = limit ?? max;
	const slice = items.slice(offset, offset + size);
	const end = offset + slice.length;
	return {items: slice, ...(end < items.length ? {nextToken: encodeToken(kind, end)} : {})};
}

function groupByArn(store: LogsStore, ctx: RequestContext, arn: string): LogGroup {
	if (!arn.startsWith('arn:')) throw invalidParameter(`Invalid resource ARN ${arn}.`);
	const group = resolveIdentifier(store, ctx, arn);
	if (!group) throw groupNotFound();
	return group;
}

export function groupHandlers(store: LogsStore, world: EmulatorWorld): Record<string, Handler> {
	const changed = () => world.markDirty();
	return {
		CreateLogGroup(input: {logGroupName: string; kmsKeyId?: string; tags?: Record<string, string>; logGroupClass?: string; deletionProtectionEnabled?: boolean}, ctx) {
			if (input.logGroupName.startsWith('aws/')) throw invalidParameter('Log group names cannot start with "aws/".');
			if (store.findGroup(ctx.region, input.logGroupName)) {
				throw new ApiError('ResourceAlreadyExistsException', 'The specified log group already exists');
			}
			store.createGroup(ctx.region, input.logGroupName, world.clock.now(), input);
			changed();
			return {};
		},

		DeleteLogGroup(input: {logGroupName: string}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			if (group.deletionProtectionEnabled) {
				throw new ApiError('OperationAbortedException', 'The log group has deletion protection enabled; disable it before deleting.');
			}
			store.deleteGroup(ctx.region, input.logGroupName);
			changed();
			return {};
		},

		DescribeLogGroups(
			input: {logGroupNamePrefix?: string; logGroupNamePattern?: string; nextToken?: string; limit?: number; logGroupClass?: string; logGroupIdentifiers?: string[]},
			ctx,
		) {
			if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
				throw invalidParameter('LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive.');
			}
			if (input.logGroupIdentifiers && (input.logGroupNamePrefix !== undefined || input.logGroupNamePattern !== undefined)) {
				throw invalidParameter('logGroupIdentifiers cannot be combined with logGroupNamePrefix or logGroupNamePattern.');
			}
			let groups = [...store.groups(ctx.region).values()];
			if (input.logGroupNamePrefix !== undefined) groups = groups.filter(g => g.name.startsWith(input.logGroupNamePrefix!));
			if (input.logGroupNamePattern) groups = groups.filter(g => g.name.includes(input.logGroupNamePattern!));
			if (input.logGroupClass) groups = groups.filter(g => g.logGroupClass === input.logGroupClass);
			if (input.logGroupIdentifiers) {
				const wanted = new Set(input.logGroupIdentifiers.map(id => resolveIdentifier(store, ctx, id)).filter(g => g !== undefined));
				groups = groups.filter(g => wanted.has(g));
			}
			groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			const {items, nextToken} = page(groups, 'DescribeLogGroups', input.nextToken, input.limit, 50);
			return {logGroups: items.map(g => describeGroup(g, ctx)), ...(nextToken ? {nextToken} : {})};
		},

		ListLogGroups(input: {logGroupNamePattern?: string; logGroupClass?: string; nextToken?: string; limit?: number}, ctx) {
			let groups = [...store.groups(ctx.region).values()];
			if (input.logGroupNamePattern) {
				const alternatives = input.logGroupNamePattern.split('|');
				groups = groups.filter(g =>
					alternatives.some(alt => (alt.startsWith('^') ? g.name.startsWith(alt.slice(1)) : g.name.includes(alt))),
				);
			}
			if (input.logGroupClass) groups = groups.filter(g => g.logGroupClass === input.logGroupClass);
			groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			const {items, nextToken} = page(groups, 'ListLogGroups', input.nextToken, input.limit, 50);
			return {
				logGroups: items.map(g => ({logGroupName: g.name, logGroupArn: logGroupArn(g.region, ctx.accountId, g.name), logGroupClass: g.logGroupClass})),
				...(nextToken ? {nextToken} : {}),
			};
		},

		CreateLogStream(input: {logGroupName: string; logStreamName: string}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			if (group.streams.has(input.logStreamName)) throw new ApiError('ResourceAlreadyExistsException', 'The specified log stream already exists');
			store.createStream(group, input.logStreamName, world.clock.now());
			changed();
			return {};
		},

		DeleteLogStream(input: {logGroupName: string; logStreamName: string}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			const stream = group.streams.get(input.logStreamName);
			if (!stream) throw streamNotFound();
			group.streams.delete(input.logStreamName);
			group.storedBytes -= stream.storedBytes;
			changed();
			return {};
		},

		DescribeLogStreams(
			input: {logGroupName?: string; logGroupIdentifier?: string; logStreamNamePrefix?: string; orderBy?: string; descending?: boolean; nextToken?: string; limit?: number},
			ctx,
		) {
			const group = requireGroup(store, ctx, input);
			const orderBy = input.orderBy ?? 'LogStreamName';
			if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) {
				throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
			}
			let streams = [...group.streams.values()];
			if (input.logStreamNamePrefix !== undefined) streams = streams.filter(s => s.name.startsWith(input.logStreamNamePrefix!));
			if (orderBy === 'LastEventTime') {
				const last = (s: LogStream) => s.events.at(-1)?.timestamp ?? -1;
				streams.sort((a, b) => last(a) - last(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			} else {
				streams.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			}
			if (input.descending) streams.reverse();
			const {items, nextToken} = page(streams, 'DescribeLogStreams', input.nextToken, input.limit, 50);
			return {logStreams: items.map(s => describeStream(group, s, ctx)), ...(nextToken ? {nextToken} : {})};
		},

		PutRetentionPolicy(input: {logGroupName: string; retentionInDays: number}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			if (!RETENTION_DAYS.has(input.retentionInDays)) {
				throw invalidParameter(`1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${[...RETENTION_DAYS].join(', ')}]`);
			}
			group.retentionInDays = input.retentionInDays;
			changed();
			return {};
		},

		DeleteRetentionPolicy(input: {logGroupName: string}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			delete group.retentionInDays;
			changed();
			return {};
		},

		ListTagsForResource(input: {resourceArn: string}, ctx) {
			return {tags: {...groupByArn(store, ctx, input.resourceArn).tags}};
		},

		ListTagsLogGroup(input: {logGroupName: string}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			return {tags: {...group.tags}};
		},

		TagResource(input: {resourceArn: string; tags: Record<string, string>}, ctx) {
			const group = groupByArn(store, ctx, input.resourceArn);
			const merged = {...group.tags, ...input.tags};
			if (Object.keys(merged).length > 50) {
				throw new ApiError('TooManyTagsException', 'A resource can have no more than 50 tags.', {resourceName: input.resourceArn});
			}
			group.tags = merged;
			changed();
			return {};
		},

		// The older, name-based pair (deprecated by AWS, still answered; the AWS CLI v1 has them).
		TagLogGroup(input: {logGroupName: string; tags: Record<string, string>}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			const merged = {...group.tags, ...input.tags};
			if (Object.keys(merged).length > 50) throw new ApiError('InvalidParameterException', 'A log group can have no more than 50 tags.');
			group.tags = merged;
			changed();
			return {};
		},

		UntagLogGroup(input: {logGroupName: string; tags: string[]}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			for (const key of input.tags) delete group.tags[key];
			changed();
			return {};
		},

		UntagResource(input: {resourceArn: string; tagKeys: string[]}, ctx) {
			const group = groupByArn(store, ctx, input.resourceArn);
			for (const key of input.tagKeys) delete group.tags[key];
			changed();
			return {};
		},
	};
}
