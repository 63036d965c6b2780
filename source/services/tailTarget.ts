// Which log group a configuration set's events go to: its CloudWatch Logs event destinations. No SDK calls here
// (the set is read by identityResolver's lookupConfigurationSet); shared by the tail view and `smsdeck tail`.
import type {ConfigurationSet} from './configSetsService.js';

export interface LogDestination {
	/** Event destination name. */
	name: string;
	enabled: boolean;
	logGroupArn: string;
	logGroupName: string;
	eventTypes: string[];
}

/** "arn:aws:logs:us-east-1:123456789012:log-group:name:*" → "name" (a plain name comes back unchanged). */
export function logGroupNameFromArn(arn: string): string {
	const match = /:log-group:(.+?)(?::\*)?$/.exec(arn);
	return match ? match[1] : arn;
}

export function cloudWatchDestinations(set: ConfigurationSet | undefined): LogDestination[] {
	return (set?.EventDestinations ?? [])
		.filter(d => d.CloudWatchLogsDestination?.LogGroupArn)
		.map(d => ({
			name: d.EventDestinationName ?? '',
			enabled: d.Enabled === true,
			logGroupArn: d.CloudWatchLogsDestination!.LogGroupArn!,
			logGroupName: logGroupNameFromArn(d.CloudWatchLogsDestination!.LogGroupArn!),
			eventTypes: d.MatchingEventTypes ?? [],
		}));
}

export type DestinationChoice =
	| {ok: true; destination: LogDestination; others: LogDestination[]}
	| {ok: false; reason: string; choices?: LogDestination[]};

/**
 * The destination to tail: the named one, else the only enabled CloudWatch Logs destination, else the first
 * enabled one (the others are returned so the caller can say which was used).
 */
export function chooseDestination(configSet: string, set: ConfigurationSet | undefined, wanted?: string): DestinationChoice {
	if (!set) return {ok: false, reason: `configuration set "${configSet}" not found in this Region (see smsdeck config-sets)`};
	const all = cloudWatchDestinations(set);
	if (wanted !== undefined) {
		const found = all.find(d => d.name === wanted);
		if (!found) {
			const names = all.map(d => d.name).join(', ');
			return {ok: false, reason: `configuration set "${configSet}" has no CloudWatch Logs destination "${wanted}"${names ? ` (it has: ${names})` : ''}`};
		}
		return {ok: true, destination: found, others: all.filter(d => d !== found)};
	}
	if (all.length === 0) {
		return {
			ok: false,
			reason: `configuration set "${configSet}" has no CloudWatch Logs event destination: add one (aws pinpoint-sms-voice-v2 create-event-destination --configuration-set-name ${configSet} --event-destination-name logs --matching-event-types ALL --cloud-watch-logs-destination IamRoleArn=…,LogGroupArn=…), or tail a log group with --log-group`,
		};
	}
	const enabled = all.filter(d => d.enabled);
	if (enabled.length === 0) {
		return {
			ok: false,
			reason: `the CloudWatch Logs destination "${all[0].name}" of configuration set "${configSet}" is disabled: enable it (aws pinpoint-sms-voice-v2 update-event-destination --configuration-set-name ${configSet} --event-destination-name ${all[0].name} --enabled)`,
			choices: all,
		};
	}
	return {ok: true, destination: enabled[0], others: all.filter(d => d !== enabled[0])};
}
