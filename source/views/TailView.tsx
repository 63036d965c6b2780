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
import {filterTailRows, groupByMessage, nextQuickFilter, statusCounts, type QuickFilter, type TailRow} from '../domain/tailModel.js';
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
import {eventColumns, lifecycleColumns} from './tail/tailColumns.js';
import {healthParts} from './tail/healthText.js';
import type {ViewProps} from './viewProps.js';

export interface TailTarget {
	configSet?: string;
	logGroup?: string;
	destination?: string;
	/** "5m", "1h" or an ISO time; default 5m. */
	since?: string;
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

function TailPane({target, width, height, filter, isActive, toast, logGroup, label}: ViewProps & {target: TailTarget; logGroup: string; label: string}) {
	const theme = useTheme();
	const c = theme.colors;
	const bufferSize = useMemo(() => openPreferencesLazily().get().tailBufferSize ?? 10_000, []);
	const sinceText = target.since ?? DEFAULT_SINCE;
	const since = useMemo(() => {
		const parsed = parseSince(sinceText, Date.now());
		return parsed.ok ? parsed.time : Date.now() - 5 * 60_000;
	}, [sinceText]);
	const source = useMemo<TailSource>(() => ({logGroupIdentifier: logGroup}), [logGroup]);
	const {model, snapshot, health} = useTail(source, {since, bufferSize});
	const {openCopy} = useCopy();
	const [quick, setQuick] = useState<QuickFilter>('all');
	const [grouped, setGrouped] = useState(false);
	const [follow, setFollow] = useState(true);
	const [selectedSeq, setSelectedSeq] = useState<number | undefined>(undefined);
	const [detail, setDetail] = useState<TailRow | undefined>(undefined);

	const groups = useMemo(() => (grouped ? groupByMessage(snapshot.rows) : undefined), [grouped, snapshot.rows]);
	const rows = useMemo(() => (groups ? filterTailRows(groups, quick, filter) : filterTailRows(snapshot.rows, quick, filter)), [groups, snapshot.rows, quick, filter]);
	const count = rows.length;
	let selected = count - 1;
	if (!follow && selectedSeq !== undefined) {
		selected = rows.findIndex(r => r.seq >= selectedSeq);
		if (selected < 0) selected = count - 1;
	}
	const selectedRow = rows[selected] as TailRow | {last: TailRow; seq: number} | undefined;
	const selectedEvent: TailRow | undefined = selectedRow ? ('last' in selectedRow ? selectedRow.last : selectedRow) : undefined;
	const bodyHeight = Math.max(1, height - 4);
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
			'view.open': selectedEvent ? () => setDetail(selectedEvent) : undefined,
			'view.copy': selectedEvent
				? () =>
						openCopy(selectedEvent.parsed.messageId ?? 'event', [
							{label: 'Message id', text: selectedEvent.parsed.messageId},
							{label: 'Destination', text: selectedEvent.parsed.destination},
							{label: 'Event', text: selectedEvent.line.message},
						])
				: undefined,
		},
		{priority: Priority.View, isActive: isActive && detail === undefined},
	);

	if (detail) return <EventDetail row={detail} width={width} height={height} onClose={() => setDetail(undefined)} />;

	const s = snapshot.summary;
	const total = s.events.toLocaleString('en-US');
	const left = ` Tail ${label} [${count === snapshot.rows.length || grouped ? '' : `${count.toLocaleString('en-US')} of `}${grouped ? `${count.toLocaleString('en-US')} messages, ` : ''}${snapshot.rows.length.toLocaleString('en-US')} events]`;
	const flags = [
		filter.trim() ? `/${filter.trim()}` : '',
		quick !== 'all' ? `only ${quick}` : '',
		grouped ? 'by message' : '',
		snapshot.paused ? `PAUSED +${snapshot.pending.toLocaleString('en-US')} new` : follow ? 'following' : 'scrolled (G follows)',
	]
		.filter(Boolean)
		.join('  ');
	const summary = ` ${s.events === 0 ? `no events yet since ${sinceText} ago` : statusCounts(s)} │ ${formatPrice(s.totalPrice)} │ ${s.messages.size.toLocaleString('en-US')} messages, ${total} events${snapshot.dropped > 0 ? ` │ ${snapshot.dropped.toLocaleString('en-US')} oldest dropped (buffer ${bufferSize.toLocaleString('en-US')})` : ''}`;
	const hp = healthParts(health);
	const toneColor = {ok: c.ok, warn: c.warn, error: c.error, muted: c.muted}[hp.tone];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width} justifyContent="space-between">
				<Text bold color={c.title}>
					{truncate(left, Math.max(10, width - cellWidth(flags) - 2), theme.glyphs.ellipsis)}
				</Text>
				<Text color={snapshot.paused ? c.warn : c.muted}>{truncate(flags, Math.max(0, width - cellWidth(left) - 2), theme.glyphs.ellipsis)} </Text>
			</Box>
			<TailList
				columns={(grouped ? lifecycleColumns : eventColumns) as typeof eventColumns}
				rows={rows as TailRow[]}
				selected={follow ? count - 1 : selected}
				width={width}
				height={height - 3}
				isActive={isActive && !follow}
				emptyText={snapshot.rows.length === 0 ? `Waiting for events in ${label}…` : 'No events match the filter'}
			/>
			<Text color={c.muted}>{truncate(summary, width, theme.glyphs.ellipsis)}</Text>
			<Text>
				<Text color={toneColor} bold inverse={theme.color ? false : true}>
					{` ${hp.badge} `}
				</Text>
				<Text color={toneColor}>{truncate(' ' + hp.text, Math.max(0, width - hp.badge.length - 2), theme.glyphs.ellipsis)}</Text>
			</Text>
		</Box>
	);
}
