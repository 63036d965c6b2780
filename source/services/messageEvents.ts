// Following the events of messages smsdeck sends, from a configuration set's CloudWatch Logs destination: which
// destination and log group carry a channel's events, whether that group exists, and a tail of the events whose
// records carry a tag (the send's Context). Shared by the simulator smoke test and the test send. No Ink.
import type {Clients} from './clients.js';
import type {ConfigurationSet} from './configSetsService.js';
import type {StartTail, TailHandle, TailHealth} from './tailTypes.js';
import {logsModule} from './smsCommands.js';
import {parseEventRecord, type ParsedEvent} from '../domain/eventRecord.js';

/** The event types of a channel start with this (TEXT_DELIVERED, MEDIA_…, VOICE_…). */
export type EventFamily = 'TEXT' | 'MEDIA' | 'VOICE';

export type EventDestination = NonNullable<ConfigurationSet['EventDestinations']>[number];

/** Whether a destination's MatchingEventTypes cover a family's events: 'all', 'some' or 'none'. */
export function eventTypeCoverage(types: readonly string[] | undefined, family: EventFamily): 'all' | 'some' | 'none' {
	const list = types ?? [];
	if (list.includes('ALL') || list.includes(`${family}_ALL`)) return 'all';
	return list.some(t => t.startsWith(`${family}_`)) ? 'some' : 'none';
}

export const logGroupName = (arn: string) => /:log-group:([^:]+)/.exec(arn)?.[1] ?? arn;
const regionOfArn = (arn: string) => arn.split(':')[3];

/**
 * A fix of a MISCONFIGURED preflight that the console can stage: create the missing log group, enable the
 * destination, add the channel's events to it, or create a CloudWatch Logs destination (its form needs a role).
 */
export type RepairStep =
	| {kind: 'createLogGroup'; logGroup: string}
	| {kind: 'enableDestination'; configSet: string; destination: string}
	| {kind: 'setEventTypes'; configSet: string; destination: string; before: string[]; after: string[]}
	| {kind: 'createDestination'; configSet: string; configSetArn: string; eventTypes: string[]; existing: string[]; roleArn?: string};

/** What is missing for a send's events to be followed, the aws command that fixes it, and the steps to stage. */
export interface Missing {
	reason: string;
	fix: string;
	repair: RepairStep[];
	/** The destination the fix is about, when there is one. */
	subject?: EventDestination;
}

/** The configuration set's CloudWatch Logs destination for a family of events, or what is missing and how to fix it. */
export function pickLogsDestination(set: ConfigurationSet, family: EventFamily, region: string): ({ok: true; destination: EventDestination; partial: boolean}) | ({ok: false} & Missing) {
	const name = set.ConfigurationSetName ?? '';
	const cwl = (set.EventDestinations ?? []).filter(d => d.CloudWatchLogsDestination?.LogGroupArn);
	const usable = cwl.filter(d => d.Enabled && eventTypeCoverage(d.MatchingEventTypes, family) !== 'none');
	const best = usable.find(d => eventTypeCoverage(d.MatchingEventTypes, family) === 'all') ?? usable[0];
	if (best) return {ok: true, destination: best, partial: eventTypeCoverage(best.MatchingEventTypes, family) === 'some'};
	const disabled = cwl.find(d => !d.Enabled && eventTypeCoverage(d.MatchingEventTypes, family) !== 'none');
	if (disabled) {
		return {
			ok: false,
			reason: `configuration set ${name}: the CloudWatch Logs destination ${disabled.EventDestinationName} is disabled`,
			fix: `aws pinpoint-sms-voice-v2 update-event-destination --region ${region} --configuration-set-name ${name} --event-destination-name ${disabled.EventDestinationName} --enabled`,
			repair: [{kind: 'enableDestination', configSet: name, destination: disabled.EventDestinationName ?? ''}],
			subject: disabled,
		};
	}
	const other = cwl.find(d => d.Enabled);
	if (other) {
		const before = other.MatchingEventTypes ?? [];
		return {
			ok: false,
			reason: `configuration set ${name}: the CloudWatch Logs destination ${other.EventDestinationName} matches no ${family} events (${before.join(', ')})`,
			fix: `aws pinpoint-sms-voice-v2 update-event-destination --region ${region} --configuration-set-name ${name} --event-destination-name ${other.EventDestinationName} --matching-event-types ${[...before, `${family}_ALL`].join(' ')}`,
			repair: [{kind: 'setEventTypes', configSet: name, destination: other.EventDestinationName ?? '', before: [...before], after: [...before, `${family}_ALL`]}],
			subject: other,
		};
	}
	return {
		ok: false,
		reason: `configuration set ${name} has no CloudWatch Logs event destination`,
		fix: `aws pinpoint-sms-voice-v2 create-event-destination --region ${region} --configuration-set-name ${name} --event-destination-name smsdeck-events --matching-event-types ${family}_ALL --cloud-watch-logs-destination IamRoleArn=<role that can write to the group>,LogGroupArn=<log group ARN>`,
		repair: [
			{
				kind: 'createDestination',
				configSet: name,
				configSetArn: set.ConfigurationSetArn ?? '',
				eventTypes: [`${family}_ALL`],
				existing: (set.EventDestinations ?? []).map(d => d.EventDestinationName ?? ''),
				roleArn: (set.EventDestinations ?? []).find(d => d.CloudWatchLogsDestination?.IamRoleArn)?.CloudWatchLogsDestination?.IamRoleArn,
			},
		],
	};
}

