// smsdeck pools [--region R] [--json]: the phone pools in a Region.
import {listPools} from '../services/poolsService.js';
import {parseOptions, withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck pools [--region R] [--json]

Lists the phone pools in the Region: status, message type, two-way, self-managed opt-outs,
shared routes, deletion protection, opt-out list.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	parseOptions('pools', args);
	return withClients(globals, io, async clients => {
		const pools = await listPools(clients);
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Pool', value: p => p.PoolId ?? ''},
				{title: 'Status', value: p => p.Status ?? ''},
				{title: 'Message type', value: p => p.MessageType ?? ''},
				{title: 'Two-way', value: p => yn(p.TwoWayEnabled)},
				{title: 'Self opt-out', value: p => yn(p.SelfManagedOptOutsEnabled)},
				{title: 'Shared routes', value: p => yn(p.SharedRoutesEnabled)},
				{title: 'Del. protect', value: p => yn(p.DeletionProtectionEnabled)},
				{title: 'Opt-out list', value: p => p.OptOutListName ?? ''},
			],
			pools,
			rows => rows,
		);
	});
};
