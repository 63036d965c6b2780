// startEmulator({tls}): the whole emulator over HTTPS with a fresh CA, through the real SDK v3 clients.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {X509Certificate} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {promisify} from 'node:util';
import {DescribePoolsCommand, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {
	CloudWatchLogsClient,
	CreateLogGroupCommand,
	CreateLogStreamCommand,
	DescribeLogGroupsCommand,
	PutLogEventsCommand,
	StartLiveTailCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {captureIo} from '../helpers/commands.js';
import {runEmulator} from '../../source/commands/emulator.js';
import type {GlobalOptions} from '../../source/commands/types.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
let emulator: RunningEmulator;
let dir: string;

before(async () => {
	dir = mkdtempSync(join(tmpdir(), 'smsdeck-tls-'));
	emulator = await startEmulator({port: 0, quiet: true, seed: 'default', liveTailTickMs: 50, tls: {names: ['emulator.test', '10.11.12.13']}});
});
after(async () => {
	await emulator.close();
	rmSync(dir, {recursive: true, force: true});
});

/** The client config that trusts the emulator's CA (what AWS_CA_BUNDLE does for the console). */
function trusting(ca: string | undefined) {
	return {requestHandler: {httpsAgent: new https.Agent({ca})}, maxAttempts: 1};
}

/** GET over HTTPS; resolves with the status and the server's certificate, or rejects with the TLS error. */
function get(path: string, options: https.RequestOptions = {}): Promise<{status: number; body: string; cert: X509Certificate}> {
	const {port} = new URL(emulator.url);
	return new Promise((resolve, reject) => {
		const req = https.get({host: '127.0.0.1', port, path, ca: emulator.caPem, agent: false, ...options}, res => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', chunk => (body += chunk));
			res.on('end', () => {
				const raw = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().raw;
				resolve({status: res.statusCode ?? 0, body, cert: new X509Certificate(raw)});
			});
		});
		req.on('error', reject);
	});
}

describe('emulator over HTTPS', () => {
	test('answers on an https:// URL and writes the CA certificate to a temporary file that close() removes', async () => {
		assert.match(emulator.url, /^https:\/\/127\.0\.0\.1:\d+$/);
		assert.ok(emulator.caFile && emulator.caPem);
		assert.equal(readFileSync(emulator.caFile, 'utf8'), emulator.caPem);
		assert.match(emulator.caPem, /^-----BEGIN CERTIFICATE-----\r?\n/);
		const other = await startEmulator({port: 0, quiet: true, seed: 'empty', tls: {}});
		const caFile = other.caFile!;
		assert.ok(existsSync(caFile));
		assert.notEqual(other.caPem, emulator.caPem, 'every start makes a new CA');
		await other.close();
		assert.equal(existsSync(dirname(caFile)), false);
	});

	test('SDK v3 sms-voice, logs and STS clients trusting the CA work; without it they fail on the certificate', async () => {
		const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials, ...trusting(emulator.caPem)});
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, ...trusting(emulator.caPem)});
		const sts = new STSClient({region: 'us-east-1', endpoint: emulator.url, credentials, ...trusting(emulator.caPem)});
		const untrusting = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials, ...trusting(undefined)});
		const untrustingLogs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, ...trusting(undefined)});
		try {
			const pools = await sms.send(new DescribePoolsCommand({}));
			assert.deepEqual(pools.Pools?.map(p => p.PoolArn?.split(':')[3]), ['us-east-1', 'us-east-1', 'us-east-1']);
			const groups = await logs.send(new DescribeLogGroupsCommand({}));
			assert.ok(groups.logGroups?.some(g => g.logGroupName === 'smsdeck-simulator-events'), JSON.stringify(groups.logGroups));
			const me = await sts.send(new GetCallerIdentityCommand({}));
			assert.equal(me.Account, emulator.world.accountId);
			const certificateError = (error: any) => ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN'].includes(error.code);
			await assert.rejects(untrusting.send(new DescribePoolsCommand({})), certificateError);
			await assert.rejects(untrustingLogs.send(new DescribeLogGroupsCommand({})), certificateError);
		} finally {
			for (const client of [sms, logs, sts, untrusting, untrustingLogs]) client.destroy();
		}
	});

	test('StartLiveTail streams events over HTTPS', async () => {
		const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials, disableHostPrefix: true, ...trusting(emulator.caPem)});
		const leave = new AbortController();
		try {
			await logs.send(new CreateLogGroupCommand({logGroupName: '/tls/tail'}));
			await logs.send(new CreateLogStreamCommand({logGroupName: '/tls/tail', logStreamName: 's'}));
			const arn = `arn:aws:logs:us-east-1:${emulator.world.accountId}:log-group:/tls/tail`;
			const {responseStream} = await logs.send(new StartLiveTailCommand({logGroupIdentifiers: [arn]}), {abortSignal: leave.signal});
			let put = false;
			let seen: string[] = [];
			for await (const event of responseStream!) {
				if (event.sessionStart && !put) {
					put = true;
					await logs.send(new PutLogEventsCommand({logGroupName: '/tls/tail', logStreamName: 's', logEvents: [{timestamp: Date.now(), message: 'over tls'}]}));
				}
				seen = seen.concat((event.sessionUpdate?.sessionResults ?? []).map(r => r.message ?? ''));
				if (seen.length > 0) break;
			}
			assert.deepEqual(seen, ['over tls']);
		} finally {
			leave.abort();
			logs.destroy();
		}
	});

	test('the admin routes answer over HTTPS', async () => {
		const res = await get('/_smsdeck/health');
		assert.equal(res.status, 200);
		assert.deepEqual(JSON.parse(res.body), {ok: true});
	});
});

