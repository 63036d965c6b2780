import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {configSetHealth, countByTypeAndStatus, statusSummary} from '../../source/domain/regionOverview.js';
import {treePrefixes} from '../../source/views/RelationsView.js';

describe('countByTypeAndStatus', () => {
	it('groups by type, largest first, with the statuses of each, most frequent first', () => {
		const items = [
			{t: 'TEN_DLC', s: 'ACTIVE'},
			{t: 'TEN_DLC', s: 'PENDING'},
			{t: 'TEN_DLC', s: 'ACTIVE'},
			{t: 'SIMULATOR', s: 'ACTIVE'},
			{t: '', s: ''},
		];
		const groups = countByTypeAndStatus(items, i => i.t, i => i.s);
		assert.deepEqual(
			groups.map(g => [g.type, g.total, statusSummary(g)]),
			[
				['TEN_DLC', 3, 'ACTIVE 2 · PENDING 1'],
				['(none)', 1, '(none) 1'],
				['SIMULATOR', 1, 'ACTIVE 1'],
			],
		);
	});
	it('is empty for no items', () => {
		assert.deepEqual(countByTypeAndStatus([], () => 'x', () => 'y'), []);
	});
});

describe('configSetHealth', () => {
	const cwl = (enabled: boolean) => ({name: 'logs', kind: 'CloudWatch Logs' as const, enabled});
	const sns = (enabled: boolean) => ({name: 'sns', kind: 'SNS' as const, enabled});
	it('is healthy with an enabled CloudWatch Logs destination', () => {
		const h = configSetHealth('ok', [cwl(true), sns(false)]);
		assert.equal(h.problem, undefined);
		assert.equal(h.hasEnabledLogs, true);
		assert.deepEqual(h.enabledKinds, ['CloudWatch Logs']);
		assert.equal(h.disabled, 1);
	});
	it('flags a set whose CloudWatch Logs destination is missing, all disabled, or that has none', () => {
		assert.match(configSetHealth('a', [sns(true)]).problem ?? '', /no enabled CloudWatch Logs destination/);
		assert.match(configSetHealth('b', [cwl(false)]).problem ?? '', /every destination is disabled/);
		assert.match(configSetHealth('c', []).problem ?? '', /no event destinations/);
	});
});

describe('treePrefixes', () => {
	it('draws branches, elbows and the pipes of ancestors with siblings still to come', () => {
		assert.deepEqual(treePrefixes([0, 1, 2, 2, 1, 1], false), ['', '├─ ', '│  ├─ ', '│  └─ ', '├─ ', '└─ ']);
		assert.deepEqual(treePrefixes([0, 1, 2, 2], false), ['', '└─ ', '   ├─ ', '   └─ ']);
		assert.deepEqual(treePrefixes([0, 1, 2], true), ['', '`- ', '   `- ']);
	});
});
