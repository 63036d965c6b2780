// The console: header, crumbs, the current screen, status line and footer, sized to the terminal (rows - 1).
import React, {useCallback, useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, useApp, useStdout, useWindowSize} from 'ink';
import {appReducer, currentRoute, routeTitle, type AppState, type Route} from '../app/state.js';
import {Session, SessionProvider, useHealth, useResource, useSession} from '../app/session.js';
import {connectionKey, serviceEndpoints} from '../services/clients.js';
import {redactUrl} from '../services/proxy.js';
import {getIdentity} from '../services/accountService.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {resolveIdentity, type IdentityKind} from '../services/identityResolver.js';
import type {Connection} from '../services/clients.js';
import {COMMAND_ROUTES, loadScreens, RouteView, type RouteContext} from './routes.js';
import type {ViewProps} from '../views/viewProps.js';
import {parseCommandLine} from '../app/commandLine.js';
import {parseTailCommand} from '../app/tailCommand.js';
import {parseInsightsCommand} from '../app/insightsCommand.js';
import {KeypressProvider, Priority, useActiveBindings, useKeypress} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {COMMANDS, type CommandId, type Keymap} from '../input/keymap.js';
import {Header} from '../components/Header.js';
import {MfaPrompt, type MfaRequest} from '../components/MfaPrompt.js';
import {Crumbs} from '../components/Crumbs.js';
import {KeyHints} from '../components/KeyHints.js';
import {StatusLine} from '../components/StatusLine.js';
import {CommandBar} from '../components/CommandBar.js';
import {FilterBar} from '../components/FilterBar.js';
import {ViewMemoryProvider, type MemorySlots} from '../components/viewMemory.js';
import {HelpView} from '../views/HelpView.js';
import {ErrorLogView} from '../views/ErrorLogView.js';
import {AuditView} from '../views/AuditView.js';
import {EditDialog, EditsProvider, useEdits} from '../app/edits.js';
import {CopyDialog, CopyProvider, useCopy} from '../app/copy.js';
import {auditLine, type ApplyReport} from '../app/stagedEdits.js';
import {appendAudit} from '../app/auditFile.js';
import {findRegion} from '../domain/regions.js';
import type {PreferenceStore} from '../config/prefs.js';
import {listProfiles} from '../services/sharedConfig.js';
import {checkRegion} from '../services/partitions.js';
import type {Resolution} from '../services/resolver.js';
import type {CallTimeouts} from '../services/timeouts.js';

export interface AppProps {
	keymap: Keymap;
	prefs: PreferenceStore;
	/** The connection to start on (decided by services/resolver.ts; tests give one directly). */
	initial: Connection & {readOnly: boolean};
	/** How `initial` was resolved: shown in the header and on the account screen. */
	resolution?: Resolution;
	/**
	 * Resolves another profile (:profile): `region` when the user chose one, else the profile's own, else `current`;
	 * rejects with a one-line reason.
	 */
	resolveProfile?: (profile: string, region: string | undefined, current: string) => Promise<Resolution>;
	/** Shown once at start (ignored key overrides, an unreadable preferences file …). */
	warnings?: string[];
	/** Called once when the user quits; the caller restores the terminal. */
	onQuit?: () => void;
	/** Tests may bring their own session. */
	session?: Session;
	/** Per-call time limits of the session's clients (--timeout caps them). */
	timeouts?: CallTimeouts;
}

const TOAST_MS = 4000;
const screenKeys = new WeakMap<Route, number>();
let screenSerial = 0;

