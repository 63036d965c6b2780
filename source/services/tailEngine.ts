// The tail engine: follows a CloudWatch Logs log group. StartLiveTail first; FilterLogEvents polling when live
// tail is denied, unavailable or keeps failing. History (`since`) and every reconnect are read with
// FilterLogEvents and joined to the live stream through a dedup window, so nothing shows twice and the gap of
// a reconnect is filled. The health (transport, events/s, sampled, lag, throttled, reconnecting, stopped) is
// reported as it changes and once a second. No Ink, no React.
//
// Never lose, never repeat. FilterLogEvents selects by the event's own timestamp, but events arrive by ingestion
// time, and CloudWatch takes events stamped up to 14 days before and 2 hours after their ingestion. So the engine
// keeps two marks on the service's clock, never on this machine's:
// - `settled`, an ingestion time: every event ingested before it and stamped no more than `lookBackMs` before
//   it has been delivered. It moves only when that is known to hold: at the end of a complete read (to the
//   newest ingestion time seen when a polling sweep began, or when a live session's catch-up ended, since the
//   stream brings what came after it opened; the catch-up reads the gap twice, `searchLagMs` apart, because
//   FilterLogEvents may show an event only seconds after its ingestion), and with each update of a live session
//   once that session's catch-up is done (live tail sends events in ingestion order).
// - the read floor, settled − lookBackMs (before anything has settled: `since` or the start − lookBackMs,
//   whichever is earlier): where every catch-up (after a reconnect) and every polling sweep begins, so an event
//   ingested during a gap is caught if it is stamped at most `lookBackMs` before it was ingested (late), or up
//   to 2 h after (future). A late
//   arrival is shown even when it is stamped before `since`; what was ingested before the tail started and is
//   stamped before `since` is history nobody asked for, and is left out. Fast polls in between read from the
//   newest ingestion time seen (or the newest timestamp, if older: producers that stamp late) minus
//   `lateWindowMs`, so an event stamped in the future does not move them ahead.
// The trade-off: each catch-up and sweep re-reads `lookBackMs` (10 min) of events — more look-back catches later
// arrivals and costs reads and memory; an event more than that late arriving during a gap is not caught (live
// tail shows it when the stream is up).
// The dedup window forgets an event only once its timestamp is below every read that can still happen (the floor,
// and the position of any read in flight), so nothing it has forgotten can come back. What it holds is bounded
// by the events stamped after the floor: those ingested in the last `lookBackMs`, plus those stamped in the
// future in the last 2 h; past MAX_WINDOW_ENTRIES the floor is raised (the look-back shrinks, nothing repeats).
import type {Clients} from './clients.js';
import {logsModule} from './smsCommands.js';
import {DedupWindow, RateMeter, contentKey} from './tailDedup.js';
import {backoffMs, classifyLiveError, classifyPollError, type TailFailure} from './tailFailures.js';
import type {StartTail, TailCallbacks, TailEvent, TailHandle, TailHealth, TailOptions, TailSource} from './tailTypes.js';

const DEFAULTS = {
	pollIntervalMs: 2000,
	lateWindowMs: 5000,
	lookBackMs: 10 * 60_000,
	sweepIntervalMs: 15_000,
	searchLagMs: 5000,
	renewAfterMs: (2 * 60 + 55) * 60_000,
	stallMs: 2000,
};
/** Live attempts in a row that fail before any update arrives: then poll instead. */
const LIVE_FAILURES_BEFORE_POLL = 4;
const FILTER_PAGE_LIMIT = 10_000;
/**
 * Ids and content keys the dedup window may hold (about 65 MB: 100,000 polled events, 50 s at 2,000 a second);
 * past this the read floor is raised. bench/tail.ts measures it.
 */
export const MAX_WINDOW_ENTRIES = 200_000;
/** Live events held back while the session's catch-up runs (so older events show first); past this they flow. */
const MAX_HELD_LIVE_EVENTS = 20_000;
/**
 * A history read (no follow) asks a failed page again this many times (500 ms, 1 s, 2 s apart, after the SDK's own
 * retries), then ends with the failure: a script wants an answer or an error, not a wait. A follow retries for as
 * long as it runs. Throttling is waited out in both.
 */
