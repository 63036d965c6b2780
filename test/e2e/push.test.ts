// Push (Pinpoint) as a person uses it: the real binary in a PTY against an in-process emulator (reached through
// --endpoint-url, which goes to Pinpoint as to sms-voice), every change read back with the AWS CLI (pip v1,
// `aws pinpoint`). Applications and their channels browsed, a channel disabled and enabled again through the staged
// review, a test push to a valid and to an invalid token with both results read on screen, an application deleted
// with the typed confirmation; read-only refuses every change.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {emulatorWithCli} from '../helpers/emulatorWithCli.js';
import {command, filter, lineWith, openFiltered, pressUntil} from '../helpers/consoleSteps.js';

const emu = emulatorWithCli('push');

type Apps = {ApplicationsResponse: {Item: {Id: string; Name: string}[]}};
type Gcm = {GCMChannelResponse: {Enabled: boolean}};

const env = {AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_EC2_METADATA_DISABLED: 'true'};

const appId = async (name: string) => (await emu.pinpoint<Apps>('get-apps')).ApplicationsResponse.Item.find(a => a.Name === name)?.Id;

/** From :push, opens an application and waits until its channels are loaded (the other test may have deleted one). */
async function openApp(app: TerminalSession, name: string): Promise<void> {
	await openFiltered(app, {command: 'push', title: /Push applications\s+\[\d+\]/}, name, `Push application ${name}`);
	await app.waitForText(/Push channels.*\[7\]/);
	await app.waitForText(/APNs +(enabled|disabled|not set up)/);
}

/** T on the channel under the cursor, a device token, enter: the review of the push, applied; the result panel shown. */
async function testPush(app: TerminalSession, token: string, delivered = true): Promise<void> {
	await pressUntil(app, ['T'], 'Test push from shop-mobile');
	await app.waitForText('‹ GCM (FCM) ›');
	await app.waitForText(/Payload +\d+ B of 4 KB \(FCM limit\)/);
	await app.press('tab');
	await app.press('tab');
	await app.type(token);
	await app.press('enter');
	await app.waitForText('Review 1 staged change');
	await app.waitForText('aws pinpoint send-messages --application-id');
	await app.press('y');
	await app.waitForText('Applied 1 of 1 change');
	// The call is accepted either way; the report marks a push the provider refused as failed, not done.
	await app.waitForText(`${delivered ? '✓' : '✗'} Test push on FCM of shop-mobile`);
	await app.press('escape');
	await app.waitForNoText('Applied 1 of 1 change');
}

