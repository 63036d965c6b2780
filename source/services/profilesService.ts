// The profile names in the shared AWS config files: ~/.aws/config ([profile x], [default]) and
// ~/.aws/credentials ([x]), honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. Names only, never secrets.
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

/** Section names of an INI file, as written: "profile x", "default", "sso-session y" … */
export function iniSections(text: string): string[] {
	const sections: string[] = [];
	for (const raw of text.split(/\r?\n/)) {
		const m = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/.exec(raw);
		if (m) sections.push(m[1]);
	}
	return sections;
}

/** Profile names in a config file: "[default]" and "[profile x]" (not sso-session or services sections). */
export function profilesFromConfig(text: string): string[] {
	const names: string[] = [];
	for (const s of iniSections(text)) {
		if (s === 'default') names.push('default');
		else {
			const m = /^profile\s+(\S.*)$/.exec(s);
			if (m) names.push(m[1].trim());
		}
	}
	return names;
}

/** Profile names in a credentials file: every section is a profile. */
export function profilesFromCredentials(text: string): string[] {
	return iniSections(text).filter(s => !/\s/.test(s));
}

function readText(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

export function configFilePaths(env: NodeJS.ProcessEnv = process.env): {config: string; credentials: string} {
	const home = env.HOME || env.USERPROFILE || homedir();
	return {
		config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
		credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
	};
}

/** Every profile name in both files, sorted, without duplicates. Missing or unreadable files count as empty. */
export function listProfiles(env: NodeJS.ProcessEnv = process.env): string[] {
	const paths = configFilePaths(env);
	const names = new Set([...profilesFromConfig(readText(paths.config)), ...profilesFromCredentials(readText(paths.credentials))]);
	return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}
