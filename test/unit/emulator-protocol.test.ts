// The emulator's HTTP front over real HTTP, with the real SDK v3 clients and a tiny fake sms-voice service.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	DescribePoolsCommand,
	PinpointSMSVoiceV2Client,
	SendTextMessageCommand,
	ValidationException,
	ThrottlingException,
	DescribeKeywordsCommand,
	InternalServerException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {CloudWatchLogsClient, CreateLogGroupCommand, InvalidParameterException} from '@aws-sdk/client-cloudwatch-logs';
import {createServer, type EmulatorServer} from '../../source/emulator/server.js';
import {createWorld, realClock} from '../../source/emulator/world.js';
import {createLogsService} from '../../source/emulator/logs/index.js';
import {ApiError, type EmulatedService} from '../../source/emulator/types.js';

const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
let server: EmulatorServer;
let url: string;
const seenRegions: string[] = [];

function fakeSmsVoice(): EmulatedService {
	return {
		targetPrefix: 'PinpointSMSVoiceV2',
		handlers: {
			DescribePools(input: {MaxResults?: number}, ctx) {
				seenRegions.push(ctx.region);
				return {Pools: [{PoolId: 'pool-1', PoolArn: `arn:aws:sms-voice:${ctx.region}:${ctx.accountId}:pool/pool-1`, CreatedTimestamp: 1700000000.5}]};
			},
			SendTextMessage() {
				throw new ApiError('ConflictException', 'not verified', {Reason: 'DESTINATION_PHONE_NUMBER_NOT_VERIFIED', ResourceType: 'verified-destination-number', ResourceId: '+15555550100'});
			},
			DescribeKeywords() {
				throw new TypeError('boom');
			},
		},
		admin: {ping: () => ({pong: true})},
		snapshot: () => ({}),
		restore() {},
	};
}

async function raw(target: string | undefined, body: string, headers: Record<string, string> = {}) {
	const res = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.0',
			...(target === undefined ? {} : {'x-amz-target': target}),
			...headers,
		},
		body,
	});
	const text = await res.text();
	return {status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined};
}

before(async () => {
	const world = createWorld({options: {liveTailTickMs: 50}});
	const logs = createLogsService(world);
	world.logs = logs.writer;
	server = createServer([fakeSmsVoice(), logs.service], world, {onInternalError: () => {}});
	const port = await server.listen(0, '127.0.0.1');
	url = `http://127.0.0.1:${port}`;
});
after(() => server.close());