async function logGroupExists(clients: Clients, group: string): Promise<boolean> {
	const lm = await logsModule();
	const described = await clients.logs.send(new lm.DescribeLogGroupsCommand({logGroupNamePrefix: group}));
	return (described.logGroups ?? []).some(g => g.logGroupName === group);
}

/**
 * What pickLogsDestination found missing, and the destination's log group too when that is gone (one in another
 * Region cannot be checked here): both fixes, in the order they must be applied.
 */
export async function withMissingGroup(clients: Clients, missing: Missing): Promise<Missing> {
	const arn = missing.subject?.CloudWatchLogsDestination?.LogGroupArn?.replace(/:\*$/, '');
	if (!arn || regionOfArn(arn) !== clients.connection.region) return missing;
	const group = logGroupName(arn);
	if (await logGroupExists(clients, group)) return missing;
	return {
		...missing,
		reason: `${missing.reason}, and its log group ${group} does not exist`,
		fix: `aws logs create-log-group --region ${clients.connection.region} --log-group-name ${group}, then ${missing.fix}`,
		repair: [{kind: 'createLogGroup', logGroup: group}, ...missing.repair],
	};
}

/** The log group behind a destination: its ARN (no `:*`) and name, and, when it is missing, why and the fix. */
export async function checkLogGroup(clients: Clients, destination: EventDestination): Promise<{arn: string; group: string; missing?: Missing}> {
	const region = clients.connection.region;
	const arn = destination.CloudWatchLogsDestination!.LogGroupArn!.replace(/:\*$/, '');
	const group = logGroupName(arn);
	// The log group must exist, or the service drops the events (one in another Region cannot be checked here).
	if (regionOfArn(arn) !== region || (await logGroupExists(clients, group))) return {arn, group};
	return {
		arn,
		group,
		missing: {
			reason: `the log group ${group} of destination ${destination.EventDestinationName} does not exist: events would be dropped`,
			fix: `aws logs create-log-group --region ${region} --log-group-name ${group}`,
			repair: [{kind: 'createLogGroup', logGroup: group}],
		},
	};
}

export interface TaggedEventHandlers {
	/** One parsed event record whose text holds the tag. */
	event(event: ParsedEvent): void;
	health?(health: TailHealth): void;
}

/** Follows the log group from `since`, passing on the event records that carry `tag` (the service filters). */
export function followTaggedEvents(
	startTail: StartTail,
	clients: Clients,
	source: {arn: string; tag: string; since: number; pollIntervalMs?: number},
	handlers: TaggedEventHandlers,
): TailHandle {
	return startTail(
		clients,
		{logGroupIdentifier: source.arn, filterPattern: `"${source.tag}"`},
		{since: source.since, follow: true, ...(source.pollIntervalMs ? {pollIntervalMs: source.pollIntervalMs} : {})},
		{
			events: batch => {
				for (const e of batch) handlers.event(parseEventRecord(e.message));
			},
			health: h => handlers.health?.(h),
		},
	);
}
