// User preferences, stored through conf (schema-validated JSON, atomic writes) at
// $XDG_CONFIG_HOME/smsdeck/config.json (default ~/.config/smsdeck/config.json).
// SMSDECK_CONFIG_DIR overrides the folder. Never holds credentials.
// conf (with ajv, its schema compiler) is imported only when the file is written or checked: the console reads the
// file directly for its first frame and opens conf once it is on screen.
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {ReadOnlyPolicy} from '../services/readOnly.js';

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
	/** How `c` copies: auto (OSC 52 where the terminal is known to take it, else show the text), osc52, show. */
	clipboard?: 'auto' | 'osc52' | 'show';
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
	clipboard: {type: 'string', enum: ['auto', 'osc52', 'show']},
} as const;

export interface PreferenceStore {
	readonly path: string | undefined;
	get(): Preferences;
	/** Seen by get() at once; settles once stored, rejecting when the schema refuses a value. */
	update(patch: Partial<Preferences>): Promise<void>;
	/** Why the file could not be used, when it could not (the console then keeps preferences in memory). */
	readonly problem?: string;
	/** Full schema validation, done off the start-up path; resolves to a problem to report, if any. */
	verify?(): Promise<string | undefined>;
	/** Settles once every update made so far is stored (or has failed). */
	flush?(): Promise<void>;
}

/** Upgrades an older file in place. Idempotent; versions the schema ourselves (conf's migrations are unsupported). */
export function upgradePreferences(raw: Record<string, unknown>): Preferences {
	const merged = {...DEFAULT_PREFERENCES, ...raw} as Preferences;
	merged.schemaVersion = PREFS_SCHEMA_VERSION;
	return merged;
}

/** Where conf keeps the file: $SMSDECK_CONFIG_DIR, else $XDG_CONFIG_HOME/smsdeck, else ~/.config/smsdeck. */
export function preferencesPath(env: NodeJS.ProcessEnv = process.env): string {
	const dir = env.SMSDECK_CONFIG_DIR || join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'smsdeck');
	return join(dir, 'config.json');
}

/** Keeps only well-typed values, for the quick read at start-up (the schema check follows right after). */
function quickSanitize(raw: unknown): Partial<Preferences> {
	if (!raw || typeof raw !== 'object') return {};
	const r = raw as Record<string, unknown>;
	const out: Partial<Preferences> = {};
	if (typeof r.lastRegion === 'string') out.lastRegion = r.lastRegion;
	if (typeof r.lastProfile === 'string') out.lastProfile = r.lastProfile;
	if (r.theme === 'default' || r.theme === 'mono') out.theme = r.theme;
	if (Array.isArray(r.readOnlyProfiles)) out.readOnlyProfiles = r.readOnlyProfiles.filter((p): p is string => typeof p === 'string');
	if (r.keys && typeof r.keys === 'object') {
		out.keys = Object.fromEntries(
			Object.entries(r.keys as Record<string, unknown>)
				.filter(([, v]) => Array.isArray(v))
				.map(([k, v]) => [k, (v as unknown[]).filter((x): x is string => typeof x === 'string')]),
		);
	}
	if (typeof r.tailBufferSize === 'number') out.tailBufferSize = r.tailBufferSize;
	if (typeof r.auditFile === 'string') out.auditFile = r.auditFile;
	if (r.clipboard === 'auto' || r.clipboard === 'osc52' || r.clipboard === 'show') out.clipboard = r.clipboard;
	return out;
}

/**
 * Preferences for the console. The file is read directly for the first frame; conf (which loads and compiles the
 * JSON schema, some 40 ms) is only opened by verify() or the first update(), i.e. after the console is on screen.
 * A file that cannot be read quickly (not JSON, unreadable) is left to conf, which says why.
 */
