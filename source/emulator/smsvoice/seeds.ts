// Seeded accounts: `empty` (only the Default opt-out list), `default` (a realistic account over
// us-east-1, us-west-2 and eu-west-2), `big` (default plus 10,000 numbers and 1,000 pools in
// us-east-1) and `hostile` (default with terminal-attacking text in every field that can hold it, see
// hostile.ts). Ids are stable across runs.
import type {PhoneNumberRec} from './model.js';
import {SeedBuilder} from './seedBuilder.js';
import {plantHostile} from './hostile.js';
import {seedRegistrations} from './seedRegistrations.js';
import {PRODUCTION_MAX_SPEND, PRODUCTION_TIER, type Svc} from './state.js';

export const SEED_NAMES = ['default', 'big', 'empty', 'hostile'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

/** The configuration set `smsdeck simulate` uses out of the box, and its log group. */
export const SIMULATOR_CONFIG_SET = 'smsdeck-simulator';
export const SIMULATOR_LOG_GROUP = 'smsdeck-simulator-events';
export const SIMULATOR_ORIGINATION_NUMBER = '+12065550100';

function seedUsEast1(svc: Svc, now: number): void {
	const b = new SeedBuilder(svc, svc.region('us-east-1'), now);
	b.number('simulator', {phoneNumber: SIMULATOR_ORIGINATION_NUMBER, iso: 'US', type: 'SIMULATOR', capabilities: ['SMS', 'MMS', 'VOICE'], tags: {Purpose: 'simulator'}});
	const tfn = b.number('tfn', {
		phoneNumber: '+18335550142',
		iso: 'US',
		type: 'TOLL_FREE',
		capabilities: ['SMS', 'MMS', 'VOICE'],
		deletionProtection: true,
		tags: {Team: 'support', Env: 'prod'},
		ageDays: 200,
	});
	const d1 = b.number('10dlc-1', {phoneNumber: '+12065550150', iso: 'US', type: 'TEN_DLC', capabilities: ['SMS', 'MMS'], tags: {Team: 'auth'}, ageDays: 120});
	const d2 = b.number('10dlc-2', {phoneNumber: '+14255550151', iso: 'US', type: 'TEN_DLC', capabilities: ['SMS', 'MMS'], tags: {Team: 'auth'}, ageDays: 118});
	const d3 = b.number('10dlc-3', {
		phoneNumber: '+13125550152',
		iso: 'US',
		type: 'TEN_DLC',
		capabilities: ['SMS'],
		messageType: 'PROMOTIONAL',
		optOutListName: 'marketing-optouts',
		tags: {Team: 'marketing'},
		ageDays: 90,
	});
	const shortCode = b.number('short-code', {
		phoneNumber: '22395',
		iso: 'US',
		type: 'SHORT_CODE',
		capabilities: ['SMS', 'MMS'],
		messageType: 'PROMOTIONAL',
		optOutListName: 'marketing-optouts',
		tags: {Team: 'marketing'},
		ageDays: 300,
	});
	b.number('ca-long-code', {
		phoneNumber: '+12045550160',
		iso: 'CA',
		type: 'LONG_CODE',
		capabilities: ['SMS', 'VOICE'],
		keywords: [{keyword: 'INFO', message: 'smsdeck Canada: account alerts. Reply STOP to opt out.', action: 'AUTOMATIC_RESPONSE'}],
		ageDays: 60,
	});
	b.number('us-voice', {phoneNumber: '+16175550170', iso: 'US', type: 'LONG_CODE', capabilities: ['VOICE'], ageDays: 45});
	const pending = b.number('10dlc-pending', {phoneNumber: '+17205550180', iso: 'US', type: 'TEN_DLC', capabilities: ['SMS'], status: 'PENDING', ageDays: 2, tags: {Note: 'campaign in review'}});
	const gbSender = b.senderId('SMSDECK', 'GB', {tags: {Team: 'eu'}});
	b.senderId('ACMEALERTS', 'DE', {messageTypes: ['TRANSACTIONAL']});

	b.optOutList('marketing-optouts', {'+12065550114': true, '+14255550115': true}, {Team: 'marketing'});
	b.optOutList('Default', {'+12065550111': true, '+14255550112': false, '+13125550113': true});

	b.pool('transactional-us', [d1, d2, tfn], {deletionProtection: true, tags: {Name: 'transactional-us', Team: 'auth'}});
	b.pool('marketing-us', [d3, shortCode], {
		messageType: 'PROMOTIONAL',
		tags: {Name: 'marketing-us', Team: 'marketing'},
		keywords: [
			{keyword: 'JOIN', message: 'Welcome to smsdeck deals! Up to 4 msgs/month. Reply STOP to cancel.', action: 'OPT_IN'},
			{keyword: 'DEALS', message: "This week's deal: 20% off with code SMSDECK20. Reply STOP to cancel.", action: 'AUTOMATIC_RESPONSE'},
		],
	});
	b.pool('eu-senders', [gbSender], {tags: {Name: 'eu-senders'}});

	const protectId = b.protect('baseline', {SMS: ['CU', 'IR', 'KP', 'SY'], VOICE: ['NG', 'PK']}, {Name: 'baseline'});
	b.configSet(SIMULATOR_CONFIG_SET, [b.cwl('simulator-all', SIMULATOR_LOG_GROUP, ['ALL'])], {tags: {Purpose: 'simulator'}});
	b.configSet('transactional', [b.cwl('events-cwl', 'sms-transactional-events', ['TEXT_ALL', 'MEDIA_ALL', 'VOICE_ALL'])], {
		defaultMessageType: 'TRANSACTIONAL',
		protectConfigurationId: protectId,
		tags: {Team: 'auth'},
	});
	b.configSet(
		'marketing',
		[
			{
				name: 'events-firehose',
				enabled: true,
				matchingEventTypes: ['ALL'],
				firehose: {IamRoleArn: b.roleArn('SMSVoiceFirehoseRole'), DeliveryStreamArn: `arn:aws:firehose:us-east-1:${svc.world.accountId}:deliverystream/sms-events`},
			},
			{
				name: 'failures-sns',
				enabled: true,
				matchingEventTypes: ['TEXT_CARRIER_UNREACHABLE', 'TEXT_BLOCKED', 'TEXT_SPAM', 'MEDIA_CARRIER_UNREACHABLE'],
				sns: {TopicArn: `arn:aws:sns:us-east-1:${svc.world.accountId}:sms-failures`},
			},
		],
		{defaultMessageType: 'PROMOTIONAL', defaultSenderId: 'SMSDECK', tags: {Team: 'marketing'}},
	);
	b.configSet('staging', [b.cwl('staging-cwl', 'sms-staging-events', ['TEXT_ALL'], false)]);
	b.verified('owner-phone', '+12065550142', 'VERIFIED', 3);
	b.verified('new-phone', '+14255550199', 'PENDING', 0.5);
	b.rs.spend.override.TEXT = 1;
	seedRegistrations(svc, b.rs, now, {tfn, otp: [d1, d2], pending});
}

function seedUsWest2(svc: Svc, now: number): void {
	const rs = svc.region('us-west-2');
	rs.accountTier = PRODUCTION_TIER;
	rs.spend.maxLimit = {...PRODUCTION_MAX_SPEND};
	rs.spend.override = {TEXT: 250, VOICE: 100, MEDIA: 50};
	const b = new SeedBuilder(svc, rs, now);
	b.number('tfn', {phoneNumber: '+18445550190', iso: 'US', type: 'TOLL_FREE', capabilities: ['SMS', 'VOICE'], tags: {Env: 'prod'}, ageDays: 400});
	const a = b.number('10dlc-a', {phoneNumber: '+15035550191', iso: 'US', type: 'TEN_DLC', capabilities: ['SMS', 'MMS'], ageDays: 380});
	const c = b.number('10dlc-b', {phoneNumber: '+15035550192', iso: 'US', type: 'TEN_DLC', capabilities: ['SMS', 'MMS'], ageDays: 380});
	b.pool('prod-pool', [a, c], {deletionProtection: true, sharedRoutes: true, tags: {Name: 'prod-pool', Env: 'prod'}});
	const protectId = b.protect('prod-default', {SMS: ['RU', 'BY'], MMS: [], VOICE: ['RU']}, {Name: 'prod-default'});
	rs.defaultProtectConfigurationId = protectId;
	b.configSet('prod-events', [b.cwl('prod-cwl', 'sms-prod-events', ['ALL'])], {defaultMessageType: 'TRANSACTIONAL', tags: {Env: 'prod'}});
	b.optOutList('Default', {'+15035550101': true});
}

function seedEuWest2(svc: Svc, now: number): void {
	const b = new SeedBuilder(svc, svc.region('eu-west-2'), now);
	const gb = b.number('gb-long-code', {phoneNumber: '+447700900123', iso: 'GB', type: 'LONG_CODE', capabilities: ['SMS', 'VOICE'], ageDays: 150, tags: {Team: 'eu'}});
	b.number('gb-two-way', {
		phoneNumber: '+447700900124',
		iso: 'GB',
		type: 'LONG_CODE',
		capabilities: ['SMS', 'VOICE'],
		twoWayChannelArn: `arn:aws:sns:eu-west-2:${svc.world.accountId}:sms-inbound`,
		ageDays: 150,
	});
	const sender = b.senderId('SMSDECK', 'GB', {tags: {Team: 'eu'}});
	b.pool('uk-alerts', [gb, sender], {tags: {Name: 'uk-alerts'}});
	b.configSet('uk-events', [b.cwl('uk-cwl', 'sms-uk-events', ['TEXT_ALL'])]);
	b.verified('uk-owner', '+447700900500', 'VERIFIED', 10);
}

const BIG_AREA_CODES = ['201', '202', '203', '205', '207', '208', '209', '210', '213', '214'];

/** 10,000 TEN_DLC numbers and 1,000 pools of 5 numbers each in us-east-1. */
function seedBig(svc: Svc, now: number): void {
	const rs = svc.region('us-east-1');
	rs.limits.PHONE_NUMBERS = 20000;
	rs.limits.POOLS = 2000;
	const b = new SeedBuilder(svc, rs, now);
	const numbers: PhoneNumberRec[] = [];
	for (let i = 0; i < 10000; i++) {
		const line = String(2000 + (i % 1000)).padStart(4, '0');
		numbers.push(
			b.number(`big-${i}`, {
				phoneNumber: `+1${BIG_AREA_CODES[Math.floor(i / 1000)]}555${line}`,
				iso: 'US',
				type: 'TEN_DLC',
				capabilities: i % 3 === 0 ? ['SMS', 'MMS', 'VOICE'] : ['SMS'],
				messageType: i % 2 === 0 ? 'TRANSACTIONAL' : 'PROMOTIONAL',
				ageDays: 1 + (i % 365),
			}),
		);
	}
	for (let j = 0; j < 1000; j++) {
		const members = [0, 2, 4, 6, 8].map(k => numbers[10 * j + k]);
		b.pool(`big-pool-${j}`, members, {tags: {Name: `big-pool-${j}`}});
	}
}

export function applySeed(svc: Svc, seed: SeedName): void {
	const now = svc.now();
	svc.region('us-east-1');
	if (seed === 'empty') return;
	seedUsEast1(svc, now);
	seedUsWest2(svc, now);
	seedEuWest2(svc, now);
	if (seed === 'big') seedBig(svc, now);
	if (seed === 'hostile') plantHostile(svc, now);
}
