// The `:` command language: parsing and completion. Pure functions, shared by the bar and its tests.
import {SMS_REGIONS, isRegionCode} from '../domain/regions.js';

export interface CommandLineDef {
	name: string;
	aliases: string[];
	/** Kind of argument the command takes, for completion. */
	arg?: 'region' | 'profile' | 'configSet' | 'pool' | 'number' | 'origination' | 'optOutList';
	argRequired?: boolean;
	help: string;
}

export const COMMAND_LINE: readonly CommandLineDef[] = [
	{name: 'regions', aliases: ['rg'], help: 'List the End User Messaging SMS Regions, with counts per Region'},
	{name: 'overview', aliases: ['ov'], help: 'Overview of the active Region: counts by type and status, tier, spend limits, event destinations'},
	{name: 'account', aliases: ['acct'], help: 'Account tier, limits, spend limits and identity in the Region'},
	{name: 'pools', aliases: ['pool', 'pl'], arg: 'pool', help: 'Phone pools in the Region; :pool <Name tag, pool-… id or ARN> opens one'},
	{name: 'numbers', aliases: ['pn', 'phone-numbers'], arg: 'number', help: 'Phone numbers in the Region (incl. simulator numbers); :pn <E.164, phone-… id or ARN> opens one'},
	{name: 'sender-ids', aliases: ['sid'], help: 'Sender IDs in the Region'},
	{name: 'config-sets', aliases: ['cs', 'configsets'], help: 'Configuration sets and their event destinations'},
	{name: 'opt-outs', aliases: ['oo'], arg: 'optOutList', help: 'Opt-out lists and their opted-out numbers; :oo <list name or ARN> opens one'},
	{name: 'keywords', aliases: ['kw'], arg: 'origination', argRequired: true, help: 'Keywords of a number, pool or sender ID: :kw <E.164, pool name, sender ID, id or ARN>'},
	{name: 'verified', aliases: ['vd', 'verify'], help: 'Verified destination numbers (sandbox): add, send the code, enter it, delete'},
	{name: 'send', aliases: ['test-send'], arg: 'origination', help: 'Test send (SMS or voice) with its events followed; :send <number, pool or sender ID> starts from that origination'},
	{name: 'registrations', aliases: ['reg', 'registration'], help: 'Registrations (10DLC brands and campaigns, toll-free numbers): status, versions, denial reasons, numbers held'},
	{name: 'protect', aliases: ['pc', 'protect-configurations'], help: 'Protect configurations: country rules per capability (SMS, MMS, VOICE), associations, account default, which rule applies'},
	{name: 'push', aliases: ['apps', 'pinpoint'], help: 'Push applications (Pinpoint): channels and their credentials (APNs certificate age), enable/disable a channel, delete an application, test push'},
	{name: 'sim', aliases: ['simulate', 'simulator'], help: 'Simulator smoke test: send to the simulator numbers, watch the events, verdict'},
	{name: 'region', aliases: [], arg: 'region', argRequired: true, help: 'Switch to a Region: :region eu-west-2'},
	{name: 'profile', aliases: [], arg: 'profile', argRequired: true, help: 'Switch to a profile from the AWS config files: :profile prod'},
	{name: 'tail', aliases: ['logs'], arg: 'configSet', argRequired: true, help: 'Live event tail: :tail <config-set> [--since 5m] [--destination NAME], :tail log-group <name>'},
	{name: 'insights', aliases: ['in', 'stats'], arg: 'configSet', help: 'Insights of a configuration set (Logs Insights): :insights <config-set> [--window 15m|1h|24h|7d]'},
	{name: 'help', aliases: ['h'], help: 'Show the keys and commands'},
	{name: 'errors', aliases: ['log'], help: 'Show the error log'},
	{name: 'audit', aliases: ['changes'], help: 'The changes applied in this session, with Region and request id'},
	{name: 'quit', aliases: ['q', 'q!', 'exit'], help: 'Quit smsdeck'},
];

export type ParsedCommand =
	| {ok: true; name: string; arg?: string}
	| {ok: false; reason: string};

export function findCommand(word: string): CommandLineDef | undefined {
	const w = word.toLowerCase();
	return COMMAND_LINE.find(c => c.name === w || c.aliases.includes(w));
}

export function parseCommandLine(text: string): ParsedCommand {
	const [word = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/);
	if (word === '') return {ok: false, reason: 'Type a command, e.g. :regions (tab completes)'};
	const def = findCommand(word);
	if (!def) return {ok: false, reason: `Unknown command ":${word}". Try :help`};
	const arg = rest.join(' ').trim() || undefined;
	if (def.argRequired && !arg) return {ok: false, reason: `:${def.name} needs an argument — ${def.help}`};
	if (!def.arg && arg) return {ok: false, reason: `:${def.name} takes no argument`};
	if (def.arg === 'region' && arg && !isRegionCode(arg.toLowerCase())) {
		return {ok: false, reason: `"${arg}" is not a Region of any AWS partition (see :regions)`};
	}
	// Profile names are case-sensitive; Region codes are not.
	return {ok: true, name: def.name, arg: def.arg === 'region' ? arg?.toLowerCase() : arg};
}

export interface CompletionContext {
	/** Profile names from the AWS config files, for :profile. */
	profiles?: readonly string[];
	/** Configuration set names already loaded, for :tail. */
	configSets?: readonly string[];
}

/** Full-line candidates for what has been typed so far, best first. */
export function completeCommandLine(text: string, context: CompletionContext = {}): string[] {
	const trimmed = text.replace(/^:/, '').trimStart();
	const space = trimmed.indexOf(' ');
	if (space < 0) {
		const w = trimmed.toLowerCase();
		return COMMAND_LINE.filter(c => c.name.startsWith(w)).map(c => (c.argRequired ? `${c.name} ` : c.name));
	}
	const def = findCommand(trimmed.slice(0, space));
	if (!def?.arg) return [];
	const partial = trimmed.slice(space + 1).trim().toLowerCase();
	if (def.arg === 'region') {
		// Codes that start with what was typed win; otherwise match the Region's name ("london").
		const byCode = SMS_REGIONS.filter(r => r.code.startsWith(partial));
		const matches = byCode.length > 0 ? byCode : SMS_REGIONS.filter(r => r.name.toLowerCase().includes(partial));
		return matches.map(r => `${def.name} ${r.code}`);
	}
	if (def.arg === 'configSet') {
		const typed = trimmed.slice(space + 1).trimStart();
		return ['log-group ', ...(context.configSets ?? [])].filter(p => p.startsWith(typed) && p !== typed).map(p => `${def.name} ${p}`);
	}
	if (def.arg === 'profile') {
		const typed = trimmed.slice(space + 1).trim();
		return (context.profiles ?? []).filter(p => p.startsWith(typed)).map(p => `${def.name} ${p}`);
	}
	return [];
}

/** The longest prefix shared by all candidates (what tab inserts when there are several). */
export function commonPrefix(candidates: string[]): string {
	if (candidates.length === 0) return '';
	let prefix = candidates[0];
	for (const c of candidates.slice(1)) {
		while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
	}
	return prefix;
}
