// Where a run talks to: Region, profile and endpoint from the global options, the environment and the last
// choices in preferences (the console and the scriptable subcommands resolve them the same way), plus the
// in-process emulator for --local. No Ink here.
import {DEFAULT_REGION, findRegion} from '../domain/regions.js';
import type {Preferences} from '../config/prefs.js';
import type {Clients, Connection} from '../services/clients.js';
import {UsageError, type GlobalOptions} from './types.js';

export interface ConnectionSettings {
	region: string;
	/** The profile to use (undefined: the SDK's default chain). */
	profile?: string;
	endpoint?: string;
	local: boolean;
}

/** --region, then AWS_REGION / AWS_DEFAULT_REGION, then the last Region used, then us-east-1. */
export function resolveSettings(globals: GlobalOptions, env: NodeJS.ProcessEnv, stored: Partial<Preferences> = {}): ConnectionSettings {
	if (globals.region && !findRegion(globals.region)) {
		throw new UsageError(`--region ${globals.region} is not an End User Messaging SMS Region (see smsdeck regions)`);
	}
	const envRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION;
	const region =
		globals.region ??
		(envRegion && findRegion(envRegion) ? envRegion : undefined) ??
		(stored.lastRegion && findRegion(stored.lastRegion) ? stored.lastRegion : undefined) ??
		DEFAULT_REGION;
	const profile = globals.profile ?? env.AWS_PROFILE ?? stored.lastProfile;
	return {region, profile, endpoint: globals.endpointUrl, local: globals.local};
}

export interface LocalEmulator {
	url: string;
	close(): Promise<void>;
}

/** --local: the built-in emulator, in this process, on a free loopback port. */
export async function startLocalEmulator(): Promise<LocalEmulator> {
	const {startEmulator} = await import('../emulator/index.js');
	return startEmulator({port: 0, host: '127.0.0.1', seed: 'default', quiet: true});
}

export interface Connected {
	connection: Connection;
	clients: Clients;
	/** Destroys the clients and stops the emulator, if one was started. */
	close(): Promise<void>;
}

/** Clients for one scriptable run: resolves the connection, starts the emulator for --local. */
export async function connect(globals: GlobalOptions, env: NodeJS.ProcessEnv): Promise<Connected> {
	const {openPreferences} = await import('../config/prefs.js');
	const settings = resolveSettings(globals, env, openPreferences(env).get());
	let emulator: LocalEmulator | undefined;
	let endpoint = settings.endpoint;
	if (settings.local) {
		emulator = await startLocalEmulator();
		endpoint = emulator.url;
	}
	const connection: Connection = {region: settings.region, profile: settings.local ? undefined : settings.profile, endpoint, local: settings.local};
	const [{createClients, destroyClients}, {RateLimiter}, {Health}] = await Promise.all([
		import('../services/clients.js'),
		import('../services/rateLimiter.js'),
		import('../services/health.js'),
	]);
	let clients: Clients;
	try {
		const {terminalMfaCodeProvider} = await import('./mfaPrompt.js');
		clients = await createClients(connection, {limiter: new RateLimiter(), health: new Health(), env, mfaCodeProvider: terminalMfaCodeProvider()});
	} catch (error) {
		await emulator?.close();
		throw error;
	}
	return {
		connection,
		clients,
		async close() {
			destroyClients(clients);
			await emulator?.close();
		},
	};
}
