// smsdeck registrations and registrations show, through the real subcommand against the emulator's default seed.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import {run as registrations} from '../../source/commands/registrations.js';
import {UsageError} from '../../source/commands/types.js';

const {call} = commandBench('registrations');

test('registrations: a table of every registration with status, version, time in state and numbers held; --json the API shapes', async () => {
	const r = await call(registrations, []);
	assert.equal(r.code, 0, r.err);
	const lines = r.out.trimEnd().split('\n');
	assert.match(lines[0], /^NAME +TYPE +STATUS +VERSION +IN STATE +NUMBERS +CREATED +ID$/);
	assert.equal(lines.length, 7);
	assert.match(r.out, /spring-promo +US 10DLC campaign +REQUIRES_UPDATES +v1 +6d +1 /);
	assert.match(r.out, /auth-otp +US 10DLC campaign +COMPLETE +v1 +125d +2 /);
	const json = JSON.parse((await call(registrations, [], {json: true})).out) as {RegistrationStatus: string; AssociationCount: number; Name: string}[];
	assert.deepEqual(json.map(j => j.RegistrationStatus).sort(), ['COMPLETE', 'COMPLETE', 'COMPLETE', 'CREATED', 'REQUIRES_UPDATES', 'SUBMITTED']);
});

test('registrations show: what to do next, denied fields with reasons, versions and numbers; --version; unknown ids exit 1', async () => {
	const list = JSON.parse((await call(registrations, [], {json: true})).out) as {RegistrationId: string; Name: string}[];
	const promo = list.find(r => r.Name === 'spring-promo')!.RegistrationId;
	const r = await call(registrations, ['show', promo]);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, /^ {2}Status +REQUIRES_UPDATES for 6d$/m);
	assert.match(r.out, /^ {2}Next +denied: fix the flagged fields in a new version and resubmit$/m);
	assert.match(r.out, /^ {2}x Opt-in workflow description +Customers tick .* \(messageFlow\.optInWorkflow\)\n {6}denied: The opt-in page could not be reached/m);
	assert.match(r.out, /^Versions \(1\)\n {2}v1 +DENIED/m);
	assert.match(r.out, /^Associated resources \(1\)\n {2}\+17205550180 /m);

	// An earlier version by number (here the only one).
	const v1 = await call(registrations, ['show', promo, '--version', '1']);
	assert.match(v1.out, /denied: Sample messages must name the brand/);

	const missing = await call(registrations, ['show', 'registration-00000000000000000000000000000000']);
	assert.equal(missing.code, 1);
	assert.match(missing.err, /^smsdeck: .*registration-00000000000000000000000000000000.*\n$/);
	await assert.rejects(call(registrations, ['show']), UsageError);
	await assert.rejects(call(registrations, ['show', promo, '--version', '0']), /--version must be a version number/);
});
