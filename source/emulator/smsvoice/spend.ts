// Prices (our own small table, USD), monthly spend accounting per region and channel, and the spend metrics.
import type {MetricsWriter} from '../types.js';
import {quota, validation} from './errors.js';
import type {Channel, RegionState} from './model.js';
import {monthKey} from './state.js';

/** SMS price per message part by destination country; anything else costs DEFAULT_SMS_PRICE. */
export const SMS_PRICE_PER_PART: Readonly<Record<string, number>> = Object.freeze({
	US: 0.00581,
	CA: 0.00751,
	GB: 0.0463,
	JE: 0.0463,
	DE: 0.0895,
	FR: 0.0739,
	AU: 0.0401,
	JP: 0.0734,
	IN: 0.0028,
	BR: 0.0276,
	MX: 0.0279,
});
export const DEFAULT_SMS_PRICE = 0.05;
/** Carrier fee per SMS part (US carriers charge one; elsewhere none in this table). */
export const SMS_CARRIER_FEE_PER_PART: Readonly<Record<string, number>> = Object.freeze({US: 0.003});
/** MMS price per message (always one billed part); US/CA only. */
export const MMS_PRICE: Readonly<Record<string, number>> = Object.freeze({US: 0.02, CA: 0.025});
export const MMS_CARRIER_FEE: Readonly<Record<string, number>> = Object.freeze({US: 0.0025});
/** Voice price per started minute. */
export const VOICE_PRICE_PER_MINUTE: Readonly<Record<string, number>> = Object.freeze({US: 0.013, CA: 0.013, GB: 0.0178});
export const DEFAULT_VOICE_PRICE = 0.05;

export const SPEND_LIMIT_NAMES: Readonly<Record<Channel, string>> = Object.freeze({
	TEXT: 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT',
	VOICE: 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT',
	MEDIA: 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT',
});

/** The CloudWatch metrics of the month's spend (namespace AWS/SMSVoice, no dimensions, USD as unit None). */
export const SPEND_NAMESPACE = 'AWS/SMSVoice';
export const SPEND_METRICS: Readonly<Record<Channel, string>> = Object.freeze({
	TEXT: 'TextMessageMonthlySpend',
	MEDIA: 'MediaMessageMonthlySpend',
	VOICE: 'VoiceMessageMonthlySpend',
});

export function smsPricePerPart(iso: string): number {
	return SMS_PRICE_PER_PART[iso] ?? DEFAULT_SMS_PRICE;
}

export function round5(value: number): number {
	return Math.round(value * 100000) / 100000;
}

export function enforcedLimit(rs: RegionState, channel: Channel): number {
	return rs.spend.override[channel] ?? rs.spend.maxLimit[channel];
}

export function spentThisMonth(rs: RegionState, channel: Channel, now: number): number {
	return rs.spend.months[monthKey(now)]?.[channel] ?? 0;
}

/** Refuses a send whose cost would take the month's spend over the enforced limit. */
export function checkSpend(rs: RegionState, channel: Channel, cost: number, now: number): void {
	const limit = enforcedLimit(rs, channel);
	if (spentThisMonth(rs, channel, now) + cost > limit + 1e-9) {
		throw quota(`MONTHLY_SPEND_LIMIT_REACHED_FOR_${channel}`, `The monthly ${channel.toLowerCase()} spend limit of ${limit} USD has been reached.`);
	}
}

export function addSpend(rs: RegionState, channel: Channel, cost: number, now: number): void {
	const key = monthKey(now);
	const month = (rs.spend.months[key] ??= {});
	month[channel] = round5((month[channel] ?? 0) + cost);
}

/** Publishes the channel's month-to-date spend as a sample of its metric (after each change to it). */
export function publishSpend(metrics: MetricsWriter, rs: RegionState, channel: Channel, now: number): void {
	metrics.putSample(rs.region, {namespace: SPEND_NAMESPACE, metricName: SPEND_METRICS[channel], dimensions: []}, now, spentThisMonth(rs, channel, now), 'None');
}

/** MaxPrice / MaxPricePerMinute check: the unit price must not exceed it. */
export function checkMaxPrice(unitPrice: number, maxPrice: string | undefined, field: string): void {
	if (maxPrice === undefined) return;
	const max = Number(maxPrice);
	if (!Number.isFinite(max)) throw validation('INVALID_PARAMETER', `${field} is not a number.`, field);
	if (unitPrice > max + 1e-12) {
		throw validation('PRICE_OVER_THRESHOLD', `The price ${unitPrice} USD is over the ${field} of ${maxPrice} USD.`, field);
	}
}
