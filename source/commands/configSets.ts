// smsdeck config-sets [--region R] [--json]: configuration sets, one line per event destination
// (a set without destinations still gets a line); config-sets create|delete NAME [--yes] changes them.
import {destinationTarget, listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import {createConfigurationSet, deleteConfigurationSet} from '../services/changesService.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {checkConfigSetName} from '../domain/eventDestinations.js';
import {renderJson, renderLines} from './printTable.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

type Destination = NonNullable<ConfigurationSet['EventDestinations']>[number];

interface Line {
	set: ConfigurationSet;
	destination?: Destination;
}

/** config-sets create|delete NAME. */
function change(create: boolean): CommandAction {
	const command = `config-sets ${create ? 'create' : 'delete'}`;
	return async ({args: [typed], options}, globals, io) =>
		runChange(io, async () => {
			const checked = checkConfigSetName(typed);
			if (!checked.ok) throw new RuleError(`${command}: ${checked.reason}`);
			const name = checked.value;
			const yes = options.yes === true;
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, yes);
			return withChangeClients(globals, io, async clients => {
				const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', create ? 'create-configuration-set' : 'delete-configuration-set', {'configuration-set-name': name});
				const what = `${create ? 'New' : 'Delete'} configuration set ${name}`;
				const ok = await confirm(command, io, {yes, typed: create ? undefined : 'delete', summary: [what, `$ ${cli}`]});
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
}

const list: CommandAction = async (_input, globals, io) => {
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

export const actions = {list, create: change(true), delete: change(false)} satisfies Record<string, CommandAction>;
export const run = commandRunner('config-sets');
