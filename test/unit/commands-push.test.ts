// smsdeck push in-process against a real emulator: the applications and their channels (the APNs certificate's
// age), a test push whose exit code follows each address's outcome (a refused token is exit 1 inside a successful
// call), bad input refused before any call (exit 2), read-only, the JSON with the MessageRequest and aws command.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {commandBench} from '../helpers/commands.js';
import {run as push} from '../../source/commands/push.js';
import {UsageError} from '../../source/commands/types.js';

const bench = commandBench('push', configDir => ({auditFile: join(configDir, 'audit.log')}));
const {call} = bench;

/** The SendMessages calls the emulator received so far. */
async function sendMessagesCalls(): Promise<number> {
	const log = (await (await bench.admin('requests', {})).json()) as {requests: {operation: string | null}[]};
	return log.requests.filter(r => r.operation === 'SendMessages').length;
}

/** Exit 2 before any call: the CLI's UsageError (printed as one line, exit 2) or a refusal printed by the command. */
async function refused(args: string[], reason: RegExp, globals = {}): Promise<void> {
	try {
		const r = await call(push, args, globals);
		assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
		assert.match(r.err, reason);
	} catch (error) {
		assert.ok(error instanceof UsageError, `${args.join(' ')}: ${String(error)}`);
		assert.match(error.message, reason);
	}
}

test('push apps and push channels: the seeded applications, channels with their auth method and the certificate check', async () => {
	const apps = await call(push, []);
	assert.equal(apps.code, 0, apps.err);
	assert.match(apps.out, /^NAME +ID +CREATED +PUSH CHANNELS/);
	assert.match(apps.out, /courier-app +[0-9a-f]{32} .* APNs VoIP, FCM, Baidu · off: ADM/);
	const json = JSON.parse((await call(push, ['apps'], {json: true})).out) as {Name: string; Id: string; Channels: Record<string, boolean>}[];
	const shop = json.find(a => a.Name === 'shop-mobile');
	assert.deepEqual(shop?.Channels, {APNS: true, APNS_SANDBOX: true, GCM: true});

	const channels = await call(push, ['channels', 'shop-mobile']);
	assert.equal(channels.code, 0, channels.err);
	assert.match(channels.out, /APNs +APNS +enabled +certificate +certificate .* WARN: certificate at least 340 days old: expires within about 25 days/);
	assert.match(channels.out, /FCM +GCM +enabled +token credentials +token/);
	const byId = JSON.parse((await call(push, ['channels', shop!.Id], {json: true})).out) as {Channels: {ChannelType: string; Check: string; CredentialAgeDays: number | null; Configured: boolean}[]};
	const apns = byId.Channels.find(c => c.ChannelType === 'APNS');
	assert.deepEqual([apns?.Check, apns?.CredentialAgeDays], ['warn', 340]);
	assert.equal(byId.Channels.find(c => c.ChannelType === 'ADM')?.Configured, false);
	const legacy = JSON.parse((await call(push, ['channels', 'legacy-alerts'], {json: true})).out) as {Channels: {ChannelType: string; Check: string}[]};
	assert.equal(legacy.Channels.find(c => c.ChannelType === 'APNS')?.Check, 'error', 'a 400-day-old certificate has expired');

	await refused(['channels', 'no-such-app'], /no push application no-such-app in us-east-1 \(there: shop-mobile, courier-app, legacy-alerts\)/);
});

