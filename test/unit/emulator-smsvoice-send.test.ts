// Sending through the emulated service with the real SDK over HTTP: simulator events in the log
// group, sandbox, opt-outs, spend limits, MaxPrice, message size, protect configurations, DryRun.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CreateConfigurationSetCommand,
	CreateEventDestinationCommand,
	CreateProtectConfigurationCommand,
	AssociateProtectConfigurationCommand,
	PutOptedOutNumberCommand,
	SendMediaMessageCommand,
	SendTextMessageCommand,
	SendVoiceMessageCommand,
	SetTextMessageSpendLimitOverrideCommand,
	UpdateProtectConfigurationCountryRuleSetCommand,
	UpdateEventDestinationCommand,
	DescribeOptedOutNumbersCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {CreateLogGroupCommand} from '@aws-sdk/client-cloudwatch-logs';
import {finalEvents, messageEvents, rejectsWith, startHarness, waitFor, type Harness} from './emulator-smsvoice-harness.js';

const SIM = '+12065550100';
const SUCCESS = '+14254147755';
const FAILURE = '+14254147167';
const GROUP = 'smsdeck-simulator-events';
const SET = 'smsdeck-simulator';

describe('sms-voice emulator: sending', () => {
	let h: Harness;
	before(async () => {
		h = await startHarness('default');
	});
	after(async () => h.close());

	test('simulator success number: PENDING → SUCCESSFUL → DELIVERED in the config set log group, with the guide fields', async () => {
		const sms = h.sms();
		const {MessageId} = await sms.send(
			new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'Hello from smsdeck', ConfigurationSetName: SET, Context: {run: 'r1'}}),
		);
		assert.ok(MessageId);
		const events = await finalEvents(h.logs(), GROUP, MessageId!);
		assert.deepEqual(
			events.map(e => [e.eventType, e.isFinal, e.messageStatus]),
			[
				['TEXT_PENDING', false, 'PENDING'],
				['TEXT_SUCCESSFUL', false, 'SUCCESSFUL'],
				['TEXT_DELIVERED', true, 'DELIVERED'],
			],
		);
		const last = events[2];
		assert.equal(last.eventVersion, '1.0');
		assert.equal(last.originationPhoneNumber, SIM);
		assert.equal(last.destinationPhoneNumber, SUCCESS);
		assert.equal(last.isoCountryCode, 'US');
		assert.equal(last.messageEncoding, 'GSM');
		assert.equal(last.totalMessageParts, 1);
		assert.equal(last.totalMessagePrice, 0.00581);
		assert.equal(typeof last.totalCarrierFee, 'number');
		assert.deepEqual(last.context, {run: 'r1'});
		assert.equal(last.messageStatusDescription, 'Message has been accepted by phone');
		assert.ok(events[0].eventTimestamp <= events[1].eventTimestamp && events[1].eventTimestamp <= events[2].eventTimestamp);
	});

	test('simulator failure number ends with a final TEXT_CARRIER_UNREACHABLE; Unicode bodies are reported as such', async () => {
		const {MessageId} = await h.sms().send(
			new SendTextMessageCommand({DestinationPhoneNumber: FAILURE, OriginationIdentity: SIM, MessageBody: 'Grüße ’quoted’ ✓', ConfigurationSetName: SET}),
		);
		const events = await finalEvents(h.logs(), GROUP, MessageId!);
		assert.deepEqual(events.map(e => e.eventType), ['TEXT_PENDING', 'TEXT_CARRIER_UNREACHABLE']);
		assert.equal(events[1].isFinal, true);
		assert.equal(events[1].messageEncoding, 'Unicode');
	});

	test('MMS uses the MEDIA_* twins and contentType MMS; voice goes INITIATED → RINGING → ANSWERED → COMPLETED', async () => {
		const sms = h.sms();
		const mms = await sms.send(
			new SendMediaMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'pic', MediaUrls: ['s3://bucket-1/cat.jpg'], ConfigurationSetName: SET}),
		);
		const mmsEvents = await finalEvents(h.logs(), GROUP, mms.MessageId!);
		assert.deepEqual(mmsEvents.map(e => e.eventType), ['MEDIA_PENDING', 'MEDIA_SUCCESSFUL', 'MEDIA_DELIVERED']);
		assert.equal(mmsEvents[0].contentType, 'MMS');
		const voice = await sms.send(new SendVoiceMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'Your code is 1 2 3', ConfigurationSetName: SET}));
		const voiceEvents = await finalEvents(h.logs(), GROUP, voice.MessageId!);
		assert.deepEqual(voiceEvents.map(e => e.eventType), ['VOICE_INITIATED', 'VOICE_RINGING', 'VOICE_ANSWERED', 'VOICE_COMPLETED']);
		assert.ok(voiceEvents[3].callDurationInSeconds >= 1);
		assert.equal(voiceEvents[3].totalDurationInMinutes, 1);
	});

	test('an unsupported media type fails with MEDIA_FILE_TYPE_UNSUPPORTED; MMS outside US/CA is refused', async () => {
		const sms = h.sms();
		const {MessageId} = await sms.send(new SendMediaMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MediaUrls: ['s3://bucket-1/file.exe'], ConfigurationSetName: SET}));
		const events = await finalEvents(h.logs(), GROUP, MessageId!);
		assert.equal(events.at(-1)!.eventType, 'MEDIA_FILE_TYPE_UNSUPPORTED');
		await rejectsWith(
			sms.send(new SendMediaMessageCommand({DestinationPhoneNumber: '+447860019066', OriginationIdentity: SIM, MediaUrls: ['s3://bucket-1/cat.jpg']})),
			'ValidationException',
			{Reason: 'DESTINATION_COUNTRY_BLOCKED'},
		);
	});

	test('destinations whose MatchingEventTypes do not match, or disabled ones, get nothing', async () => {
		const sms = h.sms();
		await h.logs().send(new CreateLogGroupCommand({logGroupName: 'only-delivered'}));
		await sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: 'only-delivered'}));
		await sms.send(
			new CreateEventDestinationCommand({
				ConfigurationSetName: 'only-delivered',
				EventDestinationName: 'cwl',
				MatchingEventTypes: ['TEXT_DELIVERED'],
				CloudWatchLogsDestination: {IamRoleArn: 'arn:aws:iam::123456789012:role/r', LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:only-delivered'},
			}),
		);
		const first = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x', ConfigurationSetName: 'only-delivered'}));
		const events = await finalEvents(h.logs(), 'only-delivered', first.MessageId!);
		assert.deepEqual(events.map(e => e.eventType), ['TEXT_DELIVERED']);
		await sms.send(new UpdateEventDestinationCommand({ConfigurationSetName: 'only-delivered', EventDestinationName: 'cwl', Enabled: false}));
		const second = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'y', ConfigurationSetName: 'only-delivered'}));
		// A control message through the always-on simulator set shows the events have had time to arrive.
		const control = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'z', ConfigurationSetName: SET}));
		await finalEvents(h.logs(), GROUP, control.MessageId!);
		assert.deepEqual(await messageEvents(h.logs(), 'only-delivered', second.MessageId!), []);
	});

	test('withholdEvents silences a destination until cleared', async () => {
		await h.admin('withholdEvents', {numbers: [FAILURE]});
		const sms = h.sms();
		const held = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: FAILURE, OriginationIdentity: SIM, MessageBody: 'held', ConfigurationSetName: SET}));
		const control = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'ctl', ConfigurationSetName: SET}));
		await finalEvents(h.logs(), GROUP, control.MessageId!);
		assert.deepEqual(await messageEvents(h.logs(), GROUP, held.MessageId!), []);
		await h.admin('withholdEvents', {numbers: []});
	});

	test('simulator origination reaches only simulator destinations of its country', async () => {
		const sms = h.sms();
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+447860019066', OriginationIdentity: SIM, MessageBody: 'x'})), 'ValidationException', {
			Reason: 'INVALID_IDENTITY_FOR_DESTINATION_COUNTRY',
		});
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550142', OriginationIdentity: SIM, MessageBody: 'x'})), 'ValidationException', {
			Reason: 'INVALID_IDENTITY_FOR_DESTINATION_COUNTRY',
		});
	});

	test('sandbox: unverified destinations are refused, verified ones accepted; production accepts both', async () => {
		const sms = h.sms();
		await rejectsWith(
			sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550999', OriginationIdentity: '+12065550150', MessageBody: 'x'})),
			'ConflictException',
			{Reason: 'DESTINATION_PHONE_NUMBER_NOT_VERIFIED'},
		);
		const ok = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550142', OriginationIdentity: '+12065550150', MessageBody: 'x'}));
		assert.ok(ok.MessageId);
		const west = h.sms('us-west-2');
		const prod = await west.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550999', OriginationIdentity: '+18445550190', MessageBody: 'x', ConfigurationSetName: 'prod-events'}));
		const events = await finalEvents(h.logs('us-west-2'), 'sms-prod-events', prod.MessageId!);
		assert.equal(events.at(-1)!.eventType, 'TEXT_DELIVERED');
	});

	test('origination identities: pool picks an ACTIVE member, sender IDs and inactive or incapable numbers are checked', async () => {
		const sms = h.sms();
		const viaPool = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550142', OriginationIdentity: 'pool-9c1a3175c52f2a37bfd53f63c0d1de0d', MessageBody: 'x'}));
		assert.ok(viaPool.MessageId);
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: '+17205550180', MessageBody: 'x'})), 'ConflictException', {
			Reason: 'RESOURCE_NOT_ACTIVE',
		});
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: '+16175550170', MessageBody: 'x'})), 'ConflictException', {
			Reason: 'NUMBER_CAPABILITIES_MISMATCH',
		});
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: 'phone-00000000000000000000000000000000', MessageBody: 'x'})), 'ResourceNotFoundException', {
			ResourceType: 'phone-number',
		});
		await rejectsWith(sms.send(new SendVoiceMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: 'SMSDECK', MessageBody: 'x'})), 'ValidationException', {
			Reason: 'VOICE_CAPABILITY_NOT_AVAILABLE',
		});
		const uk = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+447860019066', OriginationIdentity: 'SMSDECK', MessageBody: 'x'}));
		assert.ok(uk.MessageId);
	});

	test('opted-out destinations are refused on the identity’s list', async () => {
		const sms = h.sms();
		await sms.send(new PutOptedOutNumberCommand({OptOutListName: 'Default', OptedOutNumber: '+12065550142'}));
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550142', OriginationIdentity: '+12065550150', MessageBody: 'x'})), 'ConflictException', {
			Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
			ResourceType: 'opted-out-number',
		});
		// The marketing pool uses another list, so the same destination is reachable through it.
		const ok = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: '+12065550142', OriginationIdentity: '+13125550152', MessageBody: 'x'}));
		assert.ok(ok.MessageId);
	});

	test('inbound STOP opts the sender out; HELP answers; JOIN opts back in', async () => {
		const stop = await h.admin('inbound', {to: '+12045550160', from: '+12045550777', body: 'stop please'});
		assert.equal(stop.action, 'OPT_OUT');
		assert.equal(stop.optedOut, true);
		const listed = await h.sms().send(new DescribeOptedOutNumbersCommand({OptOutListName: 'Default', OptedOutNumbers: ['+12045550777']}));
		assert.equal(listed.OptedOutNumbers![0].EndUserOptedOut, true);
		const help = await h.admin('inbound', {to: '+12045550160', from: '+12045550777', body: 'HELP'});
		assert.equal(help.action, 'AUTOMATIC_RESPONSE');
		assert.match(help.response, /STOP/);
		const cancel = await h.admin('inbound', {to: '22395', from: '+12065550333', body: 'Cancel'});
		assert.equal(cancel.action, 'OPT_OUT');
		assert.equal(cancel.optOutListName, 'marketing-optouts');
		const join = await h.admin('inbound', {to: '22395', from: '+12065550333', body: 'join'});
		assert.equal(join.action, 'OPT_IN');
		assert.equal(join.optedOut, false);
	});

	test('message size, MaxPrice, DryRun', async () => {
		const sms = h.sms();
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'é✓'.repeat(400)})), 'ValidationException', {
			Reason: 'MAXIMUM_SIZE_EXCEEDED',
		});
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x', MaxPrice: '0.001'})), 'ValidationException', {
			Reason: 'PRICE_OVER_THRESHOLD',
		});
		const before = await h.admin('spend');
		const dry = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x', DryRun: true, ConfigurationSetName: SET}));
		assert.ok(dry.MessageId);
		const afterSpend = await h.admin('spend');
		assert.equal(afterSpend.TEXT, before.TEXT);
		const control = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'ctl', ConfigurationSetName: SET}));
		await finalEvents(h.logs(), GROUP, control.MessageId!);
		assert.deepEqual(await messageEvents(h.logs(), GROUP, dry.MessageId!), []);
	});

	test('spend: a send that would pass the enforced limit is refused with MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT', async () => {
		const sms = h.sms();
		await h.admin('setMonthlySpend', {channel: 'TEXT', amount: 0.995});
		await rejectsWith(
			sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x'.repeat(400)})),
			'ServiceQuotaExceededException',
			{Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT'},
		);
		await rejectsWith(sms.send(new SetTextMessageSpendLimitOverrideCommand({MonthlyLimit: 5})), 'ValidationException', {Reason: 'REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT'});
		await h.admin('setMonthlySpend', {channel: 'TEXT', amount: 0});
		const ok = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x'.repeat(400)}));
		assert.ok(ok.MessageId);
		const spent = await h.admin('spend');
		assert.ok(Math.abs(spent.TEXT - 3 * (0.00581 + 0.003)) < 1e-9, String(spent.TEXT));
	});

	test('a protect configuration that blocks the destination country rejects the send', async () => {
		const sms = h.sms();
		const pc = await sms.send(new CreateProtectConfigurationCommand({}));
		await sms.send(new UpdateProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc.ProtectConfigurationId, NumberCapability: 'SMS', CountryRuleSetUpdates: {US: {ProtectStatus: 'BLOCK'}}}));
		await rejectsWith(
			sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x', ProtectConfigurationId: pc.ProtectConfigurationId})),
			'ConflictException',
			{Reason: 'DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION'},
		);
		await sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: 'protected'}));
		await sms.send(new AssociateProtectConfigurationCommand({ConfigurationSetName: 'protected', ProtectConfigurationId: pc.ProtectConfigurationId}));
		await rejectsWith(sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'x', ConfigurationSetName: 'protected'})), 'ConflictException', {
			Reason: 'DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION',
		});
		// MMS rules are separate.
		const mms = await sms.send(new SendMediaMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MediaUrls: ['s3://bucket-1/a.png'], ConfigurationSetName: 'protected'}));
		assert.ok(mms.MessageId);
	});

	test('Firehose and SNS destinations receive the records (admin deliveries)', async () => {
		const sms = h.sms();
		await h.admin('setAccountTier', {tier: 'PRODUCTION'});
		try {
			const {MessageId} = await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: FAILURE, OriginationIdentity: '+13125550152', MessageBody: 'deal', ConfigurationSetName: 'marketing'}));
			const deliveries = await waitFor(async () => {
				const d = (await h.admin('deliveries')).deliveries.filter((x: any) => x.record.messageId === MessageId);
				return d.some((x: any) => x.record.isFinal) ? d : undefined;
			});
			assert.ok(deliveries.some((d: any) => d.kind === 'firehose' && d.record.eventType === 'TEXT_PENDING'));
			assert.deepEqual(deliveries.filter((d: any) => d.kind === 'sns').map((d: any) => d.record.eventType), ['TEXT_CARRIER_UNREACHABLE']);
		} finally {
			await h.admin('setAccountTier', {tier: 'SANDBOXED'});
		}
	});
});
