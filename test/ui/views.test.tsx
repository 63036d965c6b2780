// The browse screens against a real in-process emulator and a real Session: : commands, seeded rows, details.
import {after, afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../../source/console/App.js';
import {Session} from '../../source/app/session.js';
import {ThemeProvider} from '../../source/theme/ThemeContext.js';
import {createTheme} from '../../source/theme/theme.js';
import {buildKeymap} from '../../source/input/keymap.js';
import {memoryPreferences} from '../../source/config/prefs.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {KEYS, press, tick, type InkUi, type, waitForFrame} from '../helpers/ink.js';

let emulator: RunningEmulator;
const sessions: Session[] = [];

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
});
afterEach(() => {
	cleanup();
	for (const s of sessions.splice(0)) s.close();
});
after(async () => {
	await emulator.close();
});

function renderApp(region = 'us-east-1') {
	const errors: string[] = [];
	const session = new Session((_key, error) => errors.push(error.message));
	sessions.push(session);
	const prefs = memoryPreferences();
	const ui = render(
		<ThemeProvider theme={createTheme({env: {LANG: 'C.UTF-8'}})}>
			<App
				keymap={buildKeymap().keymap}
				prefs={prefs}
				session={session}
				initial={{region, profile: 'local', endpoint: emulator.url, local: true, readOnly: false}}
			/>
		</ThemeProvider>,
	);
	return {ui, errors, prefs};
}

const WAIT = 10_000;

async function command(ui: InkUi, line: string) {
	await press(ui, ':');
	await type(ui, line);
	await press(ui, KEYS.enter);
}

async function ready(ui: InkUi) {
	await waitForFrame(ui, 'Regions [34]', WAIT);
	await tick();
}

test('the Regions screen counts numbers, pools and sender IDs per Region as they arrive', async () => {
	const {ui} = renderApp();
	await ready(ui);
	const frame = await waitForFrame(ui, /us-east-1 +US East \(N\. Virgini\S* +9 +3 +2/, WAIT);
	assert.match(frame, /NUMBERS +POOLS +SENDER IDS/);
	await waitForFrame(ui, /us-west-2 +US West \(Oregon\) +3 +1 +0/, WAIT);
	await press(ui, '/');
	await type(ui, 'london');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, /eu-west-2 +Europe \(London\) +2 +1 +1/, WAIT);
});

