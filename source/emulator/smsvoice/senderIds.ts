// RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId.
import type {Handler} from '../types.js';
import {conflict, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {requireSenderId, senderKey} from './lookup.js';
import type {MessageType, SenderIdRec, Tag} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {poolsWithSender} from './poolRules.js';
import {senderIdInfo, tagsOut} from './shapes.js';
import type {Svc} from './state.js';
import {isKnownCountry, SENDER_ID_REGISTRATION_REQUIRED, SENDER_ID_UNSUPPORTED} from './countries.js';
import {checkTags} from './tagRules.js';

const senderFilters = {
	'sender-id': (s: SenderIdRec) => s.senderId,
	'iso-country-code': (s: SenderIdRec) => s.isoCountryCode,
	'message-type': (s: SenderIdRec) => s.messageTypes,
	'deletion-protection-enabled': (s: SenderIdRec) => s.deletionProtectionEnabled,
	registered: (s: SenderIdRec) => s.registered,
};

/**
 * The guide's format rules: letters, digits and hyphens only, at least one letter (not all numeric),
 * at most 11 characters. (The guide also says "3–11" in one place and "1–11" in another; we follow
 * the model's 1..11.)
 */
function checkSenderIdFormat(value: string): void {
	if (!/^[A-Za-z0-9-]{1,11}$/.test(value) || !/[A-Za-z]/.test(value)) {
		throw validation('INVALID_PARAMETER', 'A sender ID has 1–11 letters, digits or hyphens and at least one letter.', 'SenderId');
	}
}

export function senderIdHandlers(svc: Svc): Record<string, Handler> {
	return {
		RequestSenderId(
			input: {SenderId: string; IsoCountryCode: string; MessageTypes?: MessageType[]; DeletionProtectionEnabled?: boolean; Tags?: Tag[]; ClientToken?: string},
			ctx,
		) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'RequestSenderId', input.ClientToken, () => {
				const iso = input.IsoCountryCode;
				checkSenderIdFormat(input.SenderId);
				if (!isKnownCountry(iso)) throw validation('INVALID_PARAMETER', `Unknown country ${iso}.`, 'IsoCountryCode');
				if (SENDER_ID_UNSUPPORTED.has(iso)) throw validation('SENDER_ID_NOT_SUPPORTED', `Sender IDs are not supported in ${iso}.`, 'IsoCountryCode');
				if (SENDER_ID_REGISTRATION_REQUIRED.has(iso)) {
					throw validation('SENDER_ID_REQUIRES_REGISTRATION', `Sender IDs in ${iso} must be registered first.`, 'IsoCountryCode');
				}
				const key = senderKey(input.SenderId, iso);
				if (rs.senderIds[key]) throw conflict('RESOURCE_ALREADY_EXISTS', 'sender-id', input.SenderId, `The sender ID ${input.SenderId} already exists for ${iso}.`);
				if (Object.keys(rs.senderIds).length >= rs.limits.SENDER_IDS) {
					throw quota('SENDER_IDS_PER_ACCOUNT', `You can have at most ${rs.limits.SENDER_IDS} sender IDs in ${rs.region}.`);
				}
				if (input.Tags) checkTags(rs, input.Tags);
				const rec: SenderIdRec = {
					senderId: input.SenderId,
					isoCountryCode: iso,
					arn: svc.arn(rs, `sender-id/${input.SenderId}/${iso}`),
					messageTypes: input.MessageTypes && input.MessageTypes.length > 0 ? [...new Set(input.MessageTypes)] : ['TRANSACTIONAL', 'PROMOTIONAL'],
					monthlyLeasingPrice: '0.00',
					deletionProtectionEnabled: input.DeletionProtectionEnabled ?? false,
					registered: false,
					created: svc.now(),
					tags: input.Tags ? tagsOut(input.Tags) : [],
				};
				rs.senderIds[key] = rec;
				svc.dirty();
				return {...senderIdInfo(rec), Tags: tagsOut(rec.tags)};
			});
		},

		DescribeSenderIds(input: PageInput & {SenderIds?: {SenderId: string; IsoCountryCode: string}[]; Filters?: Filter[]; Owner?: string}, ctx) {
			const rs = svc.region(ctx);
			let items: SenderIdRec[];
			if (input.Owner === 'SHARED') items = [];
			else if (input.SenderIds && input.SenderIds.length > 0) items = input.SenderIds.map(s => requireSenderId(rs, s.SenderId, s.IsoCountryCode));
			else items = Object.values(rs.senderIds);
			const {page, NextToken} = paginate('DescribeSenderIds', applyFilters(items, input.Filters, senderFilters), input);
			return withToken({SenderIds: page.map(senderIdInfo)}, NextToken);
		},

		UpdateSenderId(input: {SenderId: string; IsoCountryCode: string; DeletionProtectionEnabled?: boolean}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireSenderId(rs, input.SenderId, input.IsoCountryCode);
			if (input.DeletionProtectionEnabled !== undefined) rec.deletionProtectionEnabled = input.DeletionProtectionEnabled;
			svc.dirty();
			return senderIdInfo(rec);
		},

		ReleaseSenderId(input: {SenderId: string; IsoCountryCode: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireSenderId(rs, input.SenderId, input.IsoCountryCode);
			if (rec.deletionProtectionEnabled) {
				throw conflict('DELETION_PROTECTION_ENABLED', 'sender-id', rec.senderId, 'Turn deletion protection off before releasing the sender ID.');
			}
			const pools = poolsWithSender(rs, rec);
			if (pools.length > 0) {
				throw conflict('SENDER_ID_ASSOCIATED_TO_POOL', 'sender-id', rec.senderId, `Remove the sender ID from the pool ${pools[0].id} first.`);
			}
			delete rs.senderIds[senderKey(rec.senderId, rec.isoCountryCode)];
			svc.dirty();
			const info = senderIdInfo(rec);
			delete info.DeletionProtectionEnabled;
			return info;
		},
	};
}
