#!/usr/bin/env node
// smsdeck: the console when run alone in a terminal, or a scriptable subcommand (smsdeck <command> …).
// Everything heavy is imported lazily, after the Node version check, so the check can speak first.
import type {CommandIO, SubcommandRun} from './commands/types.js';

declare const SMSDECK_VERSION: string | undefined;

const MIN_NODE = 22;

const SUBCOMMANDS: Record<string, {about: string; load: () => Promise<{run: SubcommandRun; usage?: string}>}> = {
	regions: {about: 'list the End User Messaging SMS Regions', load: () => import('./commands/regions.js')},
	account: {about: 'account tier, identity, spend limits and account limits in a Region', load: () => import('./commands/account.js')},
	pools: {about: 'list the phone pools in a Region', load: () => import('./commands/pools.js')},
	numbers: {about: 'list the phone numbers in a Region (incl. simulator numbers)', load: () => import('./commands/numbers.js')},
	'sender-ids': {about: 'list the sender IDs in a Region', load: () => import('./commands/senderIds.js')},
	'config-sets': {about: 'list the configuration sets and their event destinations', load: () => import('./commands/configSets.js')},
	'opt-outs': {about: 'list the opt-out lists (--list NAME: its numbers); add|remove --list NAME NUMBER', load: () => import('./commands/optOuts.js')},
	verified: {about: 'list the verified destination numbers (sandbox)', load: () => import('./commands/verified.js')},
	keywords: {about: 'list, set or delete the keywords of a number or pool (--yes to confirm)', load: () => import('./commands/keywords.js')},
	spend: {about: 'spend limits; set or clear the enforced limit (--yes to confirm)', load: () => import('./commands/spend.js')},
	tail: {about: "print a configuration set's (or a log group's) events; --follow keeps going, --json for jq", load: () => import('./commands/tail.js')},
	simulate: {about: 'simulator smoke test: send, watch the events, verdict (exit 0/1/2)', load: () => import('./commands/simulate.js')},
	parts: {about: 'encoding and SMS parts of a message body (no AWS calls)', load: () => import('./commands/parts.js')},
	emulator: {
		about: 'run the local emulator of End User Messaging SMS and CloudWatch Logs',
		load: () => import('./commands/emulator.js'),
	},
};

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
  --profile NAME        AWS profile (default: AWS_PROFILE, then the last one used)
  --region CODE         Region (default: AWS_REGION, then the last one used, then us-east-1)
  --endpoint-url URL    send requests to this endpoint instead of AWS
  --local               use the built-in emulator (no AWS account needed)
  --read-only           refuse every change to the account
  --json                JSON output for commands
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
			const {run} = await sub.load();
			return await run(parsed.rest, parsed.globals, io);
		}
		const {runConsole} = await import('./app/runConsole.js');
		return await runConsole(parsed.globals, io);
	} catch (error) {
		if (error instanceof UsageError) {
			io.stderr.write(`smsdeck: ${error.message}. Try 'smsdeck --help'.\n`);
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
	code => {
		process.exitCode = code;
		// Quit promptly even if a socket or timer is still open.
		setTimeout(() => process.exit(code), 50).unref();
	},
	() => {
		process.exitCode = 1;
	},
);

// Writing to a closed pipe (smsdeck regions | head -1) is not an error worth a stack trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});
