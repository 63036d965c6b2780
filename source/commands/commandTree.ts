// The command line of smsdeck, declared with commander: every command and nested command with its arguments,
// options, descriptions and help, and the global options every one of them takes (anywhere on the line). This
// module is light on purpose: it holds names and words only. A command's code is imported when it runs.
//
// To add a command (or a nested one):
//   1. Write its code in commands/<name>.ts and export `actions`: one CommandAction a command of the tree, keyed
//      by a name, e.g. `export const actions = {list, add} satisfies Record<string, CommandAction>;`. An action
//      gets {args, options} already parsed and checked here, and the globals. Export
//      `run = commandRunner('<name>')` too if tests or callers want to run it with raw arguments.
//   2. Declare it below in buildTree(): a top-level command with `top(name, summary, command => …)` — its name and
//      summary (one line for the list) are declared on every run, the rest only when the parse reaches it (or for
//      help): `.description()` (the help), `.argument('<id>', …)`, options made with option(), nested commands
//      (`command.command(name).summary()…`), and `.action(runs(() => import('./<name>.js'), '<key>'))`.
//   3. Options with fixed values get `{choices: […]}` (other spellings: `{aliases: {…}}`); repeatable ones
//      `{repeat: true}`. Checks that need more than the value itself (E.164, durations, one option needing another)
//      stay in the action.
import {Argument, Command, CommanderError, Option} from 'commander';
import {VERIFICATION_CHANNELS, VERIFICATION_LANGUAGES} from '../domain/verification.js';
import {PUSH_CHANNEL_CHOICES} from '../domain/pushRules.js';
import {checkGlobals, DEFAULT_GLOBALS, GLOBAL_FLAGS, globalsFrom} from './globals.js';
import {UsageError, type CommandAction, type CommandInput, type CommandIO, type GlobalOptions, type SubcommandRun} from './types.js';

declare const SMSDECK_VERSION: string | undefined;

const HELP_WIDTH = 100;

/** A value option's value that is missing or that is really the next option. */
class ValueProblem extends Error {}

interface OptionHow {
	/** The values it takes (listed in the help); anything else is bad input. */
	choices?: readonly string[];
	/** Compare with the choices ignoring case; the value is given as the choice spells it. */
	ignoreCase?: boolean;
	/** Other spellings taken for a choice (lower case; compared ignoring case): {logs: 'cloudwatch-logs'}. */
	aliases?: Readonly<Record<string, string>>;
	/** It may be given more than once: an array of the values. */
	repeat?: boolean;
	/** An empty value is allowed (checked by the action). */
	empty?: boolean;
	default?: string;
	/** It must be given. */
	required?: boolean;
}

const orList = (values: readonly string[]) => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);

function checkChoice(name: string, value: string, how: OptionHow): string {
	if (!how.choices) return value;
	const found = how.choices.find(c => (how.ignoreCase ? c.toLowerCase() === value.toLowerCase() : c === value)) ?? how.aliases?.[value.toLowerCase()];
	if (found === undefined) throw new ValueProblem(`${name} takes ${orList(how.choices)}, not "${value}"`);
	return found;
}

/** Options that must be given. */
const mustGive = new WeakSet<Option>();

/** An option of a command: `--name <value>` flags take a value, checked as `how` says. */
export function option(flags: string, description: string, how: OptionHow = {}): Option {
	const made = new Option(flags, description);
	if (how.choices) made.choices(how.choices);
	if (how.default !== undefined) made.default(how.default);
	// Checked after the parse (not by commander), so that a mistyped option is reported before a missing one.
	if (how.required) mustGive.add(made);
	if (made.required || made.optional) {
		const name = made.long ?? made.short ?? flags;
		made.argParser((value: string, previous: unknown) => {
			if (value.startsWith('--') || (value === '' && !how.empty)) throw new ValueProblem(`option ${name} needs a value`);
			const checked = checkChoice(name, value, how);
			return how.repeat ? [...(Array.isArray(previous) ? (previous as string[]) : []), checked] : checked;
		});
	}
	return made;
}

/** A positional argument: `<name>` required, `[name]` optional; choices as for options. */
function argument(name: string, description: string, how: OptionHow = {}): Argument {
	const made = new Argument(name, description);
	if (how.choices) made.choices(how.choices).argParser((value: string) => checkChoice(made.name().toUpperCase(), value, how));
	return made;
}

/** The options every command takes, before or after the command's name. */
export const GLOBAL_OPTIONS: readonly Option[] = GLOBAL_FLAGS.map(({flags, description}) => globalOption(flags, description));

function globalOption(flags: string, description: string): Option {
	const made = new Option(flags, description).helpGroup('Global options:');
	if (made.required) {
		made.argParser((value: string) => {
			if (value === '' || value.startsWith('-')) throw new ValueProblem(`option ${made.long} needs a value`);
			return value;
		});
	}
	return made;
}

const GLOBAL_KEYS = GLOBAL_OPTIONS.map(o => o.attributeName());

/** What the parse chose to run. */
interface Chosen {
	command: Command;
	kind: 'console' | 'action';
	load?: () => Promise<{actions: Record<string, CommandAction>}>;
	key?: string;
}

let chosen: Chosen | undefined;

/** The action of a command: its code is imported when it runs, and `key` of its `actions` is called. */
function runs<M extends {actions: Record<string, CommandAction>}>(load: () => Promise<M>, key: keyof M['actions'] & string) {
	return (...params: unknown[]) => {
		chosen = {command: params.at(-1) as Command, kind: 'action', load, key};
	};
}

/** Parents whose nested commands do all the work. */
const mustPick = new WeakSet<Command>();

/** A parent whose nested commands do the work: alone, it says which to pick. */
function pickOne(command: Command): Command {
	mustPick.add(command);
	return command.action(() => {
		const path = pathOf(command);
		throw new UsageError(`${path}: say ${orList(command.commands.map(c => c.name()))}`, path);
	});
}

const EXIT_CODES_LIST = 'Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.';
const EXIT_CODES_CHANGE =
	'Exit code 0; 1 when the service refuses (its reason on stderr); 2 on bad input, a rule broken before any call, or a change without confirmation.';
const YES = 'confirm without asking (needed when stdin is not a terminal)';
const PROTECT_CAPABILITIES = ['SMS', 'MMS', 'VOICE'];
const PROTECT_STATUSES = ['ALLOW', 'BLOCK', 'MONITOR', 'FILTER'];

