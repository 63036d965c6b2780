// Live tail of a configuration set's CloudWatch Logs destination (or any log group): parsed SMS/MMS/voice events
// as rows coloured by outcome, a running summary, the health of the tail always on screen. The data lives in a
// TailModel and the engine (app/useTail.ts); this view only draws and maps keys.
import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useResource} from '../app/session.js';
import {useTail} from '../app/useTail.js';
import {openPreferencesLazily} from '../config/prefs.js';
import {lookupConfigurationSet} from '../services/identityResolver.js';
import {chooseDestination, cloudWatchDestinations, type LogDestination} from '../services/tailTarget.js';
import type {TailSource} from '../services/tailTypes.js';
import {parseSince} from '../domain/duration.js';
import {
	BREAKDOWN_DIMENSIONS,
	DIMENSION_TITLES,
	breakdown,
	exportJsonLines,
	failureRate,
	filterByCell,
	filterTailRows,
	groupByMessage,
	nextQuickFilter,
	statusCounts,
	summarizeRows,
	type CellFilter,
	type LifecycleRow,
	type QuickFilter,
	type TailRow,
} from '../domain/tailModel.js';
import {formatPrice} from '../domain/format.js';
import {cellWidth, truncate} from '../domain/textWidth.js';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {listNavigation} from '../components/listNavigation.js';
import {useCopy} from '../app/copy.js';
import {useTheme} from '../theme/ThemeContext.js';
import {TailList} from './tail/TailList.js';
import {EventDetail} from './tail/EventDetail.js';
import {EVENT_DROP_ORDER, LIFECYCLE_DROP_ORDER, eventColumns, lifecycleColumns} from './tail/tailColumns.js';
import {LifecycleDetail} from './tail/LifecycleDetail.js';
import {BreakdownPane, type BreakdownCursor} from './tail/BreakdownPane.js';
import {PromptBar} from '../components/PromptBar.js';
import {checkExportPath, defaultExportPath, writeExport} from '../app/tailExport.js';
import {healthParts} from './tail/healthText.js';
import type {ViewProps} from './viewProps.js';

export interface TailTarget {
	configSet?: string;
	logGroup?: string;
	destination?: string;
	/** "5m", "1h" or an ISO time; default 5m. */
	since?: string;
	/** Open with the breakdown's filter on this cell (from insights). */
	cell?: CellFilter;
}

const DEFAULT_SINCE = '5m';

const destinationColumns: Column<LogDestination>[] = [
	{id: 'name', title: 'Destination', value: d => d.name, minWidth: 10},
	{id: 'enabled', title: 'Enabled', value: d => (d.enabled ? 'yes' : 'no'), color: d => (d.enabled ? 'ok' : 'warn')},
	{id: 'group', title: 'Log group', value: d => d.logGroupName, grow: 1},
	{id: 'events', title: 'Event types', value: d => d.eventTypes.join(','), shrink: 1},
];

