// smsdeck opt-outs [--list NAME] [--region R] [--json]: the opt-out lists, or the numbers in one list.
import {listOptedOutNumbers, listOptOutLists} from '../services/optOutsService.js';
import {iso, parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck opt-outs [--list NAME] [--region R] [--json]

Lists the opt-out lists in the Region; with --list NAME, the opted-out numbers in that list.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	const options = parseOptions('opt-outs', args, ['list']);
	return withClients(globals, io, async clients => {
		if (options.list !== undefined) {
			const numbers = await listOptedOutNumbers(clients, options.list);
			writeRows(
				io.stdout,
				globals.json,
				[
					{title: 'Number', value: n => n.OptedOutNumber ?? ''},
					{title: 'Opted out', value: n => iso(n.OptedOutTimestamp)},
					{title: 'End user opted out', value: n => yn(n.EndUserOptedOut)},
				],
				numbers,
				rows => rows,
			);
			return;
		}
		const lists = await listOptOutLists(clients);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Name', value: l => l.OptOutListName ?? ''},
				{title: 'Created', value: l => iso(l.CreatedTimestamp)},
				{title: 'ARN', value: l => l.OptOutListArn ?? ''},
			],
			lists,
			rows => rows,
		);
	});
};
