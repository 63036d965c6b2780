// The one place that decides who smsdeck acts as and where it sends requests — profile, credentials, Region,
// endpoint per service, CA bundle, proxy, read-only — for the console and every subcommand alike, in the AWS CLI's
// order (the differential test in test/interop holds it against the pip AWS CLI):
//   profile      --profile > AWS_PROFILE > default
//   credentials  --profile: that profile; else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; else AWS_PROFILE's profile;
//                else the SDK's default chain (default profile, SSO, process, web identity, container, instance)
//   Region       --region > AWS_REGION > AWS_DEFAULT_REGION > the profile's region [> console: last used > us-east-1]
//   endpoints    (sms-voice, logs, sts, cloudwatch, pinpoint)
//                --endpoint-url (sms-voice and pinpoint) > AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > the profile's
//                services section > the profile's endpoint_url; --local: the emulator for every service
//   CA bundle    AWS_CA_BUNDLE > the profile's ca_bundle
// No network here; the SDK is not loaded unless a Region is outside the SMS list.
import type {Connection, CredentialSource} from './clients.js';
import {checkRegion} from './partitions.js';
import {proxySettings, redactUrl, type ProxySettings} from './proxy.js';
import {loadSharedConfig, profileSetting, type SharedConfig} from './sharedConfig.js';
import {decideReadOnly, type ReadOnlyPolicy} from './readOnly.js';

export interface Setting<T> {
	value: T;
	/** Where the value came from, as a person would say it: "--region", "AWS_PROFILE", "profile prod" … */
	source: string;
}

export interface ResolveRequest {
	/** --profile */
	profile?: string;
	/** How the profile was named, when not by --profile (the console's :profile). */
	profileLabel?: string;
	/** --region */
	region?: string;
	/** --endpoint-url: sms-voice and pinpoint (the messaging APIs), as the AWS CLI scopes it to the service it calls. */
	endpointUrl?: string;
	/** The built-in emulator's URL (--local): every service goes there, with dummy credentials. */
	localUrl?: string;
	/** --read-only */
	readOnlyFlag: boolean;
	readOnly: ReadOnlyPolicy;
	env: NodeJS.ProcessEnv;
	/** The console may start in the Region used last; subcommands never fall back to a remembered value. */
	console?: {lastRegion?: string};
	/** Already read (tests, a re-resolve on :profile); read from the files env names otherwise. */
	shared?: SharedConfig;
}

export interface Resolution {
	connection: Connection;
	profile: Setting<string>;
	credentials: Setting<CredentialSource>;
	region: Setting<string>;
	endpoints: {sms?: Setting<string>; logs?: Setting<string>; sts?: Setting<string>; cloudwatch?: Setting<string>; pinpoint?: Setting<string>};
	caBundle?: Setting<string>;
	proxy: ProxySettings;
	readOnly: Setting<boolean>;
	/** Said once (stderr for a subcommand, a toast in the console); never fatal. */
	warnings: string[];
	/** The environment's access key id, when it signs (shown masked). */
	envKeyId?: string;
}

/** Bad configuration: one line, exit code 2, nothing sent. */
export class ResolutionError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ResolutionError';
	}
}

const SERVICES = {
	sms: {env: 'PINPOINT_SMS_VOICE_V2', key: 'pinpoint_sms_voice_v2'},
	logs: {env: 'CLOUDWATCH_LOGS', key: 'cloudwatch_logs'},
	sts: {env: 'STS', key: 'sts'},
	cloudwatch: {env: 'CLOUDWATCH', key: 'cloudwatch'},
	pinpoint: {env: 'PINPOINT', key: 'pinpoint'},
} as const;
type ServiceKey = keyof typeof SERVICES;

const isTrue = (v: string | undefined) => v !== undefined && v.trim().toLowerCase() === 'true';

function checkUrl(url: string, source: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
	} catch {
		// fall through
	}
	throw new ResolutionError(`${source} "${redactUrl(url)}" is not an http(s) URL`);
}

