// An emulator with real @aws-sdk/client-pinpoint clients over HTTP, for the push (Pinpoint) tests: clients per
// Region, the seeded applications by name, and the admin endpoint.
import {after, before} from 'node:test';
import {GetAppsCommand, PinpointClient} from '@aws-sdk/client-pinpoint';
import {startEmulator, type RunningEmulator, type StartEmulatorOptions} from '../../source/emulator/index.js';

export interface PushEmulator {
	emu: RunningEmulator;
	pinpoint(region?: string): PinpointClient;
	/** The id of the application named `name` in `region`. */
	appId(name: string, region?: string): Promise<string>;
	admin<T = any>(action: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

export async function startPushEmulator(options: StartEmulatorOptions = {}): Promise<PushEmulator> {
	const emu = await startEmulator({port: 0, quiet: true, ...options});
	const clients = new Map<string, PinpointClient>();
	const pinpoint = (region = 'us-east-1') => {
		let client = clients.get(region);
		if (!client) {
			client = new PinpointClient({endpoint: emu.url, region, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}, maxAttempts: 1});
			clients.set(region, client);
		}
		return client;
	};
	return {
		emu,
		pinpoint,
		async appId(name, region = 'us-east-1') {
			const apps = await pinpoint(region).send(new GetAppsCommand({}));
			const app = apps.ApplicationsResponse?.Item?.find(a => a.Name === name);
			if (!app?.Id) throw new Error(`no application ${name} in ${region}`);
			return app.Id;
		},
		async admin(action, body = {}) {
			const res = await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}});
			const json = await res.json();
			if (!res.ok) throw new Error(`admin ${action}: ${JSON.stringify(json)}`);
			return json as any;
		},
		async close() {
			for (const client of clients.values()) client.destroy();
			await emu.close();
		},
	};
}

/** One emulator for the enclosing describe (started by its before hook, closed by its after hook). */
export function pushEmulatorForSuite(options: StartEmulatorOptions = {}): PushEmulator {
	let running: PushEmulator | undefined;
	before(async () => {
		running = await startPushEmulator(options);
	});
	after(() => running?.close());
	const get = () => {
		if (!running) throw new Error('the emulator is started by the before hook');
		return running;
	};
	return {
		get emu() {
			return get().emu;
		},
		pinpoint: region => get().pinpoint(region),
		appId: (name, region) => get().appId(name, region),
		admin: (action, body) => get().admin(action, body),
		close: () => get().close(),
	};
}
