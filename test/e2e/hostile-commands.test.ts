// Every scriptable subcommand against the hostile seed (text that attacks terminals in every field that can
// hold it, hostile errors from failNext), run as the built binary: the RAW BYTES on stdout and stderr hold no
// ESC, no C1 control, no bidi control, no other C0 control but the newlines that end lines, no line that a
// field forged — and --json parses and gives back the very strings the service sent.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CloudWatchLogsClient, FilterLogEventsCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {HOSTILE, HOSTILE_ALL, HOSTILE_EVENTS_SET, HOSTILE_KEYWORDS, HOSTILE_LOG_EVENT_COUNT, HOSTILE_LOG_GROUP, HOSTILE_LOG_STREAM, HOSTILE_ONE_LINE} from '../../source/emulator/smsvoice/hostile.js';
import {isolatedEnv} from '../helpers/binary.js';
import {distPath, nodeBinary} from '../helpers/terminal.js';
import {stableId} from '../../source/emulator/smsvoice/ids.js';

/** The default seed's campaign that needs updates (stable ids): its fields, denials and feedback carry the payloads. */
const REGISTRATION = stableId('registration', 'promo-campaign');

let emulator: RunningEmulator;
let home: string;
let logs: CloudWatchLogsClient;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'hostile', eventDelayMs: 5, liveTailTickMs: 100});
	home = mkdtempSync(join(tmpdir(), 'smsdeck-hostile-'));
	logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
});
after(async () => {
	logs.destroy();
	await emulator.close();
	rmSync(home, {recursive: true, force: true});
});

interface Run {
	code: number | null;
	stdout: Buffer;
	stderr: Buffer;
}

/** A started `smsdeck ARGS` against the emulator (every service through AWS_ENDPOINT_URL), output kept as bytes. */
function start(args: string[], env: Record<string, string> = {}) {
	const child = spawn(nodeBinary(), [distPath(), ...args], {env: {...isolatedEnv(home), AWS_ENDPOINT_URL: emulator.url, AWS_REGION: 'us-east-1', ...env}});
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout.on('data', (b: Buffer) => out.push(b));
	child.stderr.on('data', (b: Buffer) => err.push(b));
	const done = new Promise<Run>(resolve => child.on('close', code => resolve({code, stdout: Buffer.concat(out), stderr: Buffer.concat(err)})));
	return {child, stdout: () => Buffer.concat(out), done};
}

async function run(args: string[], env?: Record<string, string>): Promise<Run> {
	const started = start(args, env);
	const timer = setTimeout(() => started.child.kill('SIGKILL'), 60_000);
	try {
		return await started.done;
	} finally {
		clearTimeout(timer);
	}
}

/** Waits (by condition, at most timeoutMs) until `check` holds. */
async function waitUntil(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 25));
	}
}

// eslint-disable-next-line no-control-regex
const ACTIVE_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

/** Nothing a terminal would act on, and no line that a field forged. */
function assertInert(bytes: Buffer, what: string): string {
	assert.equal(bytes.indexOf(0x1b), -1, `${what}: an ESC byte`);
	const text = bytes.toString('utf8');
	// Valid UTF-8, so no stray 0x80–0x9F byte a non-UTF-8 terminal would take as C1.
	assert.ok(Buffer.from(text, 'utf8').equals(bytes), `${what}: not valid UTF-8`);
	const bad = ACTIVE_EXCEPT_NEWLINE.exec(text);
	assert.equal(bad, null, bad ? `${what}: ${JSON.stringify(bad[0])} in …${JSON.stringify(text.slice(Math.max(0, bad.index - 40), bad.index + 40))}` : '');
	for (const line of text.split('\n')) assert.ok(!/^(FORGED|2026-01-01T00:00:00\.000Z)/.test(line), `${what}: a forged line ${JSON.stringify(line)}`);
	return text;
}

/** Inert, and the hostile text was there and shown by its placeholders. */
function assertShownInert(bytes: Buffer, what: string): string {
	const text = assertInert(bytes, what);
	assert.ok(text.includes('␛'), `${what}: no placeholder shown: ${text.slice(0, 300)}`);
	return text;
}

/** Inert JSON that parses: pretty-printing newlines only, every other active character \u-escaped. */
function parseInertJson(bytes: Buffer, what: string): any {
	const text = assertInert(bytes, what);
	return JSON.parse(text);
}

