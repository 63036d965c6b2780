#!/usr/bin/env node
// npm run bench: every benchmark in turn, then one table of the figures with the peer beside them.
// Each benchmark also writes bench/results/<name>.json, kept for comparing runs.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = join(root, 'node_modules', '.bin', 'node');
const only = process.argv.slice(2);

const benches = [
	{name: 'startup', args: ['bench/startup.mjs', '--runs', '11']},
	{name: 'numbers', args: ['--import', 'tsx', 'bench/numbers.ts']},
	{name: 'bytes', args: ['--import', 'tsx', 'bench/bytes.ts']},
	{name: 'tail', args: ['--import', 'tsx', 'bench/tail.ts'], optional: 'bench/tail.ts'},
	{name: 'emulator-describe', args: ['bench/emulator-describe.mjs', '3']},
	{name: 'emulator-faults', args: ['--import', 'tsx', 'bench/emulator-faults.ts']},
	{name: 'insights-emulator', args: ['--import', 'tsx', 'bench/insights-emulator.ts']},
	{name: 'insights', args: ['--import', 'tsx', 'bench/insights.ts']},
];

const build = spawnSync(node, ['source/tools/build.mjs', '--if-stale'], {cwd: root, stdio: 'inherit'});
if (build.status !== 0) process.exit(build.status ?? 1);
const failed = [];
for (const bench of benches) {
	if (only.length > 0 && !only.includes(bench.name)) continue;
	if (bench.optional && !existsSync(join(root, bench.optional))) continue;
	process.stdout.write(`\n== ${bench.name}\n`);
	const run = spawnSync(node, bench.args, {cwd: root, stdio: 'inherit'});
	if (run.status !== 0) failed.push(bench.name);
}

const read = name => {
	try {
		return JSON.parse(readFileSync(join(root, 'bench', 'results', `${name}.json`), 'utf8'));
	} catch {
		return undefined;
	}
};
const ms = x => (typeof x === 'number' ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '–');
const rows = [];
const startup = read('startup');
if (startup) {
	const v = startup.variants ?? {};
	rows.push(['start → first full frame (median)', ms(v.bundle?.firstBothWordsMedianMs), `unbundled ${ms(v.unbundled?.firstBothWordsMedianMs)}`, '< 250 ms']);
	rows.push(['start → screen settled (counts in, median)', ms(v.bundle?.medianMs), `unbundled ${ms(v.unbundled?.medianMs)}`, '']);
	const r = startup.ratios;
	if (r) {
		const x = n => (typeof n === 'number' ? `${n.toFixed(2)}×` : '–');
		const bare = `node -e 0 ${ms(v.bare?.medianMs)}`;
		rows.push(['smsdeck --version ÷ node -e 0 (median)', x(r.version), bare, '≤ 1.5×']);
		rows.push(['smsdeck --help ÷ node -e 0 (median)', x(r.help), bare, '≤ 1.5×']);
		rows.push(['first full frame ÷ node -e 0 (median)', x(r.bundle), `first start after install ${ms(v.bundle?.coldFirstMs)}`, '≤ 3×']);
	}
}
const numbers = read('numbers');
if (numbers) {
	rows.push(['10,009 numbers: first page after the call', ms(numbers.consoleFirstPageMs - numbers.singleCallMs), '', '< 300 ms']);
	rows.push(['10,009 numbers: full list', ms(numbers.consoleFullListMs), `aws cli ${ms(numbers.awsCliFullListMs)}`, '≤ aws cli']);
	rows.push(['keypress → frame scrolling (median/p99)', `${ms(numbers.scrollMedianMs)} / ${ms(numbers.scrollP99Ms)}`, '', 'median < 16 ms']);
	rows.push(['keypress → frame filtering (median/p99)', `${ms(numbers.filterMedianMs)} / ${ms(numbers.filterP99Ms)}`, '', 'median < 16 ms']);
	rows.push(['peak RSS, 10,009 numbers', `${Math.round(numbers.consolePeakRssMb)} MB`, '', '< 200 MB']);
}
const bytes = read('bytes');
if (bytes) {
	rows.push(['bytes per j/k keypress (median)', `${bytes.bytesPerKeypressMedian} B`, `full screen ${bytes.bytesFullScreenChange} B`, '']);
	rows.push(['bytes while idle', `${bytes.idleBytesPerMinute} B/min`, '', '']);
}
const tail = read('tail');
if (tail?.view) {
	const v = tail.view;
	rows.push(['tail: sustained events/s into the view', `${v.achievedRate}/s (lag ≤ ${v.maxLagMs} ms)`, `frame median ${ms(v.frameMedianMs)}`, '≥ 2,000/s']);
	rows.push(['tail: peak RSS after 100,000 events', `${v.peakRssMb} MB`, `CPU ${v.cpuPercent}% of a core`, '< 200 MB']);
}
if (tail?.read) rows.push([`tail: read ${tail.read.events} events`, ms(tail.read.smsdeck.ms), `aws logs filter-log-events ${ms(tail.read.awsCli.ms)}`, '']);
const emu = read('emulator-describe');
if (emu?.rows?.[0]) rows.push(['emulator: DescribePhoneNumbers pages/s (big seed)', `${emu.rows[0].requestsPerSecond} req/s`, `${emu.rows[0].numbersPerSecond} numbers/s`, '']);
const faults = read('emulator-faults')?.results?.this;
if (faults) {
	const slow = faults.slowBodies;
	rows.push(['emulator: DescribePools, 1,100 slow clients', slow.answered ? `${slow.answered}/10, max ${ms(slow.maxMs)}` : '0/10 answered', '', 'all, < 2 s']);
	rows.push(['emulator: kill -9 mid-write, 100 cycles', `${faults.kills.lost.length} lost, ${faults.kills.leftAtEnd.length} temp left`, '', '0 and 0']);
}
const insights = read('insights-emulator');
if (insights) {
	const slowest = Math.max(...insights.oneByOne.map(t => t.ms));
	rows.push([`emulator: Logs Insights over ${insights.events.toLocaleString('en-US')} events`, `slowest panel ${ms(slowest)}`, `6 at once ${ms(insights.dashboardMs)}`, 'a few s']);
	rows.push(['emulator: peak RSS with those events', `${Math.round(insights.emulatorPeakRssMb)} MB`, '', '']);
}
const board = read('insights');
if (board) {
	const sec = m => (m.capped ? `> ${board.capSeconds} s` : `${m.seconds.toFixed(1)} s`);
	const rss = m => (typeof m.peakRssMb === 'number' ? `${Math.round(m.peakRssMb)} MB` : '–');
	const n = board.events.toLocaleString('en-US');
	rows.push([`${n} events: insights dashboard, ${board.since}`, `${sec(board.insights)}, ${rss(board.insights)}`, `smsdeck tail ${sec(board.tail)}, ${rss(board.tail)}`, '']);
	if (board.console) rows.push([`${n} events: console :insights complete`, `${sec(board.console)}, ${rss(board.console)}`, '', '']);
	rows.push([`${n} events: aws logs filter-log-events`, '', `${sec(board.awsCli)}, ${rss(board.awsCli)}`, '']);
}

process.stdout.write('\n== summary\n');
const w = [46, 22, 28, 16];
process.stdout.write(['what', 'smsdeck', 'peer', 'target'].map((h, i) => h.padEnd(w[i])).join(' ') + '\n');
for (const r of rows) process.stdout.write(r.map((c, i) => String(c).padEnd(w[i])).join(' ') + '\n');
if (failed.length > 0) {
	process.stdout.write(`\nfailed: ${failed.join(', ')}\n`);
	process.exit(1);
}
