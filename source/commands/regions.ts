// smsdeck regions [--json]: the End User Messaging SMS Regions, with SMS/MMS and voice support.
import {SMS_REGIONS} from '../domain/regions.js';
import {writeRows} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck regions [--json]

Lists the AWS Regions where End User Messaging SMS is available (the service's endpoint data), with their
partition and SMS/MMS, voice and FIPS support (voice: as the user guide states it; null where it does not).
`;

export const run: SubcommandRun = async (args, globals, io) => {
	if (args.length > 0) throw new UsageError(`regions takes no arguments (got "${args[0]}")`);
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
