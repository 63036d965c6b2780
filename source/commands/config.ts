// smsdeck config [--json]: who smsdeck would act as and where it would send requests, and why — profile,
// credentials, Region, the endpoint of each service, CA bundle, proxy, read-only — like `aws configure list`.
// No request is sent.
import {writeMessage, writeRows} from './printTable.js';
import {resolveForCommand} from './connect.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck config [--profile NAME] [--region R] [--endpoint-url URL] [--json]

Shows how smsdeck resolves the connection from the options, the environment and the AWS config files —
profile, credentials, Region, the endpoint of each service (sms-voice, logs, sts), CA bundle, proxy and
read-only — and where each value comes from. Sends nothing. Exit code 0, 2 when the configuration cannot
work (a profile that does not exist, no Region, a malformed endpoint URL), with the reason.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	if (args.length > 0) throw new UsageError(`config takes no arguments besides the global options (got "${args[0]}")`);
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
