// What the status line shows about the connection: throttling (with a countdown) and the last failure.
// A tiny observable; no SDK, no Ink.

export interface HealthState {
	/** Epoch ms until which we are backing off after ThrottlingException, if any. */
	throttledUntil?: number;
	throttledOperation?: string;
}

export class Health {
	private state: HealthState = {};
	private listeners = new Set<() => void>();

	get = (): HealthState => this.state;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	throttled(operation: string, untilMs: number): void {
		if ((this.state.throttledUntil ?? 0) >= untilMs) return;
		this.state = {throttledUntil: untilMs, throttledOperation: operation};
		this.emit();
	}

	recovered(): void {
		if (this.state.throttledUntil === undefined) return;
		this.state = {};
		this.emit();
	}

	private emit() {
		for (const l of this.listeners) l();
	}
}