test('browse applications and channels, disable and enable FCM with the staged review, test pushes to a valid and an invalid token, delete an application', async () => {
	const shop = await appId('shop-mobile');
	assert.ok(shop);
	const gcm = async () => (await emu.pinpoint<Gcm>('get-gcm-channel', '--application-id', shop)).GCMChannelResponse.Enabled;
	const app = spawnTerminal({args: ['--endpoint-url', emu.url, '--region', 'us-east-1'], cols: 120, rows: 40, env});
	try {
		await app.waitForText('<?> help');
		await command(app, 'push');
		await app.waitForText(/Push applications\s+\[3\]/);
		await app.waitForText(/courier-app +APNs VoIP, FCM, Baidu · off: ADM/);
		await app.waitForText(/legacy-alerts +APNs /);
		await filter(app, 'shop-mobile');
		await app.waitForText(/\[1 of 3\]/);
		await app.press('enter');
		await app.waitForText('Push application shop-mobile');
		// What the guide says to check: the certificate-based APNs channel, 340 days old, is near its year.
		await app.waitForText(/APNs +enabled +certificate +certificate +\d{4}-\d\d-\d\d +cert ≥340 d, ≤25 d left/);
		await app.waitForText('Check APNs  certificate at least 340 days old: expires within about 25 days;');
		assert.match(lineWith(app, /APNs sandbox +enabled/), /key \(token\) +token/);
		assert.match(lineWith(app, /FCM +enabled/), /token credentials +token/);
		assert.match(lineWith(app, /^ +ADM /), /not set up/);

		// Disable FCM: staged, reviewed with its aws command, applied; read back; then enabled again.
		await filter(app, 'FCM');
		await app.waitForText(/\[1 of 7\]/);
		await pressUntil(app, ['E'], 'Review 1 staged change');
		await app.waitForText('Disable the FCM channel of shop-mobile');
		assert.match(app.screen(), /aws pinpoint update-gcm-channel --application-id \w+ --gcm-channel-request\s+Enabled=false/);
		assert.equal(await gcm(), true, 'nothing is sent before y');
		// E again on the staged row turns it back to what the service has: the staged change goes, nothing is sent.
		await app.press('n');
		await app.waitForText(/FCM +disabled \(was enabled\)/);
		await pressUntil(app, ['E'], 'FCM stays enabled: the staged change is discarded');
		await app.waitForText(/FCM +enabled +token credentials/);
		assert.equal(await gcm(), true);
		await pressUntil(app, ['E'], 'Review 1 staged change');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		assert.equal(await gcm(), false);
		await app.press('escape');
		await app.waitForText(/FCM +disabled +token credentials/);
		await pressUntil(app, ['E'], 'Enable the FCM channel of shop-mobile');
		await app.press('y');
		await app.waitForText('Applied 1 of 1 change');
		assert.equal(await gcm(), true);
		await app.press('escape');
		await app.waitForText(/FCM +enabled +token credentials/);

		// A test push to a valid token, then to an invalid one: each address's outcome, in plain words.
		await testPush(app, 'device-token-ok-1');
		await app.waitForText('Last test push: call accepted, 1 of 1 address succeeded · FCM to token device-token-ok-1');
		await app.waitForText('✓ SUCCESSFUL 200 device-token-ok-1');
		await app.waitForText('accepted by the provider');
		await testPush(app, 'invalid-token-9', false);
		await app.waitForText('Last test push: call accepted, but 1 of 1 address failed · FCM to token invalid-token-9');
		await app.waitForText('✗ PERMANENT_FAILURE 400 invalid-token-9 — InvalidRegistration');
		await app.waitForText('permanent failure: check the token and the channel’s credentials');
		assert.match(app.screen(), /"Addresses":\{"invalid-token-9":\{"ChannelType":"GCM"\}\}/);

		// Delete an application: typed "delete".
		await app.press('/');
		await app.press('escape');
		await app.waitForText(/Push channels.*\[7\]/); // the filter is cleared
		await pressUntil(app, ['escape'], /Push applications\s+\[3\]/);
		await filter(app, 'legacy');
		await app.waitForText(/\[1 of 3\]/);
		await pressUntil(app, ['D'], 'Delete the push application legacy-alerts');
		assert.match(app.screen(), /aws pinpoint delete-app --application-id \w+/);
		await app.press('y');
		await app.press('enter');
		await app.waitForText('Type "delete" exactly to confirm');
		assert.ok(await appId('legacy-alerts'), 'y alone deletes nothing');
		await app.press('backspace');
		await app.type('delete');
		await app.press('enter');
		await app.waitForText('Applied 1 of 1 change');
		assert.equal(await appId('legacy-alerts'), undefined);
		await app.press('escape');
		await app.waitForText(/Push applications\s+\[0 of 2\]|Push applications\s+\[2\]/);
	} finally {
		app.dispose();
	}
});

test('read-only: enable/disable, test push and delete are refused, nothing is sent', async () => {
	const before = JSON.stringify(await emu.pinpoint('get-channels', '--application-id', (await appId('courier-app'))!));
	const app = spawnTerminal({args: ['--endpoint-url', emu.url, '--region', 'us-east-1', '--read-only'], cols: 120, rows: 30, env});
	try {
		await app.waitForText('<?> help');
		await openApp(app, 'courier-app');
		await app.waitForText(/ADM +disabled/);
		assert.doesNotMatch(lineWith(app, '<r> refresh'), /enable\/disable|test push|delete app/);
		await pressUntil(app, ['E'], 'Read-only: "enable/disable" is disabled');
		await pressUntil(app, ['T'], 'Read-only: "test push" is disabled');
		await pressUntil(app, ['D'], 'Read-only: "delete app" is disabled');
		assert.doesNotMatch(app.screen(), /Review 1 staged change|Test push from/);
	} finally {
		app.dispose();
	}
	assert.equal(JSON.stringify(await emu.pinpoint('get-channels', '--application-id', (await appId('courier-app'))!)), before);
	assert.ok(await appId('courier-app'));
});
