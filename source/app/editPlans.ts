// What each editor stages: the service call, the before → after text, the equivalent aws command, the typed
// confirmation and what to reload afterwards. Rules are checked by the editors before anything is staged.
import type {Clients, Connection} from '../services/clients.js';
import * as changes from '../services/changesService.js';
import type {NumberRequest, OriginationSettings} from '../services/changesService.js';
import {spendChannelInfo, type SpendChannel} from '../domain/spendRules.js';
import type {Settings} from '../domain/settingsRules.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {describeRuleChanges, PROTECT_CAPABILITIES, protectLabel, ruleBatches, type ProtectCapability, type RuleChanges} from '../domain/protectRules.js';
import {destinationCliArgs, KIND_LABEL, logGroupOfArn, type DestinationSpec} from '../domain/eventDestinations.js';
import type {StagedEdit} from './stagedEdits.js';
import type {RepairStep} from '../services/simulatorRun.js';

const sms = 'pinpoint-sms-voice-v2' as const;
const SHORT = 60;
const quoteShort = (s: string) => JSON.stringify(s.length > SHORT ? `${s.slice(0, SHORT)}…` : s);

/**
 * Two texts quoted short so that their difference shows: when they only differ after the first 60 characters,
 * both are shown from a little before the first difference ("…to end." rather than two equal beginnings).
 */
export function quoteDifference(before: string, after: string): [string, string] {
	let at = 0;
	while (at < before.length && at < after.length && before[at] === after[at]) at++;
	if (at < SHORT - 10 || before === after) return [quoteShort(before), quoteShort(after)];
	const from = Math.max(0, at - 20);
	const cut = (s: string) => JSON.stringify(`…${s.slice(from, from + SHORT)}${s.length > from + SHORT ? '…' : ''}`);
	return [cut(before), cut(after)];
}

export interface KeywordRow {
	Keyword?: string;
	KeywordMessage?: string;
	KeywordAction?: string;
}

/** The table a keyword edit shows in: the keywords of a number or pool. */
export const keywordScope = (origination: string) => `keywords/${origination}`;

export function keywordPutEdit(connection: Connection, origination: string, next: Required<KeywordRow>, before: KeywordRow | undefined): StagedEdit {
	const word = next.Keyword;
	const [was, now] = before ? quoteDifference(before.KeywordMessage ?? '', next.KeywordMessage) : ['', quoteShort(next.KeywordMessage)];
	return {
		id: `keyword|${origination}|${word.toUpperCase()}`,
		scope: keywordScope(origination),
		rowKey: word.toUpperCase(),
		what: `${before ? 'Keyword' : 'New keyword'} ${word} on ${origination}`,
		before: before ? `${before.KeywordAction} ${was}` : '',
		after: `${next.KeywordAction} ${now}`,
		cli: [
			awsCli(connection, sms, 'put-keyword', {
				'origination-identity': origination,
				keyword: word,
				'keyword-message': next.KeywordMessage,
				'keyword-action': next.KeywordAction,
			}),
		],
		kind: before ? 'change' : 'add',
		preview: {Keyword: word, KeywordMessage: next.KeywordMessage, KeywordAction: next.KeywordAction},
		connection,
		reloads: [keywordScope(origination)],
		apply: clients => changes.putKeyword(clients, origination, word, next.KeywordMessage, next.KeywordAction),
	};
}

export function keywordDeleteEdit(connection: Connection, origination: string, before: KeywordRow): StagedEdit {
	const word = before.Keyword ?? '';
	return {
		id: `keyword|${origination}|${word.toUpperCase()}`,
		scope: keywordScope(origination),
		rowKey: word.toUpperCase(),
		what: `Delete keyword ${word} on ${origination}`,
		before: `${before.KeywordAction} ${quoteShort(before.KeywordMessage ?? '')}`,
		after: '',
		cli: [awsCli(connection, sms, 'delete-keyword', {'origination-identity': origination, keyword: word})],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: [keywordScope(origination)],
		apply: clients => changes.deleteKeyword(clients, origination, word),
	};
}

export const SPEND_SCOPE = 'spend';

