// The account as the console shows it: tier, limits (used / max), spend limits, identity.
import type {Clients} from './clients.js';
import {collectPages} from './paginate.js';
import {smsModule} from './smsCommands.js';

export interface AccountLimit {
	name: string;
	used: number;
	max: number;
}

export interface SpendLimit {
	name: string;
	enforced: number;
	max: number;
	overridden: boolean;
}

export interface AccountOverview {
	tier?: string;
	defaultProtectConfigurationId?: string;
	attributes: Record<string, string>;
	limits: AccountLimit[];
	spendLimits: SpendLimit[];
}

export interface Identity {
	account?: string;
	arn?: string;
	userId?: string;
}

export async function describeAccount(clients: Clients): Promise<AccountOverview> {
	const m = await smsModule();
	const attributes = await collectPages(async NextToken => {
		const out = await clients.sms.send(new m.DescribeAccountAttributesCommand({NextToken}));
		return {items: out.AccountAttributes ?? [], next: out.NextToken};
	});
	const limits = await collectPages(async NextToken => {
		const out = await clients.sms.send(new m.DescribeAccountLimitsCommand({NextToken}));
		return {items: out.AccountLimits ?? [], next: out.NextToken};
	});
	const spend = await collectPages(async NextToken => {
		const out = await clients.sms.send(new m.DescribeSpendLimitsCommand({NextToken}));
		return {items: out.SpendLimits ?? [], next: out.NextToken};
	});
	const attrs = Object.fromEntries(attributes.map(a => [a.Name ?? '', a.Value ?? '']));
	return {
		tier: attrs.ACCOUNT_TIER,
		defaultProtectConfigurationId: attrs.DEFAULT_PROTECT_CONFIGURATION_ID,
		attributes: attrs,
		limits: limits.map(l => ({name: l.Name ?? '', used: Number(l.Used ?? 0), max: Number(l.Max ?? 0)})),
		spendLimits: spend.map(s => ({
			name: s.Name ?? '',
			enforced: Number(s.EnforcedLimit ?? 0),
			max: Number(s.MaxLimit ?? 0),
			overridden: Boolean(s.Overridden),
		})),
	};
}

export async function getIdentity(clients: Clients): Promise<Identity> {
	const {GetCallerIdentityCommand} = await import('@aws-sdk/client-sts');
	const out = await clients.sts.send(new GetCallerIdentityCommand({}));
	return {account: out.Account, arn: out.Arn, userId: out.UserId};
}

/** The account id inside any sms-voice ARN (arn:aws:sms-voice:REGION:ACCOUNT:…). */
export function accountFromArn(arn: string | undefined): string | undefined {
	const parts = arn?.split(':');
	return parts && parts.length > 5 && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}
