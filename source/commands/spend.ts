// smsdeck spend [set text|media|voice DOLLARS | clear text|media|voice]: the monthly spend limits per channel,
// and setting or clearing the enforced limit (whole dollars from 1 to the account limit, checked before any call).
import {describeAccount} from '../services/accountService.js';
import {clearSpendLimit, setSpendLimit} from '../services/changesService.js';
import {channelForLimitName, checkSpendLimit, isSpendChannel, limitNameForChannel, spendChannelInfo, spendLimitCliCommand} from '../domain/spendRules.js';
import {formatDollars} from '../domain/format.js';
import {renderLines, writeRows} from './printTable.js';
import {auditChange, changeLine, confirm, parseChangeArgs, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage:
  smsdeck spend                              the spend limits: SMS, MMS, voice (enforced, account limit, overridden)
  smsdeck spend set text|media|voice DOLLARS  set the enforced limit (whole dollars, 1 to the account limit)
  smsdeck spend clear text|media|voice        clear the override (the enforced limit becomes the account limit)

Raising a limit asks you to type "raise" on a terminal; --yes confirms without asking (needed when stdin is
not a terminal).

Options: --region CODE, --profile NAME, --endpoint-url URL, --local, --json (list), --read-only (refuses changes).
Exit code 0; 1 when the service refuses (its reason on stderr); 2 on bad input, a limit out of range, or a
change without confirmation.
`;

function channelArg(command: string, value: string | undefined) {
	if (!value || !isSpendChannel(value)) throw new UsageError(`${command}: name the channel: text, media or voice`);
	return value;
}

export const run: SubcommandRun = async (args, globals, io) =>
	runChange(io, async () => {
		const [action, ...rest] = args;
		if (action === undefined || action.startsWith('--')) {
			parseChangeArgs('spend', args, [], []);
			return withChangeClients(globals, io, async clients => {
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
			});
		}
		const command = `spend ${action}`;
		if (action !== 'set' && action !== 'clear') throw new UsageError(`spend: say set or clear (see smsdeck spend --help)`);
		const parsed = parseChangeArgs(command, rest, []);
		const channel = channelArg(command, parsed.positional[0]);
		const info = spendChannelInfo(channel);
		let dollarsText: string | undefined;
		if (action === 'set') {
			dollarsText = parsed.positional[1];
			if (dollarsText === undefined) throw new UsageError(`${command}: give the limit in whole dollars, e.g. smsdeck spend set ${channel} 50`);
			// What can be known without a call: a whole number of dollars, at least 1.
			const shape = checkSpendLimit(dollarsText, Number.MAX_SAFE_INTEGER);
			if (!shape.ok) throw new RuleError(`${command}: ${shape.reason}`);
		}
		if (parsed.positional.length > (action === 'set' ? 2 : 1)) throw new UsageError(`${command}: unexpected argument "${parsed.positional.at(-1)}"`);
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, parsed.flags.has('yes'));
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
					yes: parsed.flags.has('yes'),
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
				yes: parsed.flags.has('yes'),
				typed: current.max > current.enforced ? 'raise' : undefined,
				summary: [`${info.label} enforced spend limit: clear the override $${current.enforced} → $${current.max} (the account limit)`, `$ ${cli}`],
			});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			const out = await clearSpendLimit(clients, channel);
			await auditChange(io.env, changeLine(clients.connection.region, `${info.label} enforced spend limit (override cleared)`, `$${current.enforced}`, `$${current.max}`, out.requestId), io);
			io.stdout.write(renderLines([`${info.label} override cleared: the enforced limit is the account limit, $${current.max}${out.requestId ? ` (request id ${out.requestId})` : ''}`]));
		});
	});

