// The identity resolver (services/identityResolver.ts) over the real SDK against the in-process emulator: what a
// person types (E.164 number, id, ARN, a pool's Name tag, a sender ID, names) → the id the API takes.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	DescribeConfigurationSetsCommand,
	DescribeOptOutListsCommand,
	DescribePoolsCommand,
	DescribeSenderIdsCommand,
	ListTagsForResourceCommand,
	TagResourceCommand,
	paginateDescribePhoneNumbers,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {listPhoneNumbers, type PhoneNumber} from '../../source/services/numbersService.js';
import {lookupConfigurationSet, lookupPhoneNumber, resolveIdentity, UnresolvedIdentityError} from '../../source/services/identityResolver.js';

const connect = (emu: RunningEmulator, region = 'us-east-1') =>
	createClients({region, endpoint: emu.url, local: true}, {limiter: new RateLimiter(), health: new Health(), env: {}});

const unresolved = (pattern: RegExp) => (error: Error) => {
	assert.ok(error instanceof UnresolvedIdentityError, `${error.name}: ${error.message}`);
	assert.match(error.message, pattern);
	assert.doesNotMatch(error.message, /\n/, 'one line');
	return true;
};

describe('resolveIdentity on the default seed', () => {
	let emu: RunningEmulator;
	let east: Clients;
	let london: Clients;
	let numbers: PhoneNumber[];
	const byNumber = (e164: string) => numbers.find(n => n.PhoneNumber === e164)!;

	before(async () => {
		emu = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
		east = await connect(emu);
		london = await connect(emu, 'eu-west-2');
		numbers = await listPhoneNumbers(east);
	});
	after(async () => {
		destroyClients(east);
		destroyClients(london);
		await emu.close();
	});

	test('a phone number: E.164 and short code → its PhoneNumberId; the id and the ARN as typed', async () => {
		const tfn = byNumber('+18335550142');
		assert.deepEqual(await resolveIdentity(east, 'phoneNumber', '+18335550142'), {id: tfn.PhoneNumberId, kind: 'phoneNumber', label: `+18335550142 (${tfn.PhoneNumberId})`});
		assert.equal((await resolveIdentity(east, 'phoneNumber', ' +18335550142 ')).id, tfn.PhoneNumberId, 'spaces around are ignored');
		assert.equal((await resolveIdentity(east, 'phoneNumber', '22395')).id, byNumber('22395').PhoneNumberId);
		assert.deepEqual(await resolveIdentity(east, 'phoneNumber', tfn.PhoneNumberId!), {id: tfn.PhoneNumberId, kind: 'phoneNumber', label: tfn.PhoneNumberId});
		assert.equal((await resolveIdentity(east, 'phoneNumber', tfn.PhoneNumberArn!)).id, tfn.PhoneNumberArn);
		// Numbers are per Region.
		assert.match((await resolveIdentity(london, 'phoneNumber', '+447700900123')).id, /^phone-/);
		await assert.rejects(resolveIdentity(london, 'phoneNumber', '+18335550142'), unresolved(/^no phone number "\+18335550142" in eu-west-2 \(see smsdeck numbers --region eu-west-2\)$/));
	});

	test('an unknown number, a pool name or another kind of ARN is not a phone number', async () => {
		await assert.rejects(resolveIdentity(east, 'phoneNumber', '+18335550199'), unresolved(/^no phone number "\+18335550199" in us-east-1/));
		await assert.rejects(resolveIdentity(east, 'phoneNumber', 'marketing-us'), unresolved(/no phone number "marketing-us" in us-east-1 \(give its E\.164 number, phone-… id or ARN\)/));
		const pool = (await east.sms.send(new DescribePoolsCommand({}))).Pools![0];
		await assert.rejects(resolveIdentity(east, 'phoneNumber', pool.PoolArn!), unresolved(/is not the ARN of a phone number/));
		await assert.rejects(resolveIdentity(east, 'phoneNumber', '  '), unresolved(/^name a phone number$/));
	});

	test('a pool: its Name tag → its PoolId; id and ARN as typed; a Name shared by two pools is refused', async () => {
		const pools = (await east.sms.send(new DescribePoolsCommand({}))).Pools!;
		const marketing = await resolveIdentity(east, 'pool', 'marketing-us');
		assert.equal(marketing.kind, 'pool');
		assert.match(marketing.id, /^pool-/);
		assert.ok(pools.some(p => p.PoolId === marketing.id));
		assert.equal(marketing.label, `marketing-us (${marketing.id})`);
		const other = pools.find(p => p.PoolId !== marketing.id)!;
		assert.equal((await resolveIdentity(east, 'pool', other.PoolId!)).id, other.PoolId);
		assert.equal((await resolveIdentity(east, 'pool', other.PoolArn!)).id, other.PoolArn);
		await assert.rejects(resolveIdentity(east, 'pool', 'no-such-pool'), unresolved(/^no pool "no-such-pool" in us-east-1 \(give its pool-… id, ARN or Name tag; see smsdeck pools --region us-east-1\)$/));

		const before = (await east.sms.send(new ListTagsForResourceCommand({ResourceArn: other.PoolArn}))).Tags!;
		await east.sms.send(new TagResourceCommand({ResourceArn: other.PoolArn, Tags: [{Key: 'Name', Value: 'marketing-us'}]}));
		try {
			await assert.rejects(resolveIdentity(east, 'pool', 'marketing-us'), unresolved(/"marketing-us" names more than one pool in us-east-1 \(pool pool-\w+, pool pool-\w+\): give the id or ARN/));
		} finally {
			await east.sms.send(new TagResourceCommand({ResourceArn: other.PoolArn, Tags: before.filter(t => t.Key === 'Name')}));
		}
		assert.equal((await resolveIdentity(east, 'pool', 'marketing-us')).id, marketing.id);
	});

	test('an origination: a number, a pool (id, ARN or Name tag) or a sender ID (→ its ARN)', async () => {
		const tfn = byNumber('+18335550142');
		assert.deepEqual(await resolveIdentity(east, 'origination', '+18335550142'), {id: tfn.PhoneNumberId, kind: 'phoneNumber', label: `+18335550142 (${tfn.PhoneNumberId})`});
		assert.equal((await resolveIdentity(east, 'origination', 'transactional-us')).id, tfn.PoolId, 'the toll-free number is in transactional-us');
		assert.equal((await resolveIdentity(east, 'origination', tfn.PoolId!)).kind, 'pool');
		const sender = (await east.sms.send(new DescribeSenderIdsCommand({}))).SenderIds!.find(s => s.SenderId === 'SMSDECK')!;
		assert.deepEqual(await resolveIdentity(east, 'origination', 'SMSDECK'), {id: sender.SenderIdArn, kind: 'senderId', label: `SMSDECK (${sender.SenderIdArn})`});
		assert.equal((await resolveIdentity(east, 'senderId', sender.SenderIdArn!)).id, sender.SenderIdArn);
		await assert.rejects(
			resolveIdentity(east, 'origination', 'nothing-here'),
			unresolved(/^no phone number, pool or sender ID "nothing-here" in us-east-1 \(give an E\.164 number, a phone-… or pool-… id, a pool's Name tag, a sender ID or an ARN\)$/),
		);
		await assert.rejects(resolveIdentity(east, 'origination', 'arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/Default'), unresolved(/is not the ARN of a phone number, pool or sender ID/));
	});

	test('opt-out lists and configuration sets: name or ARN go as typed; an ARN of another kind is refused', async () => {
		const list = (await east.sms.send(new DescribeOptOutListsCommand({}))).OptOutLists!.find(l => l.OptOutListName === 'Default')!;
		assert.deepEqual(await resolveIdentity(east, 'optOutList', 'Default'), {id: 'Default', kind: 'optOutList', label: 'Default'});
		assert.equal((await resolveIdentity(east, 'optOutList', list.OptOutListArn!)).id, list.OptOutListArn);
		assert.equal((await resolveIdentity(east, 'configurationSet', 'staging')).id, 'staging');
		await assert.rejects(resolveIdentity(east, 'configurationSet', list.OptOutListArn!), unresolved(/is not the ARN of a configuration set/));
	});

	test('lookupPhoneNumber gives the record for a number, id or ARN; lookupConfigurationSet for a name or ARN', async () => {
		const sim = byNumber('+12065550100');
		for (const typed of ['+12065550100', sim.PhoneNumberId!, sim.PhoneNumberArn!]) {
			const found = await lookupPhoneNumber(east, typed);
			assert.equal(found.PhoneNumberId, sim.PhoneNumberId, typed);
			assert.equal(found.NumberType, 'SIMULATOR');
		}
		await assert.rejects(lookupPhoneNumber(east, 'phone-00000000000000000000000000000000'), unresolved(/^no phone number "phone-0+" in us-east-1/));
		const set = (await east.sms.send(new DescribeConfigurationSetsCommand({ConfigurationSetNames: ['smsdeck-simulator']}))).ConfigurationSets![0];
		assert.equal((await lookupConfigurationSet(east, set.ConfigurationSetArn!))?.ConfigurationSetName, 'smsdeck-simulator');
		assert.equal((await lookupConfigurationSet(east, 'smsdeck-simulator'))?.ConfigurationSetArn, set.ConfigurationSetArn);
		assert.equal(await lookupConfigurationSet(east, 'no-such-set'), undefined);
	});
});

describe('resolveIdentity on the big seed', () => {
	let emu: RunningEmulator;
	let east: Clients;
	before(async () => {
		emu = await startEmulator({port: 0, quiet: true, seed: 'big'});
		east = await connect(emu);
	});
	after(async () => {
		destroyClients(east);
		await emu.close();
	});

	test('an E.164 number on the last of 101 pages is found', async () => {
		let last: PhoneNumber | undefined;
		for await (const page of paginateDescribePhoneNumbers({client: east.sms, pageSize: 100}, {})) last = page.PhoneNumbers!.at(-1) ?? last;
		assert.ok(last?.PhoneNumber && last.PhoneNumberId);
		assert.equal((await resolveIdentity(east, 'phoneNumber', last.PhoneNumber)).id, last.PhoneNumberId);
	});
});
