// smsdeck verified [--region R] [--json]: the verified destination numbers (sandbox).
import {listVerifiedNumbers} from '../services/verifiedService.js';
import {iso, withClients} from './browse.js';
import {writeRows} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

const list: CommandAction = async (_input, globals, io) => {
	return withClients(globals, io, async clients => {
		const numbers = await listVerifiedNumbers(clients);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Number', value: v => v.DestinationPhoneNumber ?? ''},
				{title: 'Status', value: v => v.Status ?? ''},
				{title: 'Created', value: v => iso(v.CreatedTimestamp)},
				{title: 'Id', value: v => v.VerifiedDestinationNumberId ?? ''},
			],
			numbers,
			rows => rows,
		);
	});
};

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('verified');
