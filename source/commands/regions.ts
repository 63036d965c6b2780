// smsdeck regions [--json]: the End User Messaging SMS Regions, with SMS/MMS and voice support.
import {SMS_REGIONS} from '../domain/regions.js';
import {writeRows} from './printTable.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

const list: CommandAction = async (_input, globals, io) => {
	writeRows(
		io.stdout,
		globals.json,
		[
			{title: 'Code', value: r => r.code},
			{title: 'Name', value: r => r.name},
			{title: 'SMS/MMS', value: r => (r.sms ? 'yes' : 'no')},
			{title: 'Voice', value: r => (r.voice === undefined ? 'not stated' : r.voice ? 'yes' : 'no')},
			{title: 'Partition', value: r => r.partition},
			{title: 'FIPS', value: r => (r.fips ? 'yes' : 'no')},
		],
		SMS_REGIONS,
		rows => rows.map(r => ({code: r.code, name: r.name, partition: r.partition, sms: r.sms, mms: r.sms, voice: r.voice ?? null, fips: r.fips})),
	);
	return 0;
};

export const actions = {list} satisfies Record<string, CommandAction>;
export const run = commandRunner('regions');
