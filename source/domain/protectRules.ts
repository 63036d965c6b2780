// Protect configurations, pure: country names, which statuses a capability takes, staged rule changes merged and
// cut into the service's batches, and which rule decides a send (guide §3.10: the request's protect
// configuration, else the configuration set's, else the account default, else none; in the deciding
// configuration an unexpired number override wins over the country's rule).

export type ProtectCapability = 'SMS' | 'MMS' | 'VOICE';
export const PROTECT_CAPABILITIES: readonly ProtectCapability[] = ['SMS', 'MMS', 'VOICE'];
export const PROTECT_STATUSES = ['ALLOW', 'BLOCK', 'MONITOR', 'FILTER'] as const;
/** UpdateProtectConfigurationCountryRuleSet takes at most this many countries in one call (the model's map max). */
export const RULES_PER_CALL = 300;

/** How a protect configuration is named to people: its Name tag and id, or the id alone. */
export const protectLabel = (p: {Name?: string; ProtectConfigurationId?: string}) => (p.Name ? `${p.Name} (${p.ProtectConfigurationId})` : (p.ProtectConfigurationId ?? ''));

/** The statuses a capability's country rule may take: FILTER (artificially inflated traffic) is SMS only. */
export function statusesFor(capability: ProtectCapability): readonly string[] {
	return capability === 'SMS' ? PROTECT_STATUSES : PROTECT_STATUSES.filter(s => s !== 'FILTER');
}

export function protectStatusTone(status: string | undefined): 'ok' | 'warn' | 'error' | undefined {
	if (status === 'BLOCK') return 'error';
	if (status === 'MONITOR' || status === 'FILTER') return 'warn';
	return undefined;
}

let names: Intl.DisplayNames | undefined;
/** "GB" → "United Kingdom" (English; the code itself when the runtime has no name for it). */
export function countryName(iso: string): string {
	try {
		names ??= new Intl.DisplayNames(['en'], {type: 'region', fallback: 'code'});
		return names.of(iso) ?? iso;
	} catch {
		return iso;
	}
}

/** A country typed by a person: its ISO code (any case) or its English name; undefined when none matches. */
export function countryFromInput(text: string, known: readonly string[]): string | undefined {
	const t = text.trim();
	if (t === '') return undefined;
	const upper = t.toUpperCase();
	if (known.includes(upper)) return upper;
	const lower = t.toLowerCase();
	return known.find(iso => countryName(iso).toLowerCase() === lower);
}

/** Country → status: what a staged rule edit will send. */
export type RuleChanges = Record<string, string>;

/**
 * Adds `next` to the staged changes against what the service has (`current`): a country set back to its
 * current status drops out of the changes. Returns the changes still to send.
 */
export function mergeRuleChanges(current: Record<string, string>, staged: RuleChanges, next: RuleChanges): RuleChanges {
	const out: RuleChanges = {...staged};
	for (const [iso, status] of Object.entries(next)) {
		if (current[iso] === status) delete out[iso];
		else out[iso] = status;
	}
	return out;
}

/** The changes in calls of at most RULES_PER_CALL countries, in country order. */
export function ruleBatches(changes: RuleChanges, size = RULES_PER_CALL): RuleChanges[] {
	const entries = Object.entries(changes).sort(([a], [b]) => a.localeCompare(b));
	const out: RuleChanges[] = [];
	for (let i = 0; i < entries.length; i += size) out.push(Object.fromEntries(entries.slice(i, i + size)));
	return out;
}

/** "GB → BLOCK, FR → BLOCK (+48 more)": a staged rule edit in a line. */
export function describeRuleChanges(changes: RuleChanges, current: Record<string, string>, shown = 6): {before: string; after: string} {
	const isos = Object.keys(changes).sort();
	const more = isos.length > shown ? ` (+${isos.length - shown} more)` : '';
	const head = isos.slice(0, shown);
	return {
		before: head.map(iso => `${iso} ${current[iso] ?? 'ALLOW'}`).join(', ') + more,
		after: head.map(iso => `${iso} ${changes[iso]}`).join(', ') + more,
	};
}

/** What the service has about the pieces of one send. */
export interface ProtectFacts {
	/** ProtectConfigurationId given on the send request itself. */
	requestProtectId?: string;
	/** The configuration set named on the send, and its associated protect configuration. */
	configurationSet?: {name: string; protectId?: string};
	/** The account-default protect configuration, if any. */
	accountDefault?: string;
	/** The deciding configuration's country rules for the capability (country → status). */
	rulesOf: (protectId: string) => Record<string, string> | undefined;
	/** The deciding configuration's number override for the destination, if one is set and unexpired. */
	overrideOf?: (protectId: string) => {action: string; expires?: Date} | undefined;
}

export interface ProtectDecision {
	/** Which level decided: the request, the configuration set, the account default, or none. */
	source: 'request' | 'configuration set' | 'account default' | 'none';
	protectId?: string;
	/** The status that applies: ALLOW, BLOCK, MONITOR or FILTER (ALLOW when none applies). */
	status: string;
	/** Country rule or number override. */
	by?: 'country rule' | 'number override';
	/** One sentence for people. */
	why: string;
}

export function whichRuleApplies(facts: ProtectFacts, country: string, capability: ProtectCapability, destination?: string): ProtectDecision {
	const levels: [ProtectDecision['source'], string | undefined, string][] = [
		['request', facts.requestProtectId, 'the send names it (ProtectConfigurationId)'],
		['configuration set', facts.configurationSet?.protectId, `it is associated with the configuration set ${facts.configurationSet?.name ?? ''}`.trim()],
		['account default', facts.accountDefault, 'it is the account default'],
	];
	const skipped: string[] = [];
	if (!facts.requestProtectId) skipped.push('the send names no protect configuration');
	if (facts.configurationSet && !facts.configurationSet.protectId) skipped.push(`the configuration set ${facts.configurationSet.name} has none`);
	if (!facts.configurationSet) skipped.push('no configuration set is used');
	for (const [source, id, reason] of levels) {
		if (!id) continue;
		const override = destination ? facts.overrideOf?.(id) : undefined;
		if (override) {
			return {source, protectId: id, status: override.action, by: 'number override', why: `${id} decides because ${reason}; its number override for ${destination} (${override.action}${override.expires ? `, until ${override.expires.toISOString()}` : ''}) wins over the country rule`};
		}
		const status = facts.rulesOf(id)?.[country] ?? 'ALLOW';
		return {source, protectId: id, status, by: 'country rule', why: `${id} decides because ${reason}${skipped.length > 0 && source !== 'request' ? ` (${skipped.join('; ')})` : ''}; its ${capability} rule for ${country} (${countryName(country)}) is ${status}`};
	}
	return {source: 'none', status: 'ALLOW', why: `No protect configuration applies (${[...skipped, 'there is no account default'].join('; ')}): ${capability} to ${country} is not filtered`};
}
