#!/usr/bin/env node
// The entry point. In the single-file bundle (dist/smsdeck.mjs) this small module is all that Node compiles at
// start: it answers `smsdeck --version` and `smsdeck --help` itself, and otherwise runs smsdeck proper (main.tsx),
// which the bundle carries packed in a comment at its end. That is unpacked once per build into a cache directory
// (launch/bundleCache.ts) as separate modules, so each command loads only what it needs, and V8's compile cache
// keeps them compiled from one run to the next. Run from source (tsx, tsc), this just imports main.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

/** Filled in by source/tools/build.mjs; undefined when run from source. */
declare const SMSDECK_LAUNCH: {version: string; help: string; tag: string} | undefined;

const launch = typeof SMSDECK_LAUNCH === 'object' ? SMSDECK_LAUNCH : undefined;
const args = process.argv.slice(2);

// Writing to a closed pipe (smsdeck --help | head -1) is not an error worth a stack trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
});

if (launch && args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
	process.stdout.write(`smsdeck ${launch.version}\n`);
} else if (launch && args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
	process.stdout.write(launch.help);
} else if (launch) {
	await runBundled(launch.tag);
} else {
	await import('./main.js');
}

async function runBundled(tag: string): Promise<void> {
	const cache = await import('./launch/bundleCache.js');
	const read = () => cache.unpackModules(readFileSync(fileURLToPath(import.meta.url), 'latin1'));
	let where;
	try {
		where = cache.unpacked(tag, read);
	} catch (error) {
		process.stderr.write(`smsdeck: cannot unpack its modules: ${(error as Error).message}\n`);
		process.exit(1);
	}
	if (where.root) {
		// Node 22.1+; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Stale entries are never used (keyed by content).
		const {enableCompileCache} = (await import('node:module')) as {enableCompileCache?: (dir: string) => unknown};
		try {
			enableCompileCache?.(join(where.root, 'v8'));
		} catch {
			// slower, not broken
		}
	}
	try {
		await import(pathToFileURL(join(where.dir, cache.ENTRY)).href);
	} catch (error) {
		if (!where.root) throw error;
		// A damaged copy (a file cut short by a full disk or a crash): drop it and run from a fresh one.
		cache.forget(where.dir);
		await import(pathToFileURL(join(cache.unpackTemporary(read).dir, cache.ENTRY)).href);
	}
}
