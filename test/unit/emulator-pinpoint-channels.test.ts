// The emulated Pinpoint push API through the real @aws-sdk/client-pinpoint over HTTP: the seeded applications and
// channels the console shows, application and endpoint lifecycles, channel updates (Enabled, credentials and the
// authentication method they bring, Version and LastModifiedDate), deletes, and state kept across a restart.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
	CreateAppCommand,
	DeleteAdmChannelCommand,
	DeleteAppCommand,
	DeleteEndpointCommand,
	GetAdmChannelCommand,
	GetApnsChannelCommand,
	GetApnsSandboxChannelCommand,
	GetApnsVoipChannelCommand,
	GetAppCommand,
	GetAppsCommand,
	GetBaiduChannelCommand,
	GetChannelsCommand,
	GetEndpointCommand,
	GetGcmChannelCommand,
	UpdateAdmChannelCommand,
	UpdateApnsChannelCommand,
	UpdateApnsVoipSandboxChannelCommand,
	UpdateEndpointCommand,
	UpdateGcmChannelCommand,
} from '@aws-sdk/client-pinpoint';
import {rejectsWith} from './emulator-smsvoice-harness.js';
import {pushEmulatorForSuite, startPushEmulator} from '../helpers/pushEmulator.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (iso: string | undefined) => Math.round((Date.now() - Date.parse(iso ?? '')) / DAY_MS);

describe('the default seed', () => {
	const h = pushEmulatorForSuite();

	test('applications per Region, with 32-hex ids, ARNs and ISO dates', async () => {
		const names = async (region: string) => ((await h.pinpoint(region).send(new GetAppsCommand({}))).ApplicationsResponse?.Item ?? []).map(a => a.Name);
		assert.deepEqual(await names('us-east-1'), ['shop-mobile', 'courier-app', 'legacy-alerts']);
		assert.deepEqual(await names('eu-west-1'), ['shop-mobile-eu']);
		assert.deepEqual(await names('us-west-2'), []);
		const app = (await h.pinpoint().send(new GetAppCommand({ApplicationId: await h.appId('shop-mobile')}))).ApplicationResponse!;
		assert.match(app.Id!, /^[0-9a-f]{32}$/);
		assert.equal(app.Arn, `arn:aws:mobiletargeting:us-east-1:123456789012:apps/${app.Id}`);
		assert.match(app.CreationDate!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	test('shop-mobile: APNs certificate 340 days old, sandbox on a token key, FCM token credentials, no ADM', async () => {
		const id = await h.appId('shop-mobile');
		const apns = (await h.pinpoint().send(new GetApnsChannelCommand({ApplicationId: id}))).APNSChannelResponse!;
		assert.deepEqual([apns.Platform, apns.Enabled, apns.HasCredential, apns.HasTokenKey, apns.DefaultAuthenticationMethod], ['APNS', true, true, false, 'CERTIFICATE']);
		assert.equal(daysAgo(apns.LastModifiedDate), 340);
		const sandbox = (await h.pinpoint().send(new GetApnsSandboxChannelCommand({ApplicationId: id}))).APNSSandboxChannelResponse!;
		assert.deepEqual([sandbox.Platform, sandbox.Enabled, sandbox.HasTokenKey, sandbox.DefaultAuthenticationMethod], ['APNS_SANDBOX', true, true, 'TOKEN']);
		const gcm = (await h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: id}))).GCMChannelResponse!;
		assert.deepEqual([gcm.Platform, gcm.Enabled, gcm.HasFcmServiceCredentials, gcm.DefaultAuthenticationMethod], ['GCM', true, true, 'TOKEN']);
		await rejectsWith(h.pinpoint().send(new GetAdmChannelCommand({ApplicationId: id})), 'NotFoundException');
		const channels = (await h.pinpoint().send(new GetChannelsCommand({ApplicationId: id}))).ChannelsResponse!.Channels!;
		assert.deepEqual(Object.keys(channels).sort(), ['APNS', 'APNS_SANDBOX', 'GCM']);
		assert.equal(channels.APNS.LastModifiedDate, apns.LastModifiedDate);
	});

	test('courier-app: GCM on an API key, Baidu, ADM configured but disabled, APNs VoIP on a token key; legacy-alerts past a year', async () => {
		const id = await h.appId('courier-app');
		const gcm = (await h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: id}))).GCMChannelResponse!;
		assert.deepEqual([gcm.Enabled, gcm.HasFcmServiceCredentials, gcm.DefaultAuthenticationMethod], [true, false, 'KEY']);
		assert.equal((await h.pinpoint().send(new GetBaiduChannelCommand({ApplicationId: id}))).BaiduChannelResponse!.Enabled, true);
		assert.equal((await h.pinpoint().send(new GetAdmChannelCommand({ApplicationId: id}))).ADMChannelResponse!.Enabled, false);
		const voip = (await h.pinpoint().send(new GetApnsVoipChannelCommand({ApplicationId: id}))).APNSVoipChannelResponse!;
		assert.deepEqual([voip.Platform, voip.Enabled, voip.HasTokenKey, voip.DefaultAuthenticationMethod], ['APNS_VOIP', true, true, 'TOKEN']);
		const legacy = (await h.pinpoint().send(new GetApnsChannelCommand({ApplicationId: await h.appId('legacy-alerts')}))).APNSChannelResponse!;
		assert.deepEqual([legacy.DefaultAuthenticationMethod, daysAgo(legacy.LastModifiedDate)], ['CERTIFICATE', 400]);
		const eu = (await h.pinpoint('eu-west-1').send(new GetGcmChannelCommand({ApplicationId: await h.appId('shop-mobile-eu', 'eu-west-1')}))).GCMChannelResponse!;
		assert.deepEqual([eu.Enabled, eu.DefaultAuthenticationMethod], [true, 'TOKEN']);
	});

	test('seeded endpoints can be read', async () => {
		const endpoint = (await h.pinpoint().send(new GetEndpointCommand({ApplicationId: await h.appId('shop-mobile'), EndpointId: 'ios-device-1'}))).EndpointResponse!;
		assert.deepEqual([endpoint.ChannelType, endpoint.EndpointStatus, endpoint.OptOut], ['APNS', 'ACTIVE', 'NONE']);
		assert.match(endpoint.Address!, /^[0-9a-f]{64}$/);
		const android = (await h.pinpoint().send(new GetEndpointCommand({ApplicationId: await h.appId('courier-app'), EndpointId: 'android-device-1'}))).EndpointResponse!;
		assert.equal(android.ChannelType, 'GCM');
	});
});