test('push send: exit 0 when every address succeeded, 1 when one failed; the outcome, the request and the command', async () => {
	const ok = await call(push, ['send', 'shop-mobile', '--channel', 'FCM', '--token', 'good-token-1', '--title', 'Hi', '--body', 'Hello'], {json: true});
	assert.equal(ok.code, 0, ok.err);
	const sent = JSON.parse(ok.out);
	assert.equal(sent.Succeeded, true);
	assert.deepEqual(sent.Results.map((r: {DeliveryStatus: string; StatusCode: number}) => [r.DeliveryStatus, r.StatusCode]), [['SUCCESSFUL', 200]]);
	assert.deepEqual(sent.MessageRequest.Addresses, {'good-token-1': {ChannelType: 'GCM'}});
	assert.match(sent.Command, /^aws pinpoint send-messages --application-id [0-9a-f]{32} --message-request '\{"Addresses"/);

	const bad = await call(push, ['send', 'shop-mobile', '--channel', 'APNS', '--token', 'invalid-apns-token', '--body', 'Hello']);
	assert.equal(bad.code, 1, bad.err);
	assert.match(bad.out, /call accepted .*; 1 of 1 failed/);
	assert.match(bad.out, /PERMANENT_FAILURE 400 invalid-apns-token — BadDeviceToken/);
	assert.match(bad.out, /\$ aws pinpoint send-messages/);

	const gone = await call(push, ['send', 'shop-mobile', '--channel', 'GCM', '--token', 'unregistered-1', '--body', 'x'], {json: true});
	assert.equal(gone.code, 1);
	assert.equal(JSON.parse(gone.out).Results[0].DeliveryStatus, 'PERMANENT_FAILURE');

	const notThere = await call(push, ['send', 'shop-mobile', '--channel', 'ADM', '--token', 'kindle-1', '--body', 'x'], {json: true});
	assert.equal(notThere.code, 1, 'a channel the application does not have: a failure of the address');

	const endpoint = await call(push, ['send', 'shop-mobile', '--channel', 'APNS', '--endpoint-id', 'ios-device-1', '--body', 'x'], {json: true});
	assert.equal(endpoint.code, 0, endpoint.err);
	assert.equal(JSON.parse(endpoint.out).Results[0].EndpointId, 'ios-device-1');

	const audit = readFileSync(join(bench.configDir, 'audit.log'), 'utf8');
	assert.match(audit, /Test push on APNs of shop-mobile: \(none\) → PERMANENT_FAILURE 400 .*BadDeviceToken request-id \S+/);
});

test('push send: bad input and read-only are refused before any call (exit 2)', async () => {
	const send = ['send', 'shop-mobile'];
	const before = await sendMessagesCalls();
	await refused([...send, '--channel', 'SMS', '--token', 't', '--body', 'x'], /--channel takes APNS/);
	await refused([...send, '--channel', 'GCM', '--body', 'x'], /give --token \(a device token\) or --endpoint-id/);
	await refused([...send, '--channel', 'GCM', '--token', 't', '--endpoint-id', 'e', '--body', 'x'], /one of them/);
	await refused([...send, '--channel', 'GCM', '--token', 't', '--body', ''], /the body is empty/);
	await refused([...send, '--channel', 'GCM', '--token', 't', '--body', 'x'.repeat(5000)], /over the FCM limit/);
	await refused([...send, '--channel', 'GCM', '--token', 't', '--body', 'x', '--action', 'URL'], /URL needs a URL/);
	await refused([...send, '--channel', 'GCM', '--token', 't', '--body', 'x', '--ttl', 'soon'], /--ttl: time to live is whole seconds/);
	await refused([...send, '--channel', 'GCM', '--token', 't', '--body', 'x'], /push send: refused, --read-only is set; nothing was sent/, {readOnly: true});
	await refused(['send', 'nope', '--channel', 'GCM', '--token', 't', '--body', 'x'], /no push application nope/);
	await refused([...send, '--endpoint-id', 'ios device', '--body', 'x'], /--endpoint-id: an endpoint id has no spaces/);
	await refused([...send, '--endpoint-id', 'ios-\u0007', '--body', 'x'], /--endpoint-id: an endpoint id is printable text/);
	await refused([...send, '--endpoint-id', 'e'.repeat(4097), '--body', 'x'], /--endpoint-id: an endpoint id is at most 4096 characters/);
	await refused([...send, '--endpoint-id', '  ', '--body', 'x'], /--endpoint-id: give the endpoint id/);
	await refused([...send, '--token', 't', '--body', 'x'], /--token needs --channel/);
	// The endpoint is looked up first: another channel, or no such endpoint, is refused before SendMessages.
	await refused([...send, '--channel', 'GCM', '--endpoint-id', 'ios-device-1', '--body', 'x'], /endpoint ios-device-1 is on APNs \(APNS\), not FCM \(GCM\): choose APNS \(or leave --channel out\); nothing was sent/);
	await refused([...send, '--endpoint-id', 'no-such-device', '--body', 'x'], /no endpoint no-such-device in shop-mobile; nothing was sent/);
	await refused([...send, '--endpoint-id', 'ios-device-1', '--body', 'x'.repeat(5000)], /over the APNs limit/);
	assert.equal(await sendMessagesCalls(), before, 'nothing was sent by the refusals');
	// Still all there: the ADM body of 5000 bytes fits 6 KB and is sent.
	const adm = await call(push, [...send, '--channel', 'ADM', '--token', 't', '--body', 'x'.repeat(5000)], {json: true});
	assert.equal(adm.code, 1, 'shop-mobile has no ADM channel: the address fails');
	assert.equal(JSON.parse(adm.out).PayloadBytes > 4096, true);
	assert.equal(await sendMessagesCalls(), before + 1);
});

test('push send to an endpoint: without --channel, the endpoint’s own channel', async () => {
	const sent = await call(push, ['send', 'shop-mobile', '--endpoint-id', 'android-device-1', '--body', 'Hello'], {json: true});
	assert.equal(sent.code, 0, sent.err);
	const out = JSON.parse(sent.out);
	assert.equal(out.ChannelType, 'GCM');
	assert.deepEqual(Object.keys(out.MessageRequest.MessageConfiguration), ['GCMMessage']);
	assert.deepEqual(out.Results.map((r: {EndpointId: string; DeliveryStatus: string}) => [r.EndpointId, r.DeliveryStatus]), [['android-device-1', 'SUCCESSFUL']]);
});

test('push send --silent on APNs: a background notification without title or body, measured as sent', async () => {
	const sent = await call(push, ['send', 'shop-mobile', '--channel', 'APNS', '--token', 'good-token', '--silent', '--title', 'T', '--body', 'x'.repeat(6000)], {json: true});
	assert.equal(sent.code, 0, sent.err);
	const out = JSON.parse(sent.out);
	const message = out.MessageRequest.MessageConfiguration.APNSMessage;
	assert.equal(message.SilentPush, true);
	assert.equal(message.Body, undefined);
	assert.equal(message.Title, undefined);
	assert.ok(out.PayloadBytes < 200, String(out.PayloadBytes));
	// FCM carries the texts of a silent push in its data, and counts them.
	await refused(['send', 'shop-mobile', '--channel', 'GCM', '--token', 'good-token', '--silent', '--body', 'x'.repeat(6000)], /over the FCM limit/);
});

test('push disable|enable|delete: the console’s plans, confirmed with --yes; Baidu and ADM need their credentials (exit 2 before any call)', async () => {
	const state = async (app: string, type: string) =>
		(JSON.parse((await call(push, ['channels', app], {json: true})).out) as {Channels: {ChannelType: string; Enabled: boolean | null}[]}).Channels.find(c => c.ChannelType === type)?.Enabled;
	const off = await call(push, ['disable', 'courier-app', '--channel', 'gcm', '--yes'], {json: true});
	assert.equal(off.code, 0, off.err);
	assert.match(JSON.parse(off.out).commands[0], /aws pinpoint update-gcm-channel --application-id \w+ --gcm-channel-request Enabled=false/);
	assert.equal(await state('courier-app', 'GCM'), false);
	const again = await call(push, ['disable', 'courier-app', '--channel', 'GCM', '--yes']);
	assert.match(again.out, /already disabled; nothing was sent/);
	assert.equal((await call(push, ['enable', 'courier-app', '--channel', 'GCM', '--yes'])).code, 0);
	assert.equal(await state('courier-app', 'GCM'), true);

	await refused(['disable', 'courier-app', '--channel', 'BAIDU', '--yes'], /Baidu takes its credentials in every update: give --api-key and --secret-key/);
	const baidu = await call(push, ['disable', 'courier-app', '--channel', 'BAIDU', '--api-key', 'k', '--secret-key', 's3cret', '--yes'], {json: true});
	assert.equal(baidu.code, 0, baidu.err);
	assert.doesNotMatch(baidu.out, /s3cret/, 'the secret is never printed');
	assert.equal(await state('courier-app', 'BAIDU'), false);
	await refused(['disable', 'shop-mobile', '--channel', 'APNS_VOIP', '--yes'], /shop-mobile has no APNs VoIP channel/);
	await refused(['delete', 'courier-app'], /needs --yes to change the account when stdin is not a terminal/);

	const deleted = await call(push, ['delete', 'courier-app', '--yes']);
	assert.equal(deleted.code, 0, deleted.err);
	assert.match(deleted.out, /Delete the push application courier-app .*application courier-app deleted/);
	assert.doesNotMatch((await call(push, ['apps'])).out, /courier-app/);
});
