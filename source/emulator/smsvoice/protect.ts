// Protect configurations: per-country ALLOW/BLOCK rules for SMS, MMS and VOICE; association with
// configuration sets; the account default. A new configuration allows every country.
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {newId} from './ids.js';
import {requireConfigSet, requireProtect} from './lookup.js';
import type {ProtectCapability, ProtectRec, RegionState, Tag} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {protectInfo, tagsOut} from './shapes.js';
import type {Svc} from './state.js';
import {ISO_COUNTRIES, isKnownCountry} from './countries.js';
import {checkTags} from './tagRules.js';

function capabilityOf(value: string): ProtectCapability {
	if (value === 'SMS' || value === 'MMS' || value === 'VOICE') return value;
	throw validation('INVALID_PARAMETER', `Protect configurations have rules for SMS, MMS and VOICE, not ${value}.`, 'NumberCapability');
}

function ruleSet(p: ProtectRec, capability: ProtectCapability): Record<string, {ProtectStatus: string}> {
	const out: Record<string, {ProtectStatus: string}> = {};
	for (const iso of ISO_COUNTRIES) out[iso] = {ProtectStatus: p.rules[capability][iso] ?? 'ALLOW'};
	return out;
}

/** The protect status for a destination: request id → configuration set's → account default → none. */
export function protectStatus(rs: RegionState, capability: ProtectCapability, iso: string, protectId: string | undefined, configSetProtectId: string | undefined): string {
	const id = protectId ?? configSetProtectId ?? rs.defaultProtectConfigurationId;
	if (!id) return 'ALLOW';
	const p = protectId ? requireProtect(rs, protectId) : rs.protect[id];
	return p?.rules[capability][iso] ?? 'ALLOW';
}

