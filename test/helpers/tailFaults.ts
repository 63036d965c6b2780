// The tail fault suite: a producer writes SMS event records (each with its own messageId) into a log group of the
// in-process emulator while the emulator breaks the tail's way to CloudWatch Logs in every way issue 12 lists;
// a sink (the engine, `smsdeck tail --follow --json`, or the console) says what reached the user. Every event sent
// is counted against every event received: the suite reports sent / received / missing / duplicates per fault.
//
// The producer writes through the emulator's own ingestion (as the service would, from elsewhere), so a network cut
// between the tail and the service does not stop events from being ingested. Live phases come first; then live
// tail is denied and the tail falls back to polling, and the polling phases follow.
import type {RunningEmulator} from '../../source/emulator/index.js';

export const FAULT_REGION = 'us-east-1';
export const FAULT_STREAM = 'faults';
const MINUTE = 60_000;

export interface TailSink {
	/** Events received whose messageId this run sent: distinct ids, and all of them (duplicates counted). */
	counts(): {unique: number; total: number};
	/** The tail says it is polling (after live tail was denied). */
	polling(): boolean;
	/** What to show when something is off (the screen, the last stderr lines …). */
	describe(): string;
}

export interface PhaseCount {
	phase: string;
	sent: number;
	received: number;
	missing: number;
	duplicates: number;
	seconds: number;
}

export interface FaultSuiteOptions {
	emulator: RunningEmulator;
	group: string;
	sink: TailSink;
	/** Lines for the test's diagnostics. */
	log?: (line: string) => void;
	/** How long one phase may take to deliver everything it sent (the polling sweep, back-offs …). */
	deliverTimeoutMs?: number;
	/** How long the network cuts last: 16 s (longer than the 15 s the issue names) unless a suite chooses shorter. */
	cutMs?: number;
}

type Stamp = 'now' | 'late' | 'future';

/** SMS event records as End User Messaging writes them, one messageId per event. */
export function faultRecord(messageId: string, timestamp: number): string {
	return JSON.stringify({
		eventType: 'TEXT_DELIVERED',
		eventVersion: '1.0',
		eventTimestamp: timestamp,
		isFinal: true,
		originationPhoneNumber: '+12065550100',
		destinationPhoneNumber: '+14254147755',
		isoCountryCode: 'US',
		messageId,
		messageRequestTimestamp: timestamp - 500,
		messageEncoding: 'GSM',
		messageType: 'TRANSACTIONAL',
		messageStatus: 'DELIVERED',
		messageStatusDescription: 'fault suite',
		totalMessageParts: 1,
		totalMessagePrice: 0.00581,
		totalCarrierFee: 0.003,
	});
}

/** The messageId of a record the suite wrote, or undefined. */
export function faultMessageId(message: string, runId: string): string | undefined {
	try {
		const id = (JSON.parse(message) as {messageId?: unknown}).messageId;
		return typeof id === 'string' && id.startsWith(`${runId}-`) ? id : undefined;
	} catch {
		return undefined;
	}
}

/** Counts received ids: distinct and total. For sinks that see each event (the engine, JSON lines). */
export class IdCounter {
	private readonly seen = new Map<string, number>();
	total = 0;
	constructor(private readonly runId: string) {}
	addMessage(message: string): void {
		const id = faultMessageId(message, this.runId);
		if (id) this.addId(id);
	}
	addId(id: string): void {
		if (!id.startsWith(`${this.runId}-`)) return;
		this.total++;
		this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
	}
	counts(): {unique: number; total: number} {
		return {unique: this.seen.size, total: this.total};
	}
	/** Ids received more than once (for the failure message). */
	repeated(): string[] {
		return [...this.seen].filter(([, n]) => n > 1).map(([id, n]) => `${id}×${n}`);
	}
}

const pause = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Polls `check` every 50 ms until it holds or `timeoutMs` passes; says which. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return true;
		if (Date.now() > deadline) return false;
		await pause(50);
	}
}

export class FaultSuite {
	readonly runId = `f${process.pid}x${Date.now().toString(36)}`;
	readonly results: PhaseCount[] = [];
	private sent = 0;
	private seq = 0;
	private phaseName = 'setup';
	/** The messageId of the last event written (the newest row a following console shows). */
	lastId = '';
	/** Smallest timestamp written with the current stamp 'now' (the final sweep must read from there). */
	private firstNow?: number;
	/** Events still missing when a phase gave up waiting for them. */
	private shortfall = 0;
	private readonly deliverTimeoutMs: number;
	private readonly cutMs: number;

	constructor(private readonly options: FaultSuiteOptions) {
		this.deliverTimeoutMs = options.deliverTimeoutMs ?? 60_000;
		this.cutMs = options.cutMs ?? 16_000;
		options.emulator.world.logs.ensureLogGroup(FAULT_REGION, options.group);
	}

