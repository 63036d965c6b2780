// Configuration sets, event destinations, keywords, opt-out lists, verified numbers, protect
// configurations, tags, account attributes and spend limits through the real SDK over HTTP.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CreateConfigurationSetCommand,
	CreateEventDestinationCommand,
	CreateOptOutListCommand,
	CreateProtectConfigurationCommand,
	CreateVerifiedDestinationNumberCommand,
	DeleteConfigurationSetCommand,
	DeleteDefaultMessageTypeCommand,
	DeleteDefaultSenderIdCommand,
	DeleteEventDestinationCommand,
	DeleteKeywordCommand,
	DeleteOptedOutNumberCommand,
	DeleteOptOutListCommand,
	DeleteProtectConfigurationCommand,
	DeleteTextMessageSpendLimitOverrideCommand,
	DeleteVerifiedDestinationNumberCommand,
	DeleteAccountDefaultProtectConfigurationCommand,
	DescribeAccountAttributesCommand,
	DescribeConfigurationSetsCommand,
	DescribeKeywordsCommand,
	DescribeOptedOutNumbersCommand,
	DescribeOptOutListsCommand,
	DescribePhoneNumbersCommand,
	DescribeProtectConfigurationsCommand,
	DescribeSpendLimitsCommand,
	DescribeVerifiedDestinationNumbersCommand,
	GetProtectConfigurationCountryRuleSetCommand,
	ListTagsForResourceCommand,
	PutKeywordCommand,
	PutOptedOutNumberCommand,
	SendDestinationNumberVerificationCodeCommand,
	SetAccountDefaultProtectConfigurationCommand,
	SetDefaultMessageTypeCommand,
	SetDefaultSenderIdCommand,
	SetTextMessageSpendLimitOverrideCommand,
	SetVoiceMessageSpendLimitOverrideCommand,
	TagResourceCommand,
	UntagResourceCommand,
	UpdateEventDestinationCommand,
	UpdateProtectConfigurationCommand,
	VerifyDestinationNumberCommand,
	DisassociateProtectConfigurationCommand,
	AssociateProtectConfigurationCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {rejectsWith, startHarness, type Harness} from './emulator-smsvoice-harness.js';

