// The request log (POST /_smsdeck/requests, /_smsdeck/clearRequests): who signed which call, for which region
// and service, as differential tests of the console against the AWS CLI read it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {DescribePoolsCommand, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {CloudWatchLogsClient, DescribeLogGroupsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {RequestLog, type RequestLogEntry} from '../../source/emulator/requestLog.js';

let emulator: RunningEmulator;

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'default'});
});
after(() => emulator.close());

async function admin(action: string): Promise<any> {
	const res = await fetch(`${emulator.url}/_smsdeck/${action}`, {method: 'POST', body: '{}'});
	assert.equal(res.status, 200);
	return res.json();
}

test('records access key id, region, service and operation of SDK calls with different credentials and regions, and of STS', async () => {
	await admin('clearRequests');
	const secrets = {pinpoint: 'pinpoint-secret-key', logs: 'logs-secret-key', sts: 'sts-secret-key', token: 'session-token-not-to-log'};
	const sms = new PinpointSMSVoiceV2Client({region: 'eu-west-2', endpoint: emulator.url, credentials: {accessKeyId: 'AKIDPINPOINT', secretAccessKey: secrets.pinpoint}});
	const logs = new CloudWatchLogsClient({region: 'us-west-2', endpoint: emulator.url, credentials: {accessKeyId: 'AKIDLOGS', secretAccessKey: secrets.logs}});
	const sts = new STSClient({
		region: 'ap-southeast-2',
		endpoint: emulator.url,
		credentials: {accessKeyId: 'ASIASESSION', secretAccessKey: secrets.sts, sessionToken: secrets.token},
	});
	try {
		await sms.send(new DescribePoolsCommand({}));
		await logs.send(new DescribeLogGroupsCommand({}));
		await sts.send(new GetCallerIdentityCommand({}));
	} finally {
		for (const client of [sms, logs, sts]) client.destroy();
	}
	const {requests} = (await admin('requests')) as {requests: RequestLogEntry[]};
	assert.deepEqual(
		requests.map(r => [r.service, r.region, r.accessKeyId, r.operation]),
		[
			['sms-voice', 'eu-west-2', 'AKIDPINPOINT', 'DescribePools'],
			['logs', 'us-west-2', 'AKIDLOGS', 'DescribeLogGroups'],
			['sts', 'ap-southeast-2', 'ASIASESSION', 'GetCallerIdentity'],
		],
	);
	for (const r of requests) {
		assert.match(r.userAgent ?? '', /^aws-sdk-js\//);
		assert.ok(r.userAgent!.length <= 80);
		assert.equal(r.via, null);
		assert.ok(Math.abs(Date.parse(r.time) - Date.now()) < 60_000, r.time);
	}
	const text = JSON.stringify(requests);
	for (const secret of [...Object.values(secrets), 'Signature']) assert.equal(text.includes(secret), false, `${secret} is not in the log`);
});

test('unsigned requests are recorded without credentials; Via is kept; the admin routes are not recorded', async () => {
	await admin('clearRequests');
	await fetch(emulator.url, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'PinpointSMSVoiceV2.DescribePools', 'user-agent': 'x'.repeat(100)},
		body: '{}',
	});
	await fetch(emulator.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.1',
			'x-amz-target': 'Logs_20140328.DescribeLogGroups',
			authorization: 'AWS4-HMAC-SHA256 Credential=AKIDPROXIED/20260101/eu-central-1/logs/aws4_request, SignedHeaders=host, Signature=0123abcd',
			via: '1.1 proxy.internal (squid)',
		},
		body: '{}',
	});
	const {requests} = (await admin('requests')) as {requests: RequestLogEntry[]};
	assert.equal(requests.length, 2, JSON.stringify(requests));
	const [unsigned, proxied] = requests;
	assert.deepEqual([unsigned.service, unsigned.region, unsigned.accessKeyId, unsigned.operation], [null, null, null, 'DescribePools']);
	assert.equal(unsigned.userAgent, 'x'.repeat(80));
	assert.deepEqual([proxied.accessKeyId, proxied.region, proxied.service, proxied.via], ['AKIDPROXIED', 'eu-central-1', 'logs', '1.1 proxy.internal (squid)']);
	assert.equal(JSON.stringify(requests).includes('0123abcd'), false, 'the signature is not logged');
});

test('clearRequests empties the log, and later requests are recorded again', async () => {
	const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'AKIDAGAIN', secretAccessKey: 's'}});
	try {
		await sms.send(new DescribePoolsCommand({}));
		assert.ok((await admin('requests')).requests.length > 0);
		assert.deepEqual(await admin('clearRequests'), {ok: true});
		assert.deepEqual(await admin('requests'), {requests: []});
		await sms.send(new DescribePoolsCommand({}));
		assert.deepEqual((await admin('requests')).requests.map((r: RequestLogEntry) => r.accessKeyId), ['AKIDAGAIN']);
	} finally {
		sms.destroy();
	}
});

test('the log keeps the most recent 1,000 entries', () => {
	const log = new RequestLog(() => 0);
	for (let i = 0; i < 1005; i++) log.record({'x-amz-target': 'T.Op'}, `Op${i}`);
	const entries = log.list();
	assert.equal(entries.length, 1000);
	assert.equal(entries[0].operation, 'Op5');
	assert.equal(entries.at(-1)!.operation, 'Op1004');
});
