#!/usr/bin/env node
// Bundles smsdeck into one self-contained ESM file, dist/smsdeck.mjs, in two steps:
// 1. smsdeck proper (source/main.tsx) is split by esbuild into ES modules (build/split-1/), so that a command loads
//    only the code it needs: `regions` never compiles Ink, the console never compiles the emulator; a second pass
//    (source/tools/mergeShared.mjs) makes the small modules the console's first frame shares with the commands one
//    module (build/split/);
// 2. the entry (source/cli.tsx) is bundled on its own, with the version and the --help text it answers by itself,
//    and those modules are appended to it packed in a comment (JSON, brotli, base64) that V8 skips at a glance.
//    On its first run the file unpacks them into a cache directory (source/launch/bundleCache.ts).
// `--if-stale` skips the build when the bundle is newer than every file under source/.
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readdirSync, statSync, mkdirSync, writeFileSync, chmodSync, readFileSync, rmSync} from 'node:fs';
import {brotliCompressSync, constants as zlib} from 'node:zlib';
import {join, dirname} from 'node:path';
import {builtinModules, createRequire} from 'node:module';
import {patchLogUpdate, patchOutput, patchSanitizeAnsi, patchStyledChars, patchTokenize} from './inkPatches.mjs';
import {mergeShared, sharedWithCommands} from './mergeShared.mjs';
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

// string-width, wrap-ansi, slice-ansi, ansi-tokenize and Ink's line updates make an Intl.Segmenter (ICU data) and
// compile Unicode-property regular expressions at their top level: ~25 ms before the first frame, which needs
// neither for the console's own glyphs (the fast paths above and in inkPatches.mjs). They get the lazy stand-ins of
// domain/lazyUnicode.ts instead.
const lazyUnicode = {
	name: 'lazy-unicode',
	setup(b) {
		const helper = join(root, 'source', 'domain', 'lazyUnicode.ts');
		// file → how many top-level segmenters and \p{…} regular expression literals it is expected to have, and
		// what else changes in it (inkPatches.mjs)
		const expected = [
			[/[\\/]node_modules[\\/]string-width[\\/]index\.js$/, 1, 4],
			[/[\\/]node_modules[\\/]wrap-ansi[\\/]index\.js$/, 1, 0],
			[/[\\/]node_modules[\\/]ink[\\/]build[\\/]line-update\.js$/, 1, 1],
			[/[\\/]node_modules[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, 1, 0],
			[/[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, 1, 0, patchTokenize],
		];
		b.onLoad({filter: /[\\/]node_modules[\\/](string-width|wrap-ansi|ink[\\/]build[\\/]line-update|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)[\\/.]/}, args => {
			const rule = expected.find(([pattern]) => pattern.test(args.path));
			if (!rule) return undefined;
			const [, segmenters, regExps, patch = text => text] = rule;
			let text = patch(readFileSync(args.path, 'utf8'));
			const found = {segmenters: 0, regExps: 0};
			text = text.replaceAll(/^const (\w+) = new Intl\.Segmenter\(/gm, (_m, name) => {
				found.segmenters++;
				return `const ${name} = new __LazySegmenter(`;
			});
			text = text.replaceAll(/^const (\w+) = \/(.*\\p\{.*)\/([a-z]*);$/gm, (_m, name, source, flags) => {
				found.regExps++;
				return `const ${name} = __lazyRegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)});`;
			});
			if (found.segmenters !== segmenters || found.regExps !== regExps) {
				throw new Error(`lazy-unicode: expected ${segmenters} segmenter(s) and ${regExps} \\p regular expression(s) at the top of ${args.path}, found ${found.segmenters} and ${found.regExps}: update the plugin`);
			}
			return {contents: `import {LazySegmenter as __LazySegmenter, lazyRegExp as __lazyRegExp} from ${JSON.stringify(helper)};\n${text}`, loader: 'js'};
		});
	},
};

// Shortcuts in Ink's drawing of each frame's texts (source/tools/inkPatches.mjs says which and why).
const inkShortcuts = {
	name: 'ink-shortcuts',
	setup(b) {
		b.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]sanitize-ansi\.js$/}, args => ({contents: patchSanitizeAnsi(readFileSync(args.path, 'utf8')), loader: 'js'}));
		b.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/}, args => ({contents: patchOutput(readFileSync(args.path, 'utf8')), loader: 'js'}));
		b.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]log-update\.js$/}, args => ({contents: patchLogUpdate(readFileSync(args.path, 'utf8')), loader: 'js'}));
		b.onLoad({filter: /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, args => ({contents: patchStyledChars(readFileSync(args.path, 'utf8')), loader: 'js'}));
	},
};