const HISTORY_READ_RETRIES = 3;
/** A widened window hands over at most this many events (the newest); the view's buffer keeps fewer. */
const MAX_OLDER_EVENTS = 100_000;
/** An event stamped further than this ahead of its ingestion is "in the future": it does not move fast polls. */
const AHEAD_TOLERANCE_MS = 60_000;
/** The SDK's clock offset comes from the 1-second Date header: smaller offsets are noise, not skew. */
const CLOCK_OFFSET_NOISE_MS = 2000;

class FatalTailError extends Error {}

/** "arn:aws:logs:…:log-group:name:*" → "arn:aws:logs:…:log-group:name" (live tail refuses a trailing *). */
export function normalizeLogGroupIdentifier(identifier: string): string {
	return identifier.replace(/:\*$/, '');
}

function isArn(identifier: string): boolean {
	return identifier.startsWith('arn:');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal.aborted) return resolve();
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}
		signal.addEventListener('abort', done, {once: true});
	});
}

class TailEngine {
	private readonly master = new AbortController();
	private readonly dedup = new DedupWindow();
	private readonly meter = new RateMeter();
	private readonly settings: typeof DEFAULTS;
	private healthState: TailHealth = {state: 'connecting', eventsPerSecond: 0, sampled: false};
	/** This machine's clock: nothing stamped before it is read (`since`, else the start of the tail). */
	private readonly anchor: number;
	/** This machine's clock: the history read so far starts here (`anchor`, earlier once widened). */
	private historyFrom: number;
	/** Widening reads, one after another. */
	private widening: Promise<unknown> = Promise.resolve();
	/**
	 * Content keys of the events stamped before `anchor` that have been delivered (late arrivals, or by a widening):
	 * few, as the tail otherwise shows only what is stamped after `anchor`. A widening skips them and the tail does
	 * not deliver them again, whichever reads them first. Bounded by MAX_OLDER_EVENTS.
	 */
	private readonly beforeAnchor = new Set<string>();
	/** Newest ingestion time of any event delivered (service clock): fast polls read from a little before it. */
	private seenIngestion?: number;
	/** Newest timestamp of an event not stamped ahead of its ingestion (by more than a minute): producers that stamp late. */
	private newestPastStamp?: number;
	/** See the top of the file: everything ingested before it (and not later than the look-back) is delivered. */
	private settled?: number;
	/** The dedup window has forgotten every event stamped before this: no read may start earlier. */
	private forgottenBefore = -Infinity;
	/** Reads in flight → the earliest timestamp each can still return. */
	private readonly reads = new Map<object, number>();
	private throttleAttempt = 0;
	private readonly startedAt = Date.now();
	private ticker?: ReturnType<typeof setInterval>;
	private identifier: string;
	readonly done: Promise<void>;

	constructor(
		private readonly clients: Clients,
		private readonly source: TailSource,
		private readonly options: TailOptions,
		private readonly callbacks: TailCallbacks,
	) {
		this.settings = {
			pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
			lateWindowMs: options.lateWindowMs ?? DEFAULTS.lateWindowMs,
			lookBackMs: options.lookBackMs ?? DEFAULTS.lookBackMs,
			sweepIntervalMs: options.sweepIntervalMs ?? DEFAULTS.sweepIntervalMs,
			searchLagMs: options.searchLagMs ?? DEFAULTS.searchLagMs,
			renewAfterMs: options.renewAfterMs ?? DEFAULTS.renewAfterMs,
			stallMs: options.stallMs ?? DEFAULTS.stallMs,
		};
		this.identifier = normalizeLogGroupIdentifier(source.logGroupIdentifier);
		this.anchor = options.since ?? this.startedAt;
		this.historyFrom = this.anchor;
		this.ticker = setInterval(() => this.tick(), 1000);
		this.done = this.run();
	}

	handle(): TailHandle {
		return {stop: () => this.stop('stopped'), health: () => ({...this.healthState}), widen: since => this.widen(since), done: this.done};
	}

