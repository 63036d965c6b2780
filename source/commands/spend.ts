// smsdeck spend [set text|media|voice DOLLARS | clear text|media|voice]: the monthly spend limits per channel,
// and setting or clearing the enforced limit (whole dollars from 1 to the account limit, checked before any call).
import {describeAccount} from '../services/accountService.js';
import {clearSpendLimit, setSpendLimit} from '../services/changesService.js';
import {channelForLimitName, checkSpendLimit, limitNameForChannel, spendChannelInfo, spendLimitCliCommand, type SpendChannel} from '../domain/spendRules.js';
import {formatDollars} from '../domain/format.js';
import {renderLines, writeRows} from './printTable.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction, CommandInput, CommandIO, GlobalOptions} from './types.js';

const list: CommandAction = async (_input, globals, io) =>
	runChange(io, async () =>
		withChangeClients(globals, io, async clients => {
			const account = await describeAccount(clients);
			const rows = account.spendLimits.filter(s => channelForLimitName(s.name));
			writeRows(
				io.stdout,
				globals.json,
				[
					{title: 'Channel', value: s => spendChannelInfo(channelForLimitName(s.name)!).channel},
					{title: 'Label', value: s => spendChannelInfo(channelForLimitName(s.name)!).label},
					{title: 'Enforced', value: s => formatDollars(s.enforced), align: 'right'},
					{title: 'Max', value: s => formatDollars(s.max), align: 'right'},
					{title: 'Overridden', value: s => (s.overridden ? 'yes' : 'no')},
				],
				rows,
				r => r.map(s => ({Name: s.name, EnforcedLimit: s.enforced, MaxLimit: s.max, Overridden: s.overridden})),
			);
		}),
	);

/** spend set|clear CHANNEL [DOLLARS]: the channel is one of text, media, voice (checked by the command tree). */
function change(action: 'set' | 'clear', {args, options}: CommandInput, globals: GlobalOptions, io: CommandIO): Promise<number> {
	return runChange(io, async () => {
		const command = `spend ${action}`;
		const channel = args[0] as SpendChannel;
		const yes = options.yes === true;
		const info = spendChannelInfo(channel);
		const dollarsText: string | undefined = args[1];
		if (action === 'set') {
			// What can be known without a call: a whole number of dollars, at least 1.
			const shape = checkSpendLimit(dollarsText!, Number.MAX_SAFE_INTEGER);
			if (!shape.ok) throw new RuleError(`${command}: ${shape.reason}`);
		}
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const account = await describeAccount(clients);
			const current = account.spendLimits.find(s => s.name === limitNameForChannel(channel));
			if (!current) throw new RuleError(`${command}: the service reports no ${info.label} spend limit in ${clients.connection.region}`);
			const checked = action === 'set' ? checkSpendLimit(dollarsText!, current.max) : undefined;
			const where = ` --region ${clients.connection.region}${clients.connection.endpoint ? ` --endpoint-url ${clients.connection.endpoint}` : ''}`;
			const cli = spendLimitCliCommand(channel, checked?.ok ? checked.value : undefined) + where;
			if (action === 'set') {
				const r = checked!;
				if (!r.ok) throw new RuleError(`${command}: ${r.reason}`);
				const raise = r.value > current.enforced;
				const ok = await confirm(command, io, {
					yes: yes,
					typed: raise ? 'raise' : undefined,
					summary: [`${info.label} enforced spend limit: $${current.enforced} → $${r.value}${raise ? ' (a raise)' : ''}`, `$ ${cli}`],
				});
				if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
				const out = await setSpendLimit(clients, channel, r.value);
				await auditChange(io.env, changeLine(clients.connection.region, `${info.label} enforced spend limit`, `$${current.enforced}`, `$${r.value}`, out.requestId), io);
				io.stdout.write(renderLines([`${info.label} enforced spend limit: $${current.enforced} → $${r.value}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
				return;
			}
			if (!current.overridden) {
				io.stdout.write(renderLines([`${info.label} has no override: the enforced limit is the account limit, $${current.max}. Nothing to clear.`]));
				return;
			}
			const ok = await confirm(command, io, {
				yes,
				typed: current.max > current.enforced ? 'raise' : undefined,
				summary: [`${info.label} enforced spend limit: clear the override $${current.enforced} → $${current.max} (the account limit)`, `$ ${cli}`],
			});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			const out = await clearSpendLimit(clients, channel);
			await auditChange(io.env, changeLine(clients.connection.region, `${info.label} enforced spend limit (override cleared)`, `$${current.enforced}`, `$${current.max}`, out.requestId), io);
			io.stdout.write(renderLines([`${info.label} override cleared: the enforced limit is the account limit, $${current.max}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
		});
	});
}

export const actions = {
	list,
	set: (input, globals, io) => change('set', input, globals, io),
	clear: (input, globals, io) => change('clear', input, globals, io),
} satisfies Record<string, CommandAction>;
export const run = commandRunner('spend');
