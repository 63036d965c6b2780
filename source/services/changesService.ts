// Every call that changes the account, in one place: keywords, spend limits, opted-out numbers, number and
// pool settings, requesting and releasing numbers. Each returns the request id for the audit line.
import type {Clients} from './clients.js';
import {logsModule, smsModule} from './smsCommands.js';
import type {SpendChannel} from '../domain/spendRules.js';
import {ruleBatches, type ProtectCapability, type RuleChanges} from '../domain/protectRules.js';

export interface ChangeResult {
	requestId?: string;
	/** What the service answered, in a few words (e.g. the new number). */
	detail?: string;
	/** The call was accepted but what it was for failed, in part or whole (a test push whose token was refused). */
	failedInPart?: boolean;
}

type Meta = {$metadata?: {requestId?: string}};
const result = (out: Meta, detail?: string): ChangeResult => ({requestId: out.$metadata?.requestId, detail});

export async function putKeyword(clients: Clients, origination: string, keyword: string, message: string, action: string): Promise<ChangeResult> {
	const {PutKeywordCommand} = await smsModule();
	const out = await clients.sms.send(
		new PutKeywordCommand({OriginationIdentity: origination, Keyword: keyword, KeywordMessage: message, KeywordAction: action as 'AUTOMATIC_RESPONSE'}),
	);
	return result(out);
}

export async function deleteKeyword(clients: Clients, origination: string, keyword: string): Promise<ChangeResult> {
	const {DeleteKeywordCommand} = await smsModule();
	return result(await clients.sms.send(new DeleteKeywordCommand({OriginationIdentity: origination, Keyword: keyword})));
}

export async function setSpendLimit(clients: Clients, channel: SpendChannel, dollars: number): Promise<ChangeResult> {
	const m = await smsModule();
	const input = {MonthlyLimit: dollars};
	const command =
		channel === 'text'
			? new m.SetTextMessageSpendLimitOverrideCommand(input)
			: channel === 'media'
				? new m.SetMediaMessageSpendLimitOverrideCommand(input)
				: new m.SetVoiceMessageSpendLimitOverrideCommand(input);
	const out = (await clients.sms.send(command as never)) as Meta & {MonthlyLimit?: number};
	return result(out, `enforced $${out.MonthlyLimit ?? dollars}`);
}

export async function clearSpendLimit(clients: Clients, channel: SpendChannel): Promise<ChangeResult> {
	const m = await smsModule();
	const command =
		channel === 'text'
			? new m.DeleteTextMessageSpendLimitOverrideCommand({})
			: channel === 'media'
				? new m.DeleteMediaMessageSpendLimitOverrideCommand({})
				: new m.DeleteVoiceMessageSpendLimitOverrideCommand({});
	const out = (await clients.sms.send(command as never)) as Meta & {MonthlyLimit?: number};
	return result(out, out.MonthlyLimit !== undefined ? `removed override of $${out.MonthlyLimit}` : undefined);
}

export async function putOptedOutNumber(clients: Clients, list: string, number: string): Promise<ChangeResult> {
	const {PutOptedOutNumberCommand} = await smsModule();
	return result(await clients.sms.send(new PutOptedOutNumberCommand({OptOutListName: list, OptedOutNumber: number})));
}

export async function deleteOptedOutNumber(clients: Clients, list: string, number: string): Promise<ChangeResult> {
	const {DeleteOptedOutNumberCommand} = await smsModule();
	return result(await clients.sms.send(new DeleteOptedOutNumberCommand({OptOutListName: list, OptedOutNumber: number})));
}

/** Settings of a phone number or a pool that smsdeck edits; only the members present are sent. */
export interface OriginationSettings {
	TwoWayEnabled?: boolean;
	TwoWayChannelArn?: string;
	SelfManagedOptOutsEnabled?: boolean;
	SharedRoutesEnabled?: boolean;
	DeletionProtectionEnabled?: boolean;
	OptOutListName?: string;
}

// The members are written out (no spread) so that source/tools/iamPolicy.mjs can see which are sent: a
// TwoWayChannelRole would need iam:PassRole. Undefined members are not sent.
export async function updatePhoneNumber(clients: Clients, id: string, settings: OriginationSettings): Promise<ChangeResult> {
	const {UpdatePhoneNumberCommand} = await smsModule();
	const {TwoWayEnabled, TwoWayChannelArn, SelfManagedOptOutsEnabled, DeletionProtectionEnabled, OptOutListName} = settings;
	return result(
		await clients.sms.send(
			new UpdatePhoneNumberCommand({PhoneNumberId: id, TwoWayEnabled, TwoWayChannelArn, SelfManagedOptOutsEnabled, DeletionProtectionEnabled, OptOutListName}),
		),
	);
}