	/**
	 * Reads [since, historyFrom) with FilterLogEvents and hands over what the tail left out as history nobody asked
	 * for (`isOlderHistory`): those events are never delivered otherwise, and consecutive widenings read disjoint
	 * ranges, so nothing repeats and the dedup window is not needed (nor grown) for them.
	 */
	private widen(since: number): Promise<boolean> {
		const run = this.widening.then(async () => {
			if (this.signal.aborted) return false;
			const to = this.historyFrom;
			if (!(since < to)) return true;
			const offset = this.clockOffset();
			const from = since + offset;
			const until = to + offset;
			let collected: TailEvent[] = [];
			const complete = await this.readPages({}, from, this.signal, {
				endTime: until - 1,
				sink: events => {
					for (const e of events) if (e.timestamp >= from && e.timestamp < until && !this.beforeAnchor.has(contentKey(e))) collected.push(e);
					if (collected.length > 2 * MAX_OLDER_EVENTS) collected = collected.slice(-MAX_OLDER_EVENTS);
				},
			});
			if (!complete || this.signal.aborted) return false;
			this.historyFrom = since;
			if (collected.length > MAX_OLDER_EVENTS) collected = collected.slice(-MAX_OLDER_EVENTS);
			// Delivered now: whatever the tail reads of them later (a late arrival's catch-up) is dropped.
			collected = collected.filter(e => this.rememberBeforeAnchor(e));
			collected.sort((a, b) => a.timestamp - b.timestamp);
			if (collected.length > 0) this.callbacks.older?.(collected);
			return true;
		});
		this.widening = run.catch(() => false);
		return run;
	}

	private get signal() {
		return this.master.signal;
	}

	private async run(): Promise<void> {
		try {
			const follow = this.options.follow ?? true;
			if (!follow) {
				this.setHealth({transport: 'POLL', state: 'polling', note: 'reading history'});
				await this.readSince(this.anchor + this.clockOffset());
				this.stop('end of history');
				return;
			}
			if (this.options.liveTail ?? true) {
				const next = await this.live();
				if (next === undefined) return;
				this.setHealth({transport: 'POLL', state: 'polling', sampled: false, note: `${next.reason} — polling every ${Math.round(this.settings.pollIntervalMs / 100) / 10}s`});
			}
			await this.poll();
		} catch (error) {
			if (error instanceof FatalTailError) this.stop(error.message);
			else if (!this.signal.aborted) this.stop(`tail failed: ${(error as Error)?.message ?? String(error)}`);
		} finally {
			clearInterval(this.ticker);
			if (!this.signal.aborted) this.stop('stopped');
		}
	}

	stop(reason: string): void {
		if (this.healthState.state === 'stopped') return;
		this.master.abort();
		clearInterval(this.ticker);
		this.setHealth({state: 'stopped', stoppedReason: reason, eventsPerSecond: 0, throttledUntil: undefined});
	}

	// ---- live tail -------------------------------------------------------------------------------------