export function TailView(props: ViewProps & {target: TailTarget}) {
	const {target, width, height, isActive, toast} = props;
	const theme = useTheme();
	const [chosen, setChosen] = useState<string | undefined>(target.destination);
	const set = useResource(target.configSet ? `config-set/${target.configSet}` : undefined, clients => lookupConfigurationSet(clients, target.configSet!));

	if (target.logGroup) return <TailPane {...props} logGroup={target.logGroup} label={target.logGroup} />;
	// The set's name also when it was named by its ARN.
	const name = set.data?.ConfigurationSetName ?? target.configSet ?? '';
	// Names, reasons and error messages from the wire: truncate makes them safe (and one line).
	const line = (text: string) => truncate(text, width, theme.glyphs.ellipsis);
	if (set.loading || (!set.data && !set.error && !set.fetchedAt)) return <Text color={theme.colors.muted}>{line(` Reading configuration set ${name}…`)}</Text>;
	if (set.error) return <Text color={theme.colors.error}>{line(` ${set.error.message}`)}</Text>;
	const all = cloudWatchDestinations(set.data);
	const enabled = all.filter(d => d.enabled);
	if (chosen === undefined && enabled.length > 1) {
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text>{line(` Configuration set ${name} has ${enabled.length} CloudWatch Logs destinations: pick the one to tail (enter).`)}</Text>
				<Table
					title="CloudWatch Logs destinations"
					columns={destinationColumns}
					rows={enabled}
					rowKey={d => d.name}
					width={width}
					height={Math.max(3, height - 1)}
					isActive={isActive}
					onOpen={d => setChosen(d.name)}
				/>
			</Box>
		);
	}
	const choice = chooseDestination(name, set.data, chosen);
	if (!choice.ok) {
		return (
			<Box flexDirection="column" width={width}>
				<Text color={theme.colors.error}>{line(` Cannot tail: ${choice.reason}`)}</Text>
			</Box>
		);
	}
	void toast;
	return <TailPane {...props} logGroup={choice.destination.logGroupArn} label={`${name} → ${choice.destination.logGroupName}`} />;
}

/** The windows `t` steps through (from the start of the tail); after the widest it comes back to the first. */
const WINDOWS: {label: string; ms: number}[] = [
	{label: '5m', ms: 5 * 60_000},
	{label: '1h', ms: 60 * 60_000},
	{label: '6h', ms: 6 * 60 * 60_000},
	{label: '24h', ms: 24 * 60 * 60_000},
];

type Prompt = {kind: 'path'; initial: string} | {kind: 'overwrite'; path: string};