export function App(props: AppProps) {
	const [state, dispatch] = useReducer(appReducer, undefined, () => ({
		region: props.initial.region,
		regionSource: props.resolution?.region.source,
		profile: props.initial.profile,
		endpoint: props.initial.endpoint,
		local: props.initial.local,
		readOnly: props.initial.readOnly,
		link: {credentials: props.initial.credentials, configuredEndpoints: props.initial.configuredEndpoints, caBundle: props.initial.caBundle},
		resolution: props.resolution,
		stack: [{name: 'regions'} as Route],
		filters: new Map(),
		errors: [],
		history: [],
	}));
	const onBlocked = useCallback(
		(id: CommandId) =>
			dispatch({type: 'toast', kind: 'warn', text: `Read-only: "${COMMANDS[id].hint}" is disabled — this console was started with --read-only or a readOnlyProfiles match; nothing was sent`}),
		[],
	);
	// Applied changes: a line in :audit (and the audit file when set); refusals: an error entry.
	const onReport = useCallback(
		(report: ApplyReport) => {
			const {edit} = report;
			if (!report.ok) return dispatch({type: 'error', entry: {time: report.time, source: 'change', message: `${edit.what}: ${report.message}`, requestId: report.requestId}});
			dispatch({type: 'audit', entry: {time: report.time, region: edit.connection.region, profile: edit.connection.profile, what: edit.what, before: edit.before, after: edit.after, requestId: report.requestId}});
			const file = props.prefs.get().auditFile;
			const problem = file ? appendAudit(file, auditLine(report)) : undefined;
			if (problem) dispatch({type: 'error', entry: {time: Date.now(), source: 'audit', message: problem}});
		},
		[props.prefs],
	);
	const toast = useCallback((text: string, kind?: 'info' | 'ok' | 'warn' | 'error') => dispatch({type: 'toast', text, kind}), []);
	// One session for the life of the console; every failed call lands in the error log.
	// A profile whose role needs MFA asks here; the prompt takes the footer until answered.
	const [mfa, setMfa] = useState<MfaRequest | undefined>(undefined);
	// Several clients may ask at once (one per Region): one prompt answers every one of them.
	const mfaWaiters = useRef<{resolve(code: string): void; reject(error: Error): void}[]>([]);
	const session = useMemo(
		() =>
			props.session ??
			new Session(
				(key, error) =>
					dispatch({type: 'error', entry: {time: Date.now(), source: key.split('#').pop() ?? key, message: error.message, requestId: error.requestId}}),
				serial =>
					new Promise<string>((resolve, reject) => {
						mfaWaiters.current.push({resolve, reject});
						if (mfaWaiters.current.length > 1) return;
						dispatch({type: 'toast', kind: 'info', text: `The profile needs an MFA code for ${serial}`});
						const settle = (outcome: (w: {resolve(code: string): void; reject(error: Error): void}) => void) => {
							const waiters = mfaWaiters.current;
							mfaWaiters.current = [];
							setMfa(undefined);
							for (const w of waiters) outcome(w);
						};
						setMfa({serial, resolve: code => settle(w => w.resolve(code)), reject: error => settle(w => w.reject(error))});
					}),
				props.timeouts,
			),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[],
	);
	useEffect(() => () => session.close(), [session]);
	const connection = useMemo<Connection>(
		() => ({region: state.region, profile: state.profile, endpoint: state.endpoint, local: state.local, readOnly: state.readOnly, ...state.link}),
		[state.region, state.profile, state.endpoint, state.local, state.readOnly, state.link],
	);
	return (
		<KeypressProvider keymap={props.keymap} readOnly={state.readOnly} onBlocked={onBlocked}>
			<SessionProvider session={session} connection={connection} resolution={state.resolution}>
				<EditsProvider onReport={onReport} toast={toast}>
					<CopyProvider toast={toast} preference={() => props.prefs.get().clipboard}>
						<Shell {...props} state={state} dispatch={dispatch} mfa={mfa} />
					</CopyProvider>
				</EditsProvider>
			</SessionProvider>
		</KeypressProvider>
	);
}

