import {after, afterEach, before, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../../source/console/App.js';
import {ThemeProvider} from '../../source/theme/ThemeContext.js';
import {createTheme} from '../../source/theme/theme.js';
import {buildKeymap} from '../../source/input/keymap.js';
import {memoryPreferences} from '../../source/config/prefs.js';
import {KEYS, press, tick, type, waitForFrame} from '../helpers/ink.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

// The console talks to a real endpoint even on the Regions screen (identity); never to AWS from a test.
let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'empty'});
});
after(() => emulator.close());
afterEach(() => cleanup());

function renderApp(options: {readOnly?: boolean; keys?: Record<string, string[]>; endpoint?: string} = {}) {
	const prefs = memoryPreferences();
	let quits = 0;
	const ui = render(
		<ThemeProvider theme={createTheme({env: {LANG: 'C.UTF-8'}})}>
			<App
				keymap={buildKeymap(options.keys).keymap}
				prefs={prefs}
				initial={{region: 'us-east-1', profile: 'test', endpoint: options.endpoint ?? emulator.url, local: true, readOnly: options.readOnly ?? false}}
				onQuit={() => quits++}
			/>
		</ThemeProvider>,
	);
	return {ui, prefs, quits: () => quits};
}

test('credentials in an endpoint URL never reach the screen', async () => {
	const {ui} = renderApp({endpoint: emulator.url.replace('http://', 'http://ops:s3cr3t-token@')});
	const frame = await waitForFrame(ui, 'account 123456789012');
	assert.match(frame, /endpoint local http:\/\/\*\*\*@/);
	assert.doesNotMatch(frame, /s3cr3t|ops:/);
});

test('starts on the Regions screen with the header and key hints', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, 'Regions [34]');
	const frame = await waitForFrame(ui, 'account 123456789012', 10_000); // first use loads the SDK
	assert.match(frame, /smsdeck/);
	assert.match(frame, /profile test/);
	assert.match(frame, /region us-east-1/);
	assert.match(frame, /RW/);
	assert.match(frame, /<\?> help/);
	assert.match(frame, /▸ us-east-1/);
});

test('read-only shows RO', async () => {
	const {ui} = renderApp({readOnly: true});
	assert.match(await waitForFrame(ui, 'Regions'), /\bRO$/m);
});

test('j/k move, enter selects the Region, which is remembered', async () => {
	const {ui, prefs} = renderApp();
	await waitForFrame(ui, 'Regions [34]');
	await tick();
	await press(ui, 'j', 'j', KEYS.enter);
	const frame = await waitForFrame(ui, 'Region set to us-west-1');
	assert.match(frame, /region us-west-1/);
	assert.equal(prefs.get().lastRegion, 'us-west-1');
});

test('/ filters the table and shows the count; esc clears it', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, 'Regions [34]');
	await tick();
	await press(ui, '/');
	await type(ui, 'eu-');
	let frame = await waitForFrame(ui, 'Regions [8 of 34]');
	assert.doesNotMatch(frame, /us-east-1 +US East/);
	await press(ui, KEYS.enter);
	frame = await waitForFrame(ui, '<?> help');
	assert.match(frame, /8 of 34/, 'enter keeps the filter');
	await press(ui, KEYS.escape);
	await waitForFrame(ui, 'Regions [34]');
});

test('? opens help built from the keymap, esc closes it', async () => {
	const {ui} = renderApp({keys: {'nav.down': ['n']}});
	await waitForFrame(ui, 'Regions [34]');
	await tick();
	await press(ui, '?');
	const frame = await waitForFrame(ui, 'Help');
	assert.match(frame, /Switch the console to the selected Region/);
	assert.match(frame, /n +Move down/, 'overridden keys show in help');
	assert.match(frame, /j\/k scroll/, 'a short terminal scrolls the help');
	await press(ui, 'n'); // nav.down is overridden to n: the help scrolls with the user's key
	await waitForFrame(ui, ':region <region>');
	await press(ui, KEYS.escape);
	await waitForFrame(ui, 'Regions [34]');
});

test(': command with tab completion switches Region; unknown commands explain themselves', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, 'Regions [34]');
	await tick();
	await press(ui, ':');
	await type(ui, 'region lond');
	await press(ui, KEYS.tab);
	await waitForFrame(ui, ':region eu-west-2');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'region eu-west-2');
	await press(ui, ':');
	await type(ui, 'nope');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'Unknown command ":nope"');
	await press(ui, ':', KEYS.up);
	await waitForFrame(ui, ':nope', 1000);
});

test('q quits; ctrl-c quits even from the command bar', async () => {
	const a = renderApp();
	await waitForFrame(a.ui, 'Regions');
	await tick();
	await press(a.ui, 'q');
	assert.equal(a.quits(), 1);
	cleanup();
	const b = renderApp();
	await waitForFrame(b.ui, 'Regions');
	await tick();
	await press(b.ui, ':', KEYS.ctrlC);
	assert.equal(b.quits(), 1);
});

test('! shows the error log', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, 'Regions');
	await tick();
	await press(ui, '!');
	await waitForFrame(ui, 'No errors in this session');
});

/** How long a burst of keys may take to be handled when other work keeps the cores busy. */
const BURST_MS = 30_000;

test('keys typed in one burst (ssh) still land where they should: ":region eu-west-2⏎" in one write', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, '<?> help');
	await tick();
	ui.stdin.write(':region eu-west-2\r');
	// The keys are handled one per turn of the event loop, each after a render: on busy cores that takes seconds.
	await waitForFrame(ui, 'Region set to eu-west-2', BURST_MS);
});

test('keys read as separate events in the same tick (a busy process) each reach the screen they were meant for', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, '<?> help');
	await tick();
	await press(ui, '/');
	await type(ui, 'eu-');
	await waitForFrame(ui, 'Regions [8 of 34]', BURST_MS);
	// enter closes the filter bar; the g and j presses must move the table that becomes active, not vanish (the
	// cursor starts on the active Region: g puts it on the first row).
	for (const key of ['\r', 'g', 'j', 'j', '\r']) ui.stdin.write(key);
	await waitForFrame(ui, 'Region set to eu-west-2', BURST_MS);
});

test('escape and the next key in one read (ssh) close the bar and then act: "\\x1b:" backs out of the filter and opens the command bar', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, '<?> help');
	await tick();
	await press(ui, '/');
	await type(ui, 'eu-');
	await waitForFrame(ui, 'Regions [8 of 34]', BURST_MS);
	ui.stdin.write('\x1b:');
	await waitForFrame(ui, 'command (tab completes)', BURST_MS);
	await type(ui, 'region eu-west-2');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'Region set to eu-west-2', BURST_MS);
});

test('every frame keeps its height: the footer is never blank or wrapped, also while the command bar opens, fills and closes', async () => {
	const {ui} = renderApp();
	await waitForFrame(ui, '<?> help');
	await tick();
	const from = (ui as unknown as {frames: string[]}).frames.length;
	await press(ui, ':');
	await type(ui, 'region eu-west-2');
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'Region set to eu-west-2');
	await press(ui, ':', KEYS.escape, '/', KEYS.escape);
	await waitForFrame(ui, '<?> help');
	const frames = (ui as unknown as {frames: string[]}).frames.slice(from);
	for (const frame of frames) {
		const last = frame.split('\n').at(-1) ?? '';
		assert.ok(last.trim() !== '', `a frame ended in a blank line:\n${frame}`);
		assert.equal(frame.split('\n').length, frames[0].split('\n').length, `a frame changed height:\n${frame}`);
	}
});
