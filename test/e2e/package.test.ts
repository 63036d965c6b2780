// The tarball from `npm pack` installs into an empty prefix and runs with nothing else: one bundled file.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {nodeBinary, spawnTerminal} from '../helpers/terminal.js';

const root = join(import.meta.dirname, '..', '..');

test('npm pack → npm i -g into an empty prefix → smsdeck runs from there', async () => {
	const work = mkdtempSync(join(tmpdir(), 'smsdeck-pack-'));
	try {
		const env = {...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'};
		// dist/ is built by npm test before the tests run; skip prepack's rebuild.
		execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {cwd: root, env, stdio: 'pipe'});
		const tarball = readdirSync(work).find(f => f.endsWith('.tgz'));
		assert.ok(tarball, 'a tarball');
		const listing = execFileSync('tar', ['tzf', join(work, tarball!)]).toString().trim().split('\n').sort();
		assert.deepEqual(listing, ['package/dist/smsdeck.mjs', 'package/package.json', 'package/readme.md']);
		const prefix = join(work, 'prefix');
		execFileSync('npm', ['i', '-g', '--prefix', prefix, '--offline', join(work, tarball!)], {env, stdio: 'pipe'});
		// Only Node 22 and the installed bin on PATH: nothing from the repository.
		const runEnv = {PATH: `${dirname(nodeBinary())}:${join(prefix, 'bin')}:/usr/bin:/bin`, HOME: work, LANG: 'C.UTF-8'};
		const run = (...args: string[]) => execFileSync('smsdeck', args, {cwd: work, env: runEnv}).toString();
		assert.match(run('--version'), /^smsdeck \d+\.\d+\.\d+/);
		const regions = JSON.parse(run('regions', '--json'));
		assert.equal(regions.length, 34);
		const pools = JSON.parse(run('pools', '--local', '--json'));
		assert.ok(Array.isArray(pools) && pools.length > 0, 'the embedded emulator works from the installed file');
		const report = JSON.parse(run('simulate', '--local', '--json'));
		assert.equal(report.verdict, 'PASS', 'the simulator smoke test passes from the installed file');
		// And the console itself, in a terminal.
		const app = spawnTerminal({command: join(prefix, 'bin', 'smsdeck'), args: ['--local'], env: runEnv, cwd: work});
		try {
			await app.waitForText('<?> help', {timeoutMs: 15_000});
			assert.match(app.screen(), /Regions \[34\]/);
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
});
