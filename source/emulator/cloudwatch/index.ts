// The emulated Amazon CloudWatch metrics API (X-Amz-Target GraniteServiceVersion20100801.*, awsJson 1.0 with
// awsQuery-compatible errors): GetMetricData and ListMetrics over the samples other services publish through
// world.metrics — the AWS/SMSVoice spend metrics the sms-voice service writes at each send.
import type {EmulatedService, EmulatorWorld, MetricsWriter} from '../types.js';
import {getMetricData, type GetMetricDataInput} from './getMetricData.js';
import {listMetrics, type ListMetricsInput} from './listMetrics.js';
import {MetricStore} from './store.js';

export const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801';

export interface CloudWatchService {
	service: EmulatedService;
	writer: MetricsWriter;
	store: MetricStore;
}

export function createCloudWatchService(world: EmulatorWorld): CloudWatchService {
	const store = new MetricStore();
	const writer: MetricsWriter = {
		putSample(region, metric, timestamp, value, unit) {
			store.putSample(region, metric, timestamp, value, unit);
			world.markDirty();
		},
	};
	const service: EmulatedService = {
		targetPrefix: CLOUDWATCH_TARGET_PREFIX,
		handlers: {
			GetMetricData: (input: GetMetricDataInput, ctx) => getMetricData(store, input, ctx),
			ListMetrics: (input: ListMetricsInput, ctx) => listMetrics(store, input, ctx, world.clock.now()),
		},
		admin: {},
		snapshot: () => store.snapshot(),
		restore: data => store.restore(data),
	};
	return {service, writer, store};
}
