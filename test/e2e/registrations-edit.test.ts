// Fixing a denied registration as a person would: the real binary in a PTY against an in-process emulator, the
// result read back with the AWS CLI (pip v1). Two denied fields are changed (one new version, made once), the
// version is submitted with the typed word, the review advances, and the number the campaign held turns ACTIVE.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, filter} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('registrations');

type Registrations = {Registrations: {RegistrationId: string; RegistrationStatus: string; CurrentVersionNumber: number; ApprovedVersionNumber?: number}[]};
type Versions = {RegistrationVersions: {VersionNumber: number; RegistrationVersionStatus: string}[]};
type Values = {RegistrationFieldValues: {FieldPath: string; TextValue?: string}[]};

/** Filters the registration's lines to `text` (an earlier filter cleared first: esc in the bar clears it). */
async function showOnly(app: TerminalSession, text: string) {
	await clearFilter(app);
	await filter(app, text);
}

async function clearFilter(app: TerminalSession) {
	if (!/ \/\S+ +\d+ of \d+/.test(app.screen())) return;
	await app.press('/');
	await app.press('escape');
	await app.waitForNoText(/ \/\S+ +\d+ of \d+/);
}

/** Puts the cursor on a field line (the list filtered to its path) and changes its text. */
async function changeField(app: TerminalSession, path: string, text: string, staged: number) {
	await showOnly(app, path);
	await app.press('e');
	await app.waitForText(`(${path})`);
	await app.press('ctrl+u');
	await app.type(text);
	await app.press('enter');
	await app.waitForText(`${staged} staged · w reviews`);
}

test('a denied campaign: two fields fixed in one new version, submitted with "submit", approved, and its PENDING number turns ACTIVE', async () => {
	const before = await emu.aws<Registrations>('describe-registrations', '--filters', 'Name=registration-status,Values=REQUIRES_UPDATES');
	const id = before.Registrations[0].RegistrationId;
	const app = spawnTerminal({
		args: ['--endpoint-url', emu.url, '--region', 'us-east-1'],
		cols: 140,
		rows: 40,
		env: {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'},
	});
	try {
		await app.waitForText('<?> help');
		await command(app, 'registrations');
		await app.waitForText('Registrations [6]');
		await filter(app, 'spring-promo');
		await app.press('enter');
		await app.waitForText(/Status +REQUIRES_UPDATES/);

		// A value the service would refuse is refused in the form, with the limit.
		await showOnly(app, 'messageSamples.messageSample1');
		await app.press('e');
		await app.waitForText('a new version from v1 DENIED');
		await app.press('ctrl+u');
		await app.type('too short');
		await app.waitForText('Message sample 1 must be 20 to 1024 characters (now 9)');
		await app.press('escape');
		await app.waitForNoText('must be 20 to 1024');

		await changeField(app, 'messageFlow.optInWorkflow', 'Customers opt in at https://www.example.com/sms and confirm with a code.', 1);
		await changeField(app, 'messageSamples.messageSample1', 'AnyCompany spring offers: 20% off this week. Reply STOP to opt out.', 2);
		// Nothing was sent yet.
		assert.equal((await emu.aws<Registrations>('describe-registrations', '--registration-ids', id)).Registrations[0].CurrentVersionNumber, 1);

		await app.press('S');
		await app.waitForText('Review 3 staged changes');
		await app.waitForText('Type "submit" to apply');
		// The new version is made once, by the first field.
		assert.equal(app.screen().split('create-registration-version').length, 2, app.screen());
		assert.match(app.screen(), /a new version from v1 DENIED, with the 2 staged fields\n +→ SUBMITTED/);
		await app.type('submit');
		await app.press('enter');
		await app.waitForText('Applied 3 of 3 changes');
		await app.press('escape');
		// The report must be gone before the filter is looked for (it covers the list's status line).
		await app.waitForNoText('Applied 3 of 3 changes');
		await clearFilter(app);
		await app.waitForText(/Status +SUBMITTED/);
		await app.waitForText(/Version +v2 SUBMITTED · latest denied v1/);

		const versions = await emu.aws<Versions>('describe-registration-versions', '--registration-id', id);
		assert.deepEqual(versions.RegistrationVersions.map(v => `${v.VersionNumber}:${v.RegistrationVersionStatus}`), ['2:SUBMITTED', '1:DENIED']);
		const values = await emu.aws<Values>('describe-registration-field-values', '--registration-id', id);
		assert.equal(values.RegistrationFieldValues.find(v => v.FieldPath === 'messageFlow.optInWorkflow')?.TextValue, 'Customers opt in at https://www.example.com/sms and confirm with a code.');

		// In review, nothing can change.
		await app.press('e');
		await app.waitForText('It is in review and cannot change until the review ends');

		const reviewed = await fetch(`${emu.url}/_smsdeck/reviewRegistration`, {method: 'POST', body: JSON.stringify({RegistrationId: id, outcome: 'approve'})});
		assert.equal(reviewed.status, 200, await reviewed.text());
		await app.press('r');
		await app.waitForText(/Status +COMPLETE/);
		await app.waitForText(/Version +v2 APPROVED · approved v2 · latest denied v1/);
		const numbers = await emu.aws<{PhoneNumbers: {PhoneNumber: string; Status: string}[]}>('describe-phone-numbers');
		assert.equal(numbers.PhoneNumbers.find(n => n.PhoneNumber === '+17205550180')?.Status, 'ACTIVE');
	} finally {
		app.dispose();
	}
});
