// The insights run behind a view: starts the dashboard's Logs Insights queries on the current connection, hands
// the view each change (partial statistics included), and stops the queries still running when the view closes,
// the window changes or a refresh starts anew (services/insightsService.ts does the StopQuery).
import {useCallback, useEffect, useState} from 'react';
import {useSession} from './session.js';
import {isAbort, plannedRun, runInsights, type InsightsRun} from '../services/insightsService.js';
import type {InsightsWindow} from '../domain/insightsQueries.js';

export interface UseInsights {
	run?: InsightsRun;
	/** Why the run could not start (no clients); a panel's own failure is in its PanelRun. */
	error?: string;
	/** Starts again with the window ending now. */
	refresh(): void;
}

export function useInsights(logGroup: string | undefined, window: InsightsWindow): UseInsights {
	const {session, connection} = useSession();
	const [run, setRun] = useState<InsightsRun | undefined>(undefined);
	const [error, setError] = useState<string | undefined>(undefined);
	const [generation, setGeneration] = useState(0);
	const refresh = useCallback(() => setGeneration(g => g + 1), []);

	useEffect(() => {
		if (!logGroup) return;
		const controller = new AbortController();
		const now = Date.now();
		setRun(plannedRun({connection}, {logGroup, window, now}));
		setError(undefined);
		void session.clientsFor(connection).then(
			clients =>
				runInsights(clients, {logGroup, window, now, signal: controller.signal}, r => {
					if (!controller.signal.aborted) setRun(r);
				}).catch((e: Error) => {
					if (!isAbort(e) && !controller.signal.aborted) setError(e.message);
				}),
			(e: Error) => setError(e.message),
		);
		return () => controller.abort();
	}, [logGroup, window, generation, session, connection]);

	return {run, error, refresh};
}