function Shell({
	state,
	dispatch,
	prefs,
	warnings,
	onQuit,
	mfa,
	resolveProfile,
}: AppProps & {state: AppState; dispatch: React.Dispatch<Parameters<typeof appReducer>[1]>; mfa?: MfaRequest}) {
	const {exit} = useApp();
	const {columns, rows} = useWindowSize();
	useRepaintOnResize(columns, rows);
	// The layout needs at least 20×8; a smaller terminal shows its top-left corner of it (see the frame below).
	const width = Math.max(20, columns);
	const height = Math.max(8, rows - 1);
	const mainHeight = height - 4;
	const route = currentRoute(state);
	const filter = state.filters.get(route) ?? '';
	// Each screen on the stack has its own memory (cursor, scroll, sort), kept while the screen is on the stack.
	const memories = useRef(new WeakMap<Route, MemorySlots>());
	let memory = memories.current.get(route);
	if (!memory) memories.current.set(route, (memory = new Map()));
	// A screen opened afresh mounts afresh, even where it replaces a screen of the same kind.
	let screenKey = screenKeys.get(route);
	if (screenKey === undefined) screenKeys.set(route, (screenKey = ++screenSerial));

	const edits = useEdits();
	const copy = useCopy();
	const quit = useCallback(() => {
		onQuit?.();
		exit();
	}, [exit, onQuit]);

	// Warnings from start-up, once; the other screens' code and the full check of the preferences file load once the
	// first frame is out.
	useEffect(() => {
		void loadScreens();
		if (warnings && warnings.length > 0) dispatch({type: 'toast', kind: 'warn', text: warnings.join('; ')});
		const timer = setTimeout(() => {
			void prefs.verify?.().then(problem => {
				if (problem) dispatch({type: 'toast', kind: 'warn', text: problem});
			});
		}, 100);
		return () => clearTimeout(timer);
	}, []); // eslint-disable-line react-hooks/exhaustive-deps

	// Toasts go away by themselves.
	useEffect(() => {
		const toast = state.toast;
		if (!toast) return;
		const timer = setTimeout(() => dispatch({type: 'clearToast', id: toast.id}), TOAST_MS);
		return () => clearTimeout(timer);
	}, [state.toast, dispatch]);

	const remember = useCallback(
		(patch: {lastRegion?: string; lastProfile?: string}) => {
			prefs.update(patch).catch((error: unknown) => {
				dispatch({type: 'error', entry: {time: Date.now(), source: 'preferences', message: (error as Error).message}});
			});
		},
		[dispatch, prefs],
	);

	const setRegion = useCallback(
		(code: string, then?: () => void) => {
			void checkRegion(code).then(check => {
				if (!check.ok) return dispatch({type: 'toast', kind: 'error', text: check.reason});
				dispatch({type: 'region', region: check.facts.code});
				then?.();
				remember({lastRegion: check.facts.code});
				const name = findRegion(check.facts.code)?.name ?? check.facts.description;
				dispatch({
					type: 'toast',
					kind: check.warning ? 'warn' : 'ok',
					text: check.warning ? `Region set to ${check.warning}` : `Region set to ${check.facts.code}${name ? ` — ${name}` : ''}`,
				});
			});
		},
		[dispatch, remember],
	);

	// Another profile: resolved as at start (its Region applies unless the Region was chosen), read-only decided
	// for it, and nothing changes when it cannot be used.
	const setProfile = useCallback(
		(profile: string) => {
			if (state.local || !resolveProfile) {
				dispatch({type: 'toast', kind: 'warn', text: 'The built-in emulator (--local) has no profiles; restart without --local to use one'});
				return;
			}
			const chosen = state.regionSource && /^(--region|AWS_REGION|AWS_DEFAULT_REGION|:region)$/.test(state.regionSource);
			resolveProfile(profile, chosen ? state.region : undefined, state.region).then(
				resolution => {
					dispatch({type: 'resolved', resolution});
					remember({lastProfile: profile});
					const ro = resolution.readOnly.value ? ` — read-only (${resolution.readOnly.source})` : '';
					dispatch({type: 'toast', kind: resolution.readOnly.value ? 'warn' : 'ok', text: `Profile ${profile}, Region ${resolution.region.value} (${resolution.region.source})${ro}`});
				},
				(error: Error) => dispatch({type: 'toast', kind: 'error', text: error.message}),
			);
		},
		[dispatch, remember, resolveProfile, state.local, state.region, state.regionSource],
	);

	// Profile names for :profile completion, read when the command bar opens.
	const profiles = useMemo(() => (state.bar === 'command' ? listProfiles() : []), [state.bar]);
	// The Region's configuration set names for :tail completion, read (or taken from the cache) when the bar opens.
	const {session: liveSession, connection: liveConnection} = useSession();
	const configSetList = useResource<ConfigurationSet[]>(state.bar === 'command' ? 'config-sets' : undefined, (clients, ctx) =>
		listConfigurationSets(clients, {signal: ctx.signal}),
	);
	const configSets = useMemo(
		() => (state.bar === 'command' ? (configSetList.data ?? []).map(c => c.ConfigurationSetName ?? '').filter(Boolean) : []),
		[state.bar, configSetList.data],
	);

	const runCommand = (line: string) => {
		dispatch({type: 'bar'});
		dispatch({type: 'history', line});
		const parsed = parseCommandLine(line);
		if (!parsed.ok) {
			dispatch({type: 'toast', kind: 'error', text: parsed.reason});
			return;
		}
		const opens = parsed.arg ? OPENS_BY_NAME[parsed.name] : undefined;
		if (opens) {
			// An id, an ARN, or what people call it (E.164 number, Name tag, sender ID, list name): resolved in the
			// Region first, then the list and the one resource are opened.
			const typed = parsed.arg!;
			liveSession
				.clientsFor(liveConnection)
				.then(clients => resolveIdentity(clients, opens.kind, typed))
				.then(
					found => {
						if (opens.list) dispatch({type: 'goto', route: opens.list});
						dispatch({type: 'push', route: opens.route(found.id)});
					},
					(error: Error) => dispatch({type: 'toast', kind: 'error', text: error.message}),
				);
			return;
		}
		const route = COMMAND_ROUTES[parsed.name];
		if (route) {
			dispatch({type: 'goto', route});
			return;
		}
		switch (parsed.name) {
			case 'region':
				setRegion(parsed.arg!);
				break;
			case 'profile':
				setProfile(parsed.arg!);
				break;
			case 'help':
				openHelp();
				break;
			case 'errors':
				dispatch({type: 'overlay', overlay: 'errors'});
				break;
			case 'audit':
				dispatch({type: 'overlay', overlay: 'audit'});
				break;
			case 'quit':
				edits.guardQuit(quit);
				break;
			case 'tail': {
				const tail = parseTailCommand(parsed.arg ?? '');
				if (tail.ok) dispatch({type: 'goto', route: tail.route});
				else dispatch({type: 'toast', kind: 'error', text: tail.reason});
				break;
			}
			case 'insights': {
				const insights = parseInsightsCommand(parsed.arg);
				if (insights.ok) dispatch({type: 'goto', route: insights.route});
				else dispatch({type: 'toast', kind: 'error', text: insights.reason});
				break;
			}
		}
	};

	// The help overlay lists what the screen below binds, so remember that when it opens.
	const bindings = useActiveBindings();
	const [helpFor, setHelpFor] = useState<CommandId[]>([]);
	const bindingsRef = useRef(bindings);
	bindingsRef.current = bindings;
	const openHelp = () => {
		setHelpFor(bindingsRef.current.map(b => b.id));
		dispatch({type: 'overlay', overlay: 'help'});
	};

	// ctrl-c always quits, whatever has focus.
	useKeypress(
		event => {
			if (event.ctrl && event.name === 'c') {
				quit();
				return true;
			}
			return false;
		},
		{priority: Priority.Critical},
	);

	// Overlays are modal: their close keys come first.
	useCommands(
		{
			'app.back': () => dispatch({type: 'overlay'}),
			'app.help': state.overlay === 'help' ? () => dispatch({type: 'overlay'}) : undefined,
			'app.errors': state.overlay === 'errors' ? () => dispatch({type: 'overlay'}) : undefined,
			'app.quit': state.overlay === 'help' ? () => dispatch({type: 'overlay'}) : undefined,
		},
		{priority: Priority.Dialog, isActive: state.overlay !== undefined && state.bar === undefined},
	);

	const hasTable = state.overlay !== 'help';
	useCommands(
		{
			'app.quit': () => edits.guardQuit(quit),
			'app.help': openHelp,
			'app.command': () => dispatch({type: 'bar', bar: 'command'}),
			'app.filter': hasTable ? () => dispatch({type: 'bar', bar: 'filter'}) : undefined,
			'app.errors': () => dispatch({type: 'overlay', overlay: 'errors'}),
			'app.back':
				filter || state.stack.length > 1
					? () => (filter ? dispatch({type: 'filter', text: ''}) : dispatch({type: 'back'}))
					: undefined,
		},
		{priority: Priority.Global, isActive: state.bar === undefined},
	);

	const crumbs = useMemo(() => {
		const items = [state.region, ...state.stack.map(routeTitle)];
		if (state.overlay) items.push(routeTitle({name: state.overlay}));
		return items;
	}, [state.region, state.stack, state.overlay]);
	const health = useHealth();
	const endpoints = serviceEndpoints(liveConnection);
	// Who the console acts as (sts:GetCallerIdentity), shown in the header once known.
	const identity = useResource('identity', clients => getIdentity(clients));
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		if (!health.throttledUntil) return;
		const timer = setInterval(() => setNow(Date.now()), 500);
		return () => clearInterval(timer);
	}, [health.throttledUntil]);
	const throttleLeft = health.throttledUntil ? Math.ceil((health.throttledUntil - now) / 1000) : 0;
	const healthText = throttleLeft > 0 ? `THROTTLED (${throttleLeft}s) ${health.throttledOperation ?? ''}`.trim() : '';
	const viewProps: ViewProps = {
		width,
		height: mainHeight,
		filter,
		isActive: state.bar === undefined,
		navigate: route => dispatch({type: 'push', route}),
		toast: (text, kind) => dispatch({type: 'toast', text, kind}),
	};

	const routeContext: RouteContext = {
		region: state.region,
		// enter on a Region: switch to it and open its overview.
		selectRegion: region => setRegion(region.code, () => dispatch({type: 'push', route: {name: 'overview'}})),
		onAccount: account => {
			if (account !== state.account) dispatch({type: 'account', account});
		},
	};

	let main: React.ReactNode;
	if (edits.dialog) {
		main = <EditDialog width={width} height={mainHeight} />;
	} else if (state.overlay === 'help') {
		main = <HelpView width={width} height={mainHeight} bindings={helpFor} />;
	} else if (state.overlay === 'errors') {
		main = <ErrorLogView width={width} height={mainHeight} errors={state.errors} filter={filter} />;
	} else if (state.overlay === 'audit') {
		main = <AuditView width={width} height={mainHeight} entries={state.audit ?? []} filter={filter} />;
	} else {
		main = (
			<ViewMemoryProvider key={screenKey} slots={memory}>
				<RouteView route={route} view={viewProps} context={routeContext} />
			</ViewMemoryProvider>
		);
	}

	let footer: React.ReactNode;
	if (mfa) {
		footer = <MfaPrompt request={mfa} width={width} onInvalid={text => dispatch({type: 'toast', kind: 'error', text})} />;
	} else if (state.bar === 'command') {
		footer = <CommandBar width={width} history={state.history} profiles={profiles} configSets={configSets} onSubmit={runCommand} onCancel={() => dispatch({type: 'bar'})} />;
	} else if (state.bar === 'filter') {
		footer = (
			<FilterBar
				width={width}
				initial={filter}
				onChange={text => dispatch({type: 'filter', text})}
				onDone={keep => {
					if (!keep) dispatch({type: 'filter', text: ''});
					dispatch({type: 'bar'});
				}}
			/>
		);
	} else {
		footer = <KeyHints width={width} />;
	}

	// The frame is never larger than the terminal (rows - 1 high, so Ink's last newline does not scroll): a frame
	// that overflows scrolls the screen under the renderer, which then draws later frames off by the overflow
	// and leaves the header, crumbs and column titles wrong until they change. Below the layout's minimum the
	// frame is clipped; above it nothing is (clipping costs Ink time on every frame). The same boxes either way,
	// so nothing below remounts when the terminal crosses the line.
	const squeezed = columns < width || rows - 1 < height;
	return (
		<Box
			width={squeezed ? Math.max(1, columns) : width}
			height={squeezed ? Math.max(1, rows - 1) : height}
			overflow={squeezed ? 'hidden' : 'visible'}
			flexDirection="column"
		>
			<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Header
				width={width}
				profile={state.profile ?? 'default'}
				profileNote={profileNote(state)}
				region={state.region}
				regionNote={!state.local && (state.regionSource === 'last used' || state.regionSource === 'default') ? state.regionSource : undefined}
				account={identity.data?.account ?? state.account}
				endpoint={endpoints.sms && redactUrl(endpoints.sms)}
				logsEndpoint={endpoints.logs !== endpoints.sms ? (endpoints.logs ? redactUrl(endpoints.logs) : 'AWS') : undefined}
				local={state.local}
				readOnly={state.readOnly}
			/>
			<Crumbs items={crumbs} width={width} />
			<Box height={mainHeight} width={width} flexDirection="column">
				{/* The copy menu covers the screen without unmounting it (its cursor stays where it was). */}
				<Box display={copy.request ? 'none' : 'flex'} height={mainHeight} width={width} flexDirection="column">
					{main}
				</Box>
				{copy.request ? <CopyDialog width={width} height={mainHeight} /> : null}
			</Box>
			<StatusLine toast={state.toast} right={healthText} width={width} />
			{footer}
			</Box>
		</Box>
	);
}

