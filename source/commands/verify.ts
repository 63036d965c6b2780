// smsdeck verify list|add|send-code|confirm|delete: verified destination numbers (the sandbox sends only to these
// and to simulator numbers). The number is checked (E.164) and the code's form before any call.
import {findVerifiedNumber, listVerifiedNumbers, type VerifiedNumber} from '../services/verifiedService.js';
import {createVerifiedNumber, deleteVerifiedNumber, sendVerificationCode, verifyDestinationNumber, type ChangeResult} from '../services/changesService.js';
import type {Clients} from '../services/clients.js';
import {parseE164} from '../domain/e164.js';
import {checkVerificationCode} from '../domain/verification.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {iso} from './browse.js';
import {renderJson, renderLines, writeRows} from './printTable.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction, CommandIO, GlobalOptions} from './types.js';

const SMS = 'pinpoint-sms-voice-v2' as const;

/** The number as typed: an E.164 number (checked) or an id/ARN. */
function numberArg(command: string, typed: string): string {
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

const list: CommandAction = async (_input, globals, io) =>
	runChange(io, async () =>
		withChangeClients(globals, io, async clients => {
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
		}),
	);

/** The options of verify add|send-code|confirm|delete; --channel and --language are choices the command tree checked. */
interface ChangeOptions {
	channel?: 'TEXT' | 'VOICE';
	language?: string;
	code?: string;
	yes?: boolean;
}

/** A change to one verified destination number: the number and the code checked, read-only and confirmability, before any call. */
function numberChange(action: 'add' | 'send-code' | 'confirm' | 'delete'): CommandAction {
	const command = `verify ${action}`;
	return async ({args: [typedArg], options}, globals, io) =>
		runChange(io, async () => {
			const typed = numberArg(command, typedArg);
			const {channel = 'TEXT', language, code, yes = false} = options as ChangeOptions;
			// Every rule that needs no call, before connecting (the command tree made --code required for confirm).
			if (action === 'confirm') {
				const check = checkVerificationCode(code!);
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
						send: () => sendVerificationCode(clients, id, channel, language),
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
}

export const actions = {
	list,
	add: numberChange('add'),
	'send-code': numberChange('send-code'),
	confirm: numberChange('confirm'),
	delete: numberChange('delete'),
} satisfies Record<string, CommandAction>;
export const run = commandRunner('verify');
