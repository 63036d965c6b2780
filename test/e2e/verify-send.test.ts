// Verified destination numbers and the test send, as a person does them: the real binary in a PTY against an
// in-process emulator, the result read back with the AWS CLI (pip v1). A number is added, sent a code, a wrong
// code is refused with the service's reason, the right one (what the phone received: the emulator's admin route)
// turns it VERIFIED; a test SMS to a simulator number is followed to DELIVERED; read-only refuses a send.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, filter, lineWith} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('verify-send');

type Verified = {VerifiedDestinationNumbers: {DestinationPhoneNumber: string; Status: string; VerifiedDestinationNumberId: string}[]};

const env = {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'};
const console = (...extra: string[]) =>
	spawnTerminal({args: ['--endpoint-url', emu.url, '--region', 'us-east-1', ...extra], cols: 150, rows: 40, env: {...env, AWS_ENDPOINT_URL: emu.url}});

async function lastCode(number: string): Promise<string> {
	const res = await fetch(`${emu.url}/_smsdeck/verificationCode`, {method: 'POST', body: JSON.stringify({number})});
	const body = (await res.json()) as {code: string};
	assert.equal(res.status, 200, JSON.stringify(body));
	return body.code;
}

const statusOf = async (number: string) =>
	(await emu.aws<Verified>('describe-verified-destination-numbers', '--destination-phone-numbers', number)).VerifiedDestinationNumbers[0]?.Status;

test(':verified — add a number, send it a code, a wrong code changes nothing, the right one makes it VERIFIED', async () => {
	const app = console();
	try {
		await app.waitForText('<?> help');
		await command(app, 'verified');
		await app.waitForText(/Verified destination numbers\s+\[2\]/);

		// A number that is not E.164 is refused in the form, before anything is staged.
		await app.press('a');
		await app.waitForText('Add a verified destination number');
		await app.type('2065550177');
		await app.waitForText('Start the number with + and the country code');
		await app.press('ctrl+u');
		await app.type('+12065550177');
		await app.press('enter');
		await app.waitForText('Review 1 staged change');
		await app.waitForText('create-verified-destination-number --destination-phone-number +12065550177');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		await app.waitForText(/\+12065550177\s+PENDING/);
		assert.equal(await statusOf('+12065550177'), 'PENDING');

		// Send the code by SMS: staged, typed "send".
		await filter(app, '+12065550177');
		await app.waitForText(/\[1 of 3\]/);
		await app.press('v');
		await app.waitForText('Send a verification code to +12065550177');
		await app.press('enter');
		await app.waitForText('send-destination-number-verification-code');
		await app.waitForText('--verification-channel TEXT');
		await app.type('send');
		await app.press('enter');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		const code = await lastCode('+12065550177');

		// A wrong code: the service's reason, the number stays PENDING, the edit stays staged.
		await app.waitForText(/\+12065550177\s+PENDING/);
		await app.press('V');
		await app.waitForText('Enter the code +12065550177 received');
		await app.type('!!');
		await app.waitForText('A verification code has only letters and digits');
		await app.press('ctrl+u');
		const wrong = code === '111111' ? '222222' : '111111';
		await app.type(wrong);
		await app.press('enter');
		await app.waitForText(`verify-destination-number --verified-destination-number-id`);
		await app.press('y');
		await app.waitForText('Applied 0 of 1 change');
		await app.waitForText('The verification code does not match');
		await app.press('escape');
		assert.equal(await statusOf('+12065550177'), 'PENDING');

		// The right code (entered again: it replaces the staged one) and the status turns VERIFIED.
		await app.press('V');
		await app.waitForText('Enter the code +12065550177 received');
		await app.type(code);
		await app.press('enter');
		await app.waitForText('merged: replaces an earlier staged edit');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		await app.waitForText(/\+12065550177\s+VERIFIED/);
		assert.equal(await statusOf('+12065550177'), 'VERIFIED');

		// Delete needs the typed word; the service refuses before 24 hours, and says so.
		await app.press('d');
		await app.press('w');
		await app.waitForText('Type "delete" to apply');
		await app.type('delete');
		await app.press('enter');
		await app.waitForText('Applied 0 of 1 change');
		await app.waitForText('24 hours after it was added');
		await app.press('escape');
		await app.press('u');
		assert.equal(await statusOf('+12065550177'), 'VERIFIED');
	} finally {
		app.dispose();
	}
});

test(':send — a test SMS from the simulator number to a simulator number, reviewed, its events followed to DELIVERED', async () => {
	const app = console();
	try {
		await app.waitForText('<?> help');
		await command(app, 'send +12065550100');
		await app.waitForText('A test message (billed as a real one');
		await app.waitForText(/From\s+‹ \+12065550100 SIMULATOR US/);
		await app.waitForText(/To\s+\+14254147755 simulator US success/);
		await app.waitForText('GSM-7 · 20 characters · 1 part');
		// The body: UCS-2 shows in the parts line as it is typed.
		await app.press('down');
		await app.press('down');
		await app.press('down');
		await app.press('ctrl+u');
		await app.type('smsdeck test ✓');
		await app.waitForText('UCS-2 · 14 characters · 1 part');
		await app.press('enter');
		await app.waitForText('Test SMS from +12065550100 to +14254147755');
		await app.waitForText('send-text-message --origination-identity +12065550100 --destination-phone-number +14254147755');
		await app.waitForText('Type "send" to apply');
		await app.type('send');
		await app.press('enter');
		await app.waitForText('Applied 1 of 1 change');
		await app.press('escape');
		await app.waitForText(/Status: .* DELIVERED/, {timeoutMs: 30_000});
		assert.match(app.screen(), /TEXT_PENDING/);
		assert.match(lineWith(app, 'TEXT_DELIVERED'), /\(final\)/);
		const sent = (await (await fetch(`${emu.url}/_smsdeck/sentMessages`, {method: 'POST', body: '{}'})).json()) as {messages: {destination: string; body?: string}[]};
		assert.equal(sent.messages.filter(m => m.destination === '+14254147755').length, 1);
	} finally {
		app.dispose();
	}
});

test('read-only: the test send is refused before anything is staged', async () => {
	const app = console('--read-only');
	try {
		await app.waitForText('<?> help');
		await command(app, 'send');
		await app.waitForText('Read-only: a test send is a change');
		await app.press('enter');
		// Had enter staged the send, the review would be open and take the esc; the form closes instead.
		await app.press('escape');
		await app.waitForText('enter or T: a new test send');
		assert.doesNotMatch(app.screen(), /Review 1 staged change/);
	} finally {
		app.dispose();
	}
});
