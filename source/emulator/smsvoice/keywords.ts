// DescribeKeywords, PutKeyword (upsert), DeleteKeyword on a phone number or a pool.
// HELP and STOP are on every number and pool and cannot be deleted; their response texts can be
// changed, their actions cannot (HELP answers, STOP opts out), and on US toll-free numbers neither
// can change. Every mandatory opt-out keyword keeps OPT_OUT and cannot be deleted. A number inside a
// pool answers with the pool's keywords; changing them must go to the pool.
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {isArn, parseSmsArn} from './ids.js';
import {fixedAction, OPT_OUT_KEYWORDS, PROTECTED_KEYWORDS} from './keywordsDefaults.js';
import {findPhoneNumber, findPool, findSenderIds} from './lookup.js';
import type {KeywordAction, KeywordRec, PhoneNumberRec, PoolRec, RegionState} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import type {Svc} from './state.js';

export interface KeywordOwner {
	kind: 'phone' | 'pool';
	id: string;
	arn: string;
	keywords: KeywordRec[];
	/** The number asked about, when its keywords live on its pool. */
	viaNumber?: PhoneNumberRec;
	number?: PhoneNumberRec;
	pool?: PoolRec;
}

/** The keyword owner of a phone number (its pool when it is in one) or of a pool. */
export function keywordOwner(rs: RegionState, value: string): KeywordOwner {
	const pool = findPool(rs, value);
	if (pool) return {kind: 'pool', id: pool.id, arn: pool.arn, keywords: pool.keywords, pool};
	const pn = findPhoneNumber(rs, value, true);
	if (pn) {
		const inPool = pn.poolId ? rs.pools[pn.poolId] : undefined;
		if (inPool) return {kind: 'pool', id: inPool.id, arn: inPool.arn, keywords: inPool.keywords, viaNumber: pn, pool: inPool};
		return {kind: 'phone', id: pn.id, arn: pn.arn, keywords: pn.keywords, number: pn};
	}
	// A sender ID is an origination identity too, but one-way: it has no keywords. Say so, naming it.
	const senders = findSenderIds(rs, value);
	if (senders.length > 0) {
		throw validation('INVALID_PARAMETER', `${senders[0].senderId} is a sender ID: sender IDs cannot receive messages, so they have no keywords (keywords belong to phone numbers and pools).`, 'OriginationIdentity');
	}
	const arnType = isArn(value) ? parseSmsArn(value)?.type : undefined;
	const type = /^pool-/.test(value) || arnType === 'pool' ? 'pool' : arnType === 'sender-id' ? 'sender-id' : 'phone-number';
	throw notFound(type, value);
}

function forChange(rs: RegionState, value: string): KeywordOwner {
	const owner = keywordOwner(rs, value);
	if (owner.viaNumber) {
		throw conflict(
			'PHONE_NUMBER_ASSOCIATED_TO_POOL',
			'phone-number',
			owner.viaNumber.id,
			`The phone number is in the pool ${owner.id}; change keywords on the pool.`,
		);
	}
	return owner;
}

/** A US toll-free number, or a pool holding one: the carriers handle its HELP, STOP and opt-outs. */
function usTollFree(rs: RegionState, owner: KeywordOwner): boolean {
	const tfn = (n: PhoneNumberRec) => n.numberType === 'TOLL_FREE' && n.isoCountryCode === 'US';
	if (owner.number) return tfn(owner.number);
	if (owner.pool) return Object.values(rs.phoneNumbers).some(n => n.poolId === owner.pool!.id && tfn(n));
	return false;
}

function same(a: string, b: string): boolean {
	return a.toUpperCase() === b.toUpperCase();
}

function keywordInfo(k: KeywordRec): Record<string, string> {
	return {Keyword: k.keyword, KeywordMessage: k.message, KeywordAction: k.action};
}

