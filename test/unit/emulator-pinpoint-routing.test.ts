// The REST-JSON front (restJson/): routes from the model's requestUri templates, binding of path, query string
// and payload members, answers as the model places them, and the errors a client sees on the wire for requests
// the service cannot take — each with x-amzn-ErrorType and the status the model gives the error.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {pinpointModel} from '../../source/emulator/model/serviceModel.js';
import {RestRoutes} from '../../source/emulator/restJson/routes.js';
import {bindInput} from '../../source/emulator/restJson/bind.js';
import {outputToWire} from '../../source/emulator/restJson/answer.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {ApiError} from '../../source/emulator/types.js';

const APP = 'a'.repeat(32);

describe('routes from the model', () => {
	const routes = new RestRoutes(pinpointModel);

	test('method and path find the operation and bind the labels, percent-decoded', () => {
		assert.deepEqual(routes.match('GET', '/v1/apps'), {kind: 'operation', operation: 'GetApps', labels: {}});
		assert.deepEqual(routes.match('POST', '/v1/apps'), {kind: 'operation', operation: 'CreateApp', labels: {}});
		assert.deepEqual(routes.match('PUT', `/v1/apps/${APP}/channels/gcm`), {kind: 'operation', operation: 'UpdateGcmChannel', labels: {'application-id': APP}});
		assert.deepEqual(routes.match('DELETE', `/v1/apps/${APP}/channels/apns_voip_sandbox`), {kind: 'operation', operation: 'DeleteApnsVoipSandboxChannel', labels: {'application-id': APP}});
		assert.deepEqual(routes.match('GET', `/v1/apps/${APP}/endpoints/my%20device%2F1`), {
			kind: 'operation',
			operation: 'GetEndpoint',
			labels: {'application-id': APP, 'endpoint-id': 'my device/1'},
		});
		assert.equal((routes.match('GET', `/v1/apps/${APP}/channels/`) as {operation: string}).operation, 'GetChannels', 'a trailing slash is the same path');
	});

	test('a known path with another method, and paths the service does not have', () => {
		assert.deepEqual(routes.match('PATCH', `/v1/apps/${APP}`), {kind: 'method-not-allowed', allowed: ['DELETE', 'GET']});
		assert.deepEqual(routes.match('GET', `/v1/apps/${APP}/channels/fax`), {kind: 'none'});
		assert.deepEqual(routes.match('GET', '/v1/apps//channels'), {kind: 'none'}, 'an empty label matches nothing');
		assert.throws(() => routes.match('GET', '/v1/apps/%E0%A4%A'), (e: ApiError) => e.code === 'BadRequestException');
	});
});

describe('binding and answers', () => {
	const request = (labels: Record<string, string>, query: string, body: string) => ({labels, query: new URLSearchParams(query), headers: {}, body: Buffer.from(body)});

	test('query-string members by their locationName, the payload member from the whole body', () => {
		assert.deepEqual(bindInput(pinpointModel, 'GetApps', request({}, 'page-size=5&token=abc&other=1', '')), {PageSize: '5', Token: 'abc'});
		assert.deepEqual(bindInput(pinpointModel, 'UpdateGcmChannel', request({'application-id': APP}, '', '{"Enabled":false,"ApiKey":null}')), {
			ApplicationId: APP,
			GCMChannelRequest: {Enabled: false},
		});
		assert.deepEqual(bindInput(pinpointModel, 'UpdateGcmChannel', request({'application-id': APP}, '', ' ')), {ApplicationId: APP}, 'no body: no payload');
		assert.throws(() => bindInput(pinpointModel, 'CreateApp', request({}, '', '[1]')), (e: ApiError) => e.code === 'BadRequestException');
	});

	test('the payload member is the whole body of the answer, with the operation’s status', () => {
		const gcm = {Platform: 'GCM', Enabled: true};
		assert.deepEqual(outputToWire(pinpointModel, 'GetGcmChannel', {GCMChannelResponse: gcm}), {status: 200, headers: {}, body: gcm});
		assert.equal(outputToWire(pinpointModel, 'CreateApp', {ApplicationResponse: {}}).status, 201);
		assert.equal(outputToWire(pinpointModel, 'UpdateEndpoint', {MessageBody: {}}).status, 202);
		assert.equal(outputToWire(pinpointModel, 'DeleteEndpoint', {EndpointResponse: {}}).status, 202);
	});
});