/** `:` commands that open one resource by what was typed: how to resolve it, the list it sits in, its screen. */
const OPENS_BY_NAME: Record<string, {kind: IdentityKind; list?: Route; route: (id: string) => Route}> = {
	pools: {kind: 'pool', list: {name: 'pools'}, route: id => ({name: 'poolIdentities', poolId: id})},
	numbers: {kind: 'phoneNumber', list: {name: 'numbers'}, route: id => ({name: 'number', id})},
	'opt-outs': {kind: 'optOutList', list: {name: 'optOutLists'}, route: id => ({name: 'optedOutNumbers', list: id})},
	keywords: {kind: 'origination', route: id => ({name: 'keywords', origination: id})},
	send: {kind: 'origination', route: id => ({name: 'send', origination: id})},
};

/** Why this profile, when no --profile named it: the header says so. */
function profileNote(state: AppState): string | undefined {
	if (state.local) return undefined;
	const resolution = state.resolution;
	const credentials = state.link?.credentials;
	if (credentials === 'env') return 'env keys';
	if (!state.profile) return credentials === 'chain' ? 'default chain' : undefined;
	return resolution?.profile.source === 'AWS_PROFILE' && resolution.profile.value === state.profile ? 'AWS_PROFILE' : undefined;
}

/**
 * After the terminal changes size, repaint everything once it has settled: a shrinking terminal can leave rows of
 * the old frame behind that the renderer no longer knows about. Ink's stdout write erases its frame, writes the
 * clear-screen, and draws the frame again in full. Every change counts, a return to the first size too.
 */
function useRepaintOnResize(columns: number, rows: number) {
	const {write} = useStdout();
	const size = `${columns}x${rows}`;
	const last = useRef(size);
	useEffect(() => {
		if (size === last.current) return;
		last.current = size;
		const timer = setTimeout(() => write('\x1b[2J\x1b[H'), 120);
		return () => clearTimeout(timer);
	}, [size, write]);
}