export function spendSetEdit(connection: Connection, channel: SpendChannel, current: {enforced: number; overridden: boolean}, dollars: number): StagedEdit {
	const info = spendChannelInfo(channel);
	const raise = dollars > current.enforced;
	return {
		id: `spend|${channel}`,
		scope: SPEND_SCOPE,
		rowKey: info.limitName,
		what: `${info.label} enforced spend limit${raise ? ' (raise)' : ''}`,
		before: `$${current.enforced}${current.overridden ? '' : ' (account limit, no override)'}`,
		after: `$${dollars}`,
		cli: [awsCli(connection, sms, info.setCommand, {'monthly-limit': String(dollars)})],
		typed: raise ? 'raise' : undefined,
		kind: 'change',
		connection,
		reloads: ['account'],
		apply: clients => changes.setSpendLimit(clients, channel, dollars),
	};
}

export function spendClearEdit(connection: Connection, channel: SpendChannel, current: {enforced: number; max: number}): StagedEdit {
	const info = spendChannelInfo(channel);
	return {
		id: `spend|${channel}`,
		scope: SPEND_SCOPE,
		rowKey: info.limitName,
		what: `${info.label} enforced spend limit: clear the override`,
		before: `$${current.enforced}`,
		after: `$${current.max} (the account limit)`,
		cli: [awsCli(connection, sms, info.deleteCommand)],
		// Clearing the override lets spending go up to the account limit: a raise when that is higher.
		typed: current.max > current.enforced ? 'raise' : undefined,
		kind: 'delete',
		connection,
		reloads: ['account'],
		apply: clients => changes.clearSpendLimit(clients, channel),
	};
}

export const optOutScope = (list: string) => `opted-out-numbers/${list}`;

export function optOutAddEdit(connection: Connection, list: string, number: string): StagedEdit {
	return {
		id: `optout|${list}|${number}`,
		scope: optOutScope(list),
		rowKey: number,
		what: `Opt out ${number} on list ${list}`,
		before: '',
		after: `${number} opted out (no messages from any identity using ${list})`,
		cli: [awsCli(connection, sms, 'put-opted-out-number', {'opt-out-list-name': list, 'opted-out-number': number})],
		kind: 'add',
		connection,
		reloads: [optOutScope(list)],
		apply: clients => changes.putOptedOutNumber(clients, list, number),
	};
}

export function optOutRemoveEdit(connection: Connection, list: string, number: string): StagedEdit {
	return {
		id: `optout|${list}|${number}`,
		scope: optOutScope(list),
		rowKey: number,
		what: `Remove ${number} from opt-out list ${list}`,
		before: `${number} opted out`,
		after: `${number} can receive messages again`,
		cli: [awsCli(connection, sms, 'delete-opted-out-number', {'opt-out-list-name': list, 'opted-out-number': number})],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: [optOutScope(list)],
		apply: clients => changes.deleteOptedOutNumber(clients, list, number),
	};
}

const onOff = (b: boolean) => (b ? 'on' : 'off');

/** The members of UpdatePhoneNumber / UpdatePool that differ, and their before → after text. */
export function settingsDiff(before: Settings, next: Settings): {input: OriginationSettings; before: string[]; after: string[]; args: Record<string, string>} {
	const input: OriginationSettings = {};
	const b: string[] = [];
	const a: string[] = [];
	const args: Record<string, string> = {};
	const add = (label: string, from: string, to: string, flag: string, value: string) => {
		b.push(`${label} ${from}`);
		a.push(`${label} ${to}`);
		args[flag] = value;
	};
	if (next.twoWay !== before.twoWay || (next.twoWay && next.channelArn !== before.channelArn)) {
		input.TwoWayEnabled = next.twoWay;
		add('two-way', onOff(before.twoWay), onOff(next.twoWay), 'two-way-enabled', String(next.twoWay));
		if (next.twoWay) {
			input.TwoWayChannelArn = next.channelArn;
			add('channel', before.channelArn || '(none)', next.channelArn, 'two-way-channel-arn', next.channelArn);
		}
	}
	if (next.selfManagedOptOuts !== before.selfManagedOptOuts) {
		input.SelfManagedOptOutsEnabled = next.selfManagedOptOuts;
		add('self-managed opt-outs', onOff(before.selfManagedOptOuts), onOff(next.selfManagedOptOuts), 'self-managed-opt-outs-enabled', String(next.selfManagedOptOuts));
	}
	if (next.sharedRoutes !== before.sharedRoutes) {
		input.SharedRoutesEnabled = next.sharedRoutes;
		add('shared routes', onOff(before.sharedRoutes), onOff(next.sharedRoutes), 'shared-routes-enabled', String(next.sharedRoutes));
	}
	if (next.deletionProtection !== before.deletionProtection) {
		input.DeletionProtectionEnabled = next.deletionProtection;
		add('deletion protection', onOff(before.deletionProtection), onOff(next.deletionProtection), 'deletion-protection-enabled', String(next.deletionProtection));
	}
	if (next.optOutList !== before.optOutList) {
		input.OptOutListName = next.optOutList;
		add('opt-out list', before.optOutList || '(none)', next.optOutList, 'opt-out-list-name', next.optOutList);
	}
	return {input, before: b, after: a, args};
}

