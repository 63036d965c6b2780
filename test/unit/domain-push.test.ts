// The push rules: channel kinds and their limits, how a channel authenticates, the APNs certificate's age against
// its one-year lifetime, the message per channel and its payload size against the limit, the checks before a send,
// and the aws commands shown for them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {authMethod, credentialCheck, PUSH_CHANNEL_CHOICES, PUSH_CHANNELS, pushChannelFromInput} from '../../source/domain/pushRules.js';
import {channelMessage, checkEndpointId, checkPush, checkToken, endpointChannel, explainDelivery, messageRequest, outcomeLine, parseTimeToLive, payloadSize, type PushInput} from '../../source/domain/pushMessage.js';
import {channelEnableCli, sendMessagesCli} from '../../source/domain/pushCommands.js';
import {channelSummary} from '../../source/domain/pushSummary.js';

const DAY = 86_400_000;
const now = Date.parse('2026-12-02T12:00:00Z');
const daysAgo = (n: number) => new Date(now - n * DAY).toISOString();
const base: PushInput = {channel: 'GCM', title: 'Hi', body: 'Hello', action: 'OPEN_APP', priority: 'normal', silent: false};

test('channel kinds: FCM is the API’s GCM; ADM takes 6 KB, the others 4 KB', () => {
	assert.equal(pushChannelFromInput('fcm'), 'GCM');
	assert.equal(pushChannelFromInput('apns-sandbox'), 'APNS_SANDBOX');
	assert.equal(pushChannelFromInput('apns_voip_sandbox'), 'APNS_VOIP_SANDBOX');
	assert.equal(pushChannelFromInput('SMS'), undefined);
	assert.equal(PUSH_CHANNELS.ADM.limitBytes, 6144);
	for (const t of ['APNS', 'APNS_SANDBOX', 'APNS_VOIP', 'APNS_VOIP_SANDBOX', 'GCM', 'BAIDU'] as const) assert.equal(PUSH_CHANNELS[t].limitBytes, 4096, t);
	assert.deepEqual(PUSH_CHANNELS.BAIDU.credentials?.map(c => c.member), ['ApiKey', 'SecretKey']);
	assert.deepEqual(PUSH_CHANNELS.ADM.credentials?.map(c => c.member), ['ClientId', 'ClientSecret']);
	assert.equal(PUSH_CHANNELS.APNS.credentials, undefined);
});

test('authentication method: APNs key or certificate; FCM token or key credentials', () => {
	assert.equal(authMethod('APNS', {HasCredential: true, DefaultAuthenticationMethod: 'CERTIFICATE'}), 'certificate');
	assert.equal(authMethod('APNS_SANDBOX', {HasCredential: true, HasTokenKey: true, DefaultAuthenticationMethod: 'TOKEN'}), 'key (token)');
	assert.equal(authMethod('APNS', {HasCredential: true, HasTokenKey: true, DefaultAuthenticationMethod: 'CERTIFICATE'}), 'key and certificate');
	assert.equal(authMethod('GCM', {HasCredential: true, HasFcmServiceCredentials: true, DefaultAuthenticationMethod: 'TOKEN'}), 'token credentials');
	assert.equal(authMethod('GCM', {HasCredential: true, DefaultAuthenticationMethod: 'KEY'}), 'key credentials');
	assert.equal(authMethod('BAIDU', {HasCredential: true}), 'API key + secret key');
	assert.equal(authMethod('ADM', {HasCredential: true}), 'client id + client secret');
});

