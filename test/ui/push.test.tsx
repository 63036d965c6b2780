// The push screens in the Ink tree against a real emulator: :push in eu-west-1 lists its application, enter shows
// its channels, T opens the test-push form whose payload size follows the body as it is typed, refuses a payload over
// the channel's limit before anything is staged, and esc closes it.
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
import {KEYS, press, tick, type, waitForFrame} from '../helpers/ink.js';

let emulator: RunningEmulator;
let session: Session | undefined;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
});
afterEach(() => {
	cleanup();
	session?.close();
});
after(async () => {
	await emulator.close();
});

const WAIT = 10_000;

test(':push in eu-west-1: the application, its FCM channel, the test-push form with its live payload size', async () => {
	session = new Session(() => {});
	const ui = render(
		<ThemeProvider theme={createTheme({env: {LANG: 'C.UTF-8'}})}>
			<App keymap={buildKeymap().keymap} prefs={memoryPreferences()} session={session} initial={{region: 'eu-west-1', profile: 'local', endpoint: emulator.url, local: true, readOnly: false}} />
		</ThemeProvider>,
	);
	await waitForFrame(ui, 'Regions [34]', WAIT);
	await tick();
	await press(ui, ':');
	await type(ui, 'push');
	await press(ui, KEYS.enter);
	let frame = await waitForFrame(ui, /Push applications +\[1\]/, WAIT);
	assert.match(frame, /shop-mobile-eu +FCM/);
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, /FCM +enabled/, WAIT);
	assert.match(frame, /aws pinpoint get-channels --application-id [0-9a-f]{32} --region eu-west-1/);
	await press(ui, 'T');
	frame = await waitForFrame(ui, 'Test push from shop-mobile-eu', WAIT);
	assert.match(frame, /‹ GCM \(FCM\) ›/);
	const size = (f: string) => Number(/Payload +(\d+) B of 4 KB \(FCM limit\)/.exec(f)?.[1]);
	const before = size(frame);
	assert.ok(before > 0, frame);
	await press(ui, KEYS.tab, KEYS.tab);
	await type(ui, 'device-1');
	await press(ui, KEYS.tab, KEYS.tab);
	// A pasted body far over 4 KB: the size follows and the form refuses it.
	ui.stdin.write(`\u001B[200~${'x'.repeat(5000)}\u001B[201~`);
	frame = await waitForFrame(ui, /too large/, WAIT);
	assert.ok(size(frame) > 4096);
	assert.match(frame, /the payload is \d+ B of 4 KB: over the FCM limit/);
	await press(ui, KEYS.enter);
	// Had enter staged it, the review would be open and esc would close only the review: the channels would say "1 staged".
	await press(ui, KEYS.escape);
	frame = await waitForFrame(ui, /<T> test push/, WAIT);
	assert.doesNotMatch(frame, /Test push from/);
	assert.doesNotMatch(frame, /staged/, 'nothing staged');

	// To an endpoint id: looked up when the review is asked for; an unknown one is a problem in the form.
	await press(ui, 'T');
	await waitForFrame(ui, 'Test push from shop-mobile-eu', WAIT);
	await press(ui, KEYS.tab, KEYS.right, KEYS.tab);
	await type(ui, 'no-such-device');
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, /no endpoint no-such-device in the application; nothing was staged/, WAIT);
	assert.match(frame, /Test push from/);
	assert.doesNotMatch(frame, /Review 1 staged change/);
	await press(ui, ...Array<string>('no-such-device'.length).fill(KEYS.backspace));
	await type(ui, 'android-device-1');
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, 'Review 1 staged change', WAIT);
});
