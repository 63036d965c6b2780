// One token bucket per (Region, operation), sized to the service's default request-rate quotas, shared by
// every call the console makes, so that browsing never causes throttling by itself. No SDK imports here.

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

export type ServiceName = 'sms-voice' | 'logs' | 'sts';

export function rateFor(service: ServiceName, operation: string): number {
	if (service === 'sms-voice') return SMS_RATES[operation] ?? 1;
	if (service === 'logs') return LOGS_RATES[operation] ?? 5;
	return 10;
}

interface Bucket {
	/** Time at which the next request may go. */
	next: number;
	interval: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	constructor(private readonly now: () => number = Date.now, private readonly sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms))) {}

	private bucket(service: ServiceName, region: string, operation: string): Bucket {
		const key = `${service}|${region}|${operation}`;
		let b = this.buckets.get(key);
		if (!b) {
			b = {next: 0, interval: 1000 / rateFor(service, operation)};
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

	/** After a throttle, hold the bucket back for `ms` (the service said slow down). */
	penalize(service: ServiceName, region: string, operation: string, ms: number): void {
		const b = this.bucket(service, region, operation);
		b.next = Math.max(b.next, this.now() + ms);
	}

	/** How long a request would wait right now (for display). */
	waitFor(service: ServiceName, region: string, operation: string): number {
		return Math.max(0, this.bucket(service, region, operation).next - this.now());
	}
}
