// Small display helpers shared by the resource screens (pure; no React).
import {formatTime} from '../domain/format.js';

export const yesNo = (b: boolean | undefined) => (b ? 'yes' : 'no');

/** SDK timestamps (Date) as local "YYYY-MM-DD HH:MM:SS"; missing → "". */
export function when(d: Date | undefined): string {
	return d ? formatTime(new Date(d).getTime()) : '';
}

/** Sort key for a timestamp column. */
export function whenSort(d: Date | undefined): number {
	return d ? new Date(d).getTime() : 0;
}

/** Monthly lease price as the API gives it ("1.00") → "$1.00"; missing → "". */
export function monthly(price: string | undefined): string {
	return price ? `$${price}` : '';
}
