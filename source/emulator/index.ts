// startEmulator: builds the world, the CloudWatch Logs, CloudWatch metrics, sms-voice and Pinpoint push services, optional
// --state persistence, and the HTTP (or, with `tls`, HTTPS) server on loopback.
import {createCloudWatchService} from './cloudwatch/index.js';
import {createLogsService} from './logs/index.js';
import {createPinpointService, PINPOINT_SERVICE_KEY as PINPOINT_KEY, pushSeedFor} from './pinpoint/index.js';
import type {ConnectionLimits} from './connections.js';
import {loadState, removeStaleTempFiles, StatePersistence, STATE_FORMAT, STATE_VERSION, type StateFile} from './persistence.js';
import {createServer} from './server.js';
import {createSmsVoiceService} from './smsvoice/index.js';
import type {SeedName} from './smsvoice/seeds.js';
import type {WrittenCaFile} from './tls.js';
import {certificateNames} from './tlsNames.js';
import type {EmulatedService, EmulatorWorld} from './types.js';
import {createWorld} from './world.js';

export interface EmulatorTlsOptions {
	/** More names for the server certificate (DNS names or IP addresses) than localhost, 127.0.0.1 and ::1. */
	names?: string[];
	/**
	 * Where to write the CA certificate (PEM). Default: next to `statePath` (`state.json` → `state.ca.pem`), else
	 * `ca.pem` in a new temporary directory that close() removes.
	 */
	caFile?: string;
}

export interface StartEmulatorOptions {
	port?: number;
	host?: string;
	seed?: SeedName;
	statePath?: string;
	throttle?: boolean;
	eventDelayMs?: number;
	reviewDelayMs?: number;
	liveTailTickMs?: number;
	liveTailTimeoutMs?: number;
	insightsTimeoutMs?: number;
	quiet?: boolean;
	/** Bounds on slow or idle clients (defaults in connections.ts; tests shorten them). */
	limits?: Partial<ConnectionLimits>;
	/** Serve HTTPS with a server certificate signed by a certificate authority made fresh for this start. */
	tls?: EmulatorTlsOptions;
}

export interface RunningEmulator {
	/** `http://…`, or `https://…` with `tls`. */
	url: string;
	port: number;
	world: EmulatorWorld;
	/** With `tls`: the path of the CA certificate clients must trust (AWS_CA_BUNDLE, --ca-bundle), and its PEM. */
	caFile?: string;
	caPem?: string;
	/** Stops accepting requests, ends live tails, writes the state file, and resolves when all is done. */
	close(): Promise<void>;
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
	const host = opts.host ?? '127.0.0.1';
	// node-forge is loaded (and evaluated) only for TLS. A bad name fails here, before anything has started.
	const tls = opts.tls ? await import('./tls.js') : undefined;
	const material = opts.tls && tls?.createTlsMaterial(certificateNames(opts.tls.names, host));
	let persistence: StatePersistence | undefined;
	const world = createWorld({
		options: {
			throttle: opts.throttle,
			eventDelayMs: opts.eventDelayMs,
			reviewDelayMs: opts.reviewDelayMs,
			liveTailTickMs: opts.liveTailTickMs,
			liveTailTimeoutMs: opts.liveTailTimeoutMs,
			insightsTimeoutMs: opts.insightsTimeoutMs,
		},
		markDirty: () => persistence?.markDirty(),
	});
	const logs = createLogsService(world);
	world.logs = logs.writer;
	const cloudwatch = createCloudWatchService(world);
	world.metrics = cloudwatch.writer;

	if (opts.statePath) await removeStaleTempFiles(opts.statePath);
	const saved = opts.statePath ? await loadState(opts.statePath) : undefined;
	if (saved) {
		world.accountId = saved.accountId ?? world.accountId;
		logs.service.restore(saved.services[logs.service.targetPrefix] ?? {});
		cloudwatch.service.restore(saved.services[cloudwatch.service.targetPrefix] ?? {});
	}
	// A restored world keeps its saved sms-voice state; seeding happens only for a fresh one.
	const smsVoice = createSmsVoiceService(world, saved ? 'empty' : (opts.seed ?? 'default'));
	if (saved && saved.services[smsVoice.targetPrefix] !== undefined) smsVoice.restore(saved.services[smsVoice.targetPrefix]);
	// Push state: restored when the file has it; a file from before push was emulated starts with the seed's.
	const pushSaved = saved?.services[PINPOINT_KEY];
	const pinpoint = createPinpointService(world, pushSaved !== undefined ? 'empty' : pushSeedFor(opts.seed ?? 'default'));
	if (pushSaved !== undefined) pinpoint.restore(pushSaved);
	const services: EmulatedService[] = [smsVoice, logs.service, cloudwatch.service, pinpoint];

	if (opts.statePath) {
		persistence = new StatePersistence(
			opts.statePath,
			(): StateFile => ({
				format: STATE_FORMAT,
				version: STATE_VERSION,
				savedAt: new Date().toISOString(),
				accountId: world.accountId,
				services: Object.fromEntries(services.map(s => [s.targetPrefix, s.snapshot()])),
			}),
			{
				// Undo changes that could not be saved (in-flight message events go too, as at a restart).
				restore(state) {
					world.accountId = state.accountId;
					for (const service of services) service.restore(state.services[service.targetPrefix] ?? {});
				},
				onError: opts.quiet ? () => {} : undefined,
			},
		);
		// Written at once, fresh or restored: a folder that is missing, read-only or full stops the start here
		// (StateError) instead of the first acknowledged change being lost.
		await persistence.save();
	}

	const server = createServer(services, world, {
		state: persistence,
		limits: opts.limits,
		onInternalError: opts.quiet
			? () => {}
			: (error, operation) => process.stderr.write(`smsdeck emulator: ${operation} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
		tls: material && {cert: material.cert, key: material.key},
	});
	const port = await server.listen(opts.port ?? 0, host);
	let caFile: WrittenCaFile | undefined;
	if (tls && material) {
		try {
			caFile = await tls.writeCaFile(material.caPem, opts.tls?.caFile, opts.statePath);
		} catch (error) {
			logs.close();
			await server.close();
			throw error;
		}
	}
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closing: Promise<void> | undefined;
	return {
		url: `${material ? 'https' : 'http'}://${urlHost}:${port}`,
		port,
		world,
		...(caFile && material ? {caFile: caFile.path, caPem: material.caPem} : {}),
		close() {
			closing ??= (async () => {
				logs.close();
				await server.close();
				await persistence?.close();
				await caFile?.cleanup();
			})();
			return closing;
		},
	};
}