describe('changes', () => {
	const h = pushEmulatorForSuite();

	test('an application is created (201), found, paged through, and deleted', async () => {
		const created = await h.pinpoint().send(new CreateAppCommand({CreateApplicationRequest: {Name: 'new-app', tags: {team: 'qa'}}}));
		assert.equal(created.$metadata.httpStatusCode, 201);
		const id = created.ApplicationResponse!.Id!;
		assert.deepEqual((await h.pinpoint().send(new GetAppCommand({ApplicationId: id}))).ApplicationResponse!.tags, {team: 'qa'});
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = (await h.pinpoint().send(new GetAppsCommand({PageSize: '2', Token: token}))).ApplicationsResponse!;
			assert.ok(page.Item!.length <= 2);
			seen.push(...page.Item!.map(a => a.Name!));
			token = page.NextToken;
		} while (token);
		assert.deepEqual(seen, ['shop-mobile', 'courier-app', 'legacy-alerts', 'new-app']);
		assert.equal((await h.pinpoint().send(new DeleteAppCommand({ApplicationId: id}))).ApplicationResponse!.Name, 'new-app');
		await rejectsWith(h.pinpoint().send(new GetAppCommand({ApplicationId: id})), 'NotFoundException');
		await rejectsWith(h.pinpoint().send(new GetChannelsCommand({ApplicationId: id})), 'NotFoundException');
		await rejectsWith(h.pinpoint().send(new CreateAppCommand({CreateApplicationRequest: {Name: undefined as unknown as string}})), 'BadRequestException');
	});

	test('Enabled toggles a channel; every update moves Version and LastModifiedDate', async () => {
		const id = await h.appId('shop-mobile');
		const before = (await h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: id}))).GCMChannelResponse!;
		const off = (await h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: id, GCMChannelRequest: {Enabled: false}}))).GCMChannelResponse!;
		assert.deepEqual([off.Enabled, off.Version, off.HasFcmServiceCredentials, off.DefaultAuthenticationMethod], [false, before.Version! + 1, true, 'TOKEN']);
		assert.ok(Date.parse(off.LastModifiedDate!) > Date.parse(before.LastModifiedDate!));
		assert.equal(off.CreationDate, before.CreationDate);
		const on = (await h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: id, GCMChannelRequest: {Enabled: true}}))).GCMChannelResponse!;
		assert.deepEqual([on.Enabled, on.Version], [true, before.Version! + 2]);
		assert.equal((await h.pinpoint().send(new GetChannelsCommand({ApplicationId: id}))).ChannelsResponse!.Channels!.GCM.Version, on.Version);
	});

	test('credentials set the authentication method; a partial set or a method without its credentials is refused', async () => {
		const id = await h.appId('legacy-alerts');
		const token = {TokenKey: 'MIGTAgEAMBMGByqGSM49', TokenKeyId: 'ABC123DEFG', TeamId: 'TEAM123456', BundleId: 'com.example.alerts'};
		const renewed = (await h.pinpoint().send(new UpdateApnsChannelCommand({ApplicationId: id, APNSChannelRequest: token}))).APNSChannelResponse!;
		assert.deepEqual([renewed.HasTokenKey, renewed.DefaultAuthenticationMethod, daysAgo(renewed.LastModifiedDate)], [true, 'TOKEN', 0]);
		const back = (await h.pinpoint().send(new UpdateApnsChannelCommand({ApplicationId: id, APNSChannelRequest: {DefaultAuthenticationMethod: 'CERTIFICATE'}}))).APNSChannelResponse!;
		assert.deepEqual([back.HasTokenKey, back.DefaultAuthenticationMethod], [true, 'CERTIFICATE'], 'both kinds are kept; the method picks one');
		const partial = await rejectsWith(h.pinpoint().send(new UpdateApnsChannelCommand({ApplicationId: id, APNSChannelRequest: {Certificate: 'PEM'}})), 'BadRequestException');
		assert.match(partial.message, /missing PrivateKey/);
		const courier = await h.appId('courier-app');
		const noJson = await rejectsWith(h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: courier, GCMChannelRequest: {DefaultAuthenticationMethod: 'TOKEN'}})), 'BadRequestException');
		assert.match(noJson.message, /TOKEN needs ServiceJson/);
		const fcm = (await h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: courier, GCMChannelRequest: {ServiceJson: '{"type":"service_account","project_id":"courier"}'}}))).GCMChannelResponse!;
		assert.deepEqual([fcm.HasFcmServiceCredentials, fcm.DefaultAuthenticationMethod], [true, 'TOKEN']);
		await rejectsWith(h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: courier, GCMChannelRequest: {ServiceJson: 'not json'}})), 'BadRequestException');
	});

	test('a channel without credentials cannot be created; a new one is enabled; a delete answers its last state', async () => {
		const id = (await h.pinpoint().send(new CreateAppCommand({CreateApplicationRequest: {Name: 'channels'}}))).ApplicationResponse!.Id!;
		const none = await rejectsWith(h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: id, GCMChannelRequest: {Enabled: true}})), 'BadRequestException');
		assert.match(none.message, /GCM channel has no credentials/);
		const key = (await h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: id, GCMChannelRequest: {ApiKey: 'AIzaSy-key'}}))).GCMChannelResponse!;
		assert.deepEqual([key.Enabled, key.Version, key.DefaultAuthenticationMethod, key.HasFcmServiceCredentials], [true, 1, 'KEY', false]);
		const voip = (await h.pinpoint().send(new UpdateApnsVoipSandboxChannelCommand({ApplicationId: id, APNSVoipSandboxChannelRequest: {Certificate: 'PEM', PrivateKey: 'KEY', Enabled: false}}))).APNSVoipSandboxChannelResponse!;
		assert.deepEqual([voip.Platform, voip.Enabled, voip.DefaultAuthenticationMethod], ['APNS_VOIP_SANDBOX', false, 'CERTIFICATE']);
		await h.pinpoint().send(new UpdateAdmChannelCommand({ApplicationId: id, ADMChannelRequest: {ClientId: 'amzn1.client', ClientSecret: 'secret'}}));
		const deleted = (await h.pinpoint().send(new DeleteAdmChannelCommand({ApplicationId: id}))).ADMChannelResponse!;
		assert.deepEqual([deleted.Platform, deleted.Enabled], ['ADM', true]);
		await rejectsWith(h.pinpoint().send(new GetAdmChannelCommand({ApplicationId: id})), 'NotFoundException');
		assert.deepEqual(Object.keys((await h.pinpoint().send(new GetChannelsCommand({ApplicationId: id}))).ChannelsResponse!.Channels!).sort(), ['APNS_VOIP_SANDBOX', 'GCM']);
		await rejectsWith(h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: '0'.repeat(32)})), 'NotFoundException');
	});

	test('an endpoint is created (202), changed, read back case-insensitively, and deleted', async () => {
		const id = await h.appId('shop-mobile');
		const accepted = await h.pinpoint().send(new UpdateEndpointCommand({ApplicationId: id, EndpointId: 'Tablet-7', EndpointRequest: {ChannelType: 'GCM', Address: 'token-7', User: {UserId: 'u-7'}}}));
		assert.equal(accepted.$metadata.httpStatusCode, 202);
		assert.equal(accepted.MessageBody?.Message, 'Accepted');
		await h.pinpoint().send(new UpdateEndpointCommand({ApplicationId: id, EndpointId: 'tablet-7', EndpointRequest: {Address: 'token-8'}}));
		const read = (await h.pinpoint().send(new GetEndpointCommand({ApplicationId: id, EndpointId: 'TABLET-7'}))).EndpointResponse!;
		assert.deepEqual([read.Id, read.Address, read.ChannelType, read.User?.UserId], ['Tablet-7', 'token-8', 'GCM', 'u-7']);
		const gone = await h.pinpoint().send(new DeleteEndpointCommand({ApplicationId: id, EndpointId: 'tablet-7'}));
		assert.deepEqual([gone.$metadata.httpStatusCode, gone.EndpointResponse?.Address], [202, 'token-8']);
		await rejectsWith(h.pinpoint().send(new GetEndpointCommand({ApplicationId: id, EndpointId: 'tablet-7'})), 'NotFoundException');
		await rejectsWith(h.pinpoint().send(new UpdateEndpointCommand({ApplicationId: id, EndpointId: 'bad{id}', EndpointRequest: {Address: 'x'}})), 'BadRequestException');
		await h.pinpoint().send(new UpdateEndpointCommand({ApplicationId: id, EndpointId: '__proto__', EndpointRequest: {ChannelType: 'APNS', Address: 'proto-token'}}));
		assert.equal((await h.pinpoint().send(new GetEndpointCommand({ApplicationId: id, EndpointId: '__proto__'}))).EndpointResponse!.Address, 'proto-token', 'any id is an endpoint id');
	});
});

