#!/usr/bin/env node
// Startup benchmark: wall time from process start to the first full frame of the console, bundled vs unbundled,
// and of `smsdeck --version` and `smsdeck --help` to their exit, each as a ratio to a bare `node -e 0`.
//
//   node bench/startup.mjs [--runs 15] [--cols 120] [--rows 40] [--settle 100] [--skip-compile] [--check]
//                          [--bundle FILE] [--unbundled FILE] [--env KEY=VALUE …] [-- APP ARGS…]
//
// Each run starts Node 22 in a real pseudo-terminal (node-pty) with an isolated environment (fresh HOME, empty
// AWS config, dummy keys, NODE_ENV=production) and feeds its output to a headless xterm. Only the cache directory
// (XDG_CACHE_HOME: the bundle's unpacked modules and V8's compile cache) is kept from run to run of a variant, as
// it is for a user; the warm-up run starts with it empty and is reported apart as the first start after install.
// The first full frame is the moment the last chunk of output arrived before the program went quiet for --settle
// ms, counted from spawn, once the screen shows both `smsdeck` and `Regions` (the last column shows when both
// words first appeared, which is earlier when the program paints the frame in several steps). Variants (runs
// interleaved, one warm-up each):
//   bundle     dist/smsdeck.mjs (build it first: npm run build)
//   unbundled  build/unbundled/source/cli.js compiled by tsc, resolving every import from node_modules
//   --version, --help  dist/smsdeck.mjs with that flag, spawn to exit
//   node -e 0  spawn to exit: the floor the ratios are taken to
//   node floor Node 22 printing those two words and exiting: the least any Node program can take
// Prints a table of median/min/max and the ratios, and writes bench/results/startup.json. --check exits 1 if the
// bundle's median misses the target (250 ms) or a ratio misses its target (--version, --help 1.5×; frame 3×).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import xterm from '@xterm/headless';
import pty from 'node-pty';
import {screenText} from '../source/tools/svgScreenshot.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node22 = join(root, 'node_modules', '.bin', 'node');
const TARGET_MS = 250;
/** Targets as ratios to `node -e 0` measured in the same run. */
const RATIO_TARGETS = {version: 1.5, help: 1.5, bundle: 3};

const {values: opts, positionals: givenArgs} = parseArgs({
	options: {
		runs: {type: 'string', default: '15'},
		cols: {type: 'string', default: '120'},
		rows: {type: 'string', default: '40'},
		settle: {type: 'string', default: '100'},
		timeout: {type: 'string', default: '10000'},
		bundle: {type: 'string', default: join(root, 'dist', 'smsdeck.mjs')},
		unbundled: {type: 'string', default: join(root, 'build', 'unbundled', 'source', 'cli.js')},
		'skip-compile': {type: 'boolean', default: false},
		check: {type: 'boolean', default: false},
		env: {type: 'string', multiple: true, default: []},
		help: {type: 'boolean', short: 'h', default: false},
	},
	allowPositionals: true,
});
// The console asks for its identity as soon as it starts; point it at a closed loopback port so a benchmark
// never reaches out to AWS (the call fails fast and does not delay the first frame).
const appArgs = givenArgs.length > 0 ? givenArgs : ['--endpoint-url', 'http://127.0.0.1:9'];
if (opts.help) {
	process.stdout.write(
		'usage: node bench/startup.mjs [--runs N] [--cols C] [--rows R] [--settle MS] [--skip-compile] [--check] [--bundle FILE] [--unbundled FILE] [--env KEY=VALUE] [-- APP ARGS]\n',
	);
	process.exit(0);
}
const runs = Number(opts.runs);
const cols = Number(opts.cols);
const rows = Number(opts.rows);
const settleMs = Number(opts.settle);
const timeoutMs = Number(opts.timeout);
const bundlePath = resolve(opts.bundle);
const unbundledPath = resolve(opts.unbundled);
const rel = (p) => (relative(root, p).startsWith('..') ? p : relative(root, p));

function fail(message) {
	process.stderr.write(`bench/startup: ${message}\n`);
	process.exit(2);
}