describe('certificates', () => {
	test('the server certificate is valid for localhost, 127.0.0.1, ::1 and each --tls-name, and for no other name', async () => {
		const byName = await get('/_smsdeck/health', {servername: 'emulator.test'});
		assert.equal(byName.status, 200, 'a client that connects by an extra DNS name accepts the certificate');
		assert.equal(byName.cert.checkHost('localhost'), 'localhost');
		assert.equal(byName.cert.checkIP('127.0.0.1'), '127.0.0.1');
		assert.equal(byName.cert.checkIP('::1'), '::1');
		assert.equal(byName.cert.checkIP('10.11.12.13'), '10.11.12.13');
		await assert.rejects(get('/_smsdeck/health', {servername: 'elsewhere.test'}), {code: 'ERR_TLS_CERT_ALTNAME_INVALID'});
	});

	test('the certificate also covers the --host it listens on, so the printed URL verifies', async () => {
		const other = await startEmulator({port: 0, quiet: true, seed: 'empty', host: '127.0.0.2', tls: {}});
		try {
			const {hostname, port} = new URL(other.url);
			assert.equal(hostname, '127.0.0.2');
			const res = await get('/_smsdeck/health', {host: hostname, port, ca: other.caPem});
			assert.equal(res.status, 200);
		} finally {
			await other.close();
		}
	});

	test('CA and server certificate: signed by the CA, a server-auth leaf, valid from an hour ago for 30 days', async () => {
		const {cert} = await get('/_smsdeck/health');
		const ca = new X509Certificate(emulator.caPem!);
		assert.equal(ca.ca, true);
		assert.equal(cert.ca, false);
		assert.ok(cert.checkIssued(ca) && cert.verify(ca.publicKey));
		assert.deepEqual(cert.keyUsage, ['1.3.6.1.5.5.7.3.1']);
		const hour = 3600_000;
		const from = Date.parse(cert.validFrom);
		assert.ok(from < Date.now() - hour + 60_000 && from > Date.now() - 2 * hour, cert.validFrom);
		const days = (Date.parse(cert.validTo) - from - hour) / (24 * hour);
		assert.ok(days > 29.9 && days < 30.1, cert.validTo);
		assert.notEqual(cert.serialNumber, ca.serialNumber);
	});

	test('OpenSSL accepts the pair under its strict X.509 rules as a TLS server certificate', async t => {
		const openssl = await promisify(execFile)('openssl', ['version']).then(
			() => true,
			() => false,
		);
		if (!openssl) return t.skip('openssl not on PATH');
		const {cert} = await get('/_smsdeck/health');
		writeFileSync(join(dir, 'server.pem'), cert.toString());
		const {stdout} = await promisify(execFile)('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', emulator.caFile!, join(dir, 'server.pem')]);
		assert.match(stdout, /server\.pem: OK/);
	});

	test('names that are neither DNS names nor IP addresses are refused before anything starts', async () => {
		await assert.rejects(startEmulator({port: 0, quiet: true, seed: 'empty', tls: {names: ['not a name']}}), /"not a name" is neither a DNS name nor an IP address/);
	});
});

