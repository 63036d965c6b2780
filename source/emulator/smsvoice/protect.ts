// Protect configurations: per-country rules (ALLOW, BLOCK, MONITOR, FILTER) for SMS, MMS and VOICE, overrides for
// single destination numbers, association with configuration sets (a new one replaces the old), the account
// default. A new configuration allows every country.
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {newId} from './ids.js';
import {requireConfigSet, requireProtect} from './lookup.js';
import type {NumberOverrideRec, ProtectCapability, ProtectRec, RegionState, Tag} from './model.js';
import {parseE164} from '../../domain/e164.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {protectInfo, tagsOut} from './shapes.js';
import {seconds, type Svc} from './state.js';
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

/**
 * What decides a send: the protect configuration (request id → configuration set's → account default → none); in
 * it, an unexpired override of the destination number wins over the country's rule. MONITOR and FILTER let the
 * message go (the emulator sees no artificially inflated traffic to filter); BLOCK refuses it.
 */
export function protectDecision(
	rs: RegionState,
	capability: ProtectCapability,
	destination: {e164: string; isoCountryCode: string},
	protectId: string | undefined,
	configSetProtectId: string | undefined,
	now: number,
): {status: string; by: 'none' | 'number-override' | 'country-rule'; protectId?: string} {
	const id = protectId ?? configSetProtectId ?? rs.defaultProtectConfigurationId;
	if (!id) return {status: 'ALLOW', by: 'none'};
	const p = protectId ? requireProtect(rs, protectId) : rs.protect[id];
	if (!p) return {status: 'ALLOW', by: 'none'};
	const override = p.overrides?.[destination.e164];
	if (override && (override.expires === undefined || override.expires > now)) return {status: override.action, by: 'number-override', protectId: p.id};
	return {status: p.rules[capability][destination.isoCountryCode] ?? 'ALLOW', by: 'country-rule', protectId: p.id};
}

const PROTECT_STATUSES = new Set(['ALLOW', 'BLOCK', 'MONITOR', 'FILTER']);

function overrideOut(p: ProtectRec, number: string, o: NumberOverrideRec): Record<string, unknown> {
	return {
		DestinationPhoneNumber: number,
		CreatedTimestamp: seconds(o.created),
		Action: o.action,
		IsoCountryCode: o.isoCountryCode,
		ExpirationTimestamp: o.expires === undefined ? undefined : seconds(o.expires),
	};
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
			// The model's list has at least one member: with none, the member is left out.
			return withToken(page.length > 0 ? {ProtectConfigurations: page.map(p => protectInfo(rs, p))} : {}, NextToken);
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
				if (!PROTECT_STATUSES.has(rule.ProtectStatus)) {
					throw validation('INVALID_PARAMETER', `ProtectStatus is ALLOW, BLOCK, MONITOR or FILTER, not ${rule.ProtectStatus}.`, 'CountryRuleSetUpdates');
				}
				if (rule.ProtectStatus === 'FILTER' && capability !== 'SMS') {
					throw validation('INVALID_PARAMETER', `FILTER applies to SMS only (it filters artificially inflated traffic), not ${capability}.`, 'CountryRuleSetUpdates');
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
			// The API reference: this replaces the configuration set's current protect configuration.
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

		PutProtectConfigurationRuleSetNumberOverride(
			input: {ProtectConfigurationId: string; DestinationPhoneNumber: string; Action: 'ALLOW' | 'BLOCK'; ExpirationTimestamp?: number; ClientToken?: string},
			ctx,
		) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'PutProtectConfigurationRuleSetNumberOverride', input.ClientToken, () => {
				const p = requireProtect(rs, input.ProtectConfigurationId);
				const parsed = parseE164(input.DestinationPhoneNumber);
				if (!parsed.ok) throw validation('INVALID_PARAMETER', `Not an E.164 phone number: ${parsed.reason}`, 'DestinationPhoneNumber');
				const now = svc.now();
				const expires = input.ExpirationTimestamp === undefined ? undefined : input.ExpirationTimestamp * 1000;
				if (expires !== undefined && expires <= now) throw validation('INVALID_PARAMETER', 'ExpirationTimestamp must be in the future.', 'ExpirationTimestamp');
				p.overrides ??= {};
				const previous = p.overrides[parsed.e164];
				const rec: NumberOverrideRec = {action: input.Action, isoCountryCode: parsed.isoCountryCode, created: previous?.created ?? now, expires};
				p.overrides[parsed.e164] = rec;
				svc.dirty();
				return {ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id, ...overrideOut(p, parsed.e164, rec)};
			});
		},

		DeleteProtectConfigurationRuleSetNumberOverride(input: {ProtectConfigurationId: string; DestinationPhoneNumber: string}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			const parsed = parseE164(input.DestinationPhoneNumber);
			const number = parsed.ok ? parsed.e164 : input.DestinationPhoneNumber;
			const rec = p.overrides?.[number];
			if (!rec) throw notFound('protect-configuration', `${p.id}/${number}`, `The protect configuration ${p.id} has no override for ${number}.`);
			delete p.overrides![number];
			svc.dirty();
			return {ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id, ...overrideOut(p, number, rec)};
		},

		ListProtectConfigurationRuleSetNumberOverrides(input: PageInput & {ProtectConfigurationId: string; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const p = requireProtect(rs, input.ProtectConfigurationId);
			const items = Object.entries(p.overrides ?? {}).map(([number, o]) => ({number, o}));
			// Dates in the time filters are epoch seconds or ISO 8601, as the CLI sends them.
			const time = (value: string) => (/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value));
			const timeFilters = (input.Filters ?? []).filter(f => /-(before|after)$/.test(f.Name));
			for (const f of timeFilters) {
				if (f.Values.some(v => Number.isNaN(time(v)))) throw validation('INVALID_FILTER_VALUES', `${f.Name} takes a time (epoch seconds or ISO 8601).`, 'Filters');
			}
			const plain = (input.Filters ?? []).filter(f => !/-(before|after)$/.test(f.Name) && f.Name !== 'destination-phone-number-begins-with');
			const prefixes = (input.Filters ?? []).filter(f => f.Name === 'destination-phone-number-begins-with');
			let filtered = applyFilters(items, plain, {'iso-country-code': i => i.o.isoCountryCode, action: i => i.o.action});
			filtered = filtered.filter(i => prefixes.every(f => f.Values.some(v => i.number.startsWith(v))));
			filtered = filtered.filter(i =>
				timeFilters.every(f => {
					const at = f.Name.startsWith('expires') ? i.o.expires : i.o.created;
					if (at === undefined) return false;
					return f.Values.some(v => (f.Name.endsWith('before') ? at < time(v) : at > time(v)));
				}),
			);
			const {page, NextToken} = paginate('ListProtectConfigurationRuleSetNumberOverrides', filtered, input);
			const overrides = page.length > 0 ? {RuleSetNumberOverrides: page.map(i => overrideOut(p, i.number, i.o))} : {};
			return withToken({ProtectConfigurationArn: p.arn, ProtectConfigurationId: p.id, ...overrides}, NextToken);
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