/** Settings as the strings a staged edit's preview holds (so a second form can start from what is staged). */
export function settingsPreview(s: Settings): Record<string, string> {
	return {
		twoWay: onOff(s.twoWay),
		channelArn: s.channelArn,
		selfManagedOptOuts: onOff(s.selfManagedOptOuts),
		sharedRoutes: onOff(s.sharedRoutes),
		deletionProtection: onOff(s.deletionProtection),
		optOutList: s.optOutList,
	};
}

/** The settings a staged settings edit would leave (its preview), or undefined for another kind of edit. */
export function settingsFromPreview(preview: Record<string, string> | undefined): Settings | undefined {
	if (!preview || preview.twoWay === undefined) return undefined;
	return {
		twoWay: preview.twoWay === 'on',
		channelArn: preview.channelArn ?? '',
		selfManagedOptOuts: preview.selfManagedOptOuts === 'on',
		sharedRoutes: preview.sharedRoutes === 'on',
		deletionProtection: preview.deletionProtection === 'on',
		optOutList: preview.optOutList ?? '',
	};
}

/** The id of the staged settings edit of a number or pool. */
export const settingsEditId = (targetId: string) => `settings|${targetId}`;

export function settingsEdit(connection: Connection, target: {kind: 'number' | 'pool'; id: string; label: string}, before: Settings, next: Settings): StagedEdit | undefined {
	const diff = settingsDiff(before, next);
	if (diff.after.length === 0) return undefined;
	const isPool = target.kind === 'pool';
	// CLI v1 takes booleans as --flag / --no-flag.
	const flags = Object.entries(diff.args).map(([k, v]) => (v === 'true' ? `--${k}` : v === 'false' ? `--no-${k}` : `--${k} ${v}`));
	const base = awsCli(connection, sms, isPool ? 'update-pool' : 'update-phone-number', isPool ? {'pool-id': target.id} : {'phone-number-id': target.id});
	const [head, ...tail] = base.split(' --region ');
	return {
		id: settingsEditId(target.id),
		scope: isPool ? 'pools' : `number/${target.id}`,
		rowKey: target.id,
		what: `Settings of ${target.label}`,
		before: diff.before.join(', '),
		after: diff.after.join(', '),
		preview: settingsPreview(next),
		cli: [`${head} ${flags.join(' ')} --region ${tail.join(' --region ')}`],
		kind: 'change',
		connection,
		reloads: isPool ? ['pools', `pool-identities/${target.id}`] : [`number/${target.id}`, 'numbers'],
		apply: clients => (isPool ? changes.updatePool(clients, target.id, diff.input) : changes.updatePhoneNumber(clients, target.id, diff.input)),
	};
}

export function requestNumberEdit(connection: Connection, request: NumberRequest): StagedEdit {
	const label = `${request.numberType} ${request.isoCountryCode} ${request.capabilities.join('+')} ${request.messageType}${request.poolId ? ` in pool ${request.poolId}` : ''}${request.optOutListName ? `, opt-out list ${request.optOutListName}` : ''}`;
	return {
		id: `request|${Date.now()}|${label}`,
		scope: 'numbers',
		rowKey: '',
		what: `Request a phone number: ${label}`,
		before: '',
		after: request.numberType === 'SIMULATOR' ? 'a new simulator number' : 'a new number (monthly lease charged from today)',
		cli: [
			awsCli(connection, sms, 'request-phone-number', {
				'iso-country-code': request.isoCountryCode,
				'message-type': request.messageType,
				'number-capabilities': request.capabilities,
				'number-type': request.numberType,
				...(request.poolId ? {'pool-id': request.poolId} : {}),
				...(request.optOutListName ? {'opt-out-list-name': request.optOutListName} : {}),
			}),
		],
		typed: 'request',
		kind: 'add',
		connection,
		reloads: ['numbers'],
		apply: clients => changes.requestPhoneNumber(clients, request),
	};
}

