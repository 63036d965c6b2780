// Shared shape of every scriptable subcommand (smsdeck <name> …). Subcommands never import Ink.

/** Options that apply to every subcommand and to the console itself. */
export interface GlobalOptions {
	profile?: string;
	region?: string;
	endpointUrl?: string;
	/** Run against an in-process emulator on a free loopback port. */
	local: boolean;
	readOnly: boolean;
	noColor: boolean;
	ascii: boolean;
	json: boolean;
	/**
	 * --timeout: how long the whole command may take (default: DEFAULT_BUDGET_MS in lifetime.ts; simulate: its own).
	 * In the console, how long any one call may wait.
	 */
	timeoutMs?: number;
}

export interface CommandIO {
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	env: NodeJS.ProcessEnv;
}

/**
 * A subcommand receives the arguments after its name (global flags already removed) and returns the exit code.
 * 0 success, 1 failure reported by the service or a failed check, 2 bad input or misconfiguration.
 * It must not throw for expected errors: print one line to stderr and return the code.
 */
export type SubcommandRun = (args: string[], globals: GlobalOptions, io: CommandIO) => Promise<number>;

/** Thrown (and caught by cli.tsx) for bad input: printed as one line, exit code 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}