// Built-ins through require(), not ES imports: an ES import of a built-in builds a module facade that reads every
// export, and reading the lazy ones loads what is behind them (node:util's TextDecoder alone loads worker_threads,
// child_process and a dozen more internals; node:process loads report and finalization), some 15 ms before the first
// frame. require() hands over the same objects without reading them. Also:
// - `node:process` is the global process, the same object, with the few names the dependencies import by name (a
//   name not listed here fails the build);
// - `assert`, required by signal-exit 3 (Ink's exit hook) for one argument check, is that check alone.
const requireHere = createRequire(join(root, 'package.json'));
const builtinNames = new Set(builtinModules.map(name => name.replace(/^node:/, '')));
const lightBuiltins = {
	name: 'light-builtins',
	setup(b) {
		b.onResolve({filter: /^(node:)?[a-z][a-z0-9_/]*$/}, args => {
			const name = args.path.replace(/^node:/, '');
			if (!builtinNames.has(name)) return undefined;
			if (args.namespace === 'light-builtins') return {path: `node:${name}`, external: true};
			if (name === 'assert' && /[\\/]node_modules[\\/]signal-exit[\\/]/.test(args.importer)) return {path: 'assert-check', namespace: 'light-builtins'};
			// Each importer gets its own copy of a facade (path `…|importer`): a few lines that esbuild then puts in the
			// importer's own module, where one shared copy was a module of its own, loaded separately by every command
			// and the console (the console's first frame needed eight of them).
			const own = `|${args.importer}`;
			if (name === 'process') return {path: `process-global${own}`, namespace: 'light-builtins'};
			// A CommonJS require() or an import() gets the module itself (a namespace would need every name read); a
			// static ES import, the facade below.
			if (args.kind === 'require-call' || args.kind === 'dynamic-import') return {path: `node:${name}`, external: true};
			// terminal-size (Ink) alone gets child_process loaded on first call: its wrappers lack exec's promisified
			// form, which the SDK's credential_process relies on.
			if (name === 'child_process' && /[\\/]node_modules[\\/]terminal-size[\\/]/.test(args.importer)) return {path: 'lazy:node:child_process', namespace: 'light-builtins'};
			return {path: `node:${name}${own}`, namespace: 'light-builtins'};
		});
		b.onLoad({filter: /^process-global\|/, namespace: 'light-builtins'}, () => ({
			contents:
				'const p = globalThis.process;\nexport default p;\nexport const env = p.env, versions = p.versions, argv = p.argv, platform = p.platform;\n' +
				'export function cwd() { return p.cwd(); }\n',
			loader: 'js',
		}));
		b.onLoad({filter: /^assert-check$/, namespace: 'light-builtins'}, () => ({
			contents:
				"function equal(actual, expected, message) { if (actual != expected) throw new Error(message ?? `${actual} == ${expected}`); }\n" +
				'module.exports = Object.assign((value, message) => equal(!!value, true, message), {equal});\n',
			loader: 'js',
		}));
		// An ES module of the built-in's plain values (never its getters), read once: a CommonJS stand-in would be
		// copied into every module that imports it (esbuild's interop), and node:fs has over a hundred names.
		b.onLoad({filter: /^(lazy:)?node:/, namespace: 'light-builtins'}, args => {
			const path = args.path.split('|')[0];
			return {contents: path.startsWith('lazy:') ? lazyEsmOf(path.slice(5)) : esmOf(path, `require(${JSON.stringify(path)})`), loader: 'js'};
		});
	},
};

