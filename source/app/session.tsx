// The connection the console talks to (profile, Region, endpoint) and what hangs off it: SDK clients,
// the shared rate limiter, health, the resource cache. Views get data through useResource only.
import React, {createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore} from 'react';
import {connectionKey, createClients, destroyClients, type Clients, type Connection} from '../services/clients.js';
import {RateLimiter} from '../services/rateLimiter.js';
import {Health, type HealthState} from '../services/health.js';
import type {ServiceErrorInfo} from '../services/errors.js';
import type {Resolution} from '../services/resolver.js';
import type {CallTimeouts} from '../services/timeouts.js';
import {ResourceStore, type Loader, type ResourceState} from './resourceStore.js';

export class Session {
	readonly limiter = new RateLimiter();
	readonly health = new Health();
	readonly store: ResourceStore;
	private clients = new Map<string, Promise<Clients>>();
	private credentials = new Map<string, unknown>();

	constructor(
		onError: (key: string, error: ServiceErrorInfo) => void,
		private readonly mfaCodeProvider?: (serial: string) => Promise<string>,
		/** Per-call limits (--timeout caps them); the defaults of services/timeouts.ts otherwise. */
		private readonly timeouts?: CallTimeouts,
	) {
		this.store = new ResourceStore(onError);
	}

	clientsFor(connection: Connection): Promise<Clients> {
		const key = connectionKey(connection);
		let clients = this.clients.get(key);
		if (!clients) {
			clients = createClients(connection, {
				limiter: this.limiter,
				health: this.health,
				mfaCodeProvider: this.mfaCodeProvider,
				credentialCache: this.credentials,
				timeouts: this.timeouts,
			});
			this.clients.set(key, clients);
		}
		return clients;
	}

	close(): void {
		for (const c of this.clients.values()) void c.then(destroyClients, () => {});
		this.clients.clear();
	}
}

interface SessionValue {
	session: Session;
	connection: Connection;
	/** How the connection was resolved (sources of profile, Region, endpoints …), when the resolver made it. */
	resolution?: Resolution;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export function SessionProvider({
	session,
	connection,
	resolution,
	children,
}: {
	session: Session;
	connection: Connection;
	resolution?: Resolution;
	children: React.ReactNode;
}) {
	const value = useMemo(() => ({session, connection, resolution}), [session, connection, resolution]);
	return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
	const value = useContext(SessionContext);
	if (!value) throw new Error('SessionProvider is missing');
	return value;
}

export interface UseResource<T> extends ResourceState<T> {
	refresh(): void;
	/** Milliseconds since the data was fetched. */
	age?: number;
}

/**
 * Data for `resource` on the current connection: loaded on first use, cached, refreshed on demand.
 * The loader gets the clients for the connection the view was showing when it asked.
 */
export function useResource<T>(resource: string | undefined, loader: (clients: Clients, ctx: Parameters<Loader<T>>[0]) => Promise<T>): UseResource<T> {
	const {session, connection} = useSession();
	const key = resource ? `${connectionKey(connection)}#${resource}` : '';
	const getSnapshot = useCallback(() => session.store.get<T>(key), [session, key]);
	const state = useSyncExternalStore(session.store.subscribe, getSnapshot, getSnapshot);
	const run = useCallback(
		(force: boolean) => {
			if (!resource) return;
			session.store.load<T>(key, async ctx => loader(await session.clientsFor(connection), ctx), {force});
		},
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[session, key],
	);
	useEffect(() => run(false), [run]);
	return {...state, refresh: () => run(true), age: state.fetchedAt ? Date.now() - state.fetchedAt : undefined};
}

export function useHealth(): HealthState {
	const {session} = useSession();
	return useSyncExternalStore(session.health.subscribe, session.health.get, session.health.get);
}
