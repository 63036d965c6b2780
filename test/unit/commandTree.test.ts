// The command tree (commander): nested commands, generated help, did-you-mean, global options anywhere, and bad
// input as one UsageError line naming the command — all before any command's code is loaded or any call is made.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandNames, parseCommandLine, type ParsedLine} from '../../source/commands/commandTree.js';
import {UsageError} from '../../source/commands/types.js';

function usage(argv: string[]): UsageError {
	try {
		parseCommandLine(argv);
	} catch (error) {
		assert.ok(error instanceof UsageError, String(error));
		assert.equal(error.message.split('\n').length, 1, 'one line');
		return error;
	}
	assert.fail(`${argv.join(' ')} was accepted`);
}

function command(argv: string[]): Extract<ParsedLine, {kind: 'command'}> {
	const line = parseCommandLine(argv);
	assert.equal(line.kind, 'command', argv.join(' '));
	return line as Extract<ParsedLine, {kind: 'command'}>;
}

function help(argv: string[]): string {
	const line = parseCommandLine(argv);
	assert.equal(line.kind, 'help', argv.join(' '));
	return (line as {text: string}).text;
}

test('nested commands have their own generated help: usage, arguments, options with choices, global options', () => {
	const set = help(['keywords', 'set', '--help']);
	assert.match(set, /^Usage: smsdeck keywords set \[options\]\n/);
	assert.match(set, /\n {2}--keyword <keyword> +the keyword/);
	assert.match(set, /\nGlobal options:\n {2}--profile <name> /);
	assert.doesNotMatch(set, /--origination <id>[^\n]*\n[^\n]*\n {2}--list/, 'only its own options');
	const rules = help(['protect', 'rules', '-h']);
	assert.match(rules, /^Usage: smsdeck protect rules \[options\] <id>/);
	assert.match(rules, /--capability <capability> .*\(choices: "SMS", "MMS", "VOICE"\)/s);
	assert.match(help(['spend', 'set', '--help']), /\n {2}channel +text \(SMS\), media \(MMS\) or voice \(choices: "text", "media", "voice"\)/);
	// A parent lists its nested commands; the top level lists every command with what it takes.
	assert.match(help(['keywords', '--help']), /Commands:\n {2}list +the keywords of a number, pool or sender ID\n {2}set /);
	const top = help(['--help']);
	assert.match(top, /^smsdeck — a terminal console/);
	assert.match(top, /\n {2}keywords list\|set\|delete +list, set or delete/);
	assert.match(top, /\n {2}protect \[command\] +list the protect configurations; show ID, rules ID, set/);
	assert.match(top, /smsdeck <command> --help/);
	// Every way of asking for the whole list gets every command with its nested commands and arguments.
	assert.equal(help(['-h']), top);
	assert.equal(help(['help']), top);
	assert.equal(help(['--region', 'eu-west-2', '--help']), top);
	assert.equal(help(['help', 'tail']), help(['tail', '--help']));
	assert.deepEqual(commandNames().slice(0, 3), ['regions', 'config', 'account']);
});

test('did you mean: a mistyped command, nested command or option gets the nearest one', () => {
	assert.equal(usage(['regoins']).message, "unknown command 'regoins' (did you mean regions?)");
	const nested = usage(['keywords', 'lsit', '--origination', 'x']);
	assert.equal(nested.message, "keywords: unknown command 'lsit' (did you mean list?)");
	assert.equal(nested.command, 'keywords');
	assert.equal(usage(['spend', 'sett', 'text', '5']).message, "spend: unknown command 'sett' (did you mean set?)");
	assert.equal(usage(['pools', '--jsno']).message, "pools: unknown option '--jsno' (did you mean --json?)");
	// The option's mistake is named before the required option it kept from being seen.
	const option = usage(['keywords', 'set', '--origination', 'x', '--keywrd', 'HI', '--message', 'm']);
	assert.equal(option.message, "keywords set: unknown option '--keywrd' (did you mean --keyword?)");
	assert.equal(option.command, 'keywords set');
});

test('a missing value, an unknown option, a missing argument or option, a value not among the choices', () => {
	assert.equal(usage(['tail', 'set', '--since']).message, 'tail: option --since needs a value');
	assert.equal(usage(['tail', 'set', '--since', '--follow']).message, 'tail: option --since needs a value');
	assert.equal(usage(['pools', '--region']).message, 'pools: option --region needs a value');
	assert.equal(usage(['numbers', '--bogus']).message, "numbers: unknown option '--bogus'");
	assert.equal(usage(['parts', '-x']).message, 'parts: unknown option \'-x\' (an argument that starts with "-" goes after "--")');
	assert.equal(usage(['pools', 'extra']).message, 'pools: unexpected argument "extra"');
	assert.match(usage(['registrations', 'show']).message, /^registrations show: missing ID, the registration/);
	assert.equal(usage(['keywords', 'list']).message, 'keywords list: --origination is needed');
	assert.equal(usage(['protect', 'rules', 'p']).message, 'protect rules: --capability is needed (SMS, MMS or VOICE)');
	assert.equal(usage(['protect', 'rules', 'p', '--capability', 'RCS']).message, 'protect rules: --capability takes SMS, MMS or VOICE, not "RCS"');
	assert.equal(usage(['spend', 'set', 'sms', '5']).message, 'spend set: CHANNEL takes text, media or voice, not "sms"');
	assert.equal(usage(['keywords']).message, 'keywords: say list, set or delete');
	assert.equal(usage(['--local=yes']).message, 'option --local takes no value');
});

