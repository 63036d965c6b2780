#!/usr/bin/env node
// Bundles source/cli.tsx into one self-contained ESM file, dist/smsdeck.mjs.
// `--if-stale` skips the build when the bundle is newer than every file under source/.
import {build} from 'esbuild';
import {readdirSync, statSync, mkdirSync, writeFileSync, chmodSync, readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'dist', 'smsdeck.mjs');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
		if (t > newest) newest = t;
	}
	return newest;
}

if (process.argv.includes('--if-stale')) {
	try {
		const built = statSync(outfile).mtimeMs;
		const inputs = Math.max(newestMtime(join(root, 'source')), statSync(join(root, 'package.json')).mtimeMs);
		if (built > inputs) process.exit(0);
	} catch {
		// no bundle yet: build it
	}
}

const stubDir = join(root, 'build', 'stubs');
mkdirSync(stubDir, {recursive: true});
// Ink loads react-devtools-core only when DEV=true; the bundle never needs it.
writeFileSync(join(stubDir, 'devtools.mjs'), 'export default {initialize() {}, connectToDevTools() {}};\n');
// The console decides itself whether the terminal is interactive; a stray CI=true in a bastion shell must not
// switch Ink into its non-interactive mode.
writeFileSync(join(stubDir, 'is-in-ci.mjs'), 'export default false;\n');

// Large JSON data (the emulator's API model) compiles much faster as a string handed to JSON.parse than as an
// object literal, and is only parsed when the emulator is first used.
const jsonAsString = {
	name: 'json-as-string',
	setup(b) {
		b.onLoad({filter: /source\/emulator\/model\/.*\.json$/}, args => ({
			contents: `export default JSON.parse(${JSON.stringify(readFileSync(args.path, 'utf8'))});`,
			loader: 'js',
		}));
	},
};

// node-forge (300 KB, used only by `emulator --tls`) goes into the bundle as a string that is compiled on first
// use: V8 scans a string literal far faster than it pre-parses the same code, and every start pays that scan.
const lazySource = {
	name: 'lazy-source',
	setup(b) {
		b.onResolve({filter: /^node-forge$/}, () => ({path: 'node-forge', namespace: 'lazy-source'}));
		b.onLoad({filter: /.*/, namespace: 'lazy-source'}, async args => {
			const out = await build({
				entryPoints: [args.path],
				bundle: true,
				minify: true,
				platform: 'node',
				format: 'cjs',
				target: 'node22',
				write: false,
				logLevel: 'warning',
			});
			const code = out.outputFiles[0].text;
			return {
				contents:
					`const module = {exports: {}};\n` +
					`new Function('module', 'exports', 'require', ${JSON.stringify(code)})(module, module.exports, require);\n` +
					`export default module.exports;\n`,
				loader: 'js',
			};
		});
	},
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
await build({
	entryPoints: [join(root, 'source', 'cli.tsx')],
	bundle: true,
	minify: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	jsx: 'automatic',
	outfile,
	legalComments: 'none',
	define: {
		'process.env.NODE_ENV': '"production"',
		SMSDECK_VERSION: JSON.stringify(pkg.version),
	},
	alias: {
		'react-devtools-core': join(stubDir, 'devtools.mjs'),
		'is-in-ci': join(stubDir, 'is-in-ci.mjs'),
	},
	banner: {
		js: "import {createRequire as __smsdeckRequire} from 'node:module'; const require = __smsdeckRequire(import.meta.url);",
	},
	plugins: [jsonAsString, lazySource],
	logLevel: 'warning',
});
chmodSync(outfile, 0o755);
const size = statSync(outfile).size;
if (!process.argv.includes('--quiet')) {
	process.stderr.write(`built ${outfile.slice(root.length + 1)} (${(size / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms\n`);
}
