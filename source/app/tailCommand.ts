// The argument of `:tail`: "<config-set> [--since 5m] [--destination NAME]" or "log-group <name> [--since 5m]".
import {parseSince} from '../domain/duration.js';
import type {Route} from './state.js';

export type TailCommand = {ok: true; route: Extract<Route, {name: 'tail'}>} | {ok: false; reason: string};

export function parseTailCommand(arg: string, now = Date.now()): TailCommand {
	const words = arg.trim().split(/\s+/).filter(Boolean);
	const positional: string[] = [];
	const route: Extract<Route, {name: 'tail'}> = {name: 'tail'};
	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		const eq = word.indexOf('=');
		const flag = word.startsWith('--') ? (eq > 0 ? word.slice(0, eq) : word) : undefined;
		if (flag === undefined) {
			positional.push(word);
			continue;
		}
		const value = eq > 0 ? word.slice(eq + 1) : words[++i];
		if (!value) return {ok: false, reason: `:tail ${flag} needs a value`};
		if (flag === '--since') {
			const since = parseSince(value, now);
			if (!since.ok) return {ok: false, reason: `:tail --since: ${since.reason}`};
			route.since = value;
		} else if (flag === '--destination') {
			route.destination = value;
		} else {
			return {ok: false, reason: `:tail takes --since and --destination, not ${flag}`};
		}
	}
	if (positional[0] === 'log-group') {
		if (positional.length !== 2) return {ok: false, reason: 'Usage: :tail log-group <name>'};
		route.logGroup = positional[1];
	} else {
		if (positional.length !== 1) return {ok: false, reason: 'Usage: :tail <config-set> [--since 5m], or :tail log-group <name>'};
		route.configSet = positional[0];
	}
	return {ok: true, route};
}
