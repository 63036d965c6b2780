// The contract of the tail engine (services/tailEngine.ts): follow a CloudWatch Logs log group, live.
// Used by the TailView, `smsdeck tail` and the simulator run. No Ink, no React.
import type {Clients} from './clients.js';

export interface TailSource {
	/** Log group name or ARN. */
	logGroupIdentifier: string;
	logStreamNamePrefix?: string;
	/** CloudWatch Logs filter pattern, applied by the service. */
	filterPattern?: string;
}

export interface TailEvent {
	/** Present for polled events; live tail events have none (the engine derives a stable key). */
	eventId?: string;
	timestamp: number;
	ingestionTime?: number;
	logStreamName?: string;
	message: string;
}

export type TailTransport = 'LIVE' | 'POLL';

export interface TailHealth {
	transport?: TailTransport;
	state: 'connecting' | 'live' | 'polling' | 'reconnecting' | 'stopped';
	/** Events per second over the last few seconds. */
	eventsPerSecond: number;
	/** Live tail's own flag: the service sampled the events (more than 500 a second). */
	sampled: boolean;
	/** Now minus the newest event's ingestion time, when known. */
	lagMs?: number;
	/** Backing off after ThrottlingException until this time (epoch ms). */
	throttledUntil?: number;
	/** Why the engine fell back, reconnected or stopped, in words for the status line. */
	note?: string;
	stoppedReason?: string;
}

export interface TailOptions {
	/** Epoch ms: also read history from this time (before going live). Default: now. */
	since?: number;
	/** Keep following (default true); false reads the history and stops. */
	follow?: boolean;
	/** Try StartLiveTail first (default true); false polls FilterLogEvents only. */
	liveTail?: boolean;
	pollIntervalMs?: number;
	/** Fast polls re-read from this long before the newest ingestion time seen (FilterLogEvents catching up); default 5 s. */
	lateWindowMs?: number;
	/**
	 * How late an event (ingested this long after its timestamp) can be and still be caught when it arrives during a
	 * reconnect, or while polling; catch-ups and sweeps re-read this much (deduplicated). Default 10 min.
	 */
	lookBackMs?: number;
	/**
	 * FilterLogEvents may show an event only this long after its ingestion: a live catch-up reads the gap again
	 * after this long (events ingested just before the session opened). Default 5 s.
	 */
	searchLagMs?: number;
	/** Polling: a sweep from the read floor this often (the polls in between read only the last `lateWindowMs`); default 15 s. */
	sweepIntervalMs?: number;
	/** Start a new live session before the service's 3-hour limit; default 2 h 55 min. */
	renewAfterMs?: number;
	/** A live stream silent for this long counts as dropped (updates come every second); default 2 s. */
	stallMs?: number;
}

export interface TailCallbacks {
	events(batch: TailEvent[]): void;
	/**
	 * Events of a widened window (see TailHandle.widen): older than the history read so far, never delivered before,
	 * in one batch, oldest first.
	 */
	older?(batch: TailEvent[]): void;
	health?(health: TailHealth): void;
}

export interface TailHandle {
	stop(): void;
	/**
	 * Widens the history back to `since` (epoch ms): reads what is stamped between it and the start of the history
	 * read so far and hands it to `older`. Only events the tail has not delivered (stamped before the old start and
	 * ingested before the tail began) are handed over, so nothing repeats. Calls run one after another; resolves
	 * true once read, false when the tail stopped first.
	 */
	widen(since: number): Promise<boolean>;
	health(): TailHealth;
	/** Resolves when the tail has stopped (stop(), follow:false finished, or a fatal error). */
	done: Promise<void>;
}

export type StartTail = (clients: Clients, source: TailSource, options: TailOptions, callbacks: TailCallbacks) => TailHandle;
