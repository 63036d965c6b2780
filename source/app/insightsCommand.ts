// The argument of `:insights`: "[<config-set>] [--window 15m|1h|24h|7d]".
import {INSIGHTS_WINDOWS, findWindow} from '../domain/insightsQueries.js';
import type {Route} from './state.js';

export type InsightsCommand = {ok: true; route: Extract<Route, {name: 'insights'}>} | {ok: false; reason: string};

const WINDOW_NAMES = INSIGHTS_WINDOWS.map(w => w.label).join(', ');

export function parseInsightsCommand(arg: string | undefined): InsightsCommand {
	const words = (arg ?? '').trim().split(/\s+/).filter(Boolean);
	const route: Extract<Route, {name: 'insights'}> = {name: 'insights'};
	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		if (word === '--window' || word.startsWith('--window=')) {
			const value = word.includes('=') ? word.slice(word.indexOf('=') + 1) : words[++i];
			const window = value ? findWindow(value) : undefined;
			if (!window) return {ok: false, reason: `:insights --window takes ${WINDOW_NAMES}${value ? `, not "${value}"` : ''}`};
			route.window = window.label;
		} else if (word.startsWith('--')) {
			return {ok: false, reason: `:insights takes --window, not ${word}`};
		} else if (route.configSet === undefined) {
			route.configSet = word;
		} else {
			return {ok: false, reason: 'Usage: :insights [<config-set>] [--window 15m|1h|24h|7d]'};
		}
	}
	return {ok: true, route};
}
