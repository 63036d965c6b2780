// smsdeck pools [--region R] [--json]: the phone pools in a Region.
import {listPools} from '../services/poolsService.js';
import {withClients, yn} from './browse.js';
import {writeRows} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

const list: CommandAction = async (_input, globals, io) => {
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

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('pools');
