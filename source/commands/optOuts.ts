// smsdeck opt-outs [--list NAME] [--region R] [--json]: the opt-out lists, or the numbers in one list;
// smsdeck opt-outs add|remove --list NAME NUMBER: opt a number out, or remove it from the list.
import {changeOptOut} from './optOutChange.js';
import {listOptedOutNumbers, listOptOutLists} from '../services/optOutsService.js';
import {resolveIdentity} from '../services/identityResolver.js';
import {iso, withClients, yn} from './browse.js';
import {commandRunner} from './commandTree.js';
import {writeRows} from './printTable.js';
import type {CommandAction} from './types.js';

const list: CommandAction = async ({options}, globals, io) => {
	return withClients(globals, io, async clients => {
		if (typeof options.list === 'string') {
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

export const actions = {
	list,
	add: (input, globals, io) => changeOptOut('add', input, globals, io),
	remove: (input, globals, io) => changeOptOut('remove', input, globals, io),
} satisfies Record<string, CommandAction>;
export const run = commandRunner('opt-outs');
