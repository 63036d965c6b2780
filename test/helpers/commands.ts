// Runs a scriptable subcommand in-process, as `smsdeck <command>` would, and collects what it prints.
import {after, before} from 'node:test';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import type {CommandIO, GlobalOptions, SubcommandRun} from '../../source/commands/types.js';

export class Sink extends Writable {
	text = '';
	override _write(chunk: Buffer, _enc: string, done: () => void) {
		this.text += chunk.toString();
		done();
	}
}

/** CommandIO whose output is kept: out() and err() are what the command printed so far. */
export function captureIo(env: NodeJS.ProcessEnv = {}): {io: CommandIO; out(): string; err(): string} {
	const stdout = new Sink();
	const stderr = new Sink();
	return {io: {stdout, stderr, env}, out: () => stdout.text, err: () => stderr.text};
}

export interface CommandResult {
	code: number;
	out: string;
	err: string;
}

/**
 * Global options for a run against `endpointUrl` in us-east-1, with preferences from `configDir`: --endpoint-url
 * for sms-voice and AWS_ENDPOINT_URL for Logs and STS, as a user points every service at one endpoint.
 */
export async function runCommand(
	cmd: SubcommandRun,
	args: string[],
	{endpointUrl, configDir, globals = {}, env = {}}: {endpointUrl: string; configDir: string; globals?: Partial<GlobalOptions>; env?: Record<string, string>},
): Promise<CommandResult> {
	const stdout = new Sink();
	const stderr = new Sink();
	const io: CommandIO = {stdout, stderr, env: {SMSDECK_CONFIG_DIR: configDir, ...(endpointUrl ? {AWS_ENDPOINT_URL: endpointUrl} : {}), ...env}};
	const options: GlobalOptions = {local: false, readOnly: false, noColor: false, ascii: false, json: false, endpointUrl, region: 'us-east-1', ...globals};
	const code = await cmd(args, options, io);
	return {code, out: stdout.text, err: stderr.text};
}

export interface CommandBench {
	/** The running emulator (after the before hook). */
	readonly emulator: RunningEmulator;
	/** The preferences folder (SMSDECK_CONFIG_DIR) of the runs. */
	readonly configDir: string;
	/** Runs a subcommand against the emulator in us-east-1. */
	call(cmd: SubcommandRun, args: string[], globals?: Partial<GlobalOptions>, env?: Record<string, string>): Promise<CommandResult>;
	/** An emulator admin call (/_smsdeck/ACTION). */
	admin(action: string, body: unknown): Promise<Response>;
}

/**
 * For a test file of subcommands: starts an emulator and a temporary preferences folder (with `preferences` as
 * its config.json) before the tests, removes them after. Any AWS keys do for the emulator; the SDK's credential
 * chain reads them from the process environment.
 */
export function commandBench(prefix: string, preferences?: (configDir: string) => Record<string, unknown>): CommandBench {
	let emulator: RunningEmulator | undefined;
	let configDir: string | undefined;
	before(async () => {
		emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
		configDir = mkdtempSync(join(tmpdir(), `smsdeck-${prefix}-`));
		if (preferences) writeFileSync(join(configDir, 'config.json'), JSON.stringify(preferences(configDir)));
		process.env.AWS_ACCESS_KEY_ID = 'test';
		process.env.AWS_SECRET_ACCESS_KEY = 'test';
	});
	after(async () => {
		await emulator?.close();
		if (configDir) rmSync(configDir, {recursive: true, force: true});
	});
	const started = () => {
		if (!emulator || !configDir) throw new Error('commandBench: use it inside a test');
		return {emulator, configDir};
	};
	return {
		get emulator() {
			return started().emulator;
		},
		get configDir() {
			return started().configDir;
		},
		call: (cmd, args, globals = {}, env = {}) => runCommand(cmd, args, {endpointUrl: started().emulator.url, configDir: started().configDir, globals, env}),
		admin: (action, body) =>
			fetch(`${started().emulator.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}}),
	};
}
