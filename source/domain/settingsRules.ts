/**
 * Rules for changing a phone number's or a pool's settings, releasing and requesting numbers (reference facts
 * §3.2, §3.4, §3.5, §3.7; API model UpdatePool, UpdatePhoneNumber, RequestPhoneNumber, ReleasePhoneNumber).
 *
 * - Two-way on needs a channel ARN (TwoWayChannelArn: 20–2048 characters, no whitespace).
 * - Self-managed opt-outs need two-way SMS (guide §3.7).
 * - Opt-out list: 1–64 characters of A–Z a–z 0–9 _ - (a name), or an ARN up to 256.
 * - A number in a pool takes its two-way, opt-out list and self-managed settings from the pool.
 * - Release: refused while deletion protection is on, or while the number is in a pool.
 * - Request: SIMULATOR numbers are US only; MMS only in the US and Canada.
 */
import type {RuleResult} from './keywordRules.js';

const OK: RuleResult = Object.freeze({ok: true});
const fail = (reason: string): RuleResult => ({ok: false, reason});

export const CHANNEL_ARN_MIN = 20;
export const CHANNEL_ARN_MAX = 2048;

export function checkChannelArn(arn: string): RuleResult {
	const n = [...arn].length;
	if (n === 0) return fail('Turning two-way SMS on needs the ARN of its channel (an SNS topic, or connect.<region>.amazonaws.com).');
	if (/\s/.test(arn)) return fail('The two-way channel ARN cannot contain spaces.');
	if (n < CHANNEL_ARN_MIN) return fail(`The two-way channel ARN has at least ${CHANNEL_ARN_MIN} characters (this one has ${n}).`);
	if (n > CHANNEL_ARN_MAX) return fail(`The two-way channel ARN has at most ${CHANNEL_ARN_MAX} characters (this one has ${n}).`);
	return OK;
}

export function checkOptOutListName(name: string): RuleResult {
	if (name === '') return fail('Enter the name of an opt-out list (for example Default).');
	if (name.startsWith('arn:')) return name.length <= 256 && /^[A-Za-z0-9_:/-]+$/.test(name) ? OK : fail('That opt-out list ARN is not valid.');
	if (name.length > 64) return fail(`An opt-out list name has at most 64 characters (this one has ${name.length}).`);
	if (!/^[A-Za-z0-9_-]+$/.test(name)) return fail('An opt-out list name has only letters, digits, _ and -.');
	return OK;
}

export interface Settings {
	twoWay: boolean;
	channelArn: string;
	selfManagedOptOuts: boolean;
	sharedRoutes: boolean;
	deletionProtection: boolean;
	optOutList: string;
}

/** Whether the settings as edited may be sent. `pooled`: a number that is in a pool. */
export function checkSettings(next: Settings, before: Settings, {pooled = false}: {pooled?: boolean} = {}): RuleResult {
	// The API refuses every UpdatePhoneNumber of a number in a pool (its API reference says so).
	if (pooled) return fail('This number is in a pool: the service refuses every change to its settings; change them on the pool, or remove the number from the pool first.');
	if (next.twoWay) {
		const arn = checkChannelArn(next.channelArn);
		if (!arn.ok) return arn;
	}
	if (next.selfManagedOptOuts && !next.twoWay) return fail('Self-managed opt-outs need two-way SMS on (inbound HELP and STOP go to its channel).');
	const list = checkOptOutListName(next.optOutList);
	if (!list.ok) return list;
	return OK;
}

export interface ReleaseCandidate {
	deletionProtection?: boolean;
	poolId?: string;
}

export function checkRelease(number: ReleaseCandidate): RuleResult {
	if (number.deletionProtection) return fail('Deletion protection is on: turn it off in the number\'s settings (o) before releasing it.');
	if (number.poolId) return fail(`The number is in the pool ${number.poolId}: take it out of the pool before releasing it.`);
	return OK;
}

export const REQUESTABLE_TYPES = ['SIMULATOR', 'LONG_CODE', 'TOLL_FREE', 'TEN_DLC'] as const;
export const CAPABILITY_SETS = ['SMS', 'SMS,VOICE', 'SMS,MMS', 'SMS,MMS,VOICE', 'VOICE'] as const;

export function checkNumberRequest(request: {isoCountryCode: string; numberType: string; capabilities: readonly string[]}): RuleResult {
	const country = request.isoCountryCode.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(country)) return fail('Enter the two-letter ISO country code, for example US.');
	if (!(REQUESTABLE_TYPES as readonly string[]).includes(request.numberType)) return fail(`The number type is one of ${REQUESTABLE_TYPES.join(', ')}.`);
	if (request.capabilities.length === 0) return fail('Choose at least one capability (SMS, MMS, VOICE).');
	if (request.numberType === 'SIMULATOR' && country !== 'US') return fail('Simulator numbers exist only in the US.');
	if (request.capabilities.includes('MMS') && country !== 'US' && country !== 'CA') return fail('MMS numbers exist only in the US and Canada.');
	return OK;
}