	/** Follows with StartLiveTail; returns why polling should take over, or undefined when stopped. */
	private async live(): Promise<{reason: string} | undefined> {
		const {StartLiveTailCommand} = await logsModule();
		// The first session reads the history (since); every later one, the gap from the read floor.
		let catchUp = this.options.since !== undefined;
		let failures = 0;
		let attempt = 0;
		let everLive = false;
		const liveIdentifier = await this.liveIdentifier();
		while (!this.signal.aborted) {
			const session = new AbortController();
			const abortSession = () => session.abort();
			this.signal.addEventListener('abort', abortSession, {once: true});
			let failure: TailFailure;
			let lastUpdateAt = Date.now();
			let renewing = false;
			let stalled = false;
			const timers: ReturnType<typeof setTimeout>[] = [];
			/** Live events that arrived while the catch-up was still reading. */
			const held: TailEvent[] = [];
			try {
				const out = await this.clients.logs.send(
					new StartLiveTailCommand({
						logGroupIdentifiers: [liveIdentifier],
						...(this.source.logStreamNamePrefix ? {logStreamNamePrefixes: [this.source.logStreamNamePrefix]} : {}),
						...(this.source.filterPattern ? {logEventFilterPattern: this.source.filterPattern} : {}),
					}),
					{abortSignal: session.signal},
				);
				lastUpdateAt = Date.now();
				this.recoveredFromThrottle();
				this.setHealth({transport: 'LIVE', state: 'live', note: undefined});
				timers.push(
					setTimeout(() => {
						renewing = true;
						session.abort();
					}, this.settings.renewAfterMs),
					setInterval(() => {
						if (Date.now() - lastUpdateAt > this.settings.stallMs) {
							stalled = true;
							session.abort();
						}
					}, 250),
				);
				/** Live events go straight to the callback (else they wait for the catch-up's older ones). */
				let caughtUp = !catchUp;
				/** Live events move the settled mark: the gap has been read, twice. */
				let settling = !catchUp;
				let sessionIngestion: number | undefined;
				// The stream is read from the moment it opens (a stream left unread is one the service drops
				// updates from), while the catch-up fills what happened before: the history, or the gap.
				const consuming = (async () => {
					for await (const item of out.responseStream ?? []) {
						lastUpdateAt = Date.now();
						if (item.sessionUpdate) {
							everLive = true;
							failures = 0;
							attempt = 0;
							const sampled = item.sessionUpdate.sessionMetadata?.sampled === true;
							if (sampled !== this.healthState.sampled || this.healthState.state !== 'live') this.setHealth({sampled, state: 'live', note: undefined});
							const events: TailEvent[] = (item.sessionUpdate.sessionResults ?? []).map(r => ({
								timestamp: r.timestamp ?? 0,
								...(r.ingestionTime !== undefined ? {ingestionTime: r.ingestionTime} : {}),
								...(r.logStreamName !== undefined ? {logStreamName: r.logStreamName} : {}),
								message: r.message ?? '',
							}));
							for (const e of events) if (e.ingestionTime !== undefined && (sessionIngestion === undefined || e.ingestionTime > sessionIngestion)) sessionIngestion = e.ingestionTime;
							if (caughtUp) this.emit(events, settling);
							else {
								held.push(...events);
								if (held.length > MAX_HELD_LIVE_EVENTS) this.emit(held.splice(0), false);
							}
						} else if (item.SessionTimeoutException) {
							throw Object.assign(new Error(item.SessionTimeoutException.message ?? 'session timed out'), {name: 'SessionTimeoutException'});
						} else if (item.SessionStreamingException) {
							throw Object.assign(new Error(item.SessionStreamingException.message ?? 'streaming error'), {name: 'SessionStreamingException'});
						}
					}
				})();
				// A stream that fails ends the catch-up too; the failure itself is read from `await consuming`.
				consuming.catch(() => session.abort());
				if (!caughtUp) {
					const floor = this.readFloor();
					if (await this.readSince(floor, session.signal)) {
						caughtUp = true;
						this.emit(held.splice(0), false);
						// Settled as far as this read can vouch for: what was ingested `searchLagMs` before it.
						if (this.seenIngestion !== undefined) this.settle(this.seenIngestion - this.settings.searchLagMs);
						// FilterLogEvents may show an event only seconds after its ingestion, so what came just before
						// the session opened can be missing from that read: read the gap once more when that time has
						// passed. Then what was ingested before the session opened has been read, and the stream
						// brings what came after.
						await sleep(this.settings.searchLagMs, session.signal);
						if (!session.signal.aborted && (await this.readSince(floor, session.signal))) {
							settling = true;
							catchUp = false;
							this.settle(this.seenIngestion);
							this.settle(sessionIngestion);
							this.forget();
						}
					}
				}
				await consuming;
				failure = {kind: 'retry', message: 'live stream ended'};
			} catch (error) {
				if (error instanceof FatalTailError) throw error;
				if (renewing) failure = {kind: 'timeout'};
				else if (stalled) failure = {kind: 'retry', message: `no update for ${Math.round(this.settings.stallMs / 100) / 10}s`};
				else failure = classifyLiveError(error, this.signal);
			} finally {
				for (const t of timers) clearTimeout(t);
				this.signal.removeEventListener('abort', abortSession);
				session.abort();
			}
			// Shown now rather than at the next catch-up, which reads them again (the window drops them there).
			this.emit(held.splice(0), false);
			if (this.signal.aborted || failure.kind === 'aborted') return undefined;
			// Whatever happens next reads the gap: from the read floor, not from the time of this failure.
			catchUp = true;
			switch (failure.kind) {
				case 'timeout':
					continue; // renew quietly, at once
				case 'unavailable':
					return {reason: failure.reason};
				case 'fatal':
					throw new FatalTailError(failure.message);
				case 'throttled':
					await this.throttled(failure.message);
					continue;
				case 'retry': {
					failures++;
					if (failures >= LIVE_FAILURES_BEFORE_POLL && !everLive) return {reason: `live tail keeps failing (${failure.message})`};
					if (failures >= LIVE_FAILURES_BEFORE_POLL * 2) return {reason: `live tail keeps failing (${failure.message})`};
					const wait = backoffMs(attempt++);
					this.setHealth({state: 'reconnecting', note: `${failure.message} — reconnecting in ${(wait / 1000).toFixed(1)}s`});
					await sleep(wait, this.signal);
					continue;
				}
			}
		}
		return undefined;
	}

