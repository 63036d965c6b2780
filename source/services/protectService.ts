// Protect configurations: the list with each one's Name tag and the configuration sets that use it, a country rule
// set per capability, and the number overrides.
import type {ProtectConfigurationInformation, ProtectConfigurationRuleSetNumberOverride} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {getConfigurationSet, listConfigurationSets} from './configSetsService.js';
import {eachLimited, nameTagOf} from './namesService.js';
import {collectPages, SMS_PAGE_SIZE} from './paginate.js';
import {smsModule} from './smsCommands.js';
import {UnresolvedIdentityError} from './identityResolver.js';
import {whichRuleApplies, type ProtectCapability, type ProtectDecision} from '../domain/protectRules.js';

export type ProtectConfiguration = ProtectConfigurationInformation & {
	Name?: string;
	/** Names of the configuration sets associated with it. */
	ConfigurationSets: string[];
};

export {PROTECT_CAPABILITIES, type ProtectCapability} from '../domain/protectRules.js';

export async function listProtectConfigurations(clients: Clients, options: {ids?: string[]; signal?: AbortSignal} = {}): Promise<ProtectConfiguration[]> {
	const {DescribeProtectConfigurationsCommand} = await smsModule();
	const [configs, sets] = await Promise.all([
		collectPages(async NextToken => {
			const out = await clients.sms.send(new DescribeProtectConfigurationsCommand({ProtectConfigurationIds: options.ids, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: options.signal});
			return {items: out.ProtectConfigurations ?? [], next: out.NextToken};
		}),
		listConfigurationSets(clients, {signal: options.signal}),
	]);
	const rows: ProtectConfiguration[] = configs.map(c => ({
		...c,
		ConfigurationSets: sets.filter(s => s.ProtectConfigurationId === c.ProtectConfigurationId).map(s => s.ConfigurationSetName ?? ''),
	}));
	await eachLimited(rows, async row => {
		if (row.ProtectConfigurationArn) row.Name = await nameTagOf(clients, row.ProtectConfigurationArn, options.signal);
	});
	return rows;
}

/** Country (ISO code) → ProtectStatus, every country the service lists. */
export async function getCountryRules(clients: Clients, id: string, capability: ProtectCapability, signal?: AbortSignal): Promise<Record<string, string>> {
	const {GetProtectConfigurationCountryRuleSetCommand} = await smsModule();
	const out = await clients.sms.send(new GetProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: id, NumberCapability: capability}), {abortSignal: signal});
	return Object.fromEntries(Object.entries(out.CountryRuleSet ?? {}).map(([iso, rule]) => [iso, rule.ProtectStatus ?? '']));
}

export async function listNumberOverrides(clients: Clients, id: string, signal?: AbortSignal): Promise<ProtectConfigurationRuleSetNumberOverride[]> {
	const {ListProtectConfigurationRuleSetNumberOverridesCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new ListProtectConfigurationRuleSetNumberOverridesCommand({ProtectConfigurationId: id, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: signal});
		return {items: out.RuleSetNumberOverrides ?? [], next: out.NextToken};
	});
}

export interface ProtectQuestion {
	/** The configuration set the send names (name or ARN), if any. */
	configurationSet?: string;
	/** A protect configuration the send names itself (ProtectConfigurationId), if any. */
	protectConfigurationId?: string;
	country: string;
	capability: ProtectCapability;
	/** The destination number, to find a number override. */
	destination?: string;
}

/** "Which rule applies?": reads the configuration set, the account default, and the deciding configuration's rules. */
export type ProtectAnswer = ProtectDecision & {configurations: ProtectConfiguration[]};
export type ProtectOverride = ProtectConfigurationRuleSetNumberOverride;

export async function explainProtect(clients: Clients, q: ProtectQuestion, signal?: AbortSignal): Promise<ProtectAnswer> {
	const [configurations, set] = await Promise.all([
		listProtectConfigurations(clients, {signal}),
		q.configurationSet ? getConfigurationSet(clients, q.configurationSet) : Promise.resolve(undefined),
	]);
	if (q.configurationSet && !set) throw new Error(`configuration set ${q.configurationSet} does not exist in this Region`);
	const facts = {
		requestProtectId: q.protectConfigurationId,
		configurationSet: set ? {name: set.ConfigurationSetName ?? q.configurationSet ?? '', protectId: set.ProtectConfigurationId} : undefined,
		accountDefault: configurations.find(c => c.AccountDefault)?.ProtectConfigurationId,
	};
	const deciding = facts.requestProtectId ?? facts.configurationSet?.protectId ?? facts.accountDefault;
	const rules = deciding ? await getCountryRules(clients, deciding, q.capability, signal) : {};
	const overrides = deciding && q.destination ? await listNumberOverrides(clients, deciding, signal) : [];
	const now = Date.now();
	const override = overrides.find(o => o.DestinationPhoneNumber === q.destination && (!o.ExpirationTimestamp || o.ExpirationTimestamp.getTime() > now));
	const decision = whichRuleApplies(
		{
			...facts,
			rulesOf: id => (id === deciding ? rules : undefined),
			overrideOf: id => (id === deciding && override ? {action: override.Action ?? '', expires: override.ExpirationTimestamp} : undefined),
		},
		q.country,
		q.capability,
		q.destination,
	);
	return {...decision, configurations};
}

/** A protect configuration by its id, ARN or Name tag (a Name two of them share is refused as ambiguous). */
export async function resolveProtect(clients: Clients, typed: string, signal?: AbortSignal): Promise<ProtectConfiguration> {
	const all = await listProtectConfigurations(clients, {signal});
	const t = typed.trim();
	const exact = all.find(c => c.ProtectConfigurationId === t || c.ProtectConfigurationArn === t);
	if (exact) return exact;
	const named = all.filter(c => c.Name === t);
	if (named.length === 1) return named[0];
	if (named.length > 1) throw new UnresolvedIdentityError(`${named.length} protect configurations are named ${t}: give the id (${named.map(c => c.ProtectConfigurationId).join(', ')})`);
	throw new UnresolvedIdentityError(`no protect configuration ${t} in ${clients.connection.region} (there: ${all.map(c => c.Name ?? c.ProtectConfigurationId).join(', ') || 'none'})`);
}