export async function updatePool(clients: Clients, id: string, settings: OriginationSettings): Promise<ChangeResult> {
	const {UpdatePoolCommand} = await smsModule();
	const {TwoWayEnabled, TwoWayChannelArn, SelfManagedOptOutsEnabled, SharedRoutesEnabled, DeletionProtectionEnabled, OptOutListName} = settings;
	return result(
		await clients.sms.send(
			new UpdatePoolCommand({PoolId: id, TwoWayEnabled, TwoWayChannelArn, SelfManagedOptOutsEnabled, SharedRoutesEnabled, DeletionProtectionEnabled, OptOutListName}),
		),
	);
}

export interface NumberRequest {
	isoCountryCode: string;
	messageType: 'TRANSACTIONAL' | 'PROMOTIONAL';
	numberType: 'LONG_CODE' | 'TOLL_FREE' | 'TEN_DLC' | 'SIMULATOR';
	capabilities: ('SMS' | 'MMS' | 'VOICE')[];
	/** The pool the number joins (it then takes the pool's opt-out list and two-way settings). */
	poolId?: string;
	/** The number's opt-out list when it joins no pool (the service's default is "Default"). */
	optOutListName?: string;
}

export async function requestPhoneNumber(clients: Clients, request: NumberRequest): Promise<ChangeResult> {
	const {RequestPhoneNumberCommand} = await smsModule();
	const out = await clients.sms.send(
		new RequestPhoneNumberCommand({
			IsoCountryCode: request.isoCountryCode,
			MessageType: request.messageType,
			NumberType: request.numberType,
			NumberCapabilities: request.capabilities,
			// Members left undefined are not sent.
			PoolId: request.poolId,
			OptOutListName: request.optOutListName,
		}),
	);
	return result(out, `${out.PhoneNumber ?? ''} ${out.PhoneNumberId ?? ''} ${out.Status ?? ''}`.trim());
}

export async function releasePhoneNumber(clients: Clients, id: string): Promise<ChangeResult> {
	const {ReleasePhoneNumberCommand} = await smsModule();
	const out = await clients.sms.send(new ReleasePhoneNumberCommand({PhoneNumberId: id}));
	return result(out, `${out.PhoneNumber ?? id} ${out.Status ?? ''}`.trim());
}

/**
 * Sets a registration field. When the current version is not a DRAFT (denied or approved), a new version is made
 * first from it — as the console says in the review — so several staged fields land in one new version.
 */
export type RegistrationFieldValue = {TextValue: string} | {SelectChoices: string[]} | {RegistrationAttachmentId: string};

export async function putRegistrationField(clients: Clients, registrationId: string, fieldPath: string, value: RegistrationFieldValue): Promise<ChangeResult> {
	const sdk = await smsModule();
	const [registration] = (await clients.sms.send(new sdk.DescribeRegistrationsCommand({RegistrationIds: [registrationId]}))).Registrations ?? [];
	const [current] =
		(await clients.sms.send(new sdk.DescribeRegistrationVersionsCommand({RegistrationId: registrationId, VersionNumbers: registration?.CurrentVersionNumber ? [registration.CurrentVersionNumber] : undefined})))
			.RegistrationVersions ?? [];
	let made = '';
	if (current && current.RegistrationVersionStatus !== 'DRAFT') {
		const version = await clients.sms.send(new sdk.CreateRegistrationVersionCommand({RegistrationId: registrationId}));
		made = `version ${version.VersionNumber} created; `;
	}
	const out = await clients.sms.send(new sdk.PutRegistrationFieldValueCommand({RegistrationId: registrationId, FieldPath: fieldPath, ...value}));
	return result(out, `${made}${fieldPath} set in version ${out.VersionNumber}`);
}

export async function submitRegistration(clients: Clients, registrationId: string): Promise<ChangeResult> {
	const {SubmitRegistrationVersionCommand} = await smsModule();
	const out = await clients.sms.send(new SubmitRegistrationVersionCommand({RegistrationId: registrationId}));
	return result(out, `version ${out.VersionNumber} ${out.RegistrationVersionStatus ?? ''}`.trim());
}

export async function discardRegistrationVersion(clients: Clients, registrationId: string): Promise<ChangeResult> {
	const {DiscardRegistrationVersionCommand} = await smsModule();
	const out = await clients.sms.send(new DiscardRegistrationVersionCommand({RegistrationId: registrationId}));
	return result(out, `version ${out.VersionNumber} ${out.RegistrationVersionStatus ?? ''}`.trim());
}

