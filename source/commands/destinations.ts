// smsdeck destinations list|add|enable|disable|delete: the event destinations of a configuration set, and changing
// them with the checks the console makes before any call (names, ARN kinds, the model's event types, ALL alone).
import {destinationTarget, getConfigurationSet, type ConfigurationSet} from '../services/configSetsService.js';
import {createEventDestination, createLogGroup, deleteEventDestination, updateEventDestination} from '../services/changesService.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {checkConfigSetName, checkDestination, checkDestinationName, destinationCliArgs, KIND_LABEL, logGroupOfArn, MAX_DESTINATIONS, type Check, type DestinationKind} from '../domain/eventDestinations.js';
import {renderJson, renderLines, writeMessage, writeRows} from './printTable.js';
import {yn} from './browse.js';
import {auditChange, changeLine, confirm, refuseReadOnly, requireConfirmable, RuleError, runChange, withChangeClients} from './change.js';
import {commandRunner} from './commandTree.js';
import type {Clients} from '../services/clients.js';
import type {CommandAction, CommandInput, CommandIO, GlobalOptions} from './types.js';

type Destination = NonNullable<ConfigurationSet['EventDestinations']>[number];

const must = <T>(r: Check<T>, command: string): T => {
	if (!r.ok) throw new RuleError(`${command}: ${r.reason}`);
	return r.value;
};

/** The set, read before a change (a set that is not there is the service's answer: exit 1). */
async function readSet(clients: Parameters<typeof getConfigurationSet>[0], name: string): Promise<ConfigurationSet> {
	const set = await getConfigurationSet(clients, name);
	if (!set) throw Object.assign(new Error(`configuration set ${name} does not exist in ${clients.connection.region}`), {name: 'ResourceNotFoundException'});
	return set;
}

function findDestination(set: ConfigurationSet, name: string): Destination {
	const d = (set.EventDestinations ?? []).find(x => x.EventDestinationName === name);
	if (!d) {
		const there = (set.EventDestinations ?? []).map(x => x.EventDestinationName).join(', ') || 'none';
		throw Object.assign(new Error(`configuration set ${set.ConfigurationSetName} has no event destination ${name} (there: ${there})`), {name: 'ResourceNotFoundException'});
	}
	return d;
}

/** The options of destinations list|add|enable|disable|delete (the command tree checks the required ones are there). */
const optionsOf = ({options}: CommandInput) =>
	options as {configSet: string; name: string; type: DestinationKind; arn: string; roleArn?: string; events: string; createLogGroup?: boolean; yes?: boolean};

/** The set and destination names of a change, checked before anything else. */
function names(command: string, input: CommandInput): {set: string; name: string} {
	const {configSet, name} = optionsOf(input);
	return {set: must(checkConfigSetName(configSet), command), name: must(checkDestinationName(name), command)};
}

async function finish(io: CommandIO, globals: GlobalOptions, region: string, what: string, before: string, after: string, requestId: string | undefined, json: unknown) {
	await auditChange(io.env, changeLine(region, what, before, after, requestId), io);
	io.stdout.write(globals.json ? renderJson(json) : renderLines([`${what}: ${after}${requestId ? ` (request id ${requestId})` : ''}`]));
}

const list: CommandAction = async (input, globals, io) =>
	runChange(io, async () => {
		const command = 'destinations list';
		const set = must(checkConfigSetName(optionsOf(input).configSet), command);
		return withChangeClients(globals, io, async clients => {
			const found = await readSet(clients, set);
			writeRows(
				io.stdout,
				globals.json,
				[
					{title: 'Destination', value: d => d.EventDestinationName ?? ''},
					{title: 'Enabled', value: d => yn(d.Enabled)},
					{title: 'Kind', value: d => destinationTarget(d).kind},
					{title: 'Event types', value: d => (d.MatchingEventTypes ?? []).join(',')},
					{title: 'Target', value: d => destinationTarget(d).target},
					{title: 'Role', value: d => d.CloudWatchLogsDestination?.IamRoleArn ?? d.KinesisFirehoseDestination?.IamRoleArn ?? ''},
				],
				found.EventDestinations ?? [],
				rows => rows,
			);
		});
	});

