// Display helpers of the push screens (pure; no React): Pinpoint gives its dates as ISO strings.
import {formatTime} from '../domain/format.js';

/** An ISO date string as local "YYYY-MM-DD HH:MM:SS"; missing or unreadable → "". */
export function pushWhen(iso: string | undefined): string {
	const t = iso ? Date.parse(iso) : Number.NaN;
	return Number.isNaN(t) ? '' : formatTime(t);
}

export function pushWhenSort(iso: string | undefined): number {
	const t = iso ? Date.parse(iso) : Number.NaN;
	return Number.isNaN(t) ? 0 : t;
}