describe('subcommands against the hostile seed: raw bytes', () => {
	test('tables and facts: regions, config, account, pools, numbers, sender-ids, config-sets, opt-outs, verified, keywords, spend', async t => {
		const configFile = join(home, 'aws-config-hostile');
		// An ini section name ends at the first ']': the payloads without one.
		const evilProfile = `evil${HOSTILE.clear}${HOSTILE.dsr}${HOSTILE.c1csi}${HOSTILE.rlo}`;
		writeFileSync(configFile, `[profile ${evilProfile}]\nregion = us-east-1\n`);
		const cases: {args: string[]; shows: boolean; env?: Record<string, string>}[] = [
			{args: ['regions'], shows: false},
			{args: ['config'], shows: true, env: {AWS_CONFIG_FILE: configFile, AWS_PROFILE: evilProfile}},
			{args: ['account'], shows: true},
			{args: ['pools'], shows: false},
			{args: ['numbers'], shows: true},
			{args: ['sender-ids'], shows: true},
			{args: ['config-sets'], shows: true},
			{args: ['opt-outs'], shows: false},
			{args: ['opt-outs', '--list', 'Default'], shows: false},
			{args: ['verified'], shows: false},
			{args: ['keywords', 'list', '--origination', '+12065550100'], shows: true},
			{args: ['keywords', 'list', '--origination', 'transactional-us'], shows: true},
			{args: ['spend'], shows: false},
			{args: ['registrations'], shows: true},
			{args: ['registrations', 'show', REGISTRATION], shows: true},
			{args: ['protect'], shows: true},
		];
		const results = await Promise.all(cases.map(c => run(c.args, c.env)));
		cases.forEach((c, i) => {
			const what = c.args.join(' ');
			const r = results[i];
			assert.equal(r.code, 0, `${what}: exit ${r.code}: ${r.stderr.toString()}`);
			(c.shows ? assertShownInert : assertInert)(r.stdout, `${what} (stdout)`);
			assertInert(r.stderr, `${what} (stderr)`);
		});
		const keywords = results[10].stdout.toString();
		// One line per keyword and the header: a line break in a message stays inside its row.
		assert.equal(keywords.trimEnd().split('\n').length, 1 + 2 + HOSTILE_KEYWORDS.length);
		assert.ok(keywords.includes('LB␊FORGED-LF␍FORGED-CR\\u2028FORGED-LS'), 'line breaks shown as placeholders');
		assert.ok(keywords.includes('RLO\\u202etxt.exe') && keywords.includes('C1\\u009b5;31m'), 'C1 and bidi shown as \\u escapes');
		t.diagnostic(`${cases.length} table runs, each stdout and stderr checked`);
	});

	test('--json: parses, no active character raw, and gives back the strings the service sent', async t => {
		const cases = [['regions'], ['account'], ['pools'], ['numbers'], ['sender-ids'], ['config-sets'], ['opt-outs'], ['verified'], ['keywords', 'list', '--origination', '+12065550100'], ['spend'], ['config']];
		const results = await Promise.all(cases.map(args => run([...args, '--json'])));
		const json: Record<string, any> = {};
		cases.forEach((args, i) => {
			const what = `${args.join(' ')} --json`;
			assert.equal(results[i].code, 0, `${what}: ${results[i].stderr.toString()}`);
			json[args[0]] = parseInertJson(results[i].stdout, what);
			assertInert(results[i].stderr, `${what} (stderr)`);
		});
		const tier = json.account.AccountAttributes.find((a: {Name: string}) => a.Name === 'ACCOUNT_TIER').Value;
		assert.equal(tier, `SANDBOXED${HOSTILE_ALL}`);
		assert.ok(json.account.Identity.Arn.includes(HOSTILE.osc52) && json.account.Identity.Account.includes(HOSTILE.rlo));
		for (const n of json.numbers) {
			assert.ok(n.MonthlyLeasingPrice.endsWith(HOSTILE_ALL));
			assert.ok(n.TwoWayChannelArn.endsWith(HOSTILE_ONE_LINE));
		}
		for (const p of json.pools) assert.ok(p.TwoWayChannelArn.endsWith(HOSTILE_ONE_LINE));
		for (const s of json['sender-ids']) assert.ok(s.MonthlyLeasingPrice.endsWith(HOSTILE_ALL));
		const destinations = json['config-sets'].flatMap((c: {EventDestinations: unknown[]}) => c.EventDestinations);
		const arns = destinations.map((d: any) => d.CloudWatchLogsDestination?.LogGroupArn ?? d.KinesisFirehoseDestination?.DeliveryStreamArn ?? d.SnsDestination?.TopicArn);
		assert.ok(arns.filter((a: string) => a.endsWith(HOSTILE_ONE_LINE)).length >= 4, 'hostile destination ARNs');
		const keywords = json.keywords as {Keyword: string; KeywordMessage: string}[];
		for (const k of HOSTILE_KEYWORDS) assert.equal(keywords.find(x => x.Keyword === k)?.KeywordMessage, HOSTILE_ALL, JSON.stringify(k));
		t.diagnostic(`${cases.length} --json runs parsed and checked`);
	});

	test(`tail: one line per event (${HOSTILE_LOG_EVENT_COUNT} events → ${HOSTILE_LOG_EVENT_COUNT} lines, no forged TEXT_BLOCKED), --json hands on the original records`, async () => {
		const stored = await logs.send(new FilterLogEventsCommand({logGroupName: HOSTILE_LOG_GROUP}));
		const originals = (stored.events ?? []).map(e => e.message!);
		assert.equal(originals.length, HOSTILE_LOG_EVENT_COUNT);
		const [plain, json] = await Promise.all([run(['tail', HOSTILE_EVENTS_SET, '--since', '1h']), run(['tail', HOSTILE_EVENTS_SET, '--since', '1h', '--json'])]);
		assert.equal(plain.code, 0, plain.stderr.toString());
		const lines = assertShownInert(plain.stdout, 'tail').trimEnd().split('\n');
		assert.equal(lines.length, HOSTILE_LOG_EVENT_COUNT);
		assert.equal(lines.filter(l => /^\S+Z {2}TEXT_BLOCKED/.test(l)).length, 1, 'only the event whose type says TEXT_BLOCKED starts with it');
		assertInert(plain.stderr, 'tail (stderr)');
		assert.equal(json.code, 0, json.stderr.toString());
		const records = assertInert(json.stdout, 'tail --json')
			.trimEnd()
			.split('\n')
			.map(l => JSON.parse(l));
		assert.deepEqual(
			records.map(r => r.raw),
			originals,
		);
		for (const r of records) {
			assert.equal(r.logStream, HOSTILE_LOG_STREAM);
			if (r.event !== null && r.raw.startsWith('{')) assert.deepEqual(r.event, JSON.parse(r.raw));
		}
	});

	for (const json of [false, true]) {
		test(`tail --follow${json ? ' --json' : ''}: the seeded events, then one written while it follows; ctrl-c ends it (exit 0)`, async () => {
			const args = ['tail', HOSTILE_EVENTS_SET, '--since', '1h', '--follow', ...(json ? ['--json'] : [])];
			const follow = start(args);
			const lineCount = () => follow.stdout().toString('utf8').split('\n').length - 1;
			try {
				await waitUntil(() => lineCount() >= HOSTILE_LOG_EVENT_COUNT, `${HOSTILE_LOG_EVENT_COUNT} lines`);
				// Its own mark: the other follow test wrote one too, and --since 1h reads it back.
				const mark = `FOLLOWED-${json ? 'JSON' : 'PLAIN'}`;
				const live = `${mark} ${HOSTILE_ALL}`;
				await logs.send(new PutLogEventsCommand({logGroupName: HOSTILE_LOG_GROUP, logStreamName: HOSTILE_LOG_STREAM, logEvents: [{timestamp: Date.now(), message: live}]}));
				await waitUntil(() => follow.stdout().toString('utf8').includes(json ? `"raw":"${mark} ` : `${mark} CLIP`), 'the event written while following');
				follow.child.kill('SIGINT');
				const result = await follow.done;
				assert.equal(result.code, 0);
				const text = assertInert(result.stdout, args.join(' '));
				const lines = text.trimEnd().split('\n');
				assert.ok(lines.length >= HOSTILE_LOG_EVENT_COUNT + 1);
				// The whole event on its line, however many line breaks it holds (the forged row is its last payload).
				const liveLines = lines.filter(l => l.includes(mark));
				assert.ok(liveLines.length >= 1);
				for (const line of liveLines) {
					if (json) assert.equal(JSON.parse(line).raw, live);
					else assert.match(line, new RegExp(`^\\S+Z  ${mark} CLIP.*␊2026-01-01T00:00:00\\.000Z  TEXT_BLOCKED .*FORGED-ROW$`));
				}
				assertInert(result.stderr, `${args.join(' ')} (stderr)`);
			} finally {
				follow.child.kill('SIGKILL');
			}
		});
	}

	test("simulate: the report (plain and --json) quotes the service's account tier, inert", async () => {
		const [plain, json] = await Promise.all([run(['simulate', '--timeout', '60s']), run(['simulate', '--timeout', '60s', '--json'])]);
		assert.equal(plain.code, 0, `${plain.stdout.toString()}\n${plain.stderr.toString()}`);
		assert.match(assertShownInert(plain.stdout, 'simulate'), /^PASS/);
		assertInert(plain.stderr, 'simulate (stderr)');
		assert.equal(json.code, 0, json.stderr.toString());
		assert.equal(parseInertJson(json.stdout, 'simulate --json').accountTier, `SANDBOXED${HOSTILE_ALL}`);
		assertInert(json.stderr, 'simulate --json (stderr)');
	});
});

