// smsdeck sender-ids [--region R] [--json]: the sender IDs in a Region.
import {listSenderIds} from '../services/senderIdsService.js';
import {withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

const list: CommandAction = async (_input, globals, io) => {
	return withClients(globals, io, async clients => {
		const senderIds = await listSenderIds(clients);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Sender ID', value: s => s.SenderId ?? ''},
				{title: 'Country', value: s => s.IsoCountryCode ?? ''},
				{title: 'Message types', value: s => (s.MessageTypes ?? []).join(',')},
				{title: 'Registered', value: s => yn(s.Registered)},
				{title: 'Del. protect', value: s => yn(s.DeletionProtectionEnabled)},
				{title: 'Monthly', value: s => (s.MonthlyLeasingPrice ? `$${s.MonthlyLeasingPrice}` : ''), align: 'right'},
				{title: 'ARN', value: s => s.SenderIdArn ?? ''},
			],
			senderIds,
			rows => rows,
		);
	});
};

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('sender-ids');
