// CloudWatch metrics in the emulator (GetMetricData, ListMetrics for the AWS/SMSVoice spend metrics), driven by
// the real SDK v3 clients over real HTTP, and smsdeck's spendMetricsService on top of it.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
	CloudWatchClient,
	GetMetricDataCommand,
	type GetMetricDataCommandOutput,
	InvalidNextToken,
	InvalidParameterValueException,
	ListMetricsCommand,
	type ListMetricsCommandInput,
	type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import {SendMediaMessageCommand, SendTextMessageCommand, SendVoiceMessageCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {credentials, rejectsWith, startHarness, type Harness} from './emulator-smsvoice-harness.js';
import {createClients, type Clients} from '../../source/services/clients.js';
import {Health} from '../../source/services/health.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {ReadOnlyError} from '../../source/services/readOnly.js';
import {monthToDateSpend} from '../../source/services/spendMetricsService.js';
import {getMetricData} from '../../source/emulator/cloudwatch/getMetricData.js';
import {MetricStore} from '../../source/emulator/cloudwatch/store.js';

const SIM = '+12065550100';
const SUCCESS = '+14254147755';
const NS = 'AWS/SMSVoice';

const monthStart = (now = new Date()) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const MONTH_SECONDS = 31 * 86400;

function spendQuery(id: string, metricName: string, stat = 'Maximum', period = MONTH_SECONDS): MetricDataQuery {
	return {Id: id, MetricStat: {Metric: {Namespace: NS, MetricName: metricName}, Period: period, Stat: stat}};
}

describe('emulator: CloudWatch spend metrics', () => {
	let h: Harness;
	let cw: CloudWatchClient;
	/** What the sends below cost, read back from the emulator's own accounting. */
	let spent: {TEXT: number; MEDIA: number; VOICE: number};
	let smsCosts: number[];
	before(async () => {
		h = await startHarness('default');
		cw = new CloudWatchClient({endpoint: h.emu.url, region: 'us-east-1', credentials, maxAttempts: 1});
		const sms = h.sms();
		smsCosts = [];
		let before = 0;
		for (const body of ['first', 'second', 'third with a longer body']) {
			await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: body}));
			const now = (await h.admin('spend', {region: 'us-east-1'})).TEXT;
			smsCosts.push(now - before);
			before = now;
		}
		await sms.send(new SendVoiceMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'code 1 2 3'}));
		spent = await h.admin('spend', {region: 'us-east-1'});
	});
	after(async () => {
		cw.destroy();
		await h.close();
	});

	test('GetMetricData: Maximum over the month is the month-to-date spend of each channel; no MMS sent, no MMS data', async () => {
		assert.ok(spent.TEXT > 0 && spent.VOICE > 0, 'the sends cost something');
		const out = await cw.send(
			new GetMetricDataCommand({
				MetricDataQueries: [spendQuery('text', 'TextMessageMonthlySpend'), spendQuery('voice', 'VoiceMessageMonthlySpend'), spendQuery('media', 'MediaMessageMonthlySpend')],
				StartTime: monthStart(),
				EndTime: new Date(Date.now() + 60_000),
			}),
		);
		const byId = Object.fromEntries(out.MetricDataResults!.map(r => [r.Id, r]));
		assert.deepEqual(byId.text.Values, [spent.TEXT]);
		assert.deepEqual(byId.text.Timestamps, [monthStart()], 'one period from StartTime');
		assert.equal(byId.text.StatusCode, 'Complete');
		assert.equal(byId.text.Label, 'TextMessageMonthlySpend');
		assert.deepEqual(byId.voice.Values, [spent.VOICE]);
		assert.deepEqual(byId.media.Values, []);
		assert.equal(out.NextToken, undefined);
	});

	test('other statistics see every sample: SampleCount is the number of sends, Minimum the first month-to-date', async () => {
		const out = await cw.send(
			new GetMetricDataCommand({
				MetricDataQueries: [spendQuery('n', 'TextMessageMonthlySpend', 'SampleCount'), spendQuery('lowest', 'TextMessageMonthlySpend', 'Minimum')],
				StartTime: monthStart(),
				EndTime: new Date(Date.now() + 60_000),
			}),
		);
		assert.deepEqual(out.MetricDataResults!.map(r => r.Values), [[3], [smsCosts[0]]]);
	});

	test('a window before the sends has no datapoints; Unit other than the metric’s has none; ReturnData false is left out', async () => {
		const earlier = await cw.send(
			new GetMetricDataCommand({
				MetricDataQueries: [spendQuery('text', 'TextMessageMonthlySpend')],
				StartTime: new Date(Date.now() - 3 * 3600_000),
				EndTime: new Date(Date.now() - 2 * 3600_000),
			}),
		);
		assert.deepEqual(earlier.MetricDataResults![0].Values, []);
		const out = await cw.send(
			new GetMetricDataCommand({
				MetricDataQueries: [
					{Id: 'bytes', MetricStat: {...spendQuery('x', 'TextMessageMonthlySpend').MetricStat!, Unit: 'Bytes'}},
					{...spendQuery('hidden', 'TextMessageMonthlySpend'), ReturnData: false},
				],
				StartTime: monthStart(),
				EndTime: new Date(Date.now() + 60_000),
			}),
		);
		assert.deepEqual(out.MetricDataResults!.map(r => [r.Id, r.Values]), [['bytes', []]]);
	});

	test('MaxDatapoints pages the datapoints with NextToken, newest first by default, oldest first with ScanBy', async () => {
		// One-minute periods over a 3-minute window around the sends: the sends land in one or two minutes.
		await h.admin('setMonthlySpend', {region: 'eu-west-1', channel: 'TEXT', amount: 1});
		await h.admin('setMonthlySpend', {region: 'eu-west-1', channel: 'TEXT', amount: 2});
		const eu = new CloudWatchClient({endpoint: h.emu.url, region: 'eu-west-1', credentials, maxAttempts: 1});
		try {
			const base = {
				MetricDataQueries: [spendQuery('a', 'TextMessageMonthlySpend', 'Maximum', 1), spendQuery('b', 'TextMessageMonthlySpend', 'Sum', 1)],
				StartTime: new Date(Date.now() - 120_000),
				EndTime: new Date(Date.now() + 60_000),
			};
			const all = await eu.send(new GetMetricDataCommand(base));
			const total = all.MetricDataResults!.reduce((n, r) => n + r.Values!.length, 0);
			assert.ok(total >= 2);
			const first = await eu.send(new GetMetricDataCommand({...base, MaxDatapoints: 1}));
			assert.equal(first.MetricDataResults![0].Values!.length, 1);
			assert.ok(first.NextToken, 'more to come');
			assert.equal(first.MetricDataResults![0].StatusCode, all.MetricDataResults![0].Values!.length > 1 ? 'PartialData' : 'Complete');
			let pages = 1;
			let token: string | undefined = first.NextToken;
			let seen = 1;
			while (token) {
				const page: GetMetricDataCommandOutput = await eu.send(new GetMetricDataCommand({...base, MaxDatapoints: 1, NextToken: token}));
				seen += page.MetricDataResults!.reduce((n, r) => n + r.Values!.length, 0);
				token = page.NextToken;
				pages++;
			}
			assert.equal(seen, total);
			assert.equal(pages, total);
			const ascending = await eu.send(new GetMetricDataCommand({...base, ScanBy: 'TimestampAscending'}));
			const times = (r: {Timestamps?: Date[]}) => r.Timestamps!.map(t => t.getTime());
			assert.deepEqual(times(ascending.MetricDataResults![0]), [...times(all.MetricDataResults![0])].reverse());
			await rejectsWith(eu.send(new GetMetricDataCommand({...base, MaxDatapoints: 1, NextToken: 'bm9wZQ'})), 'InvalidNextToken');
			const other = await eu.send(new GetMetricDataCommand({...base, MaxDatapoints: 1}));
			const misused = eu.send(new GetMetricDataCommand({...base, StartTime: new Date(Date.now() - 600_000), MaxDatapoints: 1, NextToken: other.NextToken}));
			await assert.rejects(misused, (e: unknown) => e instanceof InvalidNextToken);
		} finally {
			eu.destroy();
		}
	});

	test('ListMetrics: the three spend metrics once each has data, filtered by name and dimensions, per Region', async () => {
		const names = async (input: ListMetricsCommandInput) =>
			((await cw.send(new ListMetricsCommand(input))).Metrics ?? []).map(m => m.MetricName).sort();
		assert.deepEqual(await names({Namespace: NS}), ['TextMessageMonthlySpend', 'VoiceMessageMonthlySpend'], 'no MMS sent: no MMS metric yet');
		await h.admin('setMonthlySpend', {region: 'us-east-1', channel: 'MEDIA', amount: 0.5});
		assert.deepEqual(await names({Namespace: NS}), ['MediaMessageMonthlySpend', 'TextMessageMonthlySpend', 'VoiceMessageMonthlySpend']);
		assert.deepEqual(await names({Namespace: NS, MetricName: 'VoiceMessageMonthlySpend', RecentlyActive: 'PT3H'}), ['VoiceMessageMonthlySpend']);
		assert.deepEqual(await names({Namespace: 'AWS/Other'}), []);
		assert.deepEqual(await names({Dimensions: [{Name: 'Region'}]}), [], 'account metrics have no dimensions');
		const listed = await cw.send(new ListMetricsCommand({MetricName: 'TextMessageMonthlySpend', IncludeLinkedAccounts: true}));
		assert.deepEqual(listed.Metrics, [{Namespace: NS, MetricName: 'TextMessageMonthlySpend', Dimensions: []}]);
		assert.deepEqual(listed.OwningAccounts, [h.emu.world.accountId]);
		const elsewhere = new CloudWatchClient({endpoint: h.emu.url, region: 'ap-southeast-2', credentials, maxAttempts: 1});
		try {
			assert.deepEqual((await elsewhere.send(new ListMetricsCommand({Namespace: NS}))).Metrics, []);
		} finally {
			elsewhere.destroy();
		}
	});

	test('bad requests get the service’s errors, with the query-protocol code clients read', async () => {
		const window = {StartTime: monthStart(), EndTime: new Date(Date.now() + 60_000)};
		const invalid = async (queries: MetricDataQuery[], match: RegExp, extra: Record<string, unknown> = {}) => {
			const error = await cw.send(new GetMetricDataCommand({MetricDataQueries: queries, ...window, ...extra})).catch(e => e);
			assert.ok(error instanceof InvalidParameterValueException, `${error?.name}: ${error?.message}`);
			assert.equal((error as {Code?: string}).Code, 'InvalidParameterValue');
			assert.match(error.message, match);
		};
		await invalid([{Id: 'm', Expression: 'SUM(METRICS())'}], /expressions are not supported/);
		await invalid([spendQuery('Upper', 'TextMessageMonthlySpend')], /Id is not valid/);
		await invalid([spendQuery('a', 'TextMessageMonthlySpend'), spendQuery('a', 'VoiceMessageMonthlySpend')], /not unique/);
		await invalid([spendQuery('a', 'TextMessageMonthlySpend', 'Maximum', 90)], /Period must be/);
		await invalid([spendQuery('a', 'TextMessageMonthlySpend', 'p99')], /Stat is not supported/);
		await invalid(
			Array.from({length: 501}, (_, i) => spendQuery(`q${i}`, 'TextMessageMonthlySpend')),
			/must not have a size greater than 500/,
		);
		const backwards = cw.send(new GetMetricDataCommand({MetricDataQueries: [spendQuery('a', 'TextMessageMonthlySpend')], StartTime: window.EndTime, EndTime: window.StartTime}));
		await assert.rejects(backwards, /StartTime must be less than the parameter EndTime/);
		const both = await cw
			.send(new GetMetricDataCommand({MetricDataQueries: [{...spendQuery('a', 'TextMessageMonthlySpend'), Expression: 'a'}], ...window}))
			.catch(e => e);
		assert.equal(both.name, 'InvalidParameterCombinationException');
		// The model's own constraints (Period ≥ 1) are checked before anything else: the framework's ValidationError.
		const zero = await cw.send(new GetMetricDataCommand({MetricDataQueries: [spendQuery('a', 'TextMessageMonthlySpend', 'Maximum', 0)], ...window})).catch(e => e);
		assert.deepEqual([zero.name, zero.Code, zero.$metadata.httpStatusCode], ['ValidationException', 'ValidationError', 400]);
		assert.match(zero.message, /failed to satisfy constraint: Member must have value greater than or equal to 1/);
	});
});

