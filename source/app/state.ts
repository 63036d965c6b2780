// The console's state: where you are (a stack of screens), what is open on top, and session facts.
// A plain reducer; views read it and dispatch, nothing else writes it.
import type {Connection} from '../services/clients.js';
import type {Resolution} from '../services/resolver.js';
import {refName, type ResourceRef} from '../domain/resourceRef.js';
import type {InsightsDimension, InsightsWindowLabel} from '../domain/insightsQueries.js';

export type Route =
	| {name: 'regions'}
	| {name: 'overview'}
	| {name: 'relations'; subject: ResourceRef}
	| {name: 'raw'; subject: ResourceRef}
	| {name: 'account'}
	| {name: 'pools'}
	| {name: 'poolIdentities'; poolId: string}
	| {name: 'numbers'}
	| {name: 'number'; id: string}
	| {name: 'senderIds'}
	| {name: 'senderId'; senderId: string; country: string}
	| {name: 'configSets'}
	| {name: 'configSet'; configSet: string}
	| {name: 'optOutLists'}
	| {name: 'optedOutNumbers'; list: string}
	| {name: 'verified'}
	| {name: 'registrations'}
	| {name: 'registration'; id: string}
	| {name: 'protect'}
	| {name: 'protectConfig'; id: string}
	| {name: 'push'}
	/** One push application and its channels; label: its name, for the breadcrumbs. */
	| {name: 'pushApp'; id: string; label?: string}
	| {name: 'simulator'}
	| {name: 'send'; origination?: string; destination?: string}
	| {name: 'keywords'; origination: string}
	| {name: 'help'}
	| {name: 'errors'}
	| {name: 'audit'}
	| {name: 'insights'; configSet?: string; window?: InsightsWindowLabel}
	/** cell: open with the breakdown's filter on (the messages whose final event has that value). */
	| {name: 'tail'; configSet?: string; logGroup?: string; destination?: string; since?: string; cell?: {dimension: InsightsDimension; value: string}};

/** How a screen is named in the breadcrumbs. */
export function routeTitle(route: Route): string {
	switch (route.name) {
		case 'regions':
			return 'Regions';
		case 'overview':
			return 'Overview';
		case 'relations':
			return `Relations ${refName(route.subject)}`;
		case 'raw':
			return `Raw ${refName(route.subject)}`;
		case 'account':
			return 'Account';
		case 'pools':
			return 'Pools';
		case 'poolIdentities':
			return route.poolId;
		case 'numbers':
			return 'Phone numbers';
		case 'number':
			return route.id;
		case 'senderIds':
			return 'Sender IDs';
		case 'senderId':
			return `${route.senderId} (${route.country})`;
		case 'configSets':
			return 'Configuration sets';
		case 'configSet':
			return route.configSet;
		case 'optOutLists':
			return 'Opt-out lists';
		case 'optedOutNumbers':
			return route.list;
		case 'registrations':
			return 'Registrations';
		case 'registration':
			return route.id;
		case 'protect':
			return 'Protect configurations';
		case 'protectConfig':
			return route.id;
		case 'push':
			return 'Push applications';
		case 'pushApp':
			return route.label ?? route.id;
		case 'verified':
			return 'Verified numbers';
		case 'simulator':
			return 'Simulator';
		case 'send':
			return 'Test send';
		case 'keywords':
			return `Keywords of ${route.origination}`;
		case 'help':
			return 'Help';
		case 'errors':
			return 'Error log';
		case 'audit':
			return 'Applied changes';
		case 'tail':
			return `Tail ${route.configSet ?? route.logGroup ?? ''}`.trim();
		case 'insights':
			return `Insights ${route.configSet ?? ''}`.trim();
	}
}

export type RouteName = Route['name'];

export interface ErrorEntry {
	time: number;
	source: string;
	message: string;
	requestId?: string;
}

/** A change applied in this session (the :audit view). */
export interface AuditEntry {
	time: number;
	region: string;
	profile?: string;
	/** What changed, in words, and its values before and after. */
	what: string;
	before: string;
	after: string;
	requestId?: string;
}

export interface Toast {
	id: number;
	text: string;
	kind: 'info' | 'ok' | 'warn' | 'error';
	/** The screen it was raised on: it goes when that screen is left. */
	screen?: Route;
}

export interface AppState {
	stack: Route[];
	overlay?: 'help' | 'errors' | 'audit';
	bar?: 'command' | 'filter';
	/**
	 * Filter text per screen on the stack (by the route object: a screen opened afresh is a new object, so it
	 * starts unfiltered; going back finds the filter it had).
	 */
	filters: Map<Route, string>;
	region: string;
	/** Where the Region came from (--region, AWS_REGION, profile x, :region, last used …). */
	regionSource?: string;
	profile?: string;
	account?: string;
	endpoint?: string;
	local: boolean;
	readOnly: boolean;
	/** The rest of the connection the resolver decided: credentials, configured endpoints, CA bundle. */
	link?: Pick<Connection, 'credentials' | 'configuredEndpoints' | 'caBundle'>;
	/** How the connection was resolved, for the header and the account screen. */
	resolution?: Resolution;
	toast?: Toast;
	errors: ErrorEntry[];
	/** Changes applied in this session, oldest first (:audit). */
	audit?: AuditEntry[];
	history: string[];
}

