// smsdeck emulator [--port N] [--host 127.0.0.1] [--seed default|big|empty|hostile] [--state FILE] [--throttle] [--event-delay MS] [--review-delay MS]
//                  [--tls [--tls-name NAME]… [--ca-file PATH]]
// Runs the local End User Messaging SMS + CloudWatch Logs emulator until SIGINT/SIGTERM.
import {shellQuote} from '../domain/shellQuote.js';
import {subjectAltName} from '../emulator/tlsNames.js';
import {UsageError, type CommandAction, type CommandInput, type CommandIO, type GlobalOptions} from './types.js';
import {setBudget} from './lifetime.js';

export const DEFAULT_EMULATOR_PORT = 4747;

type Seed = 'default' | 'big' | 'empty' | 'hostile';

export interface EmulatorFlags {
	port: number;
	host: string;
	seed: Seed;
	statePath?: string;
	throttle: boolean;
	eventDelayMs?: number;
	reviewDelayMs?: number;
	/** --tls, with its --tls-name and --ca-file values. */
	tls?: {names: string[]; caFile?: string};
}

/** Checks the command's options (as the command tree parsed them); returns an error line instead of throwing. */
export function emulatorFlags(options: Record<string, unknown>): EmulatorFlags | {error: string} {
	const values = options as Record<string, string | boolean | string[] | undefined>;
	const port = values.port === undefined ? DEFAULT_EMULATOR_PORT : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535 || (typeof values.port === 'string' && !/^\d+$/.test(values.port))) {
		return {error: `--port must be a whole number from 0 to 65535 (got "${values.port}")`};
	}
	// The command tree checks it is one of the seeds.
	const seed = (values.seed ?? 'default') as Seed;
	let eventDelayMs: number | undefined;
	if (values.eventDelay !== undefined) {
		const text = values.eventDelay as string;
		eventDelayMs = Number(text);
		if (!/^\d+$/.test(text) || eventDelayMs > 3_600_000) return {error: `--event-delay must be milliseconds from 0 to 3600000 (got "${text}")`};
	}
	let reviewDelayMs: number | undefined;
	if (values.reviewDelay !== undefined) {
		const text = values.reviewDelay as string;
		reviewDelayMs = Number(text);
		if (!/^\d+$/.test(text) || reviewDelayMs > 30 * 86_400_000) return {error: `--review-delay must be milliseconds from 0 to 2592000000 (30 days; got "${text}")`};
	}
	const host = (values.host as string | undefined) ?? '127.0.0.1';
	if (host.trim() === '') return {error: '--host must not be empty'};
	const statePath = values.state as string | undefined;
	if (statePath !== undefined && statePath.trim() === '') return {error: '--state needs a file name'};
	const names = (values.tlsName as string[] | undefined) ?? [];
	const caFile = values.caFile as string | undefined;
	if (values.tls !== true && (names.length > 0 || caFile !== undefined)) return {error: '--tls-name and --ca-file need --tls'};
	const badName = names.find(name => !subjectAltName(name));
	if (badName !== undefined) return {error: `--tls-name must be a DNS name or an IP address (got "${badName}")`};
	if (caFile !== undefined && caFile.trim() === '') return {error: '--ca-file needs a file name'};
	const tls = values.tls === true ? {names, caFile} : undefined;
	return {port, host, seed: seed as Seed, statePath, throttle: values.throttle === true, eventDelayMs, reviewDelayMs, tls};
}

