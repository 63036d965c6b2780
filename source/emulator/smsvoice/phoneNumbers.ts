// RequestPhoneNumber, DescribePhoneNumbers, UpdatePhoneNumber, ReleasePhoneNumber.
import type {Handler} from '../types.js';
import {associateNumber, dropAssociation, requireRegistration} from './registrations.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {newId} from './ids.js';
import {defaultKeywords} from './keywordsDefaults.js';
import {requireOptOutList, requirePhoneNumber, requirePool} from './lookup.js';
import type {Capability, MessageType, NumberType, PhoneNumberRec, RegionState, Tag} from './model.js';
import {allocateNumber, leasingPrice} from './numberAllocation.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {addMember, checkCanJoin} from './poolRules.js';
import {phoneNumberInfo, tagsOut} from './shapes.js';
import {scheduleActivation, type Svc} from './state.js';
import {isKnownCountry, MMS_COUNTRIES, US_TERRITORIES} from './countries.js';
import {checkTags} from './tagRules.js';

const phoneFilters = {
	status: (p: PhoneNumberRec) => p.status,
	'iso-country-code': (p: PhoneNumberRec) => p.isoCountryCode,
	'message-type': (p: PhoneNumberRec) => p.messageType,
	'number-capability': (p: PhoneNumberRec) => p.capabilities,
	'number-type': (p: PhoneNumberRec) => p.numberType,
	'two-way-enabled': (p: PhoneNumberRec) => p.twoWayEnabled,
	'self-managed-opt-outs-enabled': (p: PhoneNumberRec) => p.selfManagedOptOutsEnabled,
	'opt-out-list-name': (p: PhoneNumberRec) => p.optOutListName,
	'deletion-protection-enabled': (p: PhoneNumberRec) => p.deletionProtectionEnabled,
	'two-way-channel-arn': (p: PhoneNumberRec) => p.twoWayChannelArn,
};

interface RequestInput {
	IsoCountryCode: string;
	MessageType: MessageType;
	NumberCapabilities: Capability[];
	NumberType: NumberType;
	OptOutListName?: string;
	PoolId?: string;
	RegistrationId?: string;
	NumberPreference?: {PreferenceType: string[]; Filter: string[]}[];
	InternationalSendingEnabled?: boolean;
	DeletionProtectionEnabled?: boolean;
	Tags?: Tag[];
	ClientToken?: string;
}

/** Delay before a requested LONG_CODE / TOLL_FREE / TEN_DLC number turns ACTIVE. */
export function activationDelayMs(svc: Svc): number {
	return Math.max(1, svc.world.options.eventDelayMs * 2);
}

function checkRequestable(input: RequestInput): void {
	const iso = input.IsoCountryCode;
	if (!isKnownCountry(iso)) throw validation('INVALID_PARAMETER', `Unknown country ${iso}.`, 'IsoCountryCode');
	const caps = input.NumberCapabilities;
	if (caps.includes('RCS')) throw validation('INVALID_PARAMETER', 'RCS numbers are not available.', 'NumberCapabilities');
	if (input.NumberType === 'SIMULATOR' && iso !== 'US') {
		throw validation('INVALID_PARAMETER', 'Origination simulator numbers are available only in the US.', 'IsoCountryCode');
	}
	if ((input.NumberType === 'TOLL_FREE' || input.NumberType === 'TEN_DLC') && !US_TERRITORIES.has(iso)) {
		throw validation('INVALID_PARAMETER', `${input.NumberType} numbers exist only in the US and its territories.`, 'IsoCountryCode');
	}
	if (input.NumberType === 'LONG_CODE' && US_TERRITORIES.has(iso) && (caps.includes('SMS') || caps.includes('MMS'))) {
		throw validation('INVALID_PARAMETER', 'US long codes cannot send application-to-person SMS; request a TEN_DLC or TOLL_FREE number.', 'NumberType');
	}
	if (caps.includes('MMS') && !MMS_COUNTRIES.has(iso)) {
		throw validation('INVALID_PARAMETER', 'MMS-capable numbers exist only in the US and Canada.', 'NumberCapabilities');
	}
}

