// smsdeck sender-ids [--region R] [--json]: the sender IDs in a Region.
import {listSenderIds} from '../services/senderIdsService.js';
import {parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck sender-ids [--region R] [--json]

Lists the sender IDs in the Region: country, message types, registered, deletion protection, price.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	parseOptions('sender-ids', args);
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
