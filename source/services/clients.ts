// AWS SDK clients, one set per connection (profile, credentials, Region, endpoints, CA bundle, read-only). The
// only place that constructs SDK clients. What goes into a Connection is decided by resolver.ts; the SDK is
// imported lazily, on the first call, so the console starts without loading it.
import type {PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import type {CloudWatchClient} from '@aws-sdk/client-cloudwatch';
import type {PinpointClient} from '@aws-sdk/client-pinpoint';
import type {STSClient} from '@aws-sdk/client-sts';
import {RateLimiter, type ServiceName} from './rateLimiter.js';
import {Health} from './health.js';
import {guardReadOnly} from './readOnly.js';
import {callAnswered, callEnded, callStarted} from './inFlight.js';
import type {CallTimeouts} from './timeouts.js';

/** local: the emulator's dummy keys; env: AWS_ACCESS_KEY_ID…; profile: the named profile; chain: the SDK's default chain. */
import {credentialSource, type CredentialSource} from '../domain/credentialSource.js';

export {credentialSource, type CredentialSource};

export interface Connection {
	region: string;
	/** The profile whose settings apply (FIPS, retries, credentials when `credentials` is 'profile'); undefined: none named. */
	profile?: string;
	/** Where credentials come from; by default the emulator's for local, else the profile's or the default chain. */
	credentials?: CredentialSource;
	/** The sms-voice endpoint given on the command line (--endpoint-url), or the emulator's URL (--local). */
	endpoint?: string;
	/** Endpoints the environment or the profile configure (AWS_ENDPOINT_URL…, services sections). */
	configuredEndpoints?: {sms?: string; logs?: string; sts?: string; cloudwatch?: string; pinpoint?: string};
	/** PEM file of certificate authorities to trust (AWS_CA_BUNDLE, profile ca_bundle). */
	caBundle?: string;
	/** Talking to the built-in emulator: dummy credentials, every service at `endpoint`, never through a proxy. */
	local: boolean;
	/** Every change is refused by the clients themselves (services/readOnly.ts). */
	readOnly?: boolean;
}


/** The endpoint each service is sent to; undefined: AWS's own for the Region. */
export function serviceEndpoints(c: Connection): {sms?: string; logs?: string; sts?: string; cloudwatch?: string; pinpoint?: string} {
	if (c.local) return {sms: c.endpoint, logs: c.endpoint, sts: c.endpoint, cloudwatch: c.endpoint, pinpoint: c.endpoint};
	const configured = c.configuredEndpoints;
	// --endpoint-url goes to sms-voice and to Pinpoint (push): the two messaging APIs smsdeck speaks.
	return {sms: c.endpoint ?? configured?.sms, logs: configured?.logs, sts: configured?.sts, cloudwatch: configured?.cloudwatch, pinpoint: c.endpoint ?? configured?.pinpoint};
}

export function connectionKey(c: Connection): string {
	const e = serviceEndpoints(c);
	return [c.profile ?? '', credentialSource(c), c.region, e.sms ?? 'aws', e.logs ?? 'aws', e.sts ?? 'aws', e.cloudwatch ?? 'aws', e.pinpoint ?? 'aws', c.caBundle ?? '', c.readOnly ? 'ro' : 'rw'].join('|');
}

export interface Clients {
	connection: Connection;
	sms: PinpointSMSVoiceV2Client;
	readonly logs: CloudWatchLogsClient;
	readonly sts: STSClient;
	/** CloudWatch (metrics): its SDK module loads on the first call, not with the others. */
	cloudwatch(): Promise<CloudWatchClient>;
	/** Pinpoint (push applications, channels, SendMessages): its SDK module loads on the first call. */
	pinpoint(): Promise<PinpointClient>;
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
	/** Per-call limits (connect, first byte, idle); default DEFAULT_CALL_TIMEOUTS (timeouts.ts). */
	timeouts?: CallTimeouts;
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

/** Names the call an error came from (errors.ts says it in messages about the endpoint); the first name stays. */
function tagOperation(error: unknown, operation: string): void {
	if (error !== null && typeof error === 'object' && Object.isExtensible(error) && !('smsdeckOperation' in error)) {
		Object.defineProperty(error, 'smsdeckOperation', {value: operation, enumerable: false});
	}
}

/**
 * Every answer is checked against the operation's schema before anyone reads it (answerShape.ts), and counted
 * while it is awaited (inFlight.ts). Runs outside the SDK's retries: a malformed answer is not worth another try.
 */
function addAnswerCheck(client: Middlewared, checkAnswer: (operation: string, schema: never, output: unknown) => void) {
	client.middlewareStack.add(
		(next: (args: unknown) => Promise<{output: unknown}>, context: {commandName?: string; __smithy_context?: {operationSchema?: unknown[]}}) =>
			async (args: unknown) => {
				const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
				callStarted(operation);
				try {
					const result = await next(args);
					const schema = context.__smithy_context?.operationSchema;
					if (Array.isArray(schema) && schema[5] !== undefined) checkAnswer(operation, schema[5] as never, result.output);
					callAnswered(operation);
					return result;
				} catch (error) {
					tagOperation(error, operation);
					throw error;
				} finally {
					callEnded(operation);
				}
			},
		{step: 'initialize', priority: 'low', name: 'smsdeckAnswerCheck'},
	);
}

/** The SDK's warning about AWS_PROFILE beside environment keys is not for our users: the resolver already chose. */
const QUIET_LOGGER = {debug() {}, info() {}, warn() {}, error() {}};

async function credentialProvider(connection: Connection, options: ClientOptions, env: NodeJS.ProcessEnv): Promise<unknown> {
	const source = credentialSource(connection);
	if (source === 'local') return LOCAL_CREDENTIALS;
	const key = `${source}|${connection.profile ?? ''}|${connection.caBundle ?? ''}`;
	const cached = options.credentialCache?.get(key);
	if (cached) return cached;
	const providers = await import('@aws-sdk/credential-providers');
	// The credential chain's own clients (STS for roles, SSO, SSO OIDC) use the same proxy, CA bundle and time
	// limits, on agents of their own: the SDK may destroy those clients (and their agents) once it has the
	// credentials.
	const {requestHandlerOptions} = await import('./httpAgents.js');
	const clientConfig = source === 'env' ? undefined : {requestHandler: requestHandlerOptions({caBundle: connection.caBundle, env, timeouts: options.timeouts})};
	const chain =
		source === 'env'
			? providers.fromEnv()
			: providers.fromNodeProviderChain({
					...(source === 'profile' ? {profile: connection.profile} : {}),
					mfaCodeProvider: options.mfaCodeProvider,
					clientConfig,
					logger: QUIET_LOGGER,
				} as Parameters<typeof providers.fromNodeProviderChain>[0]);
	// A failure inside the chain (an STS or SSO call that times out) is about the credentials, not the call that
	// needed them: errors.ts says so.
	const provider = async (...args: Parameters<typeof chain>) => {
		try {
			return await chain(...args);
		} catch (error) {
			tagOperation(error, 'getting credentials');
			throw error;
		}
	};
	options.credentialCache?.set(key, provider);
	return provider;
}

export async function createClients(connection: Connection, options: ClientOptions): Promise<Clients> {
	const env = options.env ?? process.env;
	// The proxy agents load with the SDK, on the first call, not at start.
	const [{PinpointSMSVoiceV2Client}, {CloudWatchLogsClient}, {STSClient}, {requestHandlerOptions}, {checkAnswer}] = await Promise.all([
		import('@aws-sdk/client-pinpoint-sms-voice-v2'),
		import('@aws-sdk/client-cloudwatch-logs'),
		import('@aws-sdk/client-sts'),
		import('./httpAgents.js'),
		import('./answerShape.js'),
	]);
	const handler = requestHandlerOptions({caBundle: connection.caBundle, env, direct: connection.local, timeouts: options.timeouts});
	const credentials = await credentialProvider(connection, options, env);
	const endpoints = serviceEndpoints(connection);
	// No retry settings of our own: AWS_MAX_ATTEMPTS, AWS_RETRY_MODE and the profile's max_attempts, retry_mode,
	// use_fips_endpoint … reach the SDK through `profile`, as they reach the AWS CLI. Time limits are ours
	// (timeouts.ts): the SDK sets none by default, and a silent endpoint would hold a call for ever.
	const common = {
		region: connection.region,
		credentials,
		...(connection.profile && !connection.local ? {profile: connection.profile} : {}),
		requestHandler: handler,
	} as Record<string, unknown>;
	const withEndpoint = (endpoint: string | undefined) => (endpoint ? {...common, endpoint} : common);
	const sms = new PinpointSMSVoiceV2Client(withEndpoint(endpoints.sms));
	addPacing(sms as unknown as Middlewared, 'sms-voice', connection.region, options);
	addAnswerCheck(sms as unknown as Middlewared, checkAnswer);
	if (connection.readOnly) guardReadOnly(sms);
	// The logs and STS clients are made on first use: browsing 34 Regions needs only the sms-voice one.
	let logs: CloudWatchLogsClient | undefined;
	let sts: STSClient | undefined;
	let cloudwatch: Promise<CloudWatchClient> | undefined;
	let pinpoint: Promise<PinpointClient> | undefined;
	let destroyed = false;
	/** A client made on first use: paced, its answers checked, read-only guarded, released by destroy(). */
	const guarded = <C extends {destroy(): void}>(client: C, service: ServiceName): C => {
		addPacing(client as unknown as Middlewared, service, connection.region, options);
		addAnswerCheck(client as unknown as Middlewared, checkAnswer);
		if (connection.readOnly) guardReadOnly(client);
		// Made after destroy() (a call still loading the module): release it at once.
		if (destroyed) client.destroy();
		return client;
	};
	return {
		connection,
		sms,
		get logs() {
			if (!logs) {
				// StartLiveTail prefixes the host with "stream-"; a custom endpoint (emulator, proxy) has no such host.
				logs = new CloudWatchLogsClient({...withEndpoint(endpoints.logs), ...(endpoints.logs ? {disableHostPrefix: true} : {})});
				addPacing(logs as unknown as Middlewared, 'logs', connection.region, options);
				addAnswerCheck(logs as unknown as Middlewared, checkAnswer);
				if (connection.readOnly) guardReadOnly(logs);
			}
			return logs;
		},
		get sts() {
			if (!sts) {
				sts = new STSClient(withEndpoint(endpoints.sts));
				addAnswerCheck(sts as unknown as Middlewared, checkAnswer);
			}
			return sts;
		},
		cloudwatch() {
			cloudwatch ??= import('@aws-sdk/client-cloudwatch').then(({CloudWatchClient}) => guarded(new CloudWatchClient(withEndpoint(endpoints.cloudwatch)), 'cloudwatch'));
			return cloudwatch;
		},
		pinpoint() {
			pinpoint ??= import('@aws-sdk/client-pinpoint').then(({PinpointClient}) => guarded(new PinpointClient(withEndpoint(endpoints.pinpoint)), 'pinpoint'));
			return pinpoint;
		},
		destroy() {
			destroyed = true;
			sms.destroy();
			logs?.destroy();
			sts?.destroy();
			void cloudwatch?.then(client => client.destroy(), () => {});
			void pinpoint?.then(client => client.destroy(), () => {});
			handler.httpAgent?.destroy();
			handler.httpsAgent?.destroy();
		},
	};
}

export function destroyClients(clients: Clients | undefined): void {
	clients?.destroy();
}
