// smsdeck account [--region R] [--json]: tier, identity, spend limits with this month's spend (the AWS/SMSVoice
// CloudWatch metrics) and account limits in a Region.
import {describeAccount, getIdentity, type Identity} from '../services/accountService.js';
import {monthToDateSpend, type MonthToDateSpend} from '../services/spendMetricsService.js';
import type {Clients} from '../services/clients.js';
import type {CommandIO} from './types.js';
import {describeServiceError} from '../services/errors.js';
import {formatDollars} from '../domain/format.js';
import {channelForLimitName, formatSpendShare, spendLimitLabel, spendUse} from '../domain/spendRules.js';
import {withClients, yn} from './browse.js';
import {renderFacts, renderJson, renderTextTable, writeMessage} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

/**
 * This month's spend per channel, or undefined (said on stderr, unless `stopped` has aborted: the command is ending
 * anyway) when CloudWatch cannot be read: the rest still prints.
 */
export async function readMonthToDate(clients: Clients, io: CommandIO, stopped?: AbortSignal): Promise<MonthToDateSpend | undefined> {
	try {
		return await monthToDateSpend(clients);
	} catch (error) {
		if (!stopped?.aborted) writeMessage(io.stderr, `this month's spend unknown: ${describeServiceError(error, 'GetMetricData').message}`);
		return undefined;
	}
}

const list: CommandAction = async (_input, globals, io) => {
	return withClients(globals, io, async clients => {
		const account = await describeAccount(clients);
		// Then this month's spend beside the identity: a hanging endpoint is waited on for one call, the first.
		const spending = readMonthToDate(clients, io);
		// Identity is a nice-to-have: an endpoint without STS still gets the rest.
		let identity: Identity | undefined;
		try {
			identity = await getIdentity(clients);
		} catch (error) {
			writeMessage(io.stderr, `identity unknown: ${describeServiceError(error).message}`);
		}
		const spent = await spending;
		// 0 for SMS, MMS and voice when nothing was spent this month; undefined for other limits or an unread metric.
		const spentOf = (name: string) => {
			const channel = channelForLimitName(name);
			return channel && spent ? spent[channel] : undefined;
		};
		if (globals.json) {
			const json = {
				Region: clients.connection.region,
				AccountAttributes: Object.entries(account.attributes).map(([Name, Value]) => ({Name, Value})),
				SpendLimits: account.spendLimits.map(s => ({
					Name: s.name,
					EnforcedLimit: s.enforced,
					MaxLimit: s.max,
					Overridden: s.overridden,
					MonthToDateSpend: spentOf(s.name) ?? null,
					PercentUsed: spendUse(spentOf(s.name), s.enforced).percent ?? null,
				})),
				AccountLimits: account.limits.map(l => ({Name: l.name, Used: l.used, Max: l.max})),
				Identity: identity ? {Account: identity.account, Arn: identity.arn, UserId: identity.userId} : null,
			};
			io.stdout.write(renderJson(json));
			return;
		}
		const facts: [string, string][] = [
			['Region', clients.connection.region],
			['Tier', account.tier ?? 'unknown'],
			['Account', identity?.account ?? 'unknown'],
			['Identity', identity?.arn ?? 'unknown'],
			['Default protect configuration', account.defaultProtectConfigurationId ?? 'none'],
		];
		io.stdout.write(renderFacts(facts) + '\n');
		io.stdout.write(
			renderTextTable(
				[
					{title: 'Spend limit', value: s => spendLimitLabel(s.name)},
					{title: 'Enforced', value: s => formatDollars(s.enforced), align: 'right'},
					{title: 'This month', value: s => (spentOf(s.name) === undefined ? '' : formatDollars(spentOf(s.name))), align: 'right'},
					{
						title: 'Use',
						value: s => {
							const {percent, tone} = spendUse(spentOf(s.name), s.enforced);
							return percent === undefined ? '' : `${formatSpendShare(percent)}${tone === 'error' ? ' (limit reached)' : tone === 'warn' ? ' (near the limit)' : ''}`;
						},
						align: 'right',
					},
					{title: 'Max', value: s => formatDollars(s.max), align: 'right'},
					{title: 'Overridden', value: s => yn(s.overridden)},
					{title: 'Name', value: s => s.name},
				],
				account.spendLimits,
			) + '\n',
		);
		io.stdout.write(
			renderTextTable(
				[
					{title: 'Account limit', value: l => l.name},
					{title: 'Used', value: l => String(l.used), align: 'right'},
					{title: 'Max', value: l => String(l.max), align: 'right'},
				],
				account.limits,
			),
		);
	}, ['sts', 'cloudwatch']);
};

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('account');