	/** Live tail wants ARNs; a plain name is looked up (and used as it is if the lookup fails). */
	private async liveIdentifier(): Promise<string> {
		if (isArn(this.identifier)) return this.identifier;
		try {
			const {DescribeLogGroupsCommand} = await logsModule();
			const out = await this.clients.logs.send(new DescribeLogGroupsCommand({logGroupNamePrefix: this.identifier, limit: 50}), {abortSignal: this.signal});
			const group = out.logGroups?.find(g => g.logGroupName === this.identifier);
			const arn = group?.logGroupArn ?? group?.arn;
			return arn ? normalizeLogGroupIdentifier(arn) : this.identifier;
		} catch {
			return this.identifier;
		}
	}

	// ---- polling -----------------------------------------------------------------------------------------

	/**
	 * Polls FilterLogEvents: every `pollIntervalMs` from the newest ingestion time seen (or the newest timestamp not
	 * in the future, if older) minus `lateWindowMs` — the aws-cli algorithm, which an event stamped in the future
	 * cannot move ahead — and every `sweepIntervalMs` a sweep from the read floor that catches late arrivals
	 * within the look-back and settles the watermark.
	 */
	private async poll(): Promise<void> {
		this.setHealth({transport: 'POLL', state: 'polling', sampled: false});
		let lastSweepAt: number | undefined;
		while (!this.signal.aborted) {
			const sweep = lastSweepAt === undefined || this.seenIngestion === undefined || Date.now() - lastSweepAt >= this.settings.sweepIntervalMs;
			const seenAtStart = this.seenIngestion;
			const startedAt = Date.now();
			const floor = this.readFloor();
			// Fast polls: from the newest ingestion time seen, or the newest timestamp when the log's producers stamp
			// late (the aws-cli cursor, minus the events stamped in the future), minus the late window.
			const cursor = Math.min(this.seenIngestion!, this.newestPastStamp ?? this.seenIngestion!);
			const complete = await this.readSince(sweep ? floor : Math.max(floor, cursor - this.settings.lateWindowMs));
			if (this.signal.aborted) return;
			if (complete && sweep) {
				lastSweepAt = startedAt;
				this.settle(seenAtStart);
				this.forget();
			}
			if (this.healthState.state !== 'polling') this.setHealth({state: 'polling'});
			await sleep(this.settings.pollIntervalMs, this.signal);
		}
	}

	// ---- the read floor and the window -------------------------------------------------------------------

	/** The service's clock minus this machine's, as the SDK measured it from the Date header (0 while it is noise). */
	private clockOffset(): number {
		const offset = (this.clients.logs as {config?: {systemClockOffset?: unknown}} | undefined)?.config?.systemClockOffset;
		return typeof offset === 'number' && Math.abs(offset) >= CLOCK_OFFSET_NOISE_MS ? offset : 0;
	}

	/**
	 * Where catch-ups and sweeps start: the earliest timestamp an event not yet delivered can carry, bounded by the
	 * look-back — until something has settled, `since` or the look-back before the start, whichever is earlier.
	 * That may be before `since`: a late arrival is shown whatever its stamp, and `isOlderHistory` drops what was
	 * there before the tail started.
	 */
	private readFloor(): number {
		const floor = this.settled === undefined ? Math.min(this.anchor, this.startedAt - this.settings.lookBackMs) + this.clockOffset() : this.settled - this.settings.lookBackMs;
		return Math.max(floor, this.forgottenBefore);
	}

