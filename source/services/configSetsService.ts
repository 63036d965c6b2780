import type {ConfigurationSetInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {logsModule, smsModule} from './smsCommands.js';

export type ConfigurationSet = ConfigurationSetInformation;

export async function listConfigurationSets(clients: Clients, options: PageOptions<ConfigurationSet> = {}): Promise<ConfigurationSet[]> {
	const {DescribeConfigurationSetsCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribeConfigurationSetsCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {
			abortSignal: options.signal,
		});
		return {items: out.ConfigurationSets ?? [], next: out.NextToken};
	}, options);
}

/** "CloudWatch Logs" / "Firehose" / "SNS" and the target's ARN, for display. */
export function destinationTarget(d: NonNullable<ConfigurationSet['EventDestinations']>[number]): {kind: string; target: string} {
	if (d.CloudWatchLogsDestination) return {kind: 'CloudWatch Logs', target: d.CloudWatchLogsDestination.LogGroupArn ?? ''};
	if (d.KinesisFirehoseDestination) return {kind: 'Firehose', target: d.KinesisFirehoseDestination.DeliveryStreamArn ?? ''};
	if (d.SnsDestination) return {kind: 'SNS', target: d.SnsDestination.TopicArn ?? ''};
	return {kind: 'unknown', target: ''};
}

export async function getConfigurationSet(clients: Clients, name: string): Promise<ConfigurationSet | undefined> {
	const {DescribeConfigurationSetsCommand} = await smsModule();
	const out = await clients.sms.send(new DescribeConfigurationSetsCommand({ConfigurationSetNames: [name]}));
	return out.ConfigurationSets?.[0];
}

export interface LogGroup {
	name: string;
	arn: string;
}

/** The Region's CloudWatch Logs groups (name and ARN without the `:*`), for pickers; at most `max`. */
export async function listLogGroups(clients: Clients, options: {signal?: AbortSignal; max?: number} = {}): Promise<LogGroup[]> {
	const {DescribeLogGroupsCommand} = await logsModule();
	const max = options.max ?? 1000;
	const groups: LogGroup[] = [];
	let nextToken: string | undefined;
	do {
		const out = await clients.logs.send(new DescribeLogGroupsCommand({nextToken, limit: 50}), {abortSignal: options.signal});
		for (const g of out.logGroups ?? []) {
			const arn = (g.logGroupArn ?? g.arn ?? '').replace(/:\*$/, '');
			if (g.logGroupName) groups.push({name: g.logGroupName, arn});
		}
		nextToken = out.nextToken;
	} while (nextToken && groups.length < max);
	return groups;
}
