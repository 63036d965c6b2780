#!/usr/bin/env node
// Bundles smsdeck into one self-contained ESM file, dist/smsdeck.mjs, in two steps:
// 1. smsdeck proper (source/main.tsx) is split by esbuild into ES modules (build/split/), so that a command loads
//    only the code it needs: `regions` never compiles Ink, the console never compiles the emulator;
// 2. the entry (source/cli.tsx) is bundled on its own, with the version and the --help text it answers by itself,
//    and those modules are appended to it packed in a comment (JSON, gzip, base64) that V8 skips at a glance.
//    On its first run the file unpacks them into a cache directory (source/launch/bundleCache.ts).
// `--if-stale` skips the build when the bundle is newer than every file under source/.
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readdirSync, statSync, mkdirSync, writeFileSync, chmodSync, readFileSync, rmSync} from 'node:fs';
import {gzipSync, constants as zlib} from 'node:zlib';
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

// Yoga (Ink's layout engine) carries its WebAssembly as a data: URL and, where `fetch` exists, decodes it with
// fetch; touching the global `fetch` makes Node load its HTTP client (undici), tens of milliseconds before the
// first frame. Its own synchronous base64 path does the same job without it.
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(b) {
		b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, args => {
			const text = readFileSync(args.path, 'utf8');
			const uses = text.split('"function"!=typeof fetch').length - 1;
			if (uses !== 2) throw new Error(`yoga-without-fetch: expected 2 uses of fetch in ${args.path}, found ${uses}: update the plugin`);
			return {contents: text.replaceAll('"function"!=typeof fetch', '!0'), loader: 'js'};
		});
	},
};

// libphonenumber's metadata (100 KB) ships as an object literal; as a string handed to JSON.parse it costs far less
// to compile and to build, and the console loads it before its first frame.
const phoneMetadataAsJson = {
	name: 'phone-metadata-as-json',
	setup(b) {
		b.onLoad({filter: /libphonenumber-js[\\/]metadata\.min\.json\.js$/}, args => ({
			contents: `export default JSON.parse(${JSON.stringify(readFileSync(args.path.replace(/\.js$/, ''), 'utf8'))});`,
			loader: 'js',
		}));
	},
};

// commander imports node:child_process for executable subcommands (`git-style`), which smsdeck never uses; loading
// that builtin costs every run several milliseconds.
const commanderWithoutChildProcess = {
	name: 'commander-without-child-process',
	setup(b) {
		b.onResolve({filter: /^node:child_process$/}, args =>
			/[\\/]commander[\\/]/.test(args.importer) ? {path: 'child-process-stub', namespace: 'commander-stub'} : undefined,
		);
		b.onLoad({filter: /.*/, namespace: 'commander-stub'}, () => ({
			contents: "export default {spawn() { throw new Error('smsdeck has no executable subcommands'); }};\n",
			loader: 'js',
		}));
	},
};

// Ink measures every piece of text with string-width, whose answer for anything beyond ASCII costs tens of milliseconds
// the first time (Unicode-property regexes compiled on first use); the console's own glyphs take the fast path of
// components/stringWidthFast.ts instead, which hands everything else to string-width.
const stringWidthFast = {
	name: 'string-width-fast',
	setup(b) {
		const fast = join(root, 'source', 'components', 'stringWidthFast.ts');
		b.onResolve({filter: /^string-width$/}, args => (args.importer === fast ? undefined : {path: fast}));
	},
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
const splitDir = join(root, 'build', 'split');
rmSync(splitDir, {recursive: true, force: true});
await build({
	entryPoints: {main: join(root, 'source', 'main.tsx')},
	bundle: true,
	splitting: true,
	minify: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	jsx: 'automatic',
	outdir: splitDir,
	chunkNames: 'chunk-[hash]',
	// .mjs: the cache directory has no package.json saying "type": "module".
	outExtension: {'.js': '.mjs'},
	// ES module builds where a package has them (the AWS SDK does): a split chunk that wraps a CommonJS package
	// exports only `default`, and `await import('@aws-sdk/…')` wants named exports.
	mainFields: ['module', 'main'],
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
	plugins: [jsonAsString, lazySource, yogaWithoutFetch, phoneMetadataAsJson, commanderWithoutChildProcess, stringWidthFast],
	logLevel: 'warning',
});

// What `smsdeck --help` prints, from smsdeck proper itself, so the entry's answer is the same by construction.
const help = execFileSync(process.execPath, [join(splitDir, 'main.mjs'), '--help'], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
if (!help.startsWith('smsdeck')) throw new Error(`unexpected --help output from ${splitDir}/main.mjs:\n${help}`);

const modules = Object.fromEntries(readdirSync(splitDir).sort().map(name => [name, readFileSync(join(splitDir, name), 'utf8')]));
const packed = gzipSync(JSON.stringify(modules), {level: zlib.Z_BEST_COMPRESSION});
const tag = `${pkg.version}-${createHash('sha256').update(packed).digest('hex').slice(0, 12)}`;

const entry = await build({
	entryPoints: [join(root, 'source', 'cli.tsx')],
	bundle: true,
	minify: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	write: false,
	legalComments: 'none',
	define: {SMSDECK_LAUNCH: JSON.stringify({version: pkg.version, help, tag})},
	plugins: [
		{
			// Run from source, the entry imports main.tsx directly; bundled, that import is never reached.
			name: 'main-stays-out',
			setup(b) {
				b.onResolve({filter: /^\.\/main\.js$/}, args => ({path: args.path, external: true}));
			},
		},
	],
	logLevel: 'warning',
});
mkdirSync(dirname(outfile), {recursive: true});
// Keep in step with PAYLOAD_MARK in source/launch/bundleCache.ts.
writeFileSync(outfile, `${entry.outputFiles[0].text}/*smsdeck-modules:${packed.toString('base64')}*/\n`);
chmodSync(outfile, 0o755);
const size = statSync(outfile).size;
if (!process.argv.includes('--quiet')) {
	const unpackedSize = Object.values(modules).reduce((n, text) => n + Buffer.byteLength(text), 0);
	process.stderr.write(
		`built ${outfile.slice(root.length + 1)} (${(size / 1024).toFixed(0)} KiB; ${Object.keys(modules).length} modules, ` +
			`${(unpackedSize / 1024).toFixed(0)} KiB unpacked) in ${Date.now() - started} ms\n`,
	);
}
