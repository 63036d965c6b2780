// ListMetrics over the metric store: metrics with data in the last two weeks (RecentlyActive PT3H: three hours),
// filtered by namespace, name and dimensions, 500 a page.
import type {RequestContext} from '../types.js';
import {invalidParameter} from './errors.js';
import {decodePageToken, encodePageToken} from './pageToken.js';
import type {MetricStore, Series} from './store.js';

export const LIST_PAGE_SIZE = 500;
const LISTED_FOR_MS = 14 * 24 * 3600_000;
const RECENTLY_ACTIVE_MS = 3 * 3600_000;

export interface ListMetricsInput {
	Namespace?: string;
	MetricName?: string;
	Dimensions?: {Name: string; Value?: string}[];
	NextToken?: string;
	RecentlyActive?: 'PT3H';
	IncludeLinkedAccounts?: boolean;
	OwningAccount?: string;
}

function matches(series: Series, input: ListMetricsInput, since: number): boolean {
	if (input.Namespace !== undefined && series.namespace !== input.Namespace) return false;
	if (input.MetricName !== undefined && series.metricName !== input.MetricName) return false;
	for (const filter of input.Dimensions ?? []) {
		if (!series.dimensions.some(d => d.Name === filter.Name && (filter.Value === undefined || d.Value === filter.Value))) return false;
	}
	const newest = series.points.at(-1);
	return newest !== undefined && newest.t >= since;
}

export function listMetrics(store: MetricStore, input: ListMetricsInput, ctx: RequestContext, now: number) {
	const {NextToken: token, ...filters} = input;
	const requestKey = JSON.stringify(filters);
	const offset = token === undefined ? 0 : decodePageToken(token, requestKey, () => invalidParameter('The parameter NextToken is not valid for this request.'));
	const since = now - (input.RecentlyActive === 'PT3H' ? RECENTLY_ACTIVE_MS : LISTED_FOR_MS);
	const found =
		input.OwningAccount !== undefined && input.OwningAccount !== ctx.accountId
			? []
			: store
					.inRegion(ctx.region)
					.filter(s => matches(s, input, since))
					.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.metricName.localeCompare(b.metricName));
	const page = found.slice(offset, offset + LIST_PAGE_SIZE);
	const more = offset + LIST_PAGE_SIZE < found.length;
	return {
		Metrics: page.map(s => ({Namespace: s.namespace, MetricName: s.metricName, Dimensions: s.dimensions.map(d => ({Name: d.Name, Value: d.Value}))})),
		...(input.IncludeLinkedAccounts ? {OwningAccounts: page.map(() => ctx.accountId)} : {}),
		...(more ? {NextToken: encodePageToken(offset + LIST_PAGE_SIZE, requestKey)} : {}),
	};
}
