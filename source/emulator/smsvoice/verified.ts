// Verified destination numbers (the sandbox's allow-list) and the verification-code flow.
// Each SendDestinationNumberVerificationCode makes a new 6-digit code (the earlier one stops working),
// derived from the id and the count of codes sent so that runs are reproducible; admin action
// `verificationCode` returns the last one sent (the real service texts or calls it to the phone).
// Codes are valid 15 minutes; the first code of a number is free, later ones are billed (guide §3.11);
// a number can be deleted 24 hours after creation.
import {createHash} from 'node:crypto';
import {parseE164} from '../../domain/e164.js';
import type {Handler} from '../types.js';
import {conflict, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {newId, newMessageId} from './ids.js';
import {findPhoneNumber, findPool, findSenderIds, requireConfigSet, requireVerified} from './lookup.js';
import type {RegionState, Tag, VerifiedRec} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {tagsOut, verifiedInfo} from './shapes.js';
import type {Svc} from './state.js';
import {addSpend, checkSpend, smsPricePerPart} from './spend.js';
import {checkTags} from './tagRules.js';

export const CODE_VALIDITY_MS = 15 * 60 * 1000;
export const DELETE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The code of the `sent`-th code sent to the number (1 = the first). */
export function codeFor(id: string, sent: number): string {
	const digest = createHash('sha256').update(`${id}:${sent}`).digest();
	return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** The last code sent to the number (a state file from before per-send codes: the old fixed code), or undefined. */
export function verificationCode(rec: VerifiedRec): string | undefined {
	if (rec.codeSentAt === undefined) return undefined;
	if (rec.codesSent) return codeFor(rec.id, rec.codesSent);
	return String(Number.parseInt(rec.id.slice(-8), 16) % 1_000_000).padStart(6, '0');
}

export function isVerifiedDestination(rs: RegionState, e164: string): boolean {
	return Object.values(rs.verified).some(v => v.phoneNumber === e164 && v.status === 'VERIFIED');
}

/**
 * Whether a named origination identity can send the code: a phone number of the destination's country with the
 * channel's capability, a pool holding one (or, for TEXT, a sender ID of that country), or a sender ID of that
 * country for TEXT. An identity sends verification messages only within its own country (guide §3.11).
 */
function originationProblem(rs: RegionState, value: string, iso: string | undefined, capability: 'SMS' | 'VOICE'): string | undefined {
	const fits = (pn: {status: string; isoCountryCode: string; capabilities: readonly string[]}) => pn.status === 'ACTIVE' && pn.isoCountryCode === iso && pn.capabilities.includes(capability);
	const pn = findPhoneNumber(rs, value, true);
	if (pn) return fits(pn) ? undefined : `${pn.phoneNumber} cannot send a ${capability} verification code to ${iso ?? 'this country'}: it must be ACTIVE, in the destination's country and ${capability}-capable.`;
	const pool = findPool(rs, value);
	if (pool) {
		const ok = pool.members.some(m =>
			m.kind === 'phone' ? Boolean(rs.phoneNumbers[m.id] && fits(rs.phoneNumbers[m.id])) : capability === 'SMS' && m.isoCountryCode === iso,
		);
		return ok ? undefined : `Pool ${pool.id} holds no identity that can send a ${capability} verification code to ${iso ?? 'this country'}.`;
	}
	const senders = findSenderIds(rs, value);
	if (senders.length > 0) {
		if (capability !== 'SMS') return 'A sender ID cannot send a VOICE verification code.';
		return senders.some(sid => sid.isoCountryCode === iso) ? undefined : `Sender ID ${value} is not registered for ${iso ?? 'this country'}.`;
	}
	return 'The origination identity does not exist in this region.';
}

/** An ACTIVE, non-simulator number of the destination's country that can carry the channel. */
function hasSenderFor(rs: RegionState, iso: string | undefined, capability: 'SMS' | 'VOICE'): boolean {
	return Object.values(rs.phoneNumbers).some(
		p => p.status === 'ACTIVE' && p.numberType !== 'SIMULATOR' && p.isoCountryCode === iso && p.capabilities.includes(capability),
	);
}

export function verifiedHandlers(svc: Svc): Record<string, Handler> {
	return {
		CreateVerifiedDestinationNumber(input: {DestinationPhoneNumber: string; Tags?: Tag[]; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateVerifiedDestinationNumber', input.ClientToken, () => {
				const parsed = parseE164(input.DestinationPhoneNumber);
				if (!parsed.ok) throw validation('INVALID_PARAMETER', `Not an E.164 phone number: ${parsed.reason}`, 'DestinationPhoneNumber');
				const existing = Object.values(rs.verified).find(v => v.phoneNumber === parsed.e164);
				if (existing) throw conflict('RESOURCE_ALREADY_EXISTS', 'verified-destination-number', existing.id, `${parsed.e164} is already a verified destination number.`);
				if (Object.keys(rs.verified).length >= rs.limits.VERIFIED_DESTINATION_NUMBERS) {
					throw quota('VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT', `You can have at most ${rs.limits.VERIFIED_DESTINATION_NUMBERS} verified destination numbers.`);
				}
				if (input.Tags) checkTags(rs, input.Tags);
				const id = newId('verified');
				const rec: VerifiedRec = {
					id,
					arn: svc.arn(rs, `verified-destination-number/${id}`),
					phoneNumber: parsed.e164,
					status: 'PENDING',
					created: svc.now(),
					tags: input.Tags ? tagsOut(input.Tags) : [],
				};
				rs.verified[id] = rec;
				svc.dirty();
				return {...verifiedInfo(rec), Tags: tagsOut(rec.tags)};
			});
		},

		DescribeVerifiedDestinationNumbers(
			input: PageInput & {VerifiedDestinationNumberIds?: string[]; DestinationPhoneNumbers?: string[]; Filters?: Filter[]},
			ctx,
		) {
			const rs = svc.region(ctx);
			let items = Object.values(rs.verified);
			if (input.VerifiedDestinationNumberIds && input.VerifiedDestinationNumberIds.length > 0) {
				items = input.VerifiedDestinationNumberIds.map(id => requireVerified(rs, id));
			}
			if (input.DestinationPhoneNumbers && input.DestinationPhoneNumbers.length > 0) {
				const wanted = new Set(input.DestinationPhoneNumbers);
				items = items.filter(v => wanted.has(v.phoneNumber));
			}
			const filtered = applyFilters(items, input.Filters, {status: v => v.status, 'rcs-agent-id': () => undefined});
			const {page, NextToken} = paginate('DescribeVerifiedDestinationNumbers', filtered, input);
			return withToken({VerifiedDestinationNumbers: page.map(verifiedInfo)}, NextToken);
		},

		SendDestinationNumberVerificationCode(
			input: {VerifiedDestinationNumberId: string; VerificationChannel: 'TEXT' | 'VOICE'; OriginationIdentity?: string; ConfigurationSetName?: string},
			ctx,
		) {
			const rs = svc.region(ctx);
			const rec = requireVerified(rs, input.VerifiedDestinationNumberId);
			if (rec.status === 'VERIFIED') throw conflict('VERIFICATION_ALREADY_COMPLETE', 'verified-destination-number', rec.id, 'The number is already verified.');
			const capability = input.VerificationChannel === 'VOICE' ? 'VOICE' : 'SMS';
			const parsed = parseE164(rec.phoneNumber);
			const iso = parsed.ok ? parsed.isoCountryCode : undefined;
			if (input.ConfigurationSetName) requireConfigSet(rs, input.ConfigurationSetName);
			if (input.OriginationIdentity) {
				const problem = originationProblem(rs, input.OriginationIdentity, iso, capability);
				if (problem) throw conflict('NO_ORIGINATION_IDENTITIES_FOUND', 'phone-number', input.OriginationIdentity, problem);
			} else if (!hasSenderFor(rs, iso, capability)) {
				throw conflict(
					'NO_ORIGINATION_IDENTITIES_FOUND',
					'verified-destination-number',
					rec.id,
					`No ACTIVE ${capability}-capable phone number in ${iso ?? 'the destination country'} can send the verification code.`,
				);
			}
			// The first code of a number is free; later ones cost a message (guide §3.11).
			const channel = capability === 'VOICE' ? 'VOICE' : 'TEXT';
			const cost = (rec.codesSent ?? 0) > 0 ? smsPricePerPart(iso ?? '') : 0;
			const now = svc.now();
			if (cost > 0) checkSpend(rs, channel, cost, now);
			if (cost > 0) addSpend(rs, channel, cost, now);
			rec.codesSent = (rec.codesSent ?? 0) + 1;
			rec.codeSentAt = now;
			svc.dirty();
			return {MessageId: newMessageId()};
		},

		VerifyDestinationNumber(input: {VerifiedDestinationNumberId: string; VerificationCode: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireVerified(rs, input.VerifiedDestinationNumberId);
			if (rec.status === 'VERIFIED') throw conflict('VERIFICATION_ALREADY_COMPLETE', 'verified-destination-number', rec.id, 'The number is already verified.');
			if (rec.codeSentAt === undefined) {
				throw validation('VERIFICATION_CODE_MISMATCH', 'No verification code was sent to this number yet.', 'VerificationCode');
			}
			if (svc.now() - rec.codeSentAt > CODE_VALIDITY_MS) {
				throw conflict('VERIFICATION_CODE_EXPIRED', 'verified-destination-number', rec.id, 'The verification code expired; send a new one.');
			}
			if (input.VerificationCode !== verificationCode(rec)) {
				// Only the last code sent counts; an earlier one is as wrong as a guess.
				throw validation('VERIFICATION_CODE_MISMATCH', 'The verification code does not match.', 'VerificationCode');
			}
			rec.status = 'VERIFIED';
			delete rec.codeSentAt;
			svc.dirty();
			return verifiedInfo(rec);
		},

		DeleteVerifiedDestinationNumber(input: {VerifiedDestinationNumberId: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireVerified(rs, input.VerifiedDestinationNumberId);
			if (svc.now() - rec.created < DELETE_AFTER_MS) {
				throw conflict('RESOURCE_DELETION_NOT_ALLOWED', 'verified-destination-number', rec.id, 'A verified destination number can be deleted 24 hours after it was added.');
			}
			delete rs.verified[rec.id];
			svc.dirty();
			const info = verifiedInfo(rec);
			delete (info as {Status?: string}).Status;
			return info;
		},
	};
}
