// The names a --tls server certificate is valid for. Kept apart from tls.ts so that checking a --tls-name
// option does not load node-forge.
import {isIP} from 'node:net';

/** A subjectAltName entry: a DNS name or an IP address (IPv6 in its canonical, compressed form). */
export type SubjectAltName = {dns: string} | {ip: string};

/** Every server certificate is valid for these. */
export const LOOPBACK_NAMES: readonly SubjectAltName[] = [{dns: 'localhost'}, {ip: '127.0.0.1'}, {ip: '::1'}];

const DNS_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DNS_NAME = new RegExp(`^(?:\\*\\.)?${DNS_LABEL}(?:\\.${DNS_LABEL})*\\.?$`, 'i');

/** `name` as a subjectAltName, or undefined when it is neither a DNS name nor an IP address. */
export function subjectAltName(name: string): SubjectAltName | undefined {
	const bare = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
	if (isIP(bare) === 4) return {ip: bare};
	// The URL parser writes an IPv6 address canonically (compressed, an embedded IPv4 part in hex).
	if (isIP(bare) === 6) return {ip: new URL(`http://[${bare}]/`).hostname.slice(1, -1)};
	if (name.length > 253 || !DNS_NAME.test(name)) return undefined;
	return {dns: name.toLowerCase().replace(/\.$/, '')};
}

/** As OpenSSL prints it: `DNS:localhost`, `IP:::1`. */
export function describeName(name: SubjectAltName): string {
	return 'dns' in name ? `DNS:${name.dns}` : `IP:${name.ip}`;
}

/**
 * The loopback names, `extra`, and the listening `host` unless it means every interface; without repeats.
 * Throws on an `extra` name that is neither a DNS name nor an IP address.
 */
export function certificateNames(extra: readonly string[] = [], host?: string): SubjectAltName[] {
	const names = [...LOOPBACK_NAMES];
	const add = (san: SubjectAltName) => {
		if (!names.some(n => describeName(n) === describeName(san))) names.push(san);
	};
	for (const name of extra) {
		const san = subjectAltName(name);
		if (!san) throw new Error(`${JSON.stringify(name)} is neither a DNS name nor an IP address`);
		add(san);
	}
	const listening = host === undefined ? undefined : subjectAltName(host);
	if (listening && !('ip' in listening && (listening.ip === '0.0.0.0' || listening.ip === '::'))) add(listening);
	return names;
}
