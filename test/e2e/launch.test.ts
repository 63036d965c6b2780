// The single-file bundle: its entry answers --version and --help by itself, and unpacks the rest of smsdeck once
// per build into a private cache directory (never into one someone else could write to), from which every later
// run loads only the modules it needs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isolatedEnv, runBinary} from '../helpers/binary.js';

function sandbox() {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-launch-'));
	const home = join(dir, 'home');
	mkdirSync(home);
	const tmp = join(dir, 'tmp');
	mkdirSync(tmp);
	// Not the tests' shared cache: these start from an empty one.
	const {XDG_CACHE_HOME: _shared, ...env0} = isolatedEnv(home);
	const env: Record<string, string> = {...env0, TMPDIR: tmp};
	return {dir, home, tmp, env, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

const cacheOf = (home: string) => join(home, '.cache', 'smsdeck');
const bundles = (root: string) => (existsSync(root) ? readdirSync(root).filter(name => name.startsWith('bundle-')) : []);

test('--version and --help answer without unpacking anything, and say what smsdeck proper says', async () => {
	const box = sandbox();
	try {
		const version = await runBinary(['--version'], box.env);
		assert.equal(version.code, 0);
		assert.match(version.stdout, /^smsdeck \d+\.\d+\.\d+\n$/);
		const help = await runBinary(['--help'], box.env);
		assert.equal(help.code, 0);
		assert.match(help.stdout, /^smsdeck — a terminal console/);
		assert.match(help.stdout, /\n {2}simulate {2,}/, 'the subcommands are listed');
		assert.deepEqual(bundles(cacheOf(box.home)), [], 'nothing unpacked for --version or --help');
		// With one more option the arguments go to smsdeck proper, which prints the same.
		const full = await runBinary(['--no-color', '--help'], box.env);
		assert.equal(full.stdout, help.stdout);
		assert.equal((await runBinary(['--no-color', '--version'], box.env)).stdout, version.stdout);
		assert.equal(bundles(cacheOf(box.home)).length, 1, 'smsdeck proper ran from the unpacked modules');
	} finally {
		box.cleanup();
	}
});

test('the first run unpacks into ~/.cache/smsdeck (private), later runs reuse it; concurrent first runs agree', async () => {
	const box = sandbox();
	try {
		const runs = await Promise.all([1, 2, 3, 4].map(() => runBinary(['regions', '--json'], box.env)));
		for (const run of runs) {
			assert.equal(run.code, 0, run.stderr);
			assert.equal(JSON.parse(run.stdout).length, 34);
		}
		const root = cacheOf(box.home);
		assert.equal(statSync(root).mode & 0o777, 0o700, 'only its owner may read or write the cache');
		assert.deepEqual(readdirSync(root).filter(name => name.startsWith('.unpacking-')), [], 'no half-written copy left');
		const [bundle] = bundles(root);
		assert.equal(bundles(root).length, 1);
		const unpackedAt = statSync(join(root, bundle)).mtimeMs;
		const again = await runBinary(['parts', 'hello'], box.env);
		assert.equal(again.code, 0, again.stderr);
		assert.match(again.stdout, /GSM-7/);
		assert.equal(statSync(join(root, bundle)).mtimeMs, unpackedAt, 'reused, not unpacked again');
		assert.ok(existsSync(join(root, 'v8')), "V8's compile cache sits beside it");
	} finally {
		box.cleanup();
	}
});

test('XDG_CACHE_HOME is honoured; a cache no one else should write to is refused, and then nothing is left behind', async () => {
	const box = sandbox();
	try {
		const xdg = join(box.dir, 'xdg');
		const viaXdg = await runBinary(['regions', '--json'], {...box.env, XDG_CACHE_HOME: xdg});
		assert.equal(viaXdg.code, 0, viaXdg.stderr);
		assert.equal(bundles(join(xdg, 'smsdeck')).length, 1);
		assert.deepEqual(bundles(cacheOf(box.home)), []);

		// No usable home cache (its parent is a file), and the shared temporary one is writable by everyone.
		writeFileSync(join(box.dir, 'not-a-dir'), '');
		const uid = process.getuid?.() ?? 0;
		const shared = join(box.tmp, `smsdeck-${uid}`);
		mkdirSync(shared);
		chmodSync(shared, 0o777);
		const env = {...box.env, XDG_CACHE_HOME: join(box.dir, 'not-a-dir')};
		const run = await runBinary(['pools', '--local', '--json'], env);
		assert.equal(run.code, 0, run.stderr);
		assert.ok(JSON.parse(run.stdout).length > 0);
		assert.deepEqual(readdirSync(shared), [], 'no code written where others could change it');
		assert.deepEqual(readdirSync(box.tmp).filter(name => name !== `smsdeck-${uid}`), [], 'the one-run copy is removed at exit');

		// Once the temporary cache is private, it is used and kept.
		chmodSync(shared, 0o700);
		const kept = await runBinary(['regions', '--json'], env);
		assert.equal(kept.code, 0, kept.stderr);
		assert.equal(bundles(shared).length, 1);
	} finally {
		box.cleanup();
	}
});

test('a damaged unpacked copy is dropped: the run still works and the next one unpacks afresh', async () => {
	const box = sandbox();
	try {
		assert.equal((await runBinary(['regions', '--json'], box.env)).code, 0);
		const root = cacheOf(box.home);
		const dir = join(root, bundles(root)[0]);
		writeFileSync(join(dir, 'main.mjs'), 'export default (;\n');
		const run = await runBinary(['regions', '--json'], box.env);
		assert.equal(run.code, 0, run.stderr);
		assert.equal(JSON.parse(run.stdout).length, 34);
		assert.equal(existsSync(dir), false, 'the damaged copy is gone');
		assert.equal((await runBinary(['regions', '--json'], box.env)).code, 0);
		assert.ok(existsSync(join(dir, 'main.mjs')), 'and unpacked again');
	} finally {
		box.cleanup();
	}
});