export function releaseNumberEdit(connection: Connection, number: {id: string; phoneNumber: string}): StagedEdit {
	return {
		id: `release|${number.id}`,
		scope: 'numbers',
		rowKey: number.id,
		what: `Release ${number.phoneNumber} (${number.id})`,
		before: `${number.phoneNumber} in the account`,
		after: 'released for good (the number cannot be had again)',
		cli: [awsCli(connection, sms, 'release-phone-number', {'phone-number-id': number.id})],
		typed: 'release',
		kind: 'delete',
		connection,
		reloads: ['numbers', `number/${number.id}`],
		apply: clients => changes.releasePhoneNumber(clients, number.id),
	};
}

/** What the registration edits need to know of the registration. */
export interface RegistrationTarget {
	id: string;
	label: string;
	/** The current version and its status: a field change of a version that is not a DRAFT makes a new version. */
	version: number;
	versionStatus: string;
	/** Field changes already staged for it (the first one on a non-DRAFT version makes the new version). */
	stagedFields: number;
}

const registrationScope = (id: string) => `registration/${id}`;
const registrationReloads = (id: string) => ['registrations', registrationScope(id)];

export function registrationFieldEdit(connection: Connection, target: RegistrationTarget, field: {path: string; title: string}, before: string, after: string, value: changes.RegistrationFieldValue): StagedEdit {
	const newVersion = target.versionStatus !== 'DRAFT';
	const makesVersion = newVersion && target.stagedFields === 0;
	const [was, now] = quoteDifference(before, after);
	const args: Record<string, string | string[]> = {'registration-id': target.id, 'field-path': field.path};
	if ('TextValue' in value) args['text-value'] = value.TextValue;
	else if ('SelectChoices' in value) args['select-choices'] = value.SelectChoices;
	else args['registration-attachment-id'] = value.RegistrationAttachmentId;
	return {
		id: `registration-field|${target.id}|${field.path}`,
		scope: registrationScope(target.id),
		rowKey: field.path,
		what: `${field.title} of ${target.label}${makesVersion ? ` (in a new version from v${target.version} ${target.versionStatus})` : newVersion ? ' (in the same new version)' : ''}`,
		before: before ? was : '',
		after: now,
		cli: [
			...(makesVersion ? [awsCli(connection, sms, 'create-registration-version', {'registration-id': target.id})] : []),
			awsCli(connection, sms, 'put-registration-field-value', args),
		],
		kind: before ? 'change' : 'add',
		connection,
		reloads: registrationReloads(target.id),
		apply: clients => changes.putRegistrationField(clients, target.id, field.path, value),
	};
}

export function registrationSubmitEdit(connection: Connection, target: RegistrationTarget): StagedEdit {
	return {
		id: `registration-submit|${target.id}`,
		scope: registrationScope(target.id),
		rowKey: '',
		what: `Submit ${target.label} for review`,
		before:
			target.versionStatus !== 'DRAFT' && target.stagedFields > 0
				? `a new version from v${target.version} ${target.versionStatus}, with the ${target.stagedFields} staged field${target.stagedFields === 1 ? '' : 's'}`
				: `version ${target.version} ${target.versionStatus}`,
		after: 'SUBMITTED: the carriers review it (10DLC campaigns take 4–6 weeks or more); it cannot change until then',
		cli: [awsCli(connection, sms, 'submit-registration-version', {'registration-id': target.id})],
		typed: 'submit',
		kind: 'change',
		connection,
		reloads: registrationReloads(target.id),
		apply: clients => changes.submitRegistration(clients, target.id),
	};
}

export function registrationDiscardEdit(connection: Connection, target: RegistrationTarget): StagedEdit {
	return {
		id: `registration-discard|${target.id}`,
		scope: registrationScope(target.id),
		rowKey: '',
		what: `Discard version ${target.version} of ${target.label}`,
		before: `version ${target.version} ${target.versionStatus}`,
		after: 'DISCARDED for good (its values start a new draft)',
		cli: [awsCli(connection, sms, 'discard-registration-version', {'registration-id': target.id})],
		typed: 'discard',
		kind: 'delete',
		connection,
		reloads: registrationReloads(target.id),
		apply: clients => changes.discardRegistrationVersion(clients, target.id),
	};
}

export function registrationDeleteEdit(connection: Connection, target: RegistrationTarget): StagedEdit {
	return {
		id: `registration-delete|${target.id}`,
		scope: 'registrations',
		rowKey: target.id,
		what: `Delete the registration ${target.label}`,
		before: `${target.id} (version ${target.version} ${target.versionStatus})`,
		after: 'deleted for good',
		cli: [awsCli(connection, sms, 'delete-registration', {'registration-id': target.id})],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: registrationReloads(target.id),
		apply: clients => changes.deleteRegistration(clients, target.id),
	};
}