describe('sms-voice protocol through SDK v3', () => {
	test('a handled operation answers 200 with a request id, and the region comes from the credential scope', async () => {
		const client = new PinpointSMSVoiceV2Client({region: 'eu-west-2', endpoint: url, credentials});
		const out = await client.send(new DescribePoolsCommand({MaxResults: 5}));
		assert.equal(out.Pools?.[0]?.PoolId, 'pool-1');
		assert.ok(out.Pools?.[0]?.CreatedTimestamp instanceof Date);
		assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
		assert.equal(seenRegions.at(-1), 'eu-west-2');
	});

	test('out-of-range MaxResults is a ValidationException naming the field', async () => {
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials});
		const error = await client.send(new DescribePoolsCommand({MaxResults: 1000})).catch(e => e);
		assert.ok(error instanceof ValidationException, String(error));
		assert.equal(error.Reason, 'FIELD_VALIDATION_FAILED');
		assert.equal(error.Fields?.[0]?.Name, 'MaxResults');
		assert.match(error.message, /less than or equal to 100/);
		assert.equal(error.$metadata.httpStatusCode, 400);
	});

	test('missing required members give MISSING_PARAMETER with one field each', async () => {
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials});
		const error = await client.send(new SendTextMessageCommand({} as any)).catch(e => e);
		assert.ok(error instanceof ValidationException);
		assert.equal(error.Reason, 'MISSING_PARAMETER');
		assert.deepEqual(error.Fields?.map(f => f.Name), ['DestinationPhoneNumber']);
	});

	test('nested problems are named with a path', async () => {
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials});
		const error = await client.send(new DescribePoolsCommand({Filters: [{Name: 'nope' as any, Values: ['x']}]})).catch(e => e);
		assert.ok(error instanceof ValidationException);
		assert.equal(error.Fields?.[0]?.Name, 'Filters.0.Name');
		assert.match(error.Fields?.[0]?.Message ?? '', /enum value set/);
	});

	test('a handler ApiError keeps its modeled members', async () => {
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials});
		const error = await client
			.send(new SendTextMessageCommand({DestinationPhoneNumber: '+15555550100', MessageBody: 'hi'}))
			.catch(e => e);
		assert.equal(error.name, 'ConflictException');
		assert.equal(error.Reason, 'DESTINATION_PHONE_NUMBER_NOT_VERIFIED');
		assert.equal(error.ResourceId, '+15555550100');
	});

	test('a handler crash is a 500 InternalServerException and the server keeps answering', async () => {
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1});
		const error = await client.send(new DescribeKeywordsCommand({OriginationIdentity: 'pool-1'})).catch(e => e);
		assert.ok(error instanceof InternalServerException);
		assert.equal(error.$metadata.httpStatusCode, 500);
		assert.match(error.RequestId ?? '', /^[0-9a-f-]{36}$/);
		const out = await client.send(new DescribePoolsCommand({}));
		assert.equal(out.Pools?.length, 1);
	});

	test('throttleNext makes the next requests fail with ThrottlingException', async () => {
		const admin = await fetch(`${url}/_smsdeck/throttleNext`, {method: 'POST', body: JSON.stringify({count: 1, operation: 'DescribePools'})});
		assert.equal(admin.status, 200);
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials, maxAttempts: 1});
		const error = await client.send(new DescribePoolsCommand({})).catch(e => e);
		assert.ok(error instanceof ThrottlingException);
		const out = await client.send(new DescribePoolsCommand({}));
		assert.equal(out.Pools?.length, 1);
	});
});

describe('request-rate quotas (options.throttle)', () => {
	test('1 rps per operation and region by default, 10 rps for PutOptedOutNumber; off means unlimited', async () => {
		// A frozen clock: buckets do not refill while the test runs, however slow the machine.
		const world = createWorld({options: {throttle: true}, clock: {now: () => 1_800_000_000_000, setTimeout: realClock.setTimeout}});
		const service = fakeSmsVoice();
		service.handlers.PutOptedOutNumber = () => ({});
		const limited = createServer([service], world, {onInternalError: () => {}});
		const port = await limited.listen(0, '127.0.0.1');
		const endpoint = `http://127.0.0.1:${port}`;
		const client = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint, credentials, maxAttempts: 1});
		const west = new PinpointSMSVoiceV2Client({region: 'us-west-2', endpoint, credentials, maxAttempts: 1});
		try {
			await client.send(new DescribePoolsCommand({}));
			const second = await client.send(new DescribePoolsCommand({})).catch(e => e);
			assert.ok(second instanceof ThrottlingException, String(second));
			await west.send(new DescribePoolsCommand({}));
			const results = await Promise.all(
				Array.from({length: 12}, () => fetch(endpoint, {method: 'POST', headers: {'x-amz-target': 'PinpointSMSVoiceV2.PutOptedOutNumber', 'content-type': 'application/x-amz-json-1.0'}, body: JSON.stringify({OptOutListName: 'Default', OptedOutNumber: '+14254147755'})}).then(r => r.status)),
			);
			assert.equal(results.filter(s => s === 200).length, 10);
			world.options.throttle = false;
			for (let i = 0; i < 5; i++) await client.send(new DescribePoolsCommand({}));
		} finally {
			client.destroy();
			west.destroy();
			await limited.close();
		}
	});
});

