// smsdeck protect [--json]: the protect configurations, with the account default and the configuration sets using each.
// smsdeck protect show ID [--json]: one — its associations, the countries that are not ALLOW per capability, and its
// number overrides. smsdeck protect rules ID --capability SMS|MMS|VOICE [--status S] [--json]: its country rules.
import {getCountryRules, listNumberOverrides, listProtectConfigurations, PROTECT_CAPABILITIES, type ProtectCapability} from '../services/protectService.js';
import {iso, withClients, yn} from './browse.js';
import {commandRunner} from './commandTree.js';
import {renderFacts, renderJson, renderLines, renderTextTable, writeRows} from './printTable.js';
import type {CommandAction} from './types.js';

// --capability (one of PROTECT_CAPABILITIES) and --status are checked by the command tree.
const rules: CommandAction = async ({args: [id], options}, globals, io) => {
	const capability = options.capability as ProtectCapability;
	const status = options.status as string | undefined;
	return withClients(globals, io, async clients => {
		const rules = Object.entries(await getCountryRules(clients, id, capability))
			.filter(([, s]) => status === undefined || s === status)
			.sort(([a], [b]) => a.localeCompare(b));
		writeRows(io.stdout, globals.json, [{title: 'Country', value: ([c]) => c}, {title: capability, value: ([, s]) => s}], rules, rows => Object.fromEntries(rows));
	});
};

const show: CommandAction = async ({args: [id]}, globals, io) =>
	withClients(globals, io, async clients => {
		const [config] = await listProtectConfigurations(clients, {ids: [id]});
		const blocked: Record<string, Record<string, string[]>> = {};
		for (const capability of PROTECT_CAPABILITIES) {
			const byStatus: Record<string, string[]> = {};
			for (const [country, status] of Object.entries(await getCountryRules(clients, id, capability)).sort(([a], [b]) => a.localeCompare(b))) {
				if (status !== 'ALLOW') (byStatus[status] ??= []).push(country);
			}
			blocked[capability] = byStatus;
		}
		const overrides = await listNumberOverrides(clients, id);
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

export const actions = {list, show, rules} satisfies Record<string, CommandAction>;
export const run = commandRunner('protect');
