// Turns SDK and network errors into one line a person can act on, plus what the error log keeps.

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
	$metadata?: {requestId?: string; httpStatusCode?: number};
	$retryable?: {throttling?: boolean};
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

export function describeServiceError(error: unknown, operation?: string): ServiceErrorInfo {
	const e = (error ?? {}) as SdkErrorLike;
	const code = e.name && e.name !== 'Error' ? e.name : (e.code ?? 'Error');
	const requestId = e.$metadata?.requestId;
	const op = operation ? `${operation}: ` : '';
	let message = (e.message ?? String(error)).split('\n')[0];
	// The modeled errors' Reason (ValidationException, ConflictException, ServiceQuotaExceededException,
	// AccessDeniedException) says which rule was hit; it goes in brackets unless the message already says it.
	const reason = e.Reason && !message.includes(e.Reason) ? e.Reason : undefined;
	const details = [reason, ...(code === 'ValidationException' ? (e.Fields ?? []).map(f => `${f.Name}: ${f.Message}`) : [])].filter(Boolean);
	const withDetails = (text: string) => (details.length > 0 ? `${text} (${details.join('; ')})` : text);
	if (UNTRUSTED_CERTIFICATE.has(e.code ?? '')) {
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
	return {code, message, requestId, throttled, retryable: throttled || (e.$metadata?.httpStatusCode ?? 0) >= 500};
}
