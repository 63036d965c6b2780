// smsdeck registrations [--region R] [--json]: the registrations with status, version, time in state and numbers.
// smsdeck registrations show ID [--version N] [--json]: one registration — its fields by section (a denied field with
// its reason), the version history with denial reasons, and the numbers it holds.
import {getRegistration, listRegistrations} from '../services/registrationsService.js';
import {registrationReport, registrationTypeLabel} from '../domain/registrations.js';
import {formatAge} from '../domain/duration.js';
import {iso, parseOptions, withClients} from './browse.js';
import {renderJson, renderLines, writeRows} from './printTable.js';
import {UsageError, type SubcommandRun} from './types.js';

export const usage = `Usage: smsdeck registrations [--json]
       smsdeck registrations show ID [--version N] [--json]

Lists the registrations in the Region (US toll-free, 10DLC brands, vetting and campaigns): name, type, status,
current version, how long in that status, and how many numbers each holds. "show" prints one: what to do next,
its fields by section (a denied field with the reviewer's reason), the versions with their denial reasons, and
the numbers associated with it. ID is a registration-… id or its ARN; --version shows that version's values.

Options: --region CODE, --profile NAME, --endpoint-url URL, --local (the built-in emulator), --json (the API's
shapes, timestamps as ISO 8601). Exit code 0, 1 when the service fails (one line on stderr), 2 on bad input.
`;

export const run: SubcommandRun = async (args, globals, io) => {
	if (args[0] === 'show') {
		const id = args[1];
		if (!id || id.startsWith('--')) throw new UsageError('registrations show: which registration? (smsdeck registrations show registration-…)');
		const options = parseOptions('registrations show', args.slice(2), ['version']);
		let version: number | undefined;
		if (options.version !== undefined) {
			version = Number(options.version);
			if (!/^\d+$/.test(options.version) || version < 1) throw new UsageError(`registrations show: --version must be a version number from 1 (got "${options.version}")`);
		}
		return withClients(globals, io, async clients => {
			const detail = await getRegistration(clients, id, {version});
			if (globals.json) {
				io.stdout.write(renderJson(detail));
				return;
			}
			io.stdout.write(renderLines(registrationReport(detail, 'x').map(line => (line.detail ? `${line.text}  (${line.detail})` : line.text))));
		});
	}
	parseOptions('registrations', args);
	return withClients(globals, io, async clients => {
		const rows = await listRegistrations(clients);
		const now = Date.now();
		writeRows(
			io.stdout,
			globals.json,
			[
				{title: 'Name', value: r => r.Name ?? '—'},
				{title: 'Type', value: r => registrationTypeLabel(r.RegistrationType)},
				{title: 'Status', value: r => r.RegistrationStatus ?? ''},
				{title: 'Version', value: r => `v${r.CurrentVersionNumber ?? '?'}`},
				{title: 'In state', value: r => (r.StateSince ? formatAge(now - r.StateSince.getTime()) : ''), align: 'right'},
				{title: 'Numbers', value: r => String(r.AssociationCount ?? ''), align: 'right'},
				{title: 'Created', value: r => iso(r.CreatedTimestamp)},
				{title: 'Id', value: r => r.RegistrationId ?? ''},
			],
			rows,
			list => list,
		);
	});
};
