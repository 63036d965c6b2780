// SendMessages against the emulated Pinpoint push API through the real @aws-sdk/client-pinpoint: the outcome of
// each address and endpoint by the token conventions (invalid, unregistered, throttled), in each provider's
// words; channels that are missing or disabled; payloads over a channel's limit; and the requests refused whole.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {SendMessagesCommand, UpdateAdmChannelCommand, type ChannelType, type DirectMessageConfiguration, type MessageRequest} from '@aws-sdk/client-pinpoint';
import {rejectsWith} from './emulator-smsvoice-harness.js';
import {pushEmulatorForSuite} from '../helpers/pushEmulator.js';

const HELLO: DirectMessageConfiguration = {DefaultPushNotificationMessage: {Title: 'Order update', Body: 'Your parcel is on its way'}};

describe('SendMessages', () => {
	const h = pushEmulatorForSuite();
	const send = async (app: string, request: Partial<MessageRequest>) =>
		(await h.pinpoint().send(new SendMessagesCommand({ApplicationId: await h.appId(app), MessageRequest: {MessageConfiguration: HELLO, ...request}}))).MessageResponse!;
	/** DeliveryStatus, StatusCode and StatusMessage of each address. */
	const outcomes = async (app: string, addresses: Record<string, string>) => {
		const response = await send(app, {Addresses: Object.fromEntries(Object.entries(addresses).map(([token, channel]) => [token, {ChannelType: channel as ChannelType}]))});
		return Object.fromEntries(Object.entries(response.Result!).map(([token, r]) => [token, [r.DeliveryStatus, r.StatusCode, r.StatusMessage]]));
	};

	test('a good token is delivered: SUCCESSFUL, 200, a MessageId; the answer names the application and request', async () => {
		const response = await send('shop-mobile', {Addresses: {'a1b2c3d4e5f6': {ChannelType: 'APNS'}}});
		const result = response.Result!['a1b2c3d4e5f6'];
		assert.deepEqual([result.DeliveryStatus, result.StatusCode, result.StatusMessage], ['SUCCESSFUL', 200, 'OK']);
		assert.match(result.MessageId!, /^[0-9a-f-]{36}$/);
		assert.equal(response.ApplicationId, await h.appId('shop-mobile'));
		assert.match(response.RequestId!, /^[0-9a-f-]{36}$/);
	});

	test('invalid, unregistered and throttled tokens, in APNs and FCM words', async () => {
		assert.deepEqual(
			await outcomes('shop-mobile', {
				'apns-Invalid-1': 'APNS',
				'apns-unregistered-1': 'APNS',
				'apns-throttled-1': 'APNS_SANDBOX',
				'fcm-INVALID-1': 'GCM',
				'fcm-unregistered-1': 'GCM',
				'fcm-throttled-1': 'GCM',
			}),
			{
				'apns-Invalid-1': ['PERMANENT_FAILURE', 400, 'BadDeviceToken'],
				'apns-unregistered-1': ['PERMANENT_FAILURE', 410, 'Unregistered'],
				'apns-throttled-1': ['THROTTLED', 429, 'TooManyRequests'],
				'fcm-INVALID-1': ['PERMANENT_FAILURE', 400, 'InvalidRegistration'],
				'fcm-unregistered-1': ['PERMANENT_FAILURE', 404, 'NotRegistered'],
				'fcm-throttled-1': ['THROTTLED', 429, 'QuotaExceeded'],
			},
		);
	});

	test('an address or endpoint whose channel gets no message fails: PERMANENT_FAILURE 400, never SUCCESSFUL', async () => {
		const fcmOnly: DirectMessageConfiguration = {GCMMessage: {Body: 'for Android only'}};
		const response = await send('shop-mobile', {
			MessageConfiguration: fcmOnly,
			Addresses: {'apns-token-1': {ChannelType: 'APNS'}, 'fcm-token-1': {ChannelType: 'GCM'}},
			Endpoints: {'ios-device-1': {}, 'android-device-1': {}},
		});
		const status = (r: {DeliveryStatus?: string; StatusCode?: number; StatusMessage?: string}) => [r.DeliveryStatus, r.StatusCode, r.StatusMessage];
		const none = 'No message for the APNS channel: MessageConfiguration has no APNSMessage, DefaultPushNotificationMessage or DefaultMessage.';
		assert.deepEqual(status(response.Result!['apns-token-1']), ['PERMANENT_FAILURE', 400, none]);
		assert.deepEqual(status(response.EndpointResult!['ios-device-1']), ['PERMANENT_FAILURE', 400, none]);
		assert.equal(response.Result!['fcm-token-1'].DeliveryStatus, 'SUCCESSFUL');
		assert.equal(response.EndpointResult!['android-device-1'].DeliveryStatus, 'SUCCESSFUL');
		// DefaultMessage reaches every channel.
		const plain = await send('shop-mobile', {MessageConfiguration: {...fcmOnly, DefaultMessage: {Body: 'for all'}}, Endpoints: {'ios-device-1': {}}});
		assert.equal(plain.EndpointResult!['ios-device-1'].DeliveryStatus, 'SUCCESSFUL');
	});

	test('a channel the application lacks, or has disabled, fails that address only', async () => {
		const result = await outcomes('courier-app', {'kindle-token': 'ADM', 'android-token': 'GCM', 'ios-token': 'APNS', 'sms-address': 'SMS'});
		assert.equal(result['android-token'][0], 'SUCCESSFUL');
		assert.deepEqual(result['kindle-token'].slice(0, 2), ['PERMANENT_FAILURE', 400]);
		assert.match(result['kindle-token'][2] as string, /ADM channel is not enabled/);
		assert.match(result['ios-token'][2] as string, /APNS channel is not configured/);
		assert.match(result['sms-address'][2] as string, /not enabled/);
	});

	test('Baidu and ADM tokens in their providers’ words', async () => {
		const courier = await h.appId('courier-app');
		await h.pinpoint().send(new UpdateAdmChannelCommand({ApplicationId: courier, ADMChannelRequest: {ClientId: 'amzn1.client', ClientSecret: 'secret', Enabled: true}}));
		assert.deepEqual(await outcomes('courier-app', {'invalid-adm': 'ADM', 'unregistered-adm': 'ADM', 'invalid-baidu': 'BAIDU', '3785562685113372034': 'BAIDU'}), {
			'invalid-adm': ['PERMANENT_FAILURE', 400, 'InvalidRegistrationId'],
			'unregistered-adm': ['PERMANENT_FAILURE', 410, 'Unregistered'],
			'invalid-baidu': ['PERMANENT_FAILURE', 400, 'Invalid channel id'],
			'3785562685113372034': ['SUCCESSFUL', 200, 'OK'],
		});
	});

	test('a payload over the channel’s limit (4 KB; ADM 6 KB) fails', async () => {
		const body = (n: number): DirectMessageConfiguration => ({DefaultPushNotificationMessage: {Title: 'Big', Body: 'x'.repeat(n)}});
		const result = async (app: string, channel: string, n: number) =>
			(await send(app, {MessageConfiguration: body(n), Addresses: {token: {ChannelType: channel as ChannelType}}})).Result!.token;
		assert.equal((await result('shop-mobile', 'GCM', 3500)).DeliveryStatus, 'SUCCESSFUL');
		const big = await result('shop-mobile', 'GCM', 4200);
		assert.deepEqual([big.DeliveryStatus, big.StatusCode], ['PERMANENT_FAILURE', 400]);
		assert.match(big.StatusMessage!, /payload too large: \d+ bytes is over the GCM limit of 4096 bytes/);
		assert.match((await result('shop-mobile', 'APNS', 4200)).StatusMessage!, /over the APNS limit of 4096/);
		assert.equal((await result('courier-app', 'ADM', 5000)).DeliveryStatus, 'SUCCESSFUL', 'ADM carries 6 KB (enabled by the previous test)');
		assert.match((await result('courier-app', 'ADM', 6200)).StatusMessage!, /over the ADM limit of 6144/);
		const raw = await send('shop-mobile', {Addresses: {token: {ChannelType: 'APNS', RawContent: JSON.stringify({aps: {alert: 'y'.repeat(5000)}})}}});
		assert.equal(raw.Result!.token.DeliveryStatus, 'PERMANENT_FAILURE', 'RawContent is the payload');
	});

	test('endpoints by id: their address and channel are used; an unknown id is 404', async () => {
		const response = await send('shop-mobile', {Endpoints: {'ios-device-1': {}, 'ios-device-invalid': {}, 'android-device-unregistered': {}, 'no-such-device': {}}});
		const r = response.EndpointResult!;
		assert.equal(response.Result, undefined);
		assert.deepEqual([r['ios-device-1'].DeliveryStatus, r['ios-device-1'].StatusCode], ['SUCCESSFUL', 200]);
		assert.match(r['ios-device-1'].Address!, /^[0-9a-f]{64}$/);
		assert.deepEqual([r['ios-device-invalid'].StatusCode, r['ios-device-invalid'].StatusMessage, r['ios-device-invalid'].Address], [400, 'BadDeviceToken', 'invalid-apns-token-0001']);
		assert.deepEqual([r['android-device-unregistered'].StatusCode, r['android-device-unregistered'].StatusMessage], [404, 'NotRegistered']);
		assert.deepEqual([r['no-such-device'].DeliveryStatus, r['no-such-device'].StatusCode], ['PERMANENT_FAILURE', 404]);
		assert.match(r['no-such-device'].StatusMessage!, /Endpoint not found/);
	});

	test('refused whole: no address or endpoint, a ChannelType outside the enum, no MessageConfiguration, an unknown application', async () => {
		const empty = await rejectsWith(send('shop-mobile', {}), 'BadRequestException');
		assert.match(empty.message, /at least one address/);
		const pager = await rejectsWith(send('shop-mobile', {Addresses: {t: {ChannelType: 'PAGER' as 'GCM'}}}), 'BadRequestException');
		assert.match(pager.message, /Addresses\.t\.ChannelType' failed to satisfy constraint: Member must satisfy enum value set/);
		await rejectsWith(send('shop-mobile', {Addresses: {t: {}}}), 'BadRequestException');
		const noConfig = h.pinpoint().send(new SendMessagesCommand({ApplicationId: await h.appId('shop-mobile'), MessageRequest: {Addresses: {t: {ChannelType: 'GCM'}}} as unknown as MessageRequest}));
		assert.match((await rejectsWith(noConfig, 'BadRequestException')).message, /MessageConfiguration' failed to satisfy constraint: Member must not be null/);
		await rejectsWith(h.pinpoint().send(new SendMessagesCommand({ApplicationId: '0'.repeat(32), MessageRequest: {MessageConfiguration: HELLO, Addresses: {t: {ChannelType: 'GCM'}}}})), 'NotFoundException');
	});
});
