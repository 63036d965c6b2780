// smsdeck verified [--region R] [--json]: the verified destination numbers (sandbox).
import {parseOptions} from './browse.js';
import type {SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck verified [--region R] [--json]

Lists the verified destination numbers in the Region (the sandbox may only send to these).

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

/** The same as `smsdeck verify list`. */
export const run: SubcommandRun = async (args, globals, io) => {
	parseOptions('verified', args);
	const {run: verify} = await import('./verify.js');
	return verify(['list'], globals, io);
};