export function isLoopback(host: string): boolean {
	return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function instructions(url: string, region: string, caFile: string | undefined): string {
	return [
		'Point the AWS CLI or an SDK at it:',
		`  export AWS_ENDPOINT_URL=${url}`,
		...(caFile ? [`  export AWS_CA_BUNDLE=${shellQuote(caFile)}`] : []),
		'  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test',
		`  export AWS_REGION=${region}`,
		`  aws --endpoint-url ${url} pinpoint-sms-voice-v2 describe-pools`,
		`  aws --endpoint-url ${url} pinpoint get-apps   (push applications)`,
		'For `aws logs start-live-tail`, also export AWS_DISABLE_HOST_PREFIX_INJECTION=true',
		'(the CLI would otherwise send it to the host "stream-127.0.0.1").',
		'Press Ctrl-C to stop.',
		'',
	].join('\n');
}

/** Resolves when SIGINT or SIGTERM arrives, or when `stop` aborts. */
function untilStopped(stop?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		const done = () => {
			process.off('SIGINT', done);
			process.off('SIGTERM', done);
			stop?.removeEventListener('abort', done);
			resolve();
		};
		process.on('SIGINT', done);
		process.on('SIGTERM', done);
		stop?.addEventListener('abort', done);
		if (stop?.aborted) done();
	});
}

/** The command with the words after `emulator` as typed; `stop` lets tests end it without a signal. */
export async function runEmulator(args: string[], globals: GlobalOptions, io: CommandIO, stop?: AbortSignal): Promise<number> {
	const {parseCommandLine} = await import('./commandTree.js');
	let line;
	try {
		line = parseCommandLine(['emulator', ...args]);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr.write(`smsdeck ${error.message}\n`);
		return 2;
	}
	if (line.kind !== 'command') return 2;
	return serve(line.input, {...globals, ...line.given}, io, stop);
}

async function serve({options}: CommandInput, globals: GlobalOptions, io: CommandIO, stop?: AbortSignal): Promise<number> {
	const flags = emulatorFlags(options);
	if ('error' in flags) {
		io.stderr.write(`smsdeck emulator: ${flags.error}\n`);
		return 2;
	}
	if (!isLoopback(flags.host)) {
		io.stderr.write(`smsdeck emulator: warning: listening on ${flags.host}, not loopback; anyone who can reach it can use it (it accepts any credentials)\n`);
	}
	const {startEmulator} = await import('../emulator/index.js');
	const {StateError} = await import('../emulator/persistence.js');
	let emulator: Awaited<ReturnType<typeof startEmulator>>;
	try {
		emulator = await startEmulator({
			port: flags.port,
			host: flags.host,
			seed: flags.seed,
			statePath: flags.statePath,
			throttle: flags.throttle,
			eventDelayMs: flags.eventDelayMs,
			reviewDelayMs: flags.reviewDelayMs,
			tls: flags.tls,
		});
	} catch (error) {
		if (error instanceof StateError) {
			io.stderr.write(`smsdeck emulator: ${error.message}\n`);
			return 2;
		}
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') io.stderr.write(`smsdeck emulator: port ${flags.port} on ${flags.host} is already in use (try --port 0 for a free one)\n`);
		else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') io.stderr.write(`smsdeck emulator: cannot listen on ${flags.host}\n`);
		else io.stderr.write(`smsdeck emulator: cannot start: ${(error as Error).message}\n`);
		return 1;
	}
	const region = globals.region ?? io.env.AWS_REGION ?? 'us-east-1';
	if (globals.json) {
		const summary = {url: emulator.url, port: emulator.port, region, seed: flags.seed, state: flags.statePath ?? null, caFile: emulator.caFile ?? null};
		io.stdout.write(JSON.stringify(summary) + '\n');
	} else {
		const details = [`seed ${flags.statePath ? `from ${flags.statePath} or ${flags.seed}` : flags.seed}`, flags.throttle ? 'throttling on' : undefined]
			.filter(Boolean)
			.join(', ');
		const ca = emulator.caFile ? `CA certificate (new at every start): ${emulator.caFile}\n` : '';
		io.stdout.write(`smsdeck emulator listening on ${emulator.url} (${details})\n${ca}${instructions(emulator.url, region, emulator.caFile)}`);
	}
	await untilStopped(stop);
	await emulator.close();
	if (!globals.json) io.stdout.write('smsdeck emulator stopped\n');
	return 0;
}

const start: CommandAction = (input, globals, io) => {
	// It serves until it is stopped: no time budget.
	setBudget(undefined);
	return serve(input, globals, io);
};

export const actions = {run: start} satisfies Record<string, CommandAction>;
