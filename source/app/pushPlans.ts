// What the push screens stage: enabling or disabling a channel, deleting an application (typed "delete"), and a
// test push (sent when applied; its per-address outcomes go to the push result store). Rules are checked by the
// screens before anything is staged.
import type {Connection} from '../services/clients.js';
import {deletePushApp, sendPush, setChannelEnabled, type PushApp} from '../services/pushService.js';
import {credentialCheck, PUSH_CHANNELS, usesCertificate, type ChannelFacts, type PushChannelType} from '../domain/pushRules.js';
import {messageRequest, outcomeLine, pushSucceeded, type PushInput, type PushTarget} from '../domain/pushMessage.js';
import {channelEnableCli, deleteAppCli, sendMessagesCli} from '../domain/pushCommands.js';
import {pushResults} from './pushResultStore.js';
import type {StagedEdit} from './stagedEdits.js';

export const PUSH_APPS_SCOPE = 'push-apps';
export const pushChannelsScope = (appId: string) => `push-channels/${appId}`;

const appLabel = (app: PushApp) => (app.Name ? `${app.Name} (${app.Id})` : app.Id);

/**
 * An APNs certificate's age is read from the channel's last change, which any update moves to now: the review says
 * what will no longer be visible afterwards.
 */
function certificateAgeNote(type: PushChannelType, channel: ChannelFacts): string {
	if (!usesCertificate(type, channel)) return '';
	const {ageDays} = credentialCheck(type, channel, Date.now());
	const age = ageDays === undefined ? 'its age is unknown' : `at least ${ageDays} days old today`;
	return `; the channel's last-change date, the only clue to its certificate's age (${age}), moves to now`;
}

export function pushChannelEnableEdit(connection: Connection, app: PushApp, type: PushChannelType, channel: ChannelFacts, enable: boolean, credentials: Record<string, string> = {}): StagedEdit {
	const {label} = PUSH_CHANNELS[type];
	return {
		id: `push-channel|${app.Id}|${type}`,
		scope: pushChannelsScope(app.Id),
		rowKey: type,
		what: `${enable ? 'Enable' : 'Disable'} the ${label} channel of ${appLabel(app)}`,
		before: enable ? 'disabled' : 'enabled',
		after: `${enable ? 'enabled (pushes to its devices go out)' : 'disabled (pushes to its devices are refused; the credentials stay)'}${Object.keys(credentials).length > 0 ? ', with the credentials typed' : ''}${certificateAgeNote(type, channel)}`,
		cli: [channelEnableCli(connection, app.Id, type, enable, credentials)],
		kind: 'change',
		preview: {Enabled: enable ? 'yes' : 'no'},
		connection,
		reloads: [pushChannelsScope(app.Id), PUSH_APPS_SCOPE],
		apply: clients => setChannelEnabled(clients, app.Id, type, enable, credentials),
	};
}

export function pushAppDeleteEdit(connection: Connection, app: PushApp, channels: number | undefined): StagedEdit {
	return {
		id: `push-app|${app.Id}`,
		scope: PUSH_APPS_SCOPE,
		rowKey: app.Id,
		what: `Delete the push application ${appLabel(app)}`,
		before: `${app.Name || app.Id}${channels === undefined ? '' : ` with ${channels} channel${channels === 1 ? '' : 's'}`}`,
		after: 'deleted, with its channels, campaigns, journeys and segments (not undoable)',
		cli: [deleteAppCli(connection, app.Id)],
		typed: 'delete',
		kind: 'delete',
		connection,
		reloads: [PUSH_APPS_SCOPE, pushChannelsScope(app.Id), `push-app/${app.Id}`],
		apply: clients => deletePushApp(clients, app.Id),
	};
}

/** Who a test push goes to, in words. */
export const targetLabel = (target: PushTarget) => ('token' in target ? `token ${target.token.length > 24 ? `${target.token.slice(0, 24)}…` : target.token}` : `endpoint ${target.endpointId}`);

/** A test push: SendMessages when applied; the outcome of each address lands in the push result store. */
export function pushSendEdit(connection: Connection, app: PushApp, input: PushInput, target: PushTarget): StagedEdit {
	const request = messageRequest(input, target);
	const cli = sendMessagesCli(connection, app.Id, request);
	const what = `Test push on ${PUSH_CHANNELS[input.channel].label} of ${appLabel(app)} to ${targetLabel(target)}`;
	const short = `${PUSH_CHANNELS[input.channel].label} to ${targetLabel(target)}`;
	return {
		id: `push-send|${app.Id}|${Date.now()}`,
		scope: 'push-send',
		rowKey: '',
		what,
		before: '',
		after: `${JSON.stringify(input.title)} ${JSON.stringify(input.body.length > 40 ? `${input.body.slice(0, 40)}…` : input.body)} · ${input.action} · ${input.priority}${input.silent ? ' · silent' : ''}`,
		cli: [cli],
		kind: 'add',
		connection,
		reloads: [],
		apply: async clients => {
			pushResults.set({appId: app.Id, what: short, cli, request, sentAt: Date.now(), state: 'sending'});
			try {
				const out = await sendPush(clients, app.Id, request);
				pushResults.set({appId: app.Id, what: short, cli, request, sentAt: Date.now(), state: 'done', requestId: out.requestId, outcomes: out.outcomes});
				const failed = out.outcomes.filter(o => !pushSucceeded(o));
				const detail = out.outcomes.length === 0 ? 'the answer names no address' : out.outcomes.map(outcomeLine).join('; ');
				return {requestId: out.requestId, detail: failed.length > 0 ? `call accepted, but ${detail}` : detail, failedInPart: failed.length > 0};
			} catch (error) {
				pushResults.set({appId: app.Id, what: short, cli, request, sentAt: Date.now(), state: 'failed', error: (error as Error).message});
				throw error;
			}
		},
	};
}