/** What the protect edits need to know of the protect configuration. */
export interface ProtectTarget {
	id: string;
	label: string;
}

export const protectRulesScope = (id: string, capability: ProtectCapability) => `protect/${id}/${capability}`;
const protectReloads = (id: string) => ['protect', `protect/${id}`, ...PROTECT_CAPABILITIES.map(c => protectRulesScope(id, c)), 'config-sets'];

/**
 * The staged country rule changes of one capability, as one edit (staging more countries merges them): sent in
 * calls of at most 300 countries each. `preview` holds country → new status, for the table's markers.
 */
export function protectRulesEdit(connection: Connection, target: ProtectTarget, capability: ProtectCapability, current: Record<string, string>, next: RuleChanges): StagedEdit {
	const {before, after} = describeRuleChanges(next, current);
	const count = Object.keys(next).length;
	return {
		id: `protect-rules|${target.id}|${capability}`,
		scope: protectRulesScope(target.id, capability),
		rowKey: '',
		what: `${capability} country rules of ${target.label}: ${count} countr${count === 1 ? 'y' : 'ies'}`,
		before,
		after,
		cli: ruleBatches(next).map(batch =>
			awsCli(connection, sms, 'update-protect-configuration-country-rule-set', {
				'protect-configuration-id': target.id,
				'number-capability': capability,
				'country-rule-set-updates': JSON.stringify(Object.fromEntries(Object.entries(batch).map(([iso, status]) => [iso, {ProtectStatus: status}]))),
			}),
		),
		kind: 'change',
		preview: next,
		connection,
		reloads: protectReloads(target.id),
		apply: clients => changes.updateCountryRules(clients, target.id, capability, next),
	};
}

/** Associates the configuration set (replacing the protect configuration it has, if any) or takes it away. */
export function protectAssociationEdit(connection: Connection, target: ProtectTarget, configurationSet: string, mode: {associate: true; replaces?: string} | {associate: false}): StagedEdit {
	const verb = mode.associate ? 'associate-protect-configuration' : 'disassociate-protect-configuration';
	return {
		id: `protect-association|${configurationSet}`,
		scope: 'protect',
		rowKey: target.id,
		what: mode.associate ? `Associate ${target.label} with the configuration set ${configurationSet}` : `Disassociate ${target.label} from the configuration set ${configurationSet}`,
		before: mode.associate ? (mode.replaces ? `${configurationSet} uses ${mode.replaces}` : `${configurationSet} has no protect configuration`) : `${configurationSet} uses ${target.label}`,
		after: mode.associate ? `${configurationSet} uses ${target.label}` : `${configurationSet} has none (the account default applies, if any)`,
		cli: [awsCli(connection, sms, verb, {'configuration-set-name': configurationSet, 'protect-configuration-id': target.id})],
		kind: mode.associate ? 'add' : 'delete',
		connection,
		reloads: [...protectReloads(target.id), `config-set/${configurationSet}`],
		apply: clients => (mode.associate ? changes.associateProtect(clients, target.id, configurationSet) : changes.disassociateProtect(clients, target.id, configurationSet)),
	};
}

/** `D` on a protect configuration: removes it as the account default when it is one, else makes it the default. */
export function protectDefaultToggleEdit(
	connection: Connection,
	config: {Name?: string; ProtectConfigurationId?: string; AccountDefault?: boolean},
	all: readonly {Name?: string; ProtectConfigurationId?: string; AccountDefault?: boolean}[],
): StagedEdit {
	const target = {id: config.ProtectConfigurationId ?? '', label: protectLabel(config)};
	const current = all.find(c => c.AccountDefault);
	return protectDefaultEdit(connection, target, config.AccountDefault ? {set: false} : {set: true, replaces: current ? protectLabel(current) : undefined});
}

