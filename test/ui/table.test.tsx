import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {Table} from '../../source/components/Table.js';
import type {Column} from '../../source/components/tableModel.js';
import {KeypressProvider} from '../../source/input/KeypressProvider.js';
import {buildKeymap} from '../../source/input/keymap.js';
import {ThemeProvider} from '../../source/theme/ThemeContext.js';
import {createTheme} from '../../source/theme/theme.js';
import {cellWidth} from '../../source/domain/textWidth.js';
import {KEYS, press, tick, waitForFrame} from '../helpers/ink.js';

afterEach(() => cleanup());

type Row = {id: number; name: string};
const columns: Column<Row>[] = [
	{id: 'id', title: 'Id', value: r => String(r.id), sortValue: r => r.id, align: 'right'},
	{id: 'name', title: 'Name', value: r => r.name, grow: 1},
];

function renderTable(rows: Row[], opts: {width?: number; height?: number; filter?: string; onOpen?: (r: Row) => void} = {}) {
	return render(
		<ThemeProvider theme={createTheme({env: {LANG: 'C.UTF-8'}})}>
			<KeypressProvider keymap={buildKeymap().keymap}>
				<Table
					title="Things"
					columns={columns}
					rows={rows}
					rowKey={r => String(r.id)}
					width={opts.width ?? 40}
					height={opts.height ?? 12}
					filter={opts.filter}
					onOpen={opts.onOpen}
				/>
			</KeypressProvider>
		</ThemeProvider>,
	);
}

const many = Array.from({length: 10_000}, (_, i) => ({id: i + 1, name: `row ${i + 1}`}));

test('renders only the rows that fit, with a count', async () => {
	const ui = renderTable(many);
	const frame = await waitForFrame(ui, 'Things [10,000]');
	const lines = frame.split('\n');
	assert.equal(lines.length, 12);
	assert.match(frame, /row 10\b/);
	assert.doesNotMatch(frame, /row 11\b/);
});

test('G jumps to the last row and keeps it on screen; g back to the top', async () => {
	const ui = renderTable(many);
	await waitForFrame(ui, 'Things');
	await tick();
	await press(ui, 'G');
	let frame = await waitForFrame(ui, 'row 10000');
	assert.doesNotMatch(frame, /row 1\b/);
	await press(ui, 'g');
	frame = await waitForFrame(ui, /row 1 *$/m);
	await press(ui, KEYS.pageDown);
	await waitForFrame(ui, /row 11 *$/m);
});

test('enter opens the selected row', async () => {
	const opened: Row[] = [];
	const ui = renderTable(many.slice(0, 5), {onOpen: r => opened.push(r)});
	await waitForFrame(ui, 'Things');
	await tick();
	await press(ui, 'j', 'j', KEYS.enter);
	assert.deepEqual(opened.map(r => r.id), [3]);
});

test('s sorts by the next column and S reverses', async () => {
	const ui = renderTable(many.slice(0, 5));
	await waitForFrame(ui, 'Things');
	await tick();
	await press(ui, 's', 'S');
	const frame = await waitForFrame(ui, 'sort: Id ▼');
	const body = frame.split('\n').slice(2);
	assert.match(body[0], /5 +row 5/);
});

test('filter narrows and counts; no match says so', async () => {
	let ui = renderTable(many, {filter: 'row 999'});
	await waitForFrame(ui, '[11 of 10,000]');
	cleanup();
	ui = renderTable(many, {filter: 'zzz'});
	await waitForFrame(ui, 'No rows match /zzz');
});

test('wide characters are truncated to the column without breaking the layout', async () => {
	const ui = renderTable([{id: 1, name: '日本語のとても長い名前です、切り詰めが必要'}], {width: 30});
	const frame = await waitForFrame(ui, 'Things');
	for (const line of frame.split('\n')) assert.ok(cellWidth(line) <= 30, `line fits: ${line}`);
	assert.match(frame, /…/);
});

test('the footer keeps <?> help when the screen binds more keys than fit, and keeps the order when all fit', async () => {
	const {KeyHints} = await import('../../source/components/KeyHints.js');
	const {useCommands} = await import('../../source/input/useCommands.js');
	const {Priority} = await import('../../source/input/KeypressProvider.js');
	const noop = () => {};
	const many = {'app.refresh': noop, 'view.copy': noop, 'view.relations': noop, 'view.raw': noop, 'edit.request': noop, 'view.registration': noop, 'edit.release': noop};
	function Screen({width, few}: {width: number; few: boolean}) {
		useCommands({'app.help': noop, 'app.quit': noop}, {priority: Priority.Global});
		useCommands(few ? {'app.refresh': noop, 'edit.release': noop} : many, {priority: Priority.View});
		return <KeyHints width={width} />;
	}
	// ink-testing-library's terminal is 100 columns wide.
	const frame = async (width: number, few = false) => {
		const ui = render(
			<ThemeProvider theme={createTheme({env: {LANG: 'C.UTF-8'}})}>
				<KeypressProvider keymap={buildKeymap().keymap}>
					<Screen width={width} few={few} />
				</KeypressProvider>
			</ThemeProvider>,
		);
		return waitForFrame(ui, 'refresh');
	};
	const narrow = await frame(60);
	assert.match(narrow, /<\?> help\s*$/);
	assert.ok(cellWidth(narrow.trimEnd()) <= 60, narrow);
	assert.doesNotMatch(narrow, /release/);
	const fitting = await frame(90, true);
	assert.match(fitting, /^ <r> refresh {2}<x> release {2}<\?> help {2}<q> quit\s*$/, "in the order bound");
});
