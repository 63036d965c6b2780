// Hard times for the built `smsdeck emulator`, shared by test/e2e/emulator-faults.test.ts and
// bench/emulator-faults.ts: kill -9 while it writes its state file, and crowds of slow clients while it runs
// with a low open-file limit.
import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {readdirSync, statSync, watch} from 'node:fs';
import {connect, type Socket} from 'node:net';
import {basename, dirname} from 'node:path';
import {CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, paginateDescribeLogGroups} from '@aws-sdk/client-cloudwatch-logs';
import {DescribePoolsCommand, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {distPath, nodeBinary} from './terminal.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};

export interface EmulatorProcess {
	url: string;
	child: ChildProcess;
	stderr(): string;
	/** SIGKILL (or `signal`) and wait for the exit. */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface EmulatorProcessOptions {
	/** Run under `ulimit -n` of this many open files (soft and hard, so Node cannot raise it). */
	openFiles?: number;
	/** Another build of smsdeck.mjs (a benchmark's baseline); default the one in dist/. */
	bundle?: string;
}

/** `smsdeck --json emulator ARGS` from the built bundle; resolves once it prints where it listens. */
export async function startEmulatorProcess(args: string[], {openFiles, bundle = distPath()}: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
	const command = [nodeBinary(), bundle, '--json', 'emulator', ...args];
	const child =
		openFiles === undefined
			? spawn(command[0], command.slice(1), {stdio: ['ignore', 'pipe', 'pipe']})
			: spawn('sh', ['-c', `ulimit -n ${openFiles} && exec "$0" "$@"`, ...command], {stdio: ['ignore', 'pipe', 'pipe']});
	let out = '';
	let err = '';
	child.stderr!.setEncoding('utf8').on('data', chunk => (err += chunk));
	const exited = once(child, 'exit');
	const url = await new Promise<string>((resolve, reject) => {
		child.stdout!.setEncoding('utf8').on('data', chunk => {
			out += chunk;
			const line = out.split('\n')[0];
			if (out.includes('\n')) resolve(JSON.parse(line).url);
		});
		void exited.then(([code]) => reject(new Error(`the emulator exited (${code}) before listening: ${err}`)));
	});
	return {
		url,
		child,
		stderr: () => err,
		async stop(signal = 'SIGKILL') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		},
	};
}

/** The temp files of writeFileAtomic for `statePath`, in its folder. */
export function stateTempFiles(statePath: string): string[] {
	const prefix = `.${basename(statePath)}.`;
	return readdirSync(dirname(statePath)).filter(name => name.startsWith(prefix) && name.endsWith('.tmp'));
}

async function logGroupNames(logs: CloudWatchLogsClient, prefix: string): Promise<Set<string>> {
	const names = new Set<string>();
	for await (const page of paginateDescribeLogGroups({client: logs, pageSize: 50}, {logGroupNamePrefix: prefix})) {
		for (const group of page.logGroups ?? []) names.add(group.logGroupName!);
	}
	return names;
}

export interface KillCycleFigures {
	cycles: number;
	/** Kills that left a temp file behind (the write was under way). */
	killsMidWrite: number;
	/** Temp files found right after each restart, summed (should be 0: the start removes them). */
	tempFilesAfterRestart: number;
	/** Files next to the state file at the end, besides it. */
	leftAtEnd: string[];
	acknowledged: number;
	/** Acknowledged log groups a restart did not show. */
	lost: string[];
	stateBytes: number;
	msPerCycle: number;
}

/**
 * `cycles` times: start the emulator on `statePath`, check that every change acknowledged so far is there and
 * that no temp file is, then write until a temp file appears in the folder and kill -9 it right then.
 */
export async function killCycles(statePath: string, cycles: number, bundle?: string): Promise<KillCycleFigures> {
	const figures: KillCycleFigures = {cycles, killsMidWrite: 0, tempFilesAfterRestart: 0, leftAtEnd: [], acknowledged: 0, lost: [], stateBytes: 0, msPerCycle: 0};
	const acknowledged: string[] = [];
	const started = Date.now();
	for (let cycle = 0; cycle <= cycles; cycle++) {
		const emulator = await startEmulatorProcess(['--port', '0', '--seed', 'empty', '--state', statePath], {bundle});
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1});
		try {
			figures.tempFilesAfterRestart += stateTempFiles(statePath).length;
			const present = await logGroupNames(logs, '/acked/');
			figures.lost.push(...acknowledged.filter(name => !present.has(name)));
			if (cycle === cycles) break; // the last start only checks
			if (cycle === 0) await bulk(logs); // a state of a few MB: each write takes a while
			// A few changes go through first (1 to 5, varying by cycle); then the next write's temp file is the signal.
			const armAfter = 1 + (cycle % 5);
			let armed = false;
			const watcher = watch(dirname(statePath), (_event, name) => {
				if (armed && name?.startsWith(`.${basename(statePath)}.`)) emulator.child.kill('SIGKILL');
			});
			try {
				for (let i = 0; emulator.child.exitCode === null && emulator.child.signalCode === null; i++) {
					const name = `/acked/${cycle}/${i}`;
					armed = i >= armAfter;
					try {
						await logs.send(new CreateLogGroupCommand({logGroupName: name}));
					} catch {
						break; // killed mid-request: not acknowledged
					}
					acknowledged.push(name);
					if (i === armAfter + 200) emulator.child.kill('SIGKILL'); // the watcher never fired: kill anyway
				}
				await emulator.stop();
			} finally {
				watcher.close();
			}
			if (stateTempFiles(statePath).length > 0) figures.killsMidWrite++;
		} finally {
			logs.destroy();
			await emulator.stop();
		}
	}
	figures.msPerCycle = Math.round((Date.now() - started) / (cycles + 1));
	figures.acknowledged = acknowledged.length;
	figures.leftAtEnd = readdirSync(dirname(statePath)).filter(name => name !== basename(statePath));
	figures.stateBytes = statSync(statePath).size;
	return figures;
}

