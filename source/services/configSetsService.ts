import type {ConfigurationSetInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

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
