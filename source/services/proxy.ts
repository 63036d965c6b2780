// Which proxy a request goes through, decided from the environment the way the AWS CLI decides it (botocore uses
// Python's urllib: https_proxy for https URLs, http_proxy for http URLs, the lower-case name first, no_proxy as a
// comma-separated list of hosts and domain suffixes, "*" for none). No I/O.
import {redactUrl} from '../domain/redactUrl.js';

/** The variable's value, the lower-case name first (an empty lower-case value switches it off). */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
	const lower = env[name.toLowerCase()];
	if (lower !== undefined) return lower || undefined;
	return env[name.toUpperCase()] || undefined;
}

/** True when NO_PROXY says `host` (optionally host:port) is reached directly. */
export function bypassesProxy(hostWithPort: string, env: NodeJS.ProcessEnv): boolean {
	const noProxy = envValue(env, 'no_proxy');
	if (!noProxy) return false;
	if (noProxy.trim() === '*') return true;
	const host = hostWithPort.toLowerCase();
	const hostOnly = host.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^([^:[\]]+):\d+$/, '$1');
	for (const raw of noProxy.split(',')) {
		const name = raw.trim().replace(/^\.+/, '').toLowerCase();
		if (!name) continue;
		if (hostOnly === name || host === name) return true;
		if (hostOnly.endsWith('.' + name) || host.endsWith('.' + name)) return true;
	}
	return false;
}

/** The proxy URL for a request to `url`, or undefined to connect directly. */
export function proxyForUrl(url: string, env: NodeJS.ProcessEnv): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	const scheme = parsed.protocol.replace(/:$/, '');
	if (scheme !== 'http' && scheme !== 'https') return undefined;
	const proxy = envValue(env, `${scheme}_proxy`);
	if (!proxy || bypassesProxy(parsed.host, env)) return undefined;
	return proxy.includes('://') ? proxy : `http://${proxy}`;
}

export interface ProxySettings {
	https?: string;
	http?: string;
	noProxy?: string;
}

/** The proxy variables in effect, for display (passwords hidden). */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings {
	const https = envValue(env, 'https_proxy');
	const http = envValue(env, 'http_proxy');
	return {
		...(https ? {https: redactUrl(https)} : {}),
		...(http ? {http: redactUrl(http)} : {}),
		...(envValue(env, 'no_proxy') ? {noProxy: envValue(env, 'no_proxy')} : {}),
	};
}

export {redactUrl};