/** The tree; help and commander's messages go to `write`. `helping`: every command is declared whole, with its global options, now. */
function buildTree(write: (text: string) => void = text => process.stdout.write(text), helping = false): Command {
	const program = new Command('smsdeck')
		.description(
			'Run alone in a terminal, it opens the console. With a command, it runs that one command and prints the result (a table, or JSON with --json): exit 0, 1 on a service error, 2 on bad input. "smsdeck <command> --help" tells a command\'s arguments and options.',
		)
		.enablePositionalOptions()
		.exitOverride()
		.showSuggestionAfterError()
		.helpOption('-h, --help', 'this help')
		.helpCommand('help [command]', 'the help of a command (as smsdeck <command> --help)')
		.configureOutput({getOutHelpWidth: () => HELP_WIDTH, getErrHelpWidth: () => HELP_WIDTH, outputError: () => {}, writeOut: write, writeErr: write})
		.addOption(new Option('-v, --version', 'print the version'))
		.addHelpText('before', 'smsdeck — a terminal console for AWS End User Messaging SMS\n')
		.addHelpText('after', '\nKeys in the console: ? help, : command, / filter, esc back, q quit.')
		.action((...params: unknown[]) => {
			chosen = {command: params.at(-1) as Command, kind: 'console'};
		})
		// Every command takes the global options: "[options]" on each line of the list would say nothing.
		.configureHelp({subcommandTerm: command => commandTerm(command)});

	// A top-level command: its name and summary now (the list of commands, did-you-mean), the rest when the parse
	// reaches it (declaring every command's options and nested commands on every run costs a few milliseconds).
	const top = (name: string, summary: string, fill: (command: Command) => void) => fills.set(program.command(name).summary(summary), fill);
	const listing = (command: Command, description: string, load: () => Promise<{actions: Record<string, CommandAction>}>) =>
		command.description(description).action(runs(load, 'list'));

	top('regions', 'list the End User Messaging SMS Regions', command => {
		command
			.description(
				"Lists the AWS Regions where End User Messaging SMS is available (the service's endpoint data), with their partition and SMS/MMS, voice and FIPS support (voice: as the user guide states it; null where it does not). Sends nothing.",
			)
			.action(runs(() => import('./regions.js'), 'list'));
	});

	top('config', 'how profile, credentials, Region, endpoints, CA bundle and proxy resolve (sends nothing)', command => {
		command
			.description(
				'Shows how smsdeck resolves the connection from the options, the environment and the AWS config files — profile, credentials, Region, the endpoint of each service (sms-voice, logs, sts, cloudwatch, pinpoint), CA bundle, proxy and read-only — and where each value comes from. Sends nothing.\n\n' +
					'Exit code 0, 2 when the configuration cannot work (a profile that does not exist, no Region, a malformed endpoint URL), with the reason.',
			)
			.action(runs(() => import('./config.js'), 'show'));
	});

	top('account', 'account tier, identity, spend limits and account limits in a Region', command => {
		listing(
			command,
			`Shows the account in the Region: tier (SANDBOXED or production), identity, default protect configuration, spend limits per channel and account limits (used / max). --json: the API's shapes.\n\n${EXIT_CODES_LIST}`,
			() => import('./account.js'),
		);
	});

	top('pools', 'list the phone pools in a Region', command => {
		listing(
			command,
			`Lists the phone pools in the Region: status, message type, two-way, self-managed opt-outs, shared routes, deletion protection, opt-out list. --json: the API's shapes, timestamps as ISO 8601.\n\n${EXIT_CODES_LIST}`,
			() => import('./pools.js'),
		);
	});

	top('numbers', 'list the phone numbers in a Region (incl. simulator numbers)', command => {
		listing(
			command,
			`Lists the phone numbers in the Region (including simulator numbers): type, status, country, capabilities, message type, two-way, pool, opt-out list, monthly lease price. --json: the API's shapes, timestamps as ISO 8601.\n\n${EXIT_CODES_LIST}`,
			() => import('./numbers.js'),
		);
	});

	top('sender-ids', 'list the sender IDs in a Region', command => {
		listing(
			command,
			`Lists the sender IDs in the Region: country, message types, registered, deletion protection, price. --json: the API's shapes, timestamps as ISO 8601.\n\n${EXIT_CODES_LIST}`,
			() => import('./senderIds.js'),
		);
	});

	top('config-sets', 'list the configuration sets and their event destinations; create|delete NAME (--yes to confirm)', command => {
		const configSets = listing(
			command,
			`Lists the configuration sets in the Region, one line per event destination (kind, target, matching event types). --json: the sets in the API's shapes. "create" and "delete" change them; their event destinations: smsdeck destinations --help.\n\n${EXIT_CODES_LIST}`,
			() => import('./configSets.js'),
		);
		const SET_NAME = 'the configuration set: 1–64 letters, digits, _ and -';
		configSets
			.command('create')
			.summary('create an empty configuration set')
			.description(`Creates an empty configuration set. Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`)
			.argument('<name>', SET_NAME)
			.addOption(option('--yes', YES))
			.action(runs(() => import('./configSets.js'), 'create'));
		configSets
			.command('delete')
			.summary('delete a configuration set with its event destinations')
			.description(`Deletes a configuration set with its event destinations (type "delete" to confirm on a terminal).\n\n${EXIT_CODES_CHANGE}`)
			.argument('<name>', 'the configuration set')
			.addOption(option('--yes', YES))
			.action(runs(() => import('./configSets.js'), 'delete'));
	});

	top('destinations', "list, add, enable, disable or delete a configuration set's event destinations (--yes to confirm)", command => {
		const destinations = pickOne(command)
			.description(
				`The event destinations of a configuration set (CloudWatch Logs, Firehose, SNS), and changing them with the checks the console makes before any call: names, ARN kinds, the model's event types, ALL alone. Each change asks for confirmation on a terminal (delete: type "delete"); --yes confirms without asking.\n\n${EXIT_CODES_CHANGE}`,
			);
		const destinationOptions = (nested: Command) =>
			nested
				.addOption(option('--config-set <name>', 'the configuration set', {required: true}))
				.addOption(option('--name <name>', 'the event destination', {required: true}));
		destinations
			.command('list')
			.summary("a configuration set's event destinations")
			.description(`Lists the event destinations of a configuration set: enabled, kind, event types, target, role.\n\n${EXIT_CODES_LIST}`)
			.addOption(option('--config-set <name>', 'the configuration set', {required: true}))
			.action(runs(() => import('./destinations.js'), 'list'));
		destinationOptions(
			destinations
				.command('add')
				.summary('add an event destination to a configuration set')
				.description(
					'Adds an enabled event destination. --arn is the log group\'s ARN (cloudwatch-logs), the delivery stream\'s (firehose) or the topic\'s (sns); cloudwatch-logs and firehose need --role-arn, a role the service assumes to write. Asks for confirmation on a terminal.\n\n' +
						`Example: smsdeck destinations add --config-set my-set --name events --type cloudwatch-logs --arn arn:aws:logs:us-east-1:111122223333:log-group:sms-events --role-arn arn:aws:iam::111122223333:role/SMSEvents --events TEXT_ALL --create-log-group --yes\n\n${EXIT_CODES_CHANGE}`,
				),
		)
			.addOption(
				option('--type <kind>', 'where the events go (logs and cwl are taken for cloudwatch-logs, kinesis-firehose for firehose)', {
					choices: ['cloudwatch-logs', 'firehose', 'sns'],
					ignoreCase: true,
					aliases: {cloudwatch: 'cloudwatch-logs', logs: 'cloudwatch-logs', cwl: 'cloudwatch-logs', 'kinesis-firehose': 'firehose'},
					required: true,
				}),
			)
			.addOption(option('--arn <arn>', "the log group's, delivery stream's or topic's ARN", {required: true}))
			.addOption(option('--role-arn <arn>', 'the IAM role the service assumes to write (cloudwatch-logs, firehose)'))
			.addOption(option('--events <types>', "the model's event types, comma-separated: TEXT_DELIVERED,TEXT_FAILED…; ALL stands alone", {default: 'ALL'}))
			.addOption(option('--create-log-group', 'create the log group named by --arn first (cloudwatch-logs)'))
			.addOption(option('--yes', YES))
			.action(runs(() => import('./destinations.js'), 'add'));
		for (const [name, summary] of [
			['enable', 'enable an event destination'],
			['disable', 'disable an event destination (its events are no longer sent)'],
			['delete', 'delete an event destination (type "delete" to confirm on a terminal)'],
		] as const) {
			destinationOptions(
				destinations
					.command(name)
					.summary(summary)
					.description(`${summary[0].toUpperCase()}${summary.slice(1)}. Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`),
			)
				.addOption(option('--yes', YES))
				.action(runs(() => import('./destinations.js'), name));
		}
	});

	top('opt-outs', 'list the opt-out lists (--list NAME: its numbers); add|remove --list NAME NUMBER', command => {
		const optOuts = listing(
			command,
			`Lists the opt-out lists in the Region; with --list NAME (or its ARN), the opted-out numbers in that list. "add" and "remove" change a list.\n\n${EXIT_CODES_LIST}`,
			() => import('./optOuts.js'),
		).addOption(option('--list <name>', 'an opt-out list (name or ARN): list the numbers opted out on it'));
		for (const [name, what] of [
			['add', 'Opts NUMBER out on the list.'],
			['remove', 'Takes NUMBER off the list (type "delete" to confirm on a terminal).'],
		] as const) {
			optOuts
				.command(name)
				.summary(name === 'add' ? 'opt a number out on a list' : 'take a number off a list')
				.description(`${what} NUMBER must be E.164 (e.g. +12065550150); anything else is refused before any call.\n\n${EXIT_CODES_CHANGE}`)
				.argument('<number>', 'the phone number, E.164 (+12065550150)')
				.addOption(option('--list <name>', 'the opt-out list (name or ARN)', {required: true}))
				.addOption(option('--yes', YES))
				.action(runs(() => import('./optOuts.js'), name));
		}
	});

	top('verified', 'list the verified destination numbers (sandbox); the same as verify list', command => {
		listing(
			command,
			`Lists the verified destination numbers in the Region (the sandbox may only send to these), as smsdeck verify list.\n\n${EXIT_CODES_LIST}`,
			() => import('./verify.js'),
		);
	});

	top('verify', 'verified destination numbers: list, add NUMBER, send-code NUMBER, confirm NUMBER --code C, delete NUMBER', command => {
		const verify = listing(
			command,
			'Verified destination numbers: in the sandbox, SMS and voice go only to these and to simulator numbers (at most 10 per account). Alone, or with "list", it lists them. ' +
				'"add" makes one PENDING; "send-code" texts or calls it a new code, valid 15 minutes (the first code of a number is free, later ones are billed); "confirm" enters the code and the number turns VERIFIED; "delete" removes it (allowed 24 hours after it was added). ' +
				`--json: the API's shapes for the list, {Region, Change, Result, RequestId} for a change.\n\n${EXIT_CODES_CHANGE}`,
			() => import('./verify.js'),
		);
		const VERIFIED_NUMBER = 'the number, E.164 (+12065550142), or its verified-destination-number id or ARN';
		verify
			.command('list')
			.summary('the verified destination numbers')
			.description(`Lists the verified destination numbers in the Region.\n\n${EXIT_CODES_LIST}`)
			.action(runs(() => import('./verify.js'), 'list'));
		for (const [name, summary, what, extra] of [
			['add', 'add a number (PENDING until confirmed)', 'Adds the number (E.164 only) as a verified destination number, PENDING until its code is confirmed.', undefined],
			['send-code', 'text or call a number a new verification code', 'Sends the number a new verification code by SMS (TEXT) or voice call (VOICE), valid 15 minutes; an earlier code stops working.', 'send-code'],
			['confirm', 'enter the code a number received: it turns VERIFIED', 'Enters the code the number received; a wrong code is the service\'s refusal (exit 1).', 'confirm'],
			['delete', 'delete a verified destination number (type "delete" on a terminal)', 'Deletes the verified destination number (the service allows it 24 hours after it was added).', undefined],
		] as const) {
			const command = verify
				.command(name)
				.summary(summary)
				.description(`${what} Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`)
				.argument('<number>', name === 'add' ? 'the number, E.164 (+12065550142)' : VERIFIED_NUMBER);
			if (extra === 'send-code') {
				command
					.addOption(option('--channel <channel>', 'how the code goes (case-sensitive, as the API)', {choices: VERIFICATION_CHANNELS, default: 'TEXT'}))
					.addOption(option('--language <code>', 'the language of the message (default: the service\'s, EN_US)', {choices: VERIFICATION_LANGUAGES}));
			}
			if (extra === 'confirm') command.addOption(option('--code <code>', 'the code the number received (1–20 letters or digits)', {required: true}));
			command.addOption(option('--yes', YES)).action(runs(() => import('./verify.js'), name));
		}
	});

	top('send', 'a test message (SMS or voice) to a verified or simulator number; --follow waits for the final event', command => {
		command
			.description(
				'Sends one test message, as the console\'s "Test SMS sending": an SMS with --body, a voice call (the text spoken) with --voice-body. In the sandbox NUMBER must be a verified destination number or a simulator number. The message is billed: on a terminal it asks you to type "send". ' +
					"--follow waits for the message's final event in the configuration set's CloudWatch Logs destination and prints each event; --timeout bounds the whole run, the wait included (default 60s with --follow).\n\n" +
					'Example: smsdeck send --from +12065550100 --to +14254147755 --body "smsdeck test" --config-set my-set --follow --yes\n\n' +
					'Exit code 0 sent (with --follow: delivered); 1 the service refused, the message failed or no final event came in time; 2 bad input or no confirmation (nothing sent).',
			)
			.addOption(option('--from <origination>', 'a phone number (E.164, phone-… id or ARN), a pool (id or ARN) or a sender ID (or its ARN)', {required: true}))
			.addOption(option('--to <e164>', 'the destination number, E.164 (+14254147755)', {required: true}))
			.addOption(option('--body <text>', 'the text of an SMS', {empty: true}))
			.addOption(option('--voice-body <text>', 'the text a voice call speaks', {empty: true}))
			.addOption(option('--message-type <type>', 'the SMS message type (case-sensitive, as the API)', {choices: ['TRANSACTIONAL', 'PROMOTIONAL']}))
			.addOption(option('--config-set <name>', 'the configuration set of the send (needed by --follow)'))
			.addOption(option('--follow', "wait for the message's final event and print each event"))
			.addOption(option('--yes', 'confirm without asking (needed when stdin is not a terminal); the message is billed'))
			.action(runs(() => import('./send.js'), 'run'));
	});

	top('protect', 'list the protect configurations; show ID, rules ID, set, associate, disassociate, default ID, which', command => {
		const protect = listing(
			command,
			'Lists the protect configurations in the Region (which one is the account default, which configuration sets use each). A send is decided by the request\'s protect configuration, else its configuration set\'s, else the account default; in it a number override wins over the country\'s rule.\n\n' +
				EXIT_CODES_LIST,
			() => import('./protect.js'),
		);
		const PROTECT_ID = 'the protect configuration: its protect-… id, ARN or Name tag';
		protect
			.command('show')
			.summary('one protect configuration: associations, countries not ALLOW, number overrides')
			.description(`Prints one protect configuration: its associations, per capability the countries whose rule is not ALLOW, and its number overrides.\n\n${EXIT_CODES_LIST}`)
			.argument('<id>', PROTECT_ID)
			.action(runs(() => import('./protect.js'), 'show'));
		protect
			.command('rules')
			.summary('the country rules of one protect configuration for one capability')
			.description(`Prints the country rules of a protect configuration for one capability.\n\n${EXIT_CODES_LIST}`)
			.argument('<id>', PROTECT_ID)
			.addOption(option('--capability <capability>', 'the capability whose rules to print', {choices: PROTECT_CAPABILITIES, ignoreCase: true, required: true}))
			.addOption(option('--status <status>', 'keep only the countries with this rule', {choices: PROTECT_STATUSES, ignoreCase: true}))
			.action(runs(() => import('./protect.js'), 'rules'));
		protect
			.command('set')
			.summary('set the rule of some countries (or all) for one capability')
			.description(
				`Sets the rule of the countries given for one capability (FILTER is SMS only), in calls of at most 300 countries: the plan the console stages, with its aws commands. Asks for confirmation on a terminal.\n\n` +
					`Example: smsdeck protect set baseline --country GB,FR --status BLOCK --yes\n\n${EXIT_CODES_CHANGE}`,
			)
			.argument('<id>', PROTECT_ID)
			.addOption(option('--country <codes>', 'the countries: ISO codes (or English names), comma-separated: GB,FR'))
			.addOption(option('--all', 'every country the service lists for the capability'))
			.addOption(option('--status <status>', 'the rule to set', {choices: PROTECT_STATUSES, ignoreCase: true, required: true}))
			.addOption(option('--capability <capability>', 'the capability whose rules to change', {choices: PROTECT_CAPABILITIES, ignoreCase: true, default: 'SMS'}))
			.addOption(option('--yes', YES))
			.action(runs(() => import('./protect.js'), 'set'));
		for (const [name, summary, what] of [
			['associate', 'make a configuration set use this protect configuration', 'Makes the configuration set use this protect configuration (replacing the one it had).'],
			['disassociate', 'take this protect configuration away from a configuration set', 'Takes this protect configuration away from the configuration set (it must be the one the set uses).'],
		] as const) {
			protect
				.command(name)
				.summary(summary)
				.description(`${what} Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`)
				.argument('<id>', PROTECT_ID)
				.addOption(option('--config-set <name>', 'the configuration set (name or ARN)', {required: true}))
				.addOption(option('--yes', YES))
				.action(runs(() => import('./protect.js'), name));
		}
		protect
			.command('default')
			.summary('make a protect configuration the account default; --clear: no account default')
			.description(`Makes the protect configuration the account default (replacing the one there was); with --clear and no ID, the account has no default. Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`)
			.argument('[id]', PROTECT_ID)
			.addOption(option('--clear', 'clear the account default instead'))
			.addOption(option('--yes', YES))
			.action(runs(() => import('./protect.js'), 'default'));
		protect
			.command('which')
			.summary('which rule decides a send to a country, and why')
			.description(
				`Which rule decides a send, and why: the request's protect configuration, else the configuration set's, else the account default; in it a number override wins over the country's rule. Sends nothing.\n\n${EXIT_CODES_LIST}`,
			)
			.addOption(option('--country <code>', 'the destination country (ISO code or English name)', {required: true}))
			.addOption(option('--capability <capability>', 'the capability of the send', {choices: PROTECT_CAPABILITIES, ignoreCase: true, default: 'SMS'}))
			.addOption(option('--config-set <name>', 'the configuration set the send names'))
			.addOption(option('--protect-configuration <id>', 'the protect configuration the send names (id, ARN or Name tag)'))
			.addOption(option('--destination <e164>', 'the destination number (a number override may decide)'))
			.action(runs(() => import('./protect.js'), 'which'));
	});

	top('push', 'push applications (Pinpoint): apps, channels APP, send APP --token T --channel C, enable|disable APP --channel C, delete APP', command => {
		const push = listing(
			command,
			'End User Messaging Push (the Pinpoint API): alone, or with "apps", it lists the applications in the Region with their push channels (on or off). ' +
				'"channels APP" shows each channel of an application: state, authentication (APNs key or certificate; FCM token or key credentials), default method, last modified, and what to check (an APNs certificate expires one year after it was issued). ' +
				`"send" sends a test push (exit 1 when an address failed); "enable" and "disable" switch a channel; "delete" deletes an application. APP is an application's id or name.\n\n${EXIT_CODES_CHANGE}`,
			() => import('./push.js'),
		);
		const APP = "the application: its id or its name";
		push
			.command('apps')
			.summary('the push applications and their channels')
			.description(`Lists the push applications in the Region: name, id, created, and the push channels each has (on or off).\n\n${EXIT_CODES_LIST}`)
			.action(runs(() => import('./push.js'), 'list'));
		push
			.command('channels')
			.summary("an application's push channels: state, auth method, age, what to check")
			.description(
				`Prints the push channels of an application — APNs, APNs sandbox, APNs VoIP, APNs VoIP sandbox, FCM (the API's GCM), Baidu, ADM — with their state, authentication method, default method, last modified, and what to check: a certificate-based APNs channel expires one year after its certificate was issued (warned from 330 days after the channel last changed).\n\n${EXIT_CODES_LIST}`,
			)
			.argument('<app>', APP)
			.action(runs(() => import('./push.js'), 'channels'));
		push
			.command('send')
			.summary('a test push to a device token or endpoint; exit 1 when an address failed')
			.description(
				'Sends one test push (SendMessages) to a device token (--token) or an endpoint of the application (--endpoint-id), on one channel. An endpoint is looked up first (GetEndpoint) and its own channel is used: a --channel that is not the endpoint\'s is refused, as is an endpoint the application does not have (exit 2, nothing is sent). The payload is checked against the channel\'s limit (ADM 6 KB, the others 4 KB) before anything is sent; a silent APNs push is a background notification and carries no title or body. ' +
					'The call succeeds even when the provider refuses the token: each address\'s delivery status, status code and message are printed (--json: with the MessageRequest and the aws pinpoint send-messages command).\n\n' +
					'Example: smsdeck push send shop-mobile --channel GCM --token "$TOKEN" --title Hello --body "smsdeck test"\n\n' +
					'Exit code 0 every address succeeded; 1 an address failed, or the service refused the call; 2 bad input (checked before any call), an unknown endpoint or one on another channel, or read-only.',
			)
			.argument('<app>', APP)
			.addOption(option('--channel <type>', `the channel: ${PUSH_CHANNEL_CHOICES} (with --endpoint-id: the endpoint's own when left out)`))
			.addOption(option('--token <token>', 'the device token (registration token) to send to', {empty: true}))
			.addOption(option('--endpoint-id <id>', "an endpoint of the application, instead of --token", {empty: true}))
			.addOption(option('--title <text>', 'the title', {empty: true, default: 'smsdeck test'}))
			.addOption(option('--body <text>', 'the body (may be empty only with --silent)', {empty: true, required: true}))
			.addOption(option('--action <action>', 'what a tap does', {choices: ['OPEN_APP', 'DEEP_LINK', 'URL'], ignoreCase: true, default: 'OPEN_APP'}))
			.addOption(option('--url <url>', 'the URL (--action URL) or deep link (--action DEEP_LINK)'))
			.addOption(option('--priority <priority>', 'the priority (APNs and FCM)', {choices: ['normal', 'high'], ignoreCase: true, default: 'normal'}))
			.addOption(option('--ttl <seconds>', "time to live in seconds (default: the provider's)"))
			.addOption(option('--silent', 'a silent (background) push'))
			.action(runs(() => import('./push.js'), 'send'));
		for (const [name, verb] of [
			['enable', 'Enables'],
			['disable', 'Disables'],
		] as const) {
			push
				.command(name)
				.summary(`${name} a channel of an application (Baidu and ADM: with their credentials)`)
				.description(
					`${verb} one push channel of the application (its credentials stay; Baidu and ADM require theirs in every update: --api-key and --secret-key, --client-id and --client-secret). Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`,
				)
				.argument('<app>', APP)
				.addOption(option('--channel <type>', `the channel: ${PUSH_CHANNEL_CHOICES}`, {required: true}))
				.addOption(option('--api-key <key>', 'Baidu: the API key'))
				.addOption(option('--secret-key <key>', 'Baidu: the secret key'))
				.addOption(option('--client-id <id>', 'ADM: the client ID'))
				.addOption(option('--client-secret <secret>', 'ADM: the client secret'))
				.addOption(option('--yes', YES))
				.action(runs(() => import('./push.js'), name));
		}
		push
			.command('delete')
			.summary('delete an application with its channels (type "delete" on a terminal)')
			.description(`Deletes the application, with its channels, campaigns, journeys and segments. Asks you to type "delete" on a terminal.\n\n${EXIT_CODES_CHANGE}`)
			.argument('<app>', APP)
			.addOption(option('--yes', YES))
			.action(runs(() => import('./push.js'), 'delete'));
	});

	top('registrations', 'list the registrations (10DLC, toll-free); show ID: fields, denials, versions, numbers', command => {
		const registrations = listing(
			command,
			`Lists the registrations in the Region (US toll-free, 10DLC brands, vetting and campaigns): name, type, status, current version, how long in that status, and how many numbers each holds.\n\n${EXIT_CODES_LIST}`,
			() => import('./registrations.js'),
		);
		registrations
			.command('show')
			.summary('one registration: fields by section, denials, versions, numbers')
			.description(
				`Prints one registration: what to do next, its fields by section (a denied field with the reviewer's reason), the versions with their denial reasons, and the numbers associated with it.\n\n${EXIT_CODES_LIST}`,
			)
			.argument('<id>', 'the registration: its registration-… id or ARN')
			.addOption(option('--version <n>', "show that version's values (a version number from 1)"))
			.action(runs(() => import('./registrations.js'), 'show'));
	});

	top('keywords', 'list, set or delete the keywords of a number or pool (--yes to confirm)', command => {
		const keywords = pickOne(command)
			.description(
				'The keywords of a phone number, pool or sender ID, and changing them with the rules the console applies before any call. ' +
					'HELP and STOP are never deleted; their messages can be set, their actions stay (HELP AUTOMATIC_RESPONSE, STOP OPT_OUT), and on a US toll-free number neither can be changed. ' +
					'The mandatory opt-out keywords (ARRET, CANCEL, END, OPT-OUT, OPTOUT, QUIT, REMOVE, STOP, TD, UNSUBSCRIBE) keep OPT_OUT and are never deleted.\n\n' +
					EXIT_CODES_CHANGE,
			);
		const ORIGINATION =
			'a phone number (E.164, e.g. +12065550100, its phone-… id or ARN), a pool (pool-… id, ARN or its Name tag) or a sender ID (or its ARN)';
		keywords
			.command('list')
			.summary('the keywords of a number, pool or sender ID')
			.description(`Lists the keywords with their action and message.\n\n${EXIT_CODES_LIST}`)
			.addOption(option('--origination <id>', ORIGINATION, {required: true}))
			.action(runs(() => import('./keywords.js'), 'list'));
		keywords
			.command('set')
			.summary('add a keyword or replace its message and action')
			.description(
				`Adds the keyword or replaces its message and action. Without --action, the fixed action of HELP, STOP and the mandatory opt-out keywords is kept, else AUTOMATIC_RESPONSE. Asks for confirmation on a terminal.\n\n${EXIT_CODES_CHANGE}`,
			)
			.addOption(option('--origination <id>', ORIGINATION, {required: true}))
			.addOption(option('--keyword <keyword>', 'the keyword', {required: true}))
			.addOption(option('--message <text>', 'the reply the keyword sends', {required: true, empty: true}))
			.addOption(option('--action <action>', 'AUTOMATIC_RESPONSE, OPT_OUT or OPT_IN'))
			.addOption(option('--yes', YES))
			.action(runs(() => import('./keywords.js'), 'set'));
		keywords
			.command('delete')
			.summary('delete a keyword')
			.description(`Deletes the keyword (type "delete" to confirm on a terminal).\n\n${EXIT_CODES_CHANGE}`)
			.addOption(option('--origination <id>', ORIGINATION, {required: true}))
			.addOption(option('--keyword <keyword>', 'the keyword', {required: true}))
			.addOption(option('--yes', YES))
			.action(runs(() => import('./keywords.js'), 'delete'));
	});

	top('spend', 'spend limits; set or clear the enforced limit (--yes to confirm)', command => {
		const spend = command
			.description(`The monthly spend limits per channel: SMS, MMS, voice (enforced, account limit, overridden).\n\n${EXIT_CODES_CHANGE}`)
			.action(runs(() => import('./spend.js'), 'list'));
		const CHANNELS = ['text', 'media', 'voice'];
		spend
			.command('set')
			.summary('set the enforced limit of a channel')
			.description(
				`Sets the enforced monthly limit, in whole dollars from 1 to the account limit. Raising a limit asks you to type "raise" on a terminal.\n\n${EXIT_CODES_CHANGE}`,
			)
			.addArgument(argument('<channel>', 'text (SMS), media (MMS) or voice', {choices: CHANNELS}))
			.argument('<dollars>', 'the limit in whole dollars, e.g. 50')
			.addOption(option('--yes', YES))
			.action(runs(() => import('./spend.js'), 'set'));
		spend
			.command('clear')
			.summary("clear a channel's override (the enforced limit becomes the account limit)")
			.description(`Clears the override: the enforced limit becomes the account limit.\n\n${EXIT_CODES_CHANGE}`)
			.addArgument(argument('<channel>', 'text (SMS), media (MMS) or voice', {choices: CHANNELS}))
			.addOption(option('--yes', YES))
			.action(runs(() => import('./spend.js'), 'clear'));
	});

	top('tail', "print a configuration set's (or a log group's) events; --follow keeps going, --json for jq", command => {
		command
			.description(
				"Prints the events of a configuration set's (name or ARN) CloudWatch Logs event destination (or of any log group), one line per event: time, event type, status, final, destination, origination, country, parts, price, message id. Lines that are not SMS/MMS/voice events are printed as they are. --json: one JSON object per line, {time, logStream, eventId, event, raw}.\n\n" +
					'Examples:\n' +
					'  smsdeck tail my-config-set --follow\n' +
					"  smsdeck tail my-config-set --since 1h --json | jq -r 'select(.event.isFinal) | [.event.messageId, .event.messageStatus] | @tsv'\n" +
					"  smsdeck tail --log-group /sms/events --follow --filter '{ $.isFinal IS TRUE }'\n\n" +
					'Exit code 0 (also when ctrl-c ends a working --follow, or on a closed pipe), 1 when the service fails or gives no valid answer, 130/143 when ctrl-c/SIGTERM come before any valid answer, 2 on bad input or when the configuration set has no usable CloudWatch Logs destination. --timeout bounds a history read (default 5m); with --follow it stops the follow after that long.',
			)
			.argument('[config-set]', 'the configuration set (name or ARN)')
			.addOption(option('--since <time>', 'read from this long ago first: 30s, 10m, 2h, 1d or an ISO time', {default: '10m'}))
			.addOption(option('-f, --follow', 'keep following (live tail, falling back to polling); ctrl-c stops'))
			.addOption(option('--filter <pattern>', 'CloudWatch Logs filter pattern, applied by the service'))
			.addOption(option('--destination <name>', 'which CloudWatch Logs destination of the configuration set (when it has several)'))
			.addOption(option('--log-group <name>', 'tail a log group (name or ARN) instead of a configuration set'))
			.action(runs(() => import('./tail.js'), 'run'));
	});

	top('insights', 'delivery and failure rates, latency percentiles and price of a configuration set, counted by Logs Insights', command => {
		command
			.description(
				"Counts a configuration set's SMS events over a window with CloudWatch Logs Insights queries on its CloudWatch Logs event destination (the service does the counting, so any volume works): messages (final events), delivered and failed with their rates, latency from request to final event (p50, p95, p99), total price, the bytes the queries scanned (what Logs Insights bills), and one breakdown (--by). --json: one object with the numbers, the rows and each query with its statistics and its aws logs start-query command.\n\n" +
					'Examples:\n' +
					'  smsdeck insights --config-set my-config-set --since 1h\n' +
					"  smsdeck insights --config-set my-config-set --by country --json | jq -r '.Rows[] | [.Value, .Messages, .Failed] | @tsv'\n\n" +
					'Exit code 0, 1 when the service fails or a query does not complete, 2 on bad input or when the configuration set has no usable CloudWatch Logs destination, 130/143 when ctrl-c/SIGTERM stop it (the queries still running are stopped). IAM: logs:StartQuery, logs:GetQueryResults, logs:StopQuery.',
			)
			.addOption(option('--config-set <name>', 'the configuration set (name or ARN); default: the only one whose events go to CloudWatch Logs'))
			.addOption(option('--since <duration>', 'the window, ending now: 15m, 1h, 24h, 7d … (1m to 90d)', {default: '24h'}))
			.addOption(option('--by <dimension>', 'the breakdown', {choices: ['status', 'country', 'origination', 'type'], default: 'status'}))
			.action(runs(() => import('./insights.js'), 'run'));
	});

	top('simulate', 'simulator smoke test: send, watch the events, verdict (exit 0/1/2)', command => {
		command
			.description(
				"Can we send SMS right now, and do the events flow? Sends to the country's success and failure simulator numbers and watches their events arrive in the configuration set's CloudWatch Logs destination. Progress on stderr, the report on stdout (JSON with --json). Steps:\n" +
					'  1. preflight: account tier; an origination simulator number in the Region; a configuration set with\n' +
					'     an enabled CloudWatch Logs destination matching TEXT (MMS: MEDIA) events and an existing log\n' +
					'     group; the spend limit; a DryRun send\n' +
					'  2. send to the success and failure numbers, each with Context {smsdeckRun: <id>, expect: …}\n' +
					'  3. watch the events (live tail, polling as fallback), joined on the message id\n' +
					'  4. verdict per message (final status, events, latency, parts, price) and overall\n' +
					'  5. cleanup: --release-number releases a number this run requested\n\n' +
					'--timeout bounds the whole run, the wait for the final events included (default 60s); a call still hanging then ends it 3s later (exit 1).\n\n' +
					'Exit code: 0 PASS, 1 FAIL or TIMEOUT, 2 MISCONFIGURED or bad input.',
			)
			.addOption(
				option('--country <cc>', 'destination country (ISO code, default US); origination simulator numbers are US only and send only to simulator numbers of their country'),
			)
			.addOption(option('--origination <id>', "origination number (E.164, id or ARN); default: the Region's simulator number"))
			.addOption(option('--config-set <name>', 'configuration set; default: the first with a fitting CloudWatch Logs destination'))
			.addOption(option('--body <text>', 'message body (default "smsdeck simulator smoke test")', {empty: true}))
			.addOption(option('--channel <channel>', 'the channel', {choices: ['sms', 'mms'], ignoreCase: true, default: 'sms'}))
			.addOption(option('--only <which>', 'send to one of the two numbers', {choices: ['success', 'failure'], ignoreCase: true}))
			.addOption(option('--destination <e164>', "a destination simulator number (repeatable) instead of the country's pair", {repeat: true}))
			.addOption(option('--request-number', 'request a simulator number when the Region has none (billed monthly; needs --yes)'))
			.addOption(option('--yes', 'confirm --request-number'))
			.addOption(option('--release-number', 'release the number this run requested, at the end'))
			.action(runs(() => import('./simulate.js'), 'run'));
	});

	top('parts', 'encoding and SMS parts of a message body (no AWS calls)', command => {
		command
			.description(
				'How End User Messaging SMS will send TEXT: the encoding (GSM-7, or UCS-2 as soon as one character is outside the GSM alphabet), characters counted (GSM extension characters ^ { } \\ [ ] ~ | € count 2), parts (GSM-7: 160 in one part, 153 per part when split, at most 1,530; UCS-2: 70, 67, at most 630), characters left in the last part, which characters forced UCS-2, and a GSM-7 rewrite when one helps (curly quotes → straight, ® → (R), … → ...). No AWS calls.\n\n' +
					'A TEXT that starts with "-" goes after "--": smsdeck parts -- "-50% today"\n\n' +
					'Exit code 0; 1 when the body is too long to send; 2 on bad input.',
			)
			.argument('<text>', 'the message body; "-" reads it from stdin')
			.action(runs(() => import('./parts.js'), 'run'));
	});

	top('emulator', 'run the local emulator of End User Messaging SMS and CloudWatch Logs', command => {
		command
			.description(
				'Runs a local, wire-compatible emulator of End User Messaging SMS (sms-voice v2) and CloudWatch Logs until ctrl-c or SIGTERM. --json: one line with its url, port, Region, seed, state file and CA file.',
			)
			.addOption(option('--port <n>', 'port to listen on (default 4747; 0 picks a free one)'))
			.addOption(option('--host <address>', 'address to listen on (default 127.0.0.1; anything else is reachable from the network)'))
			.addOption(
				option(
					'--seed <name>',
					'default (a realistic account), big (+10,000 numbers, 1,000 pools), empty, or hostile (default with text that attacks terminals in every field, for testing)',
					{choices: ['default', 'big', 'empty', 'hostile']},
				),
			)
			.addOption(option('--state <file>', 'keep the state in FILE across restarts (atomic writes)'))
			.addOption(option('--throttle', 'enforce the default request-rate quotas (ThrottlingException)'))
			.addOption(option('--event-delay <ms>', "delay between a simulated message's events (default 1000)"))
			.addOption(
				option(
					'--review-delay <ms>',
					'registration reviews: a submitted version is REVIEWING after half of MS and approved after MS (default: reviews move only when an admin call moves them)',
				),
			)
			.addOption(option('--tls', 'serve HTTPS with a certificate signed by a certificate authority made at every start'))
			.addOption(
				option('--tls-name <name>', 'also valid for NAME (a DNS name or IP address; repeatable); always valid for localhost, 127.0.0.1, ::1 and --host', {
					repeat: true,
				}),
			)
			.addOption(
				option(
					'--ca-file <path>',
					'where to write the CA certificate for clients to trust (AWS_CA_BUNDLE, --ca-bundle); default: next to --state (state.json -> state.ca.pem), else in a new temporary directory',
				),
			)
			.action(runs(() => import('./emulator.js'), 'run'));
	});

	// Every command takes the global options (its own option of the same name wins), given to a command as the
	// parse reaches it, as its declaration is (doing it for all of them up front costs a few milliseconds of every start).
	const finish = (command: Command) => {
		if (helping) addGlobals(command);
		command.hook('preSubcommand', (_parent, sub) => {
			current = sub;
			if (fillIn(sub)) sub.commands.forEach(finish);
			addGlobals(sub);
		});
		command.commands.forEach(finish);
	};
	if (helping) program.commands.forEach(fillIn);
	finish(program);
	addGlobals(program);
	return program;
}

