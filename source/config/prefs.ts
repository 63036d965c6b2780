// User preferences, stored through conf (schema-validated JSON, atomic writes) at
// $XDG_CONFIG_HOME/smsdeck/config.json (default ~/.config/smsdeck/config.json).
// SMSDECK_CONFIG_DIR overrides the folder. Never holds credentials.
import Conf from 'conf';

export const PREFS_SCHEMA_VERSION = 1;

export interface Preferences {
	schemaVersion: number;
	lastRegion?: string;
	lastProfile?: string;
	/** Key overrides: command id → keys, e.g. {"nav.down": ["j", "down", "ctrl+n"]}. */
	keys: Record<string, string[]>;
	/** Profiles whose names match one of these globs open read-only (the --read-only flag still wins). */
	readOnlyProfiles: string[];
	theme: 'default' | 'mono';
	/** Events kept in memory by the tail view. */
	tailBufferSize: number;
	/** When set, every applied change is also appended to this file. */
	auditFile?: string;
}

export const DEFAULT_PREFERENCES: Preferences = {
	schemaVersion: PREFS_SCHEMA_VERSION,
	keys: {},
	readOnlyProfiles: [],
	theme: 'default',
	tailBufferSize: 10_000,
};

const schema = {
	schemaVersion: {type: 'integer', minimum: 1},
	lastRegion: {type: 'string', pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$'},
	lastProfile: {type: 'string', minLength: 1, maxLength: 128},
	keys: {
		type: 'object',
		additionalProperties: {type: 'array', items: {type: 'string', minLength: 1, maxLength: 32}, maxItems: 8},
	},
	readOnlyProfiles: {type: 'array', items: {type: 'string', minLength: 1}},
	theme: {type: 'string', enum: ['default', 'mono']},
	tailBufferSize: {type: 'integer', minimum: 100, maximum: 1_000_000},
	auditFile: {type: 'string', minLength: 1},
} as const;

export interface PreferenceStore {
	readonly path: string | undefined;
	get(): Preferences;
	update(patch: Partial<Preferences>): void;
	/** Why the file could not be used, when it could not (the console then keeps preferences in memory). */
	readonly problem?: string;
}

/** Upgrades an older file in place. Idempotent; versions the schema ourselves (conf's migrations are unsupported). */
export function upgradePreferences(raw: Record<string, unknown>): Preferences {
	const merged = {...DEFAULT_PREFERENCES, ...raw} as Preferences;
	merged.schemaVersion = PREFS_SCHEMA_VERSION;
	return merged;
}

export function openPreferences(env: NodeJS.ProcessEnv = process.env): PreferenceStore {
	try {
		const conf = new Conf<Preferences>({
			projectName: 'smsdeck',
			projectSuffix: '',
			cwd: env.SMSDECK_CONFIG_DIR || undefined,
			schema: schema as never,
			defaults: DEFAULT_PREFERENCES as never,
			clearInvalidConfig: false,
			configFileMode: 0o600,
		});
		const stored = conf.store as unknown as Record<string, unknown>;
		if (stored.schemaVersion !== PREFS_SCHEMA_VERSION) conf.store = upgradePreferences(stored);
		return {
			path: conf.path,
			get: () => ({...DEFAULT_PREFERENCES, ...conf.store}),
			update(patch) {
				for (const [key, value] of Object.entries(patch)) {
					if (value === undefined) conf.delete(key as keyof Preferences);
					else conf.set(key as keyof Preferences, value as never);
				}
			},
		};
	} catch (error) {
		return memoryPreferences(`preferences not saved: ${(error as Error).message.split('\n')[0]}`);
	}
}

/** A store that lives only as long as the process (HOME unwritable, a broken file, tests). */
export function memoryPreferences(problem?: string, initial: Partial<Preferences> = {}): PreferenceStore {
	let current: Preferences = {...DEFAULT_PREFERENCES, ...initial};
	return {
		path: undefined,
		problem,
		get: () => current,
		update(patch) {
			current = {...current, ...patch};
		},
	};
}

/** Glob match for read-only profile patterns: `*` any run of characters, `?` one character. */
export function profileMatches(pattern: string, profile: string): boolean {
	const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
	return re.test(profile);
}