/** Makes it the account default (replacing `replaces`), or removes it as the account default. */
export function protectDefaultEdit(connection: Connection, target: ProtectTarget, mode: {set: true; replaces?: string} | {set: false}): StagedEdit {
	return {
		id: 'protect-account-default',
		scope: 'protect',
		rowKey: target.id,
		what: mode.set ? `Make ${target.label} the account default protect configuration` : `Remove ${target.label} as the account default`,
		before: mode.set ? (mode.replaces ? `the account default is ${mode.replaces}` : 'no account default') : `the account default is ${target.label}`,
		after: mode.set
			? `the account default is ${target.label} (it also applies to SNS, Cognito and Pinpoint SendMessages)`
			: 'no account default: sends without a protect configuration are not filtered',
		cli: [
			mode.set
				? awsCli(connection, sms, 'set-account-default-protect-configuration', {'protect-configuration-id': target.id})
				: awsCli(connection, sms, 'delete-account-default-protect-configuration'),
		],
		kind: 'change',
		connection,
		reloads: protectReloads(target.id),
		apply: clients => changes.setAccountDefaultProtect(clients, mode.set ? target.id : undefined),
	};
}

/** What the verified-number edits need to know of the number. */
export interface VerifiedTarget {
	id: string;
	phoneNumber: string;
	status: string;
}

export const VERIFIED_SCOPE = 'verified';

export function verifiedAddEdit(connection: Connection, phoneNumber: string): StagedEdit {
	return {
		id: `verified-add|${phoneNumber}`,
		scope: VERIFIED_SCOPE,
		rowKey: phoneNumber,
		what: `Add ${phoneNumber} as a verified destination number`,
		before: '',
		after: `${phoneNumber} PENDING (then send it a code and enter the code)`,
		cli: [awsCli(connection, sms, 'create-verified-destination-number', {'destination-phone-number': phoneNumber})],
		kind: 'add',
		connection,
		reloads: [VERIFIED_SCOPE],
		apply: clients => changes.createVerifiedNumber(clients, phoneNumber),
	};
}

export function verifiedSendCodeEdit(connection: Connection, target: VerifiedTarget, channel: changes.VerificationChannel, languageCode?: string): StagedEdit {
	return {
		id: `verified-code|${target.id}`,
		scope: VERIFIED_SCOPE,
		rowKey: target.phoneNumber,
		what: `Send a verification code to ${target.phoneNumber} by ${channel === 'VOICE' ? 'voice call' : 'SMS'}${languageCode ? ` in ${languageCode}` : ''}`,
		before: `${target.phoneNumber} ${target.status}`,
		after: 'a new code, valid 15 minutes (the first code of a number is free, later ones are billed)',
		cli: [
			awsCli(connection, sms, 'send-destination-number-verification-code', {
				'verified-destination-number-id': target.id,
				'verification-channel': channel,
				'language-code': languageCode,
			}),
		],
		typed: 'send',
		kind: 'change',
		connection,
		reloads: [VERIFIED_SCOPE],
		apply: clients => changes.sendVerificationCode(clients, target.id, channel, languageCode),
	};
}

export function verifiedConfirmEdit(connection: Connection, target: VerifiedTarget, code: string): StagedEdit {
	return {
		id: `verified-verify|${target.id}`,
		scope: VERIFIED_SCOPE,
		rowKey: target.phoneNumber,
		what: `Verify ${target.phoneNumber} with code ${code}`,
		before: `${target.phoneNumber} ${target.status}`,
		after: `${target.phoneNumber} VERIFIED (the sandbox can send to it)`,
		cli: [awsCli(connection, sms, 'verify-destination-number', {'verified-destination-number-id': target.id, 'verification-code': code})],
		kind: 'change',
		connection,
		reloads: [VERIFIED_SCOPE],
		apply: clients => changes.verifyDestinationNumber(clients, target.id, code),
	};
}

export function verifiedDeleteEdit(connection: Connection, target: VerifiedTarget): StagedEdit {
	return {
		id: `verified-delete|${target.id}`,
		scope: VERIFIED_SCOPE,
		rowKey: target.phoneNumber,
		what: `Delete the verified destination number ${target.phoneNumber}`,
		before: `${target.phoneNumber} ${target.status}`,
		after: 'deleted (a sandboxed account can no longer send to it)',
		cli: [awsCli(connection, sms, 'delete-verified-destination-number', {'verified-destination-number-id': target.id})],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: [VERIFIED_SCOPE],
		apply: clients => changes.deleteVerifiedNumber(clients, target.id),
	};
}

/** The aws command of a test send (the Context tag as the CLI's shorthand map). */
export function testSendCli(connection: Connection, message: changes.TestMessage): string {
	const context = message.context ? Object.entries(message.context).map(([k, v]) => `${k}=${v}`).join(',') : undefined;
	return message.channel === 'VOICE'
		? awsCli(connection, sms, 'send-voice-message', {
				'origination-identity': message.origination,
				'destination-phone-number': message.destination,
				'message-body': message.body,
				'configuration-set-name': message.configurationSet,
				context,
			})
		: awsCli(connection, sms, 'send-text-message', {
				'origination-identity': message.origination,
				'destination-phone-number': message.destination,
				'message-body': message.body,
				'message-type': message.messageType,
				'configuration-set-name': message.configurationSet,
				context,
			});
}

