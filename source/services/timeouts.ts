// How long one call may take, phase by phase, before the SDK gives up on it (and retries as it retries any
// network error). Every SDK client smsdeck makes, and the credential chain's own clients, use these. No I/O.

export interface CallTimeouts {
	/** TCP (and TLS, proxy CONNECT) connection established. */
	connectMs: number;
	/** From sending the request to the answer's status line and headers. */
	firstByteMs: number;
	/**
	 * Longest silence on an open socket, the answer's body included. Also bounds a live tail stream between two
	 * messages, so it must stay well above the service's heartbeat (one update a second; the tail engine counts a
	 * stream silent for a few seconds as dropped long before this fires).
	 */
	idleMs: number;
}

/** The AWS CLI waits 60 s to connect and 60 s for each read; a console needs to know sooner. */
export const DEFAULT_CALL_TIMEOUTS: CallTimeouts = {connectMs: 10_000, firstByteMs: 30_000, idleMs: 30_000};

/** Per-call limits that fit in `budgetMs` (the command's --timeout): no single call may outlast the command. */
export function callTimeouts(budgetMs?: number): CallTimeouts {
	if (budgetMs === undefined || !Number.isFinite(budgetMs) || budgetMs <= 0) return {...DEFAULT_CALL_TIMEOUTS};
	const cap = (ms: number) => Math.max(1, Math.min(ms, Math.round(budgetMs)));
	return {connectMs: cap(DEFAULT_CALL_TIMEOUTS.connectMs), firstByteMs: cap(DEFAULT_CALL_TIMEOUTS.firstByteMs), idleMs: cap(DEFAULT_CALL_TIMEOUTS.idleMs)};
}
