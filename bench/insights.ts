// Insights against reading: how long to the numbers of a day with a million events, four ways.
//   node --import tsx bench/insights.ts [--events 1000000] [--streams 8] [--since 24h] [--cap-seconds 600]
// The emulator runs in a child process (bench/insights-emulator.ts --serve) and gets --events SMS event records
// over the last 20 hours in one log group (bench/insightsEvents.ts), plus a configuration set whose CloudWatch
// Logs destination is that group. Then, each as its own process under /usr/bin/time -v (peak RSS), one after the
// other:
//   1. `smsdeck insights --config-set SET --since 24h --by country --json`: the first complete dashboard (every
//      query it starts Complete; the counts checked against what was loaded);
//   1b. the console (dist/smsdeck.mjs in a pseudo-terminal, node-pty + @xterm/headless, as bench/startup.mjs
//      runs it): once its first frame is up, `:insights SET --window 24h` is typed, and the clock runs from enter
//      until the screen shows every panel's query complete ("all N queries complete") with the loaded message
//      count; the time from spawn is reported too. Its peak RSS is the console's whole session. --since must be
//      one of the console's windows (24h) for this one; any other skips it;
//   2. `smsdeck tail SET --since 24h --json`: the same window's events, one JSON line each, counted;
//   3. `aws logs filter-log-events --start-time … --end-time …` (pip AWS CLI v1, which pages through all of it
//      itself and prints at the end): the events counted in its output; the emulator's FilterLogEvents answers
//      are counted while it runs, to say how far it got if it hits --cap-seconds (which stops any of the three).
// Prints a table (seconds, peak RSS, events read) with the ratios, and writes bench/results/insights.json.
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {parseArgs} from 'node:util';
import {CloudWatchLogsClient, FilterLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateConfigurationSetCommand, CreateEventDestinationCommand, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {loadEvents} from './insightsEvents.js';
import {screenText} from '../source/tools/svgScreenshot.mjs';

const {values} = parseArgs({
	options: {events: {type: 'string', default: '1000000'}, streams: {type: 'string', default: '8'}, since: {type: 'string', default: '24h'}, 'cap-seconds': {type: 'string', default: '600'}},
});
const total = Number(values.events);
const streamCount = Number(values.streams);
const capSeconds = Number(values['cap-seconds']);
const sinceHours = /^(\d+)h$/.exec(values.since)?.[1];
if (!Number.isInteger(total) || total < 2 || !Number.isInteger(streamCount) || streamCount < 1 || !(capSeconds > 0) || !sinceHours || Number(sinceHours) <= 20) {
	console.error('insights bench: --events N (≥ 2), --streams N (≥ 1), --cap-seconds S (> 0), --since Nh (more than the 20 h the events span)');
	process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
	console.error('insights bench: needs /usr/bin/time (GNU time, for -v) to measure peak RSS');
	process.exit(2);
}

const root = join(import.meta.dirname, '..');
const node = join(root, 'node_modules', '.bin', 'node');
const dist = join(root, 'dist', 'smsdeck.mjs');
const GROUP = 'bench-insights';
const SET = 'bench-insights';
const REGION = 'us-east-1';

const build = spawnSync(node, [join(root, 'source/tools/build.mjs'), '--quiet'], {cwd: root, stdio: 'inherit'});
if (build.status !== 0) process.exit(build.status ?? 1);

// ---- the emulator (a child: its RSS is not ours) and the data ---------------------------------------------------
const child = spawn(process.execPath, [...process.execArgv, join(import.meta.dirname, 'insights-emulator.ts'), '--serve'], {stdio: ['pipe', 'pipe', 'inherit']});
const lines = createInterface({input: child.stdout!})[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse((await lines.next()).value as string);
const {url} = (await nextLine()) as {url: string};
const emulatorRss = async () => {
	child.stdin!.write('rss\n');
	return (await nextLine()) as {maxRssMb: number; rssMb: number};
};
const credentials = {accessKeyId: 'bench', secretAccessKey: 'bench'};
const logs = new CloudWatchLogsClient({region: REGION, endpoint: url, credentials, maxAttempts: 1});
const sms = new PinpointSMSVoiceV2Client({region: REGION, endpoint: url, credentials, maxAttempts: 1});

const loadStart = performance.now();
const now = Date.now();
const {bytes} = await loadEvents(logs, {group: GROUP, total, streamCount, now, span: 20 * 3_600_000});
await sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: SET}));
await sms.send(
	new CreateEventDestinationCommand({
		ConfigurationSetName: SET,
		EventDestinationName: 'logs',
		MatchingEventTypes: ['ALL'],
		CloudWatchLogsDestination: {IamRoleArn: 'arn:aws:iam::123456789012:role/bench-sms-events', LogGroupArn: `arn:aws:logs:${REGION}:123456789012:log-group:${GROUP}`},
	}),
);
sms.destroy();
const loadMs = performance.now() - loadStart;
console.log(`loaded ${total.toLocaleString('en-US')} events (${(bytes / 2 ** 20).toFixed(0)} MB of messages) in ${(loadMs / 1000).toFixed(1)} s into ${GROUP}, the log group of configuration set ${SET}`);