test('global options anywhere; a command gets its parsed arguments and options, the globals apart', () => {
	const before = command(['--region', 'eu-west-2', '--json', 'protect', 'rules', 'protect-1', '--capability', 'sms', '--status=block']);
	const after = command(['protect', 'rules', 'protect-1', '--capability', 'sms', '--status=block', '--region', 'eu-west-2', '--json']);
	for (const line of [before, after]) {
		assert.equal(line.path, 'protect rules');
		assert.deepEqual(line.input, {args: ['protect-1'], options: {capability: 'SMS', status: 'BLOCK'}});
		assert.equal(line.globals.region, 'eu-west-2');
		assert.equal(line.globals.json, true);
	}
	// A command's own option wins over a global of the same name.
	assert.deepEqual(command(['registrations', 'show', 'r-1', '--version', '2']).input.options, {version: '2'});
	assert.equal(parseCommandLine(['--version']).kind, 'version');
	const sim = command(['simulate', '--destination', '+1', '--destination', '+2', '--channel', 'MMS', '--timeout', '20s']);
	assert.deepEqual(sim.input.options.destination, ['+1', '+2']);
	assert.equal(sim.input.options.channel, 'mms');
	assert.equal(sim.globals.timeoutMs, 20_000);
	assert.deepEqual(command(['parts', '--', '-50% off']).input.args, ['-50% off']);
	const console = parseCommandLine(['--local', '--no-color']);
	assert.equal(console.kind, 'console');
	assert.equal((console as {globals: {noColor: boolean; local: boolean}}).globals.noColor, true);
});

test('protect, destinations, config-sets, verify and send: nested commands with their own help, suggestions and choices', () => {
	for (const [argv, message] of [
		[['protect', 'whihc', '--country', 'GB'], "protect: unknown command 'whihc' (did you mean which?)"],
		[['destinations', 'ad', '--config-set', 's'], "destinations: unknown command 'ad' (did you mean add?)"],
		[['config-sets', 'delte', 'x'], "config-sets: unknown command 'delte' (did you mean delete?)"],
		[['verify', 'sendcode', '+12065550142'], "verify: unknown command 'sendcode' (did you mean send-code?)"],
		[['send', '--form', '+12065550100', '--to', '+14254147755', '--body', 'x'], "send: unknown option '--form' (did you mean --from?)"],
		[['protect', 'set', 'p', '--country', 'GB', '--status', 'deny'], 'protect set: --status takes ALLOW, BLOCK, MONITOR or FILTER, not "deny"'],
		[['protect', 'set', 'p', '--country', 'GB'], 'protect set: --status is needed (ALLOW, BLOCK, MONITOR or FILTER)'],
		[['protect', 'associate', 'p'], 'protect associate: --config-set is needed'],
		[['destinations'], 'destinations: say list, add, enable, disable or delete'],
		[['destinations', 'add', '--config-set', 's', '--name', 'n', '--type', 'kafka', '--arn', 'a'], 'destinations add: --type takes cloudwatch-logs, firehose or sns, not "kafka"'],
		[['destinations', 'list', '--config-set', 's', '--name', 'n'], "destinations list: unknown option '--name'"],
		[['config-sets', 'create'], 'config-sets create: missing NAME, the configuration set: 1–64 letters, digits, _ and -'],
		[['verify', 'send-code', '+12065550142', '--channel', 'text'], 'verify send-code: --channel takes TEXT or VOICE, not "text"'],
		[['verify', 'confirm', '+12065550142'], 'verify confirm: --code is needed'],
		[['verify', 'add', '+12065550142', '+12065550143'], 'verify add: unexpected argument "+12065550143"'],
		[['send', '--from', 'x', '--to', 'y', '--body', 'b', '--message-type', 'URGENT'], 'send: --message-type takes TRANSACTIONAL or PROMOTIONAL, not "URGENT"'],
	] as const) {
		assert.equal(usage([...argv]).message, message, argv.join(' '));
	}
	// Aliases of a choice are taken and given as the choice; defaults are filled in.
	const add = command(['destinations', 'add', '--config-set', 's', '--name', 'n', '--type', 'LOGS', '--arn', 'a', '--yes']);
	assert.deepEqual(add.input.options, {configSet: 's', name: 'n', type: 'cloudwatch-logs', arn: 'a', events: 'ALL', yes: true});
	assert.deepEqual(command(['protect', 'set', 'baseline', '--all', '--status', 'block', '--capability', 'mms']).input, {args: ['baseline'], options: {all: true, status: 'BLOCK', capability: 'MMS'}});
	assert.deepEqual(command(['protect', 'default', '--clear']).input, {args: [], options: {clear: true}});
	// verify alone and verified are the list; send takes the global --timeout.
	assert.equal(command(['verify', '--json']).path, 'verify');
	assert.equal(command(['verified']).path, 'verified');
	const send = command(['send', '--from', 'x', '--to', 'y', '--voice-body', 'hi', '--follow', '--config-set', 'c', '--timeout', '30s']);
	assert.equal(send.globals.timeoutMs, 30_000);
	assert.deepEqual(send.input.options, {from: 'x', to: 'y', voiceBody: 'hi', follow: true, configSet: 'c'});
	assert.match(help(['destinations', 'add', '--help']), /--type <kind> +where the events go[^]*\(choices: "cloudwatch-logs", "firehose",\s+"sns"\)/);
	assert.match(help(['verify', 'send-code', '--help']), /^Usage: smsdeck verify send-code \[options\] <number>\n[^]*--language <code>[^]*"ZH_TW"/);
	assert.match(help(['help', 'verify']), /Commands:\n {2}list +the verified destination numbers\n {2}add <number> /);
	const top = help(['--help']);
	assert.match(top, /\n {2}destinations <command> +list, add, enable, disable or delete/);
	assert.match(top, /\n {2}config-sets \[create\|delete\] +list the configuration sets/);
});
