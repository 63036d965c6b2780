// Interop: the `aws pinpoint …` commands smsdeck shows for push — the test push's send-messages with its
// MessageRequest JSON, a channel switched off and on, an application deleted — run as printed by the pip AWS CLI v1
// (a shell reads them) against the emulator, and do what smsdeck says they do. Skipped without `aws`.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {cliAgainstEmulator, run} from '../helpers/awsCli.js';
import {runBinary} from '../helpers/binary.js';
import {channelEnableCli, deleteAppCli, getChannelsCli, sendMessagesCli} from '../../source/domain/pushCommands.js';
import {messageRequest, type PushInput} from '../../source/domain/pushMessage.js';

const SHOP_MOBILE = '5ca4fde87c9d6948dc6d7d2be345b185';
const LEGACY_ALERTS = '556b9f2cb4550576011a52d5d15bf6ba';

describe('the aws pinpoint commands smsdeck shows, run by the AWS CLI v1', async () => {
	const {skip, env, emulator} = await cliAgainstEmulator('smsdeck-push-commands');
	const connection = () => ({region: 'us-east-1', endpoint: emulator().url, local: true});
	/** Runs a printed command line through a shell, as a person pasting it would; its JSON answer. */
	async function shell(line: string): Promise<any> {
		const {stdout} = await run('sh', ['-c', `${line} --output json`], {env, timeout: 60_000});
		return stdout.trim() === '' ? {} : JSON.parse(stdout);
	}

	test('send-messages with the MessageRequest smsdeck built: the same per-address outcomes', {skip}, async () => {
		const input: PushInput = {channel: 'GCM', title: 'It’s “quoted”', body: "O'Brien's order #1 shipped", action: 'URL', url: 'https://example.com/o?id=1&x=2', priority: 'high', timeToLive: 60, silent: false};
		const ok = await shell(sendMessagesCli(connection(), SHOP_MOBILE, messageRequest(input, {token: 'device-ok'})));
		assert.deepEqual([ok.MessageResponse.Result['device-ok'].DeliveryStatus, ok.MessageResponse.Result['device-ok'].StatusCode], ['SUCCESSFUL', 200]);
		const bad = await shell(sendMessagesCli(connection(), SHOP_MOBILE, messageRequest({...input, channel: 'APNS'}, {token: 'invalid-1'})));
		assert.deepEqual([bad.MessageResponse.Result['invalid-1'].DeliveryStatus, bad.MessageResponse.Result['invalid-1'].StatusCode], ['PERMANENT_FAILURE', 400]);
		const endpoint = await shell(sendMessagesCli(connection(), SHOP_MOBILE, messageRequest({...input, channel: 'APNS'}, {endpointId: 'ios-device-1'})));
		assert.equal(endpoint.MessageResponse.EndpointResult['ios-device-1'].DeliveryStatus, 'SUCCESSFUL');
	});

	test('update-gcm-channel Enabled=false, then true; delete-app', {skip}, async () => {
		const gcm = async () => (await shell(getChannelsCli(connection(), SHOP_MOBILE))).ChannelsResponse.Channels.GCM.Enabled;
		await shell(channelEnableCli(connection(), SHOP_MOBILE, 'GCM', false));
		assert.equal(await gcm(), false);
		await shell(channelEnableCli(connection(), SHOP_MOBILE, 'GCM', true));
		assert.equal(await gcm(), true);
		await shell(deleteAppCli(connection(), LEGACY_ALERTS));
		const apps = await shell(`aws pinpoint get-apps --region us-east-1 --endpoint-url ${emulator().url}`);
		assert.deepEqual(apps.ApplicationsResponse.Item.map((a: {Name: string}) => a.Name), ['shop-mobile', 'courier-app']);
	});

	test('AWS_ENDPOINT_URL_PINPOINT: smsdeck push and aws pinpoint go to the same endpoint and see the same applications', {skip}, async () => {
		const withEndpoint = {...(env as Record<string, string>), AWS_ENDPOINT_URL_PINPOINT: emulator().url, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1'};
		const {stdout} = await run('aws', ['pinpoint', 'get-apps', '--output', 'json'], {env: withEndpoint, timeout: 60_000});
		const cli = JSON.parse(stdout).ApplicationsResponse.Item.map((a: {Id: string}) => a.Id);
		const ours = await runBinary(['push', 'apps', '--json'], withEndpoint);
		assert.equal(ours.code, 0, ours.stderr);
		assert.deepEqual(JSON.parse(ours.stdout).map((a: {Id: string}) => a.Id), cli);
		assert.equal(cli.length, 1, 'eu-west-1 has shop-mobile-eu');
	});
});