test('the Regions screen tells an opt-in Region that is not enabled and another partition apart from errors, and never asks the other partition', async () => {
	const admin = (action: string, body: unknown = {}) =>
		fetch(`${emulator.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body)}).then(r => r.json() as Promise<any>);
	await admin('setRegionEnabled', {region: 'af-south-1', enabled: false});
	await admin('clearRequests');
	try {
		const {ui} = renderApp();
		await ready(ui);
		let frame = await waitForFrame(ui, /af-south-1 .* – +– +– .* not enabled/, WAIT);
		assert.match(frame, /us-west-2 .* 3 +1 +0 /, 'the others are counted');
		assert.doesNotMatch(frame, /error:/);
		// The rows of the other partitions, by the filter (the status column is filtered on too).
		await press(ui, '/');
		await type(ui, 'other partition');
		frame = await waitForFrame(ui, 'Regions [3 of 34]', WAIT);
		assert.match(frame, /us-gov-east-1 .* – +– +– .* other partition/);
		assert.match(frame, /us-gov-west-1 .* – +– +– .* other partition/);
		assert.match(frame, /eusc-de-east-1 .* – +– +– .* other partition/);
		const asked = new Set(((await admin('requests')).requests as {region: string}[]).map(r => r.region));
		assert.ok(asked.has('af-south-1') && asked.has('us-west-2'));
		for (const region of ['us-gov-west-1', 'us-gov-east-1', 'eusc-de-east-1']) assert.ok(!asked.has(region), `${region} was asked`);
	} finally {
		await admin('setRegionEnabled', {region: 'af-south-1', enabled: true});
	}
});

test(':sid lists sender IDs; enter opens one with every attribute and the CLI command', async () => {
	const {ui} = renderApp();
	await ready(ui);
	await command(ui, 'sid');
	let frame = await waitForFrame(ui, 'Sender IDs [2]', WAIT);
	assert.match(frame, /SMSDECK +GB +TRANSACTIONAL,PROMOTIONAL +no +no/);
	assert.match(frame, /ACMEALERTS +DE/);
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, 'Sender ID SMSDECK (GB)', WAIT);
	await waitForFrame(ui, /Registered +no/, WAIT);
	frame = await waitForFrame(ui, 'aws pinpoint-sms-voice-v2 describe-sender-ids', WAIT);
	assert.match(frame, /Message types +TRANSACTIONAL, PROMOTIONAL/);
	assert.match(frame, /Sender IDs › SMSDECK \(GB\)/);
});

test(':cs lists configuration sets; the detail shows its event destinations with kind, target and event types', async () => {
	const {ui} = renderApp();
	await ready(ui);
	await command(ui, 'cs');
	let frame = await waitForFrame(ui, 'Configuration sets [4]', WAIT);
	assert.match(frame, /marketing +PROMOTIONAL +SMSDECK/);
	await press(ui, '/');
	await type(ui, 'marketing');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'Configuration sets [1 of 4]', WAIT);
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, 'Event destinations [2]', WAIT);
	assert.match(frame, /events-firehose +yes +Firehose +ALL/);
	assert.match(frame, /failures-sns +yes +SNS +TEXT_CAR/);
	assert.match(frame, /arn:aws:firehose:us-east-1:\d+:deliveryst/);
	assert.match(frame, /arn:aws:sns:us-east-1:\d+:sms-failures/);
	assert.match(frame, /Default sender ID +SMSDECK/);
	assert.match(frame, /describe-configuration-sets --configuration-set-names marketing/);
});

test(':tail takes a configuration set by its ARN and shows it by name; an unknown set says it is not found', async () => {
	const {PinpointSMSVoiceV2Client, DescribeConfigurationSetsCommand} = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
	const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
	const arn = (await sms.send(new DescribeConfigurationSetsCommand({ConfigurationSetNames: ['smsdeck-simulator']}))).ConfigurationSets![0].ConfigurationSetArn!;
	sms.destroy();
	const {ui} = renderApp();
	await ready(ui);
	// The ARN is pasted (bracketed paste), as a person would.
	await press(ui, ':');
	await type(ui, 'tail ');
	await press(ui, `\u001B[200~${arn}\u001B[201~`);
	await waitForFrame(ui, arn, WAIT);
	await press(ui, KEYS.enter);
	await waitForFrame(ui, /Tail smsdeck-simulator → smsdeck-simulator-events/, WAIT);
	await command(ui, 'tail no-such-set');
	await waitForFrame(ui, /Cannot tail: configuration set "no-such-set" not found in this Region/, WAIT);
});

test(':oo lists opt-out lists; enter shows the numbers in one', async () => {
	const {ui} = renderApp();
	await ready(ui);
	await command(ui, 'oo');
	let frame = await waitForFrame(ui, 'Opt-out lists [2]', WAIT);
	assert.match(frame, /marketing-optouts/);
	await press(ui, '/');
	await type(ui, 'Default');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'Opt-out lists [1 of 2]', WAIT);
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, 'Opt-out list Default [3]', WAIT);
	assert.match(frame, /\+12065550111 .* yes/);
	assert.match(frame, /\+14255550112 .* no \(added by you\)/);
	assert.match(frame, /describe-opted-out-numbers --opt-out-list-name Default/);
});

test(':vd lists verified destination numbers with their status', async () => {
	const {ui} = renderApp();
	await ready(ui);
	await command(ui, 'vd');
	const frame = await waitForFrame(ui, 'Verified destination numbers [2]', WAIT);
	assert.match(frame, /\+12065550142 +VERIFIED/);
	assert.match(frame, /\+14255550199 +PENDING/);
});

test(':acct shows tier SANDBOXED, spend limits per channel and account limits; us-west-2 is production', async () => {
	const {ui} = renderApp();
	await ready(ui);
	await command(ui, 'acct');
	await waitForFrame(ui, 'Account limits', WAIT);
	// Enforced, this month's spend (the CloudWatch metric, read on its own), its share, the maximum, overridden.
	let frame = await waitForFrame(ui, /SMS +\$1 +\$0 +0\.0% +\$1 +yes/, WAIT);
	assert.match(frame, /Tier +SANDBOXED/);
	assert.match(frame, /MMS +\$1 +\$0 +0\.0% +\$1 +no/);
	assert.match(frame, /Voice +\$1 +\$0 +0\.0% +\$1 +no/);
	assert.match(frame, /Phone numbers +9 \/ 25/);
	await command(ui, 'region us-west-2');
	frame = await waitForFrame(ui, /SMS +\$250/, WAIT);
	assert.doesNotMatch(frame, /Tier +SANDBOXED/);
	assert.match(frame, /Default protect config +protect-/);
});

test(':pn and :pools still work beside the new screens', async () => {
	const {ui} = renderApp('eu-west-2');
	await ready(ui);
	await command(ui, 'pn');
	await waitForFrame(ui, /\+447700900123/, WAIT);
	await command(ui, 'pools');
	await waitForFrame(ui, 'Pools [1]', WAIT);
});
