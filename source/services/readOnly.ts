// Read-only: decided once per profile (at start and at every switch), enforced in one place — every SDK client
// built for a read-only connection refuses, before anything is sent, each operation that is not a read. The
// console hides the edit keys and the subcommands refuse early with a clearer message, but this guard is what
// holds whatever path a change takes. Unknown operations count as changes (fail closed).

export interface ReadOnlyPolicy {
	/** readOnlyProfiles globs from preferences (everything that could be recovered from the file). */
	patterns: readonly string[];
	/** The preferences file could not be read whole: said to the user, and the recovered patterns still apply. */
	problem?: string;
}

/** Glob match for read-only profile patterns: `*` any run of characters, `?` one character. */
export function profileMatches(pattern: string, profile: string): boolean {
	const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
	return re.test(profile);
}

export function decideReadOnly(flag: boolean, profile: string, policy: ReadOnlyPolicy): {value: boolean; source: string} {
	if (flag) return {value: true, source: '--read-only'};
	const pattern = policy.patterns.find(p => profileMatches(p, profile));
	if (pattern) return {value: true, source: `readOnlyProfiles "${pattern}"`};
	return {value: false, source: policy.patterns.length > 0 ? `profile ${profile} matches no readOnlyProfiles entry` : 'no readOnlyProfiles entry'};
}

/** Operations that only read. Everything else changes the account, sends, or spends. */
export function isReadOperation(operation: string, input?: unknown): boolean {
	if (/^(Describe|List|Get|Filter)[A-Z]/.test(operation)) return true;
	if (operation === 'StartLiveTail' || operation === 'GetCallerIdentity') return true;
	// A Logs Insights query reads the log group; stopping it ends only that reading.
	if (operation === 'StartQuery' || operation === 'StopQuery') return true;
	// A dry run checks a send without sending it (no message, no charge).
	if (/^Send[A-Za-z]*Message$/.test(operation) && (input as {DryRun?: unknown} | undefined)?.DryRun === true) return true;
	return false;
}

export class ReadOnlyError extends Error {
	constructor(readonly operation: string) {
		super(`${operation} refused: this connection is read-only (--read-only or a readOnlyProfiles match); nothing was sent`);
		this.name = 'ReadOnlyError';
	}
}

type Middlewared = {middlewareStack: {add: (mw: unknown, opts: unknown) => void}};

/** Adds the guard to an SDK client: a change is refused before it is signed or sent. */
export function guardReadOnly(client: unknown): void {
	(client as Middlewared).middlewareStack.add(
		(next: (args: {input?: unknown}) => Promise<unknown>, context: {commandName?: string}) => async (args: {input?: unknown}) => {
			const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
			if (!isReadOperation(operation, args.input)) throw new ReadOnlyError(operation);
			return next(args);
		},
		{step: 'initialize', priority: 'high', name: 'smsdeckReadOnlyGuard'},
	);
}
