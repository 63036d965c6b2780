// Splits the command line into global options, the subcommand and its own arguments.
// Global options may stand anywhere: `smsdeck --region eu-west-2 pools --json` = `smsdeck pools --json --region eu-west-2`.
import {UsageError, type GlobalOptions} from './types.js';
import {checkDuration} from '../domain/duration.js';

interface FlagSpec {
	name: keyof GlobalOptions | 'help' | 'version' | 'timeout';
	value: boolean;
}

const FLAGS: Record<string, FlagSpec> = {
	'--profile': {name: 'profile', value: true},
	'--region': {name: 'region', value: true},
	'--endpoint-url': {name: 'endpointUrl', value: true},
	'--local': {name: 'local', value: false},
	'--read-only': {name: 'readOnly', value: false},
	'--no-color': {name: 'noColor', value: false},
	'--ascii': {name: 'ascii', value: false},
	'--json': {name: 'json', value: false},
	'--timeout': {name: 'timeout', value: true},
	'--help': {name: 'help', value: false},
	'-h': {name: 'help', value: false},
	'--version': {name: 'version', value: false},
	'-v': {name: 'version', value: false},
};

export interface ParsedCommandLine {
	globals: GlobalOptions;
	help: boolean;
	version: boolean;
	subcommand?: string;
	rest: string[];
}

/** --timeout: a positive duration (30s, 2m, 1h; a bare number is seconds). */
function parseTimeout(text: string): number {
	const result = checkDuration(text, {bareSeconds: true});
	if (!result.ok) throw new UsageError(`--timeout: ${result.reason.replace(/\.$/, '')}`);
	if (result.ms <= 0) throw new UsageError('--timeout: give a duration longer than 0, such as 30s or 5m');
	return result.ms;
}

export function parseGlobalArgs(argv: readonly string[]): ParsedCommandLine {
	const globals: GlobalOptions = {local: false, readOnly: false, noColor: false, ascii: false, json: false};
	let help = false;
	let version = false;
	let subcommand: string | undefined;
	const rest: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i];
		if (token === '--') {
			rest.push(...argv.slice(i + 1));
			break;
		}
		const eq = token.startsWith('--') ? token.indexOf('=') : -1;
		const flagName = eq > 0 ? token.slice(0, eq) : token;
		const spec = FLAGS[flagName];
		if (spec) {
			let value: string | undefined;
			if (spec.value) {
				value = eq > 0 ? token.slice(eq + 1) : argv[++i];
				if (value === undefined || value === '' || (eq < 0 && value.startsWith('-'))) {
					throw new UsageError(`option ${flagName} needs a value`);
				}
			} else if (eq > 0) {
				throw new UsageError(`option ${flagName} takes no value`);
			}
			if (spec.name === 'timeout') globals.timeoutMs = parseTimeout(value!);
			else if (spec.name === 'help') help = true;
			else if (spec.name === 'version') version = true;
			else (globals as unknown as Record<string, unknown>)[spec.name] = spec.value ? value : true;
			continue;
		}
		if (subcommand === undefined && !token.startsWith('-')) {
			subcommand = token;
			continue;
		}
		if (subcommand === undefined) throw new UsageError(`unknown option '${flagName}'`);
		rest.push(token);
	}
	if (globals.local && globals.endpointUrl) throw new UsageError('--local and --endpoint-url cannot be used together');
	if (globals.endpointUrl) {
		try {
			const url = new URL(globals.endpointUrl);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
		} catch {
			throw new UsageError(`--endpoint-url "${globals.endpointUrl}" is not an http(s) URL`);
		}
	}
	return {globals, help, version, subcommand, rest};
}