/** The rest of a top-level command's declaration, until the parse reaches it. */
const fills = new WeakMap<Command, (command: Command) => void>();

/** Declares the rest of a top-level command (once); true when it did. */
function fillIn(command: Command): boolean {
	const fill = fills.get(command);
	if (!fill) return false;
	fills.delete(command);
	fill(command);
	return true;
}

function addGlobals(command: Command): void {
	for (const global of GLOBAL_OPTIONS) {
		if (!command.options.some(own => own.long === global.long)) command.addOption(global);
	}
}

/** A command in its parent's list: `keywords list|set|delete`, `spend [set|clear]`, `tail [config-set]`; many nested commands are `[command]`. */
function commandTerm(command: Command): string {
	const names = command.commands.map(c => c.name()).join('|');
	const nested = names.length > 20 ? 'command' : names;
	const args = command.registeredArguments.map(a => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
	return [command.name(), nested && (!mustPick.has(command) ? `[${nested}]` : nested === 'command' ? '<command>' : nested), ...args].filter(Boolean).join(' ');
}

/** The command being parsed when something went wrong. */
let current: Command | undefined;

function pathOf(command: Command): string {
	const names: string[] = [];
	for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
	return names.join(' ');
}

/** commander's complaint as one line in smsdeck's words. */
function usageFrom(error: CommanderError, command: Command): UsageError {
	const path = pathOf(command);
	const prefix = path ? `${path}: ` : '';
	const text = error.message.replace(/^error: /, '').replace(/\n\(Did you mean (.*)\?\)$/s, ' (did you mean $1?)');
	const quoted = /'([^']*)'/.exec(text)?.[1] ?? '';
	const longOf = (flags: string) => flags.split(/[ ,|]+/).find(f => f.startsWith('--')) ?? flags.split(/[ ,|]+/)[0];
	const fail = (message: string) => new UsageError(message, path);
	switch (error.code) {
		case 'commander.unknownOption': {
			// `keywords lsit --origination x`: the mistyped command is the news, not the option it would have taken.
			if (command.commands.length > 0 && command.args[0] !== undefined && !command.args[0].startsWith('-')) {
				return usageFrom(new CommanderError(1, 'commander.excessArguments', text), command);
			}
			const eq = quoted.indexOf('=');
			const known = eq > 0 ? command.options.find(o => o.long === quoted.slice(0, eq)) : undefined;
			if (known && !known.required && !known.optional) return fail(`${prefix}option ${known.long} takes no value`);
			const asArgument = command.registeredArguments.length > 0 && !text.includes('did you mean');
			return fail(`${prefix}${text}${asArgument ? ' (an argument that starts with "-" goes after "--")' : ''}`);
		}
		case 'commander.optionMissingArgument':
			return fail(`${prefix}option ${longOf(quoted)} needs a value`);
		case 'commander.missingArgument': {
			const arg = command.registeredArguments.find(a => a.name() === quoted);
			return fail(`${prefix}missing ${quoted.toUpperCase()}${arg?.description ? `, ${arg.description}` : ''}`);
		}
		case 'commander.excessArguments': {
			if (command.commands.length > 0 && !command.args[0]?.startsWith('-')) {
				try {
					(command as unknown as {unknownCommand(): void}).unknownCommand();
				} catch (inner) {
					if (inner instanceof CommanderError) return usageFrom(inner, command);
				}
			}
			const extra = command.args[command.registeredArguments.length] ?? command.args[0];
			return fail(`${prefix}unexpected argument "${extra}"`);
		}
		default:
			return fail(prefix + text);
	}
}

