// Registrations through the real SDK over HTTP: definitions, field values checked against them, the life of a
// version (submit, review, deny, fix, resubmit, discard), attachments, associations holding numbers PENDING, and the
// default seed's registrations.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CreateRegistrationAssociationCommand,
	CreateRegistrationAttachmentCommand,
	CreateRegistrationCommand,
	CreateRegistrationVersionCommand,
	DeleteRegistrationAttachmentCommand,
	DeleteRegistrationCommand,
	DeleteRegistrationFieldValueCommand,
	DescribePhoneNumbersCommand,
	DescribeRegistrationAttachmentsCommand,
	DescribeRegistrationFieldDefinitionsCommand,
	DescribeRegistrationFieldValuesCommand,
	DescribeRegistrationSectionDefinitionsCommand,
	DescribeRegistrationTypeDefinitionsCommand,
	DescribeRegistrationVersionsCommand,
	DescribeRegistrationsCommand,
	DiscardRegistrationVersionCommand,
	ListRegistrationAssociationsCommand,
	PutRegistrationFieldValueCommand,
	ReleasePhoneNumberCommand,
	RequestPhoneNumberCommand,
	SubmitRegistrationVersionCommand,
	type PinpointSMSVoiceV2Client,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {rejectsWith, startHarness, waitFor, type Harness} from './emulator-smsvoice-harness.js';
