// Picks the origination identity of a send: a phone number (E.164, id or ARN), a sender ID (name
// or ARN), a pool (id or ARN: its first ACTIVE member that fits), or — when none is given — the
// first ACTIVE number of the account that fits, then a sender ID of the destination country, then
// the configuration set's default sender ID.
import type {SimulatorDestination} from '../../domain/simulatorNumbers.js';
import {conflict, notFound, validation} from './errors.js';
import {isArn, parseSmsArn} from './ids.js';
import {findPhoneNumber, findPool, findSenderIds, senderKey} from './lookup.js';
import type {Capability, Channel, ConfigSetRec, MessageType, PhoneNumberRec, PoolRec, RegionState, SenderIdRec} from './model.js';
import {SENDER_ID_UNSUPPORTED, US_TERRITORIES} from './countries.js';

export interface Origination {
	/** What the recipient sees: the phone number, or the sender ID. */
	display: string;
	phone?: PhoneNumberRec;
	sender?: SenderIdRec;
	pool?: PoolRec;
	optOutListName: string;
	messageType: MessageType;
}

export interface Destination {
	e164: string;
	isoCountryCode: string;
	simulator?: SimulatorDestination;
}

export const CAPABILITY: Readonly<Record<Channel, Capability>> = Object.freeze({TEXT: 'SMS', MEDIA: 'MMS', VOICE: 'VOICE'});

function sameCountry(a: string, b: string): boolean {
	return a === b || (US_TERRITORIES.has(a) && US_TERRITORIES.has(b));
}

/** A simulator number reaches only simulator destinations of its own country; others their own country. */
export function fitsDestination(pn: PhoneNumberRec, dest: Destination): boolean {
	if (pn.numberType === 'SIMULATOR') return dest.simulator !== undefined && dest.simulator.isoCountryCode === pn.isoCountryCode;
	return sameCountry(pn.isoCountryCode, dest.isoCountryCode) || pn.internationalSendingEnabled;
}

function usablePhone(pn: PhoneNumberRec, channel: Channel, dest: Destination): boolean {
	return pn.status === 'ACTIVE' && pn.capabilities.includes(CAPABILITY[channel]) && fitsDestination(pn, dest);
}

function fromPhone(rs: RegionState, pn: PhoneNumberRec, pool?: PoolRec): Origination {
	const owner = pool ?? (pn.poolId ? rs.pools[pn.poolId] : undefined);
	return {display: pn.phoneNumber, phone: pn, pool, optOutListName: owner?.optOutListName ?? pn.optOutListName, messageType: pn.messageType};
}

function fromSender(s: SenderIdRec, pool?: PoolRec): Origination {
	return {display: s.senderId, sender: s, pool, optOutListName: pool?.optOutListName ?? 'Default', messageType: pool?.messageType ?? s.messageTypes[0] ?? 'TRANSACTIONAL'};
}

function checkPhone(pn: PhoneNumberRec, channel: Channel, dest: Destination): void {
	if (pn.status !== 'ACTIVE') throw conflict('RESOURCE_NOT_ACTIVE', 'phone-number', pn.id, `The phone number is ${pn.status}, not ACTIVE.`);
	if (!pn.capabilities.includes(CAPABILITY[channel])) {
		throw conflict('NUMBER_CAPABILITIES_MISMATCH', 'phone-number', pn.id, `The phone number cannot send ${CAPABILITY[channel]}.`);
	}
	if (!fitsDestination(pn, dest)) {
		throw validation(
			'INVALID_IDENTITY_FOR_DESTINATION_COUNTRY',
			pn.numberType === 'SIMULATOR'
				? `A simulator number sends only to destination simulator numbers of ${pn.isoCountryCode}.`
				: `The ${pn.isoCountryCode} phone number cannot send to ${dest.isoCountryCode}.`,
			'OriginationIdentity',
		);
	}
}

function fromPool(rs: RegionState, pool: PoolRec, channel: Channel, dest: Destination): Origination {
	for (const m of pool.members) {
		if (m.kind === 'phone') {
			const pn = rs.phoneNumbers[m.id];
			if (pn && usablePhone(pn, channel, dest)) return fromPhone(rs, pn, pool);
		} else if (channel === 'TEXT' && m.isoCountryCode === dest.isoCountryCode) {
			const s = rs.senderIds[senderKey(m.senderId, m.isoCountryCode)];
			if (s) return fromSender(s, pool);
		}
	}
	throw conflict('NO_ORIGINATION_IDENTITIES_FOUND', 'pool', pool.id, `The pool has no ACTIVE ${CAPABILITY[channel]} identity for ${dest.isoCountryCode}.`);
}

export function resolveOrigination(rs: RegionState, value: string | undefined, channel: Channel, dest: Destination, configSet?: ConfigSetRec): Origination {
	if (value !== undefined) {
		const pool = findPool(rs, value);
		if (pool) return fromPool(rs, pool, channel, dest);
		const pn = findPhoneNumber(rs, value, true);
		if (pn) {
			checkPhone(pn, channel, dest);
			return fromPhone(rs, pn);
		}
		const type = isArn(value) ? parseSmsArn(value)?.type : undefined;
		if (/^pool-/.test(value) || type === 'pool') throw notFound('pool', value);
		if (/^phone-/.test(value) || /^\+?[0-9]+$/.test(value) || type === 'phone-number') throw notFound('phone-number', value);
		const senders = findSenderIds(rs, value);
		if (senders.length === 0) throw notFound('sender-id', value);
		if (channel === 'VOICE') throw validation('VOICE_CAPABILITY_NOT_AVAILABLE', 'Sender IDs cannot place voice calls.', 'OriginationIdentity');
		if (channel === 'MEDIA') throw conflict('NUMBER_CAPABILITIES_MISMATCH', 'sender-id', value, 'Sender IDs cannot send MMS.');
		const s = senders.find(x => x.isoCountryCode === dest.isoCountryCode);
		if (!s) throw validation('INVALID_IDENTITY_FOR_DESTINATION_COUNTRY', `The sender ID ${value} is not set up for ${dest.isoCountryCode}.`, 'OriginationIdentity');
		return fromSender(s);
	}
	const numbers = Object.values(rs.phoneNumbers).filter(pn => usablePhone(pn, channel, dest));
	const preferred = numbers.find(pn => (pn.numberType === 'SIMULATOR') === (dest.simulator !== undefined)) ?? numbers[0];
	if (preferred) return fromPhone(rs, preferred);
	if (channel === 'TEXT') {
		const s = Object.values(rs.senderIds).find(x => x.isoCountryCode === dest.isoCountryCode);
		if (s) return fromSender(s);
		if (configSet?.defaultSenderId && !SENDER_ID_UNSUPPORTED.has(dest.isoCountryCode)) {
			return {display: configSet.defaultSenderId, optOutListName: 'Default', messageType: 'TRANSACTIONAL'};
		}
	}
	throw conflict('NO_ORIGINATION_IDENTITIES_FOUND', 'phone-number', dest.e164, `No origination identity of the account can send ${CAPABILITY[channel]} to ${dest.isoCountryCode}.`);
}
