// The `aws pinpoint …` commands of what the push screens show and change: the test push (send-messages with its
// MessageRequest as JSON), enabling or disabling a channel, deleting an application. Pure.
import {awsCli, type CliConnection} from './awsCliCommand.js';
import {PUSH_CHANNELS, type PushChannelType} from './pushRules.js';

/** `aws pinpoint send-messages --application-id … --message-request '<json>'`. */
export function sendMessagesCli(connection: CliConnection, appId: string, request: unknown): string {
	return awsCli(connection, 'pinpoint', 'send-messages', {'application-id': appId, 'message-request': JSON.stringify(request)});
}

/**
 * `aws pinpoint update-<kind>-channel --application-id … --<kind>-channel-request Enabled=true|false`, with the
 * credentials the channel kind requires (a secret as a placeholder: the command is shown and copied, never the key).
 */
export function channelEnableCli(connection: CliConnection, appId: string, type: PushChannelType, enabled: boolean, credentials: Record<string, string> = {}): string {
	const {cli, credentials: members = []} = PUSH_CHANNELS[type];
	const given = members.map(m => `${m.member}=${m.secret ? `<${m.label.toLowerCase()}>` : (credentials[m.member] ?? `<${m.label.toLowerCase()}>`)}`);
	return awsCli(connection, 'pinpoint', `update-${cli}-channel`, {'application-id': appId, [`${cli}-channel-request`]: [...given, `Enabled=${enabled}`].join(',')});
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