test('an APNs certificate: its age, a warning from 330 days, an error from 365; a key never expires', () => {
	const cert = (days: number) => credentialCheck('APNS', {Enabled: true, HasCredential: true, DefaultAuthenticationMethod: 'CERTIFICATE', LastModifiedDate: daysAgo(days)}, now);
	assert.deepEqual([cert(100).level, cert(100).short], ['ok', 'cert ≥100 d']);
	assert.deepEqual([cert(329).level, cert(330).level, cert(340).level], ['ok', 'warn', 'warn']);
	assert.equal(cert(340).text, 'certificate at least 340 days old: expires within about 25 days; renew it');
	assert.deepEqual([cert(364).level, cert(365).level, cert(400).level], ['warn', 'error', 'error']);
	assert.match(cert(400).text, /^certificate at least 400 days old: expired/);
	assert.equal(cert(400).short, 'EXPIRED cert, ≥400 d');
	const key = credentialCheck('APNS', {Enabled: true, HasCredential: true, HasTokenKey: true, DefaultAuthenticationMethod: 'TOKEN', LastModifiedDate: daysAgo(900)}, now);
	assert.deepEqual([key.level, key.text, key.ageDays], ['ok', '', 900]);
	// HasCredential is "(Not used)" in the model: an APNs channel without a token key signs with a certificate.
	assert.equal(credentialCheck('APNS', {Enabled: true, LastModifiedDate: daysAgo(350)}, now).level, 'warn');
	assert.equal(credentialCheck('APNS_VOIP', {configured: false}, now).text, '', 'a channel the application does not have has nothing to check');
	assert.equal(credentialCheck('GCM', {Enabled: true, HasCredential: false, LastModifiedDate: daysAgo(900)}, now).level, 'ok');
});

test('the message per channel: APNs and FCM priority, ADM ExpiresAfter, the URL only with its action', () => {
	assert.deepEqual(channelMessage({...base, channel: 'APNS', timeToLive: 60}), {Action: 'OPEN_APP', Body: 'Hello', Title: 'Hi', SilentPush: false, Priority: 'normal', TimeToLive: 60});
	assert.deepEqual(channelMessage({...base, channel: 'ADM', timeToLive: 60, action: 'URL', url: 'https://example.com'}), {
		Action: 'URL',
		Body: 'Hello',
		Title: 'Hi',
		Url: 'https://example.com',
		SilentPush: false,
		ExpiresAfter: '60',
	});
	assert.equal(channelMessage({...base, channel: 'BAIDU', priority: 'high'}).Priority, undefined);
	assert.deepEqual(messageRequest(base, {token: 'tok'}), {Addresses: {tok: {ChannelType: 'GCM'}}, MessageConfiguration: {GCMMessage: channelMessage(base)}});
	assert.deepEqual(messageRequest({...base, channel: 'APNS_SANDBOX'}, {endpointId: 'ios-1'}).Endpoints, {'ios-1': {}});
	assert.ok('APNSMessage' in messageRequest({...base, channel: 'APNS_VOIP'}, {token: 't'}).MessageConfiguration);
});

