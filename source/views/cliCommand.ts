// The equivalent AWS CLI command for what a screen shows, so people can reproduce it or learn from it.
import {shellQuote as quote} from '../domain/shellQuote.js';
import type {Connection} from '../services/clients.js';

export function awsCli(connection: Connection, service: 'pinpoint-sms-voice-v2' | 'logs', operation: string, args: Record<string, string | string[] | undefined> = {}): string {
	const parts = ['aws', service, operation];
	for (const [flag, value] of Object.entries(args)) {
		if (value === undefined) continue;
		parts.push(`--${flag}`, ...(Array.isArray(value) ? value.map(quote) : [quote(value)]));
	}
	parts.push('--region', connection.region);
	// The built-in emulator takes any credentials: its "local" profile is not one the AWS CLI knows.
	if (connection.profile && !connection.local) parts.push('--profile', quote(connection.profile));
	if (connection.endpoint) parts.push('--endpoint-url', connection.endpoint);
	return parts.join(' ');
}