const CWL = {IamRoleArn: 'arn:aws:iam::123456789012:role/r', LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:g'};
const POOL_MARKETING = 'pool-4d02be205c53856f9a1fda019372760a';

describe('sms-voice emulator: settings resources', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness('default');
	});
	after(async () => h.close());

	test('the default seed: sandbox tier, spend limits, config sets with destinations', async () => {
		const sms = h.sms();
		const attrs = await sms.send(new DescribeAccountAttributesCommand({}));
		assert.deepEqual(attrs.AccountAttributes, [{Name: 'ACCOUNT_TIER', Value: 'SANDBOXED'}]);
		const west = await h.sms('us-west-2').send(new DescribeAccountAttributesCommand({}));
		assert.equal(west.AccountAttributes!.find(a => a.Name === 'ACCOUNT_TIER')!.Value, 'PRODUCTION');
		assert.ok(west.AccountAttributes!.some(a => a.Name === 'DEFAULT_PROTECT_CONFIGURATION_ID'));
		const sets = await sms.send(new DescribeConfigurationSetsCommand({}));
		const names = sets.ConfigurationSets!.map(c => c.ConfigurationSetName);
		assert.ok(names.includes('smsdeck-simulator') && names.includes('staging') && names.includes('marketing'));
		const staging = sets.ConfigurationSets!.find(c => c.ConfigurationSetName === 'staging')!;
		assert.equal(staging.EventDestinations![0].Enabled, false);
		const byType = await sms.send(new DescribeConfigurationSetsCommand({Filters: [{Name: 'matching-event-types', Values: ['ALL']}]}));
		assert.deepEqual(byType.ConfigurationSets!.map(c => c.ConfigurationSetName).sort(), ['marketing', 'smsdeck-simulator']);
	});

	test('spend-limit overrides: 1..MaxLimit, delete returns the removed limit', async () => {
		const west = h.sms('us-west-2');
		assert.deepEqual((await west.send(new SetVoiceMessageSpendLimitOverrideCommand({MonthlyLimit: 42}))).MonthlyLimit, 42);
		await rejectsWith(west.send(new SetTextMessageSpendLimitOverrideCommand({MonthlyLimit: 100000})), 'ValidationException', {
			Reason: 'REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT',
		});
		const removed = await west.send(new DeleteTextMessageSpendLimitOverrideCommand({}));
		assert.equal(removed.MonthlyLimit, 250);
		const limits = await west.send(new DescribeSpendLimitsCommand({}));
		const text = limits.SpendLimits!.find(l => l.Name === 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT')!;
		assert.equal(text.Overridden, false);
		assert.equal(text.EnforcedLimit, text.MaxLimit);
		assert.equal(limits.SpendLimits!.find(l => l.Name === 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT')!.EnforcedLimit, 42);
	});

	test('configuration sets and event destinations: defaults, five at most, one target, no type change', async () => {
		const sms = h.sms();
		await sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: 'cs1', Tags: [{Key: 'a', Value: 'b'}]}));
		await rejectsWith(sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: 'cs1'})), 'ConflictException', {Reason: 'RESOURCE_ALREADY_EXISTS'});
		for (let i = 0; i < 5; i++) {
			await sms.send(new CreateEventDestinationCommand({ConfigurationSetName: 'cs1', EventDestinationName: `d${i}`, MatchingEventTypes: ['TEXT_ALL'], CloudWatchLogsDestination: CWL}));
		}
		await rejectsWith(
			sms.send(new CreateEventDestinationCommand({ConfigurationSetName: 'cs1', EventDestinationName: 'd5', MatchingEventTypes: ['ALL'], CloudWatchLogsDestination: CWL})),
			'ServiceQuotaExceededException',
			{Reason: 'EVENT_DESTINATIONS_PER_CONFIGURATION_SET'},
		);
		await rejectsWith(
			sms.send(new UpdateEventDestinationCommand({ConfigurationSetName: 'cs1', EventDestinationName: 'd0', SnsDestination: {TopicArn: 'arn:aws:sns:us-east-1:123456789012:t'}})),
			'ConflictException',
			{Reason: 'EVENT_DESTINATION_MISMATCH'},
		);
		const updated = await sms.send(new UpdateEventDestinationCommand({ConfigurationSetName: 'cs1', EventDestinationName: 'd0', Enabled: false, MatchingEventTypes: ['VOICE_ALL']}));
		assert.deepEqual(updated.EventDestination, {EventDestinationName: 'd0', Enabled: false, MatchingEventTypes: ['VOICE_ALL'], CloudWatchLogsDestination: CWL});
		await sms.send(new DeleteEventDestinationCommand({ConfigurationSetName: 'cs1', EventDestinationName: 'd4'}));
		await rejectsWith(sms.send(new DeleteEventDestinationCommand({ConfigurationSetName: 'cs1', EventDestinationName: 'd4'})), 'ResourceNotFoundException', {ResourceType: 'event-destination'});
		await sms.send(new SetDefaultMessageTypeCommand({ConfigurationSetName: 'cs1', MessageType: 'PROMOTIONAL'}));
		await sms.send(new SetDefaultSenderIdCommand({ConfigurationSetName: 'arn:aws:sms-voice:us-east-1:123456789012:configuration-set/cs1', SenderId: 'ACME'}));
		const [cs] = (await sms.send(new DescribeConfigurationSetsCommand({ConfigurationSetNames: ['cs1']}))).ConfigurationSets!;
		assert.equal(cs.DefaultMessageType, 'PROMOTIONAL');
		assert.equal(cs.DefaultSenderId, 'ACME');
		assert.equal(cs.EventDestinations!.length, 4);
		assert.equal((await sms.send(new DeleteDefaultMessageTypeCommand({ConfigurationSetName: 'cs1'}))).MessageType, 'PROMOTIONAL');
		assert.equal((await sms.send(new DeleteDefaultSenderIdCommand({ConfigurationSetName: 'cs1'}))).SenderId, 'ACME');
		const deleted = await sms.send(new DeleteConfigurationSetCommand({ConfigurationSetName: 'cs1'}));
		assert.equal(deleted.EventDestinations!.length, 4);
		await rejectsWith(sms.send(new DescribeConfigurationSetsCommand({ConfigurationSetNames: ['cs1']})), 'ResourceNotFoundException', {ResourceType: 'configuration-set'});
	});

	test('keywords: HELP and STOP keep their actions, upsert, 30 per number, pool members defer to the pool', async () => {
		const sms = h.sms();
		const numbers = await sms.send(new DescribePhoneNumbersCommand({Filters: [{Name: 'iso-country-code', Values: ['CA']}]}));
		const number = numbers.PhoneNumbers![0].PhoneNumberId!;
		await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'help', KeywordMessage: 'x', KeywordAction: 'OPT_IN'})), 'ConflictException', {
			Reason: 'RESOURCE_MODIFICATION_NOT_ALLOWED',
			ResourceType: 'keyword',
			ResourceId: 'HELP',
		});
		await rejectsWith(sms.send(new DeleteKeywordCommand({OriginationIdentity: number, Keyword: 'STOP'})), 'ConflictException', {Reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		await sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'HOURS', KeywordMessage: 'Open 9-5', KeywordAction: 'AUTOMATIC_RESPONSE'}));
		await sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'hours', KeywordMessage: 'Open 8-6'}));
		const kw = await sms.send(new DescribeKeywordsCommand({OriginationIdentity: number, Keywords: ['HOURS']}));
		assert.deepEqual(kw.Keywords, [{Keyword: 'HOURS', KeywordMessage: 'Open 8-6', KeywordAction: 'AUTOMATIC_RESPONSE'}]);
		const all = await sms.send(new DescribeKeywordsCommand({OriginationIdentity: number}));
		for (let i = all.Keywords!.length; i < 30; i++) await sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: `K${i}`, KeywordMessage: 'x'}));
		await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'ONEMORE', KeywordMessage: 'x'})), 'ServiceQuotaExceededException', {
			Reason: 'KEYWORDS_PER_PHONE_NUMBER',
		});
		const optOuts = await sms.send(new DescribeKeywordsCommand({OriginationIdentity: number, Filters: [{Name: 'keyword-action', Values: ['OPT_OUT']}]}));
		assert.deepEqual(optOuts.Keywords!.map(k => k.Keyword), ['STOP']);
		const deleted = await sms.send(new DeleteKeywordCommand({OriginationIdentity: number, Keyword: 'hours'}));
		assert.equal(deleted.KeywordMessage, 'Open 8-6');
		// 22395 is in the marketing pool: its keywords are the pool's and changes must go to the pool.
		const viaNumber = await sms.send(new DescribeKeywordsCommand({OriginationIdentity: '22395'}));
		assert.equal(viaNumber.OriginationIdentity, POOL_MARKETING);
		assert.ok(viaNumber.Keywords!.some(k => k.Keyword === 'JOIN'));
		await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: '22395', Keyword: 'NEW', KeywordMessage: 'x'})), 'ConflictException', {
			Reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL',
		});
		const onPool = await sms.send(new PutKeywordCommand({OriginationIdentity: POOL_MARKETING, Keyword: 'NEW', KeywordMessage: 'x'}));
		assert.equal(onPool.OriginationIdentity, POOL_MARKETING);
		await rejectsWith(sms.send(new DescribeKeywordsCommand({OriginationIdentity: 'pool-00000000000000000000000000000000'})), 'ResourceNotFoundException', {ResourceType: 'pool'});
	});

	test('keywords: HELP/STOP texts change, actions stay; mandatory opt-out keywords keep OPT_OUT and stay; UNSUBSCRIBE still opts out', async () => {
		const sms = h.sms();
		const numbers = await sms.send(new DescribePhoneNumbersCommand({Filters: [{Name: 'iso-country-code', Values: ['CA']}]}));
		const pn = numbers.PhoneNumbers!.find(n => !n.PoolId)!;
		const number = pn.PhoneNumberId!;
		const help = await sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'HELP', KeywordMessage: 'Acme: call 1-888-555-0142. Text STOP to cancel.'}));
		assert.equal(help.KeywordAction, 'AUTOMATIC_RESPONSE', 'left out, HELP keeps its action');
		const stop = await sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'stop', KeywordMessage: 'Acme: unsubscribed.', KeywordAction: 'OPT_OUT'}));
		assert.equal(stop.KeywordAction, 'OPT_OUT');
		await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'STOP', KeywordMessage: 'x', KeywordAction: 'AUTOMATIC_RESPONSE'})), 'ConflictException', {
			Reason: 'RESOURCE_MODIFICATION_NOT_ALLOWED',
		});
		await rejectsWith(sms.send(new DeleteKeywordCommand({OriginationIdentity: number, Keyword: 'help'})), 'ConflictException', {Reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		const kws = await sms.send(new DescribeKeywordsCommand({OriginationIdentity: number, Keywords: ['HELP', 'STOP']}));
		assert.deepEqual(
			kws.Keywords!.map(k => [k.KeywordAction, k.KeywordMessage]),
			[
				['AUTOMATIC_RESPONSE', 'Acme: call 1-888-555-0142. Text STOP to cancel.'],
				['OPT_OUT', 'Acme: unsubscribed.'],
			],
		);
		for (const word of ['ARRET', 'CANCEL', 'END', 'OPT-OUT', 'OPTOUT', 'QUIT', 'REMOVE', 'TD', 'unsubscribe']) {
			await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: word, KeywordMessage: 'x', KeywordAction: 'AUTOMATIC_RESPONSE'})), 'ConflictException', {
				Reason: 'RESOURCE_MODIFICATION_NOT_ALLOWED',
				ResourceId: word.toUpperCase(),
			});
			await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: word, KeywordMessage: 'x', KeywordAction: 'OPT_IN'})), 'ConflictException');
			await rejectsWith(sms.send(new DeleteKeywordCommand({OriginationIdentity: number, Keyword: word})), 'ConflictException', {Reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		}
		const added = await sms.send(new PutKeywordCommand({OriginationIdentity: number, Keyword: 'UNSUBSCRIBE', KeywordMessage: 'Acme: you are out.'}));
		assert.equal(added.KeywordAction, 'OPT_OUT', 'a mandatory opt-out keyword added without an action opts out');
		await rejectsWith(sms.send(new DeleteKeywordCommand({OriginationIdentity: number, Keyword: 'UNSUBSCRIBE'})), 'ConflictException', {Reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		const inbound = await h.admin('inbound', {region: 'us-east-1', to: pn.PhoneNumber, from: '+12045550888', body: 'unsubscribe now'});
		assert.equal(inbound.action, 'OPT_OUT');
		assert.equal(inbound.response, 'Acme: you are out.');
		assert.equal(inbound.optedOut, true);
	});

	test('keywords: a US toll-free number keeps HELP and STOP as they are and takes no opt-out keyword; OPT_IN is fine', async () => {
		const sms = h.sms('us-west-2');
		const tfns = await sms.send(new DescribePhoneNumbersCommand({Filters: [{Name: 'number-type', Values: ['TOLL_FREE']}]}));
		const tfn = tfns.PhoneNumbers!.find(n => n.IsoCountryCode === 'US' && !n.PoolId)!;
		assert.ok(tfn, 'the seed has a US toll-free number outside a pool');
		for (const word of ['HELP', 'STOP']) {
			const action = word === 'HELP' ? 'AUTOMATIC_RESPONSE' : 'OPT_OUT';
			await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: tfn.PhoneNumberId!, Keyword: word, KeywordMessage: 'changed', KeywordAction: action})), 'ConflictException', {
				Reason: 'RESOURCE_MODIFICATION_NOT_ALLOWED',
				ResourceId: word,
			});
		}
		await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: tfn.PhoneNumberId!, Keyword: 'QUIT', KeywordMessage: 'x', KeywordAction: 'OPT_OUT'})), 'ConflictException');
		const unstop = await sms.send(new PutKeywordCommand({OriginationIdentity: tfn.PhoneNumberId!, Keyword: 'UNSTOP', KeywordMessage: 'Welcome back.', KeywordAction: 'OPT_IN'}));
		assert.equal(unstop.KeywordAction, 'OPT_IN');
	});

	test('opt-out lists: create, numbers in E.164, in-use and Default lists stay', async () => {
		const sms = h.sms();
		await sms.send(new CreateOptOutListCommand({OptOutListName: 'promo'}));
		await rejectsWith(sms.send(new CreateOptOutListCommand({OptOutListName: 'promo'})), 'ConflictException', {Reason: 'RESOURCE_ALREADY_EXISTS'});
		await sms.send(new PutOptedOutNumberCommand({OptOutListName: 'promo', OptedOutNumber: '+12065550123'}));
		await rejectsWith(sms.send(new PutOptedOutNumberCommand({OptOutListName: 'promo', OptedOutNumber: '12065550123'})), 'ValidationException', {Reason: 'INVALID_PARAMETER'});
		const listed = await sms.send(new DescribeOptedOutNumbersCommand({OptOutListName: 'promo'}));
		assert.deepEqual(listed.OptedOutNumbers!.map(n => [n.OptedOutNumber, n.EndUserOptedOut]), [['+12065550123', false]]);
		const seeded = await sms.send(new DescribeOptedOutNumbersCommand({OptOutListName: 'Default', Filters: [{Name: 'end-user-opted-out', Values: ['true']}]}));
		assert.ok(seeded.OptedOutNumbers!.every(n => n.EndUserOptedOut));
		await sms.send(new DeleteOptedOutNumberCommand({OptOutListName: 'promo', OptedOutNumber: '+12065550123'}));
		await rejectsWith(sms.send(new DeleteOptedOutNumberCommand({OptOutListName: 'promo', OptedOutNumber: '+12065550123'})), 'ResourceNotFoundException', {
			ResourceType: 'opted-out-number',
		});
		await rejectsWith(sms.send(new DeleteOptOutListCommand({OptOutListName: 'Default'})), 'ConflictException');
		await rejectsWith(sms.send(new DeleteOptOutListCommand({OptOutListName: 'marketing-optouts'})), 'ConflictException');
		await sms.send(new DeleteOptOutListCommand({OptOutListName: 'promo'}));
		const lists = await sms.send(new DescribeOptOutListsCommand({}));
		assert.deepEqual(lists.OptOutLists!.map(l => l.OptOutListName).sort(), ['Default', 'marketing-optouts']);
	});

	test('verified destination numbers: PENDING → code → VERIFIED; codes are checked; deletion after 24 h', async () => {
		const sms = h.sms();
		const created = await sms.send(new CreateVerifiedDestinationNumberCommand({DestinationPhoneNumber: '+12065550177'}));
		assert.equal(created.Status, 'PENDING');
		const id = created.VerifiedDestinationNumberId!;
		await rejectsWith(sms.send(new VerifyDestinationNumberCommand({VerifiedDestinationNumberId: id, VerificationCode: '000000'})), 'ValidationException', {
			Reason: 'VERIFICATION_CODE_MISMATCH',
		});
		await sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT'}));
		const {code} = await h.admin('verificationCode', {id});
		assert.match(code, /^\d{6}$/);
		const wrong = code === '111111' ? '222222' : '111111';
		await rejectsWith(sms.send(new VerifyDestinationNumberCommand({VerifiedDestinationNumberId: id, VerificationCode: wrong})), 'ValidationException', {
			Reason: 'VERIFICATION_CODE_MISMATCH',
		});
		const verified = await sms.send(new VerifyDestinationNumberCommand({VerifiedDestinationNumberId: created.VerifiedDestinationNumberArn, VerificationCode: code}));
		assert.equal(verified.Status, 'VERIFIED');
		await rejectsWith(sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT'})), 'ConflictException', {
			Reason: 'VERIFICATION_ALREADY_COMPLETE',
		});
		const described = await sms.send(new DescribeVerifiedDestinationNumbersCommand({Filters: [{Name: 'status', Values: ['VERIFIED']}]}));
		assert.ok(described.VerifiedDestinationNumbers!.some(v => v.DestinationPhoneNumber === '+12065550177'));
		await rejectsWith(sms.send(new DeleteVerifiedDestinationNumberCommand({VerifiedDestinationNumberId: id})), 'ConflictException', {Reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		const old = described.VerifiedDestinationNumbers!.find(v => v.DestinationPhoneNumber === '+12065550142')!;
		const gone = await sms.send(new DeleteVerifiedDestinationNumberCommand({VerifiedDestinationNumberId: old.VerifiedDestinationNumberId}));
		assert.equal(gone.DestinationPhoneNumber, '+12065550142');
		await rejectsWith(sms.send(new CreateVerifiedDestinationNumberCommand({DestinationPhoneNumber: '+12065550177'})), 'ConflictException', {Reason: 'RESOURCE_ALREADY_EXISTS'});
		// eu-west-2 has one verified number; nine more fit, the eleventh does not.
		const eu = h.sms('eu-west-2');
		for (let i = 0; i < 9; i++) await eu.send(new CreateVerifiedDestinationNumberCommand({DestinationPhoneNumber: `+4477009006${String(i).padStart(2, '0')}`}));
		await rejectsWith(eu.send(new CreateVerifiedDestinationNumberCommand({DestinationPhoneNumber: '+447700900699'})), 'ServiceQuotaExceededException', {
			Reason: 'VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT',
		});
	});

	test('verification codes: a new code per send, only the last one counts; the origination must reach the country; the second code is billed', async () => {
		const sms = h.sms();
		const created = await sms.send(new CreateVerifiedDestinationNumberCommand({DestinationPhoneNumber: '+12065550179'}));
		const id = created.VerifiedDestinationNumberId!;
		// A Canadian number cannot send a US verification code, and SMS-only 10DLC numbers cannot call.
		await rejectsWith(
			sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT', OriginationIdentity: '+12045550160'})),
			'ConflictException',
			{Reason: 'NO_ORIGINATION_IDENTITIES_FOUND'},
		);
		await rejectsWith(
			sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'VOICE', OriginationIdentity: '+13125550152'})),
			'ConflictException',
			{Reason: 'NO_ORIGINATION_IDENTITIES_FOUND'},
		);
		await rejectsWith(
			sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT', ConfigurationSetName: 'no-such-set'})),
			'ResourceNotFoundException',
		);
		await assert.rejects(h.admin('verificationCode', {number: '+12065550179'}), (e: any) => e.body?.Reason === 'NO_CODE_SENT' || JSON.stringify(e.body).includes('NO_CODE_SENT'));
		const spentBefore = (await h.admin('spend', {})).TEXT;
		await sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT', OriginationIdentity: '+12065550150'}));
		const first = (await h.admin('verificationCode', {number: '+12065550179'})).code;
		assert.equal((await h.admin('spend', {})).TEXT, spentBefore, 'the first code is free');
		await sms.send(new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT'}));
		const second = (await h.admin('verificationCode', {id})).code;
		assert.notEqual(second, first);
		assert.ok((await h.admin('spend', {})).TEXT > spentBefore, 'a second code is billed');
		await rejectsWith(sms.send(new VerifyDestinationNumberCommand({VerifiedDestinationNumberId: id, VerificationCode: first})), 'ValidationException', {
			Reason: 'VERIFICATION_CODE_MISMATCH',
		});
		assert.equal((await sms.send(new VerifyDestinationNumberCommand({VerifiedDestinationNumberId: id, VerificationCode: second}))).Status, 'VERIFIED');
	});

	test('protect configurations: all ALLOW at first, rules, association, account default, deletion guards', async () => {
		const sms = h.sms();
		const pc = await sms.send(new CreateProtectConfigurationCommand({Tags: [{Key: 'Name', Value: 'test'}], DeletionProtectionEnabled: true}));
		const rules = await sms.send(new GetProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc.ProtectConfigurationId, NumberCapability: 'SMS'}));
		assert.ok(Object.keys(rules.CountryRuleSet!).length > 200);
		assert.ok(Object.values(rules.CountryRuleSet!).every(r => r.ProtectStatus === 'ALLOW'));
		await rejectsWith(sms.send(new DeleteProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId})), 'ConflictException', {
			Reason: 'DELETION_PROTECTION_ENABLED',
		});
		await sms.send(new UpdateProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationArn, DeletionProtectionEnabled: false}));
		await sms.send(new SetAccountDefaultProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId}));
		const defaults = await sms.send(new DescribeProtectConfigurationsCommand({Filters: [{Name: 'account-default', Values: ['true']}]}));
		assert.deepEqual(defaults.ProtectConfigurations!.map(p => p.ProtectConfigurationId), [pc.ProtectConfigurationId]);
		await rejectsWith(sms.send(new DeleteProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId})), 'ConflictException', {
			Reason: 'PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT',
		});
		assert.equal((await sms.send(new DeleteAccountDefaultProtectConfigurationCommand({}))).DefaultProtectConfigurationId, pc.ProtectConfigurationId);
		await sms.send(new AssociateProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId, ConfigurationSetName: 'staging'}));
		await rejectsWith(sms.send(new DeleteProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId})), 'ConflictException', {
			Reason: 'PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET',
		});
		await sms.send(new DisassociateProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId, ConfigurationSetName: 'staging'}));
		await rejectsWith(sms.send(new DisassociateProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId, ConfigurationSetName: 'staging'})), 'ConflictException', {
			Reason: 'PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET',
		});
		await sms.send(new DeleteProtectConfigurationCommand({ProtectConfigurationId: pc.ProtectConfigurationId}));
	});

	test('tags on every taggable ARN; unknown ARNs are not found', async () => {
		const sms = h.sms();
		const arns = [
			`arn:aws:sms-voice:us-east-1:123456789012:pool/${POOL_MARKETING}`,
			'arn:aws:sms-voice:us-east-1:123456789012:sender-id/SMSDECK/GB',
			'arn:aws:sms-voice:us-east-1:123456789012:configuration-set/marketing',
			'arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/Default',
		];
		for (const ResourceArn of arns) {
			await sms.send(new TagResourceCommand({ResourceArn, Tags: [{Key: 'Owner', Value: 'qa'}, {Key: 'Tmp', Value: '1'}]}));
			await sms.send(new UntagResourceCommand({ResourceArn, TagKeys: ['Tmp']}));
			const {Tags} = await sms.send(new ListTagsForResourceCommand({ResourceArn}));
			assert.deepEqual(Tags!.filter(t => t.Key === 'Owner' || t.Key === 'Tmp'), [{Key: 'Owner', Value: 'qa'}], ResourceArn);
		}
		await rejectsWith(sms.send(new ListTagsForResourceCommand({ResourceArn: 'arn:aws:sms-voice:us-east-1:123456789012:pool/pool-nope'})), 'ResourceNotFoundException');
		await rejectsWith(sms.send(new ListTagsForResourceCommand({ResourceArn: 'arn:aws:sns:us-east-1:123456789012:topic'})), 'ValidationException', {Reason: 'INVALID_ARN'});
	});
	test('keywords of a sender ID: the error names the sender ID (one-way: it has no keywords), not a phone number', async () => {
		const sms = h.sms();
		const refused = await rejectsWith(sms.send(new DescribeKeywordsCommand({OriginationIdentity: 'ACMEALERTS'})), 'ValidationException');
		assert.match(refused.message, /^ACMEALERTS is a sender ID: sender IDs cannot receive messages/);
		const put = await rejectsWith(sms.send(new PutKeywordCommand({OriginationIdentity: 'ACMEALERTS', Keyword: 'INFO', KeywordMessage: 'x'})), 'ValidationException');
		assert.match(put.message, /ACMEALERTS is a sender ID/);
		await rejectsWith(sms.send(new DescribeKeywordsCommand({OriginationIdentity: 'arn:aws:sms-voice:us-east-1:123456789012:sender-id/NOPE/GB'})), 'ResourceNotFoundException', {ResourceType: 'sender-id'});
	});
});
