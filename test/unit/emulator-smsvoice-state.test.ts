// The sms-voice service called directly with a fake world and a manual clock: snapshot/restore,
// time-based rules (activation, code expiry, 24 h deletion), event timing, and the big seed.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createSmsVoiceService} from '../../source/emulator/smsvoice/index.js';
import type {Clock, EmulatorWorld, RequestContext} from '../../source/emulator/types.js';

class ManualClock implements Clock {
	time = Date.UTC(2025, 0, 15, 12);
	private timers: {at: number; fn: () => void; cancelled: boolean}[] = [];
	now() {
		return this.time;
	}
	setTimeout(fn: () => void, ms: number) {
		const t = {at: this.time + ms, fn, cancelled: false};
		this.timers.push(t);
		return {cancel: () => void (t.cancelled = true)};
	}
	advance(ms: number) {
		const end = this.time + ms;
		for (;;) {
			const due = this.timers.filter(t => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			this.timers = this.timers.filter(t => t !== due);
			this.time = due.at;
			due.fn();
		}
		this.time = end;
	}
}

function fakeWorld() {
	const clock = new ManualClock();
	const written: {group: string; stream: string; message: string}[] = [];
	const groups = new Set<string>();
	let dirty = 0;
	const world: EmulatorWorld = {
		accountId: '111122223333',
		clock,
		options: {eventDelayMs: 1000, throttle: false, liveTailTickMs: 1000, liveTailTimeoutMs: 1000},
		logs: {
			ensureLogGroup: (region, name) => void groups.add(`${region}/${name}`),
			appendEvents(region, group, stream, events) {
				if (!groups.has(`${region}/${group}`)) return false;
				for (const e of events) written.push({group, stream, message: e.message});
				return true;
			},
		},
		markDirty: () => void dirty++,
	};
	return {world, clock, written, groups, dirtyCount: () => dirty};
}

const ctx = (region = 'us-east-1'): RequestContext => ({region, accountId: '111122223333', requestId: 'r'});

describe('sms-voice service (direct, manual clock)', () => {
	test('events are one eventDelayMs apart, in the day stream of the configuration set', async () => {
		const {world, clock, written} = fakeWorld();
		const svc = createSmsVoiceService(world, 'default');
		const {MessageId} = (await svc.handlers.SendTextMessage(
			{DestinationPhoneNumber: '+14254147755', OriginationIdentity: '+12065550100', MessageBody: 'hi', ConfigurationSetName: 'smsdeck-simulator'},
			ctx(),
		)) as {MessageId: string};
		clock.advance(999);
		assert.equal(written.length, 0);
		clock.advance(1);
		assert.equal(written.length, 1);
		clock.advance(2000);
		const records = written.map(w => JSON.parse(w.message));
		assert.deepEqual(records.map(r => r.eventType), ['TEXT_PENDING', 'TEXT_SUCCESSFUL', 'TEXT_DELIVERED']);
		assert.ok(records.every(r => r.messageId === MessageId));
		assert.deepEqual([...new Set(written.map(w => `${w.group} ${w.stream}`))], ['smsdeck-simulator-events sms-voice/smsdeck-simulator/2025-01-15']);
		assert.deepEqual(records.map(r => r.eventTimestamp - records[0].eventTimestamp), [0, 1000, 2000]);
	});

	test('a requested 10DLC number turns ACTIVE after two event delays; state changes mark the world dirty', async () => {
		const {world, clock, dirtyCount} = fakeWorld();
		const svc = createSmsVoiceService(world, 'empty');
		const before = dirtyCount();
		const n = (await svc.handlers.RequestPhoneNumber({IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'TEN_DLC'}, ctx())) as any;
		assert.ok(dirtyCount() > before);
		const status = async () => ((await svc.handlers.DescribePhoneNumbers({PhoneNumberIds: [n.PhoneNumberId]}, ctx())) as any).PhoneNumbers[0].Status;
		assert.equal(await status(), 'PENDING');
		clock.advance(1999);
		assert.equal(await status(), 'PENDING');
		clock.advance(1);
		assert.equal(await status(), 'ACTIVE');
	});

	test('verification codes expire after 15 minutes; deletion only after 24 hours', async () => {
		const {world, clock} = fakeWorld();
		const svc = createSmsVoiceService(world, 'default');
		const v = (await svc.handlers.CreateVerifiedDestinationNumber({DestinationPhoneNumber: '+12065550188'}, ctx())) as any;
		await svc.handlers.SendDestinationNumberVerificationCode({VerifiedDestinationNumberId: v.VerifiedDestinationNumberId, VerificationChannel: 'TEXT'}, ctx());
		const {code} = (await svc.admin.verificationCode({id: v.VerifiedDestinationNumberId})) as {code: string};
		clock.advance(15 * 60 * 1000 + 1);
		await assert.rejects(
			async () => svc.handlers.VerifyDestinationNumber({VerifiedDestinationNumberId: v.VerifiedDestinationNumberId, VerificationCode: code}, ctx()),
			(e: any) => e.code === 'ConflictException' && e.members.Reason === 'VERIFICATION_CODE_EXPIRED',
		);
		await svc.handlers.SendDestinationNumberVerificationCode({VerifiedDestinationNumberId: v.VerifiedDestinationNumberId, VerificationChannel: 'TEXT'}, ctx());
		// A new code replaces the expired one.
		const {code: second} = (await svc.admin.verificationCode({id: v.VerifiedDestinationNumberId})) as {code: string};
		assert.notEqual(second, code);
		await assert.rejects(
			async () => svc.handlers.VerifyDestinationNumber({VerifiedDestinationNumberId: v.VerifiedDestinationNumberId, VerificationCode: code}, ctx()),
			(e: any) => e.code === 'ValidationException' && e.members.Reason === 'VERIFICATION_CODE_MISMATCH',
		);
		const ok = (await svc.handlers.VerifyDestinationNumber({VerifiedDestinationNumberId: v.VerifiedDestinationNumberId, VerificationCode: second}, ctx())) as any;
		assert.equal(ok.Status, 'VERIFIED');
		clock.advance(24 * 60 * 60 * 1000);
		await svc.handlers.DeleteVerifiedDestinationNumber({VerifiedDestinationNumberId: v.VerifiedDestinationNumberId}, ctx());
	});

	test('snapshot/restore round-trips every region through JSON', async () => {
		const a = fakeWorld();
		const svc = createSmsVoiceService(a.world, 'default');
		await svc.handlers.CreateOptOutList({OptOutListName: 'kept', Tags: [{Key: 'k', Value: 'v'}]}, ctx('eu-west-2'));
		await svc.handlers.PutOptedOutNumber({OptOutListName: 'kept', OptedOutNumber: '+447700900777'}, ctx('eu-west-2'));
		await svc.handlers.SetTextMessageSpendLimitOverride({MonthlyLimit: 100}, ctx('us-west-2'));
		const json = JSON.parse(JSON.stringify(svc.snapshot()));
		const b = fakeWorld();
		const other = createSmsVoiceService(b.world, 'empty');
		other.restore(json);
		assert.deepEqual(other.snapshot(), json);
		const nums = (await other.handlers.DescribeOptedOutNumbers({OptOutListName: 'kept'}, ctx('eu-west-2'))) as any;
		assert.equal(nums.OptedOutNumbers[0].OptedOutNumber, '+447700900777');
		const limits = (await other.handlers.DescribeSpendLimits({}, ctx('us-west-2'))) as any;
		assert.equal(limits.SpendLimits[0].EnforcedLimit, 100);
		const pools = (await other.handlers.DescribePools({}, ctx())) as any;
		assert.equal(pools.Pools.length, 3);
		assert.throws(() => other.restore({version: 99}));
	});

	test('the big seed builds in under a second and pages through 10,000 numbers and 1,000 pools', async () => {
		const {world} = fakeWorld();
		const started = performance.now();
		const svc = createSmsVoiceService(world, 'big');
		const elapsed = performance.now() - started;
		// Well under a second alone (bench/ measures it); the bound only catches a pathological build, and holds on a
		// machine kept busy by other work.
		assert.ok(elapsed < 30_000, `big seed took ${elapsed} ms`);
		let count = 0;
		let token: string | undefined;
		do {
			const page = (await svc.handlers.DescribePhoneNumbers({MaxResults: 100, NextToken: token}, ctx())) as any;
			count += page.PhoneNumbers.length;
			token = page.NextToken;
		} while (token);
		assert.equal(count, 10000 + 9);
		const pools = (await svc.handlers.DescribePools({MaxResults: 100, Filters: [{Name: 'status', Values: ['ACTIVE']}]}, ctx())) as any;
		assert.equal(pools.Pools.length, 100);
		const limits = (await svc.handlers.DescribeAccountLimits({}, ctx())) as any;
		assert.deepEqual(limits.AccountLimits.find((l: any) => l.Name === 'POOLS'), {Name: 'POOLS', Used: 1003, Max: 2000});
	});
});