export function protectHandlers(svc: Svc): Record<string, Handler> {
	return {
		CreateProtectConfiguration(input: {DeletionProtectionEnabled?: boolean; Tags?: Tag[]; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateProtectConfiguration', input.ClientToken, () => {
				if (Object.keys(rs.protect).length >= rs.limits.PROTECT_CONFIGURATIONS) {
					throw quota('PROTECT_CONFIGURATIONS_PER_ACCOUNT', `You can have at most ${rs.limits.PROTECT_CONFIGURATIONS} protect configurations.`);
				}
				if (input.Tags) checkTags(rs, input.Tags);
				const id = newId('protect');
				const p: ProtectRec = {
					id,
					arn: svc.arn(rs, `protect-configuration/${id}`),
					created: svc.now(),
					deletionProtectionEnabled: input.DeletionProtectionEnabled ?? false,
					tags: input.Tags ? tagsOut(input.Tags) : [],
					rules: {SMS: {}, MMS: {}, VOICE: {}},
				};
				rs.protect[id] = p;
				svc.dirty();
				return {...protectInfo(rs, p), Tags: tagsOut(p.tags)};
			});
		},

		DescribeProtectConfigurations(input: PageInput & {ProtectConfigurationIds?: string[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const items =
				input.ProtectConfigurationIds && input.ProtectConfigurationIds.length > 0
					? input.ProtectConfigurationIds.map(id => requireProtect(rs, id))
					: Object.values(rs.protect);
			const filtered = applyFilters(items, input.Filters, {
				'account-default': p => rs.defaultProtectConfigurationId === p.id,
				'deletion-protection-enabled': p => p.deletionProtectionEnabled,
			});
			const {page, NextToken} = paginate('DescribeProtectConfigurations', filtered, input);
			return withToken({ProtectConfigurations: page.map(p => protectInfo(rs, p))}, NextToken);
		},

		UpdateProtectConfiguration(input: {ProtectConfigurationId: string; DeletionProtectionEnabled?: boolean}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			if (input.DeletionProtectionEnabled !== undefined) p.deletionProtectionEnabled = input.DeletionProtectionEnabled;
			svc.dirty();
			return protectInfo(rs, p);
		},

		DeleteProtectConfiguration(input: {ProtectConfigurationId: string}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			if (p.deletionProtectionEnabled) throw conflict('DELETION_PROTECTION_ENABLED', 'protect-configuration', p.id, 'Turn deletion protection off first.');
			if (rs.defaultProtectConfigurationId === p.id) {
				throw conflict('PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT', 'protect-configuration', p.id, 'Remove it as the account default first.');
			}
			const cs = Object.values(rs.configSets).find(c => c.protectConfigurationId === p.id);
			if (cs) {
				throw conflict('PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET', 'protect-configuration', p.id, `Disassociate it from the configuration set ${cs.name} first.`);
			}
			const info = protectInfo(rs, p);
			delete rs.protect[p.id];
			svc.dirty();
			return info;
		},

		GetProtectConfigurationCountryRuleSet(input: {ProtectConfigurationId: string; NumberCapability: string}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			const capability = capabilityOf(input.NumberCapability);
			return {ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id, NumberCapability: capability, CountryRuleSet: ruleSet(p, capability)};
		},

		UpdateProtectConfigurationCountryRuleSet(
			input: {ProtectConfigurationId: string; NumberCapability: string; CountryRuleSetUpdates: Record<string, {ProtectStatus: string}>},
			ctx,
		) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			const capability = capabilityOf(input.NumberCapability);
			for (const [iso, rule] of Object.entries(input.CountryRuleSetUpdates)) {
				if (!isKnownCountry(iso)) throw validation('INVALID_PARAMETER', `Unknown country ${iso}.`, 'CountryRuleSetUpdates');
				if (rule.ProtectStatus !== 'ALLOW' && rule.ProtectStatus !== 'BLOCK') {
					throw validation('INVALID_PARAMETER', `The emulator supports ALLOW and BLOCK, not ${rule.ProtectStatus}.`, 'CountryRuleSetUpdates');
				}
			}
			for (const [iso, rule] of Object.entries(input.CountryRuleSetUpdates)) {
				if (rule.ProtectStatus === 'ALLOW') delete p.rules[capability][iso];
				else p.rules[capability][iso] = rule.ProtectStatus;
			}
			svc.dirty();
			return {ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id, NumberCapability: capability, CountryRuleSet: ruleSet(p, capability)};
		},

		AssociateProtectConfiguration(input: {ProtectConfigurationId: string; ConfigurationSetName: string}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			if (cs.protectConfigurationId) {
				throw conflict('RESOURCE_ALREADY_ASSOCIATED', 'configuration-set', cs.name, `The configuration set already uses ${cs.protectConfigurationId}.`);
			}
			cs.protectConfigurationId = p.id;
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id};
		},

		DisassociateProtectConfiguration(input: {ProtectConfigurationId: string; ConfigurationSetName: string}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			if (cs.protectConfigurationId !== p.id) {
				throw conflict(
					'PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET',
					'protect-configuration',
					p.id,
					`The configuration set ${cs.name} does not use this protect configuration.`,
				);
			}
			delete cs.protectConfigurationId;
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id};
		},

		SetAccountDefaultProtectConfiguration(input: {ProtectConfigurationId: string}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			rs.defaultProtectConfigurationId = p.id;
			svc.dirty();
			return {DefaultProtectConfigurationArn: p.arn, DefaultProtectConfigurationId: p.id};
		},

		DeleteAccountDefaultProtectConfiguration(_input, ctx) {
			const rs = svc.region(ctx);
			const id = rs.defaultProtectConfigurationId;
			if (!id) throw notFound('protect-configuration', 'account-default', 'No protect configuration is the account default.');
			const p = rs.protect[id];
			delete rs.defaultProtectConfigurationId;
			svc.dirty();
			return {DefaultProtectConfigurationArn: p?.arn ?? svc.arn(rs, `protect-configuration/${id}`), DefaultProtectConfigurationId: id};
		},
	};
}
