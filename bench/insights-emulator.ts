// Logs Insights in the emulator at volume.
//   node --import tsx bench/insights-emulator.ts [--events 1000000] [--streams 8]
// The emulator runs in a child process (its peak RSS is its own). --events SMS event records over the last 20 hours
// go into one log group through PutLogEvents (the real SDK, 1 MB batches); then the panels of an insights
// dashboard run as Logs Insights queries, one at a time and then all at once, each timed from StartQuery to
// Complete (polled every 50 ms as a console would), with the statistics the service reports and the Running
// answers seen before. Prints a table and writes bench/results/insights-emulator.json.
import {spawn} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {parseArgs} from 'node:util';
import {CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand} from '@aws-sdk/client-cloudwatch-logs';
import {loadEvents} from './insightsEvents.js';

const {values} = parseArgs({options: {events: {type: 'string', default: '1000000'}, streams: {type: 'string', default: '8'}, serve: {type: 'boolean', default: false}}});

// ---- the child: an emulator that reports its peak RSS on request --------------------------------------------
if (values.serve) {
	const {startEmulator} = await import('../source/emulator/index.js');
	const emu = await startEmulator({port: 0, seed: 'empty', quiet: true});
	process.stdout.write(JSON.stringify({url: emu.url}) + '\n');
	for await (const line of createInterface({input: process.stdin})) {
		if (line === 'rss') process.stdout.write(JSON.stringify({maxRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage().rss / 2 ** 20}) + '\n');
	}
	await emu.close();
	process.exit(0);
}

// ---- the parent ---------------------------------------------------------------------------------------------
const total = Number(values.events);
const streamCount = Number(values.streams);
const GROUP = 'bench-insights';
const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--serve'], {stdio: ['pipe', 'pipe', 'inherit']});
const lines = createInterface({input: child.stdout!})[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse((await lines.next()).value as string);
const {url} = await nextLine();
const emulatorRss = async () => {
	child.stdin!.write('rss\n');
	return (await nextLine()) as {maxRssMb: number; rssMb: number};
};
const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials: {accessKeyId: 'bench', secretAccessKey: 'bench'}, maxAttempts: 1});

// ---- load -----------------------------------------------------------------------------------------------------
const now = Date.now();
const span = 20 * 60 * 60 * 1000;
const loadStart = performance.now();
const {bytes, requests} = await loadEvents(client, {group: GROUP, total, streamCount, now, span});
const loadMs = performance.now() - loadStart;
const afterLoad = await emulatorRss();
console.log(`loaded ${total.toLocaleString('en-US')} events (${(bytes / 2 ** 20).toFixed(0)} MB of messages) in ${(loadMs / 1000).toFixed(1)} s, ${requests} PutLogEvents; emulator RSS ${afterLoad.rssMb.toFixed(0)} MB`);

// ---- queries ----------------------------------------------------------------------------------------------------
const PANELS: Record<string, string> = {
	volume: 'stats count(*) as events, count_distinct(messageId) as messages, sum(totalMessagePrice) as spend',
	'by country': 'filter isFinal = 1 | stats count(*) as final, sum(messageStatus = "DELIVERED") / count(*) * 100 as delivered by isoCountryCode | sort final desc',
	'failures': 'filter isFinal = 1 and messageStatus != "DELIVERED" | stats count(*) as n by messageStatus, isoCountryCode | sort n desc | limit 20',
	'latency': 'filter isFinal = 1 | fields eventTimestamp - messageRequestTimestamp as latency | stats pct(latency, 50) as p50, pct(latency, 95) as p95, pct(latency, 99) as p99',
	'time bins': 'stats count(*) as events, sum(isFinal = 1 and messageStatus != "DELIVERED") as failed by bin(1h) as hour | sort hour asc',
	'newest failures': 'filter messageStatus in ["CARRIER_UNREACHABLE", "BLOCKED"] | fields @timestamp, messageId, isoCountryCode | sort @timestamp desc | limit 20',
};
const window = {startTime: Math.floor((now - span) / 1000) - 60, endTime: Math.floor(now / 1000) + 60};

interface Timed {
	panel: string;
	ms: number;
	runningAnswers: number;
	partialScanned: number;
	recordsScanned: number;
	recordsMatched: number;
	mbScanned: number;
	rows: number;
}

async function timed(panel: string): Promise<Timed> {
	const start = performance.now();
	const {queryId} = await client.send(new StartQueryCommand({logGroupName: GROUP, ...window, queryString: PANELS[panel]}));
	let runningAnswers = 0;
	let partialScanned = 0;
	for (;;) {
		const answer = await client.send(new GetQueryResultsCommand({queryId}));
		if (answer.status === 'Complete') {
			const s = answer.statistics!;
			return {panel, ms: performance.now() - start, runningAnswers, partialScanned, recordsScanned: s.recordsScanned!, recordsMatched: s.recordsMatched!, mbScanned: s.bytesScanned! / 2 ** 20, rows: answer.results!.length};
		}
		if (answer.status !== 'Scheduled' && answer.status !== 'Running') throw new Error(`${panel}: ${answer.status}`);
		runningAnswers++;
		if (answer.status === 'Running' && partialScanned === 0 && answer.statistics!.recordsScanned! < total) partialScanned = answer.statistics!.recordsScanned!;
		await new Promise(r => setTimeout(r, 50));
	}
}

const oneByOne: Timed[] = [];
for (const panel of Object.keys(PANELS)) oneByOne.push(await timed(panel));
const dashboardStart = performance.now();
const together = await Promise.all(Object.keys(PANELS).map(timed));
const dashboardMs = performance.now() - dashboardStart;
const afterQueries = await emulatorRss();

console.table(oneByOne.map(t => ({panel: t.panel, 's to Complete': (t.ms / 1000).toFixed(2), 'Running answers': t.runningAnswers, 'first partial scanned': t.partialScanned, scanned: t.recordsScanned, matched: t.recordsMatched, 'MB scanned': t.mbScanned.toFixed(0), rows: t.rows})));
console.log(`all ${together.length} panels at once (a dashboard): ${(dashboardMs / 1000).toFixed(2)} s to the last Complete`);
console.log(`emulator peak RSS ${afterQueries.maxRssMb.toFixed(0)} MB (after the load ${afterLoad.maxRssMb.toFixed(0)} MB)`);

mkdirSync(join(import.meta.dirname, 'results'), {recursive: true});
writeFileSync(
	join(import.meta.dirname, 'results', 'insights-emulator.json'),
	JSON.stringify({benchmark: 'insights-emulator', date: new Date().toISOString(), events: total, streams: streamCount, loadMs, putRequests: requests, messageMb: bytes / 2 ** 20, oneByOne, dashboardMs, emulatorRssAfterLoadMb: afterLoad.rssMb, emulatorPeakRssMb: afterQueries.maxRssMb}, null, 2) + '\n',
);
client.destroy();
child.stdin!.end();
await new Promise(resolve => child.once('exit', resolve));
