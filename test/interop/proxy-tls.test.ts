// A bastion behind a proxy: the emulator serves HTTPS (its own CA) under a host name only the proxy can resolve
// (squid's hosts_file), so a request that does not go through the proxy cannot arrive. Subcommands, the console,
// an assumed role's STS call and the pip AWS CLI all reach it through squid with the CA bundle; without the proxy
// or without the CA each fails in one clear line; instance metadata is never sent to the proxy.
// Needs squid (Debian package; .ci/run installs it); skipped with a message when it is missing.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {runBinary} from '../helpers/binary.js';
import {hasAws, run} from '../helpers/awsCli.js';
import {spawnTerminal} from '../helpers/terminal.js';

const SQUID = ['/usr/sbin/squid', '/usr/bin/squid'].find(p => existsSync(p));
const HOST = 'sms.smsdeck.test';

async function freePort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise(resolve => server.close(resolve));
	return port;
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

describe('through a proxy, to an HTTPS endpoint with its own CA', {skip: !SQUID && 'squid is not installed (apt-get install squid)'}, () => {
	let emu: RunningEmulator;
	let dir: string;
	let squid: ChildProcess;
	let proxyUrl: string;
	let endpoint: string;
	let env: Record<string, string>;
	let imds: http.Server;
	const imdsSeen: string[] = [];

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'smsdeck-proxy-'));
		chmodSync(dir, 0o777); // squid writes its logs as its own user
		emu = await startEmulator({port: 0, quiet: true, tls: {names: [HOST]}});
		endpoint = `https://${HOST}:${emu.port}`;
		const port = await freePort();
		writeFileSync(join(dir, 'hosts'), `127.0.0.1 ${HOST}\n`);
		writeFileSync(
			join(dir, 'squid.conf'),
			[
				`http_port 127.0.0.1:${port}`,
				`hosts_file ${join(dir, 'hosts')}`,
				'acl local src 127.0.0.1',
				'http_access allow local',
				'http_access deny all',
				'cache deny all',
				`access_log stdio:${join(dir, 'access.log')}`,
				`cache_log ${join(dir, 'cache.log')}`,
				`pid_filename ${join(dir, 'squid.pid')}`,
				`coredump_dir ${dir}`,
				'shutdown_lifetime 0 seconds',
			].join('\n') + '\n',
		);
		squid = spawn(SQUID!, ['-N', '-f', join(dir, 'squid.conf')], {stdio: 'ignore'});
		proxyUrl = `http://127.0.0.1:${port}`;
		await waitFor(async () => {
			try {
				const r = await fetch(`${proxyUrl}/`, {signal: AbortSignal.timeout(1000)});
				return r.status > 0;
			} catch {
				return false;
			}
		}, 'squid to listen');
		// A stand-in for the instance metadata service (IMDSv2), reached without a proxy or not at all.
		imds = http.createServer((req, res) => {
			imdsSeen.push(`${req.method} ${req.url}`);
			if (req.method === 'PUT' && req.url === '/latest/api/token') return res.end('token');
			if (req.url === '/latest/meta-data/iam/security-credentials/') return res.end('bastion-role');
			if (req.url === '/latest/meta-data/iam/security-credentials/bastion-role') {
				return res.end(JSON.stringify({Code: 'Success', AccessKeyId: 'ASIAFROMIMDS', SecretAccessKey: 'x', Token: 't', Expiration: new Date(Date.now() + 3600_000).toISOString()}));
			}
			res.statusCode = 404;
			res.end();
		});
		await new Promise<void>(resolve => imds.listen(0, '127.0.0.1', resolve));
		writeFileSync(
			join(dir, 'config'),
			'[default]\nregion = us-east-1\n\n[profile role]\nrole_arn = arn:aws:iam::123456789012:role/sms-operator\nsource_profile = default\nregion = us-east-1\n\n' +
				'[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = SmsOperator\nregion = us-east-1\n\n' +
				'[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
		);
		// An expired `aws sso login` token that can be refreshed: the SDK must call SSO OIDC, then the SSO portal.
		mkdirSync(join(dir, '.aws', 'sso', 'cache'), {recursive: true});
		writeFileSync(
			join(dir, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`),
			JSON.stringify({
				startUrl: 'https://corp.awsapps.com/start',
				region: 'us-east-1',
				accessToken: 'expired-token',
				expiresAt: new Date(Date.now() - 3600_000).toISOString(),
				clientId: 'client',
				clientSecret: 'client-secret',
				registrationExpiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
				refreshToken: 'refresh-token',
			}),
		);
		writeFileSync(join(dir, 'credentials'), '[default]\naws_access_key_id = AKIDBASTION\naws_secret_access_key = b\n');
		env = {
			PATH: process.env.PATH ?? '/usr/bin:/bin',
			HOME: dir,
			LANG: 'C.UTF-8',
			NO_COLOR: '1',
			SMSDECK_CONFIG_DIR: join(dir, 'prefs'),
			AWS_CONFIG_FILE: join(dir, 'config'),
			AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_ENDPOINT_URL: endpoint,
			AWS_CA_BUNDLE: emu.caFile!,
			HTTPS_PROXY: proxyUrl,
			AWS_PAGER: '',
		};
	});
	after(async () => {
		squid?.kill('SIGKILL');
		imds?.close();
		await emu?.close();
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	const proxied = () => (existsSync(join(dir, 'access.log')) ? readFileSync(join(dir, 'access.log'), 'utf8') : '');
	/** The emulator's admin routes, over HTTPS with its CA (directly: this process resolves nothing by name). */
	const admin = (action: string) =>
		new Promise<unknown>((resolve, reject) => {
			const req = https.request(`https://127.0.0.1:${emu.port}/_smsdeck/${action}`, {method: 'POST', ca: emu.caPem, headers: {'content-type': 'application/json'}}, res => {
				let body = '';
				res.on('data', chunk => (body += chunk));
				res.on('end', () => resolve(JSON.parse(body)));
			});
			req.on('error', reject);
			req.end('{}');
		});

	test('the host cannot be reached directly: the proxy is the only way in', async () => {
		const r = await runBinary(['pools'], {...env, HTTPS_PROXY: ''});
		assert.equal(r.code, 1);
		assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
		assert.match(r.stderr, /^smsdeck: .*cannot reach the endpoint \(host not found\)/);
	});

	test('subcommands go through the proxy and trust the CA bundle', async () => {
		const before = proxied().split('\n').length;
		const pools = await runBinary(['pools', '--json'], env);
		assert.equal(pools.code, 0, pools.stderr);
		assert.equal(JSON.parse(pools.stdout).length, 3);
		const account = await runBinary(['account', '--json'], env);
		assert.equal(account.code, 0, account.stderr);
		assert.equal(JSON.parse(account.stdout).Identity.Account, '123456789012', 'STS answered through the proxy');
		await waitFor(() => proxied().split('\n').length > before, 'squid to log the tunnels');
		assert.match(proxied(), new RegExp(`CONNECT ${HOST.replace(/\./g, '\\.')}:${emu.port}`));
	});

	test('the credential chain’s own STS call (an assumed role) uses the proxy and the CA too', async () => {
		await admin('clearRequests');
		const r = await runBinary(['pools', '--profile', 'role'], env);
		assert.equal(r.code, 0, r.stderr);
		const requests = ((await admin('requests')) as {requests: {operation: string; accessKeyId: string}[]}).requests;
		assert.ok(requests.some(q => q.operation === 'AssumeRole' && q.accessKeyId === 'AKIDBASTION'), 'AssumeRole arrived (so through the proxy)');
		assert.ok(requests.some(q => q.operation === 'DescribePools' && q.accessKeyId.startsWith('ASIAEMULATOR')), 'then the role signed');
	});

	test('an SSO profile: the token refresh (SSO OIDC) and the role credentials (SSO) use the proxy and the CA', async () => {
		await admin('clearRequests');
		const r = await runBinary(['pools', '--profile', 'sso'], env);
		assert.equal(r.code, 0, r.stderr);
		const operations = ((await admin('requests')) as {requests: {operation: string; accessKeyId: string | null}[]}).requests;
		assert.deepEqual(
			operations.filter(q => q.operation !== 'DescribePools').map(q => q.operation),
			['CreateToken', 'GetRoleCredentials'],
		);
		assert.ok(operations.some(q => q.operation === 'DescribePools' && q.accessKeyId === 'ASIASSO123456789012'));
	});

	test('without the CA bundle: one line that says the certificate is not trusted and what to set', async () => {
		const r = await runBinary(['pools'], {...env, AWS_CA_BUNDLE: ''});
		assert.equal(r.code, 1);
		assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
		assert.match(r.stderr, /^smsdeck: .*certificate .*not trusted.*AWS_CA_BUNDLE/);
	});

	test('an unreadable CA bundle is refused before anything is sent', async () => {
		const r = await runBinary(['pools'], {...env, AWS_CA_BUNDLE: join(dir, 'missing.pem')});
		assert.equal(r.code, 2);
		assert.match(r.stderr, /^smsdeck: cannot read the CA bundle .*missing\.pem \(ENOENT\)\n$/);
	});

	test('the console reaches it through the proxy', async () => {
		const app = spawnTerminal({args: [], cols: 140, rows: 40, env});
		try {
			await app.waitForText('account 123456789012', {timeoutMs: 20_000});
			// Only AWS_ENDPOINT_URL names the endpoint: the header still says it is not AWS.
			assert.match(app.screen(), new RegExp(`endpoint ${endpoint.replace(/\./g, '\\.')}`));
			await app.waitForText(/us-east-1 +US East \(N\. Virgini\S* +9 +3 +2/, {timeoutMs: 20_000});
		} finally {
			app.dispose();
		}
	});

	test('the console without the CA bundle, or without the proxy, says why in one line', async () => {
		for (const [change, reason] of [
			[{AWS_CA_BUNDLE: ''}, "the endpoint's certificate is not trusted"],
			[{HTTPS_PROXY: ''}, 'cannot reach the endpoint (host not found)'],
		] as const) {
			const app = spawnTerminal({args: [], cols: 160, rows: 40, env: {...env, ...change}});
			try {
				await app.waitForText(reason, {timeoutMs: 20_000});
			} finally {
				app.dispose();
			}
		}
	});

	test('instance metadata is never sent to the proxy', async () => {
		const {port} = imds.address() as AddressInfo;
		imdsSeen.length = 0;
		const before = proxied();
		const r = await runBinary(['pools'], {
			...env,
			HTTP_PROXY: proxyUrl,
			AWS_CONFIG_FILE: join(dir, 'none'),
			AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
			AWS_EC2_METADATA_DISABLED: '',
			AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${port}`,
			AWS_REGION: 'us-east-1',
		});
		assert.equal(r.code, 0, r.stderr);
		assert.ok(imdsSeen.includes('GET /latest/meta-data/iam/security-credentials/bastion-role'), `IMDS was asked directly: ${imdsSeen.join(', ')}`);
		const added = proxied().slice(before.length);
		assert.doesNotMatch(added, new RegExp(`127\\.0\\.0\\.1:${port}`), 'squid never saw the metadata calls');
	});

	test('the pip AWS CLI, given the same environment, goes the same way', {skip: false}, async t => {
		if (!(await hasAws())) return t.skip('aws CLI not on PATH');
		const {stdout} = await run('aws', ['pinpoint-sms-voice-v2', 'describe-pools', '--output', 'json'], {env});
		assert.equal(JSON.parse(stdout).Pools.length, 3);
	});
});
