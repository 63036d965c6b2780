// The tail engine: follows a CloudWatch Logs log group. StartLiveTail first; FilterLogEvents polling when live
// tail is denied, unavailable or keeps failing. History (`since`) and every reconnect are read with
// FilterLogEvents and joined to the live stream through a dedup window, so nothing shows twice and the gap of
// a reconnect is filled. The health (transport, events/s, sampled, lag, throttled, reconnecting, stopped) is
// reported as it changes and once a second. No Ink, no React.
import type {Clients} from './clients.js';
import {logsModule} from './smsCommands.js';
import {DedupWindow, RateMeter} from './tailDedup.js';
import {backoffMs, classifyLiveError, classifyPollError, type TailFailure} from './tailFailures.js';
import type {StartTail, TailCallbacks, TailEvent, TailHandle, TailHealth, TailOptions, TailSource} from './tailTypes.js';

const DEFAULTS = {
	pollIntervalMs: 2000,
	lateWindowMs: 5000,
	renewAfterMs: (2 * 60 + 55) * 60_000,
	stallMs: 2000,
};
/** Live attempts in a row that fail before any update arrives: then poll instead. */
const LIVE_FAILURES_BEFORE_POLL = 4;
const DEDUP_WINDOW_MS = 60_000;
const FILTER_PAGE_LIMIT = 10_000;

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
	private readonly dedup = new DedupWindow(DEDUP_WINDOW_MS);
	private readonly meter = new RateMeter();
	private readonly settings: typeof DEFAULTS;
	private healthState: TailHealth = {state: 'connecting', eventsPerSecond: 0, sampled: false};
	/** Newest event timestamp seen (the polling cursor). */
	private newest: number;
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
			renewAfterMs: options.renewAfterMs ?? DEFAULTS.renewAfterMs,
			stallMs: options.stallMs ?? DEFAULTS.stallMs,
		};
		this.identifier = normalizeLogGroupIdentifier(source.logGroupIdentifier);
		this.newest = options.since ?? Date.now();
		this.ticker = setInterval(() => this.tick(), 1000);
		this.done = this.run();
	}

	handle(): TailHandle {
		return {stop: () => this.stop('stopped'), health: () => ({...this.healthState}), done: this.done};
	}

	private get signal() {
		return this.master.signal;
	}

	private async run(): Promise<void> {
		try {
			const follow = this.options.follow ?? true;
			if (!follow) {
				this.setHealth({transport: 'POLL', state: 'polling', note: 'reading history'});
				await this.readSince(this.options.since ?? Date.now());
				this.stop('end of history');
				return;
			}
			let pollFrom: number | undefined = this.options.since;
			if (this.options.liveTail ?? true) {
				const next = await this.live();
				if (next === undefined) return;
				pollFrom = next.from;
				this.setHealth({transport: 'POLL', state: 'polling', sampled: false, note: `${next.reason} — polling every ${Math.round(this.settings.pollIntervalMs / 100) / 10}s`});
			}
			await this.poll(pollFrom);
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

	/** Follows with StartLiveTail; returns where polling should take over, or undefined when stopped. */
	private async live(): Promise<{from: number; reason: string} | undefined> {
		const {StartLiveTailCommand} = await logsModule();
		let catchUpFrom: number | undefined = this.options.since;
		let failures = 0;
		let attempt = 0;
		let everLive = false;
		const liveIdentifier = await this.liveIdentifier();
		while (!this.signal.aborted) {
			const session = new AbortController();
			const abortSession = () => session.abort();
			this.signal.addEventListener('abort', abortSession, {once: true});
			let failure: TailFailure | undefined;
			let lastUpdateAt = Date.now();
			let renewing = false;
			let stalled = false;
			const timers: ReturnType<typeof setTimeout>[] = [];
			try {
				const out = await this.clients.logs.send(
					new StartLiveTailCommand({
						logGroupIdentifiers: [liveIdentifier],
						...(this.source.logStreamNamePrefix ? {logStreamNamePrefixes: [this.source.logStreamNamePrefix]} : {}),
						...(this.source.filterPattern ? {logEventFilterPattern: this.source.filterPattern} : {}),
					}),
					{abortSignal: session.signal},
				);
				const openedAt = Date.now();
				lastUpdateAt = openedAt;
				this.recoveredFromThrottle();
				this.setHealth({transport: 'LIVE', state: 'live', note: undefined});
				// Fill what happened before the session opened: the history, or the gap of a reconnect.
				if (catchUpFrom !== undefined) await this.readSince(catchUpFrom, session.signal);
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
						this.emit(events);
					} else if (item.SessionTimeoutException) {
						throw Object.assign(new Error(item.SessionTimeoutException.message ?? 'session timed out'), {name: 'SessionTimeoutException'});
					} else if (item.SessionStreamingException) {
						throw Object.assign(new Error(item.SessionStreamingException.message ?? 'streaming error'), {name: 'SessionStreamingException'});
					}
				}
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
			if (this.signal.aborted || failure.kind === 'aborted') return undefined;
			// Whatever happens next, read again from a little before the last moment the stream was known good.
			catchUpFrom = Math.max(this.options.since ?? 0, lastUpdateAt - this.settings.lateWindowMs);
			switch (failure.kind) {
				case 'timeout':
					continue; // renew quietly, at once
				case 'unavailable':
					return {from: catchUpFrom, reason: failure.reason};
				case 'fatal':
					throw new FatalTailError(failure.message);
				case 'throttled':
					await this.throttled(failure.message);
					continue;
				case 'retry': {
					failures++;
					if (failures >= LIVE_FAILURES_BEFORE_POLL && !everLive) return {from: catchUpFrom, reason: `live tail keeps failing (${failure.message})`};
					if (failures >= LIVE_FAILURES_BEFORE_POLL * 2) return {from: catchUpFrom, reason: `live tail keeps failing (${failure.message})`};
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

	/** The aws-cli algorithm with a late-arrival window: read from the newest timestamp seen (minus the window). */
	private async poll(from: number | undefined): Promise<void> {
		this.setHealth({transport: 'POLL', state: 'polling', sampled: false});
		let startTime = from ?? Date.now();
		while (!this.signal.aborted) {
			await this.readSince(startTime);
			if (this.signal.aborted) return;
			if (this.healthState.state !== 'polling') this.setHealth({state: 'polling'});
			await sleep(this.settings.pollIntervalMs, this.signal);
			startTime = Math.max(this.options.since ?? 0, this.newest - this.settings.lateWindowMs);
		}
	}

	/** Every page of FilterLogEvents from `startTime` on, emitted as it arrives; backs off on throttling. */
	private async readSince(startTime: number, signal: AbortSignal = this.signal): Promise<void> {
		const {FilterLogEventsCommand} = await logsModule();
		let nextToken: string | undefined;
		let retries = 0;
		const tokens = new Set<string>();
		do {
			if (signal.aborted) return;
			try {
				const out = await this.clients.logs.send(
					new FilterLogEventsCommand({
						...(isArn(this.identifier) ? {logGroupIdentifier: this.identifier} : {logGroupName: this.identifier}),
						...(this.source.logStreamNamePrefix ? {logStreamNamePrefix: this.source.logStreamNamePrefix} : {}),
						...(this.source.filterPattern ? {filterPattern: this.source.filterPattern} : {}),
						startTime,
						limit: FILTER_PAGE_LIMIT,
						...(nextToken ? {nextToken} : {}),
					}),
					{abortSignal: signal},
				);
				retries = 0;
				this.recoveredFromThrottle();
				if (this.healthState.state === 'reconnecting' && this.healthState.transport === 'POLL') this.setHealth({state: 'polling', note: this.healthState.note});
				this.emit(
					(out.events ?? []).map(e => ({
						...(e.eventId !== undefined ? {eventId: e.eventId} : {}),
						timestamp: e.timestamp ?? 0,
						...(e.ingestionTime !== undefined ? {ingestionTime: e.ingestionTime} : {}),
						...(e.logStreamName !== undefined ? {logStreamName: e.logStreamName} : {}),
						message: e.message ?? '',
					})),
				);
				nextToken = out.nextToken && !tokens.has(out.nextToken) ? out.nextToken : undefined;
				if (nextToken) tokens.add(nextToken);
			} catch (error) {
				const failure = classifyPollError(error, signal);
				if (failure.kind === 'aborted') return;
				if (failure.kind === 'fatal') throw new FatalTailError(failure.message);
				if (failure.kind === 'throttled') {
					await this.throttled(failure.message, signal);
					continue;
				}
				const message = failure.kind === 'retry' ? failure.message : 'FilterLogEvents failed';
				const wait = backoffMs(retries++);
				if (this.healthState.transport === 'POLL' || this.healthState.state === 'polling') {
					this.setHealth({state: 'reconnecting', note: `${message} — retrying in ${(wait / 1000).toFixed(1)}s`});
				}
				await sleep(wait, signal);
			}
		} while (nextToken !== undefined);
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

	private emit(events: TailEvent[]): void {
		if (events.length === 0 || this.signal.aborted) return;
		const fresh = this.dedup.filter(events);
		if (fresh.length === 0) return;
		let newestIngestion: number | undefined;
		let current = 0;
		for (const e of fresh) {
			if (e.timestamp > this.newest) this.newest = e.timestamp;
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
