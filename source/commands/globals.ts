// The global options, without commander: the table the command tree declares them from, the checks of their values,
// and the console's own short way through a line made of nothing else (`smsdeck`, `smsdeck --profile prod --local`),
// which does not load the tree (commander and every command's declaration, some 15 ms of the console's start).
// Anything else on the line, or anything unusual about these (a repeat, a value commander would refuse), is left
// to the tree, so both read every line the same (test/unit/globals.test.ts compares them).
import {checkDuration} from '../domain/duration.js';
import {UsageError, type GlobalOptions} from './types.js';

/** The options every command takes: commander's flags syntax and the help line. */
export const GLOBAL_FLAGS: ReadonlyArray<{flags: string; description: string}> = [
	{flags: '--profile <name>', description: "AWS profile (default: AWS_PROFILE, then the SDK's default chain)"},
	{
		flags: '--region <code>',
		description: "Region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region; the console falls back to the Region used last)",
	},
	{
		flags: '--endpoint-url <url>',
		description:
			'send sms-voice and pinpoint (push) requests to this endpoint instead of AWS (as the AWS CLI, for the service it calls; AWS_ENDPOINT_URL_<SERVICE> set the others)',
	},
	{flags: '--local', description: 'use the built-in emulator (no AWS account needed)'},
	{flags: '--read-only', description: 'refuse every change to the account'},
	{flags: '--json', description: 'JSON output for commands'},
	{
		flags: '--timeout <duration>',
		description:
			'how long a command may take in all (default 5m; simulate 60s; tail --follow and the emulator: until stopped); in the console, how long one call may wait. Each call also gives up on its own: 10s to connect, 30s to the first byte, 30s of silence',
	},
	{flags: '--no-color', description: 'no colours (NO_COLOR is honoured too)'},
	{flags: '--ascii', description: 'ASCII borders and symbols only'},
];

export const DEFAULT_GLOBALS: GlobalOptions = {local: false, readOnly: false, noColor: false, ascii: false, json: false};

/** --timeout: a positive duration (30s, 2m, 1h; a bare number is seconds). */
export function parseTimeout(text: string): number {
	const result = checkDuration(text, {bareSeconds: true});
	if (!result.ok) throw new UsageError(`--timeout: ${result.reason.replace(/\.$/, '')}`);
	if (result.ms <= 0) throw new UsageError('--timeout: give a duration longer than 0, such as 30s or 5m');
	return result.ms;
}

/** The globals from the options' values by commander's attribute names (profile, endpointUrl, color, …). */
export function globalsFrom(raw: Record<string, unknown>): Partial<GlobalOptions> {
	const given: Partial<GlobalOptions> = {};
	for (const key of ['profile', 'region', 'endpointUrl'] as const) if (raw[key] !== undefined) given[key] = raw[key] as string;
	for (const key of ['local', 'readOnly', 'json', 'ascii'] as const) if (raw[key] !== undefined) given[key] = raw[key] === true;
	if (raw.color === false) given.noColor = true;
	if (raw.timeout !== undefined) given.timeoutMs = parseTimeout(raw.timeout as string);
	return given;
}

/** The checks across options, once all are read. */
export function checkGlobals(globals: GlobalOptions): void {
	if (globals.local && globals.endpointUrl) throw new UsageError('--local and --endpoint-url cannot be used together');
	if (globals.endpointUrl) {
		try {
			const url = new URL(globals.endpointUrl);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
		} catch {
			throw new UsageError(`--endpoint-url "${globals.endpointUrl}" is not an http(s) URL`);
		}
	}
}

/** Each global flag by its long name: commander's attribute name, and whether it takes a value. */
const FLAGS = new Map(
	GLOBAL_FLAGS.map(({flags}) => {
		const [long, value] = flags.split(' ');
		const negated = long.startsWith('--no-');
		const attribute = long.slice(negated ? 5 : 2).replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase());
		return [long, {attribute, takesValue: value !== undefined, negated}];
	}),
);

/**
 * The console's globals when the line holds global options only, each once, in the forms `--flag`, `--flag value`
 * and `--flag=value` with a value that is not empty and does not start with '-'; undefined for any other line (the
 * command tree reads it). Bad values throw the UsageError the tree would.
 */
export function consoleGlobals(argv: readonly string[]): GlobalOptions | undefined {
	const raw: Record<string, unknown> = {};
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i];
		const eq = word.indexOf('=');
		const flag = FLAGS.get(eq > 0 ? word.slice(0, eq) : word);
		if (!flag || flag.attribute in raw) return undefined;
		let value: string | boolean = !flag.negated;
		if (flag.takesValue) {
			value = eq > 0 ? word.slice(eq + 1) : argv[++i];
			if (value === undefined || value === '' || value.startsWith('-')) return undefined;
		} else if (eq > 0) return undefined;
		raw[flag.attribute] = value;
	}
	const globals = {...DEFAULT_GLOBALS, ...globalsFrom(raw)};
	checkGlobals(globals);
	return globals;
}
