// smsdeck verify list|add|send-code|confirm|delete: verified destination numbers (the sandbox sends only to these
// and to simulator numbers). The number is checked (E.164) and the code's form before any call.
import {findVerifiedNumber, listVerifiedNumbers, type VerifiedNumber} from '../services/verifiedService.js';
import {createVerifiedNumber, deleteVerifiedNumber, sendVerificationCode, verifyDestinationNumber, type ChangeResult} from '../services/changesService.js';
import type {Clients} from '../services/clients.js';
import {parseE164} from '../domain/e164.js';
import {checkVerificationCode, VERIFICATION_CHANNELS, VERIFICATION_LANGUAGES} from '../domain/verification.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {iso} from './browse.js';
import {renderJson, renderLines, writeRows} from './printTable.js';
import {auditChange, changeLine, confirm, parseChangeArgs, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {UsageError, type CommandIO, type GlobalOptions, type SubcommandRun} from './types.js';

export const usage = `Usage:
  smsdeck verify [list]
  smsdeck verify add NUMBER [--yes]
  smsdeck verify send-code NUMBER [--channel TEXT|VOICE] [--language EN_US] [--yes]
  smsdeck verify confirm NUMBER --code CODE [--yes]
  smsdeck verify delete NUMBER [--yes]

Verified destination numbers: in the sandbox, SMS and voice go only to these and to simulator numbers (at most
10 per account). "add" makes one PENDING; "send-code" texts (TEXT, the default) or calls (VOICE) it a new code,
valid 15 minutes (the first code of a number is free, later ones are billed); "confirm" enters the code and the
number turns VERIFIED; "delete" removes it (allowed 24 hours after it was added; typed "delete" on a terminal).
NUMBER is the E.164 number (e.g. +12065550142) or its verified-destination-number id or ARN.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local, --json (list: the API's shapes; a change:
{Region, Change, Result, RequestId}), --read-only
(refuses changes). Changes ask on a terminal; --yes confirms without asking (needed when stdin is not a terminal).
Exit code 0; 1 when the service refuses (its reason on stderr, e.g. a wrong code); 2 on bad input or a change
without confirmation (nothing sent).
`;

const SMS = 'pinpoint-sms-voice-v2' as const;

/** The number as typed: an E.164 number (checked) or an id/ARN. */
function numberArg(command: string, positional: string[]): string {
	const [typed, extra] = positional;
	if (!typed) throw new UsageError(`${command}: say which number (E.164, or its id)`);
	if (extra !== undefined) throw new UsageError(`${command}: one number at a time (got "${extra}" too)`);
	if (/^verified-|^arn:/.test(typed)) return typed;
	const r = parseE164(typed);
	if (!r.ok) throw new RuleError(`${command}: "${typed}" is not an E.164 phone number: ${r.reason.replace(/\.$/, "")}; nothing was sent`);
	return r.e164;
}

async function requireNumber(clients: Clients, command: string, typed: string): Promise<VerifiedNumber & {VerifiedDestinationNumberId: string}> {
	const found = await findVerifiedNumber(clients, typed);
	if (!found?.VerifiedDestinationNumberId) throw new RuleError(`${command}: ${typed} is not a verified destination number in ${clients.connection.region} (smsdeck verify add ${typed})`);
	return found as VerifiedNumber & {VerifiedDestinationNumberId: string};
}

/** Confirms, sends, audits and prints one change. */
async function change(
	io: CommandIO,
	globals: GlobalOptions,
	clients: Clients,
	command: string,
	plan: {yes: boolean; typed?: string; what: string; before: string; after: string; cli: string; send: () => Promise<ChangeResult>},
): Promise<number> {
	const ok = await confirm(command, io, {yes: plan.yes, typed: plan.typed, summary: [`${plan.what}: ${plan.before || '(none)'} → ${plan.after}`, `$ ${plan.cli}`]});
	if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
	const out = await plan.send();
	await auditChange(io.env, changeLine(clients.connection.region, plan.what, plan.before, out.detail ?? plan.after, out.requestId), io);
	if (globals.json) io.stdout.write(renderJson({Region: clients.connection.region, Change: plan.what, Result: out.detail ?? plan.after, RequestId: out.requestId ?? null}));
	else io.stdout.write(renderLines([`${plan.what}: ${out.detail ?? plan.after}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
	return 0;
}

export const run: SubcommandRun = async (args, globals, io) =>
	runChange(io, async () => {
		const [first, ...rest] = args;
		const action = first === undefined || first.startsWith('--') ? 'list' : first;
		const tail = first === undefined || first.startsWith('--') ? args : rest;
		const command = `verify ${action}`;
		if (action === 'list') {
			const parsed = parseChangeArgs(command, tail, [], []);
			if (parsed.positional.length > 0) throw new UsageError(`${command}: takes no argument`);
			return withChangeClients(globals, io, async clients => {
				const numbers = await listVerifiedNumbers(clients);
				writeRows(
					io.stdout,
					globals.json,
					[
						{title: 'Number', value: v => v.DestinationPhoneNumber ?? ''},
						{title: 'Status', value: v => v.Status ?? ''},
						{title: 'Created', value: v => iso(v.CreatedTimestamp)},
						{title: 'Id', value: v => v.VerifiedDestinationNumberId ?? ''},
					],
					numbers,
					rows => rows,
				);
			});
		}
		if (!['add', 'send-code', 'confirm', 'delete'].includes(action)) throw new UsageError(`verify: say list, add, send-code, confirm or delete (see smsdeck verify --help)`);
		const parsed = parseChangeArgs(command, tail, action === 'send-code' ? ['channel', 'language'] : action === 'confirm' ? ['code'] : []);
		const typed = numberArg(command, parsed.positional);
		const yes = parsed.flags.has('yes');
		// Every rule that needs no call, before connecting.
		const channel = parsed.options.channel ?? 'TEXT';
		if (!(VERIFICATION_CHANNELS as readonly string[]).includes(channel)) throw new UsageError(`${command}: --channel is TEXT or VOICE (case-sensitive), not "${channel}"`);
		const language = parsed.options.language;
		if (language !== undefined && !VERIFICATION_LANGUAGES.includes(language)) throw new UsageError(`${command}: --language is one of ${VERIFICATION_LANGUAGES.join(', ')}`);
		const code = parsed.options.code;
		if (action === 'confirm') {
			if (code === undefined) throw new UsageError(`${command}: --code is required`);
			const check = checkVerificationCode(code);
			if (!check.ok) throw new RuleError(`${command}: ${check.reason}; nothing was sent`);
		}
		if (action === 'add' && !typed.startsWith('+')) throw new RuleError(`${command}: add takes the E.164 number, not an id; nothing was sent`);
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const conn = clients.connection;
			if (action === 'add') {
				return change(io, globals, clients, command, {
					yes,
					what: `Add ${typed} as a verified destination number`,
					before: '',
					after: `${typed} PENDING`,
					cli: awsCli(conn, SMS, 'create-verified-destination-number', {'destination-phone-number': typed}),
					send: () => createVerifiedNumber(clients, typed),
				});
			}
			const v = await requireNumber(clients, command, typed);
			const id = v.VerifiedDestinationNumberId;
			const label = v.DestinationPhoneNumber ?? id;
			if (action === 'send-code') {
				return change(io, globals, clients, command, {
					yes,
					what: `Send a verification code to ${label} by ${channel === 'VOICE' ? 'voice call' : 'SMS'}`,
					before: `${label} ${v.Status}`,
					after: 'a new code, valid 15 minutes',
					cli: awsCli(conn, SMS, 'send-destination-number-verification-code', {'verified-destination-number-id': id, 'verification-channel': channel, 'language-code': language}),
					send: () => sendVerificationCode(clients, id, channel as 'TEXT' | 'VOICE', language),
				});
			}
			if (action === 'confirm') {
				return change(io, globals, clients, command, {
					yes,
					what: `Verify ${label}`,
					before: `${label} ${v.Status}`,
					after: `${label} VERIFIED`,
					cli: awsCli(conn, SMS, 'verify-destination-number', {'verified-destination-number-id': id, 'verification-code': code}),
					send: () => verifyDestinationNumber(clients, id, code!),
				});
			}
			return change(io, globals, clients, command, {
				yes,
				typed: 'delete',
				what: `Delete the verified destination number ${label}`,
				before: `${label} ${v.Status}`,
				after: 'deleted',
				cli: awsCli(conn, SMS, 'delete-verified-destination-number', {'verified-destination-number-id': id}),
				send: () => deleteVerifiedNumber(clients, id),
			});
		});
	});
