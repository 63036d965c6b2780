// Cached results of service calls, keyed by connection and resource. Results that arrive after the connection
// changed (a Region or profile switch) are dropped: each load carries the generation it started in.
import {describeServiceError, type ServiceErrorInfo} from '../services/errors.js';

export interface ResourceState<T> {
	data?: T;
	loading: boolean;
	/** Some pages are in, more are coming. */
	partial: boolean;
	error?: ServiceErrorInfo;
	fetchedAt?: number;
}

export interface LoadContext<T> {
	/** Show what has arrived so far (first page on screen before the last page). */
	partial(data: T): void;
	signal: AbortSignal;
}

export type Loader<T> = (context: LoadContext<T>) => Promise<T>;

const EMPTY: ResourceState<never> = {loading: false, partial: false};

/** After a throttled failure (the SDK already retried), wait and try again, a few times, before giving up. */
const THROTTLE_RETRIES = 4;
const THROTTLE_WAIT_MS = 2500;
const PARTIAL_MS = 250;

export class ResourceStore {
	private entries = new Map<string, ResourceState<unknown>>();
	private inflight = new Map<string, {generation: number; controller: AbortController}>();
	private listeners = new Set<() => void>();
	private generation = 0;
	/** The last loader of each key, so a change elsewhere can reload what it touched. */
	private loaders = new Map<string, Loader<unknown>>();

	constructor(private readonly onError: (key: string, error: ServiceErrorInfo) => void = () => {}) {}

	get<T>(key: string): ResourceState<T> {
		return (this.entries.get(key) as ResourceState<T>) ?? EMPTY;
	}

	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Forget everything and ignore every call still running (connection changed). */
	reset(): void {
		this.generation++;
		for (const {controller} of this.inflight.values()) controller.abort();
		this.inflight.clear();
		this.entries.clear();
		this.emit();
	}

	/** Reload a key with its last loader (after a change to the account); unknown keys are simply forgotten. */
	reload(key: string): void {
		const loader = this.loaders.get(key);
		if (loader) this.load(key, loader, {force: true});
		else if (this.entries.delete(key)) this.emit();
	}

	/** Keys loaded so far (for reloading everything a change touched). */
	keys(): string[] {
		return [...this.entries.keys()];
	}

	load<T>(key: string, loader: Loader<T>, {force = false, attempt = 0}: {force?: boolean; attempt?: number} = {}): void {
		this.loaders.set(key, loader as Loader<unknown>);
		const current = this.entries.get(key);
		if (!force && current && (current.loading || current.fetchedAt !== undefined || current.error)) return;
		if (this.inflight.has(key)) {
			if (!force) return;
			this.inflight.get(key)!.controller.abort();
		}
		const generation = this.generation;
		const controller = new AbortController();
		this.inflight.set(key, {generation, controller});
		const stillWanted = () => this.generation === generation && this.inflight.get(key)?.controller === controller;
		let lastPartial = 0;
		let pending: T | undefined;
		this.set(key, {...(current as ResourceState<T> | undefined), loading: true, partial: false, error: undefined});
		loader({
			signal: controller.signal,
			// The first page shows at once; later pages at most every PARTIAL_MS (101 pages of numbers would
			// otherwise redraw the table 101 times).
			partial: data => {
				if (!stillWanted()) return;
				pending = data;
				const now = Date.now();
				if (now - lastPartial >= PARTIAL_MS) {
					lastPartial = now;
					this.set(key, {data, loading: true, partial: true, fetchedAt: undefined});
					pending = undefined;
				}
			},
		}).then(
			data => {
				if (!stillWanted()) return;
				this.inflight.delete(key);
				this.set(key, {data, loading: false, partial: false, fetchedAt: Date.now()});
			},
			error => {
				if (!stillWanted()) return;
				this.inflight.delete(key);
				const info = describeServiceError(error);
				if (info.throttled && attempt < THROTTLE_RETRIES) {
					// Stay "loading" while backing off; the status line shows THROTTLED meanwhile.
					const timer = setTimeout(() => {
						if (this.generation === generation) this.load(key, loader, {force: true, attempt: attempt + 1});
					}, THROTTLE_WAIT_MS * (attempt + 1));
					timer.unref?.();
					return;
				}
				this.set(key, {...(this.entries.get(key) as ResourceState<T>), loading: false, partial: false, error: info});
				this.onError(key, info);
			},
		);
	}

	private set(key: string, state: ResourceState<unknown>) {
		this.entries.set(key, state);
		this.emit();
	}

	private emit() {
		for (const l of this.listeners) l();
	}
}
