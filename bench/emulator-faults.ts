// The emulator under hard times, full size (test/e2e/emulator-faults.test.ts runs small versions):
//   - 1,100 connections dribbling a request body, or header lines, one byte a second, while the emulator may
//     hold 1,024 open files: does a DescribePools from another client answer, and how fast;
//   - 100 kill -9 cycles, each while --state is being written: acknowledged changes lost, temp files left.
//   node --import tsx bench/emulator-faults.ts [--connections 1100] [--open-files 1024] [--cycles 100]
//                                              [--baseline other/smsdeck.mjs]
// With --baseline, the same runs against that build too, side by side. Writes bench/results/emulator-faults.json.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {distPath} from '../test/helpers/terminal.js';
import {killCycles, openSlowClients, probeDescribePools, startEmulatorProcess, type KillCycleFigures} from '../test/helpers/emulatorFaults.js';

const {values} = parseArgs({
	options: {
		connections: {type: 'string', default: '1100'},
		'open-files': {type: 'string', default: '1024'},
		cycles: {type: 'string', default: '100'},
		baseline: {type: 'string'},
	},
});
const connections = Number(values.connections);
const openFiles = Number(values['open-files']);
const cycles = Number(values.cycles);
const builds: Record<string, string> = {this: distPath(), ...(values.baseline ? {baseline: values.baseline} : {})};

interface SlowFigures {
	answered: number;
	failed: number;
	medianMs?: number;
	maxMs?: number;
	closedForRoomOrTime: number;
	firstFailure?: string;
}

async function slowRun(bundle: string, mode: 'body' | 'headers'): Promise<SlowFigures> {
	const emulator = await startEmulatorProcess(['--port', '0', '--seed', 'default'], {openFiles, bundle});
	const crowd = await openSlowClients(emulator.url, connections, mode);
	try {
		const probe = await probeDescribePools(emulator.url, 10, 300, 10_000);
		const sorted = [...probe.latencies].sort((a, b) => a - b);
		return {
			answered: sorted.length,
			failed: probe.failures.length,
			medianMs: sorted.length ? Math.round(sorted[sorted.length >> 1]) : undefined,
			maxMs: sorted.length ? Math.round(sorted.at(-1)!) : undefined,
			closedForRoomOrTime: crowd.closed(),
			firstFailure: probe.failures[0],
		};
	} finally {
		crowd.close();
		await emulator.stop();
	}
}

const results: Record<string, {slowBodies: SlowFigures; slowHeaders: SlowFigures; kills: KillCycleFigures}> = {};
for (const [name, bundle] of Object.entries(builds)) {
	process.stdout.write(`${name} (${bundle}): ${connections} slow bodies… `);
	const slowBodies = await slowRun(bundle, 'body');
	process.stdout.write(`slow headers… `);
	const slowHeaders = await slowRun(bundle, 'headers');
	process.stdout.write(`${cycles} kill -9 cycles…\n`);
	const home = mkdtempSync(join(tmpdir(), 'smsdeck-bench-faults-'));
	try {
		results[name] = {slowBodies, slowHeaders, kills: await killCycles(join(home, 'state.json'), cycles, bundle)};
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

const row = (label: string, pick: (r: (typeof results)[string]) => unknown) =>
	Object.fromEntries([['', label], ...Object.entries(results).map(([name, r]) => [name, pick(r)])]);
const slowCell = (f: SlowFigures) => (f.answered ? `${f.answered}/10 answered, median ${f.medianMs} ms, max ${f.maxMs} ms` : `0/10 answered (${f.firstFailure?.slice(0, 40)})`);
console.table([
	row(`DescribePools, ${connections} slow bodies, ulimit -n ${openFiles}`, r => slowCell(r.slowBodies)),
	row(`DescribePools, ${connections} slow headers, ulimit -n ${openFiles}`, r => slowCell(r.slowHeaders)),
	row('slow connections closed by the emulator (bodies / headers)', r => `${r.slowBodies.closedForRoomOrTime} / ${r.slowHeaders.closedForRoomOrTime}`),
	row(`kill -9 cycles: kills mid-write`, r => `${r.kills.killsMidWrite} of ${r.kills.cycles}`),
	row('acknowledged changes lost', r => `${r.kills.lost.length} of ${r.kills.acknowledged}`),
	row('temp files found after restarts (sum) / left at the end', r => `${r.kills.tempFilesAfterRestart} / ${r.kills.leftAtEnd.length}`),
	row('ms per cycle (start, check, write, kill)', r => r.kills.msPerCycle),
]);
mkdirSync(join(import.meta.dirname, 'results'), {recursive: true});
writeFileSync(
	join(import.meta.dirname, 'results', 'emulator-faults.json'),
	JSON.stringify({benchmark: 'emulator-faults', date: new Date().toISOString(), connections, openFiles, cycles, results}, null, 2) + '\n',
);