describe('logs protocol', () => {
	test('an invalid log group name is an InvalidParameterException naming the member', async () => {
		const client = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials});
		const error = await client.send(new CreateLogGroupCommand({logGroupName: 'bad name!'})).catch(e => e);
		assert.ok(error instanceof InvalidParameterException, String(error));
		assert.match(error.message, /logGroupName/);
	});

	test('logs errors use a lower-case message member and awsJson 1.1', async () => {
		const res = await raw('Logs_20140328.CreateLogGroup', '{}', {'content-type': 'application/x-amz-json-1.1'});
		assert.equal(res.status, 400);
		assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
		assert.equal(res.json.__type, 'InvalidParameterException');
		assert.equal(typeof res.json.message, 'string');
		assert.equal(res.json.Message, undefined);
	});
});

describe('malformed requests never crash the server', () => {
	test('malformed JSON is a SerializationException', async () => {
		const res = await raw('PinpointSMSVoiceV2.DescribePools', '{"MaxResults": ');
		assert.equal(res.status, 400);
		assert.equal(res.json.__type, 'SerializationException');
		assert.ok(res.headers.get('x-amzn-requestid'));
	});

	test('a JSON array body is a SerializationException', async () => {
		const res = await raw('PinpointSMSVoiceV2.DescribePools', '[1,2]');
		assert.equal(res.json.__type, 'SerializationException');
	});

	test('an empty body is accepted as {}', async () => {
		const res = await raw('PinpointSMSVoiceV2.DescribePools', '');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.0');
		assert.equal(res.json.Pools.length, 1);
	});

	test('unknown, missing and unimplemented targets are UnknownOperationException', async () => {
		assert.equal((await raw('PinpointSMSVoiceV2.Nope', '{}')).json.__type, 'UnknownOperationException');
		assert.equal((await raw('Other_2020.Nope', '{}')).json.__type, 'UnknownOperationException');
		assert.equal((await raw(undefined, '{}')).json.__type, 'UnknownOperationException');
		const unimplemented = await raw('PinpointSMSVoiceV2.DescribeRegistrations', '{}');
		assert.equal(unimplemented.status, 400);
		assert.equal(unimplemented.json.__type, 'UnknownOperationException');
		assert.match(unimplemented.json.Message, /DescribeRegistrations is not implemented by the smsdeck emulator/);
	});

	test('a member set to null is a member not sent (the fuzz found GetLogEvents answering 500 to a null log group identifier)', async () => {
		const json = {'content-type': 'application/x-amz-json-1.1'};
		const nullId = await raw('Logs_20140328.GetLogEvents', '{"logGroupIdentifier":null,"logStreamName":"s"}', json);
		assert.equal(nullId.status, 400);
		assert.equal(nullId.json.__type, 'InvalidParameterException');
		assert.match(nullId.json.message, /Either logGroupName or logGroupIdentifier is required/);
		const nullRequired = await raw('Logs_20140328.GetLogEvents', '{"logGroupName":"g","logStreamName":null}', json);
		assert.equal(nullRequired.status, 400, JSON.stringify(nullRequired.json));
		const nullOptional = await raw('PinpointSMSVoiceV2.DescribePools', '{"MaxResults":null,"NextToken":null}');
		assert.equal(nullOptional.status, 200);
		assert.equal(nullOptional.json.Pools.length, 1);
	});

	test('a wrong content type is refused with a 4xx, not a crash', async () => {
		const res = await raw('PinpointSMSVoiceV2.DescribePools', '{}', {'content-type': 'text/xml'});
		assert.equal(res.status, 400);
		assert.equal(res.json.__type, 'SerializationException');
	});

	test('admin routes: health, a service action, and a JSON 404 for unknown actions', async () => {
		assert.deepEqual(await (await fetch(`${url}/_smsdeck/health`)).json(), {ok: true});
		assert.deepEqual(await (await fetch(`${url}/_smsdeck/ping`, {method: 'POST', body: '{}'})).json(), {pong: true});
		const missing = await fetch(`${url}/_smsdeck/nothing`, {method: 'POST', body: '{}'});
		assert.equal(missing.status, 404);
		assert.equal(((await missing.json()) as {__type: string}).__type, 'NotFound');
	});
});
