// GetMetricData over the metric store: MetricStat queries (SampleCount, Average, Sum, Minimum, Maximum), one
// datapoint per period that has samples, newest or oldest first, paginated by MaxDatapoints with NextToken.
// Metric math expressions are refused (the emulator evaluates none).
import type {RequestContext} from '../types.js';
import {invalidCombination, invalidNextToken, invalidParameter, missingParameter} from './errors.js';
import {firstAtOrAfter, MINUTE_MS, type Aggregate, type MetricStore} from './store.js';
import {decodePageToken, encodePageToken} from './pageToken.js';

/** Service limits (CloudWatch quotas): queries per call, datapoints per answer. */
export const MAX_QUERIES = 500;
export const MAX_DATAPOINTS = 100_800;

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
type Statistic = (typeof STATISTICS)[number];

const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

interface Dimension {
	Name: string;
	Value: string;
}

interface MetricDataQueryInput {
	Id: string;
	MetricStat?: {Metric: {Namespace?: string; MetricName?: string; Dimensions?: Dimension[]}; Period: number; Stat: string; Unit?: string};
	Expression?: string;
	Label?: string;
	ReturnData?: boolean;
	AccountId?: string;
}

export interface GetMetricDataInput {
	MetricDataQueries: MetricDataQueryInput[];
	StartTime: number;
	EndTime: number;
	NextToken?: string;
	ScanBy?: 'TimestampDescending' | 'TimestampAscending';
	MaxDatapoints?: number;
}

interface Datapoint {
	t: number;
	value: number;
}

function statistic(points: Aggregate[], stat: Statistic): number {
	const n = points.reduce((a, p) => a + p.n, 0);
	const sum = points.reduce((a, p) => a + p.sum, 0);
	switch (stat) {
		case 'SampleCount':
			return n;
		case 'Sum':
			return sum;
		case 'Average':
			return sum / n;
		case 'Minimum':
			return points.reduce((a, p) => Math.min(a, p.min), Infinity);
		case 'Maximum':
			return points.reduce((a, p) => Math.max(a, p.max), -Infinity);
	}
}

function validPeriod(period: number): boolean {
	return [1, 5, 10, 20, 30].includes(period) || period % 60 === 0;
}

/** Refuses what the service refuses before it reads any data. */
function checkQueries(input: GetMetricDataInput): void {
	const queries = input.MetricDataQueries;
	if (queries.length === 0) throw missingParameter('The parameter MetricDataQueries must contain at least one query.');
	if (queries.length > MAX_QUERIES) throw invalidParameter(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
	if (!(input.StartTime < input.EndTime)) throw invalidParameter('The parameter StartTime must be less than the parameter EndTime.');
	if (input.MaxDatapoints !== undefined && input.MaxDatapoints < 1) throw invalidParameter('The parameter MaxDatapoints must be greater than 0.');
	const seen = new Set<string>();
	queries.forEach((q, i) => {
		const where = `MetricDataQueries.member.${i + 1}`;
		if (!QUERY_ID.test(q.Id)) throw invalidParameter(`The value ${q.Id} for parameter ${where}.Id is not valid: an Id starts with a lowercase letter and has only letters, digits and underscores.`);
		if (seen.has(q.Id)) throw invalidParameter(`The values for parameter Id in MetricDataQueries are not unique: ${q.Id}.`);
		seen.add(q.Id);
		if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
			throw invalidCombination(`Exactly one of MetricStat and Expression must be set in ${where}.`);
		}
		if (q.Expression !== undefined) throw invalidParameter(`${where}.Expression: metric math expressions are not supported by the smsdeck emulator; use MetricStat.`);
		const stat = q.MetricStat!;
		if (stat.Metric.Namespace === undefined) throw missingParameter(`The parameter ${where}.MetricStat.Metric.Namespace is required.`);
		if (stat.Metric.MetricName === undefined) throw missingParameter(`The parameter ${where}.MetricStat.Metric.MetricName is required.`);
		if (!validPeriod(stat.Period)) throw invalidParameter(`The parameter ${where}.MetricStat.Period must be 1, 5, 10, 20, 30, 60 or a multiple of 60.`);
		if (!(STATISTICS as readonly string[]).includes(stat.Stat)) {
			throw invalidParameter(`The value ${stat.Stat} for parameter ${where}.MetricStat.Stat is not supported by the smsdeck emulator (${STATISTICS.join(', ')}).`);
		}
	});
}

/** The datapoints of one query: periods counted from StartTime (whole minute), oldest first. */
function datapoints(store: MetricStore, region: string, q: MetricDataQueryInput, startMs: number, endMs: number): Datapoint[] {
	const stat = q.MetricStat!;
	const series = store.find(region, {namespace: stat.Metric.Namespace!, metricName: stat.Metric.MetricName!, dimensions: stat.Metric.Dimensions ?? []});
	if (!series || (stat.Unit !== undefined && stat.Unit !== series.unit)) return [];
	const periodMs = stat.Period * 1000;
	const origin = Math.floor(startMs / MINUTE_MS) * MINUTE_MS;
	const out: Datapoint[] = [];
	let i = firstAtOrAfter(series.points, origin);
	while (i < series.points.length && series.points[i].t < endMs) {
		const windowStart = origin + Math.floor((series.points[i].t - origin) / periodMs) * periodMs;
		const inWindow: Aggregate[] = [];
		while (i < series.points.length && series.points[i].t < Math.min(windowStart + periodMs, endMs)) inWindow.push(series.points[i++]);
		out.push({t: windowStart, value: statistic(inWindow, stat.Stat as Statistic)});
	}
	return out;
}

/** A fingerprint of what a NextToken continues: the same queries, times and order. */
function requestKey(input: GetMetricDataInput): string {
	return JSON.stringify([input.MetricDataQueries, input.StartTime, input.EndTime, input.ScanBy ?? 'TimestampDescending']);
}

export function getMetricData(store: MetricStore, input: GetMetricDataInput, ctx: RequestContext) {
	checkQueries(input);
	const offset = input.NextToken === undefined ? 0 : decodePageToken(input.NextToken, requestKey(input), invalidNextToken);
	const pageSize = Math.min(input.MaxDatapoints ?? MAX_DATAPOINTS, MAX_DATAPOINTS);
	const descending = (input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending';
	const startMs = input.StartTime * 1000;
	const endMs = input.EndTime * 1000;
	const returned = input.MetricDataQueries.filter(q => q.ReturnData !== false);
	// Datapoints are paged in query order: the page is a window [offset, offset + pageSize) over all of them.
	let before = 0;
	let total = 0;
	const results = returned.map(q => {
		const label = q.Label ?? q.MetricStat!.Metric.MetricName!;
		if (q.AccountId !== undefined && q.AccountId !== ctx.accountId) {
			return {Id: q.Id, Label: label, Timestamps: [], Values: [], StatusCode: 'Forbidden'};
		}
		const points = datapoints(store, ctx.region, q, startMs, endMs);
		if (descending) points.reverse();
		const from = Math.max(0, offset - before);
		const to = Math.max(from, Math.min(points.length, offset + pageSize - before));
		before += points.length;
		total += points.length;
		const page = points.slice(from, to);
		return {
			Id: q.Id,
			Label: label,
			Timestamps: page.map(p => p.t / 1000),
			Values: page.map(p => p.value),
			StatusCode: to < points.length ? 'PartialData' : 'Complete',
		};
	});
	const next = offset + pageSize < total ? encodePageToken(offset + pageSize, requestKey(input)) : undefined;
	return {MetricDataResults: results, Messages: [], ...(next ? {NextToken: next} : {})};
}