describe('where the CA certificate goes', () => {
	test('next to --state (state.json → state.ca.pem), or to caFile; these stay after close', async () => {
		const statePath = join(dir, 'state.json');
		const withState = await startEmulator({port: 0, quiet: true, seed: 'empty', statePath, tls: {}});
		await withState.close();
		assert.equal(withState.caFile, join(dir, 'state.ca.pem'));
		assert.equal(readFileSync(withState.caFile!, 'utf8'), withState.caPem);
		assert.equal(statSync(withState.caFile!).mode & 0o044, 0o044, 'readable by everyone: it is a public certificate');

		const caFile = join(dir, 'trust', '..', 'my-ca.pem');
		const chosen = await startEmulator({port: 0, quiet: true, seed: 'empty', statePath, tls: {caFile}});
		await chosen.close();
		assert.equal(chosen.caFile, join(dir, 'my-ca.pem'));
		assert.equal(readFileSync(chosen.caFile!, 'utf8'), chosen.caPem);
	});

	test('a CA file that cannot be written fails the start with its path', async () => {
		const caFile = join(dir, 'missing', 'ca.pem');
		await assert.rejects(startEmulator({port: 0, quiet: true, seed: 'empty', tls: {caFile}}), (error: Error) => error.message.startsWith(`cannot write the CA certificate to ${caFile}`));
	});
});

describe('smsdeck emulator --tls (the command, in process)', () => {
	const io = () => captureIo();
	const globals: GlobalOptions = {local: false, readOnly: false, noColor: true, ascii: true, json: false};

	test('--tls-name and --ca-file without --tls, and a --tls-name that is no name, are one-line usage errors', async () => {
		const cases: [string[], RegExp][] = [
			[['--tls-name', 'emulator.test'], /--tls-name and --ca-file need --tls/],
			[['--ca-file', join(dir, 'ca.pem')], /--tls-name and --ca-file need --tls/],
			[['--tls', '--tls-name', 'two words'], /--tls-name must be a DNS name or an IP address \(got "two words"\)/],
			[['--tls', '--tls-name', 'bad_name.test'], /--tls-name must be a DNS name or an IP address/],
		];
		for (const [args, message] of cases) {
			const t = io();
			assert.equal(await runEmulator(args, globals, t.io), 2, args.join(' '));
			assert.match(t.err(), message);
			assert.equal(t.err().trim().split('\n').length, 1, t.err());
		}
	});

	test('--json reports the https URL and caFile; --tls-name is repeatable', async () => {
		const t = io();
		const stop = new AbortController();
		const caFile = join(dir, 'command-ca.pem');
		const done = runEmulator(
			['--tls', '--tls-name', 'one.test', '--tls-name', '192.0.2.7', '--ca-file', caFile, '--port', '0', '--seed', 'empty'],
			{...globals, json: true},
			t.io,
			stop.signal,
		);
		const deadline = Date.now() + 30_000;
		while (!t.out().includes('\n') && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
		const summary = JSON.parse(t.out());
		assert.match(summary.url, /^https:\/\/127\.0\.0\.1:\d+$/);
		assert.equal(summary.caFile, caFile);
		const {port} = new URL(summary.url);
		const {cert} = await get('/_smsdeck/health', {port, ca: readFileSync(caFile), servername: 'one.test'});
		assert.equal(cert.checkHost('one.test'), 'one.test');
		assert.equal(cert.checkIP('192.0.2.7'), '192.0.2.7');
		stop.abort();
		assert.equal(await done, 0);
	});
});
