// startEmulator: builds the world, the CloudWatch Logs and sms-voice services, optional --state persistence,
// and the HTTP server on loopback.
import {createLogsService} from './logs/index.js';
import {loadState, StatePersistence, STATE_FORMAT, STATE_VERSION, type StateFile} from './persistence.js';
import {createServer} from './server.js';
import {createSmsVoiceService} from './smsvoice/index.js';
import type {EmulatedService, EmulatorWorld} from './types.js';
import {createWorld} from './world.js';

export interface StartEmulatorOptions {
	port?: number;
	host?: string;
	seed?: 'default' | 'big' | 'empty';
	statePath?: string;
	throttle?: boolean;
	eventDelayMs?: number;
	liveTailTickMs?: number;
	liveTailTimeoutMs?: number;
	quiet?: boolean;
}

export interface RunningEmulator {
	url: string;
	port: number;
	world: EmulatorWorld;
	/** Stops accepting requests, ends live tails, writes the state file, and resolves when all is done. */
	close(): Promise<void>;
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
	const host = opts.host ?? '127.0.0.1';
	let persistence: StatePersistence | undefined;
	const world = createWorld({
		options: {
			throttle: opts.throttle,
			eventDelayMs: opts.eventDelayMs,
			liveTailTickMs: opts.liveTailTickMs,
			liveTailTimeoutMs: opts.liveTailTimeoutMs,
		},
		markDirty: () => persistence?.markDirty(),
	});
	const logs = createLogsService(world);
	world.logs = logs.writer;

	const saved = opts.statePath ? await loadState(opts.statePath) : undefined;
	if (saved) {
		world.accountId = saved.accountId ?? world.accountId;
		logs.service.restore(saved.services[logs.service.targetPrefix] ?? {});
	}
	// A restored world keeps its saved sms-voice state; seeding happens only for a fresh one.
	const smsVoice = createSmsVoiceService(world, saved ? 'empty' : (opts.seed ?? 'default'));
	if (saved && saved.services[smsVoice.targetPrefix] !== undefined) smsVoice.restore(saved.services[smsVoice.targetPrefix]);
	const services: EmulatedService[] = [smsVoice, logs.service];

	if (opts.statePath) {
		persistence = new StatePersistence(opts.statePath, (): StateFile => ({
			format: STATE_FORMAT,
			version: STATE_VERSION,
			savedAt: new Date().toISOString(),
			accountId: world.accountId,
			services: Object.fromEntries(services.map(s => [s.targetPrefix, s.snapshot()])),
		}));
		if (!saved) persistence.markDirty();
	}

	const server = createServer(services, world, {
		beforeRespond: () => persistence?.flush(),
		onInternalError: opts.quiet
			? () => {}
			: (error, operation) => process.stderr.write(`smsdeck emulator: ${operation} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
	});
	const port = await server.listen(opts.port ?? 0, host);
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		world,
		close() {
			closing ??= (async () => {
				logs.close();
				await server.close();
				await persistence?.close();
			})();
			return closing;
		},
	};
}
