// Request-rate limits at the documented default quotas (token bucket per region + operation), and a
// fault-injection switch that fails the next N requests with ThrottlingException.
import {ApiError} from './types.js';

/** sms-voice default quotas (requests per second); every other sms-voice operation gets DEFAULT_RATE. */
const SMS_VOICE_RATES: Record<string, number> = {
	PutOptedOutNumber: 10,
	DeleteOptedOutNumber: 10,
	ListTagsForResource: 10,
};
const DEFAULT_RATE = 1;

interface Bucket {
	tokens: number;
	updatedAt: number;
}

interface InjectedFault {
	remaining: number;
	operation?: string;
}

export class RequestThrottle {
	private readonly buckets = new Map<string, Bucket>();
	private readonly injected: InjectedFault[] = [];

	constructor(
		private readonly now: () => number,
		private readonly enforceQuotas: () => boolean,
	) {}

	/** Fault injection: the next `count` requests (optionally only of `operation`) fail with ThrottlingException. */
	throttleNext(count: number, operation?: string): void {
		if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
			throw new ApiError('ValidationException', 'count must be an integer between 0 and 1000000');
		}
		if (count > 0) this.injected.push({remaining: count, operation});
	}

	/** Throws ThrottlingException when this request is over quota or an injected fault applies. */
	admit(targetPrefix: string, region: string, operation: string): void {
		const fault = this.injected.find(f => f.operation === undefined || f.operation === operation);
		if (fault) {
			fault.remaining--;
			if (fault.remaining <= 0) this.injected.splice(this.injected.indexOf(fault), 1);
			throw throttled();
		}
		if (!this.enforceQuotas() || targetPrefix !== 'PinpointSMSVoiceV2') return;
		const rate = SMS_VOICE_RATES[operation] ?? DEFAULT_RATE;
		const key = `${region}\u0000${operation}`;
		const now = this.now();
		const bucket = this.buckets.get(key) ?? {tokens: rate, updatedAt: now};
		bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) throw throttled();
		bucket.tokens -= 1;
	}
}

function throttled(): ApiError {
	return new ApiError('ThrottlingException', 'Rate exceeded');
}
