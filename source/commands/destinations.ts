// smsdeck destinations list|add|enable|disable|delete: the event destinations of a configuration set, and changing
// them with the checks the console makes before any call (names, ARN kinds, the model's event types, ALL alone).
import {destinationTarget, getConfigurationSet, type ConfigurationSet} from '../services/configSetsService.js';
import {createEventDestination, createLogGroup, deleteEventDestination, updateEventDestination} from '../services/changesService.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {checkConfigSetName, checkDestination, checkDestinationName, destinationCliArgs, KIND_LABEL, logGroupOfArn, MAX_DESTINATIONS, parseKind, type Check} from '../domain/eventDestinations.js';
import {renderJson, renderLines, writeMessage, writeRows} from './printTable.js';
import {yn} from './browse.js';
import {auditChange, changeLine, confirm, parseChangeArgs, refuseReadOnly, requireConfirmable, required, RuleError, runChange, withChangeClients, type ParsedChange} from './change.js';
import {UsageError, type CommandIO, type GlobalOptions, type SubcommandRun} from './types.js';

export const usage = `Usage:
  smsdeck destinations list --config-set NAME
  smsdeck destinations add --config-set NAME --name N --type cloudwatch-logs|firehose|sns --arn ARN
                           [--role-arn ROLE] [--events ALL|TEXT_DELIVERED,…] [--create-log-group] [--yes]
  smsdeck destinations enable|disable --config-set NAME --name N [--yes]
  smsdeck destinations delete --config-set NAME --name N [--yes]

--arn is the log group's ARN (cloudwatch-logs), the delivery stream's (firehose) or the topic's (sns);
cloudwatch-logs and firehose need --role-arn, a role the service assumes to write. --events takes the model's
event types, comma-separated (default ALL; ALL stands alone). --create-log-group creates the log group named by
--arn first. A configuration set has at most ${MAX_DESTINATIONS} event destinations. Changes ask for confirmation
on a terminal (delete: type "delete"); --yes confirms without asking (needed when stdin is not a terminal).

Options: --region CODE, --profile NAME, --endpoint-url URL, --local, --json, --read-only (refuses changes).
Exit code 0; 1 when the service refuses (its reason on stderr); 2 on bad input, a rule broken before any call,
or a change without confirmation.
`;

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

/** The set and destination names of a change, checked before anything else. */
function names(command: string, parsed: ParsedChange): {set: string; name: string} {
	return {set: must(checkConfigSetName(required(command, parsed, 'config-set')), command), name: must(checkDestinationName(required(command, parsed, 'name')), command)};
}

async function finish(io: CommandIO, globals: GlobalOptions, region: string, what: string, before: string, after: string, requestId: string | undefined, json: unknown) {
	await auditChange(io.env, changeLine(region, what, before, after, requestId), io);
	io.stdout.write(globals.json ? renderJson(json) : renderLines([`${what}: ${after}${requestId ? ` (request id ${requestId})` : ''}`]));
}

export const run: SubcommandRun = async (args, globals, io) =>
	runChange(io, async () => {
		const [action, ...rest] = args;
		const command = `destinations ${action ?? ''}`.trim();
		if (action === 'list') {
			const parsed = parseChangeArgs(command, rest, ['config-set'], []);
			const set = must(checkConfigSetName(required(command, parsed, 'config-set')), command);
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
		}
		if (action === 'add') {
			const parsed = parseChangeArgs(command, rest, ['config-set', 'name', 'type', 'arn', 'role-arn', 'events'], ['yes', 'create-log-group']);
			const {set, name} = names(command, parsed);
			const typeText = required(command, parsed, 'type');
			const kind = parseKind(typeText);
			if (!kind) throw new RuleError(`${command}: --type ${typeText} is not one of cloudwatch-logs, firehose, sns`);
			const spec = must(checkDestination({name, kind, targetArn: required(command, parsed, 'arn'), roleArn: parsed.options['role-arn'], eventTypes: parsed.options.events ?? 'ALL'}), command);
			const createGroup = parsed.flags.has('create-log-group');
			if (createGroup && kind !== 'cloudwatch-logs') throw new RuleError(`${command}: --create-log-group goes with --type cloudwatch-logs`);
			const group = kind === 'cloudwatch-logs' ? logGroupOfArn(spec.targetArn) : undefined;
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, parsed.flags.has('yes'));
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
				const ok = await confirm(command, io, {yes: parsed.flags.has('yes'), summary: [`${what}: ${after}`, ...cli.map(c => `$ ${c}`)]});
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
		}
		if (action === 'enable' || action === 'disable') {
			const parsed = parseChangeArgs(command, rest, ['config-set', 'name']);
			const {set, name} = names(command, parsed);
			const enable = action === 'enable';
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, parsed.flags.has('yes'));
			return withChangeClients(globals, io, async clients => {
				const d = findDestination(await readSet(clients, set), name);
				const what = `${enable ? 'Enable' : 'Disable'} event destination ${name} on ${set}`;
				if (Boolean(d.Enabled) === enable) {
					writeMessage(io.stderr, `${name} on ${set} is already ${enable ? 'enabled' : 'disabled'}; nothing was sent`);
					if (globals.json) io.stdout.write(renderJson({ConfigurationSetName: set, EventDestinationName: name, Enabled: enable, Changed: false}));
					return 0;
				}
				const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'update-event-destination', {'configuration-set-name': set, 'event-destination-name': name, enabled: enable});
				const ok = await confirm(command, io, {yes: parsed.flags.has('yes'), summary: [what, `$ ${cli}`]});
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
		}
		if (action === 'delete') {
			const parsed = parseChangeArgs(command, rest, ['config-set', 'name']);
			const {set, name} = names(command, parsed);
			await refuseReadOnly(command, globals, io.env);
			requireConfirmable(command, parsed.flags.has('yes'));
			return withChangeClients(globals, io, async clients => {
				const d = findDestination(await readSet(clients, set), name);
				const target = destinationTarget(d).target;
				const cli = awsCli(clients.connection, 'pinpoint-sms-voice-v2', 'delete-event-destination', {'configuration-set-name': set, 'event-destination-name': name});
				const what = `Delete event destination ${name} on ${set}`;
				const ok = await confirm(command, io, {yes: parsed.flags.has('yes'), typed: 'delete', summary: [`${what} (→ ${target})`, `$ ${cli}`]});
				if (!ok) throw new RuleError(`${command}: not confirmed; nothing was sent`);
				const out = await deleteEventDestination(clients, set, name);
				await finish(io, globals, clients.connection.region, what, `${name} → ${target}`, 'deleted', out.requestId, {ConfigurationSetName: set, EventDestinationName: name, Deleted: true, RequestId: out.requestId});
			});
		}
		throw new UsageError(`destinations: say list, add, enable, disable or delete (see smsdeck destinations --help)`);
	});
