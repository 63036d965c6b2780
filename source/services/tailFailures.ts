// How the tail engine reads an error: fall back to polling, retry, back off, or stop. No SDK imports.
import {describeServiceError} from './errors.js';

export type TailFailure =
	/** The request was aborted by us (stop, renewal, watchdog). */
	| {kind: 'aborted'}
	| {kind: 'throttled'; message: string}
	/** Live tail cannot be used here: poll instead. */
	| {kind: 'unavailable'; reason: string}
	/** Worth another try after a pause (network, 5xx, dropped stream, unknown stream error). */
	| {kind: 'retry'; message: string}
	/** Session reached its time limit: reconnect at once. */
	| {kind: 'timeout'}
	/** Nothing will get better by trying again. */
	| {kind: 'fatal'; message: string};

interface ErrorLike {
	name?: string;
	code?: string;
	message?: string;
	$metadata?: {httpStatusCode?: number};
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
	// A dropped connection also surfaces as Error("aborted"): only our own signal says we ended it.
	if (signal) return signal.aborted;
	return (error as ErrorLike | undefined)?.name === 'AbortError';
}

/** An error from StartLiveTail or its stream. */
export function classifyLiveError(error: unknown, signal?: AbortSignal): TailFailure {
	if (isAbort(error, signal)) return {kind: 'aborted'};
	const e = (error ?? {}) as ErrorLike;
	const info = describeServiceError(error, 'StartLiveTail');
	const name = e.name ?? '';
	const status = e.$metadata?.httpStatusCode;
	if (name === 'SessionTimeoutException') return {kind: 'timeout'};
	if (e.message === 'aborted' || e.code === 'ECONNRESET' || e.code === 'EPIPE') return {kind: 'retry', message: 'live stream dropped'};
	if (name === 'SessionStreamingException') return {kind: 'retry', message: `live stream failed (${e.message ?? 'SessionStreamingException'})`};
	if (info.throttled) return {kind: 'throttled', message: info.message};
	if (name === 'AccessDeniedException' || name === 'AccessDenied' || status === 403) return {kind: 'unavailable', reason: 'live tail denied'};
	if (name === 'LimitExceededException') return {kind: 'unavailable', reason: 'live tail session limit reached'};
	if (name === 'InvalidOperationException') return {kind: 'unavailable', reason: 'live tail not supported for this log group'};
	if (name === 'ResourceNotFoundException' || name === 'UnknownOperationException' || name === 'InvalidAction' || status === 404 || status === 501) {
		// An endpoint without StartLiveTail, or a log group live tail cannot see: polling will tell which.
		return {kind: 'unavailable', reason: 'live tail unavailable'};
	}
	if (name === 'InvalidParameterException' || name === 'ValidationException' || name === 'SerializationException') {
		return {kind: 'unavailable', reason: 'live tail refused the request'};
	}
	if (name === 'SyntaxError' || /not valid JSON|Deserialization error/i.test(e.message ?? '')) {
		// An endpoint that answers StartLiveTail with something that is not an event stream (an HTML 404 page).
		return {kind: 'unavailable', reason: 'live tail unavailable at this endpoint'};
	}
	if (name === 'UnrecognizedClientException' || name === 'CredentialsProviderError' || name === 'ExpiredTokenException') {
		return {kind: 'fatal', message: info.message};
	}
	return {kind: 'retry', message: info.message};
}

/** An error from FilterLogEvents. */
export function classifyPollError(error: unknown, signal?: AbortSignal): TailFailure {
	if (isAbort(error, signal)) return {kind: 'aborted'};
	const e = (error ?? {}) as ErrorLike;
	const info = describeServiceError(error, 'FilterLogEvents');
	if (info.throttled) return {kind: 'throttled', message: info.message};
	const name = e.name ?? '';
	if (name === 'ResourceNotFoundException') return {kind: 'fatal', message: 'log group not found (FilterLogEvents: ResourceNotFoundException)'};
	if (name === 'AccessDeniedException' || e.$metadata?.httpStatusCode === 403) return {kind: 'fatal', message: info.message};
	if (name === 'InvalidParameterException' || name === 'ValidationException' || name === 'UnrecognizedClientException' || name === 'CredentialsProviderError') {
		return {kind: 'fatal', message: info.message};
	}
	return {kind: 'retry', message: info.message};
}

/** Exponential back-off with a little jitter: 500 ms, 1 s, 2 s … up to `maxMs`. */
export function backoffMs(attempt: number, maxMs = 15_000, random: () => number = Math.random): number {
	const base = Math.min(maxMs, 500 * 2 ** Math.max(0, attempt));
	return Math.round(base * (0.8 + 0.4 * random()));
}
