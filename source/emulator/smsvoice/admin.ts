// Admin actions (POST /_smsdeck/<name>) for tests and fault injection.
import {parseE164} from '../../domain/e164.js';
import {notFound, validation} from './errors.js';
import {keywordOwner} from './keywords.js';
import {OPT_OUT_KEYWORDS} from './keywordsDefaults.js';
import {findPhoneNumber} from './lookup.js';
import type {Channel} from './model.js';
import {optOutNumber} from './optOuts.js';
import {round5, spentThisMonth} from './spend.js';
import {monthKey, PRODUCTION_MAX_SPEND, PRODUCTION_TIER, SANDBOX_MAX_SPEND, SANDBOX_TIER, type Svc} from './state.js';
import {verificationCode} from './verified.js';
import {requireRegistration, reviewRegistration} from './registrations.js';

const DEFAULT_REGION = 'us-east-1';
const CHANNELS: Channel[] = ['TEXT', 'MEDIA', 'VOICE'];

function str(body: Record<string, unknown>, key: string, required = true): string | undefined {
	const value = body[key];
	if (value === undefined && !required) return undefined;
	if (typeof value !== 'string' || value === '') throw validation('INVALID_PARAMETER', `${key} must be a non-empty string.`, key);
	return value;
}

export function adminActions(svc: Svc): Record<string, (body: any) => unknown> {
	const regionOf = (body: Record<string, unknown>) => svc.region(str(body, 'region', false) ?? DEFAULT_REGION);
	return {
		/**
		 * A registration review: `outcome` reviewing (SUBMITTED → REVIEWING), approve (→ COMPLETE) or deny
		 * (→ REQUIRES_UPDATES, with `denied`: [{FieldPath, Reason}] and an optional `feedback`).
		 */
		reviewRegistration(body: Record<string, unknown>) {
			const rs = regionOf(body);
			const rec = requireRegistration(rs, str(body, 'RegistrationId')!);
			const outcome = str(body, 'outcome')!;
			if (outcome !== 'reviewing' && outcome !== 'approve' && outcome !== 'deny') throw validation('INVALID_PARAMETER', 'outcome must be reviewing, approve or deny.', 'outcome');
			const denied = Array.isArray(body.denied) ? (body.denied as {FieldPath: string; Reason: string}[]) : [];
			if (denied.some(d => typeof d?.FieldPath !== 'string' || typeof d?.Reason !== 'string')) throw validation('INVALID_PARAMETER', 'denied takes [{FieldPath, Reason}].', 'denied');
			return reviewRegistration(svc, rs, rec, outcome, denied, str(body, 'feedback', false));
		},
		/** An inbound SMS from `from` to our number `to`: keyword handling as the service does it. */
		inbound(body: Record<string, unknown>) {
			const rs = regionOf(body);
			const to = str(body, 'to')!;
			const fromRaw = str(body, 'from')!;
			const text = typeof body.body === 'string' ? body.body : '';
			const pn = findPhoneNumber(rs, to, true);
			if (!pn) throw notFound('phone-number', to);
			const from = parseE164(fromRaw);
			if (!from.ok) throw validation('INVALID_PARAMETER', `from is not an E.164 number: ${from.reason}`, 'from');
			const owner = keywordOwner(rs, pn.id);
			const settings = owner.pool ?? pn;
			const word = text.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
			const matched = owner.keywords.find(k => k.keyword.toUpperCase() === word);
			const list = rs.optOutLists[settings.optOutListName];
			const now = svc.now();
			let action = 'NONE';
			let response: string | undefined;
			let keyword: string | undefined = matched?.keyword;
			if (settings.selfManagedOptOutsEnabled) {
				action = 'FORWARDED_TO_TWO_WAY';
			} else if (matched?.action === 'OPT_OUT' || OPT_OUT_KEYWORDS.has(word)) {
				// A mandatory opt-out keyword always opts out, whatever its stored action says.
				action = 'OPT_OUT';
				keyword = matched?.keyword ?? word;
				response = (matched ?? owner.keywords.find(k => k.keyword.toUpperCase() === 'STOP'))?.message;
				if (list) optOutNumber(list, from.e164, now);
			} else if (matched?.action === 'OPT_IN') {
				action = 'OPT_IN';
				response = matched.message;
				if (list) delete list.numbers[from.e164];
			} else if (matched) {
				action = 'AUTOMATIC_RESPONSE';
				response = matched.message;
			}
			rs.inbound.push({at: now, to: pn.phoneNumber, from: from.e164, body: text, keyword, action});
			if (rs.inbound.length > 1000) rs.inbound.splice(0, rs.inbound.length - 1000);
			svc.dirty();
			return {
				phoneNumberId: pn.id,
				phoneNumber: pn.phoneNumber,
				keywordOwner: owner.id,
				keyword,
				action,
				...(response !== undefined ? {response} : {}),
				optOutListName: settings.optOutListName,
				optedOut: Boolean(list?.numbers[from.e164]),
				twoWay: {enabled: settings.twoWayEnabled, channelArn: settings.twoWayChannelArn, forwarded: settings.twoWayEnabled},
			};
		},

		/** No events for these destination numbers from now on (replaces the previous set). */
		withholdEvents(body: Record<string, unknown>) {
			const numbers = body.numbers;
			if (!Array.isArray(numbers) || numbers.some(n => typeof n !== 'string')) throw validation('INVALID_PARAMETER', 'numbers must be a list of strings.', 'numbers');
			svc.root.withheld = [...new Set(numbers as string[])];
			svc.dirty();
			return {withheld: svc.root.withheld};
		},

		/** SANDBOXED or PRODUCTION; account spend limits move to that tier's defaults. */
		setAccountTier(body: Record<string, unknown>) {
			const rs = regionOf(body);
			const tier = str(body, 'tier')!;
			if (tier !== SANDBOX_TIER && tier !== PRODUCTION_TIER) throw validation('INVALID_PARAMETER', `tier must be ${SANDBOX_TIER} or ${PRODUCTION_TIER}.`, 'tier');
			rs.accountTier = tier;
			rs.spend.maxLimit = {...(tier === PRODUCTION_TIER ? PRODUCTION_MAX_SPEND : SANDBOX_MAX_SPEND)};
			for (const c of CHANNELS) {
				const o = rs.spend.override[c];
				if (o !== undefined && o > rs.spend.maxLimit[c]) rs.spend.override[c] = rs.spend.maxLimit[c];
			}
			svc.dirty();
			return {region: rs.region, tier: rs.accountTier, maxLimit: rs.spend.maxLimit};
		},

		/**
		 * The last code sent to a verified destination number (what the phone received), by `id` or by `number`
		 * (E.164; with `region`, only there). The real service texts or calls it; tests read it here.
		 */
		verificationCode(body: Record<string, unknown>) {
			const id = str(body, 'id', false);
			const number = id === undefined ? str(body, 'number')! : undefined;
			const region = str(body, 'region', false);
			for (const rs of Object.values(svc.root.regions)) {
				if (region && rs.region !== region) continue;
				const rec = id !== undefined ? rs.verified[id] : Object.values(rs.verified).find(v => v.phoneNumber === number);
				if (!rec) continue;
				const code = verificationCode(rec);
				if (code === undefined) throw validation('NO_CODE_SENT', `No verification code was sent to ${rec.phoneNumber} yet.`, 'id');
				return {id: rec.id, number: rec.phoneNumber, code, region: rs.region, codesSent: rec.codesSent ?? 1};
			}
			throw notFound('verified-destination-number', id ?? number ?? '');
		},

		/** This month's spend per channel (USD). */
		spend(body: Record<string, unknown>) {
			const rs = regionOf(body);
			const now = svc.now();
			return {region: rs.region, month: monthKey(now), TEXT: spentThisMonth(rs, 'TEXT', now), MEDIA: spentThisMonth(rs, 'MEDIA', now), VOICE: spentThisMonth(rs, 'VOICE', now)};
		},

		/** Sets this month's spend of a channel, e.g. to test MONTHLY_SPEND_LIMIT_REACHED. */
		setMonthlySpend(body: Record<string, unknown>) {
			const rs = regionOf(body);
			const channel = str(body, 'channel')! as Channel;
			if (!CHANNELS.includes(channel)) throw validation('INVALID_PARAMETER', 'channel must be TEXT, MEDIA or VOICE.', 'channel');
			if (typeof body.amount !== 'number' || body.amount < 0) throw validation('INVALID_PARAMETER', 'amount must be a number ≥ 0.', 'amount');
			const month = (rs.spend.months[monthKey(svc.now())] ??= {});
			month[channel] = round5(body.amount);
			svc.dirty();
			return {region: rs.region, channel, amount: month[channel]};
		},

		/** Messages accepted (newest last), optionally only the last `limit`. */
		sentMessages(body: Record<string, unknown>) {
			const rs = regionOf(body);
			const limit = typeof body.limit === 'number' ? body.limit : rs.sent.length;
			return {messages: rs.sent.slice(-limit)};
		},

		/** Event records delivered to Firehose and SNS destinations. */
		deliveries(body: Record<string, unknown>) {
			return {deliveries: regionOf(body).deliveries};
		},

		/** Inbound messages handled so far. */
		inboundLog(body: Record<string, unknown>) {
			return {inbound: regionOf(body).inbound};
		},
	};
}
