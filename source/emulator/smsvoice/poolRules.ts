// What an origination identity must share with a pool to join it, and membership bookkeeping.
import {conflict, quota} from './errors.js';
import {senderKey} from './lookup.js';
import type {PhoneNumberRec, PoolRec, RegionState, SenderIdRec} from './model.js';

export type Joining = {kind: 'phone'; rec: PhoneNumberRec} | {kind: 'sender'; rec: SenderIdRec};

export function isMember(pool: PoolRec, joining: Joining): boolean {
	return pool.members.some(m =>
		joining.kind === 'phone'
			? m.kind === 'phone' && m.id === joining.rec.id
			: m.kind === 'sender' && m.senderId === joining.rec.senderId && m.isoCountryCode === joining.rec.isoCountryCode,
	);
}

export function checkCanJoin(rs: RegionState, pool: PoolRec, joining: Joining): void {
	if (joining.kind === 'phone') {
		const pn = joining.rec;
		if (pn.poolId === pool.id) throw conflict('RESOURCE_ALREADY_ASSOCIATED', 'phone-number', pn.id, `The phone number is already in the pool ${pool.id}.`);
		if (pn.poolId) throw conflict('PHONE_NUMBER_ASSOCIATED_TO_POOL', 'phone-number', pn.id, `The phone number is already in the pool ${pn.poolId}.`);
	} else if (isMember(pool, joining)) {
		throw conflict('RESOURCE_ALREADY_ASSOCIATED', 'sender-id', joining.rec.senderId, `The sender ID is already in the pool ${pool.id}.`);
	}
	if (pool.members.length >= rs.limits.IDENTITIES_PER_POOL) {
		throw quota('ORIGINATION_IDENTITIES_PER_POOL', `A pool can hold at most ${rs.limits.IDENTITIES_PER_POOL} origination identities.`);
	}
	if (joining.kind === 'phone') {
		const pn = joining.rec;
		if (pn.messageType !== pool.messageType) {
			throw conflict('MESSAGE_TYPE_MISMATCH', 'phone-number', pn.id, `The phone number's message type ${pn.messageType} differs from the pool's ${pool.messageType}.`);
		}
		if (pn.optOutListName !== pool.optOutListName) {
			throw conflict('OPT_OUT_LIST_MISMATCH', 'phone-number', pn.id, `The phone number uses the opt-out list ${pn.optOutListName}, the pool ${pool.optOutListName}.`);
		}
		if (pn.twoWayEnabled !== pool.twoWayEnabled || (pool.twoWayEnabled && pn.twoWayChannelArn !== pool.twoWayChannelArn)) {
			throw conflict('TWO_WAY_CONFIG_MISMATCH', 'phone-number', pn.id, "The phone number's two-way configuration differs from the pool's.");
		}
		if (pn.selfManagedOptOutsEnabled !== pool.selfManagedOptOutsEnabled) {
			throw conflict('SELF_MANAGED_OPT_OUTS_MISMATCH', 'phone-number', pn.id, "The phone number's self-managed opt-out setting differs from the pool's.");
		}
	} else {
		const s = joining.rec;
		if (s.messageTypes.length > 0 && !s.messageTypes.includes(pool.messageType)) {
			throw conflict('MESSAGE_TYPE_MISMATCH', 'sender-id', s.senderId, `The sender ID does not support the pool's message type ${pool.messageType}.`);
		}
		if (pool.twoWayEnabled) throw conflict('TWO_WAY_CONFIG_MISMATCH', 'sender-id', s.senderId, 'Sender IDs are one-way; the pool has two-way messaging on.');
	}
}

export function addMember(pool: PoolRec, pn: PhoneNumberRec): void {
	pool.members.push({kind: 'phone', id: pn.id});
	pn.poolId = pool.id;
}

export function addSenderMember(pool: PoolRec, s: SenderIdRec): void {
	pool.members.push({kind: 'sender', senderId: s.senderId, isoCountryCode: s.isoCountryCode});
}

export function removeMember(rs: RegionState, pool: PoolRec, joining: Joining): void {
	pool.members = pool.members.filter(m =>
		joining.kind === 'phone'
			? !(m.kind === 'phone' && m.id === joining.rec.id)
			: !(m.kind === 'sender' && m.senderId === joining.rec.senderId && m.isoCountryCode === joining.rec.isoCountryCode),
	);
	if (joining.kind === 'phone') delete joining.rec.poolId;
	void rs;
}

/** Pools holding a given sender ID. */
export function poolsWithSender(rs: RegionState, s: SenderIdRec): PoolRec[] {
	const key = senderKey(s.senderId, s.isoCountryCode);
	return Object.values(rs.pools).filter(p => p.members.some(m => m.kind === 'sender' && senderKey(m.senderId, m.isoCountryCode) === key));
}
