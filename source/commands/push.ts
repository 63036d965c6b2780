// smsdeck push [apps] [--json]: the push applications (Pinpoint) in the Region and their channels, on or off.
// smsdeck push channels APP [--json]: an application's push channels — state, auth method, default, last modified,
// what to check (an APNs certificate expires after one year). smsdeck push send APP --token T --channel C --title …
// --body … : a test push; exit 0 when every address succeeded, 1 when one failed (a refused token is a failure inside
// a successful call), 2 on bad input, checked before any call. The command tree declares the options and choices.
import {getPushEndpoint, listPushAppSummaries, listPushChannels, resolvePushApp, sendPush, type PushApp, type PushChannel} from '../services/pushService.js';
import type {Clients} from '../services/clients.js';
import {UnresolvedIdentityError} from '../services/identityResolver.js';
import {authMethod, credentialCheck, defaultAuth, PUSH_CHANNEL_CHOICES, PUSH_CHANNELS, pushChannelFromInput, type PushChannelType} from '../domain/pushRules.js';
import {checkEndpointId, checkPush, checkPushContent, checkToken, describeSize, endpointChannel, explainDelivery, messageRequest, outcomeLine, parseTimeToLive, payloadSize, pushSucceeded, type PushAction, type PushInput, type PushPriority, type PushTarget} from '../domain/pushMessage.js';
import {sendMessagesCli} from '../domain/pushCommands.js';
import {pushAppDeleteEdit, pushChannelEnableEdit} from '../app/pushPlans.js';
import {channelSummary} from '../domain/pushSummary.js';
import {applyPlanned, auditChange, changeLine, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {commandRunner} from './commandTree.js';
import {renderJson, renderLines, writeRows} from './printTable.js';
import {UsageError, type CommandAction, type CommandInput} from './types.js';

/** The application named on the command line (id, ARN or name); one that is not there is refused (exit 2). */
async function appOf(clients: Clients, command: string, typed: string): Promise<PushApp> {
	return resolvePushApp(clients, typed).catch(error => {
		throw error instanceof UnresolvedIdentityError ? new RuleError(`${command}: ${error.message}`) : error;
	});
}

const list: CommandAction = async (_input, globals, io) =>
	runChange(io, () =>
		withChangeClients(globals, io, async clients => {
			const apps = await listPushAppSummaries(clients);
			writeRows(
				io.stdout,
				globals.json,
				[
					{title: 'Name', value: a => a.Name || '—'},
					{title: 'Id', value: a => a.Id},
					{title: 'Created', value: a => a.CreationDate ?? ''},
					{title: 'Push channels', value: channelSummary},
				],
				apps,
				rows => rows.map(a => ({Name: a.Name, Id: a.Id, Arn: a.Arn ?? null, CreationDate: a.CreationDate ?? null, Channels: a.channels ?? null, ChannelsError: a.channelsError ?? null})),
			);
		}),
	);

/** A channel's row as the table and JSON show it (with the computed auth method and check). */
function channelFacts(ch: PushChannel, now: number) {
	const check = credentialCheck(ch.type, ch, now);
	return {
		Channel: PUSH_CHANNELS[ch.type].label,
		ChannelType: ch.type,
		Configured: ch.configured,
		Enabled: ch.configured ? ch.Enabled === true : null,
		AuthMethod: ch.configured ? authMethod(ch.type, ch) : null,
		DefaultAuthenticationMethod: ch.DefaultAuthenticationMethod ?? null,
		LastModifiedDate: ch.LastModifiedDate ?? null,
		CredentialAgeDays: ch.configured ? (check.ageDays ?? null) : null,
		Check: check.level,
		CheckText: check.text || null,
	};
}

const channels: CommandAction = async ({args}, globals, io) =>
	runChange(io, () =>
		withChangeClients(globals, io, async clients => {
			const app = await appOf(clients, 'push channels', args[0]);
			const now = Date.now();
			const rows = (await listPushChannels(clients, app.Id)).map(ch => channelFacts(ch, now));
			if (globals.json) {
				io.stdout.write(renderJson({ApplicationId: app.Id, Name: app.Name, Channels: rows}));
				return;
			}
			writeRows(
				io.stdout,
				false,
				[
					{title: 'Channel', value: r => r.Channel},
					{title: 'Type', value: r => r.ChannelType},
					{title: 'State', value: r => (!r.Configured ? 'not set up' : r.Enabled ? 'enabled' : 'disabled')},
					{title: 'Auth', value: r => r.AuthMethod ?? ''},
					{title: 'Default auth', value: r => (r.Configured ? defaultAuth({DefaultAuthenticationMethod: r.DefaultAuthenticationMethod ?? undefined}) : '')},
					{title: 'Last modified', value: r => r.LastModifiedDate ?? ''},
					{title: 'Check', value: r => (r.Check === 'ok' ? r.CheckText ?? (r.Configured ? 'ok' : '') : `${r.Check.toUpperCase()}: ${r.CheckText}`)},
				],
				rows,
				r => r,
			);
		}),
	);

/**
 * The push the options describe, checked before any call (UsageError: exit 2). With --endpoint-id and no --channel,
 * the channel is the endpoint's: `channel` is undefined until `endpoint` (GetEndpoint's answer) gives it.
 */
export function pushOf(options: CommandInput['options'], endpoint?: {channel?: string}): {input?: PushInput; target: PushTarget} {
	const command = 'push send';
	const typed = options.channel === undefined ? undefined : pushChannelFromInput(String(options.channel));
	if (options.channel !== undefined && !typed) throw new UsageError(`${command}: --channel takes ${PUSH_CHANNEL_CHOICES}`, command);
	const token = options.token as string | undefined;
	const endpointId = options.endpointId as string | undefined;
	if ((token === undefined) === (endpointId === undefined)) throw new UsageError(`${command}: give --token (a device token) or --endpoint-id, one of them`, command);
	if (token !== undefined && !typed) throw new UsageError(`${command}: --token needs --channel (${PUSH_CHANNEL_CHOICES})`, command);
	const address = (token ?? endpointId)!.trim();
	const addressProblem = token !== undefined ? checkToken(address) : checkEndpointId(address);
	if (addressProblem) throw new UsageError(`${command}: ${token !== undefined ? '--token' : '--endpoint-id'}: ${addressProblem}`, command);
	const target: PushTarget = token !== undefined ? {token: address} : {endpointId: address};
	const ttl = parseTimeToLive(String(options.ttl ?? ''));
	if (!ttl.ok) throw new UsageError(`${command}: --ttl: ${ttl.reason}`, command);
	if (options.url !== undefined && (options.action ?? 'OPEN_APP') === 'OPEN_APP') throw new UsageError(`${command}: --url goes with --action URL or DEEP_LINK`, command);
	let channel = typed;
	if (endpoint) {
		const found = endpointChannel(address, typed, endpoint);
		if ('problem' in found) throw new RuleError(`${command}: ${found.problem}${typed ? ' (or leave --channel out)' : ''}; nothing was sent`);
		channel = found.channel;
	}
	const input: PushInput = {
		channel: channel ?? 'APNS',
		title: String(options.title ?? ''),
		body: String(options.body ?? ''),
		action: (options.action ?? 'OPEN_APP') as PushAction,
		url: options.url as string | undefined,
		priority: (options.priority ?? 'normal') as PushPriority,
		timeToLive: ttl.seconds,
		silent: options.silent === true,
	};
	// Without a channel yet, everything but the payload's size (its limit is the channel's) is checked now.
	const problem = channel ? checkPush(input) : checkPushContent(input);
	if (problem) throw new UsageError(`${command}: ${problem}; nothing was sent`, command);
	return {input: channel ? input : undefined, target};
}

const send: CommandAction = async ({args, options}, globals, io) =>
	runChange(io, async () => {
		const {target} = pushOf(options);
		await refuseReadOnly('push send', globals, io.env);
		return withChangeClients(globals, io, async clients => {
			const app = await appOf(clients, 'push send', args[0]);
			// An endpoint gets the message of its own channel only: its channel is looked up first (GetEndpoint).
			const endpoint = 'endpointId' in target ? await getPushEndpoint(clients, app.Id, target.endpointId) : undefined;
			if ('endpointId' in target && !endpoint) throw new RuleError(`push send: no endpoint ${target.endpointId} in ${app.Name || app.Id}; nothing was sent`);
			const {input} = pushOf(options, endpoint) as {input: PushInput};
			const request = messageRequest(input, target);
			const cli = sendMessagesCli(clients.connection, app.Id, request);
			const out = await sendPush(clients, app.Id, request);
			const ok = out.outcomes.length > 0 && out.outcomes.every(pushSucceeded);
			const what = `Test push on ${PUSH_CHANNELS[input.channel].label} of ${app.Name || app.Id}`;
			await auditChange(io.env, changeLine(clients.connection.region, what, '', out.outcomes.map(outcomeLine).join('; '), out.requestId), io);
			if (globals.json) {
				io.stdout.write(
					renderJson({
						Region: clients.connection.region,
						ApplicationId: app.Id,
						Application: app.Name,
						ChannelType: input.channel,
						RequestId: out.requestId ?? null,
						Succeeded: ok,
						Results: out.outcomes.map(o => ({
							Address: o.address,
							EndpointId: o.endpointId ?? null,
							DeliveryStatus: o.deliveryStatus,
							StatusCode: o.statusCode ?? null,
							StatusMessage: o.statusMessage ?? null,
							MessageId: o.messageId ?? null,
						})),
						PayloadBytes: payloadSize(input).bytes,
						MessageRequest: request,
						Command: cli,
					}),
				);
			} else {
				const failed = out.outcomes.filter(o => !pushSucceeded(o)).length;
				io.stdout.write(
					renderLines([
						`${what} (${describeSize(payloadSize(input))}): call accepted${out.requestId ? ` (request id ${out.requestId})` : ''}; ${failed === 0 ? 'every address succeeded' : `${failed} of ${out.outcomes.length} failed`}`,
						...out.outcomes.map(o => `  ${outcomeLine(o)} (${explainDelivery(o.deliveryStatus)})`),
						...(out.outcomes.length === 0 ? ['  the answer names no address'] : []),
						`$ ${cli}`,
					]),
				);
			}
			return ok ? 0 : 1;
		});
	});

/** The credentials a Baidu or ADM update requires, from the options (--api-key → ApiKey …), checked before any call. */
function credentialsOf(command: string, type: PushChannelType, options: CommandInput['options']): Record<string, string> {
	const members = PUSH_CHANNELS[type].credentials ?? [];
	const optionKey = (member: string) => member[0].toLowerCase() + member.slice(1);
	const flag = (member: string) => `--${member.replace(/(?<=.)([A-Z])/g, '-$1').toLowerCase()}`;
	const out: Record<string, string> = {};
	for (const m of members) {
		const value = String(options[optionKey(m.member)] ?? '').trim();
		if (!value) throw new UsageError(`${command}: ${PUSH_CHANNELS[type].label} takes its credentials in every update: give ${members.map(x => flag(x.member)).join(' and ')}`, command);
		out[m.member] = value;
	}
	return out;
}

/** push enable|disable APP --channel C: the console's staged switch, confirmed (--yes, or asked on a terminal). */
function channelSwitch(enable: boolean): CommandAction {
	const command = `push ${enable ? 'enable' : 'disable'}`;
	return async ({args, options}, globals, io) =>
		runChange(io, async () => {
			const type = pushChannelFromInput(String(options.channel ?? ''));
			if (!type) throw new UsageError(`${command}: --channel takes ${PUSH_CHANNEL_CHOICES}`, command);
			const credentials = credentialsOf(command, type, options);
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, options.yes === true);
			return withChangeClients(globals, io, async clients => {
				const app = await appOf(clients, command, args[0]);
				const channel = (await listPushChannels(clients, app.Id)).find(c => c.type === type);
				if (!channel?.configured) throw new RuleError(`${command}: ${app.Name || app.Id} has no ${PUSH_CHANNELS[type].label} channel (set it up with its credentials first); nothing was sent`);
				if ((channel.Enabled === true) === enable) {
					io.stdout.write(globals.json ? renderJson({change: null, detail: `already ${enable ? 'enabled' : 'disabled'}`}) : renderLines([`${PUSH_CHANNELS[type].label} of ${app.Name || app.Id} is already ${enable ? 'enabled' : 'disabled'}; nothing was sent`]));
					return 0;
				}
				return applyPlanned(command, io, clients, pushChannelEnableEdit(clients.connection, app, type, channel, enable, credentials), {yes: options.yes === true, json: globals.json});
			});
		});
}

/** push delete APP: typed "delete" on a terminal, --yes otherwise. */
const remove: CommandAction = async ({args, options}, globals, io) =>
	runChange(io, async () => {
		await refuseReadOnly('push delete', globals, io.env);
		requireConfirmable('push delete', options.yes === true);
		return withChangeClients(globals, io, async clients => {
			const app = await appOf(clients, 'push delete', args[0]);
			const channels = (await listPushChannels(clients, app.Id)).filter(c => c.configured).length;
			return applyPlanned('push delete', io, clients, pushAppDeleteEdit(clients.connection, app, channels), {yes: options.yes === true, json: globals.json});
		});
	});

export const actions = {list, channels, send, enable: channelSwitch(true), disable: channelSwitch(false), delete: remove} satisfies Record<string, CommandAction>;
export const run = commandRunner('push');
