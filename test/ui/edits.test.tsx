// The review dialog and the staged-edit store as a person meets them: diff, aws command, typed confirmation,
// a refusal that keeps the edit.
import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {ThemeProvider} from '../../source/theme/ThemeContext.js';
import {createTheme} from '../../source/theme/theme.js';
import {buildKeymap} from '../../source/input/keymap.js';
import {KeypressProvider} from '../../source/input/KeypressProvider.js';
import {ReviewDialog} from '../../source/app/ReviewDialog.js';
import {StagedEdits, type StagedEdit} from '../../source/app/stagedEdits.js';
import {KEYS, press, type, waitForFrame} from '../helpers/ink.js';

afterEach(() => cleanup());

const connection = {region: 'us-east-1', local: true};

function edit(id: string, over: Partial<StagedEdit> = {}): StagedEdit {
	return {
		id,
		scope: 'keywords/phone-1',
		rowKey: id,
		what: `Delete keyword ${id} on phone-1`,
		before: 'AUTOMATIC_RESPONSE "hi"',
		after: '',
		cli: [`aws pinpoint-sms-voice-v2 delete-keyword --origination-identity phone-1 --keyword ${id}`],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: [],
		apply: async () => ({requestId: `req-${id}`}),
		...over,
	};
}

function show(store: StagedEdits, onClose = () => {}) {
	const {keymap} = buildKeymap();
	return render(
		<ThemeProvider theme={createTheme({noColor: true, ascii: true, env: {}})}>
			<KeypressProvider keymap={keymap}>
				<ReviewDialog width={120} height={20} store={store} apply={ids => store.apply(async () => ({}) as never, ids)} onReports={() => {}} onClose={onClose} />
			</KeypressProvider>
		</ThemeProvider>,
	);
}

test('a deletion needs the typed word: y does nothing, "delete" + enter applies and reports the request id', async () => {
	const store = new StagedEdits();
	store.stage(edit('JOIN'));
	const ui = show(store);
	await waitForFrame(ui, 'Review 1 staged change');
	assert.match(ui.lastFrame()!, /\$ aws pinpoint-sms-voice-v2 delete-keyword --origination-identity phone-1 --keyword JOIN/);
	await press(ui, 'y', KEYS.enter);
	await waitForFrame(ui, 'Type "delete" exactly');
	assert.equal(store.size, 1);
	await press(ui, KEYS.backspace);
	await type(ui, 'delete');
	await waitForFrame(ui, /apply: delete/);
	await press(ui, KEYS.enter);
	await waitForFrame(ui, 'Applied 1 of 1 change');
	assert.match(ui.lastFrame()!, /request id req-JOIN/);
	assert.equal(store.size, 0);
});
