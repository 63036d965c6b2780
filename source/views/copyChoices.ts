// What `c` offers on each kind of row or detail: the value a person reads there, its id, its ARN, and the aws
// command that shows it. Choices without text are dropped by the copy menu.
import type {Connection} from '../services/clients.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {getChannelsCli} from '../domain/pushCommands.js';

export interface CopyOffer {
	title: string;
	choices: {label: string; text?: string}[];
}

const sms = (connection: Connection, operation: string, args: Record<string, string | string[] | undefined>) =>
	awsCli(connection, 'pinpoint-sms-voice-v2', operation, args);

export function numberOffer(connection: Connection, n: {PhoneNumber?: string; PhoneNumberId?: string; PhoneNumberArn?: string}): CopyOffer {
	return {
		title: n.PhoneNumber ?? n.PhoneNumberId ?? 'phone number',
		choices: [
			{label: 'Number', text: n.PhoneNumber},
			{label: 'Id', text: n.PhoneNumberId},
			{label: 'ARN', text: n.PhoneNumberArn},
			{label: 'aws command', text: n.PhoneNumberId && sms(connection, 'describe-phone-numbers', {'phone-number-ids': n.PhoneNumberId})},
		],
	};
}

export function poolOffer(connection: Connection, p: {PoolId?: string; PoolArn?: string}, name?: string): CopyOffer {
	return {
		title: name ? `${name} (${p.PoolId})` : (p.PoolId ?? 'pool'),
		choices: [
			{label: 'Name', text: name},
			{label: 'Id', text: p.PoolId},
			{label: 'ARN', text: p.PoolArn},
			{label: 'aws command', text: p.PoolId && sms(connection, 'describe-pools', {'pool-ids': p.PoolId})},
		],
	};
}

export function senderIdOffer(connection: Connection, s: {SenderId?: string; IsoCountryCode?: string; SenderIdArn?: string}): CopyOffer {
	return {
		title: `${s.SenderId ?? 'sender ID'}${s.IsoCountryCode ? ` (${s.IsoCountryCode})` : ''}`,
		choices: [
			{label: 'Sender ID', text: s.SenderId},
			{label: 'ARN', text: s.SenderIdArn},
			{
				label: 'aws command',
				text: s.SenderId && sms(connection, 'describe-sender-ids', {'sender-ids': `SenderId=${s.SenderId},IsoCountryCode=${s.IsoCountryCode ?? ''}`}),
			},
		],
	};
}

export function configSetOffer(connection: Connection, c: {ConfigurationSetName?: string; ConfigurationSetArn?: string}): CopyOffer {
	return {
		title: c.ConfigurationSetName ?? 'configuration set',
		choices: [
			{label: 'Name', text: c.ConfigurationSetName},
			{label: 'ARN', text: c.ConfigurationSetArn},
			{label: 'aws command', text: c.ConfigurationSetName && sms(connection, 'describe-configuration-sets', {'configuration-set-names': c.ConfigurationSetName})},
		],
	};
}

export function optOutListOffer(connection: Connection, l: {OptOutListName?: string; OptOutListArn?: string}): CopyOffer {
	return {
		title: l.OptOutListName ?? 'opt-out list',
		choices: [
			{label: 'Name', text: l.OptOutListName},
			{label: 'ARN', text: l.OptOutListArn},
			{label: 'aws command', text: l.OptOutListName && sms(connection, 'describe-opt-out-lists', {'opt-out-list-names': l.OptOutListName})},
		],
	};
}

export function optedOutOffer(connection: Connection, list: string, n: {OptedOutNumber?: string}): CopyOffer {
	return {
		title: n.OptedOutNumber ?? 'opted-out number',
		choices: [
			{label: 'Number', text: n.OptedOutNumber},
			{label: 'List', text: list},
			{label: 'aws command', text: n.OptedOutNumber && sms(connection, 'describe-opted-out-numbers', {'opt-out-list-name': list, 'opted-out-numbers': n.OptedOutNumber})},
		],
	};
}

export function verifiedOffer(
	connection: Connection,
	v: {DestinationPhoneNumber?: string; VerifiedDestinationNumberId?: string; VerifiedDestinationNumberArn?: string},
): CopyOffer {
	return {
		title: v.DestinationPhoneNumber ?? v.VerifiedDestinationNumberId ?? 'verified number',
		choices: [
			{label: 'Number', text: v.DestinationPhoneNumber},
			{label: 'Id', text: v.VerifiedDestinationNumberId},
			{label: 'ARN', text: v.VerifiedDestinationNumberArn},
			{
				label: 'aws command',
				text: v.VerifiedDestinationNumberId && sms(connection, 'describe-verified-destination-numbers', {'verified-destination-number-ids': v.VerifiedDestinationNumberId}),
			},
		],
	};
}

export function poolIdentityOffer(connection: Connection, poolId: string, i: {OriginationIdentity?: string; OriginationIdentityArn?: string; PhoneNumber?: string}): CopyOffer {
	const id = i.OriginationIdentity ?? '';
	return {
		title: i.PhoneNumber || id || 'identity',
		choices: [
			{label: 'Number', text: i.PhoneNumber},
			{label: 'Id', text: id},
			{label: 'ARN', text: i.OriginationIdentityArn},
			{label: 'aws command', text: sms(connection, 'list-pool-origination-identities', {'pool-id': poolId})},
		],
	};
}

export function keywordOffer(connection: Connection, origination: string, k: {Keyword?: string; KeywordMessage?: string; KeywordAction?: string}): CopyOffer {
	return {
		title: `keyword ${k.Keyword ?? ''}`.trim(),
		choices: [
			{label: 'Keyword', text: k.Keyword},
			{label: 'Response', text: k.KeywordMessage},
			{label: 'aws command', text: k.Keyword && sms(connection, 'describe-keywords', {'origination-identity': origination, keywords: k.Keyword})},
		],
	};
}

export function registrationOffer(connection: Connection, r: {RegistrationId?: string; RegistrationArn?: string; Name?: string}): CopyOffer {
	return {
		title: r.Name ? `${r.Name} (${r.RegistrationId})` : (r.RegistrationId ?? 'registration'),
		choices: [
			{label: 'Name', text: r.Name},
			{label: 'Id', text: r.RegistrationId},
			{label: 'ARN', text: r.RegistrationArn},
			{label: 'aws command', text: r.RegistrationId && sms(connection, 'describe-registrations', {'registration-ids': r.RegistrationId})},
		],
	};
}

export function protectOffer(connection: Connection, p: {ProtectConfigurationId?: string; ProtectConfigurationArn?: string; Name?: string}): CopyOffer {
	return {
		title: p.Name ? `${p.Name} (${p.ProtectConfigurationId})` : (p.ProtectConfigurationId ?? 'protect configuration'),
		choices: [
			{label: 'Name', text: p.Name},
			{label: 'Id', text: p.ProtectConfigurationId},
			{label: 'ARN', text: p.ProtectConfigurationArn},
			{label: 'aws command', text: p.ProtectConfigurationId && sms(connection, 'describe-protect-configurations', {'protect-configuration-ids': p.ProtectConfigurationId})},
		],
	};
}

export function pushAppOffer(connection: Connection, a: {Id: string; Name?: string; Arn?: string}): CopyOffer {
	return {
		title: a.Name ? `${a.Name} (${a.Id})` : a.Id,
		choices: [
			{label: 'Name', text: a.Name || undefined},
			{label: 'Id', text: a.Id},
			{label: 'ARN', text: a.Arn},
			{label: 'aws command', text: getChannelsCli(connection, a.Id)},
		],
	};
}
