// AWS SDK clients, one set per (profile, Region, endpoint). The only place that constructs SDK clients.
// The SDK is imported lazily, on the first call, so the console starts without loading it.
import {readFileSync} from 'node:fs';
import type {PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import type {STSClient} from '@aws-sdk/client-sts';
import {RateLimiter, type ServiceName} from './rateLimiter.js';
import {Health} from './health.js';

export interface Connection {
	profile?: string;
	region: string;
	/** Custom endpoint (--endpoint-url or the local emulator). */
	endpoint?: string;
	/** Talking to the built-in emulator: dummy credentials. */
	local: boolean;
}

export function connectionKey(c: Connection): string {
	return `${c.profile ?? ''}|${c.region}|${c.endpoint ?? 'aws'}`;
}

export interface Clients {
	connection: Connection;
	sms: PinpointSMSVoiceV2Client;
	readonly logs: CloudWatchLogsClient;
	readonly sts: STSClient;
	destroy(): void;
}

export interface ClientOptions {
	limiter: RateLimiter;
	health: Health;
	env?: NodeJS.ProcessEnv;
	/** Asked for an MFA code when a profile's role needs one (the console shows a dialog). */
	mfaCodeProvider?: (serial: string) => Promise<string>;
	/**
	 * One credential provider per profile, shared by the clients of every Region: the chain (and an MFA prompt,
	 * an assumed role, an SSO token) runs once and its result is reused until it expires.
	 */
	credentialCache?: Map<string, unknown>;
}

export const LOCAL_CREDENTIALS = {accessKeyId: 'smsdeck-local', secretAccessKey: 'smsdeck-local'};

const THROTTLE_BACKOFF_MS = 2000;

type Middlewared = {middlewareStack: {add: (mw: unknown, opts: unknown) => void}};

/** Paces every attempt (inside the SDK's retry loop) and reports throttling to the health line. */
function addPacing(client: Middlewared, service: ServiceName, region: string, options: ClientOptions) {
	client.middlewareStack.add(
		(next: (args: unknown) => Promise<unknown>, context: {commandName?: string}) => async (args: unknown) => {
			const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
			await options.limiter.acquire(service, region, operation);
			try {
				const result = await next(args);
				options.health.recovered();
				return result;
			} catch (error) {
				const e = error as {name?: string; $metadata?: {httpStatusCode?: number}};
				if (e.name === 'ThrottlingException' || e.name === 'TooManyRequestsException' || e.$metadata?.httpStatusCode === 429) {
					options.limiter.penalize(service, region, operation, THROTTLE_BACKOFF_MS);
					options.health.throttled(operation, Date.now() + THROTTLE_BACKOFF_MS);
				}
				throw error;
			}
		},
		{step: 'finalizeRequest', priority: 'low', name: `smsdeckPacing${service}`},
	);
}

function requestHandlerOptions(env: NodeJS.ProcessEnv) {
	const bundle = env.AWS_CA_BUNDLE;
	if (!bundle) return undefined;
	return import('node:https').then(https => ({
		httpsAgent: new https.Agent({keepAlive: true, ca: readFileSync(bundle)}),
	}));
}

export async function createClients(connection: Connection, options: ClientOptions): Promise<Clients> {
	const env = options.env ?? process.env;
	const [{PinpointSMSVoiceV2Client}, {CloudWatchLogsClient}, {STSClient}] = await Promise.all([
		import('@aws-sdk/client-pinpoint-sms-voice-v2'),
		import('@aws-sdk/client-cloudwatch-logs'),
		import('@aws-sdk/client-sts'),
	]);
	let credentials: unknown;
	if (connection.local) {
		credentials = LOCAL_CREDENTIALS;
	} else {
		const key = connection.profile ?? '';
		credentials = options.credentialCache?.get(key);
		if (!credentials) {
			const {fromNodeProviderChain} = await import('@aws-sdk/credential-providers');
			credentials = fromNodeProviderChain({
				profile: connection.profile,
				mfaCodeProvider: options.mfaCodeProvider,
			} as Parameters<typeof fromNodeProviderChain>[0]);
			options.credentialCache?.set(key, credentials);
		}
	}
	const handler = await requestHandlerOptions(env);
	const common = {
		region: connection.region,
		credentials,
		maxAttempts: 3,
		...(connection.endpoint ? {endpoint: connection.endpoint} : {}),
		...(handler ? {requestHandler: handler} : {}),
	} as Record<string, unknown>;
	const sms = new PinpointSMSVoiceV2Client(common);
	addPacing(sms as unknown as Middlewared, 'sms-voice', connection.region, options);
	// The logs and STS clients are made on first use: browsing 29 Regions needs only the sms-voice one.
	let logs: CloudWatchLogsClient | undefined;
	let sts: STSClient | undefined;
	return {
		connection,
		sms,
		get logs() {
			if (!logs) {
				// StartLiveTail prefixes the host with "stream-"; a custom endpoint (emulator, proxy) has no such host.
				logs = new CloudWatchLogsClient({...common, ...(connection.endpoint ? {disableHostPrefix: true} : {})});
				addPacing(logs as unknown as Middlewared, 'logs', connection.region, options);
			}
			return logs;
		},
		get sts() {
			sts ??= new STSClient(common);
			return sts;
		},
		destroy() {
			sms.destroy();
			logs?.destroy();
			sts?.destroy();
		},
	};
}

export function destroyClients(clients: Clients | undefined): void {
	clients?.destroy();
}
