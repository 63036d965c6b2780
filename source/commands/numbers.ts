// smsdeck numbers [--region R] [--json]: the phone numbers in a Region (including simulator numbers).
import {listPhoneNumbers} from '../services/numbersService.js';
import {withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

const list: CommandAction = async (_input, globals, io) => {
	return withClients(globals, io, async clients => {
		const numbers = await listPhoneNumbers(clients);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Number', value: n => n.PhoneNumber ?? ''},
				{title: 'Type', value: n => n.NumberType ?? ''},
				{title: 'Status', value: n => n.Status ?? ''},
				{title: 'Country', value: n => n.IsoCountryCode ?? ''},
				{title: 'Capabilities', value: n => (n.NumberCapabilities ?? []).join(',')},
				{title: 'Message type', value: n => n.MessageType ?? ''},
				{title: 'Two-way', value: n => yn(n.TwoWayEnabled)},
				{title: 'Pool', value: n => n.PoolId ?? ''},
				{title: 'Opt-out list', value: n => n.OptOutListName ?? ''},
				{title: 'Monthly', value: n => (n.MonthlyLeasingPrice ? `$${n.MonthlyLeasingPrice}` : ''), align: 'right'},
				{title: 'Id', value: n => n.PhoneNumberId ?? ''},
			],
			numbers,
			rows => rows,
		);
	});
};

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('numbers');