// ---- one timed process ------------------------------------------------------------------------------------------
interface Measured {
	seconds: number;
	peakRssMb: number | null;
	exitCode: number | null;
	capped: boolean;
	stdout: string;
	counted: number;
	stderrTail: string;
}

const work = mkdtempSync(join(tmpdir(), 'smsdeck-bench-'));
const env = {...process.env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: REGION, AWS_DEFAULT_REGION: REGION, NO_COLOR: '1'};

/** The peak RSS that /usr/bin/time -v wrote to `timeFile`, in MB; null when it wrote none. */
function peakRss(timeFile: string): number | null {
	try {
		const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1];
		return kb ? Number(kb) / 1024 : null;
	} catch {
		return null;
	}
}

/** Runs `cmd args` under /usr/bin/time -v; `count` sees stdout chunk by chunk (nothing is kept unless `keep`). */
async function measure(label: string, cmd: string, args: string[], extraEnv: Record<string, string>, count: (chunk: string) => number, keep = false): Promise<Measured> {
	const timeFile = join(work, `${label}.time`);
	const start = performance.now();
	const proc = spawn('/usr/bin/time', ['-v', '-o', timeFile, cmd, ...args], {env: {...env, ...extraEnv}, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let counted = 0;
	let stderrTail = '';
	proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		counted += count(chunk);
		if (keep) stdout += chunk;
	});
	proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderrTail = (stderrTail + chunk).slice(-2000);
	});
	let capped = false;
	const cap = setTimeout(() => {
		capped = true;
		// The measured program is time's child: ending it lets time write what it measured.
		let children: string[] = [];
		try {
			children = readFileSync(`/proc/${proc.pid}/task/${proc.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
		} catch {}
		for (const pid of children) process.kill(Number(pid), 'SIGTERM');
		if (children.length === 0) proc.kill('SIGTERM');
	}, capSeconds * 1000);
	const exitCode = await new Promise<number | null>(resolve => proc.once('close', code => resolve(code)));
	clearTimeout(cap);
	const seconds = (performance.now() - start) / 1000;
	const peakRssMb = peakRss(timeFile);
	return {seconds, peakRssMb, exitCode, capped, stdout, counted, stderrTail};
}

const countLines = (chunk: string) => {
	let n = 0;
	for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n++;
	return n;
};
/** "eventId": keys in the AWS CLI's JSON, a key split across two chunks included. */
function eventIdCounter() {
	const key = '"eventId":';
	let carry = '';
	return (chunk: string) => {
		const text = carry + chunk;
		let n = 0;
		for (let i = text.indexOf(key); i !== -1; i = text.indexOf(key, i + key.length)) n++;
		carry = text.slice(-(key.length - 1));
		return n;
	};
}

// The bundle unpacks its modules on its first start; a user's second start finds them there.
spawnSync(node, [dist, '--version'], {env, stdio: 'ignore'});
const smsdeckEnv = {AWS_ENDPOINT_URL: url};
const messages = total / 2;

// 1. the dashboard
const insights = await measure('insights', node, [dist, 'insights', '--config-set', SET, '--since', values.since, '--by', 'country', '--json', '--region', REGION], smsdeckEnv, () => 0, true);
let board: {Messages?: number; Delivered?: number; Failed?: number; Queries?: {Panel: string; Status: string; Statistics: {recordsScanned?: number} | null}[]; BytesScanned?: number} = {};
try {
	board = JSON.parse(insights.stdout);
} catch {}
const queries = board.Queries ?? [];
const dashboardOk = insights.exitCode === 0 && queries.length > 0 && queries.every(q => q.Status === 'Complete') && board.Messages === Math.floor(messages);
if (!dashboardOk) console.error(`insights: exit ${insights.exitCode}, ${board.Messages} messages of ${messages}; ${insights.stderrTail.trim()}`);
const scanned = Math.max(0, ...queries.map(q => q.Statistics?.recordsScanned ?? 0));

// 1b. the console's dashboard
interface ConsoleMeasured extends Measured {
	/** From spawn to the first frame, and from the :insights enter to the complete dashboard (the time). */
	startSeconds: number | null;
	queries: number | null;
	complete: boolean;
	screen: string;
}

/** The console in a pseudo-terminal under /usr/bin/time -v: `:insights` typed, timed until the dashboard is complete. */
async function measureConsole(window: string): Promise<ConsoleMeasured> {
	const timeFile = join(work, 'console.time');
	const home = join(work, 'console-home');
	mkdirSync(home, {recursive: true});
	const cols = 160;
	const rows = 40;
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true, logLevel: 'off'});
	const t0 = performance.now();
	const child = pty.spawn('/usr/bin/time', ['-v', '-o', timeFile, node, dist, '--region', REGION], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: root,
		env: {...env, ...smsdeckEnv, TERM: 'xterm-256color', LANG: 'C.UTF-8', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), SMSDECK_CONFIG_DIR: join(home, 'smsdeck')},
	});
	let exitCode: number | null = null;
	let exited = false;
	const gone = new Promise<void>(resolve =>
		child.onExit(({exitCode: code}) => {
			exited = true;
			exitCode = code;
			resolve();
		}),
	);
	let changed: () => void = () => {};
	let chunks = 0;
	term.onData(reply => exited || child.write(reply));
	child.onData(data => term.write(data, () => {
		chunks++;
		changed();
	}));
	const screen = () => screenText(term);
	const deadline = t0 + capSeconds * 1000;
	/** Resolves at the first screen that passes `ok`; false once the cap is reached or the console has exited. */
	const until = (ok: (text: string) => boolean) =>
		new Promise<boolean>(resolve => {
			const check = () => {
				if (ok(screen())) return done(true);
				if (exited || performance.now() > deadline) return done(false);
			};
			const timer = setInterval(check, 250);
			const done = (result: boolean) => {
				clearInterval(timer);
				changed = () => {};
				resolve(result);
			};
			changed = check;
			check();
		});
	/** A key, then whatever the console answers with (at most 200 ms), so each arrives as its own read. */
	const key = async (bytes: string) => {
		const before = chunks;
		child.write(bytes);
		const by = performance.now() + 200;
		while (chunks === before && performance.now() < by) await new Promise(r => setTimeout(r, 5));
	};
	let startSeconds: number | null = null;
	let seconds = 0;
	let complete = false;
	let capped = false;
	if (await until(text => text.includes('<?> help'))) {
		startSeconds = (performance.now() - t0) / 1000;
		await key(':');
		if (await until(text => text.includes('command (tab completes)'))) {
			for (const ch of `insights ${SET} --window ${window}`) await key(ch);
			const entered = performance.now();
			child.write('\r');
			const shown = `Messages ${Math.floor(messages).toLocaleString('en-US')} │`;
			complete = await until(text => /all \d+ queries complete/.test(text) && text.includes(shown));
			seconds = (performance.now() - entered) / 1000;
			capped = !complete && !exited;
		}
	}
	const last = screen();
	const queryCount = /all (\d+) queries complete/.exec(last)?.[1];
	if (!exited) {
		child.write('q');
		const by = performance.now() + 5000;
		while (!exited && performance.now() < by) await new Promise(r => setTimeout(r, 20));
		if (!exited) child.kill('SIGKILL');
	}
	await gone;
	term.dispose();
	const peakRssMb = peakRss(timeFile);
	return {seconds, startSeconds, peakRssMb, exitCode, capped, stdout: '', counted: 0, stderrTail: '', queries: queryCount ? Number(queryCount) : null, complete, screen: last};
}

const consoleWindow = ['15m', '1h', '24h', '7d'].includes(values.since) ? values.since : undefined;
const console_ = consoleWindow ? await measureConsole(consoleWindow) : undefined;
if (!consoleWindow) console.error(`console: skipped, --since ${values.since} is not one of the console's windows (15m, 1h, 24h, 7d)`);
else if (!console_!.complete) console.error(`console: no complete dashboard${console_!.capped ? ` in ${capSeconds} s` : ''}; the last screen:\n${console_!.screen}`);

// 2. smsdeck tail over the same window
const tail = await measure('tail', node, [dist, 'tail', SET, '--since', values.since, '--json', '--region', REGION], smsdeckEnv, countLines);
if (!tail.capped && (tail.exitCode !== 0 || tail.counted !== total)) console.error(`tail: exit ${tail.exitCode}, ${tail.counted} lines of ${total}; ${tail.stderrTail.trim()}`);

// 3. the AWS CLI over the same window; the emulator's FilterLogEvents answers counted meanwhile
const aws = spawnSync('pyenv', ['which', 'aws'], {encoding: 'utf8'}).stdout?.trim() || 'aws';
const readsSeen = {total: 0, lastAt: -1, atLast: 0};
const countReads = async () => {
	const answer = await fetch(`${url}/_smsdeck/filterLogEventsReads`, {method: 'POST', body: '{}'});
	const {reads} = (await answer.json()) as {reads: {at: number}[]};
	const fresh = reads.filter(r => r.at >= readsSeen.lastAt);
	readsSeen.total += fresh.length - (fresh.length && fresh[0].at === readsSeen.lastAt ? readsSeen.atLast : 0);
	if (fresh.length) {
		readsSeen.lastAt = fresh[fresh.length - 1].at;
		readsSeen.atLast = fresh.filter(r => r.at === readsSeen.lastAt).length;
	}
};
await countReads();
readsSeen.total = 0;
const poll = setInterval(() => void countReads().catch(() => {}), 1000);
const windowEnd = Date.now();
const windowStart = windowEnd - Number(sinceHours) * 3_600_000;
const cli = await measure(
	'aws',
	aws,
	['--endpoint-url', url, '--region', REGION, 'logs', 'filter-log-events', '--log-group-name', GROUP, '--start-time', String(windowStart), '--end-time', String(windowEnd), '--output', 'json'],
	{},
	eventIdCounter(),
);
clearInterval(poll);
await countReads();
const firstPage = await logs.send(new FilterLogEventsCommand({logGroupName: GROUP, startTime: windowStart, endTime: windowEnd}));
const perPage = firstPage.events?.length ?? 0;
if (!cli.capped && (cli.exitCode !== 0 || cli.counted !== total)) console.error(`aws: exit ${cli.exitCode}, ${cli.counted} events of ${total}; ${cli.stderrTail.trim()}`);

const emulator = await emulatorRss();
logs.destroy();
child.stdin!.end();
await new Promise(resolve => child.once('exit', resolve));
rmSync(work, {recursive: true, force: true});

// ---- the figures --------------------------------------------------------------------------------------------------
const mb = (x: number | null) => (x === null ? '–' : `${Math.round(x)} MB`);
const s = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} s`;
const n = (x: number) => x.toLocaleString('en-US');
const time = (m: Measured) => (m.capped ? `> ${capSeconds} s` : s(m.seconds));
const read = (m: Measured, done: string) => (m.capped ? `did not finish in ${capSeconds} s: ${done}` : done);
const rows = [
	['what', 'time', 'peak RSS', 'read'],
	[
		`smsdeck insights (${queries.length} queries, all Complete: ${dashboardOk ? 'yes' : 'NO'})`,
		time(insights),
		mb(insights.peakRssMb),
		read(insights, `${n(board.Messages ?? 0)} messages counted by the service (${n(scanned)} records scanned)`),
	],
	...(console_
		? [
				[
					`smsdeck console :insights (${console_.queries ?? '?'} queries, all Complete: ${console_.complete ? 'yes' : 'NO'})`,
					time(console_),
					mb(console_.peakRssMb),
					read(console_, `${n(Math.floor(messages))} messages on screen, timed from the :insights enter (first frame ${console_.startSeconds === null ? '–' : s(console_.startSeconds)} after spawn)`),
				],
			]
		: []),
	['smsdeck tail --since --json', time(tail), mb(tail.peakRssMb), read(tail, `${n(tail.counted)} events (lines)`)],
	['aws logs filter-log-events (pip CLI v1)', time(cli), mb(cli.peakRssMb), cli.capped ? read(cli, `${n(readsSeen.total)} pages answered (≈ ${n(Math.min(total, readsSeen.total * perPage))} events)`) : `${n(cli.counted)} events`],
];
const w = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
console.log(`\n${n(total)} events over 20 h, window --since ${values.since}, each command its own process (peak RSS from /usr/bin/time -v)`);
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const more = (m: Measured) => (m.capped ? 'more than ' : '');
if (console_?.complete) console.log(`console ÷ smsdeck insights: ${ratio(console_.seconds, insights.seconds)} the time, ${insights.peakRssMb && console_.peakRssMb ? ratio(console_.peakRssMb, insights.peakRssMb) : '–'} the memory; tail ÷ console: ${more(tail)}${ratio(tail.seconds, console_.seconds)} the time`);
console.log(`tail ÷ insights: ${more(tail)}${ratio(tail.seconds, insights.seconds)} the time, ${insights.peakRssMb && tail.peakRssMb ? ratio(tail.peakRssMb, insights.peakRssMb) : '–'} the memory`);
console.log(
	`aws cli ÷ insights: ${more(cli)}${ratio(cli.seconds, insights.seconds)} the time, ${insights.peakRssMb && cli.peakRssMb ? ratio(cli.peakRssMb, insights.peakRssMb) : '–'} the memory${cli.capped ? ' (at the cap)' : ''}; aws cli ÷ tail: ${cli.capped || tail.capped ? '~' : ''}${ratio(cli.seconds, tail.seconds)} the time`,
);
console.log(`emulator peak RSS ${mb(emulator.maxRssMb)}; a FilterLogEvents page holds ${n(perPage)} of these events`);

mkdirSync(join(import.meta.dirname, 'results'), {recursive: true});
const strip = ({stdout, stderrTail, ...m}: Measured) => m;
writeFileSync(
	join(import.meta.dirname, 'results', 'insights.json'),
	JSON.stringify(
		{
			benchmark: 'insights',
			date: new Date().toISOString(),
			events: total,
			since: values.since,
			capSeconds,
			loadMs,
			messageMb: bytes / 2 ** 20,
			insights: {...strip(insights), queries: queries.length, complete: dashboardOk, messages: board.Messages ?? null, recordsScanned: scanned, bytesScanned: board.BytesScanned ?? null},
			console: console_ ? (({screen, ...m}: ConsoleMeasured) => strip(m))(console_) : null,
			tail: {...strip(tail), events: tail.counted},
			awsCli: {...strip(cli), events: cli.counted, pagesAnswered: readsSeen.total, eventsPerPage: perPage},
			emulatorPeakRssMb: emulator.maxRssMb,
		},
		null,
		2,
	) + '\n',
);
// A run that finished must have read everything; one stopped at the cap is a figure, not a failure.
process.exit(dashboardOk && (!console_ || console_.complete) && (tail.capped || tail.counted === total) && (cli.capped || cli.counted === total) ? 0 : 1);