/** The global options given on the line, wherever they stood (a later one wins). */
function givenGlobals(leaf: Command): Partial<GlobalOptions> {
	const raw: Record<string, unknown> = {};
	const chain: Command[] = [];
	for (let c: Command | null = leaf; c; c = c.parent) chain.unshift(c);
	for (const command of chain) {
		for (const key of GLOBAL_KEYS) {
			if (command.getOptionValueSource(key) === 'cli') raw[key] = command.getOptionValue(key);
		}
	}
	return globalsFrom(raw);
}


export type ParsedLine =
	| {kind: 'help'; text: string}
	| {kind: 'version'; text: string}
	| {kind: 'console'; globals: GlobalOptions}
	| {
			kind: 'command';
			/** The command's path: 'keywords set'. */
			path: string;
			globals: GlobalOptions;
			/** Only the global options the line gave. */
			given: Partial<GlobalOptions>;
			/** Its arguments and own options. */
			input: CommandInput;
			/** Imports the command's code and runs it with these globals (the line's, unless given others). */
			run(io: CommandIO, globals?: GlobalOptions): Promise<number>;
	  };

function version(): string {
	return typeof SMSDECK_VERSION === 'string' ? SMSDECK_VERSION : 'dev';
}

/**
 * Parses and checks the whole command line (smsdeck's arguments, without node and the script). Bad input is a
 * UsageError with one line; nothing of a command is imported or run until run() is called.
 */
