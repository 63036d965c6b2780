// Pools: CreatePool, DescribePools, UpdatePool, DeletePool, Associate/DisassociateOriginationIdentity,
// ListPoolOriginationIdentities.
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {isArn, newId, parseSmsArn} from './ids.js';
import {defaultKeywords} from './keywordsDefaults.js';
import {findPhoneNumber, findSenderIds, requireOptOutList, requirePool, senderKey} from './lookup.js';
import type {MessageType, PoolRec, RegionState, Tag} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {addMember, addSenderMember, checkCanJoin, removeMember, type Joining} from './poolRules.js';
import {poolInfo, tagsOut} from './shapes.js';
import type {Svc} from './state.js';
import {checkTags} from './tagRules.js';

const poolFilters = {
	status: (p: PoolRec) => p.status,
	'message-type': (p: PoolRec) => p.messageType,
	'two-way-enabled': (p: PoolRec) => p.twoWayEnabled,
	'self-managed-opt-outs-enabled': (p: PoolRec) => p.selfManagedOptOutsEnabled,
	'opt-out-list-name': (p: PoolRec) => p.optOutListName,
	'shared-routes-enabled': (p: PoolRec) => p.sharedRoutesEnabled,
	'deletion-protection-enabled': (p: PoolRec) => p.deletionProtectionEnabled,
	'two-way-channel-arn': (p: PoolRec) => p.twoWayChannelArn,
};

/** A phone number (id, ARN or number) or a sender ID (name + country, or ARN). */
export function resolveJoining(rs: RegionState, value: string, iso: string | undefined): Joining {
	const pn = findPhoneNumber(rs, value, true);
	if (pn) {
		if (iso && iso !== pn.isoCountryCode) {
			throw validation('COUNTRY_CODE_MISMATCH', `The phone number is in ${pn.isoCountryCode}, not ${iso}.`, 'IsoCountryCode');
		}
		return {kind: 'phone', rec: pn};
	}
	const looksLikePhone = /^phone-/.test(value) || /^\+?[0-9]+$/.test(value) || (isArn(value) && parseSmsArn(value)?.type === 'phone-number');
	if (looksLikePhone) throw notFound('phone-number', value);
	const senders = findSenderIds(rs, value, iso);
	if (senders.length === 0) throw notFound('sender-id', value);
	if (senders.length > 1) throw validation('MISSING_PARAMETER', 'IsoCountryCode is required to choose a sender ID.', 'IsoCountryCode');
	return {kind: 'sender', rec: senders[0]};
}

function memberMetadata(rs: RegionState, pool: PoolRec): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (const m of pool.members) {
		if (m.kind === 'phone') {
			const pn = rs.phoneNumbers[m.id];
			if (!pn) continue;
			out.push({
				OriginationIdentityArn: pn.arn,
				OriginationIdentity: pn.id,
				IsoCountryCode: pn.isoCountryCode,
				NumberCapabilities: [...pn.capabilities],
				PhoneNumber: pn.phoneNumber,
			});
		} else {
			const s = rs.senderIds[senderKey(m.senderId, m.isoCountryCode)];
			if (!s) continue;
			out.push({OriginationIdentityArn: s.arn, OriginationIdentity: s.senderId, IsoCountryCode: s.isoCountryCode, NumberCapabilities: ['SMS']});
		}
	}
	return out;
}

function joiningIds(j: Joining): {OriginationIdentityArn: string; OriginationIdentity: string; IsoCountryCode: string} {
	return j.kind === 'phone'
		? {OriginationIdentityArn: j.rec.arn, OriginationIdentity: j.rec.id, IsoCountryCode: j.rec.isoCountryCode}
		: {OriginationIdentityArn: j.rec.arn, OriginationIdentity: j.rec.senderId, IsoCountryCode: j.rec.isoCountryCode};
}