describe('errors on the wire', () => {
	let emu: RunningEmulator;
	before(async () => {
		emu = await startEmulator({port: 0, quiet: true});
	});
	after(() => emu.close());

	const call = async (method: string, path: string, body?: string, region = 'us-east-1') => {
		const res = await fetch(emu.url + path, {
			method,
			body,
			headers: {authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/${region}/mobiletargeting/aws4_request, SignedHeaders=host, Signature=0`},
		});
		return {status: res.status, type: res.headers.get('x-amzn-errortype'), contentType: res.headers.get('content-type'), json: (await res.json()) as any};
	};

	test('the Region is the one the request is signed for', async () => {
		const names = async (region: string) => (await call('GET', '/v1/apps', undefined, region)).json.Item.map((a: {Name: string}) => a.Name);
		assert.deepEqual(await names('us-east-1'), ['shop-mobile', 'courier-app', 'legacy-alerts']);
		assert.deepEqual(await names('eu-west-1'), ['shop-mobile-eu']);
		assert.deepEqual(await names('ap-southeast-2'), []);
	});

	test('each refusal names its error and carries Message and RequestID', async () => {
		const cases: [string, string, string | undefined, number, string, RegExp][] = [
			['PATCH', '/v1/apps', '{}', 405, 'MethodNotAllowedException', /PATCH is not allowed/],
			['GET', '/v1/nothing', undefined, 404, 'NotFoundException', /No resource/],
			['GET', `/v1/apps/${APP}`, undefined, 404, 'NotFoundException', /Resource not found/],
			['POST', '/v1/apps', '{"Name":', 400, 'BadRequestException', /not valid JSON/],
			['POST', '/v1/apps', '{}', 400, 'BadRequestException', /at 'CreateApplicationRequest.Name' failed to satisfy constraint: Member must not be null/],
			['PUT', `/v1/apps/${APP}/channels/gcm`, '', 400, 'BadRequestException', /GCMChannelRequest.*Member must not be null/],
			['GET', '/v1/apps?page-size=0', undefined, 400, 'BadRequestException', /page-size must be a whole number/],
		];
		for (const [method, path, body, status, type, message] of cases) {
			const answer = await call(method, path, body);
			assert.equal(answer.status, status, `${method} ${path}`);
			assert.equal(answer.type, type, `${method} ${path}`);
			assert.equal(answer.contentType, 'application/json');
			assert.match(answer.json.Message, message);
			assert.match(answer.json.RequestID, /^[0-9a-f-]{36}$/);
		}
	});

	test('a body too large is PayloadTooLargeException (413); throttling is TooManyRequestsException (429)', async () => {
		const large = await call('POST', '/v1/apps', JSON.stringify({Name: 'x'.repeat(9 * 1024 * 1024)}));
		assert.deepEqual([large.status, large.type], [413, 'PayloadTooLargeException']);
		await fetch(`${emu.url}/_smsdeck/throttleNext`, {method: 'POST', body: JSON.stringify({count: 1, operation: 'GetApps'})});
		const throttled = await call('GET', '/v1/apps');
		assert.deepEqual([throttled.status, throttled.type], [429, 'TooManyRequestsException']);
		assert.equal((await call('GET', '/v1/apps')).status, 200, 'only the next call');
	});

	test('awsJson requests are still routed on X-Amz-Target', async () => {
		const res = await fetch(emu.url, {method: 'POST', headers: {'x-amz-target': 'PinpointSMSVoiceV2.DescribeAccountAttributes', 'content-type': 'application/x-amz-json-1.0'}, body: '{}'});
		assert.equal(res.status, 200);
		assert.ok(Array.isArray(((await res.json()) as any).AccountAttributes));
	});
});
