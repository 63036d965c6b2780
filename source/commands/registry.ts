// Every scriptable subcommand, loaded on demand. The console's "not a terminal" message and --help list these.
import type {SubcommandRun} from './types.js';

export interface SubcommandEntry {
	about: string;
	load: () => Promise<{run: SubcommandRun; usage?: string}>;
}

export const SUBCOMMANDS: Record<string, {about: string; load: () => Promise<{run: SubcommandRun; usage?: string}>}> = {
	regions: {about: 'list the End User Messaging SMS Regions', load: () => import('./regions.js')},
	config: {about: 'how profile, credentials, Region, endpoints, CA bundle and proxy resolve (sends nothing)', load: () => import('./config.js')},
	account: {about: 'account tier, identity, spend limits and account limits in a Region', load: () => import('./account.js')},
	pools: {about: 'list the phone pools in a Region', load: () => import('./pools.js')},
	numbers: {about: 'list the phone numbers in a Region (incl. simulator numbers)', load: () => import('./numbers.js')},
	'sender-ids': {about: 'list the sender IDs in a Region', load: () => import('./senderIds.js')},
	'config-sets': {about: 'list the configuration sets and their event destinations; create|delete NAME (--yes to confirm)', load: () => import('./configSets.js')},
	destinations: {about: "list, add, enable, disable or delete a configuration set's event destinations (--yes to confirm)", load: () => import('./destinations.js')},
	'opt-outs': {about: 'list the opt-out lists (--list NAME: its numbers); add|remove --list NAME NUMBER', load: () => import('./optOuts.js')},
	verified: {about: 'list the verified destination numbers (sandbox); the same as verify list', load: () => import('./verified.js')},
	verify: {about: 'verified destination numbers: list, add NUMBER, send-code NUMBER, confirm NUMBER --code C, delete NUMBER', load: () => import('./verify.js')},
	send: {about: 'a test message (SMS or voice) to a verified or simulator number; --follow waits for the final event', load: () => import('./send.js')},
	protect: {about: 'list the protect configurations; show ID: associations, blocked countries, overrides; rules ID', load: () => import('./protect.js')},
	registrations: {about: 'list the registrations (10DLC, toll-free); show ID: fields, denials, versions, numbers', load: () => import('./registrations.js')},
	keywords: {about: 'list, set or delete the keywords of a number or pool (--yes to confirm)', load: () => import('./keywords.js')},
	spend: {about: 'spend limits; set or clear the enforced limit (--yes to confirm)', load: () => import('./spend.js')},
	tail: {about: "print a configuration set's (or a log group's) events; --follow keeps going, --json for jq", load: () => import('./tail.js')},
	simulate: {about: 'simulator smoke test: send, watch the events, verdict (exit 0/1/2)', load: () => import('./simulate.js')},
	parts: {about: 'encoding and SMS parts of a message body (no AWS calls)', load: () => import('./parts.js')},
	emulator: {
		about: 'run the local emulator of End User Messaging SMS and CloudWatch Logs',
		load: () => import('./emulator.js'),
	},
};