export function keywordHandlers(svc: Svc): Record<string, Handler> {
	return {
		DescribeKeywords(input: PageInput & {OriginationIdentity: string; Keywords?: string[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const owner = keywordOwner(rs, input.OriginationIdentity);
			let items = owner.keywords;
			if (input.Keywords && input.Keywords.length > 0) {
				items = input.Keywords.map(w => {
					const found = owner.keywords.find(k => same(k.keyword, w));
					if (!found) throw notFound('keyword', w);
					return found;
				});
			}
			const filtered = applyFilters(items, input.Filters, {'keyword-action': k => k.action});
			const {page, NextToken} = paginate('DescribeKeywords', filtered, input);
			return withToken({OriginationIdentityArn: owner.arn, OriginationIdentity: owner.id, Keywords: page.map(keywordInfo)}, NextToken);
		},

		PutKeyword(input: {OriginationIdentity: string; Keyword: string; KeywordMessage: string; KeywordAction?: KeywordAction}, ctx) {
			const rs = svc.region(ctx);
			const owner = forChange(rs, input.OriginationIdentity);
			const word = input.Keyword;
			if (word !== word.trim()) throw validation('INVALID_PARAMETER', 'A keyword cannot start or end with a space.', 'Keyword');
			const name = word.toUpperCase();
			const tollFree = usTollFree(rs, owner);
			if (tollFree && PROTECTED_KEYWORDS.has(name)) {
				throw conflict('RESOURCE_MODIFICATION_NOT_ALLOWED', 'keyword', name, `The keyword ${name} cannot be changed on a US toll-free number.`);
			}
			// HELP and the mandatory opt-out keywords keep their action; left out, it is the fixed one.
			const fixed = fixedAction(name);
			const action = input.KeywordAction ?? fixed ?? 'AUTOMATIC_RESPONSE';
			if (fixed && action !== fixed) {
				throw conflict('RESOURCE_MODIFICATION_NOT_ALLOWED', 'keyword', name, `The action of the keyword ${name} must be ${fixed}.`);
			}
			if (tollFree && (action === 'OPT_OUT' || OPT_OUT_KEYWORDS.has(name))) {
				throw conflict('RESOURCE_MODIFICATION_NOT_ALLOWED', 'keyword', word, 'Toll-free opt-outs are handled by the carriers: only STOP opts out.');
			}
			const existing = owner.keywords.find(k => same(k.keyword, word));
			if (existing) {
				existing.message = input.KeywordMessage;
				existing.action = action;
			} else {
				if (owner.keywords.length >= rs.limits.KEYWORDS_PER_ORIGINATOR) {
					throw quota(
						owner.kind === 'pool' ? 'KEYWORDS_PER_POOL' : 'KEYWORDS_PER_PHONE_NUMBER',
						`At most ${rs.limits.KEYWORDS_PER_ORIGINATOR} keywords per ${owner.kind === 'pool' ? 'pool' : 'phone number'}.`,
					);
				}
				owner.keywords.push({keyword: word, message: input.KeywordMessage, action});
			}
			svc.dirty();
			return {OriginationIdentityArn: owner.arn, OriginationIdentity: owner.id, Keyword: word, KeywordMessage: input.KeywordMessage, KeywordAction: action};
		},

		DeleteKeyword(input: {OriginationIdentity: string; Keyword: string}, ctx) {
			const rs = svc.region(ctx);
			const owner = forChange(rs, input.OriginationIdentity);
			const name = input.Keyword.toUpperCase();
			if (PROTECTED_KEYWORDS.has(name) || OPT_OUT_KEYWORDS.has(name)) {
				throw conflict('RESOURCE_DELETION_NOT_ALLOWED', 'keyword', name, `The keyword ${name} cannot be deleted.`);
			}
			const index = owner.keywords.findIndex(k => same(k.keyword, input.Keyword));
			if (index < 0) throw notFound('keyword', input.Keyword);
			const [removed] = owner.keywords.splice(index, 1);
			svc.dirty();
			return {OriginationIdentityArn: owner.arn, OriginationIdentity: owner.id, ...keywordInfo(removed)};
		},
	};
}