describe('spendMetricsService.monthToDateSpend', () => {
	let h: Harness;
	let clients: Clients;
	before(async () => {
		h = await startHarness('default');
		clients = await createClients({region: 'us-east-1', endpoint: h.emu.url, local: true, readOnly: true}, {limiter: new RateLimiter(), health: new Health(), env: {}});
	});
	after(async () => {
		clients.destroy();
		await h.close();
	});

	test('nothing sent: zero for each channel, all without data; after sends: the emulator’s own month-to-date spend', async () => {
		const empty = await monthToDateSpend(clients);
		assert.deepEqual([empty.text, empty.media, empty.voice, empty.noData], [0, 0, 0, ['text', 'media', 'voice']]);

		const sms = h.sms();
		await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'one'}));
		await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'two'}));
		await sms.send(new SendVoiceMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'three'}));
		await sms.send(
			new SendMediaMessageCommand({DestinationPhoneNumber: SUCCESS, OriginationIdentity: SIM, MessageBody: 'four'}),
		).catch(() => undefined); // MMS from the simulator number may be refused; whatever it costs is what counts
		const spent = await h.admin('spend', {region: 'us-east-1'});
		const got = await monthToDateSpend(clients);
		assert.deepEqual([got.text, got.media, got.voice], [spent.TEXT, spent.MEDIA, spent.VOICE]);
		assert.ok(got.text > 0 && got.voice > 0);
		assert.deepEqual(got.noData, spent.MEDIA > 0 ? [] : ['media']);
		assert.equal(got.from.toISOString(), monthStart().toISOString());
		assert.match(got.cli, /^aws cloudwatch get-metric-data --metric-data-queries '\[\{"Id":"text".*"Stat":"Maximum"\}\}\]' --start-time \S+ --end-time \S+ --region us-east-1 --endpoint-url http:\/\/127\.0\.0\.1:\d+$/);
	});

	test('GetMetricData is a read: allowed on a read-only connection, while a change through the same client is refused', async () => {
		const client = await clients.cloudwatch();
		const {PutMetricDataCommand} = await import('@aws-sdk/client-cloudwatch');
		await assert.rejects(client.send(new PutMetricDataCommand({Namespace: 'X', MetricData: [{MetricName: 'm', Value: 1}]})), ReadOnlyError);
		assert.equal(await clients.cloudwatch(), client, 'one client per connection');
	});
});

