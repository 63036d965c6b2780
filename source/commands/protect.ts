// smsdeck protect [--json]: the protect configurations, with the account default and the configuration sets using each.
// smsdeck protect show ID [--json]: one — its associations, the countries that are not ALLOW per capability, and its
// number overrides. smsdeck protect rules ID --capability SMS|MMS|VOICE [--status S] [--json]: its country rules.
// smsdeck protect set|associate|disassociate|default: the console's plans (editPlans.ts), confirmed, applied, audited.
// smsdeck protect which: which rule decides a send, and why. The command tree declares their options and choices.
import {explainProtect, getCountryRules, listNumberOverrides, listProtectConfigurations, PROTECT_CAPABILITIES, resolveProtect, type ProtectCapability} from '../services/protectService.js';
import {getConfigurationSet} from '../services/configSetsService.js';
import {UnresolvedIdentityError} from '../services/identityResolver.js';
import {countryFromInput, mergeRuleChanges, protectLabel, statusesFor} from '../domain/protectRules.js';
import {ISO_COUNTRIES, parseE164} from '../domain/e164.js';
import {protectAssociationEdit, protectDefaultEdit, protectRulesEdit} from '../app/editPlans.js';
import {applyPlanned, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {iso, withClients, yn} from './browse.js';
import {commandRunner} from './commandTree.js';
import {renderFacts, renderJson, renderLines, renderTextTable, writeRows} from './printTable.js';
import type {Clients} from '../services/clients.js';
import {UsageError, type CommandAction, type CommandInput, type CommandIO, type GlobalOptions} from './types.js';

/** A status the capability takes (FILTER is SMS only); the tree has already checked it is a ProtectStatus. */
function statusOf(value: string, capability: ProtectCapability, command: string): string {
	if (!statusesFor(capability).includes(value)) {
		throw new UsageError(`${command}: ${capability} rules are ${statusesFor(capability).join(', ')} (got "${value}")${value === 'FILTER' ? '; FILTER applies to SMS only' : ''}`);
	}
	return value;
}

function countriesOf(value: string | undefined, all: boolean, command: string): string[] | 'all' {
	if (all && value) throw new UsageError(`${command}: give --country or --all, not both`);
	if (all) return 'all';
	if (!value) throw new UsageError(`${command}: which countries? --country GB[,FR…] (ISO codes) or --all`);
	const out: string[] = [];
	for (const part of value.split(',').map(p => p.trim()).filter(Boolean)) {
		const code = countryFromInput(part, ISO_COUNTRIES);
		if (!code) throw new UsageError(`${command}: "${part}" is not a country (ISO 3166 code such as GB, or its English name)`);
		out.push(code);
	}
	if (out.length === 0) throw new UsageError(`${command}: --country is empty`);
	return out;
}


/** Prints that nothing needed changing (exit 0, nothing sent). */
function unchanged(io: CommandIO, globals: GlobalOptions, line: string): number {
	io.stdout.write(globals.json ? renderJson({change: null, detail: line}) : renderLines([line]));
	return 0;
}

/**
 * A change to one protect configuration (given by id, ARN or Name tag): refused for read-only and without a way
 * to confirm before any call, then `body` with the configuration found.
 */
function protectChange(
	action: string,
	checks: (input: CommandInput) => void,
	body: (clients: Clients, target: {id: string; label: string; accountDefault: boolean}, input: CommandInput, globals: GlobalOptions, io: CommandIO) => Promise<number>,
): CommandAction {
	const command = `protect ${action}`;
	return async (input, globals, io) =>
		runChange(io, async () => {
			checks(input);
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, input.options.yes === true);
			return withChangeClients(globals, io, async clients => {
				const config = await resolveProtect(clients, input.args[0]).catch(error => {
					throw error instanceof UnresolvedIdentityError ? new RuleError(`${command}: ${error.message}`) : error;
				});
				return body(clients, {id: config.ProtectConfigurationId ?? '', label: protectLabel(config), accountDefault: Boolean(config.AccountDefault)}, input, globals, io);
			});
		});
}

/** The rule change of `protect set`, checked before any call. */
function ruleChange({options}: CommandInput) {
	const capability = options.capability as ProtectCapability;
	return {capability, status: statusOf(options.status as string, capability, 'protect set'), countries: countriesOf(options.country as string | undefined, options.all === true, 'protect set')};
}

