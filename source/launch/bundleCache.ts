// Where the single-file bundle keeps smsdeck proper unpacked: one directory of ES modules per build, so that Node
// loads only the modules a command needs and V8's compile cache can keep them compiled between runs.
// Only node: built-ins here: this runs before anything else, in the small entry module (cli.tsx).
//
// The directory is `<root>/bundle-<version>-<hash>`, where root is the first usable of
//   $XDG_CACHE_HOME/smsdeck (an absolute path only) or ~/.cache/smsdeck,
//   <tmpdir>/smsdeck-<uid>,
// and usable means a directory owned by this user that no one else may write to (so no one else can put code
// there). It is written once, under a temporary name and renamed into place, so a run sees all of it or none of
// it, however many start at once. When no root is usable (a read-only home and /tmp), the modules go into a
// fresh private temporary directory that is removed at exit.
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import {createRequire} from 'node:module';

/** Starts the comment that carries the packed modules at the end of the bundle. */
export const PAYLOAD_MARK = '/*smsdeck-modules:';
/** The module the entry imports. */
export const ENTRY = 'main.mjs';
/** Unpacked copies of other builds are removed when not changed for this long. */
const STALE_MS = 30 * 24 * 3600_000;

/** File name → contents: the modules esbuild wrote. */
export type Modules = Record<string, string>;

/**
 * The modules from the text of a bundle (read as latin1: base64 is ASCII). source/tools/build.mjs packs them: JSON,
 * brotli, base64 (which never contains the `*\/` that would end the comment). Brotli rather than gzip: the comment
 * is a fifth shorter, and Node reads and V8 scans all of it on every start (~10 ms a megabyte).
 */
export function unpackModules(bundleText: string): Modules {
	const start = bundleText.lastIndexOf(PAYLOAD_MARK);
	const end = bundleText.indexOf('*/', start);
	if (start < 0 || end < 0) throw new Error('the bundle carries no packed modules (a damaged or cut-short copy?)');
	const packed = Buffer.from(bundleText.slice(start + PAYLOAD_MARK.length, end), 'base64');
	// zlib only when unpacking (once per build), not on every start.
	const {brotliDecompressSync} = createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
	return JSON.parse(brotliDecompressSync(packed).toString('utf8')) as Modules;
}

/** The candidate roots, most preferred first. */
export function cacheRoots(env: NodeJS.ProcessEnv = process.env): string[] {
	const xdg = env.XDG_CACHE_HOME;
	const roots: string[] = [];
	if (xdg && isAbsolute(xdg)) roots.push(join(xdg, 'smsdeck'));
	else {
		try {
			const home = homedir();
			if (home) roots.push(join(home, '.cache', 'smsdeck'));
		} catch {
			// no home directory: only the temporary one
		}
	}
	const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
	roots.push(join(tmpdir(), uid === undefined ? 'smsdeck' : `smsdeck-${uid}`));
	return roots;
}

/** True when `path` is (or has just been made) a directory of ours that only we may write to. */
export function isPrivateDir(path: string): boolean {
	try {
		mkdirSync(path, {recursive: true, mode: 0o700});
		const s = lstatSync(path);
		if (!s.isDirectory()) return false;
		// Windows has neither owners by number nor these mode bits: a folder in the user's profile is theirs.
		if (typeof process.getuid !== 'function') return true;
		return s.uid === process.getuid() && (s.mode & 0o022) === 0;
	} catch {
		return false;
	}
}

function writeModules(dir: string, modules: Modules): void {
	for (const [name, text] of Object.entries(modules)) {
		if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`bad module name ${name}`);
		writeFileSync(join(dir, name), text, {mode: 0o600});
	}
}

export interface Unpacked {
	/** The directory holding ENTRY and the modules it imports. */
	dir: string;
	/** The root it lives in, kept between runs; undefined for a temporary directory removed at exit. */
	root?: string;
}

/** A fresh private directory for this run only, removed at exit. */
export function unpackTemporary(read: () => Modules): Unpacked {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-'));
	process.on('exit', () => rmSync(dir, {recursive: true, force: true}));
	writeModules(dir, read());
	return {dir};
}

/**
 * The unpacked modules of build `tag`, unpacking them with `read` when no usable root has them yet.
 * `read` is called at most once, and only on the first run of a build.
 */
export function unpacked(tag: string, read: () => Modules, env: NodeJS.ProcessEnv = process.env): Unpacked {
	let modules: Modules | undefined;
	for (const root of cacheRoots(env)) {
		if (!isPrivateDir(root)) continue;
		const dir = join(root, `bundle-${tag}`);
		if (existsSync(join(dir, ENTRY))) return {dir, root};
		try {
			modules ??= read();
			const temp = mkdtempSync(join(root, '.unpacking-'));
			try {
				writeModules(temp, modules);
				renameSync(temp, dir);
			} catch (error) {
				rmSync(temp, {recursive: true, force: true});
				// Another run got there first: theirs is complete (it was renamed into place whole).
				if (!existsSync(join(dir, ENTRY))) throw error;
			}
			removeStale(root, dir);
			return {dir, root};
		} catch {
			// a full disk, a read-only root: try the next
		}
	}
	return unpackTemporary(() => modules ?? read());
}

/** Removes other builds' copies (and interrupted unpackings) not changed for STALE_MS. Best effort. */
function removeStale(root: string, keep: string): void {
	try {
		const now = Date.now();
		for (const name of readdirSync(root)) {
			if (!name.startsWith('bundle-') && !name.startsWith('.unpacking-')) continue;
			const path = join(root, name);
			if (path === keep) continue;
			if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, {recursive: true, force: true});
		}
	} catch {
		// an old copy left behind costs only disk space
	}
}

/** Removes an unpacked copy found damaged, so the next run unpacks it again. */
export function forget(dir: string): void {
	try {
		rmSync(dir, {recursive: true, force: true});
	} catch {
		// the next run will fail the same way and try again
	}
}