export async function deleteRegistration(clients: Clients, registrationId: string): Promise<ChangeResult> {
	const {DeleteRegistrationCommand} = await smsModule();
	const out = await clients.sms.send(new DeleteRegistrationCommand({RegistrationId: registrationId}));
	return result(out, `${out.RegistrationId ?? registrationId} ${out.RegistrationStatus ?? ''}`.trim());
}

/** Country rule changes of one capability, sent in calls of at most RULES_PER_CALL countries each. */
export async function updateCountryRules(clients: Clients, protectId: string, capability: ProtectCapability, changes: RuleChanges): Promise<ChangeResult> {
	const {UpdateProtectConfigurationCountryRuleSetCommand} = await smsModule();
	const batches = ruleBatches(changes);
	let last: Meta = {};
	for (const batch of batches) {
		const updates = Object.fromEntries(Object.entries(batch).map(([iso, status]) => [iso, {ProtectStatus: status as 'ALLOW'}]));
		last = await clients.sms.send(new UpdateProtectConfigurationCountryRuleSetCommand({ProtectConfigurationId: protectId, NumberCapability: capability, CountryRuleSetUpdates: updates}));
	}
	const count = Object.keys(changes).length;
	return result(last, `${count} ${capability} rule${count === 1 ? '' : 's'} in ${batches.length} call${batches.length === 1 ? '' : 's'}`);
}

export async function associateProtect(clients: Clients, protectId: string, configurationSet: string): Promise<ChangeResult> {
	const {AssociateProtectConfigurationCommand} = await smsModule();
	return result(await clients.sms.send(new AssociateProtectConfigurationCommand({ProtectConfigurationId: protectId, ConfigurationSetName: configurationSet})));
}

export async function disassociateProtect(clients: Clients, protectId: string, configurationSet: string): Promise<ChangeResult> {
	const {DisassociateProtectConfigurationCommand} = await smsModule();
	return result(await clients.sms.send(new DisassociateProtectConfigurationCommand({ProtectConfigurationId: protectId, ConfigurationSetName: configurationSet})));
}

/** Makes it the account default (replacing the one before), or, with `undefined`, leaves the account without one. */
export async function setAccountDefaultProtect(clients: Clients, protectId: string | undefined): Promise<ChangeResult> {
	const m = await smsModule();
	if (protectId === undefined) return result(await clients.sms.send(new m.DeleteAccountDefaultProtectConfigurationCommand({})));
	return result(await clients.sms.send(new m.SetAccountDefaultProtectConfigurationCommand({ProtectConfigurationId: protectId})));
}

/** Adds a verified destination number (PENDING until its code is entered). */
export async function createVerifiedNumber(clients: Clients, phoneNumber: string): Promise<ChangeResult> {
	const {CreateVerifiedDestinationNumberCommand} = await smsModule();
	const out = await clients.sms.send(new CreateVerifiedDestinationNumberCommand({DestinationPhoneNumber: phoneNumber}));
	return result(out, `${out.VerifiedDestinationNumberId ?? ''} ${out.Status ?? ''}`.trim());
}

export type VerificationChannel = 'TEXT' | 'VOICE';

/** Texts or calls a new code to the number (the first code is free, later ones are billed). */
export async function sendVerificationCode(clients: Clients, id: string, channel: VerificationChannel, languageCode?: string): Promise<ChangeResult> {
	const {SendDestinationNumberVerificationCodeCommand} = await smsModule();
	const out = await clients.sms.send(
		new SendDestinationNumberVerificationCodeCommand({VerifiedDestinationNumberId: id, VerificationChannel: channel, LanguageCode: languageCode as 'EN_US' | undefined}),
	);
	return result(out, `code sent by ${channel === 'VOICE' ? 'voice call' : 'SMS'}, message ${out.MessageId ?? ''}`.trim());
}

export async function verifyDestinationNumber(clients: Clients, id: string, code: string): Promise<ChangeResult> {
	const {VerifyDestinationNumberCommand} = await smsModule();
	const out = await clients.sms.send(new VerifyDestinationNumberCommand({VerifiedDestinationNumberId: id, VerificationCode: code}));
	return result(out, `${out.DestinationPhoneNumber ?? id} ${out.Status ?? ''}`.trim());
}

export async function deleteVerifiedNumber(clients: Clients, id: string): Promise<ChangeResult> {
	const {DeleteVerifiedDestinationNumberCommand} = await smsModule();
	const out = await clients.sms.send(new DeleteVerifiedDestinationNumberCommand({VerifiedDestinationNumberId: id}));
	return result(out, `${out.DestinationPhoneNumber ?? id} deleted`);
}

