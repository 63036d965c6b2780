// An in-process emulator with only its CloudWatch Logs service, and the real SDK client pointed at it over HTTP,
// for the unit tests of the Logs side (log groups and events, live tail, Logs Insights).
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {createServer, type EmulatorServer} from '../../source/emulator/server.js';
import {createWorld} from '../../source/emulator/world.js';
import {createLogsService, type LogsService} from '../../source/emulator/logs/index.js';
import type {EmulatorOptions} from '../../source/emulator/types.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};

export interface LogsHarness {
	url: string;
	server: EmulatorServer;
	logs: LogsService;
	client: CloudWatchLogsClient;
	/** POST /_smsdeck/<action>: the JSON answer. */
	admin(action: string, body?: unknown): Promise<any>;
	close(): Promise<void>;
}

/** Live tail updates come every 40 ms unless options say otherwise. */
export async function startLogsHarness(options: Partial<EmulatorOptions> = {}): Promise<LogsHarness> {
	const world = createWorld({options: {liveTailTickMs: 40, ...options}});
	const logs = createLogsService(world);
	world.logs = logs.writer;
	const server = createServer([logs.service], world, {onInternalError: error => console.error(error)});
	const port = await server.listen(0, '127.0.0.1');
	const url = `http://127.0.0.1:${port}`;
	const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials, disableHostPrefix: true, maxAttempts: 1});
	return {
		url,
		server,
		logs,
		client,
		async admin(action, body = {}) {
			const res = await fetch(`${url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body)});
			return res.json();
		},
		async close() {
			client.destroy();
			logs.close();
			await server.close();
		},
	};
}

/** Polls until probe answers something truthy (every 10 ms), or fails after timeoutMs. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 10));
	}
}
