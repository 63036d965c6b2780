// What every scriptable change shares: the read-only refusal, the confirmation (--yes, a
// question on a terminal, a refusal on a non-terminal), the audit line, and the exit codes
// (0 done, 1 the service refused, 2 bad input, a rule broken before any call, or no confirmation).
import {createInterface} from 'node:readline/promises';
import {renderJson, renderLines, writeMessage} from './printTable.js';
import type {Clients} from '../services/clients.js';
import type {StagedEdit} from '../app/stagedEdits.js';
import {UsageError, type CommandIO, type GlobalOptions} from './types.js';

/** A refusal before any call: printed as one line, exit code 2. */
export class RuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RuleError';
	}
}

/**
 * --read-only, or a readOnlyProfiles pattern that matches the profile in use (decided by the resolver, as for the
 * connection itself): refused before anything is asked or sent. The clients refuse changes too; this says it first.
 */
export async function refuseReadOnly(command: string, globals: GlobalOptions, env: NodeJS.ProcessEnv): Promise<void> {
	const {resolveForCommand} = await import('./connect.js');
	const {readOnly, profile} = await resolveForCommand(globals, env);
	if (!readOnly.value) return;
	const why = readOnly.source === '--read-only' ? '--read-only is set' : `profile ${profile.value} is read-only (${readOnly.source} in preferences)`;
	throw new RuleError(`${command}: refused, ${why}; nothing was sent`);
}

export interface ConfirmOptions {
	yes: boolean;
	/** What will be done, and the aws command. */
	summary: string[];
	/** A word to type (money, deletion); undefined: y/N. */
	typed?: string;
	stdin?: NodeJS.ReadableStream & {isTTY?: boolean};
}

/** Before any call: without --yes, a change needs a terminal to ask on. */
export function requireConfirmable(command: string, yes: boolean, stdin: {isTTY?: boolean} = process.stdin): void {
	if (!yes && !stdin.isTTY) throw new RuleError(`${command}: needs --yes to change the account when stdin is not a terminal; nothing was sent`);
}

/** True when the change may go ahead. Without --yes on a non-terminal: a RuleError (exit 2). */
export async function confirm(command: string, io: CommandIO, options: ConfirmOptions): Promise<boolean> {
	if (options.yes) return true;
	const stdin = options.stdin ?? process.stdin;
	if (!stdin.isTTY) throw new RuleError(`${command}: needs --yes to change the account when stdin is not a terminal; nothing was sent`);
	io.stderr.write(renderLines(options.summary));
	const rl = createInterface({input: stdin, output: io.stderr});
	try {
		const answer = (await rl.question(options.typed ? `Type "${options.typed}" to go ahead: ` : 'Go ahead? [y/N] ')).trim();
		return options.typed ? answer === options.typed : /^y(es)?$/i.test(answer);
	} finally {
		rl.close();
	}
}

/** Appends the audit line to the auditFile preference, when set. */
export async function auditChange(env: NodeJS.ProcessEnv, line: string, io: CommandIO): Promise<void> {
	const {openPreferences} = await import('../config/prefs.js');
	const file = (await openPreferences(env)).get().auditFile;
	if (!file) return;
	const {appendAudit} = await import('../app/auditFile.js');
	const problem = appendAudit(file, line);
	if (problem) writeMessage(io.stderr, problem);
}

/** Runs a change subcommand body: RuleError → exit 2 with the reason. */
export async function runChange(io: CommandIO, body: () => Promise<number>): Promise<number> {
	try {
		return await body();
	} catch (error) {
		if (error instanceof RuleError) {
			writeMessage(io.stderr, error.message);
			return 2;
		}
		throw error;
	}
}

/** Connects, runs `body`, always closes. RuleError and UsageError pass through; a service error is exit 1. */
export async function withChangeClients(
	globals: GlobalOptions,
	io: CommandIO,
	body: (clients: import('../services/clients.js').Clients) => Promise<number | void>,
): Promise<number> {
	const {connect} = await import('./connect.js');
	const connected = await connect(globals, io);
	try {
		return (await body(connected.clients)) ?? 0;
	} catch (error) {
		if (error instanceof UsageError || error instanceof RuleError) throw error;
		const {reportFailure} = await import('./browse.js');
		return reportFailure(error, io);
	} finally {
		await connected.close();
	}
}

/** The audit line of a change made by a subcommand. */
export function changeLine(region: string, what: string, before: string, after: string, requestId: string | undefined): string {
	return `${new Date().toISOString()} ${region} ${what}: ${before || '(none)'} → ${after || '(none)'} request-id ${requestId ?? 'unknown'}`;
}

/**
 * A change the console would stage, made from the command line: the same plan (what, before and after, the aws
 * commands, the typed word), confirmed (--yes, or asked on a terminal), applied, audited and reported.
 */
export async function applyPlanned(command: string, io: CommandIO, clients: Clients, edit: StagedEdit, options: {yes: boolean; json: boolean}): Promise<number> {
	const summary = [`${edit.what}: ${edit.before || '(none)'} → ${edit.after || '(none)'}`, ...edit.cli.map(c => `$ ${c}`)];
	const ok = await confirm(command, io, {yes: options.yes, typed: edit.typed, summary});
	if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
	const out = await edit.apply(clients);
	await auditChange(io.env, changeLine(clients.connection.region, edit.what, edit.before, edit.after, out.requestId), io);
	io.stdout.write(
		options.json
			? renderJson({change: edit.what, before: edit.before, after: edit.after, detail: out.detail ?? null, requestId: out.requestId ?? null, commands: edit.cli})
			: renderLines([`${edit.what}: ${edit.after}${out.detail ? ` (${out.detail})` : ''}${out.requestId ? ` (request id ${out.requestId})` : ''}`]),
	);
	return 0;
}
