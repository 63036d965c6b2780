// smsdeck protect [--json]: the protect configurations, with the account default and the configuration sets using each.
// smsdeck protect show ID [--json]: one — its associations, the countries that are not ALLOW per capability, and its
// number overrides. smsdeck protect rules ID --capability SMS|MMS|VOICE [--status S] [--json]: its country rules.
import {explainProtect, getCountryRules, listNumberOverrides, listProtectConfigurations, PROTECT_CAPABILITIES, resolveProtect, type ProtectCapability} from '../services/protectService.js';
import {getConfigurationSet} from '../services/configSetsService.js';
import {UnresolvedIdentityError} from '../services/identityResolver.js';
import {countryFromInput, mergeRuleChanges, statusesFor} from '../domain/protectRules.js';
import {ISO_COUNTRIES, parseE164} from '../domain/e164.js';
import {protectAssociationEdit, protectDefaultEdit, protectRulesEdit} from '../app/editPlans.js';
import {applyPlanned, parseChangeArgs, refuseReadOnly, requireConfirmable, required, RuleError, runChange, withChangeClients} from './change.js';
import {iso, parseOptions, withClients, yn} from './browse.js';
import {renderFacts, renderJson, renderLines, renderTextTable, writeRows} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck protect [--json]
       smsdeck protect show ID [--json]
       smsdeck protect rules ID --capability SMS|MMS|VOICE [--status ALLOW|BLOCK|MONITOR|FILTER] [--json]
       smsdeck protect set ID (--country GB[,FR…] | --all) --status ALLOW|BLOCK|MONITOR|FILTER [--capability SMS] [--yes]
       smsdeck protect associate ID --config-set NAME [--yes]
       smsdeck protect disassociate ID --config-set NAME [--yes]
       smsdeck protect default ID [--yes]        smsdeck protect default --clear [--yes]
       smsdeck protect which --country GB [--capability SMS] [--config-set NAME] [--protect-configuration ID]
                             [--destination +447700900123] [--json]

