// Account attributes, account limits and spend limits (per region).
import type {Handler} from '../types.js';
import {validation} from './errors.js';
import type {Channel, RegionState} from './model.js';
import {paginate, withToken} from './pagination.js';
import {enforcedLimit, SPEND_LIMIT_NAMES} from './spend.js';
import type {Svc} from './state.js';

export function accountLimitUsage(rs: RegionState): Record<string, number> {
	return {
		PHONE_NUMBERS: Object.keys(rs.phoneNumbers).length,
		POOLS: Object.keys(rs.pools).length,
		CONFIGURATION_SETS: Object.keys(rs.configSets).length,
		OPT_OUT_LISTS: Object.keys(rs.optOutLists).length,
		SENDER_IDS: Object.keys(rs.senderIds).length,
		REGISTRATIONS: Object.keys(rs.registrations).length,
		REGISTRATION_ATTACHMENTS: Object.values(rs.attachments).filter(a => a.status !== 'DELETED').length,
		VERIFIED_DESTINATION_NUMBERS: Object.keys(rs.verified).length,
	};
}

function spendOverride(svc: Svc, channel: Channel): {set: Handler; remove: Handler} {
	return {
		set(input: {MonthlyLimit: number}, ctx) {
			const rs = svc.region(ctx);
			const max = rs.spend.maxLimit[channel];
			if (input.MonthlyLimit > max) {
				throw validation(
					'REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT',
					`The requested spend limit ${input.MonthlyLimit} USD is higher than the account limit of ${max} USD.`,
					'MonthlyLimit',
				);
			}
			if (input.MonthlyLimit < 1) throw validation('INVALID_PARAMETER', 'The enforced spend limit must be at least 1 USD.', 'MonthlyLimit');
			rs.spend.override[channel] = input.MonthlyLimit;
			svc.dirty();
			return {MonthlyLimit: input.MonthlyLimit};
		},
		remove(_input, ctx) {
			const rs = svc.region(ctx);
			const removed = enforcedLimit(rs, channel);
			delete rs.spend.override[channel];
			svc.dirty();
			return {MonthlyLimit: removed};
		},
	};
}

export function accountHandlers(svc: Svc): Record<string, Handler> {
	const text = spendOverride(svc, 'TEXT');
	const voice = spendOverride(svc, 'VOICE');
	const media = spendOverride(svc, 'MEDIA');
	return {
		DescribeAccountAttributes(input, ctx) {
			const rs = svc.region(ctx);
			const attributes = [{Name: 'ACCOUNT_TIER', Value: rs.accountTier}];
			if (rs.defaultProtectConfigurationId) attributes.push({Name: 'DEFAULT_PROTECT_CONFIGURATION_ID', Value: rs.defaultProtectConfigurationId});
			const {page, NextToken} = paginate('DescribeAccountAttributes', attributes, input);
			return withToken({AccountAttributes: page}, NextToken);
		},
		DescribeAccountLimits(input, ctx) {
			const rs = svc.region(ctx);
			const used = accountLimitUsage(rs);
			const limits = Object.entries(used).map(([Name, Used]) => ({Name, Used, Max: rs.limits[Name]}));
			const {page, NextToken} = paginate('DescribeAccountLimits', limits, input);
			return withToken({AccountLimits: page}, NextToken);
		},
		DescribeSpendLimits(input, ctx) {
			const rs = svc.region(ctx);
			const channels: Channel[] = ['TEXT', 'VOICE', 'MEDIA'];
			const limits = channels.map(c => ({
				Name: SPEND_LIMIT_NAMES[c],
				EnforcedLimit: enforcedLimit(rs, c),
				MaxLimit: rs.spend.maxLimit[c],
				Overridden: rs.spend.override[c] !== undefined,
			}));
			const {page, NextToken} = paginate('DescribeSpendLimits', limits, input);
			return withToken({SpendLimits: page}, NextToken);
		},
		SetTextMessageSpendLimitOverride: text.set,
		DeleteTextMessageSpendLimitOverride: text.remove,
		SetVoiceMessageSpendLimitOverride: voice.set,
		DeleteVoiceMessageSpendLimitOverride: voice.remove,
		SetMediaMessageSpendLimitOverride: media.set,
		DeleteMediaMessageSpendLimitOverride: media.remove,
	};
}
