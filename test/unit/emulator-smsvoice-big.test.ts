// The big seed over HTTP: the SDK paginator walks all phone numbers and pools.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {paginateDescribePhoneNumbers, paginateDescribePools} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {startHarness, type Harness} from './emulator-smsvoice-harness.js';

describe('sms-voice emulator: big seed', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness('big');
	});
	after(async () => h.close());

	test('paginateDescribePhoneNumbers returns every number exactly once', async () => {
		const ids = new Set<string>();
		let pages = 0;
		for await (const page of paginateDescribePhoneNumbers({client: h.sms(), pageSize: 100}, {})) {
			pages++;
			for (const p of page.PhoneNumbers ?? []) ids.add(p.PhoneNumberId!);
		}
		assert.equal(ids.size, 10009);
		assert.equal(pages, 101);
	});

	test('the default page size applies without MaxResults, and filters page too', async () => {
		let count = 0;
		let first = -1;
		for await (const page of paginateDescribePools({client: h.sms()}, {Filters: [{Name: 'deletion-protection-enabled', Values: ['false']}]})) {
			if (first < 0) first = page.Pools!.length;
			count += page.Pools!.length;
		}
		assert.equal(first, 50);
		assert.equal(count, 1002);
	});
});
