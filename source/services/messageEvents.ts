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

/** The configuration set's CloudWatch Logs destination for a family of events, or what is missing and how to fix it. */
export function pickLogsDestination(
	set: ConfigurationSet,
	family: EventFamily,
	region: string,
): {ok: true; destination: EventDestination; partial: boolean} | {ok: false; reason: string; fix: string} {
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
		};
	}
	const other = cwl.find(d => d.Enabled);
	if (other) {
		return {
			ok: false,
			reason: `configuration set ${name}: the CloudWatch Logs destination ${other.EventDestinationName} matches no ${family} events (${(other.MatchingEventTypes ?? []).join(', ')})`,
			fix: `aws pinpoint-sms-voice-v2 update-event-destination --region ${region} --configuration-set-name ${name} --event-destination-name ${other.EventDestinationName} --matching-event-types ${[...(other.MatchingEventTypes ?? []), `${family}_ALL`].join(' ')}`,
		};
	}
	return {
		ok: false,
		reason: `configuration set ${name} has no CloudWatch Logs event destination`,
		fix: `aws pinpoint-sms-voice-v2 create-event-destination --region ${region} --configuration-set-name ${name} --event-destination-name smsdeck-events --matching-event-types ${family}_ALL --cloud-watch-logs-destination IamRoleArn=<role that can write to the group>,LogGroupArn=<log group ARN>`,
	};
}

/** The log group behind a destination: its ARN (no `:*`) and name, and, when it is missing, why and the fix. */
export async function checkLogGroup(
	clients: Clients,
	destination: EventDestination,
): Promise<{arn: string; group: string; missing?: {reason: string; fix: string}}> {
	const region = clients.connection.region;
	const arn = destination.CloudWatchLogsDestination!.LogGroupArn!.replace(/:\*$/, '');
	const group = logGroupName(arn);
	// The log group must exist, or the service drops the events (one in another Region cannot be checked here).
	if (regionOfArn(arn) !== region) return {arn, group};
	const lm = await logsModule();
	const described = await clients.logs.send(new lm.DescribeLogGroupsCommand({logGroupNamePrefix: group}));
	if ((described.logGroups ?? []).some(g => g.logGroupName === group)) return {arn, group};
	return {
		arn,
		group,
		missing: {
			reason: `the log group ${group} of destination ${destination.EventDestinationName} does not exist: events would be dropped`,
			fix: `aws logs create-log-group --region ${region} --log-group-name ${group}`,
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
