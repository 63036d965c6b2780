// Month-to-date spend per channel from the AWS/SMSVoice CloudWatch metrics (TextMessageMonthlySpend,
// MediaMessageMonthlySpend, VoiceMessageMonthlySpend: USD, no dimensions, statistic Maximum): one GetMetricData
// call whose single period spans the current UTC month, so CloudWatch does the aggregation. IAM:
// cloudwatch:GetMetricData.
import {awsCli} from '../domain/awsCliCommand.js';
import type {SpendChannel} from '../domain/spendRules.js';
import type {Clients} from './clients.js';
import {cloudwatchModule} from './smsCommands.js';

export const SPEND_METRIC_NAMESPACE = 'AWS/SMSVoice';
export const SPEND_METRIC_NAMES: Readonly<Record<SpendChannel, string>> = Object.freeze({
	text: 'TextMessageMonthlySpend',
	media: 'MediaMessageMonthlySpend',
	voice: 'VoiceMessageMonthlySpend',
});
const CHANNELS = Object.keys(SPEND_METRIC_NAMES) as SpendChannel[];

export interface MonthToDateSpend {
	/** USD spent this month per channel; 0 where the metric has no data (nothing sent this month). */
	text: number;
	media: number;
	voice: number;
	/** Channels whose metric had no datapoint this month (the service publishes one only after a send). */
	noData: SpendChannel[];
	/** The window measured: the start of the UTC month to now. */
	from: Date;
	to: Date;
	/** The same query with the AWS CLI. */
	cli: string;
}

/** The query: start of the current UTC month to `now`, one period as long as the whole month. */
export function monthToDateQuery(now: Date) {
	const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
	const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
	const period = (nextMonth.getTime() - from.getTime()) / 1000; // whole days: a multiple of 60, as CloudWatch asks
	const queries = CHANNELS.map(channel => ({
		Id: channel,
		MetricStat: {Metric: {Namespace: SPEND_METRIC_NAMESPACE, MetricName: SPEND_METRIC_NAMES[channel], Dimensions: []}, Period: period, Stat: 'Maximum'},
	}));
	return {from, to: now, queries};
}

export async function monthToDateSpend(clients: Clients, now = new Date()): Promise<MonthToDateSpend> {
	const [{GetMetricDataCommand}, client] = await Promise.all([cloudwatchModule(), clients.cloudwatch()]);
	const {from, to, queries} = monthToDateQuery(now);
	const out = await client.send(new GetMetricDataCommand({MetricDataQueries: queries, StartTime: from, EndTime: to, ScanBy: 'TimestampDescending'}));
	const spend: Record<SpendChannel, number> = {text: 0, media: 0, voice: 0};
	const noData: SpendChannel[] = [];
	for (const channel of CHANNELS) {
		const values = out.MetricDataResults?.find(r => r.Id === channel)?.Values ?? [];
		if (values.length === 0) noData.push(channel);
		else spend[channel] = Math.max(...values);
	}
	const cli = awsCli(clients.connection, 'cloudwatch', 'get-metric-data', {
		'metric-data-queries': JSON.stringify(queries),
		'start-time': from.toISOString(),
		'end-time': to.toISOString(),
	});
	return {...spend, noData, from, to, cli};
}
