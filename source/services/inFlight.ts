// Calls sent and not yet answered, by operation: what a command that runs out of time was waiting for; and how
// many got a valid answer (one that passed answerShape.ts). No SDK, no I/O.
const open = new Map<string, number>();
const answered = new Map<string, number>();

export function callStarted(operation: string): void {
	open.set(operation, (open.get(operation) ?? 0) + 1);
}

export function callEnded(operation: string): void {
	const left = (open.get(operation) ?? 1) - 1;
	if (left > 0) open.set(operation, left);
	else open.delete(operation);
}

/** The operations with a call in flight, oldest first. */
export function callsInFlight(): string[] {
	return [...open.keys()];
}

export function callAnswered(operation: string): void {
	answered.set(operation, (answered.get(operation) ?? 0) + 1);
}

/** Valid answers so far to any of `operations` (in this process). */
export function answerCount(operations: readonly string[]): number {
	return operations.reduce((sum, operation) => sum + (answered.get(operation) ?? 0), 0);
}
