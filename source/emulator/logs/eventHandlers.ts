// PutLogEvents, GetLogEvents and FilterLogEvents.
import type {EmulatorWorld, Handler} from '../types.js';
import {compileFilterPattern, FilterPatternError, type MessageMatcher} from './filterPattern.js';
import {groupNotFound, invalidParameter, requireGroup, streamNotFound} from './identifiers.js';
import {decodeToken, encodeToken, invalidToken} from './pageToken.js';
import {sequenceToken} from './groupHandlers.js';
import type {LogStream, LogsStore, StoredEvent} from './store.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const MAX_BATCH_BYTES = 1_048_576;
const PER_EVENT_OVERHEAD = 26;
const MAX_PAGE_EVENTS = 10_000;
const MAX_PAGE_BYTES = 1_048_576;

export function compileOrRefuse(pattern: string | undefined): MessageMatcher {
	try {
		return compileFilterPattern(pattern);
	} catch (error) {
		if (error instanceof FilterPatternError) throw invalidParameter(error.message);
		throw error;
	}
}

type Key = [number, number];
const keyOf = (e: StoredEvent): Key => [e.timestamp, e.seq];
const after = (e: StoredEvent, k: Key) => e.timestamp > k[0] || (e.timestamp === k[0] && e.seq > k[1]);
const before = (e: StoredEvent, k: Key) => e.timestamp < k[0] || (e.timestamp === k[0] && e.seq < k[1]);
const isKey = (p: unknown): p is Key => Array.isArray(p) && p.length === 2 && p.every(n => typeof n === 'number' && Number.isSafeInteger(n));

/** GetLogEvents tokens: `f/<timestamp>/<seq>` (events after that key) and `b/<timestamp>/<seq>` (events before it). */
function parseStreamToken(token: string): {direction: 'f' | 'b'; key: Key} {
	const match = /^([fb])\/(-?\d{1,20})\/(-?\d{1,20})$/.exec(token);
	if (!match) throw invalidToken();
	const key: Key = [Number(match[2]), Number(match[3])];
	if (!isKey(key)) throw invalidToken();
	return {direction: match[1] as 'f' | 'b', key};
}
const streamToken = (direction: 'f' | 'b', key: Key) => `${direction}/${key[0]}/${key[1]}`;
const START: Key = [-1, -1];