describe('state', () => {
	test('--state keeps push changes across a restart; resetPush goes back to the seed', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'smsdeck-push-state-'));
		const statePath = join(dir, 'state.json');
		try {
			let h = await startPushEmulator({statePath});
			const id = await h.appId('courier-app');
			await h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: id, GCMChannelRequest: {Enabled: false}}));
			await h.pinpoint().send(new CreateAppCommand({CreateApplicationRequest: {Name: 'kept'}}));
			await h.close();
			h = await startPushEmulator({statePath});
			try {
				assert.equal((await h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: id}))).GCMChannelResponse!.Enabled, false);
				await h.appId('kept');
				assert.deepEqual(await h.admin('resetPush', {}), {ok: true, applications: 4});
				assert.equal((await h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: id}))).GCMChannelResponse!.Enabled, true);
				await assert.rejects(h.appId('kept'), /no application kept/);
				await h.admin('resetPush', {seed: 'empty'});
				assert.deepEqual((await h.pinpoint().send(new GetAppsCommand({}))).ApplicationsResponse!.Item, []);
			} finally {
				await h.close();
			}
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	test('a change that cannot be saved is refused with InternalServerErrorException (500) and undone', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'smsdeck-push-unsaved-'));
		const folder = join(dir, 'state');
		mkdirSync(folder);
		const statePath = join(folder, 'state.json');
		try {
			const h = await startPushEmulator({statePath});
			try {
				const id = await h.appId('shop-mobile');
				rmSync(folder, {recursive: true});
				const refused = await rejectsWith(h.pinpoint().send(new UpdateGcmChannelCommand({ApplicationId: id, GCMChannelRequest: {Enabled: false}})), 'InternalServerErrorException');
				assert.equal(refused.$metadata.httpStatusCode, 500);
				assert.match(refused.message, /cannot save its state to \S+state\.json: the folder \S+ does not exist \(ENOENT\)/);
				mkdirSync(folder);
				const gcm = (await h.pinpoint().send(new GetGcmChannelCommand({ApplicationId: id}))).GCMChannelResponse!;
				assert.deepEqual([gcm.Enabled, gcm.Version], [true, 1], 'the refused change was undone');
			} finally {
				await h.close();
			}
			const again = await startPushEmulator({statePath});
			try {
				assert.equal((await again.pinpoint().send(new GetGcmChannelCommand({ApplicationId: await again.appId('shop-mobile')}))).GCMChannelResponse!.Enabled, true);
			} finally {
				await again.close();
			}
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	test('the empty seed has no applications', async () => {
		const h = await startPushEmulator({seed: 'empty'});
		try {
			assert.deepEqual((await h.pinpoint().send(new GetAppsCommand({}))).ApplicationsResponse!.Item, []);
		} finally {
			await h.close();
		}
	});
});