function TailPane({target, width, height, filter, isActive, toast, logGroup, label}: ViewProps & {target: TailTarget; logGroup: string; label: string}) {
	const theme = useTheme();
	const c = theme.colors;
	const bufferSize = useMemo(() => openPreferencesLazily().get().tailBufferSize ?? 10_000, []);
	const sinceText = target.since ?? DEFAULT_SINCE;
	const startedAt = useMemo(() => Date.now(), []);
	const since = useMemo(() => {
		const parsed = parseSince(sinceText, startedAt);
		return parsed.ok ? parsed.time : startedAt - 5 * 60_000;
	}, [sinceText, startedAt]);
	const source = useMemo<TailSource>(() => ({logGroupIdentifier: logGroup}), [logGroup]);
	const {model, snapshot, health, widen} = useTail(source, {since, bufferSize});
	const {openCopy} = useCopy();
	const [quick, setQuick] = useState<QuickFilter>('all');
	const [grouped, setGrouped] = useState(false);
	const [follow, setFollow] = useState(true);
	const [selectedSeq, setSelectedSeq] = useState<number | undefined>(undefined);
	const [detail, setDetail] = useState<TailRow | undefined>(undefined);
	const [lifecycle, setLifecycle] = useState<LifecycleRow | undefined>(undefined);
	// The window: the history read so far (loaded) and the one shown; a narrower one hides the older rows.
	const [windowIndex, setWindowIndex] = useState<number | undefined>(() => WINDOWS.findIndex(w => startedAt - w.ms === since));
	const [loadedFrom, setLoadedFrom] = useState(since);
	const [reading, setReading] = useState<string | undefined>(undefined);
	const [paneOpen, setPaneOpen] = useState(false);
	const [cursor, setCursor] = useState<BreakdownCursor>({column: 0, row: 0});
	const [cell, setCell] = useState<CellFilter | undefined>(target.cell);
	const [prompt, setPrompt] = useState<Prompt | undefined>(undefined);

	const shownFrom = windowIndex === undefined || windowIndex < 0 ? since : startedAt - WINDOWS[windowIndex].ms;
	const windowLabel = windowIndex === undefined || windowIndex < 0 ? sinceText : WINDOWS[windowIndex].label;
	const hidesOlder = shownFrom > loadedFrom;
	// `/`, f and the window: what the summary and the breakdown count. By message, a message passes or not as a
	// whole (the text may name a status on its path, f judges its newest event) and brings all its events.
	const viewed = useMemo(() => {
		const inWindow = hidesOlder ? snapshot.rows.filter(r => r.line.timestamp >= shownFrom) : snapshot.rows;
		if (!grouped) return filterTailRows(inWindow, quick, filter) as readonly TailRow[];
		const all = groupByMessage(inWindow);
		const passing = filterTailRows(all, quick, filter);
		return passing === all && inWindow === snapshot.rows ? snapshot.rows : passing.flatMap(g => g.events).sort((a, b) => a.seq - b.seq);
	}, [snapshot.rows, hidesOlder, shownFrom, quick, filter, grouped]);
	const filtered = viewed !== snapshot.rows;
	const cells = useMemo(() => (paneOpen ? breakdown(viewed) : undefined), [paneOpen, viewed]);
	const inView = useMemo(() => filterByCell(viewed, cell), [viewed, cell]);
	const groups = useMemo(() => (grouped ? groupByMessage(inView) : undefined), [grouped, inView]);
	const rows = useMemo(() => (groups ?? inView) as readonly (TailRow | LifecycleRow)[], [groups, inView]);
	const summary = useMemo(() => (filtered || cell ? summarizeRows(inView) : snapshot.summary), [filtered, cell, inView, snapshot.summary]);
	const count = rows.length;
	let selected = count - 1;
	if (!follow && selectedSeq !== undefined) {
		selected = rows.findIndex(r => r.seq >= selectedSeq);
		if (selected < 0) selected = count - 1;
	}
	const selectedRow = rows[selected];
	const selectedEvent: TailRow | undefined = selectedRow ? ('last' in selectedRow ? selectedRow.last : selectedRow) : undefined;
	const paneHeight = paneOpen ? Math.max(4, Math.min(9, Math.floor(height * 0.4))) : 0;
	const listHeight = Math.max(2, height - 3 - paneHeight - (prompt ? 1 : 0));
	const bodyHeight = Math.max(1, listHeight - 1);
	const moveTo = (index: number) => {
		if (count === 0) return;
		const i = Math.max(0, Math.min(count - 1, index));
		if (i === count - 1 && index >= count - 1) {
			setFollow(true);
			return;
		}
		setFollow(false);
		setSelectedSeq(rows[i].seq);
	};

	const cycleWindow = () => {
		// From a --since between two windows, the next wider one; from one wider than them all, back to the first.
		const wider = WINDOWS.findIndex(w => startedAt - w.ms < since);
		const current = windowIndex !== undefined && windowIndex >= 0 ? windowIndex : wider === -1 ? WINDOWS.length - 1 : wider - 1;
		const next = current + 1 >= WINDOWS.length ? 0 : current + 1;
		setWindowIndex(next);
		const from = startedAt - WINDOWS[next].ms;
		if (from >= loadedFrom) return;
		setReading(WINDOWS[next].label);
		widen(from).then(
			ok => {
				setReading(r => (r === WINDOWS[next].label ? undefined : r));
				if (ok) setLoadedFrom(f => Math.min(f, from));
			},
			(error: Error) => {
				setReading(undefined);
				toast(`Could not read the older events: ${error.message}`, 'error');
			},
		);
	};

	const exportable = () => (grouped && groups ? groups.flatMap(g => g.events) : inView) as readonly TailRow[];
	const doExport = (path: string, overwrite: boolean) => {
		const events = exportable();
		const problem = writeExport(path, exportJsonLines(events), overwrite);
		setPrompt(undefined);
		if (problem) toast(problem, 'error');
		else toast(`Exported ${events.length.toLocaleString('en-US')} event${events.length === 1 ? '' : 's'} to ${path}`, 'ok');
	};

	const paneCells = cells ? cells[BREAKDOWN_DIMENSIONS[cursor.column]] : [];
	const paneRow = Math.min(cursor.row, Math.max(0, paneCells.length - 1));
	useCommands(
		paneOpen
			? {
					'nav.up': () => setCursor(k => ({...k, row: Math.max(0, Math.min(k.row, paneCells.length - 1) - 1)})),
					'nav.down': () => setCursor(k => ({...k, row: Math.min(Math.max(0, paneCells.length - 1), k.row + 1)})),
					'nav.top': () => setCursor(k => ({...k, row: 0})),
					'nav.bottom': () => setCursor(k => ({...k, row: Math.max(0, paneCells.length - 1)})),
					'tail.cellLeft': () => setCursor(k => ({column: (k.column + BREAKDOWN_DIMENSIONS.length - 1) % BREAKDOWN_DIMENSIONS.length, row: 0})),
					'tail.cellRight': () => setCursor(k => ({column: (k.column + 1) % BREAKDOWN_DIMENSIONS.length, row: 0})),
					'view.open': () => {
						const chosen = paneCells[paneRow];
						if (!chosen) return;
						setCell(current => (current && current.dimension === chosen.dimension && current.value === chosen.value ? undefined : {dimension: chosen.dimension, value: chosen.value}));
						setFollow(true);
					},
					'tail.breakdown': () => setPaneOpen(false),
					'app.back': () => setPaneOpen(false),
				}
			: {},
		{priority: Priority.View + 1, isActive: isActive && paneOpen && prompt === undefined && detail === undefined && lifecycle === undefined},
	);
	useCommands(
		{
			// G is "follow" here (the newest event, and keep following): no separate bottom.
			...listNavigation(moveTo, {selected, count, page: bodyHeight, bottom: false}),
			'tail.follow': () => {
				setFollow(true);
				if (model.isPaused) model.setPaused(false);
			},
			'tail.pause': () => model.setPaused(!model.isPaused),
			'tail.quick': () => setQuick(q => nextQuickFilter(q)),
			'tail.group': () => setGrouped(g => !g),
			'tail.window': cycleWindow,
			'tail.breakdown': () => setPaneOpen(true),
			'tail.export': () => setPrompt({kind: 'path', initial: defaultExportPath(label)}),
			// esc takes back the breakdown's filter first, then goes back as anywhere.
			'app.back': cell ? () => setCell(undefined) : undefined,
			'view.open': selectedRow ? () => ('last' in selectedRow ? setLifecycle(selectedRow) : setDetail(selectedRow)) : undefined,
			'view.copy': selectedEvent
				? () =>
						openCopy(selectedEvent.parsed.messageId ?? 'event', [
							{label: 'Message id', text: selectedEvent.parsed.messageId},
							{label: 'Destination', text: selectedEvent.parsed.destination},
							{label: 'Event', text: selectedEvent.line.message},
						])
				: undefined,
		},
		{priority: Priority.View, isActive: isActive && detail === undefined && lifecycle === undefined && prompt === undefined},
	);

	if (detail) return <EventDetail row={detail} width={width} height={height} onClose={() => setDetail(undefined)} />;
	if (lifecycle) return <LifecycleDetail group={lifecycle} width={width} height={height} onClose={() => setLifecycle(undefined)} />;

	const s = summary;
	const buffered = snapshot.rows.length;
	const eventsInView = inView.length;
	const n = (x: number) => x.toLocaleString('en-US');
	const left = ` Tail ${label} [${grouped ? `${n(count)} messages, ` : ''}${eventsInView === buffered ? '' : `${n(eventsInView)} of `}${n(buffered)} events]`;
	const flags = [
		filter.trim() ? `/${filter.trim()}` : '',
		quick !== 'all' ? `only ${quick}` : '',
		cell ? `${DIMENSION_TITLES[cell.dimension].toLowerCase()} ${cell.value}` : '',
		grouped ? 'by message' : '',
		`window ${windowLabel}${reading ? ` (reading ${reading}…)` : hidesOlder ? ' (older hidden)' : ''}`,
		snapshot.paused ? `PAUSED +${n(snapshot.pending)} new` : follow ? 'following' : 'scrolled (G follows)',
	]
		.filter(Boolean)
		.join('  ');
	// The flags (filters, window, following) before the title: the title is the part the user already knows.
	const flagsShown = truncate(flags, Math.max(0, width - Math.min(cellWidth(left), 22) - 2), theme.glyphs.ellipsis);
	const scope = filtered || cell ? 'in view: ' : '';
	const summaryText =
		s.events === 0
			? ` ${filtered || cell ? 'no events match' : `no events yet since ${windowLabel} ago`}`
			: ` ${scope}${failureRate(s)} │ ${statusCounts(s)} │ ${formatPrice(s.totalPrice)} │ ${n(s.messageCount)} messages, ${n(s.events)} events${!scope && snapshot.dropped > 0 ? ` │ ${n(snapshot.dropped)} oldest dropped (buffer ${n(bufferSize)})` : ''}`;
	const hp = healthParts(health);
	const toneColor = {ok: c.ok, warn: c.warn, error: c.error, muted: c.muted}[hp.tone];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width} justifyContent="space-between">
				<Text bold color={c.title}>
					{truncate(left, Math.max(10, width - cellWidth(flagsShown) - 2), theme.glyphs.ellipsis)}
				</Text>
				<Text color={snapshot.paused ? c.warn : c.muted}>{flagsShown} </Text>
			</Box>
			<TailList
				columns={(grouped ? lifecycleColumns : eventColumns) as unknown as typeof eventColumns}
				rows={rows as TailRow[]}
				selected={follow ? count - 1 : selected}
				width={width}
				height={listHeight}
				isActive={isActive && !follow && !paneOpen}
				emptyText={snapshot.rows.length === 0 ? `Waiting for events in ${label}…` : 'No events match the filter'}
				dropOrder={grouped ? LIFECYCLE_DROP_ORDER : EVENT_DROP_ORDER}
			/>
			{cells ? <BreakdownPane cells={cells} cursor={{column: cursor.column, row: paneRow}} active={cell} width={width} height={paneHeight} focused={isActive && prompt === undefined} /> : null}
			<Text color={s.failedFinals > 0 ? c.warn : c.muted}>{truncate(summaryText, width, theme.glyphs.ellipsis)}</Text>
			{prompt?.kind === 'path' ? (
				<PromptBar
					key="export-path"
					prompt={`Export ${n(exportable().length)} events (JSON lines) to: `}
					width={width}
					initial={prompt.initial}
					placeholder="a file name; esc cancels"
					onSubmit={text => {
						const check = checkExportPath(text);
						if (!check.ok) {
							toast(check.reason, 'warn');
							return;
						}
						if (check.exists) setPrompt({kind: 'overwrite', path: check.path});
						else doExport(check.path, false);
					}}
					onCancel={() => setPrompt(undefined)}
				/>
			) : prompt?.kind === 'overwrite' ? (
				<PromptBar
					key="export-overwrite"
					prompt={`${prompt.path} exists. Replace it? Type y to replace: `}
					width={width}
					placeholder="esc keeps it"
					onSubmit={text => {
						if (text.trim().toLowerCase() === 'y' || text.trim().toLowerCase() === 'yes') doExport(prompt.path, true);
						else {
							setPrompt(undefined);
							toast(`Not exported: ${prompt.path} kept`, 'warn');
						}
					}}
					onCancel={() => {
						setPrompt(undefined);
						toast(`Not exported: ${prompt.path} kept`, 'info');
					}}
				/>
			) : null}
			<Text>
				<Text color={toneColor} bold inverse={theme.color ? false : true}>
					{` ${hp.badge} `}
				</Text>
				<Text color={toneColor}>{truncate(' ' + hp.text, Math.max(0, width - hp.badge.length - 2), theme.glyphs.ellipsis)}</Text>
			</Text>
		</Box>
	);
}
