// smsdeck protect [--json]: the protect configurations, with the account default and the configuration sets using each.
// smsdeck protect show ID [--json]: one — its associations, the countries that are not ALLOW per capability, and its
// number overrides. smsdeck protect rules ID --capability SMS|MMS|VOICE [--status S] [--json]: its country rules.
import {getCountryRules, listNumberOverrides, listProtectConfigurations, PROTECT_CAPABILITIES, type ProtectCapability} from '../services/protectService.js';
import {iso, parseOptions, withClients, yn} from './browse.js';
import {renderFacts, renderJson, renderLines, renderTextTable, writeRows} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck protect [--json]
       smsdeck protect show ID [--json]
       smsdeck protect rules ID --capability SMS|MMS|VOICE [--status ALLOW|BLOCK|MONITOR|FILTER] [--json]

Lists the protect configurations in the Region (which one is the account default, which configuration sets use
each); "show" prints one: its associations, per capability the countries whose rule is not ALLOW, and its number
overrides; "rules" prints its country rules for one capability (--status keeps only those). ID is a protect-… id or
its ARN. A send is decided by the request's protect configuration, else its configuration set's, else the account
default; in it a number override wins over the country's rule.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

const STATUSES = ['ALLOW', 'BLOCK', 'MONITOR', 'FILTER'];

function capabilityOf(value: string | undefined, command: string): ProtectCapability {
	if (!value) throw new UsageError(`${command}: --capability is needed (SMS, MMS or VOICE)`);
	const upper = value.toUpperCase();
	if (!(PROTECT_CAPABILITIES as readonly string[]).includes(upper)) throw new UsageError(`${command}: --capability must be SMS, MMS or VOICE (got "${value}")`);
	return upper as ProtectCapability;
}

function idArg(args: readonly string[], command: string): string {
	const id = args[1];
	if (!id || id.startsWith('--')) throw new UsageError(`${command}: which protect configuration? (smsdeck ${command} protect-…)`);
	return id;
}

export const run: SubcommandRun = async (args, globals, io) => {
	if (args[0] === 'rules') {
		const id = idArg(args, 'protect rules');
		const options = parseOptions('protect rules', args.slice(2), ['capability', 'status']);
		const capability = capabilityOf(options.capability, 'protect rules');
		const status = options.status?.toUpperCase();
		if (status !== undefined && !STATUSES.includes(status)) throw new UsageError(`protect rules: --status must be one of ${STATUSES.join(', ')} (got "${options.status}")`);
		return withClients(globals, io, async clients => {
			const rules = Object.entries(await getCountryRules(clients, id, capability))
				.filter(([, s]) => status === undefined || s === status)
				.sort(([a], [b]) => a.localeCompare(b));
			writeRows(io.stdout, globals.json, [{title: 'Country', value: ([c]) => c}, {title: capability, value: ([, s]) => s}], rules, rows => Object.fromEntries(rows));
		});
	}
	if (args[0] === 'show') {
		const id = idArg(args, 'protect show');
		parseOptions('protect show', args.slice(2));
		return withClients(globals, io, async clients => {
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