/** About 3 MB of log events in one group. */
async function bulk(logs: CloudWatchLogsClient): Promise<void> {
	await logs.send(new CreateLogGroupCommand({logGroupName: '/bulk'}));
	await logs.send(new CreateLogStreamCommand({logGroupName: '/bulk', logStreamName: 'filler'}));
	const message = 'x'.repeat(100_000);
	for (let batch = 0; batch < 6; batch++) {
		const timestamp = Date.now();
		await logs.send(new PutLogEventsCommand({logGroupName: '/bulk', logStreamName: 'filler', logEvents: Array.from({length: 5}, () => ({timestamp, message}))}));
	}
}

export interface SlowClients {
	/** How many of them the server has closed so far. */
	closed(): number;
	close(): void;
}

/**
 * `count` connections that each send a request and then one byte a second: of a 100 kB body after complete
 * headers (`body`), or header lines that never end (`headers`).
 */
export async function openSlowClients(url: string, count: number, mode: 'body' | 'headers'): Promise<SlowClients> {
	const {hostname, port} = new URL(url);
	const sockets: Socket[] = [];
	let closed = 0;
	const head =
		mode === 'body'
			? 'POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: PinpointSMSVoiceV2.DescribePools\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 100000\r\n\r\n{'
			: 'POST / HTTP/1.1\r\nHost: x\r\n';
	await Promise.all(
		Array.from({length: count}, async () => {
			const socket = connect(Number(port), hostname);
			sockets.push(socket);
			socket.on('error', () => {});
			socket.on('data', () => {});
			socket.once('close', () => closed++);
			await new Promise<void>(resolve => socket.once('connect', resolve).once('close', resolve));
			if (socket.writable) socket.write(head);
		}),
	);
	const drip = setInterval(() => {
		for (const socket of sockets) if (socket.writable) socket.write(mode === 'body' ? ' ' : 'X-Slow: 1\r\n');
	}, 1000);
	return {
		closed: () => closed,
		close() {
			clearInterval(drip);
			for (const socket of sockets) socket.destroy();
		},
	};
}

export interface ProbeFigures {
	/** Milliseconds of each DescribePools that answered. */
	latencies: number[];
	failures: string[];
}

/** `count` DescribePools calls, each from a new client on a new connection, `gapMs` apart, each given `timeoutMs`. */
export async function probeDescribePools(url: string, count: number, gapMs = 200, timeoutMs = 10_000): Promise<ProbeFigures> {
	const figures: ProbeFigures = {latencies: [], failures: []};
	for (let i = 0; i < count; i++) {
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1});
		const started = performance.now();
		try {
			await client.send(new DescribePoolsCommand({}), {abortSignal: AbortSignal.timeout(timeoutMs)});
			figures.latencies.push(performance.now() - started);
		} catch (error) {
			figures.failures.push(`${(error as Error).name}: ${(error as Error).message}`);
		} finally {
			client.destroy();
		}
		await new Promise(resolve => setTimeout(resolve, gapMs));
	}
	return figures;
}
