// StartLiveTail: an application/vnd.amazon.eventstream response over HTTP/1.1.
// initial-response {} → sessionStart → sessionUpdate every tick (even when empty) → SessionTimeoutException.
import type {ServerResponse} from 'node:http';
import {randomUUID} from 'node:crypto';
import {ApiError, type EmulatorWorld, type RequestContext, type StreamingResult} from '../types.js';
import {EVENT_STREAM_CONTENT_TYPE, eventMessage, exceptionMessage} from '../eventStream.js';
import {compileOrRefuse} from './eventHandlers.js';
import {groupNotFound, invalidParameter, resolveIdentifier} from './identifiers.js';
import type {MessageMatcher} from './filterPattern.js';
import type {IngestedEvent, LogGroup, LogsStore} from './store.js';

export const MAX_EVENTS_PER_UPDATE = 500;
export const MAX_BUFFERED_UPDATES = 10;
export const MAX_BUFFERED_EVENTS = 5000;
export const MAX_CONCURRENT_SESSIONS = 15;

interface SessionResult {
	logStreamName: string;
	logGroupIdentifier: string;
	message: string;
	timestamp: number;
	ingestionTime: number;
}

interface StartLiveTailInput {
	logGroupIdentifiers: string[];
	logStreamNames?: string[];
	logStreamNamePrefixes?: string[];
	logEventFilterPattern?: string;
}

/** Keeps `count` items spread evenly over `items`, in order. */
function sample<T>(items: T[], count: number): T[] {
	if (items.length <= count) return items;
	const step = items.length / count;
	return Array.from({length: count}, (_, i) => items[Math.floor(i * step)]);
}

class LiveTailSession {
	readonly id = randomUUID();
	/** Events ingested since the last tick. */
	private pending: SessionResult[] = [];
	/** Encoded updates waiting for the socket to drain (bounded, oldest dropped). */
	private outbox: {frame: Buffer; events: number}[] = [];
	private waitingForDrain = false;
	private closed = false;
	private tickTimer?: {cancel(): void};
	private timeoutTimer?: {cancel(): void};

	private res!: ServerResponse;

	constructor(
		private readonly world: EmulatorWorld,
		private readonly groups: Map<LogGroup, string>,
		private readonly streamNames: Set<string> | undefined,
		private readonly prefixes: string[] | undefined,
		private readonly matches: MessageMatcher,
		private readonly onEnd: (session: LiveTailSession) => void,
	) {}

	start(res: ServerResponse, requestId: string, input: StartLiveTailInput): void {
		this.res = res;
		if (res.destroyed || res.socket?.destroyed) {
			this.finish();
			return;
		}
		res.socket?.setNoDelay(true);
		res.on('close', () => this.finish());
		res.on('drain', () => {
			this.waitingForDrain = false;
			this.flush();
		});
		res.writeHead(200, {'Content-Type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-RequestId': requestId});
		res.write(eventMessage('initial-response', {}));
		res.write(
			eventMessage('sessionStart', {
				requestId,
				sessionId: this.id,
				logGroupIdentifiers: input.logGroupIdentifiers,
				...(input.logStreamNames ? {logStreamNames: input.logStreamNames} : {}),
				...(input.logStreamNamePrefixes ? {logStreamNamePrefixes: input.logStreamNamePrefixes} : {}),
				...(input.logEventFilterPattern !== undefined ? {logEventFilterPattern: input.logEventFilterPattern} : {}),
			}),
		);
		this.scheduleTick();
		this.timeoutTimer = this.world.clock.setTimeout(() => this.fail('SessionTimeoutException', 'Session timed out after 3 hours'), this.world.options.liveTailTimeoutMs);
	}

	offer(ingested: IngestedEvent[]): void {
		if (this.closed) return;
		for (const {group, streamName, event} of ingested) {
			const identifier = this.groups.get(group);
			if (identifier === undefined) continue;
			if (this.streamNames && !this.streamNames.has(streamName)) continue;
			if (this.prefixes && !this.prefixes.some(p => streamName.startsWith(p))) continue;
			if (!this.matches(event.message)) continue;
			this.pending.push({logStreamName: streamName, logGroupIdentifier: identifier, message: event.message, timestamp: event.timestamp, ingestionTime: event.ingestionTime});
		}
	}

	private scheduleTick(): void {
		this.tickTimer = this.world.clock.setTimeout(() => {
			if (this.closed) return;
			this.tick();
			this.scheduleTick();
		}, this.world.options.liveTailTickMs);
	}

	/** Fault injection: the socket stays open but nothing more is sent (a silently lost connection). */
	stalled = false;