/**
 * A test message (it is billed): sent when applied; `onSent` gets the message id so that its events can be
 * followed from then on.
 */
export function testSendEdit(
	connection: Connection,
	message: changes.TestMessage,
	summary: string,
	onSent: (clients: Clients, messageId: string) => void,
): StagedEdit {
	return {
		id: `send|${message.context?.smsdeckSend ?? Date.now()}`,
		scope: 'send',
		rowKey: '',
		what: `Test ${message.channel === 'VOICE' ? 'voice call' : 'SMS'} from ${message.origination} to ${message.destination}`,
		before: '',
		after: summary,
		cli: [testSendCli(connection, message)],
		typed: 'send',
		kind: 'add',
		connection,
		reloads: [],
		apply: async clients => {
			const out = await changes.sendTestMessage(clients, message);
			if (out.messageId) onSent(clients, out.messageId);
			return out;
		},
	};
}
const CONFIG_SETS = 'config-sets';
const configSetScope = (name: string) => `config-set/${name}`;
const configSetReloads = (name: string) => [CONFIG_SETS, configSetScope(name)];

export function configSetCreateEdit(connection: Connection, name: string): StagedEdit {
	return {
		id: `config-set|${name}`,
		scope: CONFIG_SETS,
		rowKey: name,
		what: `New configuration set ${name}`,
		before: '',
		after: `${name}, no event destinations yet`,
		cli: [awsCli(connection, sms, 'create-configuration-set', {'configuration-set-name': name})],
		kind: 'add',
		connection,
		reloads: configSetReloads(name),
		apply: clients => changes.createConfigurationSet(clients, name),
	};
}

export function configSetDeleteEdit(connection: Connection, name: string, destinations: number): StagedEdit {
	return {
		id: `config-set|${name}`,
		scope: CONFIG_SETS,
		rowKey: name,
		what: `Delete configuration set ${name}`,
		before: `${name} with ${destinations} event destination${destinations === 1 ? '' : 's'}`,
		after: 'deleted (sends that name it are refused)',
		cli: [awsCli(connection, sms, 'delete-configuration-set', {'configuration-set-name': name})],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: configSetReloads(name),
		apply: clients => changes.deleteConfigurationSet(clients, name),
	};
}

const destinationId = (configSet: string, name: string) => `destination|${configSet}|${name}`;

/** Creates the log group; one that already exists (made by an earlier, partly applied attempt) is fine. */
async function ensureLogGroup(clients: Parameters<StagedEdit['apply']>[0], name: string): Promise<changes.ChangeResult & {detail: string}> {
	try {
		const out = await changes.createLogGroup(clients, name);
		return {requestId: out.requestId, detail: `log group ${name} created`};
	} catch (error) {
		if ((error as {name?: string}).name === 'ResourceAlreadyExistsException') return {detail: `log group ${name} already there`};
		throw error;
	}
}

function logGroupCli(connection: Connection, name: string): string {
	return awsCli(connection, 'logs', 'create-log-group', {'log-group-name': name});
}

/** A new event destination, with its log group created first when `createLogGroup` names it. */
export function destinationAddEdit(connection: Connection, configSet: string, spec: DestinationSpec, createLogGroup?: string): StagedEdit {
	const target = spec.kind === 'cloudwatch-logs' ? logGroupOfArn(spec.targetArn) : spec.targetArn;
	return {
		id: destinationId(configSet, spec.name),
		scope: configSetScope(configSet),
		rowKey: spec.name,
		what: `New ${KIND_LABEL[spec.kind]} event destination ${spec.name} on ${configSet}${createLogGroup ? ` (and its log group ${createLogGroup})` : ''}`,
		before: '',
		after: `enabled, ${spec.eventTypes.join(' ')} → ${target}`,
		cli: [
			...(createLogGroup ? [logGroupCli(connection, createLogGroup)] : []),
			awsCli(connection, sms, 'create-event-destination', {
				'configuration-set-name': configSet,
				'event-destination-name': spec.name,
				'matching-event-types': spec.eventTypes,
				...destinationCliArgs(spec),
			}),
		],
		kind: 'add',
		preview: {EventDestinationName: spec.name, Enabled: 'yes', MatchingEventTypes: spec.eventTypes.join(','), Target: target},
		connection,
		reloads: [...configSetReloads(configSet), LOG_GROUPS],
		apply: async clients => {
			const made = createLogGroup ? `${(await ensureLogGroup(clients, createLogGroup)).detail}; ` : '';
			const out = await changes.createEventDestination(clients, {
				configSet,
				name: spec.name,
				eventTypes: spec.eventTypes,
				cloudWatchLogs: spec.kind === 'cloudwatch-logs' ? {IamRoleArn: spec.roleArn ?? '', LogGroupArn: spec.targetArn} : undefined,
				firehose: spec.kind === 'firehose' ? {IamRoleArn: spec.roleArn ?? '', DeliveryStreamArn: spec.targetArn} : undefined,
				sns: spec.kind === 'sns' ? {TopicArn: spec.targetArn} : undefined,
			});
			return {...out, detail: `${made}${out.detail ?? ''}`};
		},
	};
}

