// Pools, phone numbers and sender IDs through the real SDK over HTTP, on an empty account.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	AssociateOriginationIdentityCommand,
	CreateOptOutListCommand,
	CreatePoolCommand,
	DeletePoolCommand,
	DescribeAccountLimitsCommand,
	DescribePhoneNumbersCommand,
	DescribePoolsCommand,
	DescribeSenderIdsCommand,
	DisassociateOriginationIdentityCommand,
	ListPoolOriginationIdentitiesCommand,
	ReleasePhoneNumberCommand,
	ReleaseSenderIdCommand,
	RequestPhoneNumberCommand,
	RequestSenderIdCommand,
	UpdatePhoneNumberCommand,
	UpdatePoolCommand,
	UpdateSenderIdCommand,
	paginateDescribePhoneNumbers,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {rejectsWith, startHarness, waitFor, type Harness} from './emulator-smsvoice-harness.js';

describe('sms-voice emulator: phone numbers, pools, sender IDs', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness('empty');
	});
	after(async () => h.close());

	const request = (type: 'SIMULATOR' | 'TEN_DLC' | 'TOLL_FREE' | 'LONG_CODE', extra: Record<string, unknown> = {}) =>
		h.sms().send(new RequestPhoneNumberCommand({IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: type, ...extra}));

	test('SIMULATOR numbers are ACTIVE at once; 10DLC starts PENDING and turns ACTIVE; ids, ARNs and prices', async () => {
		const sim = await request('SIMULATOR');
		assert.equal(sim.Status, 'ACTIVE');
		assert.match(sim.PhoneNumberId!, /^phone-[0-9a-f]{32}$/);
		assert.equal(sim.PhoneNumberArn, `arn:aws:sms-voice:us-east-1:123456789012:phone-number/${sim.PhoneNumberId}`);
		assert.equal(sim.MonthlyLeasingPrice, '0.00');
		assert.equal(sim.OptOutListName, 'Default');
		const tenDlc = await request('TEN_DLC', {Tags: [{Key: 'Team', Value: 'a'}]});
		assert.equal(tenDlc.Status, 'PENDING');
		assert.match(tenDlc.PhoneNumber!, /^\+1\d{10}$/);
		await waitFor(async () => {
			const d = await h.sms().send(new DescribePhoneNumbersCommand({PhoneNumberIds: [tenDlc.PhoneNumberArn!]}));
			return d.PhoneNumbers![0].Status === 'ACTIVE';
		});
		await rejectsWith(request('SIMULATOR', {IsoCountryCode: 'GB'}), 'ValidationException', {Reason: 'INVALID_PARAMETER'});
		await rejectsWith(request('LONG_CODE'), 'ValidationException', {Reason: 'INVALID_PARAMETER'});
		await rejectsWith(h.sms().send(new DescribePhoneNumbersCommand({PhoneNumberIds: ['phone-0123456789abcdef0123456789abcdef']})), 'ResourceNotFoundException', {
			ResourceType: 'phone-number',
			ResourceId: 'phone-0123456789abcdef0123456789abcdef',
		});
	});

	test('ClientToken makes RequestPhoneNumber idempotent', async () => {
		const a = await request('SIMULATOR', {ClientToken: 'same-token-1'});
		const b = await request('SIMULATOR', {ClientToken: 'same-token-1'});
		assert.equal(a.PhoneNumberId, b.PhoneNumberId);
		const all = await h.sms().send(new DescribePhoneNumbersCommand({MaxResults: 100}));
		assert.equal(all.PhoneNumbers!.filter(p => p.PhoneNumberId === a.PhoneNumberId).length, 1);
	});

	test('filters on DescribePhoneNumbers', async () => {
		const sims = await h.sms().send(new DescribePhoneNumbersCommand({Filters: [{Name: 'number-type', Values: ['SIMULATOR']}]}));
		assert.ok(sims.PhoneNumbers!.length >= 2);
		assert.ok(sims.PhoneNumbers!.every(p => p.NumberType === 'SIMULATOR'));
		const none = await h.sms().send(new DescribePhoneNumbersCommand({Filters: [{Name: 'number-type', Values: ['SIMULATOR']}, {Name: 'deletion-protection-enabled', Values: ['true']}]}));
		assert.deepEqual(none.PhoneNumbers, []);
	});

	test('pools: created with a first identity, settings must match to associate, last identity stays, deletion rules', async () => {
		const sms = h.sms();
		const first = await request('SIMULATOR');
		const second = await request('SIMULATOR');
		const promo = await request('SIMULATOR', {MessageType: 'PROMOTIONAL'});
		const pool = await sms.send(new CreatePoolCommand({OriginationIdentity: first.PhoneNumberArn!, MessageType: 'TRANSACTIONAL', DeletionProtectionEnabled: true}));
		assert.match(pool.PoolId!, /^pool-[0-9a-f]{32}$/);
		assert.equal(pool.Status, 'ACTIVE');
		assert.equal(pool.OptOutListName, 'Default');
		await rejectsWith(sms.send(new CreatePoolCommand({OriginationIdentity: first.PhoneNumberId!, MessageType: 'TRANSACTIONAL'})), 'ConflictException', {
			Reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL',
		});
		await rejectsWith(sms.send(new AssociateOriginationIdentityCommand({PoolId: pool.PoolId, OriginationIdentity: promo.PhoneNumberId})), 'ConflictException', {
			Reason: 'MESSAGE_TYPE_MISMATCH',
		});
		await sms.send(new CreateOptOutListCommand({OptOutListName: 'other'}));
		await sms.send(new UpdatePhoneNumberCommand({PhoneNumberId: second.PhoneNumberId, OptOutListName: 'other'}));
		await rejectsWith(sms.send(new AssociateOriginationIdentityCommand({PoolId: pool.PoolId, OriginationIdentity: second.PhoneNumberId})), 'ConflictException', {
			Reason: 'OPT_OUT_LIST_MISMATCH',
		});
		await sms.send(new UpdatePhoneNumberCommand({PhoneNumberId: second.PhoneNumberId, OptOutListName: 'Default'}));
		const assoc = await sms.send(new AssociateOriginationIdentityCommand({PoolId: pool.PoolArn, OriginationIdentity: second.PhoneNumberArn, IsoCountryCode: 'US'}));
		assert.equal(assoc.OriginationIdentity, second.PhoneNumberId);
		const members = await sms.send(new ListPoolOriginationIdentitiesCommand({PoolId: pool.PoolId}));
		assert.deepEqual(members.OriginationIdentities!.map(m => m.OriginationIdentity), [first.PhoneNumberId, second.PhoneNumberId]);
		await rejectsWith(sms.send(new UpdatePhoneNumberCommand({PhoneNumberId: second.PhoneNumberId, OptOutListName: 'other'})), 'ConflictException', {
			Reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL',
		});
		// The API reference: any update of a pooled number is refused, deletion protection too.
		await rejectsWith(sms.send(new UpdatePhoneNumberCommand({PhoneNumberId: second.PhoneNumberId, DeletionProtectionEnabled: true})), 'ConflictException', {
			Reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL',
		});
		await rejectsWith(sms.send(new ReleasePhoneNumberCommand({PhoneNumberId: second.PhoneNumberId})), 'ConflictException', {Reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL'});
		await rejectsWith(sms.send(new DeletePoolCommand({PoolId: pool.PoolId})), 'ConflictException', {Reason: 'DELETION_PROTECTION_ENABLED'});
		await sms.send(new UpdatePoolCommand({PoolId: pool.PoolId, DeletionProtectionEnabled: false, OptOutListName: 'other'}));
		const moved = await sms.send(new DescribePhoneNumbersCommand({PhoneNumberIds: [second.PhoneNumberId!]}));
		assert.equal(moved.PhoneNumbers![0].OptOutListName, 'other');
		await sms.send(new DisassociateOriginationIdentityCommand({PoolId: pool.PoolId, OriginationIdentity: second.PhoneNumberId}));
		await rejectsWith(sms.send(new DisassociateOriginationIdentityCommand({PoolId: pool.PoolId, OriginationIdentity: first.PhoneNumberId})), 'ConflictException', {
			Reason: 'LAST_PHONE_NUMBER',
		});
		await rejectsWith(sms.send(new DisassociateOriginationIdentityCommand({PoolId: pool.PoolId, OriginationIdentity: second.PhoneNumberId})), 'ConflictException', {
			Reason: 'PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL',
		});
		const filtered = await sms.send(new DescribePoolsCommand({Filters: [{Name: 'opt-out-list-name', Values: ['other']}]}));
		assert.deepEqual(filtered.Pools!.map(p => p.PoolId), [pool.PoolId]);
		const deleted = await sms.send(new DeletePoolCommand({PoolId: pool.PoolId}));
		assert.equal(deleted.PoolId, pool.PoolId);
		await rejectsWith(sms.send(new DescribePoolsCommand({PoolIds: [pool.PoolId!]})), 'ResourceNotFoundException', {ResourceType: 'pool'});
		const freed = await sms.send(new DescribePhoneNumbersCommand({PhoneNumberIds: [first.PhoneNumberId!]}));
		assert.equal(freed.PhoneNumbers![0].PoolId, undefined);
	});

	test('release: deletion protection first, then the number is gone', async () => {
		const sms = h.sms();
		const n = await request('SIMULATOR', {DeletionProtectionEnabled: true});
		await rejectsWith(sms.send(new ReleasePhoneNumberCommand({PhoneNumberId: n.PhoneNumberId})), 'ConflictException', {Reason: 'DELETION_PROTECTION_ENABLED', ResourceType: 'phone-number'});
		await sms.send(new UpdatePhoneNumberCommand({PhoneNumberId: n.PhoneNumberId, DeletionProtectionEnabled: false}));
		// Read raw (the SDK drops members it does not know): only those of the model's ReleasePhoneNumberResult.
		const answer = await fetch(h.emu.url, {
			method: 'POST',
			headers: {'x-amz-target': 'PinpointSMSVoiceV2.ReleasePhoneNumber', 'content-type': 'application/x-amz-json-1.0'},
			body: JSON.stringify({PhoneNumberId: n.PhoneNumberArn}),
		});
		const released = (await answer.json()) as Record<string, unknown>;
		assert.equal(released.Status, 'DELETED');
		const modeled = ['PhoneNumberArn', 'PhoneNumberId', 'PhoneNumber', 'Status', 'IsoCountryCode', 'MessageType', 'NumberCapabilities', 'NumberType', 'MonthlyLeasingPrice', 'TwoWayEnabled', 'TwoWayChannelArn', 'TwoWayChannelRole', 'SelfManagedOptOutsEnabled', 'OptOutListName', 'RegistrationId', 'CreatedTimestamp'];
		assert.deepEqual(Object.keys(released).filter(k => !modeled.includes(k)), []);
		await rejectsWith(sms.send(new ReleasePhoneNumberCommand({PhoneNumberId: n.PhoneNumberId})), 'ResourceNotFoundException');
		// The guide: a released number can never be obtained again.
		await rejectsWith(request('SIMULATOR', {NumberPreference: [{PreferenceType: ['ExactMatch'], Filter: [n.PhoneNumber!]}]}), 'ValidationException');
	});

	test('deleting a pool disassociates all of its identities (the API reference)', async () => {
		const sms = h.sms();
		const a = await request('SIMULATOR');
		const b = await request('SIMULATOR');
		const pool = await sms.send(new CreatePoolCommand({OriginationIdentity: a.PhoneNumberId, IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL'}));
		await sms.send(new AssociateOriginationIdentityCommand({PoolId: pool.PoolId, OriginationIdentity: b.PhoneNumberId, IsoCountryCode: 'US'}));
		await sms.send(new DeletePoolCommand({PoolId: pool.PoolId}));
		const numbers = await sms.send(new DescribePhoneNumbersCommand({PhoneNumberIds: [a.PhoneNumberId!, b.PhoneNumberId!]}));
		assert.deepEqual(numbers.PhoneNumbers!.map(p => p.PoolId), [undefined, undefined]);
	});

	test('sender IDs: request, describe, pool membership, release rules', async () => {
		const sms = h.sms();
		const s = await sms.send(new RequestSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'GB', MessageTypes: ['TRANSACTIONAL']}));
		assert.equal(s.SenderIdArn, 'arn:aws:sms-voice:us-east-1:123456789012:sender-id/ACME/GB');
		await rejectsWith(sms.send(new RequestSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'GB'})), 'ConflictException', {Reason: 'RESOURCE_ALREADY_EXISTS'});
		await rejectsWith(sms.send(new RequestSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'US'})), 'ValidationException', {Reason: 'SENDER_ID_NOT_SUPPORTED'});
		await rejectsWith(sms.send(new RequestSenderIdCommand({SenderId: '12345', IsoCountryCode: 'GB'})), 'ValidationException', {Reason: 'INVALID_PARAMETER'});
		const found = await sms.send(new DescribeSenderIdsCommand({SenderIds: [{SenderId: 'ACME', IsoCountryCode: 'GB'}]}));
		assert.equal(found.SenderIds![0].Registered, false);
		await rejectsWith(sms.send(new DescribeSenderIdsCommand({SenderIds: [{SenderId: 'ACME', IsoCountryCode: 'FR'}]})), 'ResourceNotFoundException', {ResourceType: 'sender-id'});
		const pool = await sms.send(new CreatePoolCommand({OriginationIdentity: 'ACME', IsoCountryCode: 'GB', MessageType: 'TRANSACTIONAL'}));
		await rejectsWith(sms.send(new ReleaseSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'GB'})), 'ConflictException', {Reason: 'SENDER_ID_ASSOCIATED_TO_POOL'});
		await sms.send(new DeletePoolCommand({PoolId: pool.PoolId}));
		await sms.send(new UpdateSenderIdCommand({SenderId: s.SenderIdArn, IsoCountryCode: 'GB', DeletionProtectionEnabled: true}));
		await rejectsWith(sms.send(new ReleaseSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'GB'})), 'ConflictException', {Reason: 'DELETION_PROTECTION_ENABLED'});
		await sms.send(new UpdateSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'GB', DeletionProtectionEnabled: false}));
		const released = await sms.send(new ReleaseSenderIdCommand({SenderId: 'ACME', IsoCountryCode: 'GB'}));
		assert.equal(released.SenderId, 'ACME');
	});

	test('the phone-number quota of 25 per region, visible in DescribeAccountLimits', async () => {
		const sms = h.sms('ca-central-1');
		const req = () => sms.send(new RequestPhoneNumberCommand({IsoCountryCode: 'CA', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS', 'VOICE'], NumberType: 'LONG_CODE'}));
		for (let i = 0; i < 25; i++) await req();
		await rejectsWith(req(), 'ServiceQuotaExceededException', {Reason: 'PHONE_NUMBERS_PER_ACCOUNT'});
		const limits = await sms.send(new DescribeAccountLimitsCommand({}));
		assert.deepEqual(limits.AccountLimits!.find(l => l.Name === 'PHONE_NUMBERS'), {Name: 'PHONE_NUMBERS', Used: 25, Max: 25});
		const pages: number[] = [];
		for await (const page of paginateDescribePhoneNumbers({client: sms, pageSize: 10}, {})) pages.push(page.PhoneNumbers!.length);
		assert.deepEqual(pages, [10, 10, 5]);
		await rejectsWith(sms.send(new DescribePhoneNumbersCommand({NextToken: 'bm90LWEtdG9rZW4'})), 'ValidationException', {Reason: 'INVALID_NEXT_TOKEN'});
		// us-east-1 is a separate region with its own count.
		const east = await h.sms().send(new DescribeAccountLimitsCommand({}));
		assert.ok(east.AccountLimits!.find(l => l.Name === 'PHONE_NUMBERS')!.Used! < 25);
	});
});
