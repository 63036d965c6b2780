// Contracts between the emulator's HTTP front (server.ts) and its two services (smsvoice/, logs/).
// The emulator shares domain/ with the console but never imports views or services.

/** An error answered on the wire as {"__type": code, "Message"|"message": message, ...members}. */
export class ApiError extends Error {
	readonly code: string;
	readonly members: Record<string, unknown>;
	readonly status: number;
	constructor(code: string, message: string, members: Record<string, unknown> = {}, status = 400) {
		super(message);
		this.name = code;
		this.code = code;
		this.members = members;
		this.status = status;
	}
}

export interface RequestContext {
	/** From the SigV4 credential scope (Authorization header); defaults to us-east-1. */
	region: string;
	accountId: string;
	requestId: string;
}

/** The output of a handler is the JSON body of a 200 answer, or a stream the server hands the response to. */
export interface StreamingResult {
	kind: 'stream';
	/** Takes over the HTTP response (headers are not yet sent). Must end it or watch res 'close'. */
	start(res: import('node:http').ServerResponse): void;
}

export type Handler = (input: any, ctx: RequestContext) => unknown | Promise<unknown>;

/** Time source for the emulator; tests may replace it. */
export interface Clock {
	now(): number; // epoch ms
	setTimeout(fn: () => void, ms: number): {cancel(): void};
}

/** What the sms-voice service needs from CloudWatch Logs to write event records. */
export interface LogsWriter {
	/** Creates the group if needed (used by seeds). */
	ensureLogGroup(region: string, logGroupName: string): void;
	/** Returns false when the group does not exist (the event is then dropped, as the real service would). */
	appendEvents(region: string, logGroupName: string, logStreamName: string, events: {timestamp: number; message: string}[]): boolean;
}

/** One metric of a namespace, as CloudWatch names it: dimensions in the order given. */
export interface MetricId {
	namespace: string;
	metricName: string;
	dimensions: {Name: string; Value: string}[];
}

/** What the sms-voice service needs from CloudWatch to publish its metrics (the AWS/SMSVoice spend). */
export interface MetricsWriter {
	/** One sample of `metric` in `region` at `timestamp` (epoch ms); unit as CloudWatch's StandardUnit. */
	putSample(region: string, metric: MetricId, timestamp: number, value: number, unit: string): void;
}

export interface EmulatorOptions {
	/** Delay between simulated message events in ms (default 1000; tests use a few ms). */
	eventDelayMs: number;
	/** Enforce the documented request-rate quotas (ThrottlingException). */
	throttle: boolean;
	/** Registration reviews: a submitted version is REVIEWING after half this time and approved after all of it
	 * (undefined: reviews move only through the admin action reviewRegistration). */
	reviewDelayMs?: number;
	/** Live tail: seconds between sessionUpdate frames (default 1) — tests may shorten it. */
	liveTailTickMs: number;
	/** Live tail session timeout in ms (default 3 h). */
	liveTailTimeoutMs: number;
	/** Logs Insights: a query still running after this many ms ends as Timeout (default 60 min, the service's). */
	insightsTimeoutMs?: number;
}

export interface EmulatorWorld {
	accountId: string;
	/** What STS GetCallerIdentity answers instead of the emulator's own user (the hostile seed sets it). */
	callerIdentity?: {account: string; arn: string; userId: string};
	clock: Clock;
	options: EmulatorOptions;
	logs: LogsWriter;
	/** CloudWatch metrics (samples are dropped until the CloudWatch service is attached). */
	metrics: MetricsWriter;
	/** Call after every state change so --state persistence can write it out. */
	markDirty(): void;
}

/** One emulated AWS service. */
export interface EmulatedService {
	/** X-Amz-Target prefix, e.g. "PinpointSMSVoiceV2" or "Logs_20140328". */
	targetPrefix: string;
	/** Operation name → handler. Validation against the model has already passed when a handler runs. */
	handlers: Record<string, Handler>;
	/** Admin actions reachable at POST /_smsdeck/<name> with a JSON body (tests and fault injection). */
	admin: Record<string, (body: any) => unknown | Promise<unknown>>;
	/** JSON-serialisable state for --state, and its inverse. */
	snapshot(): unknown;
	restore(data: unknown): void;
}
