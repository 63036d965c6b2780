/**
 * Monthly spend limits (reference facts §3.13; API model MonthlyLimit,
 * SpendLimitName). Each channel has an account limit (MaxLimit, raised only by
 * a support case) and an optional enforced limit (override) in whole US
 * dollars from $1 to the account limit; deleting the override resets the
 * enforced limit to the account limit.
 */
import {formatDollars as formatUsd} from './format.js';

export type SpendChannel = 'text' | 'media' | 'voice';

export type SpendLimitName =
	| 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT'
	| 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT'
	| 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT';

export interface SpendChannelInfo {
	channel: SpendChannel;
	/** Short label for the console: SMS, MMS, Voice. */
	label: string;
	limitName: SpendLimitName;
	/** AWS CLI verbs (aws pinpoint-sms-voice-v2 …). */
	setCommand: string;
	deleteCommand: string;
	/** API operation names. */
	setOperation: string;
	deleteOperation: string;
}

export const SPEND_CHANNELS: readonly SpendChannelInfo[] = Object.freeze([
	{
		channel: 'text', label: 'SMS', limitName: 'TEXT_MESSAGE_MONTHLY_SPEND_LIMIT',
		setCommand: 'set-text-message-spend-limit-override', deleteCommand: 'delete-text-message-spend-limit-override',
		setOperation: 'SetTextMessageSpendLimitOverride', deleteOperation: 'DeleteTextMessageSpendLimitOverride',
	},
	{
		channel: 'media', label: 'MMS', limitName: 'MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT',
		setCommand: 'set-media-message-spend-limit-override', deleteCommand: 'delete-media-message-spend-limit-override',
		setOperation: 'SetMediaMessageSpendLimitOverride', deleteOperation: 'DeleteMediaMessageSpendLimitOverride',
	},
	{
		channel: 'voice', label: 'Voice', limitName: 'VOICE_MESSAGE_MONTHLY_SPEND_LIMIT',
		setCommand: 'set-voice-message-spend-limit-override', deleteCommand: 'delete-voice-message-spend-limit-override',
		setOperation: 'SetVoiceMessageSpendLimitOverride', deleteOperation: 'DeleteVoiceMessageSpendLimitOverride',
	},
].map((info) => Object.freeze(info as SpendChannelInfo)));

/** Channels the console does not edit but DescribeSpendLimits may list. */
const OTHER_LIMIT_LABELS: Record<string, string> = {NOTIFY_MESSAGE_MONTHLY_SPEND_LIMIT: 'Notify', RCS_MESSAGE_MONTHLY_SPEND_LIMIT: 'RCS'};

/** "SMS", "MMS", "Voice" … for a spend limit name; unknown names as they are. */
export function spendLimitLabel(name: string): string {
	return SPEND_CHANNELS.find(c => c.limitName === name)?.label ?? OTHER_LIMIT_LABELS[name] ?? name;
}

/** The API model's upper bound for MonthlyLimit. */
export const MONTHLY_LIMIT_API_MAX = 1_000_000_000;

export function isSpendChannel(value: string): value is SpendChannel {
	return value === 'text' || value === 'media' || value === 'voice';
}

export function spendChannelInfo(channel: SpendChannel): SpendChannelInfo {
	const info = SPEND_CHANNELS.find((entry) => entry.channel === channel);
	if (info === undefined) throw new Error(`unknown spend channel ${String(channel)}`);
	return info;
}

export function limitNameForChannel(channel: SpendChannel): SpendLimitName {
	return spendChannelInfo(channel).limitName;
}

/** The channel of a SpendLimitName, or undefined for names smsdeck does not manage (NOTIFY_…, RCS_…). */
export function channelForLimitName(name: string): SpendChannel | undefined {
	return SPEND_CHANNELS.find((entry) => entry.limitName === name)?.channel;
}

/**
 * The equivalent AWS CLI command: set the override to `value` dollars, or
 * (value undefined) delete the override.
 */
export function spendLimitCliCommand(channel: SpendChannel, value: number | undefined): string {
	const info = spendChannelInfo(channel);
	return value === undefined
		? `aws pinpoint-sms-voice-v2 ${info.deleteCommand}`
		: `aws pinpoint-sms-voice-v2 ${info.setCommand} --monthly-limit ${value}`;
}

export type SpendLimitCheck = {ok: true; value: number} | {ok: false; reason: string};

function formatDollars(n: number): string {
	return `$${n.toLocaleString('en-US')}`;
}