	private tick(): void {
		if (this.stalled) return;
		const results = this.pending;
		this.pending = [];
		const sampled = results.length > MAX_EVENTS_PER_UPDATE;
		const kept = sample(results, MAX_EVENTS_PER_UPDATE);
		this.outbox.push({frame: eventMessage('sessionUpdate', {sessionMetadata: {sampled}, sessionResults: kept}), events: kept.length});
		let bufferedEvents = this.outbox.reduce((n, u) => n + u.events, 0);
		while (this.outbox.length > MAX_BUFFERED_UPDATES || (bufferedEvents > MAX_BUFFERED_EVENTS && this.outbox.length > 1)) {
			bufferedEvents -= this.outbox.shift()!.events;
		}
		this.flush();
	}

	private flush(): void {
		while (!this.closed && !this.waitingForDrain && this.outbox.length > 0) {
			const {frame} = this.outbox.shift()!;
			if (!this.res.write(frame)) this.waitingForDrain = true;
		}
	}

	/** Ends the stream with a modeled exception frame. */
	fail(exceptionType: 'SessionTimeoutException' | 'SessionStreamingException', message: string): void {
		if (this.closed) return;
		this.flush();
		this.res?.end(exceptionMessage(exceptionType, message));
		this.finish();
	}

	/** Simulates a lost connection: the socket goes away without a final frame. */
	drop(): void {
		if (this.closed) return;
		this.res?.socket?.destroy();
		this.res?.destroy();
		this.finish();
	}

	private finish(): void {
		if (this.closed) return;
		this.closed = true;
		this.tickTimer?.cancel();
		this.timeoutTimer?.cancel();
		this.pending = [];
		this.outbox = [];
		this.onEnd(this);
	}
}

export class LiveTailHub {
	private readonly sessions = new Set<LiveTailSession>();
	denied = false;
	private readonly unsubscribe: () => void;

	constructor(
		private readonly store: LogsStore,
		private readonly world: EmulatorWorld,
	) {
		this.unsubscribe = store.onIngest(events => {
			for (const session of this.sessions) session.offer(events);
		});
	}

	get activeSessions(): number {
		return this.sessions.size;
	}

	/** The StartLiveTail handler: validates, then hands the response to a new session. */
	start(input: StartLiveTailInput, ctx: RequestContext): StreamingResult {
		if (this.denied) throw new ApiError('AccessDeniedException', 'User is not authorized to perform: logs:StartLiveTail (denied by the smsdeck emulator).');
		const {logGroupIdentifiers, logStreamNames, logStreamNamePrefixes} = input;
		if (logStreamNames && logStreamNamePrefixes) {
			throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive.');
		}
		if ((logStreamNames || logStreamNamePrefixes) && logGroupIdentifiers.length !== 1) {
			throw invalidParameter('logStreamNames and logStreamNamePrefixes can only be used with exactly one log group.');
		}
		const groups = new Map<LogGroup, string>();
		for (const identifier of logGroupIdentifiers) {
			if (identifier.endsWith('*')) throw invalidParameter(`Log group identifier ${identifier} must not end with *.`);
			const group = resolveIdentifier(this.store, ctx, identifier);
			if (!group) throw groupNotFound();
			if (group.logGroupClass !== 'STANDARD') {
				throw new ApiError('InvalidOperationException', `Live Tail is only supported for log groups of the STANDARD class (${group.name}).`);
			}
			groups.set(group, identifier);
		}
		const matches = compileOrRefuse(input.logEventFilterPattern);
		if (this.sessions.size >= MAX_CONCURRENT_SESSIONS) {
			throw new ApiError('LimitExceededException', `You have reached the maximum of ${MAX_CONCURRENT_SESSIONS} concurrent Live Tail sessions.`);
		}
		const session = new LiveTailSession(
			this.world,
			groups,
			logStreamNames ? new Set(logStreamNames) : undefined,
			logStreamNamePrefixes,
			matches,
			s => this.sessions.delete(s),
		);
		// Reserve the slot now so concurrent starts count against the cap.
		this.sessions.add(session);
		return {
			kind: 'stream',
			start: res => session.start(res, ctx.requestId, input),
		};
	}

	dropAll(): number {
		const sessions = [...this.sessions];
		for (const session of sessions) session.drop();
		return sessions.length;
	}

	/** Every open session goes silent without closing: what a NAT dropping an idle flow looks like. */
	stallAll(): number {
		const sessions = [...this.sessions];
		for (const session of sessions) session.stalled = true;
		return sessions.length;
	}

	/** Drops the sessions that were made silent (stallAll): their connection is not coming back. */
	dropStalled(): number {
		const sessions = [...this.sessions].filter(s => s.stalled);
		for (const session of sessions) session.drop();
		return sessions.length;
	}

	failAll(message = 'An unknown error occurred in the Live Tail session (injected by the smsdeck emulator).'): number {
		const sessions = [...this.sessions];
		for (const session of sessions) session.fail('SessionStreamingException', message);
		return sessions.length;
	}

	close(): void {
		this.dropAll();
		this.unsubscribe();
	}
}