/** A test message: SMS (TEXT) or a voice call, from one origination to one destination. */
export interface TestMessage {
	channel: 'TEXT' | 'VOICE';
	origination: string;
	destination: string;
	body: string;
	messageType?: 'TRANSACTIONAL' | 'PROMOTIONAL';
	configurationSet?: string;
	/** Written into the event records (Context), so that the events of this send can be found. */
	context?: Record<string, string>;
}

export async function sendTestMessage(clients: Clients, message: TestMessage): Promise<ChangeResult & {messageId?: string}> {
	const m = await smsModule();
	const {origination, destination, body, configurationSet, context} = message;
	const out =
		message.channel === 'VOICE'
			? await clients.sms.send(
					new m.SendVoiceMessageCommand({
						OriginationIdentity: origination,
						DestinationPhoneNumber: destination,
						MessageBody: body,
						ConfigurationSetName: configurationSet,
						Context: context,
					}),
				)
			: await clients.sms.send(
					new m.SendTextMessageCommand({
						OriginationIdentity: origination,
						DestinationPhoneNumber: destination,
						MessageBody: body,
						MessageType: message.messageType,
						ConfigurationSetName: configurationSet,
						Context: context,
					}),
				);
	return {...result(out, `message ${out.MessageId ?? '(no id)'}`), messageId: out.MessageId};
}

export async function createConfigurationSet(clients: Clients, name: string): Promise<ChangeResult> {
	const {CreateConfigurationSetCommand} = await smsModule();
	const out = await clients.sms.send(new CreateConfigurationSetCommand({ConfigurationSetName: name}));
	return result(out, out.ConfigurationSetArn);
}

export async function deleteConfigurationSet(clients: Clients, name: string): Promise<ChangeResult> {
	const {DeleteConfigurationSetCommand} = await smsModule();
	const out = await clients.sms.send(new DeleteConfigurationSetCommand({ConfigurationSetName: name}));
	const n = out.EventDestinations?.length ?? 0;
	return result(out, `deleted with ${n} event destination${n === 1 ? '' : 's'}`);
}

/** A new event destination: exactly one target (CloudWatch Logs, Firehose or SNS), enabled. */
export interface NewEventDestination {
	configSet: string;
	name: string;
	eventTypes: string[];
	cloudWatchLogs?: {IamRoleArn: string; LogGroupArn: string};
	firehose?: {IamRoleArn: string; DeliveryStreamArn: string};
	sns?: {TopicArn: string};
}

// The members are written out so that source/tools/iamPolicy.mjs can see that a role is passed (iam:PassRole).
export async function createEventDestination(clients: Clients, d: NewEventDestination): Promise<ChangeResult> {
	const {CreateEventDestinationCommand} = await smsModule();
	const out = await clients.sms.send(
		new CreateEventDestinationCommand({
			ConfigurationSetName: d.configSet,
			EventDestinationName: d.name,
			MatchingEventTypes: d.eventTypes as never,
			CloudWatchLogsDestination: d.cloudWatchLogs,
			KinesisFirehoseDestination: d.firehose,
			SnsDestination: d.sns,
		}),
	);
	return result(out, `${out.EventDestination?.EventDestinationName ?? d.name} ${out.EventDestination?.Enabled ? 'enabled' : 'disabled'}`);
}

/** Turns an event destination on or off, and/or replaces its event types; other members are not sent. */
export async function updateEventDestination(clients: Clients, configSet: string, name: string, change: {enabled?: boolean; eventTypes?: string[]}): Promise<ChangeResult> {
	const {UpdateEventDestinationCommand} = await smsModule();
	const out = await clients.sms.send(
		new UpdateEventDestinationCommand({ConfigurationSetName: configSet, EventDestinationName: name, Enabled: change.enabled, MatchingEventTypes: change.eventTypes as never}),
	);
	const d = out.EventDestination;
	return result(out, d ? `${d.EventDestinationName} ${d.Enabled ? 'enabled' : 'disabled'} (${(d.MatchingEventTypes ?? []).join(', ')})` : undefined);
}

export async function deleteEventDestination(clients: Clients, configSet: string, name: string): Promise<ChangeResult> {
	const {DeleteEventDestinationCommand} = await smsModule();
	return result(await clients.sms.send(new DeleteEventDestinationCommand({ConfigurationSetName: configSet, EventDestinationName: name})));
}

export async function createLogGroup(clients: Clients, name: string): Promise<ChangeResult> {
	const {CreateLogGroupCommand} = await logsModule();
	return result(await clients.logs.send(new CreateLogGroupCommand({logGroupName: name})), `log group ${name} created`);
}
