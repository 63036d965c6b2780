// smsdeck config-sets [--region R] [--json]: configuration sets, one line per event destination
// (a set without destinations still gets a line); config-sets create|delete NAME [--yes] changes them.
import {destinationTarget, listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';
import {createConfigurationSet, deleteConfigurationSet} from '../services/changesService.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {checkConfigSetName} from '../domain/eventDestinations.js';
import {renderJson, renderLines} from './printTable.js';
import {auditChange, changeLine, confirm, parseChangeArgs, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';

type Destination = NonNullable<ConfigurationSet['EventDestinations']>[number];

interface Line {
	set: ConfigurationSet;
	destination?: Destination;
}

export const usage = `Usage: smsdeck config-sets [--region R] [--json]
       smsdeck config-sets create NAME [--yes]
       smsdeck config-sets delete NAME [--yes]

Lists the configuration sets in the Region, one line per event destination (kind, target,
matching event types). create makes an empty set (NAME: 1–64 letters, digits, _ and -); delete removes a set
with its event destinations (on a terminal, type "delete"; --yes confirms without asking). Their event
destinations: smsdeck destinations --help.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

/** config-sets create|delete NAME. */
const change: SubcommandRun = async ([action, ...rest], globals, io) =>
	runChange(io, async () => {
		const command = `config-sets ${action}`;
		const parsed = parseChangeArgs(command, rest, []);
		if (parsed.positional.length !== 1) throw new UsageError(`${command}: give one configuration set name`);
		const checked = checkConfigSetName(parsed.positional[0]);
		if (!checked.ok) throw new RuleError(`${command}: ${checked.reason}`);
		const name = checked.value;
		const create = action === 'create';
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, parsed.flags.has('yes'));
		return withChangeClients(globals, io, async clients => {
			const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', create ? 'create-configuration-set' : 'delete-configuration-set', {'configuration-set-name': name});
			const what = `${create ? 'New' : 'Delete'} configuration set ${name}`;
			const ok = await confirm(command, io, {yes: parsed.flags.has('yes'), typed: create ? undefined : 'delete', summary: [what, `$ ${cli}`]});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			const out = create ? await createConfigurationSet(clients, name) : await deleteConfigurationSet(clients, name);
			await auditChange(io.env, changeLine(clients.connection.region, what, create ? '' : name, create ? name : '', out.requestId), io);
			io.stdout.write(
				globals.json
					? renderJson({ConfigurationSetName: name, [create ? 'Created' : 'Deleted']: true, RequestId: out.requestId})
					: renderLines([`${what}: ${out.detail ?? 'done'}${out.requestId ? ` (request id ${out.requestId})` : ''}`]),
			);
		});
	});

export const run: SubcommandRun = async (args, globals, io) => {
	if (args[0] === 'create' || args[0] === 'delete') return change(args, globals, io);
	parseOptions('config-sets', args);
	return withClients(globals, io, async clients => {
		const sets = await listConfigurationSets(clients);
		const lines: Line[] = sets.flatMap(set =>
			(set.EventDestinations ?? []).length > 0 ? set.EventDestinations!.map(destination => ({set, destination})) : [{set}],
		);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Name', value: l => l.set.ConfigurationSetName ?? ''},
				{title: 'Default type', value: l => l.set.DefaultMessageType ?? ''},
				{title: 'Default sender', value: l => l.set.DefaultSenderId ?? ''},
				{title: 'Protect config', value: l => l.set.ProtectConfigurationId ?? ''},
				{title: 'Destination', value: l => l.destination?.EventDestinationName ?? ''},
				{title: 'Enabled', value: l => (l.destination ? yn(l.destination.Enabled) : '')},
				{title: 'Kind', value: l => (l.destination ? destinationTarget(l.destination).kind : '')},
				{title: 'Event types', value: l => (l.destination?.MatchingEventTypes ?? []).join(',')},
				{title: 'Target', value: l => (l.destination ? destinationTarget(l.destination).target : '')},
			],
			lines,
			() => sets,
		);
	});
};
