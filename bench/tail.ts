// Tail benchmark.
//   node --import tsx bench/tail.ts [--rate 2000] [--events 100000] [--peer-events 20000] [--view-only]
// 1. View: SMS event records fed straight into the TailModel (a fake source, no network) at --rate events/s,
//    drawn by the tail's TailList (ink-testing-library, 160x40) on the same 100 ms redraw clock as useTail, with
//    the 10,000-event ring buffer and the heap growth limit useTail holds while a tail runs (app/heapGrowth.ts).
//    Reports the rate achieved, whether the feed falls behind (lag), frame times, CPU and peak RSS after --events
//    events, with heapTotal/heapUsed/external at the peak and the heap live at the end (after a full collection).
// 2. De-duplication window: the tail engine's window fed polled events (an eventId and a content key each) at
//    2,000 ev/s of event time, kept within the engine's MAX_WINDOW_ENTRIES as the engine does; entries held, heap
//    retained, and µs per event.
// 3. Reading: the same log group (in the emulator, filled with PutLogEvents) read to the end by
//    `smsdeck tail --log-group … --since 1h --json` and by `aws logs filter-log-events` (pip AWS CLI v1).
// Runs with NODE_ENV=production, like the bundle. Prints a table and writes bench/results/tail.json.
import React from 'react';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {mkdirSync, writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {render} from 'ink-testing-library';
import {TailModel, type LogLine} from '../source/domain/tailModel.js';
import {TailList} from '../source/views/tail/TailList.js';
import {eventColumns} from '../source/views/tail/tailColumns.js';
import {DedupWindow} from '../source/services/tailDedup.js';
import {MAX_WINDOW_ENTRIES} from '../source/services/tailEngine.js';
import {limitHeapGrowth} from '../source/app/heapGrowth.js';
import v8 from 'node:v8';
import vm from 'node:vm';

// The shipped bundle runs React in production mode; development mode diffs every prop of every re-render
// (10,000-row arrays here) and would measure React's dev tooling instead of the tail.
if (process.env.NODE_ENV !== 'production') {
	const {spawnSync} = await import('node:child_process');
	const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {stdio: 'inherit', env: {...process.env, NODE_ENV: 'production'}});
	process.exit(result.status ?? 1);
}

const {values} = parseArgs({options: {rate: {type: 'string', default: '2000'}, events: {type: 'string', default: '100000'}, 'peer-events': {type: 'string', default: '20000'}, 'view-only': {type: 'boolean', default: false}}});
const rate = Number(values.rate);
const total = Number(values.events);
const peerEvents = Number(values['peer-events']);

const STATUSES = [
	['TEXT_PENDING', 'PENDING', false],
	['TEXT_SUCCESSFUL', 'SUCCESSFUL', false],
	['TEXT_DELIVERED', 'DELIVERED', true],
	['TEXT_CARRIER_UNREACHABLE', 'CARRIER_UNREACHABLE', true],
] as const;

function record(i: number, now: number): string {
	const [eventType, messageStatus, isFinal] = STATUSES[i % 4];
	return JSON.stringify({
		eventType, eventVersion: '1.0', eventTimestamp: now, isFinal, originationPhoneNumber: '+12065550100',
		destinationPhoneNumber: i % 4 === 3 ? '+14254147167' : '+14254147755', isoCountryCode: 'US',
		messageId: `bench-${Math.floor(i / 4).toString().padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd`, messageRequestTimestamp: now - 500,
		messageEncoding: 'GSM', messageType: 'TRANSACTIONAL', messageStatus, messageStatusDescription: 'bench', totalMessageParts: 1,
		totalMessagePrice: 0.00581, totalCarrierFee: 0.003,
	});
}

const list = (rows: ReturnType<TailModel['snapshot']>['rows']) =>
	React.createElement(TailList<(typeof rows)[number]>, {columns: eventColumns, rows, selected: -1, width: 160, height: 36, isActive: true, emptyText: 'waiting'});

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A full garbage collection, then process.memoryUsage(). */
function collect(): NodeJS.MemoryUsage {
	v8.setFlagsFromString('--expose-gc');
	(vm.runInNewContext('gc') as () => void)();
	return process.memoryUsage();
}