/** Endpoint configured for one service in the environment or the profile, as the AWS CLI looks it up. */
function configuredEndpoint(service: ServiceKey, profile: string, shared: SharedConfig, env: NodeJS.ProcessEnv): Setting<string> | undefined {
	if (isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(profileSetting(shared, profile, 'ignore_configured_endpoint_urls'))) return undefined;
	const {env: envName, key} = SERVICES[service];
	const serviceVar = `AWS_ENDPOINT_URL_${envName}`;
	if (env[serviceVar]) return {value: checkUrl(env[serviceVar]!, serviceVar), source: serviceVar};
	if (env.AWS_ENDPOINT_URL) return {value: checkUrl(env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL'), source: 'AWS_ENDPOINT_URL'};
	const sectionName = profileSetting(shared, profile, 'services');
	if (sectionName) {
		const section = shared.services.get(sectionName);
		if (!section) throw new ResolutionError(`profile ${profile} uses services section "${sectionName}", which is not in ${shared.configPath || 'the config file'}`);
		const entry = section[key];
		const url = typeof entry === 'object' ? entry.endpoint_url : undefined;
		if (url) return {value: checkUrl(url, `[services ${sectionName}] ${key}`), source: `[services ${sectionName}] ${key}`};
	}
	const global = profileSetting(shared, profile, 'endpoint_url');
	if (global) return {value: checkUrl(global, `profile ${profile} endpoint_url`), source: `profile ${profile} endpoint_url`};
	return undefined;
}

const envCredentialsSet = (env: NodeJS.ProcessEnv) => Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);

export async function resolve(request: ResolveRequest): Promise<Resolution> {
	const {env} = request;
	const warnings: string[] = [];
	const local = request.localUrl !== undefined;
	const shared = request.shared ?? loadSharedConfig(env);

	// Profile and credentials.
	let profile: Setting<string>;
	let credentials: Setting<CredentialSource>;
	if (local) {
		profile = {value: 'local', source: '--local'};
		credentials = {value: 'local', source: 'the built-in emulator takes any'};
	} else {
		if (request.profile) profile = {value: request.profile, source: request.profileLabel ?? '--profile'};
		else if (env.AWS_PROFILE) profile = {value: env.AWS_PROFILE, source: 'AWS_PROFILE'};
		else profile = {value: 'default', source: 'default'};
		if (profile.source !== 'default' && !shared.profiles.has(profile.value)) {
			const known = [...shared.profiles.keys()];
			throw new ResolutionError(
				`profile "${profile.value}" (${profile.source}) is not in ${shared.configPath} or ${shared.credentialsPath}` +
					(known.length > 0 ? ` (profiles there: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ' …' : ''})` : ''),
			);
		}
		if (request.profile) credentials = {value: 'profile', source: `profile ${profile.value}`};
		else if (envCredentialsSet(env)) credentials = {value: 'env', source: 'AWS_ACCESS_KEY_ID'};
		else if (profile.source === 'AWS_PROFILE') credentials = {value: 'profile', source: `profile ${profile.value}`};
		else credentials = {value: 'chain', source: "the SDK's default chain"};
	}

	// Region.
	let region: Setting<string> | undefined;
	if (request.region) region = {value: request.region, source: '--region'};
	else if (env.AWS_REGION) region = {value: env.AWS_REGION, source: 'AWS_REGION'};
	else if (env.AWS_DEFAULT_REGION) region = {value: env.AWS_DEFAULT_REGION, source: 'AWS_DEFAULT_REGION'};
	else if (!local && profileSetting(shared, profile.value, 'region')) {
		region = {value: profileSetting(shared, profile.value, 'region')!, source: `profile ${profile.value}`};
	}
	if (region) {
		const check = await checkRegion(region.value);
		if (!check.ok) throw new ResolutionError(`${region.source}: ${check.reason}`);
		if (check.warning) warnings.push(check.warning);
	} else if (request.console) {
		const last = request.console.lastRegion;
		region = last && (await checkRegion(last)).ok ? {value: last, source: 'last used'} : {value: 'us-east-1', source: 'default'};
	} else if (local) {
		region = {value: 'us-east-1', source: 'the emulator’s default'};
	} else {
		throw new ResolutionError(
			`no Region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or give profile ${profile.value} one (aws configure set region us-east-1${profile.value === 'default' ? '' : ` --profile ${profile.value}`})`,
		);
	}

	// Endpoints.
	const endpoints: Resolution['endpoints'] = {};
	if (local) {
		for (const key of Object.keys(SERVICES) as ServiceKey[]) endpoints[key] = {value: request.localUrl!, source: '--local'};
	} else {
		for (const key of Object.keys(SERVICES) as ServiceKey[]) {
			const found = configuredEndpoint(key, profile.value, shared, env);
			if (found) endpoints[key] = found;
		}
		if (request.endpointUrl) {
			endpoints.sms = {value: checkUrl(request.endpointUrl, '--endpoint-url'), source: '--endpoint-url'};
			endpoints.pinpoint = endpoints.sms;
		}
	}

	// TLS trust and proxy.
	let caBundle: Setting<string> | undefined;
	if (!local) {
		if (env.AWS_CA_BUNDLE) caBundle = {value: env.AWS_CA_BUNDLE, source: 'AWS_CA_BUNDLE'};
		else if (profileSetting(shared, profile.value, 'ca_bundle')) caBundle = {value: profileSetting(shared, profile.value, 'ca_bundle')!, source: `profile ${profile.value}`};
	}
	const proxy = local ? {} : proxySettings(env);

	const readOnly = decideReadOnly(request.readOnlyFlag, profile.value, request.readOnly);
	const connection: Connection = {
		region: region.value,
		profile: local || profile.source === 'default' ? undefined : profile.value,
		credentials: credentials.value,
		local,
		endpoint: local ? request.localUrl : request.endpointUrl,
		configuredEndpoints: local
			? undefined
			: {
					sms: request.endpointUrl ? undefined : endpoints.sms?.value,
					logs: endpoints.logs?.value,
					sts: endpoints.sts?.value,
					cloudwatch: endpoints.cloudwatch?.value,
					pinpoint: request.endpointUrl ? undefined : endpoints.pinpoint?.value,
				},
		caBundle: caBundle?.value,
		readOnly: readOnly.value,
	};
	const envKeyId = credentials.value === 'env' ? env.AWS_ACCESS_KEY_ID : undefined;
	return {connection, profile, credentials, region, endpoints, caBundle, proxy, readOnly, warnings, envKeyId};
}

/**
 * When --endpoint-url sent sms-voice elsewhere but `uses` (Logs, STS) still go to AWS: one line saying so, for
 * whoever is about to call them.
 */
const SERVICE_NAMES = {logs: 'CloudWatch Logs', sts: 'STS', cloudwatch: 'CloudWatch'} as const;

export function endpointScopeWarning(r: Resolution, uses: readonly Exclude<ServiceKey, 'sms' | 'pinpoint'>[]): string | undefined {
	if (r.endpoints.sms?.source !== '--endpoint-url') return undefined;
	const elsewhere = uses.filter(key => !r.endpoints[key]);
	if (elsewhere.length === 0) return undefined;
	const names = elsewhere.map(k => SERVICE_NAMES[k]).join(' and ');
	return `--endpoint-url is for sms-voice and pinpoint only (as the AWS CLI's is for the one service it calls): ${names} still go${elsewhere.length === 1 ? 'es' : ''} to AWS; AWS_ENDPOINT_URL points every service elsewhere`;
}

export interface ResolutionRow {
	name: string;
	value: string;
	source: string;
}

/** What was decided and why, one row per setting (like `aws configure list`), endpoint credentials hidden. */
export function describeResolution(r: Resolution): ResolutionRow[] {
	const credentialText: Record<CredentialSource, string> = {
		local: 'dummy keys',
		env: `environment keys ${r.connection.local ? '' : maskedKeyId(r)}`.trim(),
		profile: `profile ${r.profile.value}`,
		chain: 'SSO, process, web identity, container or instance',
	};
	const endpoint = (key: ServiceKey) => {
		const e = r.endpoints[key];
		return e ? {value: redactUrl(e.value), source: e.source} : {value: 'AWS', source: 'the Region’s public endpoint'};
	};
	const proxy = [r.proxy.https && `https ${r.proxy.https}`, r.proxy.http && `http ${r.proxy.http}`].filter(Boolean).join(', ');
	return [
		{name: 'profile', value: r.profile.value, source: r.profile.source},
		{name: 'credentials', value: credentialText[r.credentials.value], source: r.credentials.source},
		{name: 'region', value: r.region.value, source: r.region.source},
		{name: 'sms-voice endpoint', ...endpoint('sms')},
		{name: 'logs endpoint', ...endpoint('logs')},
		{name: 'sts endpoint', ...endpoint('sts')},
		{name: 'cloudwatch endpoint', ...endpoint('cloudwatch')},
		{name: 'pinpoint endpoint', ...endpoint('pinpoint')},
		{name: 'ca bundle', value: r.caBundle?.value ?? 'system', source: r.caBundle?.source ?? 'Node’s trusted roots'},
		{name: 'proxy', value: proxy || 'none', source: proxy ? (r.proxy.noProxy ? `HTTPS_PROXY/HTTP_PROXY, NO_PROXY ${r.proxy.noProxy}` : 'HTTPS_PROXY/HTTP_PROXY') : 'no proxy variable set'},
		{name: 'read-only', value: r.readOnly.value ? 'yes' : 'no', source: r.readOnly.source},
	];
}

/** The access key id as `aws configure list` shows it: the last four characters. */
function maskedKeyId(r: Resolution): string {
	const id = r.envKeyId;
	return id ? `****************${id.slice(-4)}` : '';
}