const add: CommandAction = async (input, globals, io) =>
	runChange(io, async () => {
		const command = 'destinations add';
		const options = optionsOf(input);
		const {set, name} = names(command, input);
		const kind = options.type;
		const spec = must(checkDestination({name, kind, targetArn: options.arn, roleArn: options.roleArn, eventTypes: options.events}), command);
		const createGroup = options.createLogGroup === true;
		const yes = options.yes === true;
		if (createGroup && kind !== 'cloudwatch-logs') throw new RuleError(`${command}: --create-log-group goes with --type cloudwatch-logs`);
		const group = kind === 'cloudwatch-logs' ? logGroupOfArn(spec.targetArn) : undefined;
		await refuseReadOnly(command, globals, io.env);
		requireConfirmable(command, yes);
		return withChangeClients(globals, io, async clients => {
			const found = await readSet(clients, set);
			const existing = found.EventDestinations ?? [];
			if (existing.some(d => d.EventDestinationName === name)) throw new RuleError(`${command}: ${set} already has an event destination named ${name}; nothing was sent`);
			if (existing.length >= MAX_DESTINATIONS) throw new RuleError(`${command}: ${set} already has ${MAX_DESTINATIONS} event destinations, the most a set can have; nothing was sent`);
			const cli = [
				...(createGroup ? [awsCli(clients.connection, 'logs', 'create-log-group', {'log-group-name': group})] : []),
				awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'create-event-destination', {
					'configuration-set-name': set,
					'event-destination-name': name,
					'matching-event-types': spec.eventTypes,
					...destinationCliArgs(spec),
				}),
			];
			const what = `New ${KIND_LABEL[kind]} event destination ${name} on ${set}`;
			const after = `enabled, ${spec.eventTypes.join(' ')} → ${group ?? spec.targetArn}`;
			const ok = await confirm(command, io, {yes, summary: [`${what}: ${after}`, ...cli.map(c => `$ ${c}`)]});
			if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
			if (createGroup && group) {
				const made = await createLogGroup(clients, group);
				await auditChange(io.env, changeLine(clients.connection.region, `New CloudWatch Logs group ${group}`, '', group, made.requestId), io);
			}
			const out = await createEventDestination(clients, {
				configSet: set,
				name,
				eventTypes: spec.eventTypes,
				cloudWatchLogs: kind === 'cloudwatch-logs' ? {IamRoleArn: spec.roleArn ?? '', LogGroupArn: spec.targetArn} : undefined,
				firehose: kind === 'firehose' ? {IamRoleArn: spec.roleArn ?? '', DeliveryStreamArn: spec.targetArn} : undefined,
				sns: kind === 'sns' ? {TopicArn: spec.targetArn} : undefined,
			});
			await finish(io, globals, clients.connection.region, what, '', after, out.requestId, {ConfigurationSetName: set, EventDestinationName: name, Enabled: true, MatchingEventTypes: spec.eventTypes, RequestId: out.requestId});
		});
	});

interface Target {
	command: string;
	set: string;
	name: string;
	yes: boolean;
	destination: Destination;
}

/** A change to one existing event destination: names checked, read-only and confirmability before any call. */
function onDestination(action: string, body: (clients: Clients, target: Target, globals: GlobalOptions, io: CommandIO) => Promise<number | void>): CommandAction {
	const command = `destinations ${action}`;
	return async (input, globals, io) =>
		runChange(io, async () => {
			const {set, name} = names(command, input);
			const yes = optionsOf(input).yes === true;
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, yes);
			return withChangeClients(globals, io, async clients => body(clients, {command, set, name, yes, destination: findDestination(await readSet(clients, set), name)}, globals, io));
		});
}

/** enable / disable --config-set NAME --name N. */
const switchTo = (enable: boolean) =>
	onDestination(enable ? 'enable' : 'disable', async (clients, {command, set, name, yes, destination}, globals, io) => {
		const what = `${enable ? 'Enable' : 'Disable'} event destination ${name} on ${set}`;
		if (Boolean(destination.Enabled) === enable) {
			writeMessage(io.stderr, `${name} on ${set} is already ${enable ? 'enabled' : 'disabled'}; nothing was sent`);
			if (globals.json) io.stdout.write(renderJson({ConfigurationSetName: set, EventDestinationName: name, Enabled: enable, Changed: false}));
			return 0;
		}
		const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'update-event-destination', {'configuration-set-name': set, 'event-destination-name': name, enabled: enable});
		const ok = await confirm(command, io, {yes, summary: [what, `$ ${cli}`]});
		if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
		const out = await updateEventDestination(clients, set, name, {enabled: enable});
		await finish(io, globals, clients.connection.region, what, enable ? 'disabled' : 'enabled', enable ? 'enabled' : 'disabled', out.requestId, {
			ConfigurationSetName: set,
			EventDestinationName: name,
			Enabled: enable,
			Changed: true,
			RequestId: out.requestId,
		});
	});

const remove = onDestination('delete', async (clients, {command, set, name, yes, destination}, globals, io) => {
	const target = destinationTarget(destination).target;
	const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'delete-event-destination', {'configuration-set-name': set, 'event-destination-name': name});
	const what = `Delete event destination ${name} on ${set}`;
	const ok = await confirm(command, io, {yes, typed: 'delete', summary: [`${what} (→ ${target})`, `$ ${cli}`]});
	if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
	const out = await deleteEventDestination(clients, set, name);
	await finish(io, globals, clients.connection.region, what, `${name} → ${target}`, 'deleted', out.requestId, {ConfigurationSetName: set, EventDestinationName: name, Deleted: true, RequestId: out.requestId});
});

export const actions = {list, add, enable: switchTo(true), disable: switchTo(false), delete: remove} satisfies Record<string, CommandAction>;
export const run = commandRunner('destinations');
