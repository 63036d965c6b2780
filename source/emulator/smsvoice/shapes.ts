// Records → the model's output structures (timestamps as epoch seconds, absent members omitted).
import type {ConfigSetRec, EventDestinationRec, PhoneNumberRec, PoolRec, ProtectRec, RegionState, SenderIdRec, VerifiedRec} from './model.js';
import {seconds} from './state.js';

function compact<T extends Record<string, unknown>>(o: T): T {
	for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
	return o;
}

export function phoneNumberInfo(pn: PhoneNumberRec): Record<string, unknown> {
	return compact({
		PhoneNumberArn: pn.arn,
		PhoneNumberId: pn.id,
		PhoneNumber: pn.phoneNumber,
		Status: pn.status,
		IsoCountryCode: pn.isoCountryCode,
		MessageType: pn.messageType,
		NumberCapabilities: [...pn.capabilities],
		NumberType: pn.numberType,
		MonthlyLeasingPrice: pn.monthlyLeasingPrice,
		TwoWayEnabled: pn.twoWayEnabled,
		TwoWayChannelArn: pn.twoWayChannelArn,
		TwoWayChannelRole: pn.twoWayChannelRole,
		SelfManagedOptOutsEnabled: pn.selfManagedOptOutsEnabled,
		OptOutListName: pn.optOutListName,
		InternationalSendingEnabled: pn.internationalSendingEnabled,
		DeletionProtectionEnabled: pn.deletionProtectionEnabled,
		PoolId: pn.poolId,
		RegistrationId: pn.registrationId,
		CreatedTimestamp: seconds(pn.created),
	});
}

export function poolInfo(pool: PoolRec): Record<string, unknown> {
	return compact({
		PoolArn: pool.arn,
		PoolId: pool.id,
		Status: pool.status,
		MessageType: pool.messageType,
		TwoWayEnabled: pool.twoWayEnabled,
		TwoWayChannelArn: pool.twoWayChannelArn,
		TwoWayChannelRole: pool.twoWayChannelRole,
		SelfManagedOptOutsEnabled: pool.selfManagedOptOutsEnabled,
		OptOutListName: pool.optOutListName,
		SharedRoutesEnabled: pool.sharedRoutesEnabled,
		DeletionProtectionEnabled: pool.deletionProtectionEnabled,
		CreatedTimestamp: seconds(pool.created),
	});
}

export function senderIdInfo(s: SenderIdRec): Record<string, unknown> {
	return compact({
		SenderIdArn: s.arn,
		SenderId: s.senderId,
		IsoCountryCode: s.isoCountryCode,
		MessageTypes: [...s.messageTypes],
		MonthlyLeasingPrice: s.monthlyLeasingPrice,
		DeletionProtectionEnabled: s.deletionProtectionEnabled,
		Registered: s.registered,
		RegistrationId: s.registrationId,
	});
}

export function eventDestinationInfo(d: EventDestinationRec): Record<string, unknown> {
	return compact({
		EventDestinationName: d.name,
		Enabled: d.enabled,
		MatchingEventTypes: [...d.matchingEventTypes],
		CloudWatchLogsDestination: d.cloudWatchLogs ? {...d.cloudWatchLogs} : undefined,
		KinesisFirehoseDestination: d.firehose ? {...d.firehose} : undefined,
		SnsDestination: d.sns ? {...d.sns} : undefined,
	});
}

export function configSetInfo(cs: ConfigSetRec): Record<string, unknown> {
	return compact({
		ConfigurationSetArn: cs.arn,
		ConfigurationSetName: cs.name,
		EventDestinations: cs.eventDestinations.map(eventDestinationInfo),
		DefaultMessageType: cs.defaultMessageType,
		DefaultSenderId: cs.defaultSenderId,
		DefaultMessageFeedbackEnabled: cs.defaultMessageFeedbackEnabled,
		CreatedTimestamp: seconds(cs.created),
		ProtectConfigurationId: cs.protectConfigurationId,
	});
}

export function verifiedInfo(v: VerifiedRec): Record<string, unknown> {
	return {
		VerifiedDestinationNumberArn: v.arn,
		VerifiedDestinationNumberId: v.id,
		DestinationPhoneNumber: v.phoneNumber,
		Status: v.status,
		CreatedTimestamp: seconds(v.created),
	};
}

export function protectInfo(rs: RegionState, p: ProtectRec): Record<string, unknown> {
	return {
		ProtectConfigurationArn: p.arn,
		ProtectConfigurationId: p.id,
		CreatedTimestamp: seconds(p.created),
		AccountDefault: rs.defaultProtectConfigurationId === p.id,
		DeletionProtectionEnabled: p.deletionProtectionEnabled,
	};
}

export function tagsOut(tags: {Key: string; Value: string}[]): {Key: string; Value: string}[] {
	return tags.map(t => ({Key: t.Key, Value: t.Value}));
}