describe('emulator: GetMetricData periods over one-minute aggregates', () => {
	const ctx = {region: 'us-east-1', accountId: '123456789012', requestId: 'r'};
	const metric = {namespace: NS, metricName: 'TextMessageMonthlySpend', dimensions: []};
	const t0 = Date.UTC(2026, 4, 1, 10, 0);
	const store = new MetricStore();
	// Month-to-date after sends at 10:00:10, 10:00:50, 10:02:30 and 10:07:00.
	for (const [offset, value] of [[10_000, 1], [50_000, 2], [150_000, 3.5], [420_000, 4]] as const) store.putSample('us-east-1', metric, t0 + offset, value, 'None');
	const query = (stat: string, period: number) => [{Id: 'q', MetricStat: {Metric: {Namespace: NS, MetricName: metric.metricName}, Period: period, Stat: stat}}];
	const run = (stat: string, period: number, extra: object = {}) =>
		getMetricData(store, {MetricDataQueries: query(stat, period), StartTime: t0 / 1000, EndTime: (t0 + 600_000) / 1000, ...extra}, ctx);

	test('five-minute Maximum: one datapoint per period with samples, newest first, stamped with the period’s start', () => {
		const out = run('Maximum', 300);
		assert.deepEqual(out.MetricDataResults[0].Timestamps, [(t0 + 300_000) / 1000, t0 / 1000]);
		assert.deepEqual(out.MetricDataResults[0].Values, [4, 3.5]);
	});

	test('Average, Sum and SampleCount combine the samples of each period; oldest first with ScanBy', () => {
		assert.deepEqual(run('SampleCount', 300, {ScanBy: 'TimestampAscending'}).MetricDataResults[0].Values, [3, 1]);
		assert.deepEqual(run('Sum', 300, {ScanBy: 'TimestampAscending'}).MetricDataResults[0].Values, [6.5, 4]);
		assert.deepEqual(run('Average', 60, {ScanBy: 'TimestampAscending'}).MetricDataResults[0].Values, [1.5, 3.5, 4]);
	});

	test('EndTime is exclusive and StartTime counts from its whole minute', () => {
		const out = getMetricData(store, {MetricDataQueries: query('Maximum', 60), StartTime: (t0 + 30_000) / 1000, EndTime: (t0 + 420_000) / 1000}, ctx);
		assert.deepEqual(out.MetricDataResults[0].Values, [3.5, 2]);
	});

	test('pages of MaxDatapoints: PartialData until the last page', () => {
		const first = run('Maximum', 60, {MaxDatapoints: 2});
		assert.deepEqual([first.MetricDataResults[0].Values, first.MetricDataResults[0].StatusCode], [[4, 3.5], 'PartialData']);
		const second = run('Maximum', 60, {MaxDatapoints: 2, NextToken: first.NextToken});
		assert.deepEqual([second.MetricDataResults[0].Values, second.MetricDataResults[0].StatusCode, second.NextToken], [[2], 'Complete', undefined]);
	});

	test('samples older than 15 months are dropped as new ones arrive', () => {
		const old = new MetricStore();
		old.putSample('us-east-1', metric, t0, 1, 'None');
		old.putSample('us-east-1', metric, t0 + 456 * 86400_000, 2, 'None');
		assert.deepEqual(old.find('us-east-1', metric)!.points.map(p => p.max), [2]);
	});
});