export function eventHandlers(store: LogsStore, world: EmulatorWorld): Record<string, Handler> {
	return {
		PutLogEvents(input: {logGroupName: string; logStreamName: string; logEvents: {timestamp: number; message: string}[]}, ctx) {
			const group = store.findGroup(ctx.region, input.logGroupName);
			if (!group) throw groupNotFound();
			const stream = group.streams.get(input.logStreamName);
			if (!stream) throw streamNotFound();
			const events = input.logEvents;
			let bytes = 0;
			for (let i = 0; i < events.length; i++) {
				if (i > 0 && events[i].timestamp < events[i - 1].timestamp) {
					throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
				}
				bytes += Buffer.byteLength(events[i].message, 'utf8') + PER_EVENT_OVERHEAD;
			}
			if (bytes > MAX_BATCH_BYTES) {
				throw invalidParameter(`Upload too large: ${bytes} bytes exceeds the limit of ${MAX_BATCH_BYTES} bytes (message bytes plus 26 per event).`);
			}
			const now = world.clock.now();
			const tooNewFrom = now + 2 * HOUR;
			const tooOldBefore = now - 14 * DAY;
			const expiredBefore = group.retentionInDays !== undefined ? now - group.retentionInDays * DAY : -Infinity;
			let tooNewStart: number | undefined;
			let tooOldEnd: number | undefined;
			let expiredEnd: number | undefined;
			const accepted: {timestamp: number; message: string}[] = [];
			events.forEach((event, index) => {
				if (event.timestamp > tooNewFrom) tooNewStart ??= index;
				else if (event.timestamp < tooOldBefore) tooOldEnd = index;
				else if (event.timestamp < expiredBefore) expiredEnd = index;
				else accepted.push(event);
			});
			if (accepted.length > 0 && accepted.at(-1)!.timestamp - accepted[0].timestamp > DAY) {
				throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
			}
			store.append(group, stream, accepted, now);
			if (accepted.length > 0) world.markDirty();
			const rejected = {
				...(tooNewStart !== undefined ? {tooNewLogEventStartIndex: tooNewStart} : {}),
				...(tooOldEnd !== undefined ? {tooOldLogEventEndIndex: tooOldEnd} : {}),
				...(expiredEnd !== undefined ? {expiredLogEventEndIndex: expiredEnd} : {}),
			};
			return {nextSequenceToken: sequenceToken(stream), ...(Object.keys(rejected).length > 0 ? {rejectedLogEventsInfo: rejected} : {})};
		},

		GetLogEvents(
			input: {logGroupName?: string; logGroupIdentifier?: string; logStreamName: string; startTime?: number; endTime?: number; nextToken?: string; limit?: number; startFromHead?: boolean},
			ctx,
		) {
			const group = requireGroup(store, ctx, input);
			const stream = group.streams.get(input.logStreamName);
			if (!stream) throw streamNotFound();
			const limit = input.limit ?? MAX_PAGE_EVENTS;
			const inRange = stream.events.filter(
				e => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime),
			);
			let chosen: StoredEvent[];
			let forward: string;
			let backward: string;
			const token = input.nextToken !== undefined ? parseStreamToken(input.nextToken) : undefined;
			const fromHead = token ? token.direction === 'f' : input.startFromHead === true;
			if (fromHead) {
				const from = token?.key ?? START;
				chosen = takeWithinBytes(inRange.filter(e => after(e, from)).slice(0, limit));
				forward = chosen.length > 0 ? streamToken('f', keyOf(chosen.at(-1)!)) : input.nextToken ?? streamToken('f', from);
				backward = chosen.length > 0 ? streamToken('b', keyOf(chosen[0])) : streamToken('b', from);
			} else {
				const candidates = token ? inRange.filter(e => before(e, token.key)) : inRange;
				chosen = candidates.slice(Math.max(0, candidates.length - limit));
				if (token || chosen.length > 0) {
					backward = chosen.length > 0 ? streamToken('b', keyOf(chosen[0])) : input.nextToken!;
					forward = chosen.length > 0 ? streamToken('f', keyOf(chosen.at(-1)!)) : streamToken('f', token!.key);
				} else {
					backward = streamToken('b', START);
					forward = streamToken('f', START);
				}
			}
			return {
				events: chosen.map(e => ({timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime})),
				nextForwardToken: forward,
				nextBackwardToken: backward,
			};
		},

		FilterLogEvents(
			input: {
				logGroupName?: string;
				logGroupIdentifier?: string;
				logStreamNames?: string[];
				logStreamNamePrefix?: string;
				startTime?: number;
				endTime?: number;
				filterPattern?: string;
				nextToken?: string;
				limit?: number;
			},
			ctx,
		) {
			if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
				throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive; specify only one.');
			}
			const group = requireGroup(store, ctx, input);
			const matches = compileOrRefuse(input.filterPattern);
			const from = decodeToken('FilterLogEvents', input.nextToken, isKey) ?? START;
			let streams: LogStream[] = [...group.streams.values()];
			if (input.logStreamNames) {
				const names = new Set(input.logStreamNames);
				streams = streams.filter(s => names.has(s.name));
			}
			if (input.logStreamNamePrefix !== undefined) streams = streams.filter(s => s.name.startsWith(input.logStreamNamePrefix!));
			const found: {stream: string; event: StoredEvent}[] = [];
			for (const stream of streams) {
				for (const event of stream.events) {
					if (input.startTime !== undefined && event.timestamp < input.startTime) continue;
					if (input.endTime !== undefined && event.timestamp > input.endTime) continue;
					if (!after(event, from) || !matches(event.message)) continue;
					found.push({stream: stream.name, event});
				}
			}
			found.sort((a, b) => a.event.timestamp - b.event.timestamp || a.event.seq - b.event.seq);
			const limit = input.limit ?? MAX_PAGE_EVENTS;
			const pageEvents = takeWithinBytes(found.slice(0, limit).map(f => f.event));
			const pageItems = found.slice(0, pageEvents.length);
			const more = found.length > pageItems.length;
			return {
				events: pageItems.map(({stream, event}) => ({
					logStreamName: stream,
					timestamp: event.timestamp,
					message: event.message,
					ingestionTime: event.ingestionTime,
					eventId: event.eventId,
				})),
				searchedLogStreams: [],
				...(more ? {nextToken: encodeToken('FilterLogEvents', keyOf(pageItems.at(-1)!.event))} : {}),
			};
		},
	};
}

/** A page holds at most 1 MB of messages (at least one event, so paging always moves on). */
function takeWithinBytes(events: StoredEvent[]): StoredEvent[] {
	let bytes = 0;
	for (let i = 0; i < events.length; i++) {
		bytes += Buffer.byteLength(events[i].message, 'utf8') + PER_EVENT_OVERHEAD;
		if (bytes > MAX_PAGE_BYTES && i > 0) return events.slice(0, i);
	}
	return events;
}
