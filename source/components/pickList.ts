// A picker's state, pure: a filter typed by the person and the option chosen among those that match it
// (case-insensitive substring). Knows nothing of SMS; the form and the simulator render it.
import {lineEditor, type LineAction, type LineState} from './lineEditor.js';

export interface PickState {
	/** What was typed to narrow the options. */
	query: LineState;
	/** The option last chosen (kept while it still matches). */
	selected: string;
}

export function pickStart(initial: string): PickState {
	return {query: {text: '', cursor: 0}, selected: initial};
}

/** The options that match the filter, in their order. */
export function pickMatches(options: readonly string[], query: string): string[] {
	const q = query.trim().toLowerCase();
	return q ? options.filter(o => o.toLowerCase().includes(q)) : [...options];
}

/**
 * The value the picker stands on: the chosen option while it matches, else the first match, else ''. With no
 * options at all (still loading, or none in the Region) the initial value is kept.
 */
export function pickValue(state: PickState, options: readonly string[]): string {
	if (options.length === 0) return state.selected;
	const matches = pickMatches(options, state.query.text);
	return matches.includes(state.selected) ? state.selected : (matches[0] ?? '');
}

/** The next or previous match. */
export function pickStep(state: PickState, options: readonly string[], step: 1 | -1): PickState {
	const matches = pickMatches(options, state.query.text);
	if (matches.length === 0) return state;
	const at = matches.indexOf(pickValue(state, options));
	return {...state, selected: matches[(at + step + matches.length) % matches.length]};
}

/** Edits the filter; the choice moves to the first match when the old one no longer matches. */
export function pickEdit(state: PickState, options: readonly string[], action: LineAction): PickState {
	const query = lineEditor(state.query, action);
	const next = {...state, query};
	return {...next, selected: pickValue(next, options) || state.selected};
}

/** "2 of 5 match" / "no match" / "5 to choose from", for the hint beside the value. */
export function pickSummary(state: PickState, options: readonly string[]): string {
	if (options.length === 0) return 'none loaded';
	const matches = pickMatches(options, state.query.text);
	if (matches.length === 0) return `no match for "${state.query.text}"`;
	const at = matches.indexOf(pickValue(state, options)) + 1;
	return `${at} of ${matches.length}${state.query.text ? ` matching "${state.query.text}"` : ''}`;
}
