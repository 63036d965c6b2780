import {test} from 'node:test';
import assert from 'node:assert/strict';
import {filterRows, layoutColumns, sortRows, windowOffset, type Column} from '../../source/components/tableModel.js';
import {cellWidth, fit, truncate} from '../../source/domain/textWidth.js';

type Row = {name: string; n: number};
const columns: Column<Row>[] = [
	{id: 'name', title: 'Name', value: r => r.name},
	{id: 'n', title: 'N', value: r => String(r.n), sortValue: r => r.n, align: 'right'},
];
const rows: Row[] = [
	{name: 'Beta', n: 10},
	{name: 'alpha', n: 2},
	{name: 'Gamma', n: 10},
	{name: 'delta', n: 1},
];

test('filter is case-insensitive across columns; "!" inverts', () => {
	assert.deepEqual(filterRows(rows, columns, 'AL').map(r => r.name), ['alpha']);
	assert.deepEqual(filterRows(rows, columns, '10').map(r => r.name), ['Beta', 'Gamma']);
	assert.deepEqual(filterRows(rows, columns, '!a').map(r => r.name), []);
	assert.deepEqual(filterRows(rows, columns, '!eta').map(r => r.name), ['alpha', 'Gamma', 'delta']);
	assert.equal(filterRows(rows, columns, '  '), rows);
});

test('sort numerically and stably, both ways', () => {
	assert.deepEqual(sortRows(rows, columns, {column: 1, descending: false}).map(r => r.name), ['delta', 'alpha', 'Beta', 'Gamma']);
	assert.deepEqual(sortRows(rows, columns, {column: 1, descending: true}).map(r => r.name), ['Beta', 'Gamma', 'alpha', 'delta']);
	assert.deepEqual(sortRows(rows, columns, {column: 0, descending: false}).map(r => r.name), ['alpha', 'Beta', 'delta', 'Gamma']);
});

test('columns always fit the width, shrinking the widest first', () => {
	const long: Row[] = [{name: 'x'.repeat(200), n: 123456}];
	for (const width of [20, 40, 80, 200]) {
		const widths = layoutColumns(columns, long, width);
		assert.ok(widths.reduce((a, b) => a + b, 0) + (widths.length - 1) <= width, `fits in ${width}`);
	}
	const widths = layoutColumns(columns, rows, 60);
	assert.equal(widths.reduce((a, b) => a + b, 0) + 1, 60, 'spare room is handed out');
});

test('the window follows the selection and never runs past the end', () => {
	assert.equal(windowOffset(0, 0, 10, 100), 0);
	assert.equal(windowOffset(15, 0, 10, 100), 6);
	assert.equal(windowOffset(3, 6, 10, 100), 3);
	assert.equal(windowOffset(99, 0, 10, 100), 90);
	assert.equal(windowOffset(5, 50, 10, 8), 0, 'a shrunk list pulls the window back');
});

test('wide characters count two cells and are never cut in half', () => {
	assert.equal(cellWidth('日本語'), 6);
	assert.equal(cellWidth('abc'), 3);
	const cut = truncate('日本語テキスト', 7);
	assert.ok(cellWidth(cut) <= 7);
	assert.equal(cut, '日本語…');
	assert.equal(truncate('short', 10), 'short');
	assert.equal(cellWidth(fit('日本', 7)), 7);
	assert.equal(cellWidth(fit('👍🏽 ok', 4)), 4);
	assert.equal(fit('12', 5, 'right'), '   12');
});

test('ids and ARNs give way before the columns people read', () => {
	type R = {a: string; id: string};
	const cols: Column<R>[] = [
		{id: 'a', title: 'A', value: r => r.a},
		{id: 'id', title: 'Id', value: r => r.id, shrink: 1},
	];
	const widths = layoutColumns(cols, [{a: 'TRANSACTIONAL', id: 'phone-0123456789abcdef0123456789abcdef'}], 40);
	assert.equal(widths[0], 13, 'the readable column keeps its width');
	assert.equal(widths[0] + widths[1] + 1, 40);
});

test('a terminal too narrow for every column hides the least important ones instead of wrapping rows', () => {
	type R = Record<string, string>;
	const cols: Column<R>[] = ['number', 'type', 'status', 'country', 'caps', 'msgtype', 'twoway', 'pool', 'optout', 'price', 'id'].map(id => ({
		id,
		title: id,
		value: (r: R) => r[id],
		minWidth: id === 'number' ? 12 : undefined,
		shrink: ['pool', 'optout', 'id'].includes(id) ? 1 : 0,
	}));
	const row: R = Object.fromEntries(cols.map(c => [c.id, c.id === 'id' ? 'phone-0123456789abcdef0123456789abcdef' : 'TRANSACTIONAL']));
	for (const width of [40, 60, 79]) {
		const widths = layoutColumns(cols, [row], width);
		const shown = widths.filter(w => w > 0);
		assert.ok(shown.reduce((a, b) => a + b, 0) + shown.length - 1 <= width, `fits in ${width}`);
		assert.ok(widths[0] >= 12, 'the first column stays');
	}
	const narrow = layoutColumns(cols, [row], 60);
	assert.equal(narrow[10], 0, 'the id (most shrinkable, rightmost) goes first');
});

test('layoutColumns never cuts a right-aligned (numeric) value: whole or hidden, at every width', () => {
	const rows = [
		{id: 'phone-d4793ce0862756ebb84e1af8c9e16a22', type: 'SHORT_CODE', list: 'marketing-optouts', price: '$995.00'},
		{id: 'phone-3e53894f1f1b4e0e9a0c2f5e5b1f0a11', type: 'LONG_CODE', list: 'Default', price: '$1.15'},
	];
	const columns: Column<(typeof rows)[number]>[] = [
		{id: 'type', title: 'Type', value: r => r.type},
		{id: 'list', title: 'Opt-out list', value: r => r.list, shrink: 1},
		{id: 'price', title: 'Monthly', value: r => r.price, align: 'right'},
		{id: 'id', title: 'Id', value: r => r.id, grow: 1, shrink: 1},
	];
	for (let width = 20; width <= 120; width++) {
		const widths = layoutColumns(columns, rows, width);
		assert.ok(widths[2] === 0 || widths[2] >= '$995.00'.length, `width ${width}: the price column is ${widths[2]} cells`);
	}
	// Where there is room, the ids give way before the price does.
	const widths = layoutColumns(columns, rows, 50);
	assert.ok(widths[2] >= 7);
});
