// Who called what: the last API requests the emulator received, for differential tests (did the console sign
// with the same credentials, region and service as the AWS CLI?). Read with POST /_smsdeck/requests.
// Only the credential scope is read from the Authorization header: never the signature, never a session token.
import type {IncomingHttpHeaders} from 'node:http';
import {credentialScope} from './protocol.js';

export const REQUEST_LOG_LIMIT = 1000;
const USER_AGENT_CHARS = 80;

export interface RequestLogEntry {
	/** When the request arrived (ISO 8601, the emulator's clock). */
	time: string;
	/** From the SigV4 credential scope (`sms-voice`, `logs`, `sts`); null when the request is not signed. */
	service: string | null;
	region: string | null;
	accessKeyId: string | null;
	/** The X-Amz-Target operation (`DescribePools`) or the awsQuery Action (`GetCallerIdentity`). */
	operation: string | null;
	/** The first 80 characters of User-Agent. */
	userAgent: string | null;
	/** The Via header, set by proxies. */
	via: string | null;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
	const value = headers[name];
	return typeof value === 'string' ? value : null;
}

/** The operation of an X-Amz-Target header: `PinpointSMSVoiceV2.DescribePools` → `DescribePools`. */
export function targetOperation(target: unknown): string | null {
	if (typeof target !== 'string' || target === '') return null;
	return target.slice(target.indexOf('.') + 1);
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];

	constructor(
		private readonly now: () => number,
		private readonly limit = REQUEST_LOG_LIMIT,
	) {}

	record(headers: IncomingHttpHeaders, operation: string | null): void {
		const scope = credentialScope(header(headers, 'authorization') ?? undefined);
		this.entries.push({
			time: new Date(this.now()).toISOString(),
			service: scope?.service ?? null,
			region: scope?.region ?? null,
			accessKeyId: scope?.accessKeyId ?? null,
			operation,
			userAgent: header(headers, 'user-agent')?.slice(0, USER_AGENT_CHARS) ?? null,
			via: header(headers, 'via'),
		});
		if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
	}

	/** Oldest first. */
	list(): RequestLogEntry[] {
		return [...this.entries];
	}

	clear(): void {
		this.entries = [];
	}
}
