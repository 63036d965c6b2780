// Runs a scriptable subcommand in-process, as `smsdeck <command>` would, and collects what it prints.
import {Writable} from 'node:stream';
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

/** Global options for a run against `endpointUrl` in us-east-1, with preferences from `configDir`. */
export async function runCommand(
	cmd: SubcommandRun,
	args: string[],
	{endpointUrl, configDir, globals = {}}: {endpointUrl: string; configDir: string; globals?: Partial<GlobalOptions>},
): Promise<CommandResult> {
	const stdout = new Sink();
	const stderr = new Sink();
	const io: CommandIO = {stdout, stderr, env: {SMSDECK_CONFIG_DIR: configDir}};
	const options: GlobalOptions = {local: false, readOnly: false, noColor: false, ascii: false, json: false, endpointUrl, region: 'us-east-1', ...globals};
	const code = await cmd(args, options, io);
	return {code, out: stdout.text, err: stderr.text};
}