// ---- 1. the view ------------------------------------------------------------------------------------------
async function viewBench() {
	// As useTail does while the console's tail runs.
	const releaseHeap = limitHeapGrowth();
	const model = new TailModel(10_000);
	const ui = render(list([]));
	// A terminal of 160×40, as the title says. ink-testing-library's stdout has 100 columns and no rows, and for a
	// stdout without rows Ink asks \`tput\` (a child process, synchronously) on every frame: that measured tput, which
	// the console on a real terminal never runs.
	Object.defineProperties(ui.stdout, {columns: {value: 160, configurable: true}, rows: {value: 40, configurable: true}});
	ui.stdout.emit('resize');
	const frameMs: number[] = [];
	let atPeak = process.memoryUsage();
	let peakRss = atPeak.rss;
	const baselineRss = peakRss;
	const cpu0 = process.cpuUsage();
	const start = performance.now();
	let fed = 0;
	let maxBehind = 0;
	let shown = model.currentVersion;
	const redraw = setInterval(() => {
		if (model.currentVersion === shown) return;
		shown = model.currentVersion;
		const t = performance.now();
		ui.rerender(list(model.snapshot().rows));
		frameMs.push(performance.now() - t);
		// A terminal keeps nothing it is sent; the testing library's stdout keeps every frame (lastFrame aside), which
		// is memory the console does not use (about 3 MB of strings by the end, more with the heap grown around it).
		ui.stdout.frames.length = 0;
		const memory = process.memoryUsage();
		if (memory.rss > peakRss) {
			peakRss = memory.rss;
			atPeak = memory;
		}
	}, 100);
	await new Promise<void>(resolve => {
		const feed = setInterval(() => {
			const elapsed = (performance.now() - start) / 1000;
			const due = Math.min(total, Math.floor(elapsed * rate));
			maxBehind = Math.max(maxBehind, due - fed);
			const now = Date.now();
			const batch: LogLine[] = [];
			for (; fed < due; fed++) batch.push({timestamp: now, ingestionTime: now, logStreamName: 's', message: record(fed, now)});
			model.append(batch);
			if (fed >= total) {
				clearInterval(feed);
				resolve();
			}
		}, 10);
	});
	const seconds = (performance.now() - start) / 1000;
	await new Promise(r => setTimeout(r, 250));
	clearInterval(redraw);
	const cpu = process.cpuUsage(cpu0);
	const frame = ui.lastFrame() ?? '';
	// What is live at the end (after a full collection, past the measurement): the heap grows to a multiple of it.
	const liveHeap = collect().heapUsed;
	ui.unmount();
	releaseHeap();
	const sorted = [...frameMs].sort((a, b) => a - b);
	return {
		source: 'fake (records fed straight into the TailModel)',
		targetRate: rate,
		events: total,
		achievedRate: Math.round(total / seconds),
		seconds: Number(seconds.toFixed(1)),
		maxBacklogEvents: maxBehind,
		maxLagMs: Math.round((maxBehind / rate) * 1000),
		frames: frameMs.length,
		frameMedianMs: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)),
		frameP99Ms: Number(sorted[Math.floor(sorted.length * 0.99)].toFixed(1)),
		cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100),
		peakRssMb: Math.round(peakRss / 1024 / 1024),
		// Where the peak's RSS was: the JavaScript heap as committed (heapTotal) and in use, and outside it (external
		// includes Yoga's WebAssembly memory).
		atPeakMb: {heapTotal: mb(atPeak.heapTotal), heapUsed: mb(atPeak.heapUsed), external: mb(atPeak.external), arrayBuffers: mb(atPeak.arrayBuffers)},
		liveHeapAtEndMb: mb(liveHeap),
		baselineRssMb: Math.round(baselineRss / 1024 / 1024),
		bufferRows: model.snapshot().rows.length,
		lastRowShown: frame.includes(`bench-${Math.floor((total - 1) / 4).toString().padStart(8, '0')}`),
	};
}

// ---- 2. the de-duplication window --------------------------------------------------------------------------
function dedupBench(events = 300_000, perSecond = 2000) {
	const before = collect().heapUsed;
	const window = new DedupWindow();
	const base = Date.now() - 3_600_000;
	const t = performance.now();
	for (let i = 0; i < events; i += 500) {
		const batch = Array.from({length: 500}, (_, k) => {
			const n = i + k;
			const timestamp = base + Math.floor((n * 1000) / perSecond);
			return {eventId: `${String(timestamp).padStart(20, '0')}${String(n).padStart(36, '0')}`, timestamp, ingestionTime: timestamp, logStreamName: 'smsdeck-simulator/2026-12-02', message: record(n, timestamp)};
		});
		window.filter(batch);
		const floor = window.floorForAtMost(MAX_WINDOW_ENTRIES);
		if (floor !== undefined) window.forgetBefore(floor);
	}
	const ms = performance.now() - t;
	return {events, perSecond, entries: window.size, heapMb: Math.round((collect().heapUsed - before) / 1024 / 1024), usPerEvent: Number(((ms * 1000) / events).toFixed(1))};
}