Lists the protect configurations in the Region (which one is the account default, which configuration sets use
each); "show" prints one: its associations, per capability the countries whose rule is not ALLOW, and its number
overrides; "rules" prints its country rules for one capability (--status keeps only those). ID is a protect-… id, its
ARN or its Name tag. A send is decided by the request's protect configuration, else its configuration set's, else
the account default; in it a number override wins over the country's rule. "which" says which rule decides a send
and why.
"set" changes the rule of the countries given (ISO codes; --all: every country) for one capability (default SMS;
FILTER is SMS only), in calls of at most 300 countries. "associate" makes a configuration set use it (replacing the
one it had), "disassociate" takes it away, "default" makes it the account default (--clear: no account default).
Changes ask for confirmation on a terminal; --yes confirms without asking (needed when stdin is not a terminal);
--read-only refuses them.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input
or a change refused before any call.
`;

const STATUSES = ['ALLOW', 'BLOCK', 'MONITOR', 'FILTER'] as readonly string[];

function capabilityOf(value: string | undefined, command: string): ProtectCapability {
	if (!value) throw new UsageError(`${command}: --capability is needed (SMS, MMS or VOICE)`);
	const upper = value.toUpperCase();
	if (!(PROTECT_CAPABILITIES as readonly string[]).includes(upper)) throw new UsageError(`${command}: --capability must be SMS, MMS or VOICE (got "${value}")`);
	return upper as ProtectCapability;
}

function idArg(args: readonly string[], command: string): string {
	const id = args[1];
	if (!id || id.startsWith('--')) throw new UsageError(`${command}: which protect configuration? (smsdeck ${command} protect-… or its name)`);
	return id;
}

function statusOf(value: string | undefined, capability: ProtectCapability, command: string): string {
	if (!value) throw new UsageError(`${command}: --status is needed (${statusesFor(capability).join(', ')})`);
	const upper = value.toUpperCase();
	if (!statusesFor(capability).includes(upper)) {
		throw new UsageError(`${command}: ${capability} rules are ${statusesFor(capability).join(', ')} (got "${value}")${upper === 'FILTER' ? '; FILTER applies to SMS only' : ''}`);
	}
	return upper;
}

function countriesOf(value: string | undefined, all: boolean, command: string): string[] | 'all' {
	if (all && value) throw new UsageError(`${command}: give --country or --all, not both`);
	if (all) return 'all';
	if (!value) throw new UsageError(`${command}: which countries? --country GB[,FR…] (ISO codes) or --all`);
	const out: string[] = [];
	for (const part of value.split(',').map(p => p.trim()).filter(Boolean)) {
		const iso = countryFromInput(part, ISO_COUNTRIES);
		if (!iso) throw new UsageError(`${command}: "${part}" is not a country (ISO 3166 code such as GB, or its English name)`);
		out.push(iso);
	}
	if (out.length === 0) throw new UsageError(`${command}: --country is empty`);
	return out;
}

/** The protect changes: each one the plan the console stages, confirmed and applied. */
async function runChangeAction(action: string, args: readonly string[], globals: Parameters<SubcommandRun>[1], io: Parameters<SubcommandRun>[2]): Promise<number> {
	const command = `protect ${action}`;
	if (action === 'default' && args[1] === '--clear') {
		const parsed = parseChangeArgs(command, args.slice(2), []);
		if (parsed.positional.length > 0) throw new UsageError(`${command}: --clear takes no protect configuration`);
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, parsed.flags.has('yes'));
		return withChangeClients(globals, io, async clients => {
			const current = (await listProtectConfigurations(clients)).find(c => c.AccountDefault);
			if (!current) {
				io.stdout.write(renderLines(['There is no account default protect configuration: nothing to clear']));
				return 0;
			}
			const edit = protectDefaultEdit(clients.connection, {id: current.ProtectConfigurationId ?? '', label: labelOf(current)}, {set: false});
			return applyPlanned(command, io, clients, edit, {yes: parsed.flags.has('yes'), json: globals.json});
		});
	}
	const typed = idArg(args, command);
	const options = action === 'set' ? ['country', 'status', 'capability'] : action === 'default' ? [] : ['config-set'];
	const parsed = parseChangeArgs(command, args.slice(2), options, action === 'set' ? ['yes', 'all'] : ['yes']);
	if (parsed.positional.length > 0) throw new UsageError(`${command}: unexpected argument "${parsed.positional[0]}"`);
	const yes = parsed.flags.has('yes');
	let rules: {capability: ProtectCapability; status: string; countries: string[] | 'all'} | undefined;
	if (action === 'set') {
		const capability = parsed.options.capability === undefined ? 'SMS' : capabilityOf(parsed.options.capability, command);
		rules = {capability, status: statusOf(parsed.options.status, capability, command), countries: countriesOf(parsed.options.country, parsed.flags.has('all'), command)};
	}
	const configSet = action === 'associate' || action === 'disassociate' ? required(command, parsed, 'config-set') : undefined;
	await refuseReadOnly(command, globals, io.env);
	requireConfirmable(command, yes);
	return withChangeClients(globals, io, async clients => {
		const config = await resolveProtect(clients, typed).catch(error => {
			throw error instanceof UnresolvedIdentityError ? new RuleError(`${command}: ${error.message}`) : error;
		});
		const target = {id: config.ProtectConfigurationId ?? '', label: labelOf(config)};
		const done = (line: string) => {
			io.stdout.write(globals.json ? renderJson({change: null, detail: line}) : renderLines([line]));
			return 0;
		};
		if (rules) {
			const current = await getCountryRules(clients, target.id, rules.capability);
			const wanted = rules.countries === 'all' ? Object.keys(current) : rules.countries;
			const unknown = wanted.filter(iso => !(iso in current));
			if (unknown.length > 0) throw new RuleError(`${command}: the service has no ${rules.capability} rule for ${unknown.join(', ')}; nothing was sent`);
			const changes = mergeRuleChanges(current, {}, Object.fromEntries(wanted.map(iso => [iso, rules.status])));
			if (Object.keys(changes).length === 0) return done(`${rules.capability} rules of ${target.label}: already ${rules.status} for ${wanted.length === 1 ? wanted[0] : `all ${wanted.length} countries`}; nothing to change`);
			return applyPlanned(command, io, clients, protectRulesEdit(clients.connection, target, rules.capability, current, changes), {yes, json: globals.json});
		}
		if (action === 'default') {
			if (config.AccountDefault) return done(`${target.label} is already the account default; nothing to change`);
			const before = (await listProtectConfigurations(clients)).find(c => c.AccountDefault);
			return applyPlanned(command, io, clients, protectDefaultEdit(clients.connection, target, {set: true, replaces: before ? labelOf(before) : undefined}), {yes, json: globals.json});
		}
		const set = await getConfigurationSet(clients, configSet!).catch(() => undefined);
		if (!set) throw new RuleError(`${command}: no configuration set ${configSet} in ${clients.connection.region}; nothing was sent`);
		const uses = set.ProtectConfigurationId;
		if (action === 'associate') {
			if (uses === target.id) return done(`${configSet} already uses ${target.label}; nothing to change`);
			return applyPlanned(command, io, clients, protectAssociationEdit(clients.connection, target, configSet!, {associate: true, replaces: uses}), {yes, json: globals.json});
		}
		if (uses !== target.id) throw new RuleError(`${command}: ${configSet} ${uses ? `uses ${uses}` : 'has no protect configuration'}, not ${target.label}; nothing was sent`);
		return applyPlanned(command, io, clients, protectAssociationEdit(clients.connection, target, configSet!, {associate: false}), {yes, json: globals.json});
	});
}

const labelOf = (c: {Name?: string; ProtectConfigurationId?: string}) => (c.Name ? `${c.Name} (${c.ProtectConfigurationId})` : (c.ProtectConfigurationId ?? ''));

export const run: SubcommandRun = async (args, globals, io) => {
	if (args[0] === 'set' || args[0] === 'associate' || args[0] === 'disassociate' || args[0] === 'default') {
		const action = args[0];
		return runChange(io, () => runChangeAction(action, args, globals, io));
	}
	if (args[0] === 'which') {
		const options = parseOptions('protect which', args.slice(1), ['country', 'capability', 'config-set', 'protect-configuration', 'destination']);
		const countries = countriesOf(options.country, false, 'protect which');
		if (countries === 'all' || countries.length !== 1) throw new UsageError('protect which: give one --country');
		const capability = options.capability === undefined ? 'SMS' : capabilityOf(options.capability, 'protect which');
		const destination = options.destination === undefined ? undefined : parseE164(options.destination);
		if (destination && !destination.ok) throw new UsageError(`protect which: --destination: ${destination.reason}`);
		return withClients(globals, io, async clients => {
			const protectId = options['protect-configuration'] ? (await resolveProtect(clients, options['protect-configuration'])).ProtectConfigurationId : undefined;
			const answer = await explainProtect(clients, {configurationSet: options['config-set'], protectConfigurationId: protectId, country: countries[0], capability, destination: options.destination});
			const {configurations, ...decision} = answer;
			const deciding = configurations.find(c => c.ProtectConfigurationId === decision.protectId);
			if (globals.json) {
				io.stdout.write(renderJson({country: countries[0], capability, ...decision, protectName: deciding?.Name ?? null}));
				return;
			}
			io.stdout.write(
				renderFacts([
					['Rule', decision.status],
					['Decided by', decision.source === 'none' ? 'nothing (no protect configuration applies)' : `the ${decision.source}: ${deciding ? labelOf(deciding) : decision.protectId}`],
					...(decision.by ? ([['By', decision.by]] as [string, string][]) : []),
					['Why', decision.why],
				]),
			);
		});
	}
	if (args[0] === 'rules') {
		const id = idArg(args, 'protect rules');
		const options = parseOptions('protect rules', args.slice(2), ['capability', 'status']);
		const capability = capabilityOf(options.capability, 'protect rules');
		const status = options.status?.toUpperCase();
		if (status !== undefined && !STATUSES.includes(status)) throw new UsageError(`protect rules: --status must be one of ${STATUSES.join(', ')} (got "${options.status}")`);
		return withClients(globals, io, async clients => {
			const {ProtectConfigurationId} = await resolveProtect(clients, id);
			const rules = Object.entries(await getCountryRules(clients, ProtectConfigurationId ?? id, capability))
				.filter(([, s]) => status === undefined || s === status)
				.sort(([a], [b]) => a.localeCompare(b));
			writeRows(io.stdout, globals.json, [{title: 'Country', value: ([c]) => c}, {title: capability, value: ([, s]) => s}], rules, rows => Object.fromEntries(rows));
		});
	}
	if (args[0] === 'show') {
		const id = idArg(args, 'protect show');
		parseOptions('protect show', args.slice(2));
		return withClients(globals, io, async clients => {
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
	}
	parseOptions('protect', args);
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