const set = protectChange('set', ruleChange, async (clients, target, input, globals, io) => {
	const rules = ruleChange(input);
	const current = await getCountryRules(clients, target.id, rules.capability);
	const wanted = rules.countries === 'all' ? Object.keys(current) : rules.countries;
	const unknown = wanted.filter(code => !(code in current));
	if (unknown.length > 0) throw new RuleError(`protect set: the service has no ${rules.capability} rule for ${unknown.join(', ')}; nothing was sent`);
	const changes = mergeRuleChanges(current, {}, Object.fromEntries(wanted.map(code => [code, rules.status])));
	if (Object.keys(changes).length === 0) {
		return unchanged(io, globals, `${rules.capability} rules of ${target.label}: already ${rules.status} for ${wanted.length === 1 ? wanted[0] : `all ${wanted.length} countries`}; nothing to change`);
	}
	return applyPlanned('protect set', io, clients, protectRulesEdit(clients.connection, target, rules.capability, current, changes), {yes: input.options.yes === true, json: globals.json});
});

/** associate / disassociate ID --config-set NAME. */
function association(associate: boolean): CommandAction {
	const command = `protect ${associate ? 'associate' : 'disassociate'}`;
	return protectChange(
		associate ? 'associate' : 'disassociate',
		() => {},
		async (clients, target, {options}, globals, io) => {
			const configSet = options.configSet as string;
			const found = await getConfigurationSet(clients, configSet).catch(() => undefined);
			if (!found) throw new RuleError(`${command}: no configuration set ${configSet} in ${clients.connection.region}; nothing was sent`);
			const uses = found.ProtectConfigurationId;
			const yes = {yes: options.yes === true, json: globals.json};
			if (associate) {
				if (uses === target.id) return unchanged(io, globals, `${configSet} already uses ${target.label}; nothing to change`);
				return applyPlanned(command, io, clients, protectAssociationEdit(clients.connection, target, configSet, {associate: true, replaces: uses}), yes);
			}
			if (uses !== target.id) throw new RuleError(`${command}: ${configSet} ${uses ? `uses ${uses}` : 'has no protect configuration'}, not ${target.label}; nothing was sent`);
			return applyPlanned(command, io, clients, protectAssociationEdit(clients.connection, target, configSet, {associate: false}), yes);
		},
	);
}

const setDefault = protectChange(
	'default',
	() => {},
	async (clients, target, {options}, globals, io) => {
		if (target.accountDefault) return unchanged(io, globals, `${target.label} is already the account default; nothing to change`);
		const before = (await listProtectConfigurations(clients)).find(c => c.AccountDefault);
		return applyPlanned('protect default', io, clients, protectDefaultEdit(clients.connection, target, {set: true, replaces: before ? protectLabel(before) : undefined}), {
			yes: options.yes === true,
			json: globals.json,
		});
	},
);

/** protect default ID, or protect default --clear. */
const accountDefault: CommandAction = async (input, globals, io) => {
	const command = 'protect default';
	if (input.options.clear !== true) {
		if (input.args[0] === undefined) throw new UsageError(`${command}: which protect configuration? (smsdeck ${command} protect-… or its name; --clear for none)`);
		return setDefault(input, globals, io);
	}
	if (input.args[0] !== undefined) throw new UsageError(`${command}: --clear takes no protect configuration`);
	return runChange(io, async () => {
		await refuseReadOnly(command, globals, io.env);
		const yes = input.options.yes === true;
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const current = (await listProtectConfigurations(clients)).find(c => c.AccountDefault);
			if (!current) return unchanged(io, globals, 'There is no account default protect configuration: nothing to clear');
			const edit = protectDefaultEdit(clients.connection, {id: current.ProtectConfigurationId ?? '', label: protectLabel(current)}, {set: false});
			return applyPlanned(command, io, clients, edit, {yes, json: globals.json});
		});
	});
};

const which: CommandAction = async ({options}, globals, io) => {
	const countries = countriesOf(options.country as string, false, 'protect which');
	if (countries === 'all' || countries.length !== 1) throw new UsageError('protect which: give one --country');
	const capability = options.capability as ProtectCapability;
	const destinationText = options.destination as string | undefined;
	const destination = destinationText === undefined ? undefined : parseE164(destinationText);
	if (destination && !destination.ok) throw new UsageError(`protect which: --destination: ${destination.reason}`);
	const configurationSet = options.configSet as string | undefined;
	const protectText = options.protectConfiguration as string | undefined;
	return withClients(globals, io, async clients => {
		const protectId = protectText ? (await resolveProtect(clients, protectText)).ProtectConfigurationId : undefined;
		const answer = await explainProtect(clients, {configurationSet, protectConfigurationId: protectId, country: countries[0], capability, destination: destinationText});
		const {configurations, ...decision} = answer;
		const deciding = configurations.find(c => c.ProtectConfigurationId === decision.protectId);
		if (globals.json) {
			io.stdout.write(renderJson({country: countries[0], capability, ...decision, protectName: deciding?.Name ?? null}));
			return;
		}
		io.stdout.write(
			renderFacts([
				['Rule', decision.status],
				['Decided by', decision.source === 'none' ? 'nothing (no protect configuration applies)' : `the ${decision.source}: ${deciding ? protectLabel(deciding) : decision.protectId}`],
				...(decision.by ? ([['By', decision.by]] as [string, string][]) : []),
				['Why', decision.why],
			]),
		);
	});
};

