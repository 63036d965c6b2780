// smsdeck verified [--region R] [--json]: the verified destination numbers (sandbox).
import {listVerifiedNumbers} from '../services/verifiedService.js';
import {iso, parseOptions, withClients} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck verified [--region R] [--json]

Lists the verified destination numbers in the Region (the sandbox may only send to these).

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	parseOptions('verified', args);
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
