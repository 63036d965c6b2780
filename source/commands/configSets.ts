// smsdeck config-sets [--region R] [--json]: configuration sets, one line per event destination
// (a set without destinations still gets a line).
import {destinationTarget, listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

type Destination = NonNullable<ConfigurationSet['EventDestinations']>[number];

interface Line {
	set: ConfigurationSet;
	destination?: Destination;
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

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('config-sets');