export type AppAction =
	| {type: 'push'; route: Route}
	| {type: 'back'}
	| {type: 'goto'; route: Route}
	| {type: 'overlay'; overlay?: 'help' | 'errors' | 'audit'}
	| {type: 'bar'; bar?: 'command' | 'filter'}
	| {type: 'filter'; text: string}
	| {type: 'region'; region: string; source?: string}
	| {type: 'resolved'; resolution: Resolution}
	| {type: 'account'; account?: string}
	| {type: 'toast'; text: string; kind?: Toast['kind']}
	| {type: 'clearToast'; id: number}
	| {type: 'error'; entry: ErrorEntry}
	| {type: 'audit'; entry: AuditEntry}
	| {type: 'history'; line: string};

const MAX_ERRORS = 500;
const MAX_HISTORY = 100;
let toastIds = 0;

export function currentRoute(state: AppState): Route {
	return state.stack[state.stack.length - 1];
}

/**
 * The state with another stack: filters of screens no longer on it are forgotten, and a toast raised on a screen
 * that is no longer on top goes with it.
 */
function withStack(state: AppState, stack: Route[]): AppState {
	const filters = new Map([...state.filters].filter(([route]) => stack.includes(route)));
	const top = stack[stack.length - 1];
	const toast = state.toast?.screen && state.toast.screen !== top ? undefined : state.toast;
	return {...state, stack, filters, toast};
}

export function appReducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'push':
			// A screen opened from another: a new object, so a fresh cursor and filter (see filters).
			return {...withStack(state, [...state.stack, {...action.route}]), overlay: undefined, bar: undefined};
		case 'back':
			if (state.overlay) return {...state, overlay: undefined};
			if (state.stack.length <= 1) return state;
			return withStack(state, state.stack.slice(0, -1));
		case 'goto': {
			// A `:` command (as in k9s): the stack becomes the Region root and the named screen, opened afresh.
			// The root keeps its memory unless it is the screen named (`:regions` opens Regions afresh).
			const fresh = {...action.route};
			const root = state.stack[0]?.name === 'regions' ? state.stack[0] : ({name: 'regions'} as Route);
			const stack = fresh.name === 'regions' ? [fresh] : [root, fresh];
			return {...withStack(state, stack), overlay: undefined, bar: undefined};
		}
		case 'overlay':
			return {...state, overlay: state.overlay === action.overlay ? undefined : action.overlay, bar: undefined};
		case 'bar':
			return {...state, bar: action.bar};
		case 'filter': {
			const filters = new Map(state.filters);
			filters.set(currentRoute(state), action.text);
			return {...state, filters};
		}
		case 'region':
			return {...state, region: action.region, regionSource: action.source ?? ':region', account: state.account};
		case 'resolved': {
			// Another profile may be another account: forget the account until the new identity is known.
			const {connection, region, readOnly} = action.resolution;
			return {
				...state,
				profile: connection.profile,
				region: connection.region,
				regionSource: region.source,
				readOnly: readOnly.value,
				link: {credentials: connection.credentials, configuredEndpoints: connection.configuredEndpoints, caBundle: connection.caBundle},
				resolution: action.resolution,
				account: state.profile === connection.profile ? state.account : undefined,
			};
		}
		case 'account':
			return {...state, account: action.account};
		case 'toast':
			return {...state, toast: {id: ++toastIds, text: action.text, kind: action.kind ?? 'info', screen: currentRoute(state)}};
		case 'clearToast':
			return state.toast?.id === action.id ? {...state, toast: undefined} : state;
		case 'error': {
			const errors = [...state.errors, action.entry];
			return {
				...state,
				errors: errors.length > MAX_ERRORS ? errors.slice(-MAX_ERRORS) : errors,
				toast: {id: ++toastIds, text: action.entry.message, kind: 'error', screen: currentRoute(state)},
			};
		}
		case 'audit': {
			// An applied change: in :audit, not in the error log.
			const audit = [...(state.audit ?? []), action.entry];
			return {...state, audit: audit.length > MAX_ERRORS ? audit.slice(-MAX_ERRORS) : audit};
		}
		case 'history': {
			const line = action.line.trim();
			if (!line) return state;
			const history = [...state.history.filter(h => h !== line), line];
			return {...state, history: history.slice(-MAX_HISTORY)};
		}
	}
}