/** The names of the module `name`'s own properties that can be exported by name. */
function exportNames(name) {
	return Object.getOwnPropertyNames(requireHere(name)).filter(key => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
}

/**
 * An ES module exporting `expression` (the module `name`) as default and each own property by name, each read by a
 * pure call that esbuild drops when nothing imports that name: reading a name nobody uses can load more of Node
 * (node:util's TextDecoder is a getter that loads worker_threads; node:fs's ReadStream loads readline).
 */
function esmOf(name, expression) {
	const names = exportNames(name).map(key => `export const ${key} = /* @__PURE__ */ (() => m.${key})();\n`);
	return `const m = ${expression};\nexport default m;\n${names.join('')}`;
}

/**
 * Like esmOf, for a built-in that is imported at start but used only now and then (terminal-size, which Ink loads,
 * runs child_process only where the terminal does not say its size): loaded by the first call of one of its functions.
 */
function lazyEsmOf(name) {
	const module = requireHere(name);
	const lines = exportNames(name).map(key =>
		/^[a-z]/.test(key) && typeof module[key] === 'function'
			? `export function ${key}(...args) { return load().${key}(...args); }\n`
			: `export const ${key} = /* @__PURE__ */ (() => load().${key})();\n`,
	);
	return `let m;\nconst load = () => (m ??= require(${JSON.stringify(name)}));\nexport default /* @__PURE__ */ (() => load())();\n${lines.join('')}`;
}

// React and its JSX runtime are CommonJS: esbuild copies every export of a CommonJS module into each module that
// imports it (80 importers of react, 66 of the JSX runtime, ~12 ms before the first frame). An ES module in front of
// each is read once and imported by all.
const reactAsEsm = {
	name: 'react-as-esm',
	setup(b) {
		b.onResolve({filter: /^react(\/jsx-runtime)?$/}, args => (args.namespace === 'react-as-esm' ? undefined : {path: args.path, namespace: 'react-as-esm'}));
		b.onLoad({filter: /.*/, namespace: 'react-as-esm'}, args => ({
			contents: `import cjs from ${JSON.stringify(args.path)};\n${esmOf(args.path, 'cjs')}`,
			loader: 'js',
			resolveDir: root,
		}));
	},
};

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
const firstPassDir = join(root, 'build', 'split-1');
const splitDir = join(root, 'build', 'split');
rmSync(firstPassDir, {recursive: true, force: true});
rmSync(splitDir, {recursive: true, force: true});
// Node 22 has every regular expression feature; without this esbuild rewrites literals such as /\p{…}/u and
// /…/v as `new RegExp(…)` calls, which build a new object on every evaluation (Ink's output did so per character).
const regexpFeatures = {
	'regexp-unicode-property-escapes': true,
	'regexp-set-notation': true,
	'regexp-match-indices': true,
	'regexp-lookbehind-assertions': true,
	'regexp-named-capture-groups': true,
	'regexp-dot-all-flag': true,
	'regexp-sticky-and-unicode-flags': true,
};
const split = await build({
	entryPoints: {main: join(root, 'source', 'main.tsx')},
	metafile: true,
	bundle: true,
	splitting: true,
	minify: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	jsx: 'automatic',
	outdir: firstPassDir,
	chunkNames: 'chunk-[hash]',
	// .mjs: the cache directory has no package.json saying "type": "module".
	outExtension: {'.js': '.mjs'},
	supported: regexpFeatures,
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
	plugins: [jsonAsString, lazySource, yogaWithoutFetch, phoneMetadataAsJson, commanderWithoutChildProcess, stringWidthFast, lazyUnicode, lightBuiltins, reactAsEsm, inkShortcuts],
	logLevel: 'warning',
});

// The small modules the console's first frame shares with the commands, made one (source/tools/mergeShared.mjs).
const {shared, exports: sharedExports} = sharedWithCommands(split.metafile, 'source/console/runConsole.tsx', entry =>
	/^source\/(console|views|components|app|input|theme)\//.test(entry),
);
const merge = await mergeShared({
	fromDir: firstPassDir,
	toDir: splitDir,
	shared,
	exports: sharedExports,
	options: {minify: true, platform: 'node', target: 'node22', chunkNames: 'chunk-[hash]', outExtension: {'.js': '.mjs'}, legalComments: 'none', supported: regexpFeatures, logLevel: 'warning'},
});

// Which source files went into which first-pass module, and those into which module (for working on start-up: what
// the console loads before its first frame).
writeFileSync(join(root, 'build', 'split-meta.json'), JSON.stringify(split.metafile));
writeFileSync(join(root, 'build', 'merge-meta.json'), JSON.stringify(merge.metafile));

// What `smsdeck --help` prints, from smsdeck proper itself, so the entry's answer is the same by construction.
const help = execFileSync(process.execPath, [join(splitDir, 'main.mjs'), '--help'], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
if (!help.startsWith('smsdeck')) throw new Error(`unexpected --help output from ${splitDir}/main.mjs:\n${help}`);

const modules = Object.fromEntries(readdirSync(splitDir).sort().map(name => [name, readFileSync(join(splitDir, name), 'utf8')]));
// esbuild writes strings as ASCII escapes, but not regular expression literals. One non-ASCII character makes Node
// decode the whole module the slow way and V8 keep and scan it as two-byte text: write such a literal with \u escapes.
for (const [name, text] of Object.entries(modules)) {
	const at = text.search(/[^\x00-\x7f]/);
	if (at >= 0) throw new Error(`${name} is not ASCII (a regular expression literal?): …${text.slice(Math.max(0, at - 60), at + 20)}…`);
}
const json = Buffer.from(JSON.stringify(modules));
const packed = brotliCompressSync(json, {
	// Quality 10: within 2% of the smallest (11) in half its time (~2 s).
	params: {[zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length},
});
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
	banner: {
		js: "import {createRequire as __smsdeckRequire} from 'node:module'; const require = __smsdeckRequire(import.meta.url);",
	},
	plugins: [
		lightBuiltins,
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
