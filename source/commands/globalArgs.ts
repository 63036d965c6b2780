// The command line in short: the global options (which may stand anywhere: `smsdeck --region eu-west-2 pools
// --json` = `smsdeck pools --json --region eu-west-2`), the command's name and the words after it. The command
// tree (commandTree.ts) parses and checks the whole line; this is its summary for callers that want one.
import {GLOBAL_OPTIONS, parseCommandLine} from './commandTree.js';
import {DEFAULT_GLOBALS} from './globals.js';
import type {GlobalOptions} from './types.js';

export interface ParsedCommandLine {
	globals: GlobalOptions;
	help: boolean;
	version: boolean;
	/** The top-level command, if any. */
	subcommand?: string;
	/** The words after the command's name as typed, global options taken out. */
	rest: string[];
}

/** Bad input is a UsageError, as from the command tree. */
export function parseGlobalArgs(argv: readonly string[]): ParsedCommandLine {
	const line = parseCommandLine(argv);
	const none = {globals: {...DEFAULT_GLOBALS}, help: false, version: false, rest: []};
	if (line.kind === 'help') return {...none, help: true};
	if (line.kind === 'version') return {...none, version: true};
	if (line.kind === 'console') return {...none, globals: line.globals};
	const words = withoutGlobals(argv);
	const name = line.path.split(' ')[0];
	return {globals: line.globals, help: false, version: false, subcommand: name, rest: words.slice(words.indexOf(name) + 1)};
}

/** The words of the line but the global options and their values. */
function withoutGlobals(argv: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i];
		if (word === '--') {
			out.push(...argv.slice(i));
			break;
		}
		const eq = word.startsWith('--') ? word.indexOf('=') : -1;
		const flag = eq > 0 ? word.slice(0, eq) : word;
		const global = GLOBAL_OPTIONS.find(o => o.long === flag || o.short === flag);
		if (!global) out.push(word);
		else if (global.required && eq < 0) i++;
	}
	return out;
}
