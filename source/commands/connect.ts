// Where a scriptable run talks to: the global options and the environment go through the one resolver
// (services/resolver.ts) — never a remembered profile or Region — plus the in-process emulator for --local.
// No Ink here.
import type {Clients, Connection} from '../services/clients.js';
import type {Resolution} from '../services/resolver.js';
import type {CommandIO, GlobalOptions} from './types.js';

export interface LocalEmulator {
	url: string;
	close(): Promise<void>;
}

/** --local: the built-in emulator, in this process, on a free loopback port. */
export async function startLocalEmulator(): Promise<LocalEmulator> {
	const {startEmulator} = await import('../emulator/index.js');
	return startEmulator({port: 0, host: '127.0.0.1', seed: 'default', quiet: true});
}

/** The resolution for a subcommand (the emulator's URL stands in for --local's until it runs). */
export async function resolveForCommand(globals: GlobalOptions, env: NodeJS.ProcessEnv, localUrl?: string): Promise<Resolution> {
	const [{resolve}, {readOnlyPolicyFromFile}] = await Promise.all([import('../services/resolver.js'), import('../config/prefs.js')]);
	return resolve({
		profile: globals.profile,
		region: globals.region,
		endpointUrl: globals.endpointUrl,
		localUrl: globals.local ? (localUrl ?? 'http://127.0.0.1:0') : undefined,
		readOnlyFlag: globals.readOnly,
		readOnly: readOnlyPolicyFromFile(env),
		env,
	});
}

export interface Connected {
	connection: Connection;
	resolution: Resolution;
	clients: Clients;
	/** Destroys the clients and stops the emulator, if one was started. */
	close(): Promise<void>;
}

/**
 * Clients for one scriptable run: resolves the connection (warnings on stderr), starts the emulator for --local.
 * `uses`: the services besides sms-voice the command calls (a --endpoint-url that leaves them at AWS is said once).
 */
export async function connect(globals: GlobalOptions, io: CommandIO, uses: readonly ('logs' | 'sts' | 'cloudwatch')[] = []): Promise<Connected> {
	const env = io.env;
	// Resolve first: bad configuration is refused before an emulator starts or anything is sent.
	let resolution = await resolveForCommand(globals, env);
	let emulator: LocalEmulator | undefined;
	if (globals.local) {
		emulator = await startLocalEmulator();
		resolution = await resolveForCommand(globals, env, emulator.url);
	}
	const {endpointScopeWarning} = await import('../services/resolver.js');
	const {writeMessage} = await import('./printTable.js');
	for (const warning of [...resolution.warnings, endpointScopeWarning(resolution, uses)]) if (warning) writeMessage(io.stderr, warning);
	if (resolution.readOnly.value && resolution.readOnly.source !== '--read-only') {
		const {readOnlyPolicyFromFile} = await import('../config/prefs.js');
		const problem = readOnlyPolicyFromFile(env).problem;
		if (problem) writeMessage(io.stderr, problem);
	}
	const [{createClients, destroyClients}, {RateLimiter}, {Health}, {callTimeouts}] = await Promise.all([
		import('../services/clients.js'),
		import('../services/rateLimiter.js'),
		import('../services/health.js'),
		import('../services/timeouts.js'),
	]);
	let clients: Clients;
	try {
		const {terminalMfaCodeProvider} = await import('./mfaPrompt.js');
		clients = await createClients(resolution.connection, {
			limiter: new RateLimiter(),
			health: new Health(),
			env,
			mfaCodeProvider: terminalMfaCodeProvider(),
			// No single call outlasts the command's --timeout.
			timeouts: callTimeouts(globals.timeoutMs),
		});
	} catch (error) {
		await emulator?.close();
		throw error;
	}
	return {
		connection: resolution.connection,
		resolution,
		clients,
		async close() {
			destroyClients(clients);
			await emulator?.close();
		},
	};
}