// --capability (one of PROTECT_CAPABILITIES) and --status are checked by the command tree.
const rules: CommandAction = async ({args: [id], options}, globals, io) => {
	const capability = options.capability as ProtectCapability;
	const status = options.status as string | undefined;
	return withClients(globals, io, async clients => {
		const {ProtectConfigurationId} = await resolveProtect(clients, id);
		const rules = Object.entries(await getCountryRules(clients, ProtectConfigurationId ?? id, capability))
			.filter(([, s]) => status === undefined || s === status)
			.sort(([a], [b]) => a.localeCompare(b));
		writeRows(io.stdout, globals.json, [{title: 'Country', value: ([c]) => c}, {title: capability, value: ([, s]) => s}], rules, rows => Object.fromEntries(rows));
	});
};

const show: CommandAction = async ({args: [id]}, globals, io) =>
	withClients(globals, io, async clients => {
		const config = await resolveProtect(clients, id);
		const resolvedId = config.ProtectConfigurationId ?? id;
		const blocked: Record<string, Record<string, string[]>> = {};
		for (const capability of PROTECT_CAPABILITIES) {
			const byStatus: Record<string, string[]> = {};
			for (const [country, status] of Object.entries(await getCountryRules(clients, resolvedId, capability)).sort(([a], [b]) => a.localeCompare(b))) {
				if (status !== 'ALLOW') (byStatus[status] ??= []).push(country);
			}
			blocked[capability] = byStatus;
		}
		const overrides = await listNumberOverrides(clients, resolvedId);
		if (globals.json) {
			io.stdout.write(renderJson({...config, NotAllowed: blocked, RuleSetNumberOverrides: overrides}));
			return;
		}
		io.stdout.write(
			renderFacts([
				['Name', config.Name ?? '—'],
				['Id', config.ProtectConfigurationId ?? ''],
				['Account default', yn(config.AccountDefault)],
				['Deletion protection', yn(config.DeletionProtectionEnabled)],
				['Configuration sets', config.ConfigurationSets.join(', ') || 'none'],
				['Created', iso(config.CreatedTimestamp)],
				['ARN', config.ProtectConfigurationArn ?? ''],
			]) + '\n',
		);
		const lines = ['Countries not ALLOW (every other country is ALLOW):'];
		for (const capability of PROTECT_CAPABILITIES) {
			const byStatus = Object.entries(blocked[capability]);
			lines.push(`  ${capability.padEnd(5)} ${byStatus.length === 0 ? 'none' : byStatus.map(([s, cs]) => `${s} ${cs.join(' ')}`).join(' · ')}`);
		}
		io.stdout.write(renderLines(lines) + '\n');
		io.stdout.write(
			overrides.length === 0
				? renderLines(['Number overrides: none'])
				: renderTextTable(
						[
							{title: 'Number override', value: o => o.DestinationPhoneNumber ?? ''},
							{title: 'Action', value: o => o.Action ?? ''},
							{title: 'Country', value: o => o.IsoCountryCode ?? ''},
							{title: 'Expires', value: o => (o.ExpirationTimestamp ? iso(o.ExpirationTimestamp) : 'never')},
						],
						overrides,
					),
		);
	});

const list: CommandAction = async (_input, globals, io) => {
	return withClients(globals, io, async clients => {
		const rows = await listProtectConfigurations(clients);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Name', value: p => p.Name ?? '—'},
				{title: 'Id', value: p => p.ProtectConfigurationId ?? ''},
				{title: 'Account default', value: p => yn(p.AccountDefault)},
				{title: 'Deletion protection', value: p => yn(p.DeletionProtectionEnabled)},
				{title: 'Configuration sets', value: p => p.ConfigurationSets.join(', ') || '—'},
				{title: 'Created', value: p => iso(p.CreatedTimestamp)},
			],
			rows,
			list => list,
		);
	});
};

export const actions = {list, show, rules, set, associate: association(true), disassociate: association(false), default: accountDefault, which} satisfies Record<string, CommandAction>;
export const run = commandRunner('protect');