	/** For an event stamped before `anchor`: false when it has been delivered already, else remembers it. */
	private rememberBeforeAnchor(event: TailEvent): boolean {
		const key = contentKey(event);
		if (this.beforeAnchor.has(key)) return false;
		if (this.beforeAnchor.size >= MAX_OLDER_EVENTS) {
			// The oldest remembered go first (a Set iterates in insertion order).
			let n = MAX_OLDER_EVENTS / 10;
			for (const old of this.beforeAnchor) {
				this.beforeAnchor.delete(old);
				if (--n <= 0) break;
			}
		}
		this.beforeAnchor.add(key);
		return true;
	}

	/** Stamped before `since` and ingested before the tail started: history the user did not ask for. */
	private isOlderHistory(event: TailEvent): boolean {
		const offset = this.clockOffset();
		return event.timestamp < this.anchor + offset && (event.ingestionTime ?? event.timestamp) < this.startedAt + offset - CLOCK_OFFSET_NOISE_MS;
	}

	private settle(ingestionTime: number | undefined): void {
		if (ingestionTime === undefined || (this.settled !== undefined && ingestionTime <= this.settled)) return;
		this.settled = ingestionTime;
	}

	/** Forgets what no read to come can return; past MAX_WINDOW_ENTRIES, raises the floor to keep within it. */
	private forget(): void {
		let below = this.settled === undefined ? -Infinity : this.settled - this.settings.lookBackMs;
		const capped = this.dedup.floorForAtMost(MAX_WINDOW_ENTRIES);
		if (capped !== undefined && capped > below) below = capped;
		for (const position of this.reads.values()) below = Math.min(below, position);
		if (below <= this.forgottenBefore) return;
		this.dedup.forgetBefore(below);
		this.forgottenBefore = below;
	}

	/**
	 * Every page of FilterLogEvents from `startTime` on, emitted as it arrives; backs off on throttling and errors.
	 * True when it read to the end, false when it was aborted.
	 */
	private async readSince(startTime: number, signal: AbortSignal = this.signal): Promise<boolean> {
		const read = {};
		this.reads.set(read, startTime);
		try {
			return await this.readPages(read, startTime, signal);
		} finally {
			this.reads.delete(read);
			this.forget();
		}
	}

	private async readPages(read: object, startTime: number, signal: AbortSignal, range: {endTime?: number; sink?: (events: TailEvent[]) => void} = {}): Promise<boolean> {
		const {FilterLogEventsCommand} = await logsModule();
		let nextToken: string | undefined;
		let retries = 0;
		const tokens = new Set<string>();
		// A failed page is asked again (same token): a `continue` in a do-while would test the token and, on the
		// first page, end the read as if it had been read.
		for (;;) {
			if (signal.aborted) return false;
			try {
				const out = await this.clients.logs.send(
					new FilterLogEventsCommand({
						...(isArn(this.identifier) ? {logGroupIdentifier: this.identifier} : {logGroupName: this.identifier}),
						...(this.source.logStreamNamePrefix ? {logStreamNamePrefix: this.source.logStreamNamePrefix} : {}),
						...(this.source.filterPattern ? {filterPattern: this.source.filterPattern} : {}),
						startTime,
						...(range.endTime !== undefined ? {endTime: range.endTime} : {}),
						limit: FILTER_PAGE_LIMIT,
						...(nextToken ? {nextToken} : {}),
					}),
					{abortSignal: signal},
				);
				retries = 0;
				this.recoveredFromThrottle();
				if (this.healthState.state === 'reconnecting' && this.healthState.transport === 'POLL') this.setHealth({state: 'polling', note: this.healthState.note});
				const events: TailEvent[] = (out.events ?? []).map(e => ({
					...(e.eventId !== undefined ? {eventId: e.eventId} : {}),
					timestamp: e.timestamp ?? 0,
					...(e.ingestionTime !== undefined ? {ingestionTime: e.ingestionTime} : {}),
					...(e.logStreamName !== undefined ? {logStreamName: e.logStreamName} : {}),
					message: e.message ?? '',
				}));
				// Pages come in timestamp order: the rest of this read returns nothing stamped before this page ends.
				const last = events.at(-1)?.timestamp;
				if (last !== undefined && last > (this.reads.get(read) ?? last)) this.reads.set(read, last);
				if (range.sink) range.sink(events);
				else this.emit(events, false);
				nextToken = out.nextToken && !tokens.has(out.nextToken) ? out.nextToken : undefined;
				if (nextToken === undefined) return !signal.aborted;
				tokens.add(nextToken);
			} catch (error) {
				const failure = classifyPollError(error, signal);
				if (failure.kind === 'aborted') return false;
				if (failure.kind === 'fatal') throw new FatalTailError(failure.message);
				if (failure.kind === 'throttled') {
					await this.throttled(failure.message, signal);
					continue;
				}
				const message = failure.kind === 'retry' ? failure.message : 'FilterLogEvents failed';
				if (!(this.options.follow ?? true) && retries >= HISTORY_READ_RETRIES) throw new FatalTailError(message);
				const wait = backoffMs(retries++);
				if (this.healthState.transport === 'POLL' || this.healthState.state === 'polling') {
					this.setHealth({state: 'reconnecting', note: `${message} — retrying in ${(wait / 1000).toFixed(1)}s`});
				}
				await sleep(wait, signal);
			}
		}
	}

