// One pacing bucket per (service, Region, operation), shared by every call the console makes. No SDK imports.
//
// Changes (Put/Set/Delete/Create/Send/…) always go at the documented default quota. Reads (Describe, List, Get,
// Filter) start brisk, so a 10,000-number listing is not held to one page a second where the endpoint allows
// more; the first ThrottlingException for a (Region, operation) drops it to the documented quota for the rest
// of the session. The SDK's retry (paced by the same bucket, after the back-off) absorbs that one throttle.

/** Default quotas, requests per second (user guide): 1 for every operation except these. */
const SMS_RATES: Record<string, number> = {
	PutOptedOutNumber: 10,
	DeleteOptedOutNumber: 10,
	ListTagsForResource: 10,
};

/** CloudWatch Logs quotas we stay under (FilterLogEvents is 25 TPS per account and Region; be gentler). */
const LOGS_RATES: Record<string, number> = {
	FilterLogEvents: 5,
	GetLogEvents: 10,
	DescribeLogGroups: 5,
	DescribeLogStreams: 5,
	StartLiveTail: 1,
};

/** CloudWatch quotas are 50 TPS for GetMetricData and 25 for ListMetrics; a console needs far less. */
const CLOUDWATCH_RATES: Record<string, number> = {
	GetMetricData: 10,
	ListMetrics: 5,
};

/** Pinpoint (push): app and channel calls are few; SendMessages of a test push is one call. */
const PINPOINT_RATES: Record<string, number> = {
	SendMessages: 5,
};

export type ServiceName = 'sms-voice' | 'logs' | 'sts' | 'cloudwatch' | 'pinpoint';

export function rateFor(service: ServiceName, operation: string): number {
	if (service === 'sms-voice') return SMS_RATES[operation] ?? 1;
	if (service === 'logs') return LOGS_RATES[operation] ?? 5;
	if (service === 'cloudwatch') return CLOUDWATCH_RATES[operation] ?? 5;
	if (service === 'pinpoint') return PINPOINT_RATES[operation] ?? 5;
	return 10;
}

/** Pace of reads until the service says otherwise. */
const BRISK_READ_RATE = 50;

export function isReadOperation(operation: string): boolean {
	return /^(Describe|List|Get|Filter)/.test(operation);
}

interface Bucket {
	/** Time at which the next request may go. */
	next: number;
	interval: number;
	quotaInterval: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	constructor(private readonly now: () => number = Date.now, private readonly sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms))) {}

	private bucket(service: ServiceName, region: string, operation: string): Bucket {
		const key = `${service}|${region}|${operation}`;
		let b = this.buckets.get(key);
		if (!b) {
			const quotaInterval = 1000 / rateFor(service, operation);
			const interval = isReadOperation(operation) ? Math.min(quotaInterval, 1000 / BRISK_READ_RATE) : quotaInterval;
			b = {next: 0, interval, quotaInterval};
			this.buckets.set(key, b);
		}
		return b;
	}

	/** Resolves when the request may be sent; reserves its slot so concurrent callers queue up. */
	async acquire(service: ServiceName, region: string, operation: string): Promise<void> {
		const b = this.bucket(service, region, operation);
		const now = this.now();
		const at = Math.max(now, b.next);
		b.next = at + b.interval;
		if (at > now) await this.sleep(at - now);
	}

	/** After a throttle: hold the bucket back for `ms` and keep to the documented quota from now on. */
	penalize(service: ServiceName, region: string, operation: string, ms: number): void {
		const b = this.bucket(service, region, operation);
		b.interval = b.quotaInterval;
		b.next = Math.max(b.next, this.now() + ms);
	}

	/** Requests per second this bucket allows now. */
	currentRate(service: ServiceName, region: string, operation: string): number {
		return 1000 / this.bucket(service, region, operation).interval;
	}

	/** How long a request would wait right now (for display). */
	waitFor(service: ServiceName, region: string, operation: string): number {
		return Math.max(0, this.bucket(service, region, operation).next - this.now());
	}
}
