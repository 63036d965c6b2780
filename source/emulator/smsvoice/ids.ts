// Identifiers and ARNs of the emulated service.
import {createHash, randomBytes, randomUUID} from 'node:crypto';

/** `prefix-` + 32 lower-case hex characters, random (e.g. phone-…, pool-…). */
export function newId(prefix: string): string {
	return `${prefix}-${randomBytes(16).toString('hex')}`;
}

/** The same shape as newId, derived from a label: seeds are stable across runs. */
export function stableId(prefix: string, label: string): string {
	return `${prefix}-${createHash('sha256').update(`${prefix}:${label}`).digest('hex').slice(0, 32)}`;
}

export function newMessageId(): string {
	return randomUUID();
}

export function arn(region: string, account: string, resource: string): string {
	return `arn:aws:sms-voice:${region}:${account}:${resource}`;
}

export interface ParsedArn {
	service: string;
	region: string;
	account: string;
	/** e.g. "phone-number", "pool", "sender-id", "configuration-set". */
	type: string;
	/** Everything after `type/`. */
	id: string;
}

/** Parses `arn:aws:sms-voice:REGION:ACCOUNT:TYPE/ID…`; undefined when it is not such an ARN. */
export function parseSmsArn(value: string): ParsedArn | undefined {
	const match = /^arn:aws[a-z-]*:([a-z-]+):([a-z0-9-]*):(\d*):([a-z-]+)\/(.+)$/.exec(value);
	if (!match) return undefined;
	return {service: match[1], region: match[2], account: match[3], type: match[4], id: match[5]};
}

export function isArn(value: string): boolean {
	return value.startsWith('arn:');
}

/**
 * Log group name and region from a CloudWatch Logs group ARN:
 * `arn:aws:logs:REGION:ACCOUNT:log-group:NAME` with an optional trailing `:*`.
 */
export function parseLogGroupArn(value: string): {region: string; name: string} | undefined {
	const match = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):\d*:log-group:(.+?)(:\*)?$/.exec(value);
	if (!match || match[2] === '') return undefined;
	return {region: match[1], name: match[2]};
}
