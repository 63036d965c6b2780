// Fault injection for the CloudWatch Logs service, driven by admin routes (tests only):
// - a network cut of a given length: every Logs request meanwhile is refused (its connection reset at once) or
//   black-holed (held without a byte of answer until the cut ends, then reset); open live tails drop at once
//   (refuse) or go silent (black hole) and are gone when the cut ends;
// - the next N requests of one operation fail with a service error (InternalServerException by default);
// - a search lag: FilterLogEvents leaves out the events ingested in the last N ms, as the service can for a
//   few seconds after ingestion (live tail has them at once).
// The sms-voice service and the admin routes are not cut. It also remembers the last FilterLogEvents requests
// (when, and from which startTime), so a test can wait until a reader has read a time range again.
import type {ServerResponse} from 'node:http';
import {ApiError, type EmulatorWorld, type Handler, type StreamingResult} from '../types.js';
import type {LiveTailHub} from './liveTail.js';

export type CutMode = 'refuse' | 'blackhole';

const MAX_CUT_MS = 10 * 60_000;
const READS_KEPT = 500;
const SERVER_ERRORS: Record<string, number> = {InternalServerException: 500, ServiceUnavailableException: 503};

function destroy(res: ServerResponse): void {
	res.socket?.destroy();
	res.destroy();
}

export class LogsFaults {
	private cut?: {until: number; mode: CutMode; timer: {cancel(): void}};
	private failures: {operation: string; remaining: number; code: string}[] = [];
	/** FilterLogEvents does not show events ingested in the last this many ms. */
	private searchLagMs = 0;
	/** Black-holed requests, answered by a reset when the cut ends. */
	private readonly held = new Set<ServerResponse>();
	/** The last FilterLogEvents requests that were answered (not cut, not failed): arrival time and startTime. */
	readonly reads: {at: number; startTime: number | null}[] = [];

	constructor(
		private readonly world: EmulatorWorld,
		private readonly liveTail: LiveTailHub,
	) {}

	/** Cuts the Logs network for `ms` (a new cut replaces one under way). */
	startCut(ms: unknown, mode: unknown = 'refuse'): {until: number; mode: CutMode} {
		if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0 || ms > MAX_CUT_MS) throw new ApiError('ValidationException', `ms must be a number of milliseconds, 1 to ${MAX_CUT_MS}`);
		if (mode !== 'refuse' && mode !== 'blackhole') throw new ApiError('ValidationException', 'mode must be "refuse" or "blackhole"');
		this.cut?.timer.cancel();
		const until = this.world.clock.now() + ms;
		this.cut = {until, mode, timer: this.world.clock.setTimeout(() => this.endCut(), ms)};
		if (mode === 'refuse') this.liveTail.dropAll();
		else this.liveTail.stallAll();
		return {until, mode};
	}

	/** Ends a cut now (also what its timer does). */
	endCut(): {ended: boolean} {
		const ended = this.cut !== undefined;
		this.cut?.timer.cancel();
		this.cut = undefined;
		for (const res of this.held) destroy(res);
		this.held.clear();
		// A connection that stayed silent through a cut does not come back: live tails stalled by it are dropped.
		if (ended) this.liveTail.dropStalled();
		return {ended};
	}

	/** The next `count` requests of `operation` fail with `code` (a 5xx service error). */
	failNext(operation: unknown, count: unknown = 1, code: unknown = 'InternalServerException'): {ok: true} {
		if (typeof operation !== 'string' || operation === '') throw new ApiError('ValidationException', 'operation must be a Logs operation name');
		if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000) throw new ApiError('ValidationException', 'count must be an integer, 1 to 10000');
		if (typeof code !== 'string' || !Object.hasOwn(SERVER_ERRORS, code)) throw new ApiError('ValidationException', `code must be one of ${Object.keys(SERVER_ERRORS).join(', ')}`);
		this.failures.push({operation, remaining: count, code});
		return {ok: true};
	}

	/** FilterLogEvents leaves out events ingested in the last `ms` (0: none). */
	setSearchLag(ms: unknown): {ms: number} {
		if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_CUT_MS) throw new ApiError('ValidationException', `ms must be a number of milliseconds, 0 to ${MAX_CUT_MS}`);
		this.searchLagMs = ms;
		return {ms};
	}

	/** The handlers, each first passing through the faults in force. */
	wrap(handlers: Record<string, Handler>): Record<string, Handler> {
		const wrapped: Record<string, Handler> = {};
		for (const [operation, handler] of Object.entries(handlers)) {
			wrapped[operation] = (input, ctx) => {
				const intercepted = this.intercept(operation);
				if (intercepted) return intercepted;
				if (operation === 'FilterLogEvents') {
					this.reads.push({at: this.world.clock.now(), startTime: typeof input?.startTime === 'number' ? input.startTime : null});
					if (this.reads.length > READS_KEPT) this.reads.splice(0, this.reads.length - READS_KEPT);
					if (this.searchLagMs > 0) return this.hideRecent(handler(input, ctx));
				}
				return handler(input, ctx);
			};
		}
		return wrapped;
	}

	close(): void {
		this.endCut();
		this.failures = [];
		this.searchLagMs = 0;
	}

	private hideRecent(output: unknown): unknown {
		const visibleBefore = this.world.clock.now() - this.searchLagMs;
		const out = output as {events?: {ingestionTime: number}[]};
		return {...out, events: (out.events ?? []).filter(e => e.ingestionTime <= visibleBefore)};
	}

	private intercept(operation: string): StreamingResult | undefined {
		if (this.cut) {
			const mode = this.cut.mode;
			return {
				kind: 'stream',
				start: res => {
					if (mode === 'refuse') return destroy(res);
					this.held.add(res);
					res.on('close', () => this.held.delete(res));
				},
			};
		}
		const failure = this.failures.find(f => f.operation === operation);
		if (!failure) return undefined;
		if (--failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
		throw new ApiError(failure.code, `${operation} failed (injected by the smsdeck emulator).`, {}, SERVER_ERRORS[failure.code]);
	}
}
