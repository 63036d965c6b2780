// The push service over a real emulator: the Pinpoint client goes where the resolver says (its own configured
// endpoint, AWS_ENDPOINT_URL_PINPOINT's), through the read-only guard, and switches channels — Baidu with the
// credentials its update requires.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createClients, destroyClients, type Clients, type Connection} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {ReadOnlyError} from '../../source/services/readOnly.js';
import {listPushApps, listPushChannels, resolvePushApp, sendPush, setChannelEnabled} from '../../source/services/pushService.js';
import {resolve} from '../../source/services/resolver.js';

let emulator: RunningEmulator;
const made: Clients[] = [];
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	// The SDK's environment provider reads the process's own variables; any keys do for the emulator.
	process.env.AWS_ACCESS_KEY_ID = 'test';
	process.env.AWS_SECRET_ACCESS_KEY = 'test';
});
after(async () => {
	for (const c of made) destroyClients(c);
	await emulator.close();
});

async function clientsFor(connection: Partial<Connection>): Promise<Clients> {
	const clients = await createClients({region: 'us-east-1', local: false, credentials: 'env', ...connection}, {limiter: new RateLimiter(), health: new Health(), env: {AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b'}});
	made.push(clients);
	return clients;
}

test('AWS_ENDPOINT_URL_PINPOINT sends Pinpoint there, and only Pinpoint', async () => {
	const r = await resolve({readOnlyFlag: false, readOnly: {patterns: []}, region: 'us-east-1', env: {AWS_ENDPOINT_URL_PINPOINT: emulator.url, AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b'}, shared: {profiles: new Map(), services: new Map(), configPath: '', credentialsPath: ''} as never});
	assert.deepEqual(r.endpoints.pinpoint, {value: emulator.url, source: 'AWS_ENDPOINT_URL_PINPOINT'});
	assert.equal(r.endpoints.sms, undefined);
	const clients = await clientsFor(r.connection);
	const apps = await listPushApps(clients);
	assert.deepEqual(apps.map(a => a.Name).sort(), ['courier-app', 'legacy-alerts', 'shop-mobile']);
	assert.equal((await resolvePushApp(clients, apps[0].Id)).Name, apps[0].Name, 'by id (GetApp)');
});

test('read-only: reading channels works, switching one or sending a push is refused before it is sent', async () => {
	const clients = await clientsFor({endpoint: emulator.url, readOnly: true});
	const app = await resolvePushApp(clients, 'shop-mobile');
	const channels = await listPushChannels(clients, app.Id);
	assert.deepEqual(channels.filter(c => c.configured).map(c => [c.type, c.Enabled]), [['APNS', true], ['APNS_SANDBOX', true], ['GCM', true]]);
	await assert.rejects(setChannelEnabled(clients, app.Id, 'GCM', false), ReadOnlyError);
	await assert.rejects(sendPush(clients, app.Id, {Addresses: {t: {ChannelType: 'GCM'}}, MessageConfiguration: {GCMMessage: {Body: 'x'}}}), ReadOnlyError);
	assert.equal((await listPushChannels(clients, app.Id)).find(c => c.type === 'GCM')?.Enabled, true);
});

test('Baidu is switched with its credentials; without them the service refuses and nothing changes', async () => {
	const clients = await clientsFor({endpoint: emulator.url});
	const app = await resolvePushApp(clients, 'courier-app');
	const baidu = async () => (await listPushChannels(clients, app.Id)).find(c => c.type === 'BAIDU')?.Enabled;
	await assert.rejects(setChannelEnabled(clients, app.Id, 'BAIDU', false), (e: Error) => e.name !== 'ReadOnlyError');
	assert.equal(await baidu(), true);
	const out = await setChannelEnabled(clients, app.Id, 'BAIDU', false, {ApiKey: 'key', SecretKey: 'secret'});
	assert.equal(out.detail, 'Baidu disabled');
	assert.equal(await baidu(), false);
	const sent = await sendPush(clients, app.Id, {Addresses: {'baidu-1': {ChannelType: 'BAIDU'}}, MessageConfiguration: {BaiduMessage: {Body: 'x'}}});
	assert.deepEqual(sent.outcomes.map(o => [o.address, o.deliveryStatus, o.statusCode]), [['baidu-1', 'PERMANENT_FAILURE', 400]], 'a disabled channel fails the address');
});
