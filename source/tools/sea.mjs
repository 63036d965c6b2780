#!/usr/bin/env node
// npm run sea: a standalone executable for hosts without Node (Linux x64, ~125 MB): the Node 22 binary from
// node_modules with the bundle injected as a single-executable-application asset.
// Node 22's SEA main must be CommonJS and Ink needs ESM with top-level await, so a small CJS launcher writes the
// bundle once to ~/.cache/smsdeck/smsdeck-<hash>.mjs and imports it.
import {execFileSync} from 'node:child_process';
import {copyFileSync, chmodSync, mkdirSync, writeFileSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'build', 'sea');
const out = join(root, 'dist', `smsdeck-${process.platform}-${process.arch}`);
const node = process.execPath;
if (Number(process.versions.node.split('.')[0]) < 22) throw new Error('run with Node 22 (npm run sea does)');

execFileSync(node, [join(root, 'source', 'tools', 'build.mjs'), '--if-stale', '--quiet'], {stdio: 'inherit'});
rmSync(work, {recursive: true, force: true});
mkdirSync(work, {recursive: true});
writeFileSync(
	join(work, 'launcher.cjs'),
	`const {getAsset} = require('node:sea');
const {createHash} = require('node:crypto');
const {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync} = require('node:fs');
const {homedir, tmpdir} = require('node:os');
const {join} = require('node:path');
const {pathToFileURL} = require('node:url');
const code = getAsset('smsdeck.mjs', 'utf8');
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
let dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'smsdeck');
try { mkdirSync(dir, {recursive: true, mode: 0o700}); } catch {
	// Never a predictable name in the shared temp folder (someone else could put a file there first): a fresh
	// private folder, removed at exit.
	dir = mkdtempSync(join(tmpdir(), 'smsdeck-'));
	const temporary = dir;
	process.on('exit', () => rmSync(temporary, {recursive: true, force: true}));
}
const file = join(dir, 'smsdeck-' + hash + '.mjs');
if (!existsSync(file)) {
	const temp = file + '.' + process.pid;
	writeFileSync(temp, code, {mode: 0o600});
	renameSync(temp, file);
}
import(pathToFileURL(file).href).catch(error => {
	process.stderr.write('smsdeck: ' + (error && error.message ? error.message : String(error)) + '\\n');
	process.exit(1);
});
`,
);
writeFileSync(
	join(work, 'sea-config.json'),
	JSON.stringify({
		main: join(work, 'launcher.cjs'),
		output: join(work, 'sea-prep.blob'),
		disableExperimentalSEAWarning: true,
		assets: {'smsdeck.mjs': join(root, 'dist', 'smsdeck.mjs')},
	}),
);
execFileSync(node, ['--experimental-sea-config', join(work, 'sea-config.json')], {stdio: 'inherit'});
copyFileSync(node, out);
chmodSync(out, 0o755);
execFileSync(
	node,
	[join(root, 'node_modules', 'postject', 'dist', 'cli.js'), out, 'NODE_SEA_BLOB', join(work, 'sea-prep.blob'), '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'],
	{stdio: 'inherit'},
);
process.stdout.write(`built ${out.slice(root.length + 1)}\n`);
