// smsdeck registrations [--region R] [--json]: the registrations with status, version, time in state and numbers.
// smsdeck registrations show ID [--version N] [--json]: one registration — its fields by section (a denied field with
// its reason), the version history with denial reasons, and the numbers it holds.
import {getRegistration, listRegistrations} from '../services/registrationsService.js';
import {registrationReport, registrationTypeLabel} from '../domain/registrations.js';
import {formatAge} from '../domain/duration.js';
import {iso, withClients} from './browse.js';
import {commandRunner} from './commandTree.js';
import {renderJson, renderLines, writeRows} from './printTable.js';
import {UsageError, type CommandAction} from './types.js';

const show: CommandAction = async ({args: [id], options}, globals, io) => {
	const given = options.version as string | undefined;
	let version: number | undefined;
	if (given !== undefined) {
		version = Number(given);
		if (!/^\d+$/.test(given) || version < 1) throw new UsageError(`registrations show: --version must be a version number from 1 (got "${given}")`);
	}
	return withClients(globals, io, async clients => {
		const detail = await getRegistration(clients, id, {version});
		if (globals.json) {
			io.stdout.write(renderJson(detail));
			return;
		}
		io.stdout.write(renderLines(registrationReport(detail, 'x').map(line => (line.detail ? `${line.text}  (${line.detail})` : line.text))));
	});
};

const list: CommandAction = async (_input, globals, io) =>
	withClients(globals, io, async clients => {
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

export const actions = {list, show} satisfies Record<string, CommandAction>;
export const run = commandRunner('registrations');
