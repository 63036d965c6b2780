// The `aws pinpoint …` commands of what the push screens show and change: the test push (send-messages with its
// MessageRequest as JSON), enabling or disabling a channel, deleting an application. Pure.
import {awsCli, type CliConnection} from './awsCliCommand.js';
import {PUSH_CHANNELS, type PushChannelType} from './pushRules.js';

/** `aws pinpoint send-messages --application-id … --message-request '<json>'`. */
export function sendMessagesCli(connection: CliConnection, appId: string, request: unknown): string {
	return awsCli(connection, 'pinpoint', 'send-messages', {'application-id': appId, 'message-request': JSON.stringify(request)});
}

/** `aws pinpoint update-<kind>-channel --application-id … --<kind>-channel-request Enabled=true|false`. */
export function channelEnableCli(connection: CliConnection, appId: string, type: PushChannelType, enabled: boolean): string {
	const {cli} = PUSH_CHANNELS[type];
	return awsCli(connection, 'pinpoint', `update-${cli}-channel`, {'application-id': appId, [`${cli}-channel-request`]: `Enabled=${enabled}`});
}

export function deleteAppCli(connection: CliConnection, appId: string): string {
	return awsCli(connection, 'pinpoint', 'delete-app', {'application-id': appId});
}

export function getChannelsCli(connection: CliConnection, appId: string): string {
	return awsCli(connection, 'pinpoint', 'get-channels', {'application-id': appId});
}

export function getAppsCli(connection: CliConnection): string {
	return awsCli(connection, 'pinpoint', 'get-apps');
}
