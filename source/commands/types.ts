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

/** What the command line gave a command, as commander parsed and checked it (commandTree.ts declares it). */
export interface CommandInput {
	/** Its positional arguments, in order. */
	args: string[];
	/** Its own options by camelCase name (--config-set → configSet); repeatable ones are arrays. */
	options: Record<string, unknown>;
}

/**
 * The code of one command (or nested command): gets its parsed input and returns the exit code.
 * 0 success, 1 failure reported by the service or a failed check, 2 bad input or misconfiguration.
 * It must not throw for expected errors: print one line to stderr and return the code.
 */
export type CommandAction = (input: CommandInput, globals: GlobalOptions, io: CommandIO) => Promise<number>;

/**
 * A command run with the words after its name as typed (`keywords set --keyword HI …`): parsed by the command
 * tree, then its action. Tests and callers that hold raw arguments use this; global options may be among them.
 */
export type SubcommandRun = (args: string[], globals: GlobalOptions, io: CommandIO) => Promise<number>;

/** Thrown (and caught by main.tsx) for bad input: printed as one line, exit code 2. */
export class UsageError extends Error {
	/** The command whose --help says more ('keywords set'); '' for smsdeck itself. */
	command?: string;
	constructor(message: string, command?: string) {
		super(message);
		this.name = 'UsageError';
		this.command = command;
	}
}
