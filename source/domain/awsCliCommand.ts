// The equivalent AWS CLI command for what a screen shows or a command changes, so people can reproduce it or learn
// from it. Used by the views and the scriptable commands alike. Pure: the connection is only read.
import {shellQuote as quote} from './shellQuote.js';
import {credentialSource, type CredentialSource} from './credentialSource.js';
import {redactUrl} from './redactUrl.js';

/** What the command needs to know of a connection (services/clients.ts's Connection is one). */
export interface CliConnection {
	region: string;
	profile?: string;
	credentials?: CredentialSource;
	/** The endpoint given on the command line (sms-voice and pinpoint), or the emulator's URL. */
	endpoint?: string;
	local?: boolean;
}

export function awsCli(connection: CliConnection, service: 'pinpoint-sms-voice-v2' | 'pinpoint' | 'logs' | 'cloudwatch', operation: string, args: Record<string, string | string[] | boolean | undefined> = {}): string {
	const parts = ['aws', service, operation];
	for (const [flag, value] of Object.entries(args)) {
		if (value === undefined) continue;
		// CLI v1 takes a boolean as --flag / --no-flag.
		if (typeof value === 'boolean') {
			parts.push(value ? `--${flag}` : `--no-${flag}`);
			continue;
		}
		parts.push(`--${flag}`, ...(Array.isArray(value) ? value.map(quote) : [quote(value)]));
	}
	parts.push('--region', connection.region);
	// --profile only when that profile signs: with environment keys beside AWS_PROFILE, it would make the CLI sign as
	// someone else. The built-in emulator takes any credentials: its "local" profile is not one the AWS CLI knows.
	if (connection.profile && !connection.local && credentialSource(connection) === 'profile') parts.push('--profile', quote(connection.profile));
	// --endpoint-url as given on smsdeck's command line (sms-voice and pinpoint) or the emulator's; endpoints from
	// AWS_ENDPOINT_URL… or the profile are found by the CLI itself. Never the credentials a URL may carry.
	const endpoint = service === 'pinpoint-sms-voice-v2' || service === 'pinpoint' || connection.local ? connection.endpoint : undefined;
	if (endpoint) parts.push('--endpoint-url', quote(redactUrl(endpoint)));
	return parts.join(' ');
}
