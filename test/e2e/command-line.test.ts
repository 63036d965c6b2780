// The bundled smsdeck's command line as a user meets it: `<command> --help` for nested commands, a suggestion on a
// typo, and every bad input one line on stderr with exit code 2, nothing on stdout and no call made.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isolatedEnv, runBinary} from '../helpers/binary.js';

const home = mkdtempSync(join(tmpdir(), 'smsdeck-cli-'));
// A closed port: a command that got as far as a call would fail with exit 1, not 2.
const env = {...isolatedEnv(home), AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9'};
test.after(() => rmSync(home, {recursive: true, force: true}));

test('smsdeck keywords set --help and smsdeck help protect: the nested command’s own help, exit 0', async () => {
	const set = await runBinary(['keywords', 'set', '--help'], env);
	assert.equal(set.code, 0, set.stderr);
	assert.match(set.stdout, /^Usage: smsdeck keywords set \[options\]\n/);
	assert.match(set.stdout, /--origination <id> .*\n(.*\n)* {2}--keyword <keyword> +the keyword\n/);
	assert.match(set.stdout, /\nGlobal options:\n/);
	assert.equal(set.stderr, '');
	const protect = await runBinary(['help', 'protect'], env);
	assert.equal(protect.code, 0);
	assert.match(protect.stdout, /Commands:\n {2}show <id> +one protect configuration[^]*\n {2}rules <id> +the country rules/);
	assert.match(protect.stdout, /\n {2}set <id> +set the rule of some countries[^]*\n {2}which +which rule decides a send/);
	const destinations = await runBinary(['destinations', 'add', '--help'], env);
	assert.equal(destinations.code, 0, destinations.stderr);
	assert.match(destinations.stdout, /^Usage: smsdeck destinations add \[options\]\n[^]*--type <kind> /);
});

test('bad input: exit 2, one line on stderr naming the command and where its help is; a typo gets a suggestion', async () => {
	const cases: [string[], string][] = [
		[['regoins'], "smsdeck: unknown command 'regoins' (did you mean regions?). Try 'smsdeck --help'."],
		[['keywords', 'delet', '--origination', 'x'], "smsdeck: keywords: unknown command 'delet' (did you mean delete?). Try 'smsdeck keywords --help'."],
		[['numbers', '--jsn'], "smsdeck: numbers: unknown option '--jsn' (did you mean --json?). Try 'smsdeck numbers --help'."],
		[['tail', 'events', '--since'], "smsdeck: tail: option --since needs a value. Try 'smsdeck tail --help'."],
		[['pools', '--bogus'], "smsdeck: pools: unknown option '--bogus'. Try 'smsdeck pools --help'."],
		[['keywords', 'list'], "smsdeck: keywords list: --origination is needed. Try 'smsdeck keywords list --help'."],
		[['spend', 'set', 'sms', '5', '--yes'], 'smsdeck: spend set: CHANNEL takes text, media or voice, not "sms". Try \'smsdeck spend set --help\'.'],
		[['--region'], "smsdeck: option --region needs a value. Try 'smsdeck --help'."],
		[['destinations', 'ad', '--config-set', 'x'], "smsdeck: destinations: unknown command 'ad' (did you mean add?). Try 'smsdeck destinations --help'."],
		[['protect', 'set', 'p', '--country', 'GB', '--status', 'deny', '--yes'], 'smsdeck: protect set: --status takes ALLOW, BLOCK, MONITOR or FILTER, not "deny". Try \'smsdeck protect set --help\'.'],
		[['verify', 'confirm', '+12065550142', '--yes'], "smsdeck: verify confirm: --code is needed. Try 'smsdeck verify confirm --help'."],
		[['send', '--from', '+12065550100', '--to', '+14254147755', '--body', 'x', '--message-type', 'urgent', '--yes'], 'smsdeck: send: --message-type takes TRANSACTIONAL or PROMOTIONAL, not "urgent". Try \'smsdeck send --help\'.'],
	];
	const results = await Promise.all(cases.map(([args]) => runBinary(args, env)));
	results.forEach((r, i) => {
		const [args, line] = cases[i];
		assert.equal(r.code, 2, args.join(' '));
		assert.equal(r.stdout, '', args.join(' '));
		assert.equal(r.stderr, `${line}\n`, args.join(' '));
	});
});

test('global options anywhere on the line; with no TTY and no command, the console says what to use instead', async () => {
	const [before, after] = await Promise.all([runBinary(['--json', 'regions'], env), runBinary(['regions', '--json'], env)]);
	assert.equal(before.code, 0, before.stderr);
	assert.equal(before.stdout, after.stdout);
	assert.equal(JSON.parse(before.stdout).length, 34);
	const bare = await runBinary([], env);
	assert.equal(bare.code, 2);
	assert.match(bare.stderr, /^smsdeck: the console needs a terminal, but stdin and stdout are not a TTY; use a scriptable subcommand instead \(regions, config, .*, emulator; see smsdeck --help\), or ssh -t\n$/);
});
