// smsdeck proper: the console when run alone in a terminal, or a scriptable subcommand (smsdeck <command> …).
// cli.tsx (the entry point) loads this module; everything heavy is imported lazily from here, after the Node
// version check, so the check can speak first.
import type {CommandIO} from './commands/types.js';

const MIN_NODE = 22;

async function main(argv: string[]): Promise<number> {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < MIN_NODE) {
		process.stderr.write(`smsdeck: needs Node.js ${MIN_NODE} or newer (this is ${process.version})\n`);
		return 2;
	}
	const io: CommandIO = {stdout: process.stdout, stderr: process.stderr, env: process.env};
	const [{consoleGlobals}, {UsageError}] = await Promise.all([import('./commands/globals.js'), import('./commands/types.js')]);
	let path: string | undefined;
	try {
		// A line of global options only opens the console without the command tree; any other goes through the tree
		// (names, options, help; commander), which is light too: a command's own code is imported when it runs.
		const globals = consoleGlobals(argv);
		const line = globals ? ({kind: 'console', globals} as const) : (await import('./commands/commandTree.js')).parseCommandLine(argv);
		if (line.kind === 'help' || line.kind === 'version') {
			io.stdout.write(line.text);
			return 0;
		}
		if (line.kind === 'command') {
			path = line.path;
			const lifetime = await import('./commands/lifetime.js');
			// ctrl-c, SIGTERM and SIGHUP end it at once (128+n); the whole run has a time budget.
			lifetime.guardSignals();
			lifetime.startBudget(line.globals.timeoutMs ?? lifetime.DEFAULT_BUDGET_MS, line.globals.timeoutMs !== undefined, io.stderr);
			try {
				return await line.run(io);
			} finally {
				lifetime.endBudget();
			}
		}
		const {runConsole} = await import('./console/runConsole.js');
		return await runConsole(line.globals, io);
	} catch (error) {
		if (error instanceof UsageError) {
			const where = error.command ?? path;
			io.stderr.write(`smsdeck: ${error.message}. Try 'smsdeck ${where ? `${where} ` : ''}--help'.\n`);
			return 2;
		}
		// Configuration that cannot work (a missing profile, no Region, an unreadable CA bundle): one line, exit 2.
		const name = (error as Error | undefined)?.name;
		if (name === 'ResolutionError' || name === 'CaBundleError') {
			const {stripTerminalEscapes} = await import('./domain/sanitize.js');
			io.stderr.write(`smsdeck: ${stripTerminalEscapes((error as Error).message)}\n`);
			return 2;
		}
		const {describeError, writeCrashReport, restoreTerminal} = await import('./app/terminal.js');
		restoreTerminal();
		const file = writeCrashReport(error);
		io.stderr.write(`smsdeck: ${describeError(error)}${file ? ` (details in ${file})` : ''}\n`);
		return 1;
	}
}

main(process.argv.slice(2)).then(
	async code => {
		process.exitCode = code;
		// Everything printed reaches the reader first, however slowly it reads (a pipe keeps what it has not taken
		// only until we exit); then quit at once, even if a socket or timer is still open.
		const {flushed} = await import('./commands/lifetime.js');
		await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
		process.exit(code);
	},
	() => {
		process.exitCode = 1;
	},
);

// Writing to a closed pipe (smsdeck regions | head -1) is not an error worth a stack trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});
