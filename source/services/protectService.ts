// Protect configurations: the list with each one's Name tag and the configuration sets that use it, a country rule
// set per capability, and the number overrides.
import type {ProtectConfigurationInformation, ProtectConfigurationRuleSetNumberOverride} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {listConfigurationSets} from './configSetsService.js';
import {eachLimited, nameTagOf} from './namesService.js';
import {collectPages, SMS_PAGE_SIZE} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type ProtectConfiguration = ProtectConfigurationInformation & {
	Name?: string;
	/** Names of the configuration sets associated with it. */
	ConfigurationSets: string[];
};

export type ProtectCapability = 'SMS' | 'MMS' | 'VOICE';
export const PROTECT_CAPABILITIES: readonly ProtectCapability[] = ['SMS', 'MMS', 'VOICE'];

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
