// Interop: the pip AWS CLI v1 (`aws pinpoint …`, REST-JSON signed for mobiletargeting) against the emulator's push
// API — the answers parse, carry what a user looks for, and changes made with the CLI are what the emulator
// then reports; per-address results of send-messages; errors by the service's names. Skipped without `aws`.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {hasAws, isolatedCliEnv, run} from '../helpers/awsCli.js';

const SHOP_MOBILE = '5ca4fde87c9d6948dc6d7d2be345b185';
const SHOP_MOBILE_EU = 'dd18a7a85fa5b2495b3f23f329c265bc';

describe('Pinpoint push emulator: AWS CLI v1 interop', async () => {
	const available = await hasAws();
	const skip = !available && 'aws CLI not on PATH';
	const {env, cleanup} = isolatedCliEnv('smsdeck-awscli-push');
	let emu: RunningEmulator;

	before(async () => {
		if (available) emu = await startEmulator({port: 0, quiet: true, seed: 'default'});
	});
	after(async () => {
		await emu?.close();
		cleanup();
	});

	async function aws(region: string, ...args: string[]): Promise<any> {
		const {stdout} = await run('aws', ['pinpoint', ...args, '--endpoint-url', emu.url, '--region', region, '--output', 'json'], {env, timeout: 60_000});
		return stdout.trim() === '' ? {} : JSON.parse(stdout);
	}

	async function awsFails(...args: string[]): Promise<string> {
		const error = await aws('us-east-1', ...args).then(
			() => assert.fail(`aws pinpoint ${args.join(' ')} succeeded`),
			(e: {stderr?: string}) => e,
		);
		return String(error.stderr);
	}

	test('get-apps in two Regions: each is signed for its Region and lists that Region’s applications', {skip}, async () => {
		const east = await aws('us-east-1', 'get-apps');
		assert.deepEqual(east.ApplicationsResponse.Item.map((a: {Name: string}) => a.Name), ['shop-mobile', 'courier-app', 'legacy-alerts']);
		// The endpoint from the environment instead of --endpoint-url, as a user pointing the CLI at `smsdeck emulator` would.
		const {stdout} = await run('aws', ['pinpoint', 'get-apps', '--region', 'eu-west-1', '--output', 'json'], {env: {...env, AWS_ENDPOINT_URL: emu.url}, timeout: 60_000});
		assert.deepEqual(JSON.parse(stdout).ApplicationsResponse.Item.map((a: {Id: string}) => a.Id), [SHOP_MOBILE_EU]);
		const res = await fetch(`${emu.url}/_smsdeck/requests`, {method: 'POST', body: '{}'});
		const requests = ((await res.json()) as {requests: {service: string; region: string; operation: string}[]}).requests;
		assert.deepEqual(
			requests.map(r => [r.service, r.region, r.operation]),
			[
				['mobiletargeting', 'us-east-1', 'GetApps'],
				['mobiletargeting', 'eu-west-1', 'GetApps'],
			],
		);
	});

	test('get-app, get-channels and get-gcm-channel show the seeded credentials’ state', {skip}, async () => {
		const app = await aws('us-east-1', 'get-app', '--application-id', SHOP_MOBILE);
		assert.equal(app.ApplicationResponse.Name, 'shop-mobile');
		const channels = (await aws('us-east-1', 'get-channels', '--application-id', SHOP_MOBILE)).ChannelsResponse.Channels;
		assert.deepEqual(Object.keys(channels).sort(), ['APNS', 'APNS_SANDBOX', 'GCM']);
		const ageDays = (Date.now() - Date.parse(channels.APNS.LastModifiedDate)) / 86_400_000;
		assert.equal(Math.round(ageDays), 340, 'the APNs certificate is near its one-year expiry');
		const gcm = (await aws('us-east-1', 'get-gcm-channel', '--application-id', SHOP_MOBILE)).GCMChannelResponse;
		assert.deepEqual([gcm.Platform, gcm.Enabled, gcm.HasFcmServiceCredentials, gcm.DefaultAuthenticationMethod], ['GCM', true, true, 'TOKEN']);
	});

	test('update-gcm-channel --gcm-channel-request Enabled=false disables it: sends to GCM then fail', {skip}, async () => {
		const updated = (await aws('us-east-1', 'update-gcm-channel', '--application-id', SHOP_MOBILE, '--gcm-channel-request', 'Enabled=false')).GCMChannelResponse;
		assert.deepEqual([updated.Enabled, updated.Version, updated.DefaultAuthenticationMethod], [false, 2, 'TOKEN']);
		const request = {Addresses: {'fcm-token-1': {ChannelType: 'GCM'}}, MessageConfiguration: {GCMMessage: {Title: 'Hi', Body: 'Test push'}}};
		const sent = await aws('us-east-1', 'send-messages', '--application-id', SHOP_MOBILE, '--message-request', JSON.stringify(request));
		assert.equal(sent.MessageResponse.Result['fcm-token-1'].DeliveryStatus, 'PERMANENT_FAILURE');
		assert.match(sent.MessageResponse.Result['fcm-token-1'].StatusMessage, /GCM channel is not enabled/);
		const again = (await aws('us-east-1', 'update-gcm-channel', '--application-id', SHOP_MOBILE, '--gcm-channel-request', 'Enabled=true')).GCMChannelResponse;
		assert.deepEqual([again.Enabled, again.Version], [true, 3]);
	});

	test('send-messages to a good and an invalid token: one result per address, the call succeeds', {skip}, async () => {
		const request = {
			Addresses: {'a1b2c3d4e5f60718293a4b5c6d7e8f90': {ChannelType: 'APNS'}, 'invalid-device-token': {ChannelType: 'APNS'}},
			Endpoints: {'ios-device-1': {}, 'no-such-device': {}},
			MessageConfiguration: {APNSMessage: {Title: 'Order update', Body: 'Your parcel is on its way'}},
		};
		const response = (await aws('us-east-1', 'send-messages', '--application-id', SHOP_MOBILE, '--message-request', JSON.stringify(request))).MessageResponse;
		assert.equal(response.ApplicationId, SHOP_MOBILE);
		const good = response.Result['a1b2c3d4e5f60718293a4b5c6d7e8f90'];
		assert.deepEqual([good.DeliveryStatus, good.StatusCode, good.StatusMessage], ['SUCCESSFUL', 200, 'OK']);
		assert.ok(good.MessageId);
		const bad = response.Result['invalid-device-token'];
		assert.deepEqual([bad.DeliveryStatus, bad.StatusCode, bad.StatusMessage], ['PERMANENT_FAILURE', 400, 'BadDeviceToken']);
		assert.equal(response.EndpointResult['ios-device-1'].DeliveryStatus, 'SUCCESSFUL');
		assert.equal(response.EndpointResult['no-such-device'].StatusCode, 404);
	});

	test('create-app then delete-app; errors come back by the service’s names', {skip}, async () => {
		const created = (await aws('us-east-1', 'create-app', '--create-application-request', 'Name=cli-push-app,tags={team=qa}')).ApplicationResponse;
		assert.match(created.Id, /^[0-9a-f]{32}$/);
		assert.deepEqual(created.tags, {team: 'qa'});
		const deleted = (await aws('us-east-1', 'delete-app', '--application-id', created.Id)).ApplicationResponse;
		assert.equal(deleted.Name, 'cli-push-app');
		assert.match(await awsFails('get-app', '--application-id', created.Id), /\(NotFoundException\) when calling the GetApp operation: Resource not found/);
		const noAddress = JSON.stringify({MessageConfiguration: {DefaultPushNotificationMessage: {Body: 'x'}}});
		assert.match(await awsFails('send-messages', '--application-id', SHOP_MOBILE, '--message-request', noAddress), /\(BadRequestException\).*at least one address/);
	});
});
