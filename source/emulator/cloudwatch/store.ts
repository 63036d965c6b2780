// The emulator's metric store: samples kept as one-minute aggregates (count, sum, min, max) per metric and
// Region, as CloudWatch keeps standard-resolution metrics, for 15 months. Plain JSON, so --state can save it.
import type {MetricId} from '../types.js';

export const MINUTE_MS = 60_000;
/** CloudWatch keeps metric data 15 months (455 days). */
export const RETENTION_MS = 455 * 24 * 60 * MINUTE_MS;

export interface Aggregate {
	/** Start of the minute (epoch ms). */
	t: number;
	n: number;
	sum: number;
	min: number;
	max: number;
}

export interface Series extends MetricId {
	region: string;
	unit: string;
	/** Oldest first, one per minute that had samples. */
	points: Aggregate[];
}

export interface MetricStoreSnapshot {
	version: 1;
	series: Series[];
}

function sameDimensions(a: MetricId['dimensions'], b: MetricId['dimensions']): boolean {
	if (a.length !== b.length) return false;
	const key = (d: MetricId['dimensions']) => JSON.stringify([...d].sort((x, y) => x.Name.localeCompare(y.Name)).map(x => [x.Name, x.Value]));
	return key(a) === key(b);
}

/** Index of the first aggregate at or after `t` (binary search; aggregates are oldest first). */
export function firstAtOrAfter(points: readonly Aggregate[], t: number): number {
	let lo = 0;
	let hi = points.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (points[mid].t < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export class MetricStore {
	private series: Series[] = [];

	putSample(region: string, metric: MetricId, timestamp: number, value: number, unit: string): void {
		let series = this.find(region, metric);
		if (!series) {
			series = {region, namespace: metric.namespace, metricName: metric.metricName, dimensions: metric.dimensions.map(d => ({...d})), unit, points: []};
			this.series.push(series);
		}
		const t = Math.floor(timestamp / MINUTE_MS) * MINUTE_MS;
		const at = firstAtOrAfter(series.points, t);
		const existing = series.points[at];
		if (existing?.t === t) {
			existing.n++;
			existing.sum += value;
			existing.min = Math.min(existing.min, value);
			existing.max = Math.max(existing.max, value);
		} else series.points.splice(at, 0, {t, n: 1, sum: value, min: value, max: value});
		const expired = firstAtOrAfter(series.points, timestamp - RETENTION_MS);
		if (expired > 0) series.points.splice(0, expired);
	}

	/** The series of exactly this metric (same dimensions, in any order) in `region`. */
	find(region: string, metric: MetricId): Series | undefined {
		return this.series.find(
			s => s.region === region && s.namespace === metric.namespace && s.metricName === metric.metricName && sameDimensions(s.dimensions, metric.dimensions),
		);
	}

	inRegion(region: string): Series[] {
		return this.series.filter(s => s.region === region);
	}

	snapshot(): MetricStoreSnapshot {
		return {version: 1, series: structuredClone(this.series)};
	}

	restore(data: unknown): void {
		const snap = data as Partial<MetricStoreSnapshot> | undefined;
		if (snap === undefined || (typeof snap === 'object' && snap !== null && Object.keys(snap).length === 0)) {
			this.series = [];
			return;
		}
		if (snap === null || snap.version !== 1 || !Array.isArray(snap.series)) throw new Error('not a CloudWatch metrics snapshot (version 1)');
		this.series = structuredClone(snap.series);
	}
}