export function phoneNumberHandlers(svc: Svc): Record<string, Handler> {
	return {
		RequestPhoneNumber(input: RequestInput, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'RequestPhoneNumber', input.ClientToken, () => {
				checkRequestable(input);
				if (Object.keys(rs.phoneNumbers).length >= rs.limits.PHONE_NUMBERS) {
					throw quota('PHONE_NUMBERS_PER_ACCOUNT', `You can have at most ${rs.limits.PHONE_NUMBERS} phone numbers in ${rs.region}.`);
				}
				const list = input.OptOutListName ? requireOptOutList(rs, input.OptOutListName) : undefined;
				const pool = input.PoolId ? requirePool(rs, input.PoolId) : undefined;
				const registration = input.RegistrationId ? requireRegistration(rs, input.RegistrationId) : undefined;
				if (input.Tags) checkTags(rs, input.Tags);
				const exact = input.NumberPreference?.find(p => p.PreferenceType.includes('ExactMatch'))?.Filter[0];
				const now = svc.now();
				const id = newId('phone');
				const pn: PhoneNumberRec = {
					id,
					arn: svc.arn(rs, `phone-number/${id}`),
					phoneNumber: exact ? (exact.startsWith('+') ? exact : `+${exact}`) : allocateNumber(rs, input.IsoCountryCode, input.NumberType),
					status: input.NumberType === 'SIMULATOR' ? 'ACTIVE' : 'PENDING',
					isoCountryCode: input.IsoCountryCode,
					messageType: input.MessageType,
					capabilities: [...new Set(input.NumberCapabilities)],
					numberType: input.NumberType,
					monthlyLeasingPrice: leasingPrice(input.NumberType, input.IsoCountryCode),
					twoWayEnabled: false,
					selfManagedOptOutsEnabled: false,
					optOutListName: list?.name ?? 'Default',
					internationalSendingEnabled: input.InternationalSendingEnabled ?? false,
					deletionProtectionEnabled: input.DeletionProtectionEnabled ?? false,
					created: now,
					tags: input.Tags ? tagsOut(input.Tags) : [],
					keywords: defaultKeywords(),
				};
				if (rs.released?.includes(pn.phoneNumber)) {
					throw validation('INVALID_PARAMETER', `${pn.phoneNumber} was released from this account; a released number can never be obtained again.`, 'NumberPreference');
				}
				if (Object.values(rs.phoneNumbers).some(p => p.phoneNumber === pn.phoneNumber)) {
					throw conflict('RESOURCE_ALREADY_EXISTS', 'phone-number', pn.phoneNumber, `The number ${pn.phoneNumber} is already in your account.`);
				}
				if (pn.status === 'PENDING') {
					pn.activeAt = now + activationDelayMs(svc);
					scheduleActivation(rs, pn.activeAt);
				}
				if (pool) {
					if (list && list.name !== pool.optOutListName) {
						throw conflict('OPT_OUT_LIST_MISMATCH', 'pool', pool.id, `The pool uses the opt-out list ${pool.optOutListName}.`);
					}
					// A number requested into a pool takes the pool's shared settings.
					pn.optOutListName = pool.optOutListName;
					pn.twoWayEnabled = pool.twoWayEnabled;
					pn.twoWayChannelArn = pool.twoWayChannelArn;
					pn.twoWayChannelRole = pool.twoWayChannelRole;
					pn.selfManagedOptOutsEnabled = pool.selfManagedOptOutsEnabled;
					checkCanJoin(rs, pool, {kind: 'phone', rec: pn});
				}
				// Checked before anything is stored; a registration that is not COMPLETE holds the number PENDING.
				if (registration) associateNumber(rs, registration, pn);
				rs.phoneNumbers[id] = pn;
				if (pool) addMember(pool, pn);
				svc.dirty();
				return {...phoneNumberInfo(pn), NumberType: pn.numberType, Tags: tagsOut(pn.tags)};
			});
		},

		DescribePhoneNumbers(input: PageInput & {PhoneNumberIds?: string[]; Filters?: Filter[]; Owner?: string}, ctx) {
			const rs = svc.region(ctx);
			let items: PhoneNumberRec[];
			if (input.Owner === 'SHARED') items = [];
			else if (input.PhoneNumberIds && input.PhoneNumberIds.length > 0) items = input.PhoneNumberIds.map(id => requirePhoneNumber(rs, id));
			else items = Object.values(rs.phoneNumbers);
			const filtered = applyFilters(items, input.Filters, phoneFilters);
			const {page, NextToken} = paginate('DescribePhoneNumbers', filtered, input);
			return withToken({PhoneNumbers: page.map(phoneNumberInfo)}, NextToken);
		},

		UpdatePhoneNumber(
			input: {
				PhoneNumberId: string;
				TwoWayEnabled?: boolean;
				TwoWayChannelArn?: string;
				TwoWayChannelRole?: string;
				SelfManagedOptOutsEnabled?: boolean;
				OptOutListName?: string;
				InternationalSendingEnabled?: boolean;
				DeletionProtectionEnabled?: boolean;
			},
			ctx,
		) {
			const rs = svc.region(ctx);
			const pn = requirePhoneNumber(rs, input.PhoneNumberId);
			// The API reference: "If the origination phone number is associated with a pool, an error is returned."
			if (pn.poolId) {
				throw conflict(
					'PHONE_NUMBER_ASSOCIATED_TO_POOL',
					'phone-number',
					pn.id,
					`The phone number is in the pool ${pn.poolId}: change the settings on the pool, or remove the number from the pool first.`,
				);
			}
			const list = input.OptOutListName ? requireOptOutList(rs, input.OptOutListName) : undefined;
			const twoWay = input.TwoWayEnabled ?? pn.twoWayEnabled;
			const channel = input.TwoWayChannelArn ?? pn.twoWayChannelArn;
			if (twoWay && !channel) throw validation('TWO_WAY_CHANNEL_NOT_PRESENT', 'Two-way messaging needs a TwoWayChannelArn.', 'TwoWayChannelArn');
			if (twoWay && pn.numberType === 'SIMULATOR') throw validation('INVALID_PARAMETER', 'Simulator numbers cannot receive messages.', 'TwoWayEnabled');
			const selfManaged = input.SelfManagedOptOutsEnabled ?? pn.selfManagedOptOutsEnabled;
			if (selfManaged && !twoWay) throw validation('TWO_WAY_NOT_ENABLED', 'Self-managed opt-outs need two-way messaging.', 'SelfManagedOptOutsEnabled');
			pn.twoWayEnabled = twoWay;
			if (input.TwoWayChannelArn !== undefined) pn.twoWayChannelArn = input.TwoWayChannelArn;
			if (input.TwoWayChannelRole !== undefined) pn.twoWayChannelRole = input.TwoWayChannelRole;
			pn.selfManagedOptOutsEnabled = selfManaged;
			if (list) pn.optOutListName = list.name;
			if (input.InternationalSendingEnabled !== undefined) pn.internationalSendingEnabled = input.InternationalSendingEnabled;
			if (input.DeletionProtectionEnabled !== undefined) pn.deletionProtectionEnabled = input.DeletionProtectionEnabled;
			svc.dirty();
			return phoneNumberInfo(pn);
		},

		ReleasePhoneNumber(input: {PhoneNumberId: string}, ctx) {
			const rs = svc.region(ctx);
			const pn = requirePhoneNumber(rs, input.PhoneNumberId);
			if (pn.deletionProtectionEnabled) {
				throw conflict('DELETION_PROTECTION_ENABLED', 'phone-number', pn.id, 'Turn deletion protection off before releasing the phone number.');
			}
			if (pn.poolId) {
				throw conflict('PHONE_NUMBER_ASSOCIATED_TO_POOL', 'phone-number', pn.id, `Remove the phone number from the pool ${pn.poolId} first.`);
			}
			delete rs.phoneNumbers[pn.id];
			(rs.released ??= []).push(pn.phoneNumber);
			if (pn.registrationId) dropAssociation(rs, pn.registrationId, pn.id);
			svc.dirty();
			// Only the members ReleasePhoneNumberResult has.
			const info = phoneNumberInfo(pn);
			const modeled = ['PhoneNumberArn', 'PhoneNumberId', 'PhoneNumber', 'IsoCountryCode', 'MessageType', 'NumberCapabilities', 'NumberType', 'MonthlyLeasingPrice', 'TwoWayEnabled', 'TwoWayChannelArn', 'TwoWayChannelRole', 'SelfManagedOptOutsEnabled', 'OptOutListName', 'RegistrationId', 'CreatedTimestamp'];
			return {...Object.fromEntries(modeled.filter(k => info[k] !== undefined).map(k => [k, info[k]])), NumberType: pn.numberType, Status: 'DELETED'};
		},
	};
}

export function phoneNumberCount(rs: RegionState): number {
	return Object.keys(rs.phoneNumbers).length;
}
