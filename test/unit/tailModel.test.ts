// The tail's model and its triage helpers: older events merged in before the rows held, the summary of the rows in
// view with the failure rate, the breakdown and its cell filter, lifecycles (no latency for one event), export.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	TailModel,
	breakdown,
	exportJsonLines,
	failureRate,
	filterByCell,
	groupByMessage,
	lifecycleSteps,
	summarizeRows,
	type LogLine,
} from '../../source/domain/tailModel.js';

function line(id: string, status: string, at: number, to = '+14254147755', extra: Record<string, unknown> = {}): LogLine {
	const isFinal = status !== 'PENDING' && status !== 'SUCCESSFUL';
	return {
		timestamp: at,
		logStreamName: 's',
		message: JSON.stringify({eventType: `TEXT_${status}`, eventTimestamp: at, isFinal, messageStatus: status, messageId: id, destinationPhoneNumber: to, originationPhoneNumber: '+12065550100', messageType: 'TRANSACTIONAL', messageRequestTimestamp: at - 1000, ...extra}),
	};
}

test('prependOlder puts older events before the rows held, oldest first, with lower sequence numbers; the buffer keeps the newest', () => {
	const model = new TailModel(4);
	model.append([line('a', 'DELIVERED', 5000), line('b', 'DELIVERED', 6000)]);
	model.prependOlder([line('y', 'DELIVERED', 2000), line('x', 'DELIVERED', 1000)]);
	let rows = model.snapshot().rows;
	assert.deepEqual(rows.map(r => r.parsed.messageId), ['x', 'y', 'a', 'b']);
	assert.ok(rows.every((r, i) => i === 0 || r.seq > rows[i - 1].seq), 'sequence follows the order shown');
	model.prependOlder([line('w', 'DELIVERED', 500)]);
	rows = model.snapshot().rows;
	assert.deepEqual(rows.map(r => r.parsed.messageId), ['x', 'y', 'a', 'b'], 'past capacity the oldest go');
	assert.equal(model.snapshot().dropped, 1);
	assert.equal(model.snapshot().summary.events, 5, 'the running summary counts every event seen');
});

test('summary of rows in view: failed finals over finals', () => {
	const model = new TailModel(100);
	model.append([line('a', 'PENDING', 1), line('a', 'DELIVERED', 2), line('b', 'PENDING', 3), line('b', 'CARRIER_UNREACHABLE', 4), line('c', 'BLOCKED', 5), line('d', 'PENDING', 6)]);
	const s = summarizeRows(model.snapshot().rows);
	assert.equal(s.finals, 3);
	assert.equal(s.failedFinals, 2);
	assert.equal(failureRate(s), 'failed 67% (2 of 3 final)');
	assert.equal(failureRate(summarizeRows(model.snapshot().rows.filter(r => r.outcome === 'pending'))), 'no final events');
	assert.equal(failureRate({finals: 1000, failedFinals: 1}), 'failed 0.1% (1 of 1,000 final)');
});

test('breakdown by final status, country of the destination, origination and message type; a cell filters to whole messages', () => {
	const model = new TailModel(100);
	model.append([
		line('us1', 'PENDING', 1),
		line('us1', 'DELIVERED', 2),
		line('gb1', 'PENDING', 3, '+447700900123'),
		line('gb1', 'CARRIER_UNREACHABLE', 4, '+447700900123'),
		line('gb2', 'BLOCKED', 5, '+447700900456', {messageType: 'PROMOTIONAL'}),
	]);
	const rows = model.snapshot().rows;
	const cells = breakdown(rows);
	assert.deepEqual(cells.country.map(c => [c.value, c.finals, c.failed]), [['GB', 2, 2], ['US', 1, 0]]);
	assert.deepEqual(cells.status.map(c => [c.value, c.finals]), [['BLOCKED', 1], ['CARRIER_UNREACHABLE', 1], ['DELIVERED', 1]]);
	assert.deepEqual(cells.messageType.map(c => [c.value, c.finals, c.failed]), [['TRANSACTIONAL', 2, 1], ['PROMOTIONAL', 1, 1]]);
	assert.deepEqual(cells.origination.map(c => [c.value, c.finals]), [['+12065550100', 3]]);
	const gb = filterByCell(rows, {dimension: 'country', value: 'GB'});
	assert.deepEqual(gb.map(r => `${r.parsed.messageId}:${r.parsed.status}`), ['gb1:PENDING', 'gb1:CARRIER_UNREACHABLE', 'gb2:BLOCKED']);
	assert.equal(filterByCell(rows, undefined), rows);
});

test('lifecycle: steps with the time since the previous event and since the request; one event has no latency', () => {
	const model = new TailModel(100);
	model.append([line('a', 'PENDING', 1400), line('a', 'SUCCESSFUL', 2400), line('a', 'DELIVERED', 4000), line('one', 'DELIVERED', 9000)]);
	const groups = groupByMessage(model.snapshot().rows);
	assert.equal(groups[0].latencyMs, 3600);
	assert.equal(groups[1].latencyMs, undefined, 'one event: no latency, not 0');
	const steps = lifecycleSteps(groups[0].events);
	assert.deepEqual(steps.map(s => [s.status, s.sincePreviousMs, s.sinceRequestMs]), [['PENDING', undefined, 1000], ['SUCCESSFUL', 1000, 2000], ['DELIVERED', 1600, 3600]]);
});

test('export: one JSON line per event in the shape of tail --json, control characters escaped', () => {
	const model = new TailModel(100);
	model.append([line('a', 'DELIVERED', 1000, '+14254147755', {messageStatusDescription: 'evil \u001b[2J'})]);
	const text = exportJsonLines(model.snapshot().rows);
	assert.ok(text.endsWith('\n'));
	assert.doesNotMatch(text, /\u001b/);
	const parsed = JSON.parse(text) as {time: string; logStream: string; event: {messageId: string; messageStatusDescription: string}; raw: string};
	assert.equal(parsed.time, new Date(1000).toISOString());
	assert.equal(parsed.logStream, 's');
	assert.equal(parsed.event.messageId, 'a');
	assert.equal(parsed.event.messageStatusDescription, 'evil \u001b[2J');
});

test('a snapshot is one moment: its summary counts its rows, whatever arrives after it', () => {
	const model = new TailModel(100);
	model.append([line('a', 'PENDING', 1), line('a', 'DELIVERED', 2)]);
	const before = model.snapshot();
	model.append([line('b', 'BLOCKED', 3)]);
	assert.equal(before.rows.length, 2);
	assert.deepEqual({events: before.summary.events, messages: before.summary.messageCount, finals: before.summary.finals, blocked: before.summary.byStatus.get('BLOCKED')}, {events: 2, messages: 1, finals: 1, blocked: undefined});
	const after = model.snapshot();
	assert.deepEqual({events: after.summary.events, messages: after.summary.messageCount, rows: after.rows.length}, {events: 3, messages: 2, rows: 3});
});