if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, not ${opts.runs}`);
if (!existsSync(node22)) fail(`${rel(node22)} is missing: run npm ci (Node 22 comes from the "node" devDependency)`);
if (!existsSync(bundlePath)) {
	fail(`${rel(bundlePath)} does not exist: the console has not been built yet. Run \`npm run build\` first.`);
}

// The unbundled variant: compile the TypeScript sources as they are, without bundling.
if (!opts['skip-compile']) {
	if (!existsSync(join(root, 'source', 'cli.tsx'))) fail('source/cli.tsx does not exist yet: nothing to compile');
	const started = Date.now();
	process.stderr.write('compiling the unbundled variant with tsc … ');
	const tsc = spawnSync(
		join(root, 'node_modules', '.bin', 'tsc'),
		['-p', 'tsconfig.json', '--outDir', 'build/unbundled', '--noEmit', 'false'],
		{cwd: root, encoding: 'utf8'},
	);
	const fresh = existsSync(unbundledPath) && statSync(unbundledPath).mtimeMs >= started - 1000;
	process.stderr.write(`${Date.now() - started} ms${tsc.status === 0 ? '' : ` (tsc exit ${tsc.status})`}\n`);
	if (!fresh) {
		fail(`tsc did not produce ${rel(unbundledPath)}:\n${(tsc.stdout + tsc.stderr).trim().split('\n').slice(0, 20).join('\n')}`);
	}
	if (tsc.status !== 0) {
		// tsc emits despite type errors; the benchmark only needs the JavaScript.
		process.stderr.write(`  (type errors ignored for the benchmark: ${(tsc.stdout.match(/error TS/g) ?? []).length})\n`);
	}
} else if (!existsSync(unbundledPath)) {
	fail(`${rel(unbundledPath)} does not exist: run without --skip-compile to compile it`);
}

/** cacheHome: the variant's XDG_CACHE_HOME, kept across its runs. */
function isolatedEnv(cacheHome) {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-bench-'));
	const home = join(dir, 'home');
	mkdirSync(home);
	writeFileSync(join(dir, 'aws-config'), '');
	writeFileSync(join(dir, 'aws-credentials'), '');
	const env = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		HOME: home,
		XDG_CONFIG_HOME: join(home, '.config'),
		XDG_CACHE_HOME: cacheHome,
		AWS_CONFIG_FILE: join(dir, 'aws-config'),
		AWS_SHARED_CREDENTIALS_FILE: join(dir, 'aws-credentials'),
		AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
		AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
		AWS_EC2_METADATA_DISABLED: 'true',
		NODE_ENV: 'production',
	};
	for (const pair of opts.env) {
		const eq = pair.indexOf('=');
		if (eq < 1) fail(`--env wants KEY=VALUE, not ${pair}`);
		env[pair.slice(0, eq)] = pair.slice(eq + 1);
	}
	return {env, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * One run: resolves with {ms, settled} or rejects with the screen when the frame never appears. A variant with
 * `exits` is timed from spawn to its exit (code 0, having printed `exits`).
 */
function measureOnce({args, exits, cacheHome}) {
	const {env, cleanup} = isolatedEnv(cacheHome);
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true, logLevel: 'off'});
	return new Promise((resolveRun, rejectRun) => {
		let firstFullAt;
		let lastFrameAt;
		let lastScreen = '';
		let quietTimer;
		let done = false;
		let exited = false;
		const t0 = performance.now();
		const child = pty.spawn(node22, args, {name: 'xterm-256color', cols, rows, cwd: root, env});
		term.onData((reply) => exited || child.write(reply));
		const finish = async (error, result) => {
			if (done) return;
			done = true;
			clearTimeout(quietTimer);
			clearTimeout(overall);
			if (!exited) {
				child.write('q');
				const deadline = performance.now() + 1000;
				while (!exited && performance.now() < deadline) await sleep(10);
				if (!exited) child.kill('SIGKILL');
				while (!exited) await sleep(10);
			}
			term.dispose();
			cleanup();
			if (error) rejectRun(error);
			else resolveRun(result);
		};
		const settled = () => finish(undefined, {ms: lastFrameAt - t0, firstMs: firstFullAt - t0, settled: true});
		child.onData((data) => {
			const arrived = performance.now();
			term.write(data, () => {
				if (exits !== undefined) return;
				const screen = screenText(term);
				// The full frame: the header, the Regions table and the footer's key hints all on screen.
				if (!(screen.includes('smsdeck') && screen.includes('Regions') && screen.includes('<?> help'))) return;
				firstFullAt ??= arrived;
				if (screen !== lastScreen) {
					lastScreen = screen;
					lastFrameAt = arrived;
				}
				clearTimeout(quietTimer);
				quietTimer = setTimeout(settled, settleMs);
			});
		});
		child.onExit(({exitCode}) => {
			exited = true;
			if (done) return;
			if (exits !== undefined) {
				const at = performance.now();
				// The output may still be on its way through the pty: wait for it before judging.
				const judge = (tries) => {
					if (screenText(term).includes(exits) && exitCode === 0) finish(undefined, {ms: at - t0, firstMs: at - t0, settled: true});
					else if (tries > 0) setTimeout(() => judge(tries - 1), 10);
					else finish(new Error(`exited with code ${exitCode} without printing ${exits}:\n${screenText(term)}`));
				};
				judge(50);
				return;
			}
			// Output may still be in flight; give it the settle window, then judge.
			setTimeout(() => {
				if (done) return;
				if (firstFullAt !== undefined) settled();
				else finish(new Error(`exited with code ${exitCode} before showing smsdeck and Regions:\n${screenText(term)}`));
			}, settleMs);
		});
		const overall = setTimeout(() => {
			if (firstFullAt !== undefined) {
				// Never went quiet (a spinner or clock keeps painting): count the first full frame.
				finish(undefined, {ms: firstFullAt - t0, firstMs: firstFullAt - t0, settled: false});
			} else {
				finish(new Error(`no frame with smsdeck and Regions within ${timeoutMs} ms:\n${screenText(term)}`));
			}
		}, timeoutMs);
	});
}

