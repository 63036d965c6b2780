// Counts of phone numbers, pools and sender IDs in every Region, fetched concurrently (a few Regions at a
// time; the shared limiter paces per Region and operation) and cached per (profile, Region, endpoint). A Region that
// does not answer shows as an error cell, not as an error log entry per Region.
import {useCallback, useEffect, useReducer} from 'react';
import {useSession} from '../app/session.js';
import {connectionKey, type Clients} from '../services/clients.js';
import {listPhoneNumbers} from '../services/numbersService.js';
import {listPools} from '../services/poolsService.js';
import {listSenderIds} from '../services/senderIdsService.js';
import {describeServiceError} from '../services/errors.js';
import {partitionOf} from '../domain/regions.js';

export type CountKind = 'numbers' | 'pools' | 'senderIds';

export type CountCell =
	| {state: 'loading'}
	| {state: 'done'; count: number}
	| {state: 'error'; message: string; code?: string}
	/** Not asked: the Region is in another partition, where these credentials cannot sign. */
	| {state: 'skipped'; reason: 'other partition'};

interface CountResult {
	count?: number;
	error?: string;
	code?: string;
}

type Counter = (clients: Clients, signal: AbortSignal, onPage?: (rows: unknown[]) => void) => Promise<unknown[]>;

const COUNTERS: Record<CountKind, Counter> = {
	numbers: (clients, signal, onPage) => listPhoneNumbers(clients, {signal, onPage: onPage && (rows => onPage([...rows]))}),
	pools: (clients, signal, onPage) => listPools(clients, {signal, onPage: onPage && (rows => onPage([...rows]))}),
	senderIds: (clients, signal, onPage) => listSenderIds(clients, {signal, onPage: onPage && (rows => onPage([...rows]))}),
};

const KINDS = Object.keys(COUNTERS) as CountKind[];

/** The resource keys the list screens use: in the Region in use, counting IS loading the list, shared. */
const VIEW_RESOURCE: Record<CountKind, string> = {numbers: 'numbers', pools: 'pools', senderIds: 'sender-ids'};

const REDRAW_MS = 100;
const REGIONS_AT_ONCE = 4;

/** Returns a reader for the count of `kind` in `region`, and a refresh for all of them. */
export function useRegionCounts(regions: readonly string[]): {count(region: string, kind: CountKind): CountCell; refresh(): void} {
	const {session, connection} = useSession();
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	// 29 Regions × 3 counts arrive one by one: redraw at most every REDRAW_MS, not once per answer, so the
	// console stays responsive to keys while they come in.
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const unsubscribe = session.store.subscribe(() => {
			timer ??= setTimeout(() => {
				timer = undefined;
				rerender();
			}, REDRAW_MS);
		});
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [session]);
	const keyFor = useCallback(
		(region: string, kind: CountKind) => `${connectionKey({...connection, region})}#count/${kind}`,
		[connection],
	);
	const load = useCallback(
		(force: boolean) => {
			// The Region in use first, then the rest, a few Regions at a time: all of them at once would keep the
			// process busy parsing answers (in-process with --local) and make the first keystrokes lag.
			const home = partitionOf(connection.region);
			const queue = [connection.region, ...regions.filter(r => r !== connection.region && partitionOf(r) === home)];
			const next = async (): Promise<void> => {
				const region = queue.shift();
				if (region === undefined) return;
				const regional = {...connection, region};
				await Promise.all(
					KINDS.map(
						kind =>
							new Promise<void>(resolve => {
								// In the Region in use, the count comes from the very list the screen shows (same cache
								// entry), so opening :numbers after the Regions screen costs nothing.
								if (region === connection.region) {
									const key = `${connectionKey(connection)}#${VIEW_RESOURCE[kind]}`;
									session.store.load<unknown[]>(
										key,
										async ctx => {
											try {
												return await COUNTERS[kind](await session.clientsFor(regional), ctx.signal, rows => ctx.partial(rows));
											} finally {
												resolve();
											}
										},
										{force},
									);
									if (!session.store.get(key).loading) resolve();
									return;
								}
								const key = keyFor(region, kind);
								session.store.load<CountResult>(
									key,
									async ctx => {
										try {
											const rows = await COUNTERS[kind](await session.clientsFor(regional), ctx.signal);
											return {count: rows.length};
										} catch (error) {
											const info = describeServiceError(error);
											return {error: info.message, code: info.code};
										} finally {
											resolve();
										}
									},
									{force},
								);
								// Already cached (or loading elsewhere): nothing to wait for.
								if (!session.store.get(key).loading) resolve();
							}),
					),
				);
				return next();
			};
			for (let i = 0; i < REGIONS_AT_ONCE; i++) void next();
		},
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[session, connection, keyFor, regions.join(',')],
	);
	useEffect(() => load(false), [load]);
	const count = (region: string, kind: CountKind): CountCell => {
		if (region === connection.region) {
			const list = session.store.get<unknown[]>(`${connectionKey(connection)}#${VIEW_RESOURCE[kind]}`);
			if (list.fetchedAt !== undefined && list.data) return {state: 'done', count: list.data.length};
			if (list.error) return {state: 'error', message: list.error.message, code: list.error.code};
			return {state: 'loading'};
		}
		if (partitionOf(region) !== partitionOf(connection.region)) return {state: 'skipped', reason: 'other partition'};
		const entry = session.store.get<CountResult>(keyFor(region, kind));
		if (entry.data?.error !== undefined) return {state: 'error', message: entry.data.error, code: entry.data.code};
		if (entry.data?.count !== undefined) return {state: 'done', count: entry.data.count};
		if (entry.error) return {state: 'error', message: entry.error.message};
		return {state: 'loading'};
	};
	return {count, refresh: () => load(true)};
}
