// The tail behind a view: starts the engine on the current connection, feeds a TailModel (outside React) and
// hands the view a snapshot at most ~10 times a second, however fast events arrive.
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useSession} from './session.js';
import {startTail} from '../services/tailEngine.js';
import type {TailHandle, TailHealth, TailSource} from '../services/tailTypes.js';
import {TailModel, type TailModelSnapshot} from '../domain/tailModel.js';
import {limitHeapGrowth} from './heapGrowth.js';

const REDRAW_MS = 100;

export interface UseTail {
	model: TailModel;
	snapshot: TailModelSnapshot;
	health: TailHealth;
	/** Reads the history back to `since` (epoch ms) and merges it in; false when the tail is not running. */
	widen(since: number): Promise<boolean>;
}

export function useTail(source: TailSource | undefined, options: {since?: number; bufferSize: number}): UseTail {
	const {session, connection} = useSession();
	const key = source ? `${source.logGroupIdentifier}|${source.filterPattern ?? ''}|${options.since ?? ''}` : '';
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const model = useMemo(() => new TailModel(options.bufferSize), [key, options.bufferSize]);
	const [snapshot, setSnapshot] = useState(() => model.snapshot());
	const [health, setHealth] = useState<TailHealth>({state: 'connecting', eventsPerSecond: 0, sampled: false});
	const handleRef = useRef<TailHandle | undefined>(undefined);
	const widen = useCallback((since: number) => handleRef.current?.widen(since) ?? Promise.resolve(false), []);

	useEffect(() => {
		if (!source) return;
		let handle: TailHandle | undefined;
		let cancelled = false;
		// Rows arrive and die by the thousand: keep V8 from growing the heap to a multiple of them (heapGrowth.ts).
		const releaseHeap = limitHeapGrowth();
		setSnapshot(model.snapshot());
		void session.clientsFor(connection).then(
			clients => {
				if (cancelled) return;
				handle = startTail(clients, source, {since: options.since}, {events: batch => model.append(batch), older: batch => model.prependOlder(batch), health: setHealth});
				handleRef.current = handle;
				setHealth(handle.health());
			},
			(error: Error) => setHealth({state: 'stopped', eventsPerSecond: 0, sampled: false, stoppedReason: error.message}),
		);
		// Coalesce appends: redraw on a clock, only when something changed.
		let shown = model.currentVersion;
		const timer = setInterval(() => {
			if (model.currentVersion === shown) return;
			shown = model.currentVersion;
			setSnapshot(model.snapshot());
		}, REDRAW_MS);
		return () => {
			cancelled = true;
			releaseHeap();
			clearInterval(timer);
			handle?.stop();
			if (handleRef.current === handle) handleRef.current = undefined;
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [model, session, connection]);

	return {model, snapshot, health, widen};
}
