// The staged-edit store: replace by id, discard, apply several with one report each, keep refusals.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {auditLine, StagedEdits, type StagedEdit} from '../../source/app/stagedEdits.js';

const connection = {region: 'us-east-1', local: true};
const edit = (id: string, apply: StagedEdit['apply'] = async () => ({requestId: `req-${id}`})): StagedEdit => ({
	id,
	scope: 's',
	rowKey: id,
	what: `Keyword ${id}`,
	before: 'old',
	after: 'new',
	cli: [],
	kind: 'change',
	connection,
	reloads: [],
	apply,
});

test('staging the same id replaces it; discard and discardAll empty the store and notify', () => {
	const store = new StagedEdits();
	let notified = 0;
	store.subscribe(() => notified++);
	store.stage(edit('A'));
	store.stage({...edit('A'), after: 'newer'});
	assert.equal(store.size, 1);
	assert.equal(store.list()[0].after, 'newer');
	assert.equal(store.forRow('s', 'A')?.id, 'A');
	store.stage(edit('B'));
	assert.equal(store.discard('A'), true);
	assert.equal(store.discard('A'), false);
	assert.equal(store.discardAll(), 1);
	assert.equal(store.size, 0);
	assert.ok(notified >= 4);
});

test('applying several: each reported in order, the refused one stays staged with the service reason', async () => {
	const store = new StagedEdits();
	const refused = Object.assign(new Error('Conflict'), {name: 'ConflictException', Reason: 'DELETION_PROTECTION_ENABLED', $metadata: {requestId: 'req-bad'}});
	store.stage(edit('A'));
	store.stage(edit('B', async () => Promise.reject(refused)));
	store.stage(edit('C'));
	const reports = await store.apply(async () => ({}) as never);
	assert.deepEqual(reports.map(r => [r.edit.id, r.ok]), [['A', true], ['B', false], ['C', true]]);
	assert.match(reports[1].message, /DELETION_PROTECTION_ENABLED/);
	assert.equal(reports[1].requestId, 'req-bad');
	assert.deepEqual(store.list().map(e => e.id), ['B']);
	assert.match(store.list()[0].error ?? '', /DELETION_PROTECTION_ENABLED/);
	// Staging it again clears the old failure.
	store.stage(edit('B'));
	assert.equal(store.list()[0].error, undefined);
});

test('the audit line says what, old → new, when and the request id', () => {
	const line = auditLine({edit: edit('JOIN'), ok: true, message: 'done', requestId: 'req-1', time: Date.UTC(2026, 0, 2, 3, 4, 5)});
	assert.equal(line, '2026-01-02T03:04:05.000Z us-east-1 Keyword JOIN: old → new request-id req-1');
});

test('a second edit of the same target is merged: one edit, the final value, what it replaced and how many times', () => {
	const store = new StagedEdits();
	const first = store.stage({...edit('K'), kind: 'add', what: 'New keyword K', before: '', after: 'AUTOMATIC_RESPONSE "A"'});
	assert.equal(first.replaced, undefined);
	assert.equal(first.edit.replaced, undefined);
	const second = store.stage({...edit('K'), kind: 'add', what: 'New keyword K', before: '', after: 'AUTOMATIC_RESPONSE "B"'});
	assert.equal(second.replaced?.after, 'AUTOMATIC_RESPONSE "A"');
	assert.equal(store.size, 1);
	assert.deepEqual(store.list()[0].replaced, {after: 'AUTOMATIC_RESPONSE "A"', kind: 'add', count: 1});
	assert.equal(store.list()[0].after, 'AUTOMATIC_RESPONSE "B"');
	// A change of a staged new thing is still new.
	store.stage({...edit('K'), kind: 'change', before: 'x', after: 'AUTOMATIC_RESPONSE "C"'});
	const merged = store.list()[0];
	assert.equal(merged.kind, 'add');
	assert.equal(merged.before, '');
	assert.equal(merged.what, 'New keyword K');
	assert.deepEqual(merged.replaced, {after: 'AUTOMATIC_RESPONSE "B"', kind: 'add', count: 2});
	// A delete replaced by a change: the change, noting the delete.
	store.stage({...edit('D'), kind: 'delete', after: ''});
	store.stage({...edit('D'), kind: 'change', after: 'kept'});
	const d = store.list().find(e => e.id === 'D')!;
	assert.equal(d.kind, 'change');
	assert.equal(d.replaced?.kind, 'delete');
	assert.equal(store.size, 2);
});