	// ---- shared ------------------------------------------------------------------------------------------

	private async throttled(message: string, signal: AbortSignal = this.signal): Promise<void> {
		const wait = Math.min(30_000, 2000 * 2 ** this.throttleAttempt++);
		this.setHealth({throttledUntil: Date.now() + wait, note: `throttled — backing off ${Math.round(wait / 1000)}s (${message.replace(/^[A-Za-z]+: /, '')})`});
		await sleep(wait, signal);
	}

	private recoveredFromThrottle() {
		if (this.throttleAttempt === 0 && this.healthState.throttledUntil === undefined) return;
		this.throttleAttempt = 0;
		const note = this.healthState.note?.startsWith('throttled') ? undefined : this.healthState.note;
		this.setHealth({throttledUntil: undefined, note});
	}

	/** Through the dedup window to the callback. `settles`: live events of a caught-up session (in ingestion order). */
	private emit(events: TailEvent[], settles: boolean): void {
		if (events.length === 0 || this.signal.aborted) return;
		let newestSeen: number | undefined;
		for (const e of events) {
			if (e.ingestionTime === undefined) continue;
			if (newestSeen === undefined || e.ingestionTime > newestSeen) newestSeen = e.ingestionTime;
			if (e.timestamp <= e.ingestionTime + AHEAD_TOLERANCE_MS && (this.newestPastStamp === undefined || e.timestamp > this.newestPastStamp)) this.newestPastStamp = e.timestamp;
		}
		if (newestSeen !== undefined && (this.seenIngestion === undefined || newestSeen > this.seenIngestion)) this.seenIngestion = newestSeen;
		const anchor = this.anchor + this.clockOffset();
		const fresh = this.dedup.filter(events.filter(e => !this.isOlderHistory(e))).filter(e => e.timestamp >= anchor || this.rememberBeforeAnchor(e));
		if (settles) this.settle(newestSeen);
		this.forget();
		if (fresh.length === 0) return;
		let newestIngestion: number | undefined;
		let current = 0;
		for (const e of fresh) {
			// History (ingested before the tail started) says nothing about the rate or the lag of the tail.
			if ((e.ingestionTime ?? e.timestamp) < this.startedAt) continue;
			current++;
			if (e.ingestionTime !== undefined && (newestIngestion === undefined || e.ingestionTime > newestIngestion)) newestIngestion = e.ingestionTime;
		}
		this.meter.add(current);
		if (newestIngestion !== undefined) this.healthState = {...this.healthState, lagMs: Math.max(0, Date.now() - newestIngestion)};
		this.callbacks.events(fresh);
	}

	private tick(): void {
		const eventsPerSecond = this.meter.rate();
		const throttledUntil = this.healthState.throttledUntil !== undefined && this.healthState.throttledUntil <= Date.now() ? undefined : this.healthState.throttledUntil;
		this.setHealth({eventsPerSecond, throttledUntil});
	}

	private setHealth(patch: Partial<TailHealth>): void {
		if (this.healthState.state === 'stopped' && patch.state !== 'stopped') return;
		const next = {...this.healthState, ...patch};
		for (const key of Object.keys(next) as (keyof TailHealth)[]) if (next[key] === undefined) delete next[key];
		this.healthState = next;
		this.callbacks.health?.({...next});
	}
}

export const startTail: StartTail = (clients, source, options, callbacks) => new TailEngine(clients, source, options, callbacks).handle();
