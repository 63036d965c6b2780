// The shared AWS config and credentials files, read the way the AWS CLI reads them: ~/.aws/config
// ([default], [profile x], [services x], [sso-session x]) and ~/.aws/credentials ([x]), honouring AWS_CONFIG_FILE
// and AWS_SHARED_CREDENTIALS_FILE. A profile is the config section merged with the credentials section of the same
// name (the credentials file wins, as in botocore). Indented lines under an empty key are a nested map, as in a
// services section:
//   [services local]
//   pinpoint_sms_voice_v2 =
//     endpoint_url = http://127.0.0.1:4566
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

export type IniValue = string | Record<string, string>;
export type IniSection = Record<string, IniValue>;

/** Sections of an INI file, in file order; a repeated section adds to the first. */
export function parseIni(text: string): Map<string, IniSection> {
	const sections = new Map<string, IniSection>();
	let current: IniSection | undefined;
	let nestedKey: string | undefined;
	for (const raw of text.split(/\r?\n/)) {
		if (/^\s*([#;].*)?$/.test(raw)) continue;
		const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/.exec(raw);
		if (header) {
			const name = header[1].replace(/\s+/g, ' ');
			current = sections.get(name) ?? {};
			sections.set(name, current);
			nestedKey = undefined;
			continue;
		}
		if (!current) continue;
		const indented = /^\s/.test(raw);
		const pair = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(raw);
		if (!pair) continue;
		const [, key, value] = pair;
		if (indented && nestedKey !== undefined) {
			const nested = current[nestedKey];
			if (typeof nested === 'object') nested[key.toLowerCase()] = value;
			continue;
		}
		if (value === '') {
			current[key] = {};
			nestedKey = key;
		} else {
			current[key] = value;
			nestedKey = undefined;
		}
	}
	return sections;
}

export interface SharedConfig {
	configPath: string;
	credentialsPath: string;
	/** Profile name → its settings (config merged with credentials; credentials win). */
	profiles: Map<string, IniSection>;
	/** [services name] sections: service key (e.g. pinpoint_sms_voice_v2) → its settings. */
	services: Map<string, IniSection>;
}

export function configFilePaths(env: NodeJS.ProcessEnv = process.env): {config: string; credentials: string} {
	const home = env.HOME || env.USERPROFILE || homedir();
	return {
		config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
		credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
	};
}

function readText(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

/** Profile name of a config-file section: "default" and "profile x" are profiles; other sections are not. */
export function configSectionProfile(section: string): string | undefined {
	if (section === 'default') return 'default';
	const m = /^profile\s+(\S.*)$/.exec(section);
	return m ? m[1].trim() : undefined;
}

export function parseSharedConfig(configText: string, credentialsText: string, paths = {config: '', credentials: ''}): SharedConfig {
	const profiles = new Map<string, IniSection>();
	const services = new Map<string, IniSection>();
	for (const [section, values] of parseIni(configText)) {
		const profile = configSectionProfile(section);
		if (profile !== undefined) {
			profiles.set(profile, {...profiles.get(profile), ...values});
			continue;
		}
		const service = /^services\s+(\S.*)$/.exec(section);
		if (service) services.set(service[1].trim(), values);
	}
	for (const [section, values] of parseIni(credentialsText)) {
		if (/\s/.test(section)) continue;
		profiles.set(section, {...profiles.get(section), ...values});
	}
	return {configPath: paths.config, credentialsPath: paths.credentials, profiles, services};
}

export function loadSharedConfig(env: NodeJS.ProcessEnv = process.env): SharedConfig {
	const paths = configFilePaths(env);
	return parseSharedConfig(readText(paths.config), readText(paths.credentials), paths);
}

/** A plain string setting of a profile (nested maps and missing keys: undefined). */
export function profileSetting(config: SharedConfig, profile: string, key: string): string | undefined {
	const value = config.profiles.get(profile)?.[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Every profile name in both files, "default" first, then sorted. */
export function profileNames(config: SharedConfig): string[] {
	return [...config.profiles.keys()].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** Every profile name in the files env points at; missing or unreadable files count as empty. */
export function listProfiles(env: NodeJS.ProcessEnv = process.env): string[] {
	return profileNames(loadSharedConfig(env));
}