const variants = [
	{name: 'bundle', label: `bundle (${rel(bundlePath)})`, args: [bundlePath, ...appArgs]},
	{name: 'unbundled', label: `unbundled (${rel(unbundledPath)})`, args: [unbundledPath, ...appArgs]},
	{name: 'version', label: 'smsdeck --version (to exit)', args: [bundlePath, '--version'], exits: 'smsdeck '},
	{name: 'help', label: 'smsdeck --help (to exit)', args: [bundlePath, '--help'], exits: 'Keys in the console'},
	{name: 'bare', label: 'node -e 0 (to exit)', args: ['-e', '0'], exits: ''},
	{
		name: 'floor',
		label: 'node floor (print and exit)',
		args: ['-e', "process.stdout.write('smsdeck\\r\\nRegions\\r\\n<?> help\\r\\n')"],
	},
];
const cacheHomes = variants.map(() => mkdtempSync(join(tmpdir(), 'smsdeck-bench-cache-')));
process.on('exit', () => cacheHomes.forEach(dir => rmSync(dir, {recursive: true, force: true})));

const samples = Object.fromEntries(variants.map((v) => [v.name, []]));
/** The warm-up run of each variant: its cache directory still empty, as at the first start after install. */
const coldMs = {};
const firstSamples = Object.fromEntries(variants.map((v) => [v.name, []]));
const unsettled = Object.fromEntries(variants.map((v) => [v.name, 0]));
process.stderr.write(`${runs} runs each at ${cols}x${rows}, Node ${spawnSync(node22, ['--version'], {encoding: 'utf8'}).stdout.trim()}\n`);
for (let i = -1; i < runs; i++) {
	for (const [n, variant] of variants.entries()) {
		let result;
		try {
			result = await measureOnce({args: variant.args, exits: variant.exits, cacheHome: cacheHomes[n]});
		} catch (error) {
			fail(`${variant.label}, run ${i + 2}: ${error.message}`);
		}
		if (i < 0) {
			coldMs[variant.name] = Math.round(result.firstMs * 10) / 10;
			continue; // warm-up (disk cache, compile cache)
		}
		samples[variant.name].push(result.ms);
		firstSamples[variant.name].push(result.firstMs);
		if (!result.settled) unsettled[variant.name] += 1;
	}
	if (i >= 0) process.stderr.write(`\rrun ${i + 1}/${runs}`);
}
process.stderr.write('\n');

