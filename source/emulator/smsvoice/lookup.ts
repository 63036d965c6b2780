// Resolving the "IdOrArn" / "NameOrArn" members to records; unknown → ResourceNotFoundException.
import {notFound} from './errors.js';
import {isArn, parseSmsArn} from './ids.js';
import type {ConfigSetRec, OptOutListRec, PhoneNumberRec, PoolRec, ProtectRec, RegionState, SenderIdRec, VerifiedRec} from './model.js';

/** The id part of an ARN of the given type in this region, or the value itself when it is not an ARN. */
function idFrom(rs: RegionState, value: string, type: string): string | undefined {
	if (!isArn(value)) return value;
	const parsed = parseSmsArn(value);
	if (!parsed || parsed.type !== type || parsed.region !== rs.region) return undefined;
	return parsed.id;
}

function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
	return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A phone number by id or ARN; with `byNumber`, also by its phone number (E.164 or short code). */
export function findPhoneNumber(rs: RegionState, value: string, byNumber = false): PhoneNumberRec | undefined {
	const direct = own(rs.phoneNumbers, idFrom(rs, value, 'phone-number'));
	if (direct && (!isArn(value) || direct.arn === value)) return direct;
	if (byNumber && /^\+?[0-9]+$/.test(value)) {
		const digits = value.replace(/^\+/, '');
		for (const id in rs.phoneNumbers) {
			const pn = rs.phoneNumbers[id];
			if (pn.phoneNumber.replace(/^\+/, '') === digits) return pn;
		}
	}
	return undefined;
}

export function requirePhoneNumber(rs: RegionState, value: string, byNumber = false): PhoneNumberRec {
	const pn = findPhoneNumber(rs, value, byNumber);
	if (!pn) throw notFound('phone-number', value);
	return pn;
}

export function findPool(rs: RegionState, value: string): PoolRec | undefined {
	const pool = own(rs.pools, idFrom(rs, value, 'pool'));
	return pool && (!isArn(value) || pool.arn === value) ? pool : undefined;
}

export function requirePool(rs: RegionState, value: string): PoolRec {
	const pool = findPool(rs, value);
	if (!pool) throw notFound('pool', value);
	return pool;
}

export function senderKey(senderId: string, isoCountryCode: string): string {
	return `${senderId}/${isoCountryCode}`;
}

/** Sender IDs named by a SenderId or a sender-id ARN (which carries the country). */
export function findSenderIds(rs: RegionState, value: string, isoCountryCode?: string): SenderIdRec[] {
	if (isArn(value)) {
		const id = idFrom(rs, value, 'sender-id');
		const rec = own(rs.senderIds, id);
		return rec && rec.arn === value ? [rec] : [];
	}
	if (isoCountryCode) {
		const rec = own(rs.senderIds, senderKey(value, isoCountryCode));
		return rec ? [rec] : [];
	}
	return Object.values(rs.senderIds).filter(s => s.senderId === value);
}

export function requireSenderId(rs: RegionState, value: string, isoCountryCode: string): SenderIdRec {
	const [rec] = findSenderIds(rs, value, isArn(value) ? undefined : isoCountryCode);
	if (!rec || rec.isoCountryCode !== isoCountryCode) throw notFound('sender-id', value);
	return rec;
}

export function requireConfigSet(rs: RegionState, value: string): ConfigSetRec {
	const rec = own(rs.configSets, idFrom(rs, value, 'configuration-set'));
	if (!rec || (isArn(value) && rec.arn !== value)) throw notFound('configuration-set', value);
	return rec;
}

export function requireOptOutList(rs: RegionState, value: string): OptOutListRec {
	const rec = own(rs.optOutLists, idFrom(rs, value, 'opt-out-list'));
	if (!rec || (isArn(value) && rec.arn !== value)) throw notFound('opt-out-list', value);
	return rec;
}

export function requireProtect(rs: RegionState, value: string): ProtectRec {
	const rec = own(rs.protect, idFrom(rs, value, 'protect-configuration'));
	if (!rec || (isArn(value) && rec.arn !== value)) throw notFound('protect-configuration', value);
	return rec;
}

export function requireVerified(rs: RegionState, value: string): VerifiedRec {
	const rec = own(rs.verified, idFrom(rs, value, 'verified-destination-number'));
	if (!rec || (isArn(value) && rec.arn !== value)) throw notFound('verified-destination-number', value);
	return rec;
}
