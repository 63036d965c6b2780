// smsdeck opt-outs add|remove --list NAME NUMBER: the number is checked as E.164 before any call.
import {deleteOptedOutNumber, putOptedOutNumber} from '../services/changesService.js';
import {resolveIdentity} from '../services/identityResolver.js';
import {parseE164} from '../domain/e164.js';
import {checkOptOutListName} from '../domain/settingsRules.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {renderLines} from './printTable.js';
import type {CommandInput, CommandIO, GlobalOptions} from './types.js';

export async function changeOptOut(action: 'add' | 'remove', {args, options}: CommandInput, globals: GlobalOptions, io: CommandIO): Promise<number> {
	return runChange(io, async () => {
		const command = `opt-outs ${action}`;
		const typed = options.list as string;
		const yes = options.yes === true;
		const listOk = checkOptOutListName(typed);
		if (!listOk.ok) throw new RuleError(`${command}: ${listOk.reason}`);
		const number = parseE164(args[0]);
		if (!number.ok) throw new RuleError(`${command}: ${number.reason}`);
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const {id: list} = await resolveIdentity(clients, 'optOutList', typed);
			const op = action === 'add' ? 'put-opted-out-number' : 'delete-opted-out-number';
			const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', op, {'opt-out-list-name': list, 'opted-out-number': number.e164});
			const what = action === 'add' ? `Opt out ${number.e164} on list ${list}` : `Remove ${number.e164} from opt-out list ${list}`;
			const ok = await confirm(command, io, {yes, typed: action === 'remove' ? 'delete' : undefined, summary: [what, `$ ${cli}`]});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			const out = action === 'add' ? await putOptedOutNumber(clients, list, number.e164) : await deleteOptedOutNumber(clients, list, number.e164);
			await auditChange(io.env, changeLine(clients.connection.region, what, action === 'add' ? '' : 'opted out', action === 'add' ? 'opted out' : '', out.requestId), io);
			io.stdout.write(renderLines([`${what}: done${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
		});
	});
}