	async admin(action: string, body: unknown = {}): Promise<Record<string, unknown>> {
		const res = await fetch(`${this.options.emulator.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
		const text = await res.text();
		if (res.status !== 200) throw new Error(`admin ${action}: ${res.status} ${text}`);
		return JSON.parse(text) as Record<string, unknown>;
	}

	/** Writes `count` events now (ingested now), stamped now, minutes ago, or up to 2 h ahead. */
	put(count: number, stamp: Stamp = 'now'): void {
		const now = this.options.emulator.world.clock.now();
		const events: {timestamp: number; message: string}[] = [];
		for (let i = 0; i < count; i++) {
			const n = ++this.seq;
			let timestamp = now;
			if (stamp === 'late') timestamp = now - (3 + (n % 6)) * MINUTE; // 3 to 8 minutes before its ingestion
			if (stamp === 'future') timestamp = now + (n % 2 === 0 ? 60 : 119) * MINUTE; // CloudWatch takes up to 2 h ahead
			if (stamp === 'now') this.firstNow ??= timestamp;
			this.lastId = `${this.runId}-${this.phaseName.replace(/[^a-z0-9]+/gi, '_')}-${n}`;
			events.push({timestamp, message: faultRecord(this.lastId, timestamp)});
		}
		events.sort((a, b) => a.timestamp - b.timestamp);
		if (!this.options.emulator.world.logs.appendEvents(FAULT_REGION, this.options.group, FAULT_STREAM, events)) throw new Error(`log group ${this.options.group} is gone`);
		this.sent += count;
	}

	/** Writes 2 events every 100 ms for `ms` (every other tick with `stamp`, the rest stamped now). */
	async produceFor(ms: number, stamp: Stamp = 'now'): Promise<void> {
		const end = Date.now() + ms;
		let tick = 0;
		while (Date.now() < end) {
			this.put(2, stamp !== 'now' && tick++ % 2 === 0 ? stamp : 'now');
			await pause(100);
		}
	}

	/** Events delivered once each so far: waits until everything sent has arrived (or the time is up). */
	private async delivered(expected: number, timeoutMs = this.deliverTimeoutMs): Promise<boolean> {
		return until(() => this.options.sink.counts().unique >= expected, timeoutMs);
	}

	/** Waits until the tail has a live tail session open on the emulator. */
	async liveSession(timeoutMs = 60_000): Promise<boolean> {
		return until(async () => Number((await this.admin('liveTailSessions')).active) > 0, timeoutMs);
	}

	/**
	 * One fault: events before it, the fault while events keep coming, events after; then everything must arrive,
	 * and a marker written after that must arrive too (any duplicate of the phase's events shows before it).
	 */
	async phase(name: string, fault: () => Promise<void>, {produceMs = 1500, stamp = 'now' as Stamp} = {}): Promise<void> {
		const started = Date.now();
		const before = this.options.sink.counts();
		const sentBefore = this.sent;
		this.phaseName = name;
		this.put(4);
		await Promise.all([fault(), this.produceFor(produceMs, stamp)]);
		await this.produceFor(500);
		await this.delivered(this.sent - this.shortfall);
		this.put(1); // the marker
		if (!(await this.delivered(this.sent - this.shortfall))) {
			// Lost (or very late): later phases wait only for their own events; the totals still count these.
			this.shortfall = this.sent - this.options.sink.counts().unique;
		}
		const after = this.options.sink.counts();
		const sent = this.sent - sentBefore;
		const received = after.unique - before.unique;
		const result = {
			phase: name,
			sent,
			received,
			missing: sent - received,
			duplicates: after.total - after.unique - (before.total - before.unique),
			seconds: Math.round((Date.now() - started) / 100) / 10,
		};
		this.results.push(result);
		this.options.log?.(`${name}: sent ${result.sent}, received ${result.received}, missing ${result.missing}, duplicates ${result.duplicates} (${result.seconds} s)`);
	}

	/** Drops the live stream and waits for the tail to have a session again. */
	private async dropAndReconnect(): Promise<void> {
		await this.admin('dropLiveTail');
		await this.liveSession();
	}

	/** The live phases: the tail must be live (a session open) before this. */
	async runLive(): Promise<void> {
		await this.phase('warm-up', async () => {});
		await this.phase('live stream dropped', () => this.dropAndReconnect());
		await this.phase('dropped five times', async () => {
			for (let i = 0; i < 5; i++) {
				await this.produceFor(300);
				await this.dropAndReconnect();
			}
		});
		await this.phase('stalled (socket open, no updates)', () => this.admin('stallLiveTail').then(() => undefined), {produceMs: 3000});
		await this.phase('late events (3-8 min old) ingested during a stall', () => this.admin('stallLiveTail').then(() => undefined), {produceMs: 3000, stamp: 'late'});
		await this.phase('FilterLogEvents 3 s behind ingestion, stream dropped', async () => {
			await this.admin('lagFilterLogEvents', {ms: 3000});
			await this.produceFor(1000);
			await this.dropAndReconnect();
			await this.produceFor(300);
			await this.admin('lagFilterLogEvents', {ms: 0});
		});
		await this.phase('stream error, then catch-up and reconnect errors', async () => {
			await this.admin('failLogsNext', {operation: 'FilterLogEvents', count: 4});
			await this.admin('failLogsNext', {operation: 'StartLiveTail', count: 4, code: 'ServiceUnavailableException'});
			await this.admin('liveTailError');
		});
		await this.phase('StartLiveTail throttled', async () => {
			await this.admin('throttleNext', {count: 4, operation: 'StartLiveTail'});
			await this.admin('dropLiveTail');
		}, {produceMs: 4000});
		await this.phase('future events (1-2 h ahead), then three drops', async () => {
			await this.produceFor(600, 'future');
			for (let i = 0; i < 3; i++) {
				await this.produceFor(300);
				await this.dropAndReconnect();
			}
		});
		await this.phase(`network cut for ${this.cutMs / 1000} s (connections refused)`, () => this.admin('cutLogsNetwork', {ms: this.cutMs, mode: 'refuse'}).then(() => undefined), {produceMs: this.cutMs + 1000});
	}

	/** Denies live tail and drops the stream: the tail must fall back to polling. Then the polling phases. */
	async runPolling(): Promise<void> {
		await this.phase('live tail denied: falls back to polling', async () => {
			await this.admin('denyLiveTail', {enabled: true});
			await this.admin('dropLiveTail');
			if (!(await until(() => this.options.sink.polling(), 60_000))) throw new Error(`the tail did not fall back to polling\n${this.options.sink.describe()}`);
		});
		await this.phase('FilterLogEvents throttled', () => this.admin('throttleNext', {count: 4, operation: 'FilterLogEvents'}).then(() => undefined), {produceMs: 3000});
		await this.phase('FilterLogEvents errors', () => this.admin('failLogsNext', {operation: 'FilterLogEvents', count: 4, code: 'ServiceUnavailableException'}).then(() => undefined), {produceMs: 2000});
		await this.phase('late events (3-8 min old) while polling', async () => {}, {produceMs: 2000, stamp: 'late'});
		await this.phase('future events (1-2 h ahead) while polling', async () => {}, {produceMs: 2000, stamp: 'future'});
		await this.phase(`network cut for ${this.cutMs / 1000} s (black hole)`, () => this.admin('cutLogsNetwork', {ms: this.cutMs, mode: 'blackhole'}).then(() => undefined), {produceMs: this.cutMs + 1000});
		await this.phase('after the faults', async () => {});
	}

	/**
	 * The last word on duplicates: waits until the tail has read the whole run again (a FilterLogEvents from before
	 * its first event, answered after everything arrived) and then for one more marker.
	 */
	async settle(): Promise<boolean> {
		const from = this.firstNow ?? 0;
		const since = this.options.emulator.world.clock.now();
		const reread = await until(async () => {
			const {reads} = (await this.admin('filterLogEventsReads')) as {reads: {at: number; startTime: number | null}[]};
			return reads.some(r => r.at > since && r.startTime !== null && r.startTime <= from);
		}, this.deliverTimeoutMs);
		this.shortfall = 0; // the last phase waits for every event sent
		await this.phase('settled', async () => {});
		return reread;
	}

	/** Phases that lost events (not there before the phase's wait ran out) or repeated some. */
	failedPhases(): PhaseCount[] {
		return this.results.filter(r => r.missing !== 0 || r.duplicates !== 0);
	}

	totals(): {sent: number; received: number; missing: number; duplicates: number} {
		const c = this.options.sink.counts();
		return {sent: this.sent, received: c.unique, missing: this.sent - c.unique, duplicates: c.total - c.unique};
	}

	/** The table, one diagnostic line per row. */
	report(log: (line: string) => void): void {
		for (const line of this.table().split('\n')) log(line);
	}

	table(): string {
		const rows = this.results.map(r => `${r.phase.padEnd(52)} ${String(r.sent).padStart(5)} ${String(r.received).padStart(8)} ${String(r.missing).padStart(7)} ${String(r.duplicates).padStart(10)}`);
		const t = this.totals();
		return [
			`${'fault'.padEnd(52)} ${'sent'.padStart(5)} ${'received'.padStart(8)} ${'missing'.padStart(7)} ${'duplicates'.padStart(10)}`,
			...rows,
			`${'total'.padEnd(52)} ${String(t.sent).padStart(5)} ${String(t.received).padStart(8)} ${String(t.missing).padStart(7)} ${String(t.duplicates).padStart(10)}`,
		].join('\n');
	}
}
