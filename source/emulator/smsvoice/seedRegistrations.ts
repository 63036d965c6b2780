// The default seed's registrations in us-east-1, one in each state a user meets: a COMPLETE brand and its
// COMPLETE campaign holding two 10DLC numbers, a campaign that REQUIRES_UPDATES and keeps its number PENDING, one
// SUBMITTED for review, the toll-free registration of the toll-free number, and a draft. Every value passes the
// field checks of PutRegistrationFieldValue; the times are spread over the past days as a real account's would be.
import {stableId} from './ids.js';
import type {PhoneNumberRec, RegionState} from './model.js';
import {associateNumber, createRegistrationRecord, putFieldValue, reviewRegistration, submitVersion} from './registrations.js';
import type {Svc} from './state.js';

const DAY = 86_400_000;

type Values = Record<string, string | string[]>;

const company: Values = {
	'companyInfo.companyName': 'AnyCompany',
	'companyInfo.website': 'https://www.example.com',
	'companyInfo.address1': '123 Any Street',
	'companyInfo.city': 'Seattle',
	'companyInfo.state': 'WA',
	'companyInfo.zipCode': '98101',
	'companyInfo.isoCountryCode': 'US',
	'contactInfo.firstName': 'Mary',
	'contactInfo.lastName': 'Major',
	'contactInfo.supportEmail': 'support@example.com',
	'contactInfo.supportPhoneNumber': '+12065550142',
};

function campaign(brandId: string, name: string, useCase: string, messageType: string): Values {
	return {
		'campaignInfo.brandRegistrationId': brandId,
		'campaignInfo.campaignName': name,
		'campaignInfo.campaignDescription': `AnyCompany sends ${name} messages to customers who asked for them on example.com.`,
		'campaignInfo.messageType': [messageType],
		'campaignInfo.capabilities': ['SMS'],
		'campaignUseCase.useCase': [useCase],
		'messageFlow.optInWorkflow': 'Customers tick an unticked box on https://www.example.com/account/sms and confirm with a code.',
		'messageFlow.helpMessage': 'AnyCompany: help at support@example.com or +12065550142. Msg&data rates may apply.',
		'messageFlow.stopMessage': 'AnyCompany: you are unsubscribed and will receive no more messages.',
		'messageSamples.messageSample1': `AnyCompany: your ${name} message. Reply STOP to opt out.`,
	};
}

export function seedRegistrations(svc: Svc, rs: RegionState, now: number, numbers: {tfn: PhoneNumberRec; otp: PhoneNumberRec[]; pending: PhoneNumberRec}): void {
	const make = (label: string, type: string, name: string, ageDays: number, values: Values) => {
		const rec = createRegistrationRecord(svc, rs, type, stableId('registration', label), [{Key: 'Name', Value: name}], now - ageDays * DAY);
		for (const [path, value] of Object.entries(values)) putFieldValue(rs, rec, path, Array.isArray(value) ? {SelectChoices: value} : {TextValue: value});
		return rec;
	};
	const at = (ageDays: number) => now - ageDays * DAY;

	const brand = make('brand', 'US_TEN_DLC_BRAND_REGISTRATION', 'AnyCompany brand', 150, {
		...company,
		'brandDetails.legalType': ['PRIVATE_PROFIT'],
		'brandDetails.taxIdIssuingCountry': 'US',
		'brandDetails.taxId': '12-3456789',
		'brandDetails.vertical': ['TECHNOLOGY'],
	});
	submitVersion(svc, rs, brand, false, at(149));
	reviewRegistration(svc, rs, brand, 'approve', [], undefined, at(147));

	const otp = make('otp-campaign', 'US_TEN_DLC_CAMPAIGN_REGISTRATION', 'auth-otp', 140, campaign(brand.id, 'one-time passcode', 'TWO_FACTOR_AUTHENTICATION', 'TRANSACTIONAL'));
	submitVersion(svc, rs, otp, false, at(139));
	reviewRegistration(svc, rs, otp, 'reviewing', [], undefined, at(136));
	reviewRegistration(svc, rs, otp, 'approve', [], undefined, at(125));
	for (const pn of numbers.otp) associateNumber(rs, otp, pn);

	const promo = make('promo-campaign', 'US_TEN_DLC_CAMPAIGN_REGISTRATION', 'spring-promo', 20, campaign(brand.id, 'spring offers', 'MARKETING', 'PROMOTIONAL'));
	associateNumber(rs, promo, numbers.pending);
	submitVersion(svc, rs, promo, false, at(19));
	reviewRegistration(svc, rs, promo, 'reviewing', [], undefined, at(17));
	reviewRegistration(
		svc,
		rs,
		promo,
		'deny',
		[
			{FieldPath: 'messageFlow.optInWorkflow', Reason: 'The opt-in page could not be reached; show where and how recipients consent.'},
			{FieldPath: 'messageSamples.messageSample1', Reason: 'Sample messages must name the brand and say how to opt out.'},
		],
		'Fix the flagged fields and resubmit.',
		at(6),
	);

	const alerts = make('alerts-campaign', 'US_TEN_DLC_CAMPAIGN_REGISTRATION', 'account-alerts', 4, campaign(brand.id, 'account alert', 'ACCOUNT_NOTIFICATION', 'TRANSACTIONAL'));
	submitVersion(svc, rs, alerts, false, at(3));

	const imageId = stableId('attachment', 'tfn-opt-in');
	rs.attachments[imageId] = {id: imageId, arn: svc.arn(rs, `registration-attachment/${imageId}`), status: 'UPLOAD_COMPLETE', created: at(210), tags: [], bytes: 48_213};
	const tfn = make('tfn', 'US_TOLL_FREE_REGISTRATION', 'support toll-free', 210, {
		...company,
		'messagingUseCase.monthlyMessageVolume': ['10,000'],
		'messagingUseCase.useCaseCategory': ['NOTIFICATIONS'],
		'messagingUseCase.useCaseDetails': 'Order and support-ticket updates for AnyCompany customers.',
		'messagingUseCase.optInDescription': 'Customers opt in at checkout on https://www.example.com by ticking an unticked SMS box.',
		'messageSamples.messageSample1': 'AnyCompany: your order 1234 has shipped. Reply STOP to opt out.',
	});
	// The image is an attachment id, not text.
	putFieldValue(rs, tfn, 'messagingUseCase.optInImage', {RegistrationAttachmentId: imageId});
	associateNumber(rs, tfn, numbers.tfn);
	submitVersion(svc, rs, tfn, false, at(209));
	reviewRegistration(svc, rs, tfn, 'approve', [], undefined, at(200));

	make('draft', 'US_TOLL_FREE_REGISTRATION', 'new toll-free', 1, {'companyInfo.companyName': 'AnyCompany', 'companyInfo.website': 'https://www.example.com'});
}