const stats = (xs) => {
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return {median, min: sorted[0], max: sorted[sorted.length - 1]};
};
const round = (n) => Math.round(n * 10) / 10;
const results = Object.fromEntries(
	variants.map((v) => {
		const s = stats(samples[v.name]);
		return [
			v.name,
			{
				label: v.label,
				medianMs: round(s.median),
				minMs: round(s.min),
				maxMs: round(s.max),
				firstBothWordsMedianMs: round(stats(firstSamples[v.name]).median),
				coldFirstMs: coldMs[v.name],
				unsettledRuns: unsettled[v.name],
				samplesMs: samples[v.name].map(round),
			},
		];
	}),
);

// Ratios to `node -e 0`, run by run (each run's variants ran back to back), then the median: pairing keeps the
// ratio meaningful while the machine's speed drifts.
const ratioTo = (name, pick) =>
	round(stats(samples.bare.map((bare, i) => pick(name, i) / bare)).median * 100) / 100;
const ratios = {
	version: ratioTo('version', (name, i) => samples[name][i]),
	help: ratioTo('help', (name, i) => samples[name][i]),
	bundle: ratioTo('bundle', (name, i) => firstSamples[name][i]),
};
const ratioPass = Object.entries(RATIO_TARGETS).every(([name, target]) => ratios[name] <= target);

const ms = (n) => `${Math.round(n)} ms`;
const header = ['variant', 'median', 'min', 'max', 'words first seen (median)'];
const body = variants.map((v) => {
	const r = results[v.name];
	return [v.label, ms(r.medianMs), ms(r.minMs), ms(r.maxMs), ms(r.firstBothWordsMedianMs)];
});
const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
const fmt = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
const bundleMedian = results.bundle.medianMs;
const pass = bundleMedian < TARGET_MS;
const lines = [
	`startup to first full frame, ${runs} runs, ${cols}x${rows} pty, settle ${settleMs} ms`,
	fmt(header),
	fmt(widths.map((w) => '-'.repeat(w))),
	...body.map(fmt),
	'',
	`as ratios to node -e 0 (median of per-run ratios): --version ${ratios.version.toFixed(2)}× (target ≤ ${RATIO_TARGETS.version}×), ` +
		`--help ${ratios.help.toFixed(2)}× (≤ ${RATIO_TARGETS.help}×), first full frame ${ratios.bundle.toFixed(2)}× (≤ ${RATIO_TARGETS.bundle}×): ` +
		`${ratioPass ? 'PASS' : 'MISS'}`,
	`first start after install (empty cache, one run): first full frame ${ms(coldMs.bundle)}, --version ${ms(coldMs.version)}`,
	`bundle ${ms(bundleMedian)} vs unbundled ${ms(results.unbundled.medianMs)} ` +
		`(unbundled takes ${(results.unbundled.medianMs / bundleMedian).toFixed(2)}× as long); ` +
		`target bundle < ${TARGET_MS} ms: ${pass ? 'PASS' : 'MISS'}`,
];
for (const v of variants) {
	if (unsettled[v.name]) lines.push(`note: ${v.label} never went quiet in ${unsettled[v.name]} runs (first full frame counted)`);
}
process.stdout.write(lines.join('\n') + '\n');

const outDir = join(root, 'bench', 'results');
mkdirSync(outDir, {recursive: true});
const outFile = join(outDir, 'startup.json');
writeFileSync(
	outFile,
	JSON.stringify(
		{
			benchmark: 'startup',
			date: new Date().toISOString(),
			node: spawnSync(node22, ['--version'], {encoding: 'utf8'}).stdout.trim(),
			runs,
			cols,
			rows,
			settleMs,
			appArgs,
			env: opts.env,
			targetMs: TARGET_MS,
			pass,
			ratioTargets: RATIO_TARGETS,
			ratios,
			ratioPass,
			variants: results,
		},
		null,
		'\t',
	) + '\n',
);
process.stderr.write(`wrote ${rel(outFile)}\n`);
if (opts.check && !(pass && ratioPass)) process.exit(1);
