// Shared setup for the sms-voice emulator tests: a real emulator on a free port, real SDK clients,
// an admin caller and a wait-for-condition helper.
import assert from 'node:assert/strict';
import {PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {CloudWatchLogsClient, FilterLogEventsCommand, type FilteredLogEvent} from '@aws-sdk/client-cloudwatch-logs';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

export const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};

export interface Harness {
	emu: RunningEmulator;
	sms(region?: string): PinpointSMSVoiceV2Client;
	logs(region?: string): CloudWatchLogsClient;
	admin<T = any>(action: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

export async function startHarness(seed: 'default' | 'big' | 'empty' = 'default', eventDelayMs = 5): Promise<Harness> {
	const emu = await startEmulator({port: 0, eventDelayMs, quiet: true, seed});
	const clients: {destroy(): void}[] = [];
	const make = <C extends {destroy(): void}>(create: () => C): C => {
		const c = create();
		clients.push(c);
		return c;
	};
	return {
		emu,
		sms: (region = 'us-east-1') => make(() => new PinpointSMSVoiceV2Client({endpoint: emu.url, region, credentials, maxAttempts: 1})),
		logs: (region = 'us-east-1') => make(() => new CloudWatchLogsClient({endpoint: emu.url, region, credentials, maxAttempts: 1})),
		async admin<T = any>(action: string, body: unknown = {}): Promise<T> {
			const res = await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}});
			const json = await res.json();
			if (!res.ok) throw Object.assign(new Error(`admin ${action}: ${JSON.stringify(json)}`), {status: res.status, body: json});
			return json as T;
		},
		async close() {
			for (const c of clients) c.destroy();
			await emu.close();
		},
	};
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 10));
	}
}

/** Asserts that a promise rejects with the named error and, when given, these members. */
export async function rejectsWith(promise: Promise<unknown>, name: string, members: Record<string, unknown> = {}): Promise<any> {
	try {
		await promise;
	} catch (error) {
		const e = error as Record<string, unknown>;
		assert.equal(e.name, name, `expected ${name}, got ${String(e.name)}: ${String(e.message)}`);
		for (const [k, v] of Object.entries(members)) assert.deepEqual(e[k], v, `${name}.${k}`);
		return error;
	}
	assert.fail(`expected ${name}, but the call succeeded`);
}

/** All events of a message in a log group, parsed, in order. */
export async function messageEvents(logs: CloudWatchLogsClient, group: string, messageId: string): Promise<Record<string, any>[]> {
	const out: FilteredLogEvent[] = [];
	let nextToken: string | undefined;
	do {
		const page = await logs.send(new FilterLogEventsCommand({logGroupName: group, nextToken}));
		out.push(...(page.events ?? []));
		nextToken = page.nextToken;
	} while (nextToken);
	return out.map(e => JSON.parse(e.message!)).filter(r => r.messageId === messageId);
}

/** Waits for a message's final event and returns all its events. */
export async function finalEvents(logs: CloudWatchLogsClient, group: string, messageId: string): Promise<Record<string, any>[]> {
	return waitFor(async () => {
		const events = await messageEvents(logs, group, messageId);
		return events.some(e => e.isFinal) ? events : undefined;
	}, 5000, `final event of ${messageId}`);
}
