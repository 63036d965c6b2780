// `smsdeck emulator --tls`, the built binary: it prints an https:// URL and the CA file to trust; the console
// reaches it with AWS_CA_BUNDLE and refuses it without; on SIGTERM it stops and removes its temporary CA file.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {once} from 'node:events';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {isolatedEnv, runBinary} from '../helpers/binary.js';
import {distPath, nodeBinary} from '../helpers/terminal.js';

const home = mkdtempSync(join(tmpdir(), 'smsdeck-tls-e2e-'));
const env = isolatedEnv(home);
after(() => rmSync(home, {recursive: true, force: true}));
const smsdeck = (args: string[], extraEnv: Record<string, string> = {}) => runBinary(args, {...env, ...extraEnv}, 60_000);

test('smsdeck emulator --tls prints the https URL and the CA file; the console trusts it through AWS_CA_BUNDLE', async () => {
	const emulator = spawn(nodeBinary(), [distPath(), 'emulator', '--tls', '--port', '0', '--seed', 'default'], {env, stdio: ['ignore', 'pipe', 'pipe']});
	let out = '';
	let err = '';
	emulator.stdout.setEncoding('utf8').on('data', chunk => (out += chunk));
	emulator.stderr.setEncoding('utf8').on('data', chunk => (err += chunk));
	const exited = once(emulator, 'exit');
	try {
		// Wait for the start-up lines (the condition, not a fixed time); give up only if it exits or takes a minute.
		const deadline = Date.now() + 60_000;
		while (!/Press Ctrl-C to stop/.test(out) && emulator.exitCode === null && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
		assert.match(out, /Press Ctrl-C to stop/, `stdout: ${out}\nstderr: ${err}`);
		const url = /listening on (https:\/\/127\.0\.0\.1:\d+) /.exec(out)?.[1];
		assert.ok(url, out);
		const caFile = /export AWS_CA_BUNDLE=(\S+)/.exec(out)?.[1];
		assert.ok(caFile, out);
		assert.match(out, new RegExp(`CA certificate \\(new at every start\\): ${caFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n`));
		assert.match(readFileSync(caFile, 'utf8'), /^-----BEGIN CERTIFICATE-----/);

		const trusted = await smsdeck(['pools', '--json', '--endpoint-url', url, '--region', 'us-east-1'], {AWS_CA_BUNDLE: caFile});
		assert.equal(trusted.code, 0, trusted.stderr);
		assert.equal(JSON.parse(trusted.stdout).length, 3);

		const untrusted = await smsdeck(['pools', '--json', '--endpoint-url', url, '--region', 'us-east-1']);
		assert.notEqual(untrusted.code, 0);
		assert.match(untrusted.stderr, /^smsdeck: the endpoint's certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\); set AWS_CA_BUNDLE/);

		emulator.kill('SIGTERM');
		const [code] = await exited;
		assert.equal(code, 0);
		assert.match(out, /smsdeck emulator stopped/);
		assert.equal(existsSync(caFile), false, 'the temporary CA file goes with the emulator');
	} finally {
		if (emulator.exitCode === null) emulator.kill('SIGKILL');
	}
});