// ---- 3. reading the same log group: smsdeck tail vs aws logs filter-log-events ------------------------------
async function readBench() {
	// Imported here, not at the top: the view's RSS is measured first and must not carry the emulator and the SDK.
	const {CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} = await import('@aws-sdk/client-cloudwatch-logs');
	const {startEmulator} = await import('../source/emulator/index.js');
	const {distPath, nodeBinary} = await import('../test/helpers/terminal.js');
	const emulator = await startEmulator({port: 0, quiet: true, seed: 'empty'});
	try {
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
		const group = 'bench-tail';
		await logs.send(new CreateLogGroupCommand({logGroupName: group}));
		await logs.send(new CreateLogStreamCommand({logGroupName: group, logStreamName: 's'}));
		const now = Date.now() - 60_000;
		for (let i = 0; i < peerEvents; i += 1500) {
			const n = Math.min(1500, peerEvents - i);
			await logs.send(new PutLogEventsCommand({logGroupName: group, logStreamName: 's', logEvents: Array.from({length: n}, (_, k) => ({timestamp: now + Math.floor((i + k) / 100), message: record(i + k, now)}))}));
		}
		logs.destroy();
		const env = {...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_REGION: 'us-east-1'};
		// Asynchronously: the emulator answers from this very process.
		const time = async (cmd: string, args: string[], extraEnv: Record<string, string> = {}) => {
			const t = performance.now();
			const {stdout} = await promisify(execFile)(cmd, args, {env: {...env, ...extraEnv}, maxBuffer: 1 << 30});
			return {ms: Math.round(performance.now() - t), out: stdout};
		};
		// AWS_ENDPOINT_URL, not --endpoint-url: that one is the sms-voice endpoint only, and Logs would go to AWS.
		const ours = await time(nodeBinary(), [distPath(), 'tail', '--log-group', group, '--since', '1h', '--json'], {AWS_ENDPOINT_URL: emulator.url});
		let peer: {ms: number; events: number} | {error: string};
		try {
			const cli = await time('aws', ['--endpoint-url', emulator.url, 'logs', 'filter-log-events', '--log-group-name', group, '--output', 'json']);
			peer = {ms: cli.ms, events: (JSON.parse(cli.out) as {events: unknown[]}).events.length};
		} catch (error) {
			peer = {error: (error as Error).message.split('\n')[0]};
		}
		return {events: peerEvents, smsdeck: {ms: ours.ms, events: ours.out.split('\n').filter(Boolean).length}, awsCli: peer};
	} finally {
		await emulator.close();
	}
}

const view = await viewBench();
if (values['view-only']) {
	console.log(JSON.stringify(view, null, 2));
	process.exit(0);
}
const dedup = dedupBench();
const read = await readBench();
const rows: [string, string, string][] = [
	['view: sustained rate (fake source)', `${view.achievedRate.toLocaleString('en-US')} ev/s of ${rate.toLocaleString('en-US')}`, 'target ≥ 2,000 ev/s'],
	['view: feed backlog (lag)', `max ${view.maxBacklogEvents} events ≈ ${view.maxLagMs} ms`, 'does not grow'],
	['view: frame time median / p99', `${view.frameMedianMs} / ${view.frameP99Ms} ms (${view.frames} frames, 10/s)`, 'target median < 16 ms'],
	['view: CPU while feeding', `${view.cpuPercent}% of one core`, ''],
	[`view: peak RSS after ${total.toLocaleString('en-US')} events`, `${view.peakRssMb} MB (${view.baselineRssMb} MB before feeding; buffer ${view.bufferRows.toLocaleString('en-US')} rows)`, 'target < 200 MB'],
	[
		`dedup window: ${dedup.events.toLocaleString('en-US')} polled events at ${dedup.perSecond.toLocaleString('en-US')}/s`,
		`${dedup.entries.toLocaleString('en-US')} entries held, ${dedup.heapMb} MB, ${dedup.usPerEvent} µs/event`,
		`capped at ${MAX_WINDOW_ENTRIES.toLocaleString('en-US')} entries`,
	],
	[`read ${read.events.toLocaleString('en-US')} events: smsdeck tail --json`, `${read.smsdeck.ms} ms (${read.smsdeck.events} lines)`, ''],
	[
		`read ${read.events.toLocaleString('en-US')} events: aws logs filter-log-events`,
		'error' in read.awsCli ? read.awsCli.error : `${read.awsCli.ms} ms (${read.awsCli.events} events)`,
		'pip AWS CLI v1, same emulator',
	],
];
const w0 = Math.max(...rows.map(r => r[0].length));
const w1 = Math.max(...rows.map(r => r[1].length));
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
mkdirSync('bench/results', {recursive: true});
writeFileSync('bench/results/tail.json', JSON.stringify({date: new Date().toISOString(), node: process.version, view, dedup, read}, null, 2) + '\n');
console.log('wrote bench/results/tail.json');
process.exit(0);
