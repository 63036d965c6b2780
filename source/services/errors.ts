// Turns SDK and network errors into one line a person can act on, plus what the error log keeps.
import {formatDuration} from '../domain/duration.js';

export interface ServiceErrorInfo {
	code: string;
	message: string;
	requestId?: string;
	throttled: boolean;
	retryable: boolean;
}

interface SdkErrorLike {
	name?: string;
	message?: string;
	code?: string;
	Reason?: string;
	ResourceType?: string;
	ResourceId?: string;
	Fields?: {Name?: string; Message?: string}[];
	$metadata?: {requestId?: string; httpStatusCode?: number; attempts?: number};
	$retryable?: {throttling?: boolean};
	/** The answer the SDK could not read (a hidden field the SDK sets on deserialization errors). */
	$response?: {statusCode?: number; headers?: Record<string, string | undefined>};
	/** Set by services/clients.ts: the operation a failed call was for. */
	smsdeckOperation?: string;
}

const NETWORK: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'connection timed out',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'DNS lookup failed',
	EPIPE: 'connection closed',
};

/** Node's codes for a certificate the client does not trust (or that names another host). */
const UNTRUSTED_CERTIFICATE = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_UNTRUSTED',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The SDK's own time limits (services/timeouts.ts), by the words of its messages; see @smithy/node-http-handler. */
const TIMEOUTS: [RegExp, (limit: string) => string][] = [
	[/did not establish a connection with the server within the configured timeout of (\d+) ms/, limit => `no connection to the endpoint within ${limit}`],
	[/exceeded the configured (\d+) ms requestTimeout/, limit => `the endpoint did not answer within ${limit}`],
	[/timed out after (\d+) ms of inactivity/, limit => `the endpoint went silent for ${limit} in the middle of its answer`],
];

function describeTimeout(e: SdkErrorLike): string | undefined {
	if (e.name !== 'TimeoutError') return undefined;
	for (const [pattern, say] of TIMEOUTS) {
		const match = pattern.exec(e.message ?? '');
		if (match) {
			const attempts = e.$metadata?.attempts ?? 1;
			return say(formatDuration(Number(match[1]))) + (attempts > 1 ? ` (${attempts} tries)` : '');
		}
	}
	return undefined;
}

/** What kind of body came back, from its Content-Type (never from the bytes themselves). */
function bodyKind(contentType: string | undefined, unreadable: boolean): string {
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('html')) return 'an HTML page';
	if (type.includes('json')) return unreadable ? 'JSON that is cut short or garbled' : 'JSON that names no service error';
	if (type.includes('xml')) return unreadable ? 'XML that cannot be read' : 'XML that names no service error';
	if (type.startsWith('text/')) return 'plain text';
	if (!type) return unreadable ? 'a body that cannot be read' : 'an empty or unknown body';
	return `a ${type.replace(/[^a-z0-9.+/-]/g, '').slice(0, 40) || 'non-JSON'} body`;
}

/**
 * An answer that is not the service's: an HTML error page from a proxy or load balancer, garbage, JSON cut short,
 * or an error status with nothing the SDK recognises. Says what came back without echoing any of it.
 */
function describeForeignAnswer(e: SdkErrorLike): string | undefined {
	const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
	const unreadable = e.$response !== undefined && /Deserialization error|not valid JSON|JSON input|XML parse error/i.test(e.message ?? '');
	const unknown = (e.name === 'Unknown' || e.name === 'UnknownError') && status !== undefined && status >= 300;
	if (!unreadable && !unknown) return undefined;
	const headers = e.$response?.headers ?? {};
	const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
	return `the endpoint answered${status ? ` HTTP ${status}` : ''} with ${bodyKind(contentType, unreadable)}, not an answer from the service`;
}

export function describeServiceError(error: unknown, operation?: string): ServiceErrorInfo {
	const e = (error ?? {}) as SdkErrorLike;
	const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
	const requestId = e.$metadata?.requestId;
	const op = operation ? `${operation}: ` : '';
	// Faults of the endpoint rather than of the request say which call met them, even when the caller did not.
	const callOp = operation ?? e.smsdeckOperation;
	const faultOp = callOp ? `${callOp}: ` : '';
	const timeout = describeTimeout(e);
	const foreign = timeout ? undefined : describeForeignAnswer(e);
	let message = (e.message ?? String(error)).split('\n')[0];
	// The modeled errors' Reason (ValidationException, ConflictException, ServiceQuotaExceededException,
	// AccessDeniedException) says which rule was hit; it goes in brackets unless the message already says it.
	const reason = e.Reason && !message.includes(e.Reason) ? e.Reason : undefined;
	const details = [reason, ...(code === 'ValidationException' ? (e.Fields ?? []).map(f => `${f.Name}: ${f.Message}`) : [])].filter(Boolean);
	const withDetails = (text: string) => (details.length > 0 ? `${text} (${details.join('; ')})` : text);
	if (timeout) {
		message = `${faultOp}${timeout}`;
	} else if (foreign) {
		message = `${faultOp}${foreign}`;
	} else if (code === 'MalformedAnswerError') {
		message = `${faultOp}${message}`;
	} else if (UNTRUSTED_CERTIFICATE.has(e.code ?? '')) {
		const why = e.code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'is for another host name' : e.code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not trusted';
		message = `${op}the endpoint's certificate ${why} (${e.code}); set AWS_CA_BUNDLE or the profile's ca_bundle to the CA that issued it`;
	} else if (NETWORK[e.code ?? ''] || NETWORK[code]) {
		message = `${op}cannot reach the endpoint (${NETWORK[e.code ?? ''] ?? NETWORK[code]})`;
	} else if (code === 'AccessDeniedException' || code === 'AccessDenied' || code === 'UnauthorizedOperation') {
		message = withDetails(`${op}access denied — ${message}`);
	} else if (code === 'CredentialsProviderError') {
		message = `no AWS credentials: ${message} (set a profile with --profile, or use --local for the emulator)`;
	} else if (code === 'ResourceNotFoundException' && e.ResourceType) {
		message = `${op}${e.ResourceType} ${e.ResourceId ?? ''} not found`.replace(/\s+not found$/, ' not found');
	} else {
		message = withDetails(`${op}${message}`);
	}
	const throttled = code === 'ThrottlingException' || e.$retryable?.throttling === true || e.$metadata?.httpStatusCode === 429;
	return {code, message, requestId, throttled, retryable: throttled || timeout !== undefined || (e.$metadata?.httpStatusCode ?? 0) >= 500};
}
