// smsdeck config-sets [--region R] [--json]: configuration sets, one line per event destination
// (a set without destinations still gets a line).
import {destinationTarget, listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

type Destination = NonNullable<ConfigurationSet['EventDestinations']>[number];

interface Line {
	set: ConfigurationSet;
	destination?: Destination;
}

export const usage = `Usage: smsdeck config-sets [--region R] [--json]

Lists the configuration sets in the Region, one line per event destination (kind, target,
matching event types).

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
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