export function poolHandlers(svc: Svc): Record<string, Handler> {
	return {
		CreatePool(
			input: {OriginationIdentity: string; IsoCountryCode?: string; MessageType: MessageType; DeletionProtectionEnabled?: boolean; Tags?: Tag[]; ClientToken?: string},
			ctx,
		) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreatePool', input.ClientToken, () => {
				if (Object.keys(rs.pools).length >= rs.limits.POOLS) throw quota('POOLS_PER_ACCOUNT', `You can have at most ${rs.limits.POOLS} pools in ${rs.region}.`);
				const joining = resolveJoining(rs, input.OriginationIdentity, input.IsoCountryCode);
				if (input.Tags) checkTags(rs, input.Tags);
				const id = newId('pool');
				const pool: PoolRec = {
					id,
					arn: svc.arn(rs, `pool/${id}`),
					status: 'ACTIVE',
					messageType: input.MessageType,
					twoWayEnabled: false,
					selfManagedOptOutsEnabled: false,
					optOutListName: 'Default',
					sharedRoutesEnabled: false,
					deletionProtectionEnabled: input.DeletionProtectionEnabled ?? false,
					created: svc.now(),
					tags: input.Tags ? tagsOut(input.Tags) : [],
					keywords: defaultKeywords(),
					members: [],
				};
				if (joining.kind === 'phone') {
					// The pool inherits the first identity's settings.
					const pn = joining.rec;
					pool.keywords = pn.keywords.map(k => ({...k}));
					pool.optOutListName = pn.optOutListName;
					pool.twoWayEnabled = pn.twoWayEnabled;
					pool.twoWayChannelArn = pn.twoWayChannelArn;
					pool.twoWayChannelRole = pn.twoWayChannelRole;
					pool.selfManagedOptOutsEnabled = pn.selfManagedOptOutsEnabled;
				}
				checkCanJoin(rs, pool, joining);
				if (joining.kind === 'phone') addMember(pool, joining.rec);
				else addSenderMember(pool, joining.rec);
				rs.pools[id] = pool;
				svc.dirty();
				return {...poolInfo(pool), Tags: tagsOut(pool.tags)};
			});
		},

		DescribePools(input: PageInput & {PoolIds?: string[]; Filters?: Filter[]; Owner?: string}, ctx) {
			const rs = svc.region(ctx);
			let items: PoolRec[];
			if (input.Owner === 'SHARED') items = [];
			else if (input.PoolIds && input.PoolIds.length > 0) items = input.PoolIds.map(id => requirePool(rs, id));
			else items = Object.values(rs.pools);
			const {page, NextToken} = paginate('DescribePools', applyFilters(items, input.Filters, poolFilters), input);
			return withToken({Pools: page.map(poolInfo)}, NextToken);
		},

		UpdatePool(
			input: {
				PoolId: string;
				TwoWayEnabled?: boolean;
				TwoWayChannelArn?: string;
				TwoWayChannelRole?: string;
				SelfManagedOptOutsEnabled?: boolean;
				OptOutListName?: string;
				SharedRoutesEnabled?: boolean;
				DeletionProtectionEnabled?: boolean;
			},
			ctx,
		) {
			const rs = svc.region(ctx);
			const pool = requirePool(rs, input.PoolId);
			const list = input.OptOutListName ? requireOptOutList(rs, input.OptOutListName) : undefined;
			const twoWay = input.TwoWayEnabled ?? pool.twoWayEnabled;
			const channel = input.TwoWayChannelArn ?? pool.twoWayChannelArn;
			if (twoWay && !channel) throw validation('TWO_WAY_CHANNEL_NOT_PRESENT', 'Two-way messaging needs a TwoWayChannelArn.', 'TwoWayChannelArn');
			const selfManaged = input.SelfManagedOptOutsEnabled ?? pool.selfManagedOptOutsEnabled;
			if (selfManaged && !twoWay) throw validation('TWO_WAY_NOT_ENABLED', 'Self-managed opt-outs need two-way messaging.', 'SelfManagedOptOutsEnabled');
			if (twoWay && pool.members.some(m => m.kind === 'sender')) {
				throw conflict('TWO_WAY_CONFIG_MISMATCH', 'pool', pool.id, 'The pool holds sender IDs, which are one-way.');
			}
			pool.twoWayEnabled = twoWay;
			if (input.TwoWayChannelArn !== undefined) pool.twoWayChannelArn = input.TwoWayChannelArn;
			if (input.TwoWayChannelRole !== undefined) pool.twoWayChannelRole = input.TwoWayChannelRole;
			pool.selfManagedOptOutsEnabled = selfManaged;
			if (list) pool.optOutListName = list.name;
			if (input.SharedRoutesEnabled !== undefined) pool.sharedRoutesEnabled = input.SharedRoutesEnabled;
			if (input.DeletionProtectionEnabled !== undefined) pool.deletionProtectionEnabled = input.DeletionProtectionEnabled;
			// Members follow the pool's shared settings.
			for (const m of pool.members) {
				if (m.kind !== 'phone') continue;
				const pn = rs.phoneNumbers[m.id];
				if (!pn) continue;
				pn.optOutListName = pool.optOutListName;
				pn.twoWayEnabled = pool.twoWayEnabled;
				pn.twoWayChannelArn = pool.twoWayChannelArn;
				pn.twoWayChannelRole = pool.twoWayChannelRole;
				pn.selfManagedOptOutsEnabled = pool.selfManagedOptOutsEnabled;
			}
			svc.dirty();
			return poolInfo(pool);
		},

		DeletePool(input: {PoolId: string}, ctx) {
			const rs = svc.region(ctx);
			const pool = requirePool(rs, input.PoolId);
			if (pool.deletionProtectionEnabled) throw conflict('DELETION_PROTECTION_ENABLED', 'pool', pool.id, 'Turn deletion protection off before deleting the pool.');
			if (pool.status !== 'ACTIVE') throw conflict('RESOURCE_NOT_ACTIVE', 'pool', pool.id, `The pool is ${pool.status}.`);
			// The API reference: deleting a pool disassociates all of its origination identities.
			for (const m of pool.members) if (m.kind === 'phone' && rs.phoneNumbers[m.id]) delete rs.phoneNumbers[m.id].poolId;
			delete rs.pools[pool.id];
			svc.dirty();
			const info = poolInfo(pool);
			delete info.DeletionProtectionEnabled;
			return {...info, Status: 'DELETING'};
		},

		AssociateOriginationIdentity(input: {PoolId: string; OriginationIdentity: string; IsoCountryCode?: string; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'AssociateOriginationIdentity', input.ClientToken, () => {
				const pool = requirePool(rs, input.PoolId);
				const joining = resolveJoining(rs, input.OriginationIdentity, input.IsoCountryCode);
				checkCanJoin(rs, pool, joining);
				if (joining.kind === 'phone') addMember(pool, joining.rec);
				else addSenderMember(pool, joining.rec);
				svc.dirty();
				return {PoolArn: pool.arn, PoolId: pool.id, ...joiningIds(joining)};
			});
		},

		DisassociateOriginationIdentity(input: {PoolId: string; OriginationIdentity: string; IsoCountryCode?: string; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'DisassociateOriginationIdentity', input.ClientToken, () => {
				const pool = requirePool(rs, input.PoolId);
				const joining = resolveJoining(rs, input.OriginationIdentity, input.IsoCountryCode);
				const inPool =
					joining.kind === 'phone'
						? joining.rec.poolId === pool.id
						: pool.members.some(m => m.kind === 'sender' && m.senderId === joining.rec.senderId && m.isoCountryCode === joining.rec.isoCountryCode);
				if (!inPool) {
					throw joining.kind === 'phone'
						? conflict('PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL', 'phone-number', joining.rec.id, `The phone number is not in the pool ${pool.id}.`)
						: notFound('sender-id', joining.rec.senderId, `The sender ID is not in the pool ${pool.id}.`);
				}
				if (pool.members.length <= 1) {
					throw conflict('LAST_PHONE_NUMBER', 'pool', pool.id, 'A pool must keep at least one origination identity; delete the pool instead.');
				}
				removeMember(rs, pool, joining);
				svc.dirty();
				return {PoolArn: pool.arn, PoolId: pool.id, ...joiningIds(joining)};
			});
		},

		ListPoolOriginationIdentities(input: PageInput & {PoolId: string; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const pool = requirePool(rs, input.PoolId);
			const items = applyFilters(memberMetadata(rs, pool), input.Filters, {
				'iso-country-code': m => m.IsoCountryCode as string,
				'number-capability': m => m.NumberCapabilities as string[],
			});
			const {page, NextToken} = paginate('ListPoolOriginationIdentities', items, input);
			return withToken({PoolArn: pool.arn, PoolId: pool.id, OriginationIdentities: page}, NextToken);
		},
	};
}
