// The sockets every AWS call goes out on: through the proxy the environment names (HTTPS_PROXY, HTTP_PROXY,
// NO_PROXY — see proxy.ts), trusting the CA bundle the user configured. One pair of agents serves the service
// clients and the credential chain's own clients (STS, SSO, SSO OIDC). Instance and container metadata calls do
// not use these agents: the SDK sends them on Node's plain global agent, so they never go to a proxy.
// Every call also gets the time limits of timeouts.ts (connect, first byte, idle), with or without our agents;
// the connect limit covers a proxy's CONNECT too (the socket is handed over only once the tunnel is up).
import {readFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type {Duplex} from 'node:stream';
import {Agent as RoutingAgentBase, type AgentConnectOpts} from 'agent-base';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {HttpProxyAgent} from 'http-proxy-agent';
import {proxyForUrl} from './proxy.js';
import {DEFAULT_CALL_TIMEOUTS, type CallTimeouts} from './timeouts.js';

export interface AgentSettings {
	/** PEM file of extra certificate authorities to trust (AWS_CA_BUNDLE or the profile's ca_bundle). */
	caBundle?: string;
	env: NodeJS.ProcessEnv;
	/** Never use a proxy (the built-in emulator on loopback). */
	direct?: boolean;
}

/** Picks, per request, a direct connection or the proxy for its URL. */
class RoutingAgent extends RoutingAgentBase {
	private readonly direct: {http: http.Agent; https: https.Agent};
	private readonly viaProxy = new Map<string, http.Agent>();

	constructor(
		private readonly env: NodeJS.ProcessEnv,
		private readonly tls: {ca?: Buffer},
	) {
		// The TLS options ride on every request's options (Node merges an agent's own options into them), which is
		// where the proxy agent takes the target's TLS settings from once its tunnel is up.
		super({keepAlive: true, ...tls});
		this.direct = {http: new http.Agent({keepAlive: true}), https: new https.Agent({keepAlive: true, ...tls})};
	}

	override connect(_req: http.ClientRequest, opts: AgentConnectOpts): http.Agent | Duplex {
		const scheme = opts.secureEndpoint ? 'https' : 'http';
		const host = opts.host?.includes(':') ? `[${opts.host}]` : opts.host;
		const proxy = proxyForUrl(`${scheme}://${host}:${opts.port}`, this.env);
		if (!proxy) return opts.secureEndpoint ? this.direct.https : this.direct.http;
		const key = `${scheme} ${proxy}`;
		let agent = this.viaProxy.get(key);
		if (!agent) {
			agent = opts.secureEndpoint ? new HttpsProxyAgent(proxy, {keepAlive: true, ...this.tls}) : new HttpProxyAgent(proxy, {keepAlive: true});
			this.viaProxy.set(key, agent);
		}
		return agent;
	}

	override destroy(): void {
		this.direct.http.destroy();
		this.direct.https.destroy();
		for (const agent of this.viaProxy.values()) agent.destroy();
		super.destroy();
	}
}

export class CaBundleError extends Error {
	constructor(path: string, cause: NodeJS.ErrnoException) {
		super(`cannot read the CA bundle ${path} (${cause.code ?? cause.message})`);
		this.name = 'CaBundleError';
	}
}

/** What the SDK's NodeHttpHandler is built from (`requestHandler: {...}`): the agents and the time limits. */
export interface RequestHandlerOptions {
	/** Our own agents when a proxy or a CA bundle is set; absent: the SDK makes its own. */
	httpAgent?: http.Agent;
	httpsAgent?: https.Agent;
	connectionTimeout: number;
	/** With throwOnRequestTimeout, a hard limit on the wait for the answer's headers (the first byte). */
	requestTimeout: number;
	throwOnRequestTimeout: true;
	/** Idle socket limit, the answer's body included. */
	socketTimeout: number;
}

/**
 * Options for the SDK's NodeHttpHandler: the time limits of every call (timeouts.ts), and agents of our own when a
 * proxy or a CA bundle is set (the SDK's own agents otherwise).
 */
export function requestHandlerOptions(settings: AgentSettings & {timeouts?: CallTimeouts}): RequestHandlerOptions {
	const t = settings.timeouts ?? DEFAULT_CALL_TIMEOUTS;
	const limits = {connectionTimeout: t.connectMs, requestTimeout: t.firstByteMs, throwOnRequestTimeout: true as const, socketTimeout: t.idleMs};
	const agents = agentsFor(settings);
	return agents ? {...agents, ...limits} : limits;
}

function agentsFor(settings: AgentSettings): {httpAgent: http.Agent; httpsAgent: https.Agent} | undefined {
	const {env} = settings;
	const proxied = !settings.direct && ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some(name => env[name]);
	if (!proxied && !settings.caBundle) return undefined;
	let ca: Buffer | undefined;
	if (settings.caBundle) {
		try {
			ca = readFileSync(settings.caBundle);
		} catch (error) {
			throw new CaBundleError(settings.caBundle, error as NodeJS.ErrnoException);
		}
	}
	const tls = ca ? {ca} : {};
	if (!proxied) {
		return {httpAgent: new http.Agent({keepAlive: true}), httpsAgent: new https.Agent({keepAlive: true, ...tls})};
	}
	const routing = new RoutingAgent(env, tls);
	return {httpAgent: routing, httpsAgent: routing as unknown as https.Agent};
}