/**
 * Validate an enforced spend limit typed by the user: whole US dollars from 1
 * to the account limit (maxLimit). Accepts "50", "$50", "50.00" and numbers;
 * refuses fractions, negatives, zero, values above the account limit and
 * anything non-numeric.
 */
export function checkSpendLimit(value: string | number, maxLimit: number): SpendLimitCheck {
	let amount: number;
	if (typeof value === 'number') {
		amount = value;
	} else {
		const text = value.trim().replace(/^\$\s*/, '');
		if (text === '') return {ok: false, reason: 'Enter the limit in whole US dollars, for example 50.'};
		if (/^-\s*\$?\d/.test(text)) return {ok: false, reason: 'The limit cannot be negative; enter whole US dollars from $1.'};
		if (/^\d+\.\d*[1-9]\d*$/.test(text)) {
			return {ok: false, reason: 'The limit is in whole US dollars; cents are not allowed.'};
		}
		if (!/^\d+(\.0*)?$/.test(text)) return {ok: false, reason: `"${text.slice(0, 20)}" is not a number; enter whole US dollars, for example 50.`};
		amount = Number(text);
	}
	if (!Number.isFinite(amount)) return {ok: false, reason: 'Enter the limit in whole US dollars, for example 50.'};
	if (amount < 0) return {ok: false, reason: 'The limit cannot be negative; enter whole US dollars from $1.'};
	if (!Number.isInteger(amount)) return {ok: false, reason: 'The limit is in whole US dollars; cents are not allowed.'};
	if (amount === 0) return {ok: false, reason: 'The limit must be at least $1; to remove the enforced limit, delete it instead.'};
	const max = Math.min(maxLimit, MONTHLY_LIMIT_API_MAX);
	if (max < 1) return {ok: false, reason: `The account limit is ${formatDollars(maxLimit)}; request a spend threshold increase first.`};
	if (amount > max) {
		return {
			ok: false,
			reason: `The limit cannot exceed the account limit of ${formatDollars(max)}; request a spend threshold increase to go higher.`,
		};
	}
	return {ok: true, value: amount};
}

/** Whether changing the enforced limit from `current` to `next` raises it. */
export function isRaise(current: number, next: number): boolean {
	return next > current;
}

/** How much of the enforced limit this month's spend uses: warn from 80%, error at 100% (sending stops there). */
export function spendUse(spent: number | undefined, enforced: number): {percent?: number; tone?: 'warn' | 'error'} {
	if (spent === undefined || enforced <= 0) return {};
	const percent = (100 * spent) / enforced;
	return {percent, tone: percent >= 100 ? 'error' : percent >= 80 ? 'warn' : undefined};
}

/** "85%", "3.0%": a share of the limit, one decimal below 10%. */
export const formatSpendShare = (percent: number) => `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;

export interface ChannelSpend {
	channel: SpendChannel;
	/** SMS, MMS, Voice. */
	label: string;
	/** USD spent this month; 0 when the channel's metric has no datapoint (nothing was sent this month). */
	spent: number;
	/** The enforced limit, when DescribeSpendLimits lists the channel. */
	enforced?: number;
	percent?: number;
	tone?: 'warn' | 'error';
}

/**
 * This month's spend of every channel smsdeck manages, SMS, MMS and voice, always all three and in that order,
 * each beside its enforced limit with its share and tone. `spent` is per channel, 0 where nothing was spent.
 */
export function spendByChannel(limits: readonly {name: string; enforced: number}[], spent: Readonly<Record<SpendChannel, number>>): ChannelSpend[] {
	return SPEND_CHANNELS.map(({channel, label, limitName}) => {
		const enforced = limits.find(l => l.name === limitName)?.enforced;
		const amount = spent[channel] ?? 0;
		return {channel, label, spent: amount, enforced, ...(enforced === undefined ? {} : spendUse(amount, enforced))};
	});
}

/** "SMS $0.85 of $1 (85%)"; "SMS $0.85 (no limit listed)" when DescribeSpendLimits does not list the channel. */
export function describeChannelSpend(c: ChannelSpend): string {
	const spent = formatUsd(c.spent);
	if (c.enforced === undefined) return `${c.label} ${spent} (no limit listed)`;
	return `${c.label} ${spent} of ${formatUsd(c.enforced)}${c.percent === undefined ? '' : ` (${formatSpendShare(c.percent)})`}`;
}