test('the payload against the channel’s limit, in UTF-8 bytes; the checks before a send', () => {
	const small = payloadSize(base);
	assert.ok(small.fits && small.bytes < 300 && small.limit === 4096);
	const body = 'é'.repeat(2100); // 4,200 bytes: over 4 KB, under 6 KB
	assert.equal(payloadSize({...base, body}).fits, false);
	assert.equal(payloadSize({...base, channel: 'ADM', body}).fits, true);
	assert.match(checkPush({...base, body}) ?? '', /^the payload is \d+ B of 4 KB: over the FCM limit/);
	assert.equal(checkPush({...base, channel: 'ADM', body}), undefined);
	assert.match(checkPush({...base, body: ' '}) ?? '', /body is empty/);
	assert.equal(checkPush({...base, body: '', silent: true}), undefined);
	assert.match(checkPush({...base, action: 'URL'}) ?? '', /URL needs a URL/);
	assert.match(checkPush({...base, action: 'URL', url: 'ftp://x'}) ?? '', /starts with https:\/\//);
	assert.equal(checkPush({...base, action: 'DEEP_LINK', url: 'myapp://orders/1'}), undefined);
	assert.deepEqual(parseTimeToLive(''), {ok: true});
	assert.deepEqual(parseTimeToLive('30'), {ok: true, seconds: 30});
	assert.equal(parseTimeToLive('1h').ok, false);
	assert.equal(parseTimeToLive('9999999').ok, false);
	assert.match(checkToken('') ?? '', /give a device token/);
	assert.match(checkToken('a b') ?? '', /no spaces/);
	assert.equal(checkToken('2e9747f43cddbf6ef1bf314dfdfc159b'), undefined);
});

test('an endpoint: the id checked with its own reasons; the channel is the endpoint’s, another one refused', () => {
	assert.equal(checkEndpointId(''), 'give the endpoint id');
	assert.equal(checkEndpointId('ios device'), 'an endpoint id has no spaces');
	assert.equal(checkEndpointId('ios\u0001'), 'an endpoint id is printable text');
	assert.equal(checkEndpointId('e'.repeat(4097)), 'an endpoint id is at most 4096 characters');
	assert.equal(checkEndpointId('ios-device-1'), undefined);
	assert.deepEqual(endpointChannel('ios-device-1', undefined, {channel: 'APNS'}), {channel: 'APNS'});
	assert.deepEqual(endpointChannel('ios-device-1', 'APNS', {channel: 'APNS'}), {channel: 'APNS'});
	assert.deepEqual(endpointChannel('ios-device-1', 'GCM', {channel: 'APNS'}), {problem: 'endpoint ios-device-1 is on APNs (APNS), not FCM (GCM): choose APNS'});
	assert.deepEqual(endpointChannel('phone-1', undefined, {channel: 'SMS'}), {problem: 'endpoint phone-1 is on SMS, not a push channel'});
	assert.deepEqual(endpointChannel('gone', 'GCM', undefined), {problem: 'no endpoint gone in the application'});
	assert.equal(PUSH_CHANNEL_CHOICES, 'APNS, APNS_SANDBOX, APNS_VOIP, APNS_VOIP_SANDBOX, GCM (FCM), BAIDU or ADM');
});

test('a silent APNs push sends no title or body (a background notification) and is measured as sent; FCM keeps them', () => {
	const silent: PushInput = {...base, channel: 'APNS', body: 'x'.repeat(6000), silent: true};
	const message = channelMessage(silent);
	assert.equal(message.Body, undefined);
	assert.equal(message.Title, undefined);
	assert.equal(message.SilentPush, true);
	assert.equal(checkPush(silent), undefined);
	assert.equal(channelMessage({...silent, channel: 'GCM'}).Body, silent.body);
	assert.match(checkPush({...silent, channel: 'GCM'}) ?? '', /over the FCM limit/);
});

test('results and commands: a refused token reads as a failure; the aws commands carry the JSON, never a secret', () => {
	assert.equal(outcomeLine({address: 'tok', deliveryStatus: 'PERMANENT_FAILURE', statusCode: 400, statusMessage: 'BadDeviceToken'}), 'PERMANENT_FAILURE 400 tok — BadDeviceToken');
	assert.equal(outcomeLine({address: 'abc', endpointId: 'ios-1', deliveryStatus: 'SUCCESSFUL', statusCode: 200}), 'SUCCESSFUL 200 endpoint ios-1 (abc)');
	assert.match(explainDelivery('THROTTLED'), /slow down/);
	const connection = {region: 'us-east-1'};
	assert.equal(
		sendMessagesCli(connection, 'app1', messageRequest(base, {token: 'tok'})),
		`aws pinpoint send-messages --application-id app1 --message-request '{"Addresses":{"tok":{"ChannelType":"GCM"}},"MessageConfiguration":{"GCMMessage":{"Action":"OPEN_APP","Body":"Hello","Title":"Hi","SilentPush":false,"Priority":"normal"}}}' --region us-east-1`,
	);
	assert.equal(channelEnableCli(connection, 'app1', 'GCM', false), 'aws pinpoint update-gcm-channel --application-id app1 --gcm-channel-request Enabled=false --region us-east-1');
	assert.equal(
		channelEnableCli(connection, 'app1', 'ADM', true, {ClientId: 'cid', ClientSecret: 'hunter2'}),
		"aws pinpoint update-adm-channel --application-id app1 --adm-channel-request 'ClientId=cid,ClientSecret=<client secret>,Enabled=true' --region us-east-1",
	);
	assert.match(channelEnableCli({region: 'eu-west-1', endpoint: 'http://127.0.0.1:1', local: false}, 'a', 'APNS', true), /--endpoint-url http:\/\/127\.0\.0\.1:1$/, '--endpoint-url goes to Pinpoint too');
	assert.equal(channelSummary({channels: {APNS: true, GCM: true, ADM: false}}), 'APNs, FCM · off: ADM');
	assert.equal(channelSummary({channels: {}}), 'none');
});