import {startEmulator} from '../../source/emulator/index.js';
import {PinpointSMSVoiceV2Client as Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

/** A complete 10DLC campaign's values (the brand id is the seed's). */
function campaignValues(brandId: string): Record<string, string | string[]> {
	return {
		'campaignInfo.brandRegistrationId': brandId,
		'campaignInfo.campaignName': 'delivery updates',
		'campaignInfo.campaignDescription': 'Parcel delivery updates for customers who asked for them at checkout.',
		'campaignInfo.messageType': ['TRANSACTIONAL'],
		'campaignInfo.capabilities': ['SMS'],
		'campaignUseCase.useCase': ['DELIVERY_NOTIFICATION'],
		'messageFlow.optInWorkflow': 'Customers tick an unticked box at checkout and confirm by replying YES.',
		'messageFlow.helpMessage': 'AnyCompany: help at support@example.com. Msg&data rates may apply.',
		'messageFlow.stopMessage': 'AnyCompany: you are unsubscribed from delivery updates.',
		'messageSamples.messageSample1': 'AnyCompany: your parcel arrives today. Reply STOP to opt out.',
	};
}

async function fill(sms: PinpointSMSVoiceV2Client, id: string, values: Record<string, string | string[]>) {
	for (const [FieldPath, value] of Object.entries(values)) {
		await sms.send(new PutRegistrationFieldValueCommand({RegistrationId: id, FieldPath, ...(Array.isArray(value) ? {SelectChoices: value} : {TextValue: value})}));
	}
}

describe('sms-voice emulator: registrations', () => {
	let h: Harness;
	let sms: PinpointSMSVoiceV2Client;
	let brandId: string;
	before(async () => {
		h = await startHarness('default');
		sms = h.sms();
		const brands = await sms.send(new DescribeRegistrationsCommand({Filters: [{Name: 'registration-type', Values: ['US_TEN_DLC_BRAND_REGISTRATION']}]}));
		brandId = brands.Registrations![0].RegistrationId!;
	});
	after(() => h.close());

	test('the seed has registrations in every state a user meets, and the campaign needing updates holds its number PENDING', async () => {
		const all = (await sms.send(new DescribeRegistrationsCommand({}))).Registrations!;
		assert.deepEqual([...new Set(all.map(r => r.RegistrationStatus))].sort(), ['COMPLETE', 'CREATED', 'REQUIRES_UPDATES', 'SUBMITTED']);
		const promo = all.find(r => r.RegistrationStatus === 'REQUIRES_UPDATES')!;
		assert.equal(promo.LatestDeniedVersionNumber, 1);
		const versions = (await sms.send(new DescribeRegistrationVersionsCommand({RegistrationId: promo.RegistrationId}))).RegistrationVersions!;
		assert.equal(versions[0].RegistrationVersionStatus, 'DENIED');
		assert.ok(versions[0].RegistrationVersionStatusHistory?.DeniedTimestamp instanceof Date);
		assert.match(versions[0].DeniedReasons!.map(d => d.ShortDescription).join(' '), /messageFlow\.optInWorkflow/);
		const values = (await sms.send(new DescribeRegistrationFieldValuesCommand({RegistrationId: promo.RegistrationId}))).RegistrationFieldValues!;
		assert.match(values.find(v => v.FieldPath === 'messageFlow.optInWorkflow')!.DeniedReason ?? '', /could not be reached/);
		const [association] = (await sms.send(new ListRegistrationAssociationsCommand({RegistrationId: promo.RegistrationId}))).RegistrationAssociations!;
		assert.equal(association.PhoneNumber, '+17205550180');
		const number = (await sms.send(new DescribePhoneNumbersCommand({PhoneNumberIds: [association.ResourceId!]}))).PhoneNumbers![0];
		assert.equal(number.Status, 'PENDING');
		assert.equal(number.RegistrationId, promo.RegistrationId);
	});

	test('definitions: four types, their sections, and fields with the guide limits', async () => {
		const types = (await sms.send(new DescribeRegistrationTypeDefinitionsCommand({}))).RegistrationTypeDefinitions!;
		assert.deepEqual(types.map(t => t.RegistrationType), ['US_TOLL_FREE_REGISTRATION', 'US_TEN_DLC_BRAND_REGISTRATION', 'US_TEN_DLC_BRAND_VETTING', 'US_TEN_DLC_CAMPAIGN_REGISTRATION']);
		const withNumbers = (await sms.send(new DescribeRegistrationTypeDefinitionsCommand({Filters: [{Name: 'supported-association-resource-type', Values: ['PHONE_NUMBER']}]}))).RegistrationTypeDefinitions!;
		assert.equal(withNumbers.length, 2);
		const sections = (await sms.send(new DescribeRegistrationSectionDefinitionsCommand({RegistrationType: 'US_TEN_DLC_CAMPAIGN_REGISTRATION'}))).RegistrationSectionDefinitions!;
		assert.ok(sections.some(s => s.SectionPath === 'messageFlow'));
		const fields = (await sms.send(new DescribeRegistrationFieldDefinitionsCommand({RegistrationType: 'US_TEN_DLC_CAMPAIGN_REGISTRATION', SectionPath: 'messageFlow'}))).RegistrationFieldDefinitions!;
		const help = fields.find(f => f.FieldPath === 'messageFlow.helpMessage')!;
		assert.deepEqual([help.TextValidation?.MinLength, help.TextValidation?.MaxLength], [20, 160]);
		assert.equal(fields.find(f => f.FieldPath === 'messageFlow.optInWorkflow')!.TextValidation?.MinLength, 40);
		const [sub] = (await sms.send(new DescribeRegistrationFieldDefinitionsCommand({RegistrationType: 'US_TEN_DLC_CAMPAIGN_REGISTRATION', FieldPaths: ['campaignUseCase.subUseCases']}))).RegistrationFieldDefinitions!;
		assert.equal(sub.SelectValidation?.MaxChoices, 5);
		await rejectsWith(sms.send(new DescribeRegistrationFieldDefinitionsCommand({RegistrationType: 'NOPE'})), 'ValidationException', {Reason: 'UNKNOWN_REGISTRATION_TYPE'});
	});

	test('field values are checked against their definitions and change only in a draft', async () => {
		const created = await sms.send(new CreateRegistrationCommand({RegistrationType: 'US_TEN_DLC_CAMPAIGN_REGISTRATION', Tags: [{Key: 'Name', Value: 'checks'}]}));
		assert.equal(created.RegistrationStatus, 'CREATED');
		assert.equal(created.CurrentVersionNumber, 1);
		const id = created.RegistrationId!;
		const put = (FieldPath: string, value: {TextValue?: string; SelectChoices?: string[]}) => sms.send(new PutRegistrationFieldValueCommand({RegistrationId: id, FieldPath, ...value}));
		await rejectsWith(put('messageFlow.helpMessage', {TextValue: 'too short'}), 'ValidationException', {Reason: 'FIELD_VALIDATION_FAILED'});
		await rejectsWith(put('messageFlow.stopMessage', {TextValue: 'x'.repeat(161)}), 'ValidationException', {Reason: 'FIELD_VALIDATION_FAILED'});
		await rejectsWith(put('messageFlow.optInWorkflow', {TextValue: 'We ask them nicely.'}), 'ValidationException', {Reason: 'FIELD_VALIDATION_FAILED'});
		await rejectsWith(put('campaignUseCase.useCase', {SelectChoices: ['SPAM']}), 'ValidationException', {Reason: 'FIELD_VALIDATION_FAILED'});
		await rejectsWith(
			put('campaignUseCase.subUseCases', {SelectChoices: ['TWO_FACTOR_AUTHENTICATION', 'ACCOUNT_NOTIFICATION', 'CUSTOMER_CARE', 'DELIVERY_NOTIFICATION', 'FRAUD_ALERT', 'SECURITY_ALERT']}),
			'ValidationException',
			{Reason: 'FIELD_VALIDATION_FAILED'},
		);
		await rejectsWith(put('campaignInfo.nothing', {TextValue: 'x'}), 'ValidationException', {Reason: 'UNKNOWN_REGISTRATION_FIELD'});
		const ok = await put('campaignUseCase.subUseCases', {SelectChoices: ['FRAUD_ALERT', 'SECURITY_ALERT']});
		assert.deepEqual(ok.SelectChoices, ['FRAUD_ALERT', 'SECURITY_ALERT']);
		// Submitting with required fields missing names them; nothing changes.
		const refused = await rejectsWith(sms.send(new SubmitRegistrationVersionCommand({RegistrationId: id})), 'ValidationException', {Reason: 'FIELD_VALIDATION_FAILED'});
		assert.match(refused.message, /campaignInfo\.brandRegistrationId/);
		await fill(sms, id, campaignValues(brandId));
		const deleted = await sms.send(new DeleteRegistrationFieldValueCommand({RegistrationId: id, FieldPath: 'campaignUseCase.subUseCases'}));
		assert.deepEqual(deleted.SelectChoices, ['FRAUD_ALERT', 'SECURITY_ALERT']);
		const submitted = await sms.send(new SubmitRegistrationVersionCommand({RegistrationId: id}));
		assert.equal(submitted.RegistrationVersionStatus, 'SUBMITTED');
		await rejectsWith(put('campaignInfo.campaignName', {TextValue: 'renamed'}), 'ConflictException', {Reason: 'EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED'});
		await rejectsWith(sms.send(new CreateRegistrationVersionCommand({RegistrationId: id})), 'ConflictException', {Reason: 'CREATE_REGISTRATION_VERSION_NOT_ALLOWED'});
		// Discarding the submitted version puts its values back into a new draft.
		const discarded = await sms.send(new DiscardRegistrationVersionCommand({RegistrationId: id}));
		assert.equal(discarded.RegistrationVersionStatus, 'DISCARDED');
		const [reg] = (await sms.send(new DescribeRegistrationsCommand({RegistrationIds: [id]}))).Registrations!;
		assert.deepEqual([reg.RegistrationStatus, reg.CurrentVersionNumber], ['CREATED', 2]);
		const values = (await sms.send(new DescribeRegistrationFieldValuesCommand({RegistrationId: id}))).RegistrationFieldValues!;
		assert.equal(values.find(v => v.FieldPath === 'campaignInfo.campaignName')?.TextValue, 'delivery updates');
		await rejectsWith(sms.send(new DiscardRegistrationVersionCommand({RegistrationId: id})), 'ConflictException', {Reason: 'DISCARD_REGISTRATION_VERSION_NOT_ALLOWED'});
	});

	test('a denied version is fixed in a new version, resubmitted, approved, and its PENDING number turns ACTIVE', async () => {
		const [promo] = (await sms.send(new DescribeRegistrationsCommand({Filters: [{Name: 'registration-status', Values: ['REQUIRES_UPDATES']}]}))).Registrations!;
		const id = promo.RegistrationId!;
		const next = await sms.send(new CreateRegistrationVersionCommand({RegistrationId: id}));
		assert.deepEqual([next.VersionNumber, next.RegistrationVersionStatus], [2, 'DRAFT']);
		// The new draft keeps the values, without the denials.
		const carried = (await sms.send(new DescribeRegistrationFieldValuesCommand({RegistrationId: id}))).RegistrationFieldValues!;
		assert.ok(carried.every(v => v.DeniedReason === undefined));
		await fill(sms, id, {
			'messageFlow.optInWorkflow': 'Customers opt in at https://www.example.com/sms (screenshot attached) and confirm with a code.',
			'messageSamples.messageSample1': 'AnyCompany spring offers: 20% off this week. Reply STOP to opt out.',
		});
		await sms.send(new SubmitRegistrationVersionCommand({RegistrationId: id}));
		await h.admin('reviewRegistration', {RegistrationId: id, outcome: 'reviewing'});
		assert.equal((await sms.send(new DescribeRegistrationsCommand({RegistrationIds: [id]}))).Registrations![0].RegistrationStatus, 'REVIEWING');
		await h.admin('reviewRegistration', {RegistrationId: id, outcome: 'approve'});
		const [done] = (await sms.send(new DescribeRegistrationsCommand({RegistrationIds: [id]}))).Registrations!;
		assert.deepEqual([done.RegistrationStatus, done.ApprovedVersionNumber, done.LatestDeniedVersionNumber], ['COMPLETE', 2, 1]);
		const numbers = (await sms.send(new DescribePhoneNumbersCommand({}))).PhoneNumbers!;
		assert.equal(numbers.find(n => n.PhoneNumber === '+17205550180')?.Status, 'ACTIVE');
		// The history keeps the denied version.
		const versions = (await sms.send(new DescribeRegistrationVersionsCommand({RegistrationId: id}))).RegistrationVersions!;
		assert.deepEqual(versions.map(v => `${v.VersionNumber}:${v.RegistrationVersionStatus}`), ['2:APPROVED', '1:DENIED']);
	});

	test('associations: only the numbers a type takes; a requested 10DLC number waits PENDING for its campaign; delete waits for the associations', async () => {
		const created = await sms.send(new CreateRegistrationCommand({RegistrationType: 'US_TEN_DLC_CAMPAIGN_REGISTRATION'}));
		const id = created.RegistrationId!;
		const tfn = (await sms.send(new DescribePhoneNumbersCommand({Filters: [{Name: 'number-type', Values: ['TOLL_FREE']}]}))).PhoneNumbers![0];
		await rejectsWith(sms.send(new CreateRegistrationAssociationCommand({RegistrationId: id, ResourceId: tfn.PhoneNumberId})), 'ValidationException', {Reason: 'INVALID_REGISTRATION_ASSOCIATION'});
		await rejectsWith(sms.send(new CreateRegistrationAssociationCommand({RegistrationId: id, ResourceId: 'phone-00000000000000000000000000000000'})), 'ResourceNotFoundException');
		const requested = await sms.send(new RequestPhoneNumberCommand({IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'TEN_DLC', RegistrationId: id}));
		assert.equal(requested.Status, 'PENDING');
		assert.equal(requested.RegistrationId, id);
		const listed = (await sms.send(new ListRegistrationAssociationsCommand({RegistrationId: id}))).RegistrationAssociations!;
		assert.deepEqual(listed.map(a => a.ResourceId), [requested.PhoneNumberId]);
		await rejectsWith(sms.send(new DeleteRegistrationCommand({RegistrationId: id})), 'ConflictException', {Reason: 'DISASSOCIATE_REGISTRATION_NOT_ALLOWED'});
		await sms.send(new ReleasePhoneNumberCommand({PhoneNumberId: requested.PhoneNumberId}));
		const gone = await sms.send(new DeleteRegistrationCommand({RegistrationId: id}));
		assert.equal(gone.RegistrationStatus, 'DELETED');
		await rejectsWith(sms.send(new DescribeRegistrationsCommand({RegistrationIds: [id]})), 'ResourceNotFoundException');
		await rejectsWith(
			sms.send(new RequestPhoneNumberCommand({IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'TEN_DLC', RegistrationId: id})),
			'ResourceNotFoundException',
		);
	});

	test('attachments: PNG up to 400 KB, in use cannot be deleted', async () => {
		await rejectsWith(sms.send(new CreateRegistrationAttachmentCommand({AttachmentBody: Buffer.from('GIF89a not a png')})), 'ValidationException', {Reason: 'ATTACHMENT_TYPE_NOT_SUPPORTED'});
		await rejectsWith(sms.send(new CreateRegistrationAttachmentCommand({AttachmentBody: Buffer.concat([PNG, Buffer.alloc(400 * 1024)])})), 'ValidationException');
		const made = await sms.send(new CreateRegistrationAttachmentCommand({AttachmentBody: PNG}));
		assert.equal(made.AttachmentStatus, 'UPLOAD_COMPLETE');
		const reg = await sms.send(new CreateRegistrationCommand({RegistrationType: 'US_TOLL_FREE_REGISTRATION'}));
		await sms.send(new PutRegistrationFieldValueCommand({RegistrationId: reg.RegistrationId, FieldPath: 'messagingUseCase.optInImage', RegistrationAttachmentId: made.RegistrationAttachmentId}));
		await rejectsWith(sms.send(new DeleteRegistrationAttachmentCommand({RegistrationAttachmentId: made.RegistrationAttachmentId})), 'ConflictException');
		await sms.send(new DeleteRegistrationFieldValueCommand({RegistrationId: reg.RegistrationId, FieldPath: 'messagingUseCase.optInImage'}));
		const deleted = await sms.send(new DeleteRegistrationAttachmentCommand({RegistrationAttachmentId: made.RegistrationAttachmentId}));
		assert.equal(deleted.AttachmentStatus, 'DELETED');
		const left = (await sms.send(new DescribeRegistrationAttachmentsCommand({}))).RegistrationAttachments!;
		assert.ok(!left.some(a => a.RegistrationAttachmentId === made.RegistrationAttachmentId));
	});
});

test('with --review-delay a submitted version is REVIEWING, then COMPLETE, by itself', async () => {
	const emu = await startEmulator({port: 0, quiet: true, seed: 'default', reviewDelayMs: 2000});
	const sms = new Client({endpoint: emu.url, region: 'us-east-1', credentials: {accessKeyId: 'a', secretAccessKey: 'b'}, maxAttempts: 1});
	try {
		// The seeded submission's review clock starts with the emulator: still in review.
		const [alerts] = (await sms.send(new DescribeRegistrationsCommand({Filters: [{Name: 'registration-status', Values: ['SUBMITTED', 'REVIEWING']}]}))).Registrations!;
		assert.ok(alerts, 'the seeded campaign is still in review');
		const [brand] = (await sms.send(new DescribeRegistrationsCommand({Filters: [{Name: 'registration-type', Values: ['US_TEN_DLC_BRAND_REGISTRATION']}]}))).Registrations!;
		const created = await sms.send(new CreateRegistrationCommand({RegistrationType: 'US_TEN_DLC_BRAND_VETTING'}));
		await fill(sms, created.RegistrationId!, {'vettingInfo.brandRegistrationId': brand.RegistrationId!, 'vettingInfo.vettingClass': ['STANDARD']});
		await sms.send(new SubmitRegistrationVersionCommand({RegistrationId: created.RegistrationId}));
		const seen = new Set<string>();
		await waitFor(
			async () => {
				const [reg] = (await sms.send(new DescribeRegistrationsCommand({RegistrationIds: [created.RegistrationId!]}))).Registrations!;
				seen.add(reg.RegistrationStatus!);
				return reg.RegistrationStatus === 'COMPLETE';
			},
			20_000,
			'the review to complete',
		);
		assert.ok(seen.has('SUBMITTED') || seen.has('REVIEWING'), [...seen].join(', '));
		const [version] = (await sms.send(new DescribeRegistrationVersionsCommand({RegistrationId: created.RegistrationId}))).RegistrationVersions!;
		assert.ok(version.RegistrationVersionStatusHistory?.ReviewingTimestamp instanceof Date, 'the review went through REVIEWING');
	} finally {
		sms.destroy();
		await emu.close();
	}
});
