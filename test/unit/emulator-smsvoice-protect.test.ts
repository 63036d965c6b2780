// Protect configurations beyond country rules, through the real SDK over HTTP: every ProtectStatus of the model,
// number overrides (a number's override wins over its country's rule until it expires), and an association that
// replaces the configuration set's current one, as the API reference says.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	AssociateProtectConfigurationCommand,
	CreateConfigurationSetCommand,
	CreateProtectConfigurationCommand,
	DeleteProtectConfigurationRuleSetNumberOverrideCommand,
	DescribeConfigurationSetsCommand,
	GetProtectConfigurationCountryRuleSetCommand,
	ListProtectConfigurationRuleSetNumberOverridesCommand,
	PutProtectConfigurationRuleSetNumberOverrideCommand,
	SendTextMessageCommand,
	UpdateProtectConfigurationCountryRuleSetCommand,
	type PinpointSMSVoiceV2Client,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {rejectsWith, startHarness, waitFor, type Harness} from './emulator-smsvoice-harness.js';

const SIM = '+12065550100';
const SUCCESS = '+14254147755';
const FAILURE = '+14254147167';

describe('sms-voice emulator: protect configurations', () => {
	let h: Harness;
	let sms: PinpointSMSVoiceV2Client;
	before(async () => {
		h = await startHarness('default');
		sms = h.sms();
	});
	after(() => h.close());

	const send = (to: string, ProtectConfigurationId: string) => sms.send(new SendTextMessageCommand({DestinationPhoneNumber: to, OriginationIdentity: SIM, MessageBody: 'x', ProtectConfigurationId}));

	test('every ProtectStatus of the model is taken; MONITOR and FILTER let messages through; FILTER is for SMS only', async () => {
		const pc = (await sms.send(new CreateProtectConfigurationCommand({}))).ProtectConfigurationId!;
		await sms.send(new UpdateProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc, NumberCapability: 'SMS', CountryRuleSetUpdates: {US: {ProtectStatus: 'MONITOR'}, CA: {ProtectStatus: 'FILTER'}}}));
		const rules = (await sms.send(new GetProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc, NumberCapability: 'SMS'}))).CountryRuleSet!;
		assert.deepEqual([rules.US.ProtectStatus, rules.CA.ProtectStatus, rules.GB.ProtectStatus], ['MONITOR', 'FILTER', 'ALLOW']);
		assert.ok((await send(SUCCESS, pc)).MessageId);
		await rejectsWith(
			sms.send(new UpdateProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc, NumberCapability: 'VOICE', CountryRuleSetUpdates: {US: {ProtectStatus: 'FILTER'}}})),
			'ValidationException',
		);
	});

	test('a number override wins over the country rule, both ways, until it expires; listed with filters; deleted', async () => {
		const pc = (await sms.send(new CreateProtectConfigurationCommand({}))).ProtectConfigurationId!;
		await sms.send(new UpdateProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc, NumberCapability: 'SMS', CountryRuleSetUpdates: {US: {ProtectStatus: 'BLOCK'}}}));
		await rejectsWith(send(SUCCESS, pc), 'ConflictException', {Reason: 'DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION'});
		const put = await sms.send(new PutProtectConfigurationRuleSetNumberOverrideCommand({ProtectConfigurationId: pc, DestinationPhoneNumber: SUCCESS, Action: 'ALLOW'}));
		assert.deepEqual([put.Action, put.IsoCountryCode, put.DestinationPhoneNumber], ['ALLOW', 'US', SUCCESS]);
		assert.ok((await send(SUCCESS, pc)).MessageId, 'the ALLOW override lets it through a blocked country');
		await rejectsWith(send(FAILURE, pc), 'ConflictException', {Reason: 'DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION'});

		// A BLOCK override in an allowed country, expiring soon.
		await sms.send(new UpdateProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: pc, NumberCapability: 'SMS', CountryRuleSetUpdates: {US: {ProtectStatus: 'ALLOW'}}}));
		const expires = new Date(Date.now() + 1500);
		await sms.send(new PutProtectConfigurationRuleSetNumberOverrideCommand({ProtectConfigurationId: pc, DestinationPhoneNumber: FAILURE, Action: 'BLOCK', ExpirationTimestamp: expires}));
		await rejectsWith(send(FAILURE, pc), 'ConflictException', {Reason: 'DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE'});

		const list = async (Filters?: {Name: any; Values: string[]}[]) =>
			(await sms.send(new ListProtectConfigurationRuleSetNumberOverridesCommand({ProtectConfigurationId: pc, Filters}))).RuleSetNumberOverrides!.map(o => `${o.DestinationPhoneNumber}:${o.Action}`);
		assert.deepEqual((await list()).sort(), [`${FAILURE}:BLOCK`, `${SUCCESS}:ALLOW`]);
		assert.deepEqual(await list([{Name: 'action', Values: ['BLOCK']}]), [`${FAILURE}:BLOCK`]);
		assert.deepEqual(await list([{Name: 'destination-phone-number-begins-with', Values: ['+1425414775']}]), [`${SUCCESS}:ALLOW`]);
		assert.deepEqual(await list([{Name: 'expires-after', Values: [String(Math.floor(Date.now() / 1000))]}]), [`${FAILURE}:BLOCK`]);
		await rejectsWith(
			sms.send(new PutProtectConfigurationRuleSetNumberOverrideCommand({ProtectConfigurationId: pc, DestinationPhoneNumber: SUCCESS, Action: 'BLOCK', ExpirationTimestamp: new Date(Date.now() - 60_000)})),
			'ValidationException',
		);

		// Once expired the override no longer decides (it stays listed until deleted).
		await waitFor(async () => {
			try {
				return Boolean((await send(FAILURE, pc)).MessageId);
			} catch {
				return false;
			}
		}, 20_000, 'the BLOCK override to expire');
		const removed = await sms.send(new DeleteProtectConfigurationRuleSetNumberOverrideCommand({ProtectConfigurationId: pc, DestinationPhoneNumber: FAILURE}));
		assert.equal(removed.Action, 'BLOCK');
		await rejectsWith(sms.send(new DeleteProtectConfigurationRuleSetNumberOverrideCommand({ProtectConfigurationId: pc, DestinationPhoneNumber: FAILURE})), 'ResourceNotFoundException');
	});

	test("associating a protect configuration replaces the configuration set's current one", async () => {
		const first = (await sms.send(new CreateProtectConfigurationCommand({}))).ProtectConfigurationId!;
		const second = (await sms.send(new CreateProtectConfigurationCommand({}))).ProtectConfigurationId!;
		await sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: 'replaced'}));
		await sms.send(new AssociateProtectConfigurationCommand({ConfigurationSetName: 'replaced', ProtectConfigurationId: first}));
		await sms.send(new AssociateProtectConfigurationCommand({ConfigurationSetName: 'replaced', ProtectConfigurationId: second}));
		const [set] = (await sms.send(new DescribeConfigurationSetsCommand({ConfigurationSetNames: ['replaced']}))).ConfigurationSets!;
		assert.equal(set.ProtectConfigurationId, second);
	});
});