export function destinationEnableEdit(connection: Connection, configSet: string, name: string, enable: boolean): StagedEdit {
	return {
		id: destinationId(configSet, name),
		scope: configSetScope(configSet),
		rowKey: name,
		what: `${enable ? 'Enable' : 'Disable'} event destination ${name} on ${configSet}`,
		before: enable ? 'disabled' : 'enabled',
		after: enable ? 'enabled (events are published to it)' : 'disabled (its events are dropped)',
		cli: [awsCli(connection, sms, 'update-event-destination', {'configuration-set-name': configSet, 'event-destination-name': name, enabled: enable})],
		kind: 'change',
		preview: {Enabled: enable ? 'yes' : 'no'},
		connection,
		reloads: configSetReloads(configSet),
		apply: clients => changes.updateEventDestination(clients, configSet, name, {enabled: enable}),
	};
}

export function destinationTypesEdit(connection: Connection, configSet: string, name: string, before: readonly string[], after: readonly string[]): StagedEdit {
	return {
		id: destinationId(configSet, name),
		scope: configSetScope(configSet),
		rowKey: name,
		what: `Event types of destination ${name} on ${configSet}`,
		before: before.join(' ') || '(none)',
		after: after.join(' '),
		cli: [awsCli(connection, sms, 'update-event-destination', {'configuration-set-name': configSet, 'event-destination-name': name, 'matching-event-types': [...after]})],
		kind: 'change',
		preview: {MatchingEventTypes: after.join(',')},
		connection,
		reloads: configSetReloads(configSet),
		apply: clients => changes.updateEventDestination(clients, configSet, name, {eventTypes: [...after]}),
	};
}

export function destinationDeleteEdit(connection: Connection, configSet: string, name: string, target: string): StagedEdit {
	return {
		id: destinationId(configSet, name),
		scope: configSetScope(configSet),
		rowKey: name,
		what: `Delete event destination ${name} on ${configSet}`,
		before: `${name} → ${target}`,
		after: 'deleted (its events go nowhere)',
		cli: [awsCli(connection, sms, 'delete-event-destination', {'configuration-set-name': configSet, 'event-destination-name': name})],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: configSetReloads(configSet),
		apply: clients => changes.deleteEventDestination(clients, configSet, name),
	};
}

export const LOG_GROUPS = 'log-groups';

export function logGroupCreateEdit(connection: Connection, name: string): StagedEdit {
	return {
		id: `log-group|${name}`,
		scope: LOG_GROUPS,
		rowKey: name,
		what: `New CloudWatch Logs group ${name}`,
		before: '(missing: events sent to it are dropped)',
		after: `${name} (no retention limit, events kept until deleted)`,
		cli: [logGroupCli(connection, name)],
		kind: 'add',
		connection,
		reloads: [LOG_GROUPS, CONFIG_SETS],
		apply: clients => ensureLogGroup(clients, name),
	};
}

/** The staged edits of a simulator preflight's named fix, except a destination to create (it needs a form). */
export function repairEdits(connection: Connection, steps: readonly RepairStep[]): StagedEdit[] {
	return steps.flatMap(step => {
		switch (step.kind) {
			case 'createLogGroup':
				return [logGroupCreateEdit(connection, step.logGroup)];
			case 'enableDestination':
				return [destinationEnableEdit(connection, step.configSet, step.destination, true)];
			case 'setEventTypes':
				return [destinationTypesEdit(connection, step.configSet, step.destination, step.before, step.after)];
			default:
				return [];
		}
	});
}
