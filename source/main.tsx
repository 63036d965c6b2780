// smsdeck proper: the console when run alone in a terminal, or a scriptable subcommand (smsdeck <command> …).
// cli.tsx (the entry point) loads this module; everything heavy is imported lazily from here, after the Node
// version check, so the check can speak first.
import type {CommandIO} from './commands/types.js';
import {SUBCOMMANDS} from './commands/registry.js';

declare const SMSDECK_VERSION: string | undefined;

const MIN_NODE = 22;


const USAGE = `smsdeck — a terminal console for AWS End User Messaging SMS

Usage:
  smsdeck [options]                 open the console (needs a terminal)
  smsdeck <command> [options]       run one command and print the result
                                    (a table, or JSON with --json; exit 0, 1 on a service error,
                                    2 on bad input)

Commands:
${Object.entries(SUBCOMMANDS)
	.map(([name, c]) => `  ${name.padEnd(30)} ${c.about}`)
	.join('\n')}

Options:
  --profile NAME        AWS profile (default: AWS_PROFILE, then the SDK's default chain)
  --region CODE         Region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region;
                        the console falls back to the Region used last)
  --endpoint-url URL    send sms-voice requests to this endpoint instead of AWS (as the AWS CLI,
                        for that one service; AWS_ENDPOINT_URL_<SERVICE> set the others)
  --local               use the built-in emulator (no AWS account needed)
  --read-only           refuse every change to the account
  --json                JSON output for commands
  --timeout DURATION    how long a command may take in all (default 5m; simulate 60s; tail --follow and
                        the emulator: until stopped); in the console, how long one call may wait. Each call
                        also gives up on its own: 10s to connect, 30s to the first byte, 30s of silence
  --no-color            no colours (NO_COLOR is honoured too)
  --ascii               ASCII borders and symbols only
  -h, --help            this help
  -v, --version         print the version

Keys in the console: ? help, : command, / filter, esc back, q quit.
`;

function version(): string {
	return typeof SMSDECK_VERSION === 'string' ? SMSDECK_VERSION : 'dev';
}

async function main(argv: string[]): Promise<number> {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < MIN_NODE) {
		process.stderr.write(`smsdeck: needs Node.js ${MIN_NODE} or newer (this is ${process.version})\n`);
		return 2;
	}
	const io: CommandIO = {stdout: process.stdout, stderr: process.stderr, env: process.env};
	const {parseGlobalArgs} = await import('./commands/globalArgs.js');
	const {UsageError} = await import('./commands/types.js');
	try {
		const parsed = parseGlobalArgs(argv);
		if (parsed.version) {
			io.stdout.write(`smsdeck ${version()}\n`);
			return 0;
		}
		if (parsed.help) {
			const sub = parsed.subcommand ? SUBCOMMANDS[parsed.subcommand] : undefined;
			io.stdout.write(sub ? ((await sub.load()).usage ?? USAGE) : USAGE);
			return 0;
		}
		if (parsed.subcommand !== undefined) {
			const sub = SUBCOMMANDS[parsed.subcommand];
			if (!sub) throw new UsageError(`unknown command '${parsed.subcommand}'`);
			const [{run}, lifetime] = await Promise.all([sub.load(), import('./commands/lifetime.js')]);
			// ctrl-c, SIGTERM and SIGHUP end it at once (128+n); the whole run has a time budget.
			lifetime.guardSignals();
			lifetime.startBudget(parsed.globals.timeoutMs ?? lifetime.DEFAULT_BUDGET_MS, parsed.globals.timeoutMs !== undefined, io.stderr);
			try {
				return await run(parsed.rest, parsed.globals, io);
			} finally {
				lifetime.endBudget();
			}
		}
		const {runConsole} = await import('./console/runConsole.js');
		return await runConsole(parsed.globals, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr.write(`smsdeck: ${error.message}. Try 'smsdeck --help'.\n`);
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