export function parseCommandLine(argv: readonly string[]): ParsedLine {
	let out = '';
	// Help (`smsdeck --help` lists every command with its nested ones and arguments; `smsdeck help tail` prints tail's
	// help without parsing tail's line) wants the whole tree, with the globals, up front.
	const program = buildTree(text => (out += text), argv.some(word => word === 'help' || word === '--help' || word === '-h'));
	chosen = undefined;
	current = program;
	try {
		program.parse([...argv], {from: 'user'});
	} catch (error) {
		if (error instanceof CommanderError) {
			if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') {
				// Help asked for (exit 0), or a parent alone with nothing to do (only reached by a parent without action).
				if (error.exitCode === 0) return {kind: 'help', text: out};
				throw new UsageError(`${pathOf(current)}: say which command`, pathOf(current));
			}
			throw usageFrom(error, current);
		}
		if (error instanceof ValueProblem) throw new UsageError(`${pathOf(current) ? `${pathOf(current)}: ` : ''}${error.message}`, pathOf(current));
		throw error;
	}
	if (program.opts().version === true) return {kind: 'version', text: `smsdeck ${version()}\n`};
	const pick = chosen as Chosen | undefined;
	if (!pick) throw new UsageError('nothing to run');
	const missing = pick.command.options.find(o => mustGive.has(o) && pick.command.getOptionValue(o.attributeName()) === undefined);
	if (missing) {
		const path = pathOf(pick.command);
		throw new UsageError(`${path}: ${missing.long} is needed${missing.argChoices ? ` (${orList(missing.argChoices)})` : ''}`, path);
	}
	const given = givenGlobals(pick.command);
	const globals = {...DEFAULT_GLOBALS, ...given};
	checkGlobals(globals);
	if (pick.kind === 'console') return {kind: 'console', globals};
	const command = pick.command;
	const path = pathOf(command);
	const input: CommandInput = {args: [...command.args], options: {...command.opts()}};
	for (const key of GLOBAL_KEYS) delete input.options[key];
	return {
		kind: 'command',
		path,
		globals,
		given,
		input,
		async run(io, runGlobals = globals) {
			const module = await pick.load!();
			const action = module.actions[pick.key!];
			if (!action) throw new Error(`${path}: its module has no action "${pick.key}"`);
			return action(input, runGlobals, io);
		},
	};
}

/** The names of the top-level commands, for messages that list them. */
export function commandNames(): string[] {
	return buildTree()
		.commands.map(c => c.name())
		.filter(name => name !== 'help');
}

/**
 * A command's run(args, globals, io): the words after `name` are parsed by the tree (global options among them
 * override `globals`), then its action runs. Bad input is a UsageError; help asked for is printed.
 */
export function commandRunner(name: string): SubcommandRun {
	return async (args, globals, io) => {
		const line = parseCommandLine([name, ...args]);
		if (line.kind === 'help' || line.kind === 'version') {
			io.stdout.write(line.text);
			return 0;
		}
		if (line.kind !== 'command') throw new UsageError(`${name}: not a command`);
		return line.run(io, {...globals, ...line.given});
	};
}
