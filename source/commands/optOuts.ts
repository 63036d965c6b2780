// smsdeck opt-outs [--list NAME] [--region R] [--json]: the opt-out lists, or the numbers in one list;
// smsdeck opt-outs add|remove --list NAME NUMBER: opt a number out, or remove it from the list.
import {changeOptOut} from './optOutChange.js';
import {listOptedOutNumbers, listOptOutLists} from '../services/optOutsService.js';
import {resolveIdentity} from '../services/identityResolver.js';
import {iso, parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck opt-outs [--list NAME] [--region R] [--json]
       smsdeck opt-outs add|remove --list NAME NUMBER [--yes]

Lists the opt-out lists in the Region; with --list NAME (or its ARN), the opted-out numbers in that list.
add opts NUMBER (E.164, e.g. +12065550150) out on the list; remove takes it off the list (type "delete" to
confirm on a terminal). --yes confirms without asking (needed when stdin is not a terminal). Exit code 2
for a number that is not E.164 (nothing is sent), 1 when the service refuses.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	if (args[0] === 'add' || args[0] === 'remove') return changeOptOut(args[0], args.slice(1), globals, io);
	const options = parseOptions('opt-outs', args, ['list']);
	return withClients(globals, io, async clients => {
		if (options.list !== undefined) {
			const {id} = await resolveIdentity(clients, 'optOutList', options.list);
			const numbers = await listOptedOutNumbers(clients, id);
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
