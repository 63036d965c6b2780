// smsdeck config [--json]: who smsdeck would act as and where it would send requests, and why — profile,
// credentials, Region, the endpoint of each service, CA bundle, proxy, read-only — like `aws configure list`.
// No request is sent.
import {writeMessage, writeRows} from './printTable.js';
import {resolveForCommand} from './connect.js';
import {commandRunner} from './commandTree.js';
import type {CommandAction} from './types.js';

const show: CommandAction = async (_input, globals, io) => {
	const [{describeResolution}, resolution] = await Promise.all([import('../services/resolver.js'), resolveForCommand(globals, io.env)]);
	for (const warning of resolution.warnings) writeMessage(io.stderr, warning);
	const rows = describeResolution(resolution);
	writeRows(
		io.stdout,
		globals.json,
		[
			{title: 'Name', value: r => r.name},
			{title: 'Value', value: r => r.value},
			{title: 'Source', value: r => r.source},
		],
		rows,
		list => Object.fromEntries(list.map(r => [r.name, {value: r.value, source: r.source}])),
	);
	return 0;
};

export const actions = {show} satisfies Record<string, CommandAction>;
export const run = commandRunner('config');