export function openPreferencesLazily(env: NodeJS.ProcessEnv = process.env): PreferenceStore {
	const path = preferencesPath(env);
	let quick: Partial<Preferences> = {};
	let quickProblem: string | undefined;
	try {
		quick = quickSanitize(JSON.parse(readFileSync(path, 'utf8')));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			// What conf will say about it, as soon as it is opened; until then what can be salvaged, read-only first.
			quickProblem = `preferences not saved: ${(error as Error).message.split('\n')[0]}`;
			quick = {readOnlyProfiles: readOnlyPolicyFromFile(env).patterns as string[]};
		}
	}
	let full: PreferenceStore | undefined;
	let opening: Promise<PreferenceStore> | undefined;
	let pending: Promise<unknown> = Promise.resolve();
	const ensure = () =>
		(opening ??= openPreferences(env).then(store => {
			full = store;
			return store;
		}));
	return {
		path,
		get: () => (full ? full.get() : {...DEFAULT_PREFERENCES, ...quick}),
		update(patch) {
			quick = {...quick, ...patch};
			const written = full ? full.update(patch) : ensure().then(store => store.update(patch));
			pending = Promise.all([pending, written.catch(() => undefined)]);
			return written;
		},
		// A problem already reported at start (quickProblem) is not reported again.
		verify: async () => {
			const {problem} = await ensure();
			return quickProblem ? undefined : problem;
		},
		flush: async () => {
			await pending;
		},
		get problem() {
			return full ? full.problem : quickProblem;
		},
	};
}

export async function openPreferences(env: NodeJS.ProcessEnv = process.env): Promise<PreferenceStore> {
	try {
		const {default: Conf} = await import('conf');
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
			async update(patch) {
				for (const [key, value] of Object.entries(patch)) {
					if (value === undefined) conf.delete(key as keyof Preferences);
					else conf.set(key as keyof Preferences, value as never);
				}
			},
		};
	} catch (error) {
		// A file conf refuses (one bad value, broken JSON) keeps what can be read of it, read-only profiles above all.
		let salvaged: Partial<Preferences> = {};
		try {
			salvaged = quickSanitize(JSON.parse(readFileSync(preferencesPath(env), 'utf8')));
		} catch {
			salvaged = {readOnlyProfiles: readOnlyPolicyFromFile(env).patterns as string[]};
		}
		return memoryPreferences(`preferences not saved: ${(error as Error).message.split('\n')[0]}`, salvaged);
	}
}

/** A store that lives only as long as the process (HOME unwritable, a broken file, tests). */
export function memoryPreferences(problem?: string, initial: Partial<Preferences> = {}): PreferenceStore {
	let current: Preferences = {...DEFAULT_PREFERENCES, ...initial};
	return {
		path: undefined,
		problem,
		get: () => current,
		async update(patch) {
			current = {...current, ...patch};
		},
	};
}

/**
 * The readOnlyProfiles patterns, read straight from the file and failing closed: a file that is not valid JSON keeps
 * every pattern that can still be found in it, and a file that cannot be read at all, or whose list cannot be
 * recovered, makes every profile read-only. Either way it says so.
 */
export function readOnlyPolicyFromFile(env: NodeJS.ProcessEnv = process.env): ReadOnlyPolicy {
	const path = preferencesPath(env);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return {patterns: []};
		return {patterns: ['*'], problem: `cannot read ${path} (${code}): every profile is read-only until it can be read`};
	}
	try {
		const raw = JSON.parse(text) as {readOnlyProfiles?: unknown};
		const list = raw?.readOnlyProfiles;
		if (list === undefined) return {patterns: []};
		const items = Array.isArray(list) ? list : [list];
		const patterns = items.filter((p): p is string => typeof p === 'string' && p !== '');
		if (patterns.length === items.length) return {patterns};
		return {patterns: patterns.length > 0 ? patterns : ['*'], problem: `readOnlyProfiles in ${path} holds entries that are not names; ${patterns.length > 0 ? `kept ${patterns.join(', ')}` : 'every profile is read-only'}`};
	} catch {
		const at = text.indexOf('"readOnlyProfiles"');
		if (at < 0) return {patterns: [], problem: `${path} is not valid JSON and names no readOnlyProfiles`};
		const list = /^"readOnlyProfiles"\s*:\s*\[([^\]]*)\]/.exec(text.slice(at));
		const patterns = list ? [...list[1].matchAll(/"((?:[^"\\]|\\.)+)"/g)].map(m => m[1]) : [];
		if (patterns.length > 0) return {patterns, problem: `${path} is not valid JSON; still read-only: ${patterns.join(', ')}`};
		return {patterns: ['*'], problem: `${path} is not valid JSON and its readOnlyProfiles cannot be read: every profile is read-only`};
	}
}
