// Identifiers and dates as Pinpoint makes them: application ids of 32 lowercase hex characters, ARNs under
// mobiletargeting, ISO 8601 date strings.
import {createHash, randomBytes, randomUUID} from 'node:crypto';

export function newApplicationId(): string {
	return randomBytes(16).toString('hex');
}

/** A stable id for a seeded application, so tests and documentation can name it. */
export function seededApplicationId(region: string, name: string): string {
	return createHash('sha256').update(`smsdeck-push:${region}:${name}`).digest('hex').slice(0, 32);
}

export function applicationArn(region: string, accountId: string, id: string): string {
	return `arn:aws:mobiletargeting:${region}:${accountId}:apps/${id}`;
}

export function isoDate(epochMs: number): string {
	return new Date(epochMs).toISOString();
}

export function newMessageId(): string {
	return randomUUID();
}
