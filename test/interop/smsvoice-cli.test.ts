// The pip AWS CLI v1 against the emulator: every answer must parse as JSON and carry what a user
// would look for. Skipped when `aws` is not on PATH.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {hasAws, run} from '../helpers/awsCli.js';

describe('sms-voice emulator: AWS CLI v1 interop', async () => {
	const available = await hasAws();
	let emu: RunningEmulator;
	let dir: string;
	let env: NodeJS.ProcessEnv;

	before(async () => {
		if (!available) return;
		emu = await startEmulator({port: 0, eventDelayMs: 5, quiet: true, seed: 'default'});
		dir = mkdtempSync(join(tmpdir(), 'smsdeck-cli-'));
		writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\noutput = json\n');
		writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDTEST\naws_secret_access_key = secret\n');
		const {AWS_PROFILE: _p, AWS_ACCESS_KEY_ID: _a, AWS_SECRET_ACCESS_KEY: _s, AWS_SESSION_TOKEN: _t, AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...rest} = process.env;
		env = {...rest, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true'};
	});
	after(async () => {
		if (!available) return;
		await emu.close();
		rmSync(dir, {recursive: true, force: true});
	});

	async function aws(...args: string[]): Promise<any> {
		const {stdout} = await run('aws', ['pinpoint-sms-voice-v2', ...args, '--endpoint-url', emu.url, '--output', 'json'], {env, timeout: 60000});
		return stdout.trim() === '' ? {} : JSON.parse(stdout);
	}

	test('describe-pools and describe-phone-numbers', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const pools = await aws('describe-pools');
		assert.equal(pools.Pools.length, 3);
		assert.ok(pools.Pools.every((p: any) => /^pool-[0-9a-f]{32}$/.test(p.PoolId)));
		const numbers = await aws('describe-phone-numbers', '--filters', 'Name=number-type,Values=SIMULATOR');
		assert.deepEqual(numbers.PhoneNumbers.map((p: any) => p.PhoneNumber), ['+12065550100']);
		assert.equal(typeof numbers.PhoneNumbers[0].CreatedTimestamp, 'number');
	});

	test('request-phone-number --number-type SIMULATOR', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const n = await aws('request-phone-number', '--iso-country-code', 'US', '--message-type', 'TRANSACTIONAL', '--number-capabilities', 'SMS', '--number-type', 'SIMULATOR');
		assert.equal(n.Status, 'ACTIVE');
		assert.equal(n.NumberType, 'SIMULATOR');
		assert.match(n.PhoneNumberId, /^phone-[0-9a-f]{32}$/);
	});

	test('put-keyword and describe-keywords', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const pool = 'pool-4d02be205c53856f9a1fda019372760a';
		const put = await aws('put-keyword', '--origination-identity', pool, '--keyword', 'PRICE', '--keyword-message', 'Plans start at 5 USD.', '--keyword-action', 'AUTOMATIC_RESPONSE');
		assert.equal(put.Keyword, 'PRICE');
		const kw = await aws('describe-keywords', '--origination-identity', pool);
		assert.ok(kw.Keywords.some((k: any) => k.Keyword === 'PRICE' && k.KeywordMessage === 'Plans start at 5 USD.'));
		assert.ok(kw.Keywords.some((k: any) => k.Keyword === 'STOP'));
	});

	test('describe-spend-limits and set-text-message-spend-limit-override', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const limits = await aws('describe-spend-limits');
		assert.deepEqual(limits.SpendLimits.map((l: any) => l.Name), ['TEXT_MESSAGE_MONTHLY_SPEND_LIMIT', 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT', 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT']);
		const set = await aws('set-text-message-spend-limit-override', '--monthly-limit', '1');
		assert.equal(set.MonthlyLimit, 1);
	});

	test('send-text-message to the US success simulator number', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const sent = await aws(
			'send-text-message',
			'--destination-phone-number',
			'+14254147755',
			'--origination-identity',
			'+12065550100',
			'--message-body',
			'hello from the CLI',
			'--configuration-set-name',
			'smsdeck-simulator',
		);
		assert.match(sent.MessageId, /^[0-9a-f-]{36}$/);
	});

	test('errors come back as the modeled exception', {skip: !available && 'aws CLI not on PATH'}, async () => {
		await assert.rejects(aws('describe-pools', '--pool-ids', 'pool-00000000000000000000000000000000'), (e: any) => /ResourceNotFoundException/.test(e.stderr));
	});
	test('registrations: every operation, from definitions to an approved campaign holding a PENDING-then-ACTIVE number', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const campaign = 'US_TEN_DLC_CAMPAIGN_REGISTRATION';
		const types = await aws('describe-registration-type-definitions');
		assert.ok(types.RegistrationTypeDefinitions.some((t: any) => t.RegistrationType === campaign));
		const sections = await aws('describe-registration-section-definitions', '--registration-type', campaign);
		assert.ok(sections.RegistrationSectionDefinitions.some((s: any) => s.SectionPath === 'messageFlow'));
		const fields = await aws('describe-registration-field-definitions', '--registration-type', campaign, '--section-path', 'messageFlow');
		assert.equal(fields.RegistrationFieldDefinitions.find((f: any) => f.FieldPath === 'messageFlow.stopMessage').TextValidation.MaxLength, 160);
		const brands = await aws('describe-registrations', '--filters', 'Name=registration-type,Values=US_TEN_DLC_BRAND_REGISTRATION');
		const brandId = brands.Registrations[0].RegistrationId;

		const created = await aws('create-registration', '--registration-type', campaign, '--tags', 'Key=Name,Value=cli-campaign');
		assert.equal(created.RegistrationStatus, 'CREATED');
		const id = created.RegistrationId;
		const text: [string, string][] = [
			['campaignInfo.brandRegistrationId', brandId],
			['campaignInfo.campaignName', 'cli updates'],
			['campaignInfo.campaignDescription', 'Order updates for customers who opted in on the website checkout page.'],
			['messageFlow.optInWorkflow', 'Customers tick an unticked box at checkout and confirm by replying YES.'],
			['messageFlow.helpMessage', 'AnyCompany: help at support@example.com. Msg&data rates may apply.'],
			['messageFlow.stopMessage', 'AnyCompany: you are unsubscribed from order updates.'],
			['messageSamples.messageSample1', 'AnyCompany: order 42 has shipped. Reply STOP to opt out.'],
		];
		for (const [path, value] of text) await aws('put-registration-field-value', '--registration-id', id, '--field-path', path, '--text-value', value);
		for (const [path, value] of [['campaignInfo.messageType', 'TRANSACTIONAL'], ['campaignInfo.capabilities', 'SMS'], ['campaignUseCase.useCase', 'ACCOUNT_NOTIFICATION'], ['campaignUseCase.subUseCases', 'FRAUD_ALERT']]) {
			await aws('put-registration-field-value', '--registration-id', id, '--field-path', path, '--select-choices', value);
		}
		const removed = await aws('delete-registration-field-value', '--registration-id', id, '--field-path', 'campaignUseCase.subUseCases');
		assert.deepEqual(removed.SelectChoices, ['FRAUD_ALERT']);
		const values = await aws('describe-registration-field-values', '--registration-id', id);
		assert.equal(values.RegistrationFieldValues.length, 10);

		// A 10DLC number requested for the campaign waits PENDING; the association is listed.
		const number = await aws('request-phone-number', '--iso-country-code', 'US', '--message-type', 'TRANSACTIONAL', '--number-capabilities', 'SMS', '--number-type', 'TEN_DLC');
		const associated = await aws('create-registration-association', '--registration-id', id, '--resource-id', number.PhoneNumberId);
		assert.equal(associated.PhoneNumber, number.PhoneNumber);
		assert.deepEqual((await aws('list-registration-associations', '--registration-id', id)).RegistrationAssociations.map((a: any) => a.ResourceId), [number.PhoneNumberId]);
		assert.equal((await aws('describe-phone-numbers', '--phone-number-ids', number.PhoneNumberId)).PhoneNumbers[0].Status, 'PENDING');

		// Submit, discard, resubmit, deny, fix in a new version, resubmit, approve.
		assert.equal((await aws('submit-registration-version', '--registration-id', id)).RegistrationVersionStatus, 'SUBMITTED');
		assert.equal((await aws('discard-registration-version', '--registration-id', id)).RegistrationVersionStatus, 'DISCARDED');
		await aws('submit-registration-version', '--registration-id', id);
		const admin = (body: unknown) => fetch(`${emu.url}/_smsdeck/reviewRegistration`, {method: 'POST', body: JSON.stringify(body)}).then(r => r.json());
		await admin({RegistrationId: id, outcome: 'deny', denied: [{FieldPath: 'messageSamples.messageSample1', Reason: 'Name the brand.'}]});
		assert.equal((await aws('describe-registrations', '--registration-ids', id)).Registrations[0].RegistrationStatus, 'REQUIRES_UPDATES');
		const v3 = await aws('create-registration-version', '--registration-id', id);
		assert.equal(v3.RegistrationVersionStatus, 'DRAFT');
		await aws('put-registration-field-value', '--registration-id', id, '--field-path', 'messageSamples.messageSample1', '--text-value', 'AnyCompany order updates: order 42 shipped. Reply STOP to opt out.');
		await aws('submit-registration-version', '--registration-id', id);
		await admin({RegistrationId: id, outcome: 'approve'});
		const versions = await aws('describe-registration-versions', '--registration-id', id);
		assert.deepEqual(versions.RegistrationVersions.map((v: any) => v.RegistrationVersionStatus), ['APPROVED', 'DENIED', 'DISCARDED']);
		assert.equal(typeof versions.RegistrationVersions[0].RegistrationVersionStatusHistory.ApprovedTimestamp, 'number');
		assert.equal((await aws('describe-phone-numbers', '--phone-number-ids', number.PhoneNumberId)).PhoneNumbers[0].Status, 'ACTIVE');

		// Attachments: a PNG from a file, listed, deleted.
		writeFileSync(join(dir, 'opt-in.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]));
		const attachment = await aws('create-registration-attachment', '--attachment-body', `fileb://${join(dir, 'opt-in.png')}`);
		assert.equal(attachment.AttachmentStatus, 'UPLOAD_COMPLETE');
		const listed = await aws('describe-registration-attachments', '--registration-attachment-ids', attachment.RegistrationAttachmentId);
		assert.equal(listed.RegistrationAttachments.length, 1);
		assert.equal((await aws('delete-registration-attachment', '--registration-attachment-id', attachment.RegistrationAttachmentId)).AttachmentStatus, 'DELETED');

		// Delete waits for the associations to end.
		await assert.rejects(aws('delete-registration', '--registration-id', id), (e: any) => /ConflictException/.test(e.stderr));
		await aws('release-phone-number', '--phone-number-id', number.PhoneNumberId);
		assert.equal((await aws('delete-registration', '--registration-id', id)).RegistrationStatus, 'DELETED');
	});
	test('protect configurations: MONITOR and FILTER rules, number overrides put, listed and deleted, association replaced', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const pc = (await aws('create-protect-configuration')).ProtectConfigurationId;
		const rules = await aws('update-protect-configuration-country-rule-set', '--protect-configuration-id', pc, '--number-capability', 'SMS', '--country-rule-set-updates', '{"US":{"ProtectStatus":"MONITOR"},"GB":{"ProtectStatus":"FILTER"},"CU":{"ProtectStatus":"BLOCK"}}');
		assert.deepEqual([rules.CountryRuleSet.US.ProtectStatus, rules.CountryRuleSet.GB.ProtectStatus, rules.CountryRuleSet.CU.ProtectStatus], ['MONITOR', 'FILTER', 'BLOCK']);
		const expires = Math.floor(Date.now() / 1000) + 3600;
		const put = await aws('put-protect-configuration-rule-set-number-override', '--protect-configuration-id', pc, '--destination-phone-number', '+14254147755', '--action', 'BLOCK', '--expiration-timestamp', String(expires));
		assert.deepEqual([put.Action, put.IsoCountryCode, put.ExpirationTimestamp], ['BLOCK', 'US', expires]);
		await aws('put-protect-configuration-rule-set-number-override', '--protect-configuration-id', pc, '--destination-phone-number', '+447700900123', '--action', 'ALLOW');
		const listed = await aws('list-protect-configuration-rule-set-number-overrides', '--protect-configuration-id', pc, '--filters', 'Name=iso-country-code,Values=GB');
		assert.deepEqual(listed.RuleSetNumberOverrides.map((o: any) => o.DestinationPhoneNumber), ['+447700900123']);
		await assert.rejects(
			aws('send-text-message', '--destination-phone-number', '+14254147755', '--origination-identity', '+12065550100', '--message-body', 'x', '--protect-configuration-id', pc),
			(e: any) => /DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE/.test(e.stderr) || /ConflictException/.test(e.stderr),
		);
		const removed = await aws('delete-protect-configuration-rule-set-number-override', '--protect-configuration-id', pc, '--destination-phone-number', '+14254147755');
		assert.equal(removed.Action, 'BLOCK');
		const second = (await aws('create-protect-configuration')).ProtectConfigurationId;
		await aws('associate-protect-configuration', '--configuration-set-name', 'staging', '--protect-configuration-id', pc);
		await aws('associate-protect-configuration', '--configuration-set-name', 'staging', '--protect-configuration-id', second);
		const sets = await aws('describe-configuration-sets', '--configuration-set-names', 'staging');
		assert.equal(sets.ConfigurationSets[0].ProtectConfigurationId, second);
		// What :protect and smsdeck protect do: read a capability's rules, disassociate, set and clear the account default.
		const voice = await aws('get-protect-configuration-country-rule-set', '--protect-configuration-id', pc, '--number-capability', 'VOICE');
		assert.equal(voice.CountryRuleSet.GB.ProtectStatus, 'ALLOW');
		await aws('disassociate-protect-configuration', '--configuration-set-name', 'staging', '--protect-configuration-id', second);
		assert.equal((await aws('describe-configuration-sets', '--configuration-set-names', 'staging')).ConfigurationSets[0].ProtectConfigurationId, undefined);
		const set = await aws('set-account-default-protect-configuration', '--protect-configuration-id', pc);
		assert.equal(set.DefaultProtectConfigurationId, pc);
		const flagged = await aws('describe-protect-configurations', '--protect-configuration-ids', pc);
		assert.equal(flagged.ProtectConfigurations[0].AccountDefault, true);
		const cleared = await aws('delete-account-default-protect-configuration');
		assert.equal(cleared.DefaultProtectConfigurationId, pc);
		assert.equal((await aws('describe-protect-configurations', '--protect-configuration-ids', pc)).ProtectConfigurations[0].AccountDefault, false);
	});
	test('configuration sets and event destinations: create, disable, enable, delete (what :config-sets and smsdeck destinations do)', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const set = await aws('create-configuration-set', '--configuration-set-name', 'cli-events');
		assert.equal(set.ConfigurationSetName, 'cli-events');
		const group = 'arn:aws:logs:us-east-1:123456789012:log-group:/sms/cli-events';
		const created = await aws('create-event-destination', '--configuration-set-name', 'cli-events', '--event-destination-name', 'logs', '--matching-event-types', 'TEXT_ALL', 'VOICE_ALL', '--cloud-watch-logs-destination', `IamRoleArn=arn:aws:iam::123456789012:role/SMSEventsRole,LogGroupArn=${group}`);
		assert.deepEqual([created.EventDestination.Enabled, created.EventDestination.CloudWatchLogsDestination.LogGroupArn], [true, group]);
		const off = await aws('update-event-destination', '--configuration-set-name', 'cli-events', '--event-destination-name', 'logs', '--no-enabled');
		assert.equal(off.EventDestination.Enabled, false);
		const on = await aws('update-event-destination', '--configuration-set-name', 'cli-events', '--event-destination-name', 'logs', '--enabled', '--matching-event-types', 'ALL');
		assert.deepEqual([on.EventDestination.Enabled, on.EventDestination.MatchingEventTypes], [true, ['ALL']]);
		const gone = await aws('delete-event-destination', '--configuration-set-name', 'cli-events', '--event-destination-name', 'logs');
		assert.equal(gone.EventDestination.EventDestinationName, 'logs');
		assert.deepEqual((await aws('describe-configuration-sets', '--configuration-set-names', 'cli-events')).ConfigurationSets[0].EventDestinations, []);
		assert.equal((await aws('delete-configuration-set', '--configuration-set-name', 'cli-events')).ConfigurationSetName, 'cli-events');
	});

	test('verified destination numbers: add, send the code, a wrong then the right code, VERIFIED (what :verified and smsdeck verify do)', {skip: !available && 'aws CLI not on PATH'}, async () => {
		const added = await aws('create-verified-destination-number', '--destination-phone-number', '+12065550199');
		assert.equal(added.Status, 'PENDING');
		const id = added.VerifiedDestinationNumberId;
		await aws('send-destination-number-verification-code', '--verified-destination-number-id', id, '--verification-channel', 'TEXT');
		const {code} = (await (await fetch(`${emu.url}/_smsdeck/verificationCode`, {method: 'POST', body: JSON.stringify({id})})).json()) as {code: string};
		const wrong = code === '000000' ? '111111' : '000000';
		await assert.rejects(aws('verify-destination-number', '--verified-destination-number-id', id, '--verification-code', wrong), /ValidationException|ConflictException/);
		const verified = await aws('verify-destination-number', '--verified-destination-number-id', id, '--verification-code', code);
		assert.equal(verified.Status, 'VERIFIED');
		const listed = await aws('describe-verified-destination-numbers', '--destination-phone-numbers', '+12065550199');
		assert.equal(listed.VerifiedDestinationNumbers[0].Status, 'VERIFIED');
		// The service keeps a number for 24 hours after it was added.
		await assert.rejects(aws('delete-verified-destination-number', '--verified-destination-number-id', id), /24 hours/);
	});
});