describe('error paths: a hostile service error is one inert line on stderr', () => {
	const failNext = async (body: Record<string, unknown>) => {
		const res = await fetch(`${emulator.url}/_smsdeck/failNext`, {method: 'POST', body: JSON.stringify(body)});
		assert.equal(res.status, 200, await res.text());
	};
	const cases: {args: string[]; operation: string; code?: number}[] = [
		{args: ['account'], operation: 'DescribeAccountAttributes'},
		{args: ['pools'], operation: 'DescribePools'},
		{args: ['numbers'], operation: 'DescribePhoneNumbers'},
		{args: ['sender-ids'], operation: 'DescribeSenderIds'},
		{args: ['config-sets'], operation: 'DescribeConfigurationSets'},
		{args: ['opt-outs'], operation: 'DescribeOptOutLists'},
		{args: ['opt-outs', '--list', 'Default'], operation: 'DescribeOptedOutNumbers'},
		{args: ['verified'], operation: 'DescribeVerifiedDestinationNumbers'},
		{args: ['keywords', 'list', '--origination', '+12065550100'], operation: 'DescribeKeywords'},
		{args: ['keywords', 'set', '--origination', '+12065550100', '--keyword', 'INFO', '--message', 'hi', '--yes'], operation: 'PutKeyword'},
		{args: ['spend'], operation: 'DescribeSpendLimits'},
		{args: ['tail', HOSTILE_EVENTS_SET], operation: 'DescribeConfigurationSets'},
		{args: ['simulate', '--timeout', '60s'], operation: 'SendTextMessage', code: 2},
	];
	for (const c of cases) {
		test(`${c.args.join(' ')} (${c.operation} fails)`, async () => {
			await failNext({operation: c.operation, count: c.operation === 'SendTextMessage' ? 2 : 1});
			const r = await run(c.args);
			await failNext({clear: true});
			assert.equal(r.code, c.code ?? 1, `${r.stdout.toString()}\n${r.stderr.toString()}`);
			const err = assertShownInert(c.operation === 'SendTextMessage' ? Buffer.concat([r.stdout, r.stderr]) : r.stderr, `${c.args.join(' ')} (error)`);
			assertInert(r.stdout, `${c.args.join(' ')} (stdout)`);
			if (c.operation !== 'SendTextMessage') assert.equal(err.split('\n').filter(Boolean).length, 1, `one line: ${err}`);
		});
	}

	test("a profile that is not there, named with payloads (the resolver's refusal, exit 2): one inert line", async () => {
		const r = await run(['pools'], {AWS_PROFILE: `evil${HOSTILE_ALL}`});
		assert.equal(r.code, 2);
		const err = assertShownInert(r.stderr, 'missing hostile profile');
		assert.equal(err.split('\n').filter(Boolean).length, 1, err);
		assertInert(r.stdout, 'missing hostile profile (stdout)');
	});

	test('tail of a destination whose log group ARN is hostile: the service refuses it, one inert line', async () => {
		const r = await run(['tail', 'hostile-destinations', '--destination', 'hostile-cwl']);
		assert.notEqual(r.code, 0);
		const err = assertShownInert(r.stderr, 'tail hostile-destinations');
		assert.equal(err.split('\n').filter(Boolean).length, 1, err);
	});
});
