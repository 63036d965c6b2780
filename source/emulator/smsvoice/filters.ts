// The Describe*/List* Filters: every filter must match (AND); a filter matches when the record's
// value (or any of its values) equals one of the filter's Values (OR). Booleans compare as
// "true"/"false", case-insensitively.
import {validation} from './errors.js';

export interface Filter {
	Name: string;
	Values: string[];
}

export type FilterValue = string | boolean | undefined | readonly string[];
export type FilterGetters<T> = Record<string, (item: T) => FilterValue>;

function normalise(value: string | boolean): string {
	return String(value).toLowerCase();
}

export function applyFilters<T>(items: readonly T[], filters: Filter[] | undefined, getters: FilterGetters<T>): T[] {
	if (!filters || filters.length === 0) return items as T[];
	for (const f of filters) {
		if (!getters[f.Name]) throw validation('INVALID_FILTER_VALUES', `Unsupported filter name ${f.Name}.`, 'Filters');
	}
	return items.filter(item =>
		filters.every(f => {
			const raw = getters[f.Name](item);
			if (raw === undefined) return false;
			const have = (Array.isArray(raw) ? raw : [raw as string | boolean]).map(normalise);
			return f.Values.some(v => have.includes(normalise(v)));
		}),
	);
}
