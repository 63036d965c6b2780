// smsdeck numbers [--region R] [--json]: the phone numbers in a Region (including simulator numbers).
import {listPhoneNumbers} from '../services/numbersService.js';
import {parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck numbers [--region R] [--json]

Lists the phone numbers in the Region (including simulator numbers): type, status, country,
capabilities, message type, two-way, pool, opt-out list, monthly lease price.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	parseOptions('numbers', args);
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
