import {test} from 'node:test';
import assert from 'node:assert/strict';
import {RateLimiter, isReadOperation, rateFor} from '../../source/services/rateLimiter.js';

/** A limiter on a fake clock: sleeping advances time. */
function fakeLimiter() {
	let now = 0;
	const limiter = new RateLimiter(
		() => now,
		async ms => {
			now += ms;
		},
	);
	return {limiter, now: () => now};
}

test('documented quotas: 1 rps, 10 for opted-out numbers and tags', () => {
	assert.equal(rateFor('sms-voice', 'SetTextMessageSpendLimitOverride'), 1);
	assert.equal(rateFor('sms-voice', 'PutOptedOutNumber'), 10);
	assert.equal(rateFor('sms-voice', 'ListTagsForResource'), 10);
	assert.ok(isReadOperation('DescribePhoneNumbers'));
	assert.ok(!isReadOperation('PutKeyword'));
});

test('changes are paced at the quota from the first request', async () => {
	const {limiter, now} = fakeLimiter();
	for (let i = 0; i < 5; i++) await limiter.acquire('sms-voice', 'us-east-1', 'PutKeyword');
	assert.equal(now(), 4000, 'five PutKeyword calls take four seconds at 1 rps');
});

test('reads go briskly until the service throttles, then keep to the quota', async () => {
	const {limiter, now} = fakeLimiter();
	for (let i = 0; i < 10; i++) await limiter.acquire('sms-voice', 'us-east-1', 'DescribePhoneNumbers');
	assert.ok(now() <= 500, `ten pages in ${now()} ms`);
	limiter.penalize('sms-voice', 'us-east-1', 'DescribePhoneNumbers', 2000);
	const before = now();
	await limiter.acquire('sms-voice', 'us-east-1', 'DescribePhoneNumbers');
	assert.ok(now() - before >= 2000, 'waits out the back-off');
	const t = now();
	await limiter.acquire('sms-voice', 'us-east-1', 'DescribePhoneNumbers');
	assert.equal(now() - t, 1000, 'then one per second');
	assert.equal(limiter.currentRate('sms-voice', 'us-west-2', 'DescribePhoneNumbers'), 50, 'other Regions are not affected');
});

test('concurrent callers queue up instead of bursting', async () => {
	const {limiter, now} = fakeLimiter();
	await Promise.all([1, 2, 3].map(() => limiter.acquire('sms-voice', 'eu-west-2', 'SendTextMessage')));
	assert.equal(now(), 2000);
});
