// :sim — the simulator smoke test: a form (origination, country, configuration set, channel, body with a live
// parts preview), then the run as a live checklist, the events as they arrive and the verdict. R re-runs. When the
// preflight stops MISCONFIGURED on the configuration set or its log group, F stages the fix it names for review.
import React, {useEffect, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {useResource, useSession} from '../app/session.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {pickEdit, pickMatches, pickStart, pickStep, pickSummary, pickValue, type PickState} from '../components/pickList.js';
import {Priority, useKeypress, useKeypressContext} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {keyLabel} from '../input/keys.js';
import {editActionFor, lineEditor, type LineState} from '../components/lineEditor.js';
import {LineField} from '../components/LineField.js';
import {PromptBar} from '../components/PromptBar.js';
import {analyzeMessage, suggestGsmReplacements} from '../domain/messageParts.js';
import {formatPrice} from '../domain/format.js';
import {safeText} from '../domain/sanitize.js';
import {STEP_ORDER, type SimulatorRunOptions, type StepUpdate} from '../services/simulatorRun.js';
import {cycle, FIELDS, fieldText, INITIAL_FORM, type SimulatorForm} from './simulatorForm.js';
import {PartsPreview} from './PartsPreview.js';
import {useSimulatorRun, type RunState} from './useSimulatorRun.js';
import type {ViewProps} from './viewProps.js';
import {useEdits} from '../app/edits.js';
import {repairEdits} from '../app/editPlans.js';
import type {RepairStep} from '../services/simulatorRun.js';
import {DestinationForm, destinationFormHeight} from './DestinationForm.js';
import {useViewMemory} from '../components/viewMemory.js';

/** What the screen keeps while a dialog (the review of a staged fix) takes its place. */
interface Remembered {
	form: SimulatorForm;
	mode: 'form' | 'run';
	lastOptions?: SimulatorRunOptions;
	run?: RunState;
}

const LABEL = 19;
const CONFIRM_WORD = 'REQUEST';

const seconds = (ms: number | undefined) => (ms === undefined ? '' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
const clock = (ms: number | undefined) => (ms === undefined ? '--:--:--.---' : new Date(ms).toISOString().slice(11, 23));

function optionsOf(form: SimulatorForm): SimulatorRunOptions {
	return {
		origination: form.origination.trim() || undefined,
		country: form.country,
		configurationSet: form.configurationSet.trim() || undefined,
		channel: form.channel,
		body: form.body,
		releaseRequestedNumber: form.release,
	};
}

export function SimulatorView({width, height, isActive, toast}: ViewProps) {
	const theme = useTheme();
	const {connection} = useSession();
	const {keymap} = useKeypressContext();
	const memory = useViewMemory();
	const remembered = memory?.get('simulator') as Remembered | undefined;
	const [form, setForm] = useState<SimulatorForm>(remembered?.form ?? INITIAL_FORM);
	const [selected, setSelected] = useState(FIELDS.findIndex(f => f.id === 'body'));
	const [editing, setEditing] = useState<LineState | undefined>();
	// The configuration set picker while it is open; '' stands for "let the run choose".
	const [picking, setPicking] = useState<PickState | undefined>();
	const configSets = useResource<ConfigurationSet[]>('config-sets', (clients, ctx) => listConfigurationSets(clients, {signal: ctx.signal}));
	const setNames = ['', ...(configSets.data ?? []).map(c => c.ConfigurationSetName ?? '').filter(Boolean)];
	const [mode, setMode] = useState<'form' | 'run'>(remembered?.mode ?? 'form');
	const [confirm, setConfirm] = useState<((yes: boolean) => void) | undefined>();
	const {stage} = useEdits();
	// The destination to create, while its form is open (the fix of a set without a CloudWatch Logs destination).
	const [creating, setCreating] = useState<Extract<RepairStep, {kind: 'createDestination'}> | undefined>();
	const lastOptions = useRef<SimulatorRunOptions | undefined>(remembered?.lastOptions);
	const {state: run, start, stop} = useSimulatorRun(
		() =>
			new Promise<boolean>(resolve => {
				setConfirm(() => (yes: boolean) => {
					setConfirm(undefined);
					resolve(yes);
				});
			}),
		remembered?.run,
	);
	// A finished run is remembered; one still running stops when the screen goes.
	useEffect(() => {
		memory?.set('simulator', {form, mode, lastOptions: lastOptions.current, run: run?.running ? undefined : run} satisfies Remembered);
	}, [memory, form, mode, run]);

	// Running steps show a growing duration.
	const [, setTick] = useState(0);
	useEffect(() => {
		if (!run?.running) return;
		const timer = setInterval(() => setTick(t => t + 1), 250);
		return () => clearInterval(timer);
	}, [run?.running]);

	const field = FIELDS[selected];
	const body = editing && field.id === 'body' ? editing.text : form.body;
	const info = analyzeMessage(body);
	const gsmFix = suggestGsmReplacements(form.body);

	const runWith = (options: SimulatorRunOptions) => {
		lastOptions.current = options;
		setMode('run');
		start(options);
	};

	// A field being edited takes every key.
	const latest = useRef(editing);
	latest.current = editing;
	useKeypress(
		event => {
			const current = latest.current;
			if (!current) return false;
			if (event.ctrl && event.name === 'c') return false;
			if (event.name === 'enter') {
				setForm(f => ({...f, [field.id]: current.text}));
				setEditing(undefined);
			} else if (event.name === 'escape') {
				setEditing(undefined);
			} else {
				const action = editActionFor(event);
				if (action) {
					const next = lineEditor(current, action);
					latest.current = next;
					setEditing(next);
				}
			}
			return true;
		},
		{priority: Priority.Bar, isActive: isActive && editing !== undefined, modalHint: 'type the value · enter: keep · esc: cancel'},
	);

	// The picker takes every key while it is open.
	const latestPick = useRef(picking);
	latestPick.current = picking;
	useKeypress(
		event => {
			const current = latestPick.current;
			if (!current) return false;
			if (event.ctrl && event.name === 'c') return false;
			let next: PickState | undefined = current;
			if (event.name === 'enter') {
				// Nothing matches what was typed: stay open (the summary says so) rather than pick something else.
				if (pickMatches(setNames, current.query.text).length === 0) return true;
				setForm(f => ({...f, configurationSet: pickValue(current, setNames)}));
				next = undefined;
			} else if (event.name === 'escape') {
				next = undefined;
			} else if (event.name === 'left' || event.name === 'right') {
				next = pickStep(current, setNames, event.name === 'left' ? -1 : 1);
			} else {
				const action = editActionFor(event);
				if (action) next = pickEdit(current, setNames, action);
			}
			latestPick.current = next;
			setPicking(next);
			return true;
		},
		{priority: Priority.Bar, isActive: isActive && picking !== undefined, modalHint: 'type to filter · ←/→: choose · enter: keep · esc: cancel'},
	);
	const cyclePick = (step: 1 | -1) => setForm(f => ({...f, configurationSet: pickValue(pickStep(pickStart(f.configurationSet), setNames, step), setNames)}));

	const formKeys = isActive && editing === undefined && picking === undefined && confirm === undefined && mode === 'form';
	useCommands(
		{
			'nav.up': () => setSelected(s => Math.max(0, s - 1)),
			'nav.down': () => setSelected(s => Math.min(FIELDS.length - 1, s + 1)),
			'sim.edit': () => {
				if (field.kind === 'choice') setForm(f => cycle(f, field.id, 1));
				else if (field.kind === 'pick') setPicking(pickStart(form.configurationSet));
				else setEditing(lineEditor({text: '', cursor: 0}, {type: 'set', text: String(form[field.id])}));
			},
			'sim.next': field.kind === 'choice' ? () => setForm(f => cycle(f, field.id, 1)) : field.kind === 'pick' ? () => cyclePick(1) : undefined,
			'sim.prev': field.kind === 'choice' ? () => setForm(f => cycle(f, field.id, -1)) : field.kind === 'pick' ? () => cyclePick(-1) : undefined,
			'sim.gsm':
				gsmFix !== form.body
					? () => {
							setForm(f => ({...f, body: suggestGsmReplacements(f.body)}));
							toast('Replaced the characters that forced UCS-2', 'ok');
						}
					: undefined,
			'sim.run': () => runWith(optionsOf(form)),
			'sim.rerun': lastOptions.current ? () => runWith(lastOptions.current!) : undefined,
		},
		{priority: Priority.View, isActive: formKeys},
	);
	useCommands(
		{
			'sim.rerun': !run?.running && lastOptions.current ? () => runWith(lastOptions.current!) : undefined,
			'sim.edit': !run?.running ? () => setMode('form') : undefined,
			'sim.stop': run?.running ? stop : undefined,
			'sim.fix':
				!run?.running && run?.report?.repair
					? () => {
							const steps = run.report!.repair!;
							const edits = repairEdits(connection, steps);
							const create = steps.find(s => s.kind === 'createDestination');
							edits.forEach((edit, i) => stage(edit, {review: !create && i === edits.length - 1}));
							if (create) setCreating(create);
						}
					: undefined,
		},
		{priority: Priority.View, isActive: isActive && confirm === undefined && mode === 'run' && !creating},
	);

	const key = (id: keyof typeof keymap) => `<${keyLabel(keymap[id][0] ?? '?', theme.ascii)}>`;
	const promptRows = confirm ? 1 : creating ? destinationFormHeight() : 0;
	const mainHeight = height - promptRows;

	return (
		<Box flexDirection="column" width={width} height={height}>
			{mode === 'form' ? (
				<FormPane
					width={width}
					height={mainHeight}
					form={form}
					selected={selected}
					editing={editing}
					picking={picking ? {value: pickValue(picking, setNames), summary: configSets.loading && !configSets.data ? 'loading…' : pickSummary(picking, setNames)} : undefined}
					region={connection.region}
					body={body}
					fixKey={gsmFix !== form.body ? keyLabel(keymap['sim.gsm'][0] ?? 'f', theme.ascii) : undefined}
					runKey={key('sim.run')}
					tooLong={info.tooLong}
				/>
			) : (
				<RunPane width={width} height={mainHeight} run={run} region={connection.region} options={lastOptions.current} rerunKey={key('sim.rerun')} editKey={key('sim.edit')} fixKey={key('sim.fix')} />
			)}
			{creating ? (
				<DestinationForm
					configSet={creating.configSet}
					configSetArn={creating.configSetArn}
					existing={creating.existing}
					width={width}
					initial={{name: 'smsdeck-events', eventTypes: creating.eventTypes, roleArn: creating.roleArn, newLogGroup: `sms-${creating.configSet}-events`.slice(0, 512)}}
					onStage={edit => {
						setCreating(undefined);
						stage(edit, {review: true});
					}}
					onCancel={() => setCreating(undefined)}
				/>
			) : null}
			{confirm ? (
				<PromptBar
					prompt={`No simulator number in ${connection.region}. Type ${CONFIRM_WORD} to request one (billed monthly): `}
					width={width}
					placeholder="esc cancels"
					onSubmit={text => {
						if (text.trim() !== CONFIRM_WORD) toast(`Not requested: type ${CONFIRM_WORD} to confirm`, 'warn');
						confirm(text.trim() === CONFIRM_WORD);
					}}
					onCancel={() => confirm(false)}
				/>
			) : null}
		</Box>
	);
}

function FormPane(props: {
	width: number;
	height: number;
	form: SimulatorForm;
	selected: number;
	editing?: LineState;
	/** The configuration set picker while open: the value it stands on and "2 of 5". */
	picking?: {value: string; summary: string};
	region: string;
	body: string;
	fixKey?: string;
	runKey: string;
	tooLong: boolean;
}) {
	const theme = useTheme();
	const {width, form, selected, editing} = props;
	return (
		<Box flexDirection="column" width={width} height={props.height}>
			<Text bold color={theme.colors.title} wrap="truncate">
				{` Simulator smoke test in ${props.region}`}
			</Text>
			<Text color={theme.colors.muted} wrap="truncate">
				{' Sends to simulator numbers (no carrier is reached; billed like SMS) and watches their events.'}
			</Text>
			<Text> </Text>
			{FIELDS.map((f, i) => {
				const isSelected = i === selected;
				const marker = isSelected ? theme.glyphs.current : ' ';
				const value = fieldText(form, f.id);
				return (
					<Box key={f.id} width={width}>
						<Box flexShrink={0}>
							<Text color={isSelected ? theme.colors.accent : undefined} bold={isSelected}>
								{` ${marker} ${f.label.padEnd(props.width > 60 ? LABEL : 12)}`}
							</Text>
						</Box>
						{isSelected && editing ? (
							<LineField state={editing} width={Math.max(8, width - LABEL - 4)} />
						) : isSelected && props.picking ? (
							<Text wrap="truncate" bold>
								{`‹ ${props.picking.value || f.placeholder || ''} ›`}
								<Text color={theme.colors.muted}>{`  ${props.picking.summary} · type to filter, ←/→ choose, enter keeps`}</Text>
							</Text>
						) : (
							<Text wrap="truncate" color={value ? undefined : theme.colors.muted}>
								{value || f.placeholder || ''}
								{(f.kind === 'choice' || f.kind === 'pick') && isSelected ? <Text color={theme.colors.muted}>{f.kind === 'pick' ? '  ‹ › or e picks' : '  ‹ ›'}</Text> : null}
							</Text>
						)}
					</Box>
				);
			})}
			<Text> </Text>
			{form.channel === 'sms' ? (
				<PartsPreview body={props.body} width={width} labelWidth={props.width > 60 ? LABEL : 12} fixKey={props.fixKey} />
			) : (
				<Text color={theme.colors.muted} wrap="truncate">{`   ${'Parts'.padEnd(LABEL)}MMS: one billed part, body up to 1,600 characters`}</Text>
			)}
			<Text> </Text>
			<Text color={props.tooLong ? theme.colors.error : theme.colors.muted} wrap="wrap">
				{editing
					? ' enter keeps the text, esc cancels; ctrl-u clears, ctrl-w deletes a word.'
					: props.tooLong
					? ' The body is too long for one SMS message (at most 10 parts); shorten it before running.'
					: ` ${props.runKey} runs: preflight (account, origination, configuration set, spend, DryRun), send to the success and failure numbers, watch the events, verdict.`}
			</Text>
		</Box>
	);
}

const STEP_WIDTH = 38;

function stepMark(step: StepUpdate, theme: ReturnType<typeof useTheme>): {mark: string; color?: string} {
	switch (step.state) {
		case 'passed':
			return {mark: theme.glyphs.ok, color: theme.colors.ok};
		case 'failed':
			return {mark: theme.glyphs.fail, color: theme.colors.error};
		case 'warn':
			return {mark: '!', color: theme.colors.warn};
		case 'skipped':
			return {mark: '-', color: theme.colors.muted};
		default:
			return {mark: theme.glyphs.pending, color: theme.colors.info};
	}
}

function RunPane(props: {width: number; height: number; run?: RunState; region: string; options?: SimulatorRunOptions; rerunKey: string; editKey: string; fixKey: string}) {
	const theme = useTheme();
	const {width, run} = props;
	if (!run) return <Box height={props.height} />;
	const now = Date.now();
	const steps = STEP_ORDER.flatMap(id => (run.steps[id] ? [run.steps[id]!] : []));
	const report = run.report;
	const failed = steps.find(s => s.state === 'failed' && s.id !== 'verdict' && s.id !== 'events') ?? steps.find(s => s.state === 'failed');
	const verdict = report?.verdict;
	const verdictColor = verdict === 'PASS' ? theme.colors.ok : verdict === 'TIMEOUT' ? theme.colors.warn : theme.colors.error;
	const o = props.options;
	const summary = ` ${props.region} · ${o?.origination ?? 'simulator number'} → ${o?.country ?? 'US'} · ${o?.configurationSet ?? 'auto configuration set'} · ${(o?.channel ?? 'sms').toUpperCase()}`;

	const lines: React.ReactNode[] = [];
	for (const s of steps) {
		const {mark, color} = stepMark(s, theme);
		const duration = s.durationMs !== undefined ? seconds(s.durationMs) : s.state === 'running' ? seconds(now - s.startedAt) : '';
		lines.push(
			<Text key={`step-${s.id}`} wrap="truncate">
				<Text color={color}>{` ${mark} `}</Text>
				<Text bold={s.state === 'running'}>{s.title.padEnd(STEP_WIDTH - 8)}</Text>
				<Text color={theme.colors.muted}>{duration.padStart(7)} </Text>
				<Text color={s.state === 'failed' ? theme.colors.error : undefined}>{safeText(s.detail ?? '')}</Text>
			</Text>,
		);
	}
	const verdictLine = verdict ? (
		<Text key="verdict" wrap="truncate">
			<Text bold inverse color={verdictColor}>{` ${verdict} `}</Text>
			<Text>{`  ${report!.messages.filter(m => m.state === 'passed').length} of ${report!.messages.length} messages as expected · ${seconds(report!.durationMs)} · run ${report!.runId}`}</Text>
			<Text color={theme.colors.muted}>{`   ${props.rerunKey} re-run  ${props.editKey} edit`}</Text>
		</Text>
	) : run.error ? (
		<Text key="verdict" color={theme.colors.error} wrap="truncate">{safeText(` The run stopped: ${run.error}`)}</Text>
	) : (
		<Text key="verdict" color={theme.colors.info} wrap="truncate">{` Running… ${seconds(now - run.startedAt)}`}</Text>
	);
	const fixLines: React.ReactNode[] = [];
	if (verdict && verdict !== 'PASS' && failed) {
		const text = safeText(` ${report?.reason ?? failed.detail ?? ''}`);
		fixLines.push(<Text key="reason" color={theme.colors.error} wrap="wrap">{text}</Text>);
		if (report?.fix ?? failed.fix) fixLines.push(<Text key="fix" wrap="wrap">{safeText(` fix: ${report?.fix ?? failed.fix}`)}</Text>);
		if (report?.repair) {
			fixLines.push(
				<Text key="stage" bold color={theme.colors.warn} wrap="truncate">
					{` ${props.fixKey} stages this fix for review (nothing is sent until you apply it), then ${props.rerunKey} re-runs`}
				</Text>,
			);
		}
	}
	const messageLines = run.messages.map(m => {
		const ok = m.state === 'passed';
		const idle = m.state === 'notSent' && !run.running;
		const mark = ok ? theme.glyphs.ok : idle ? '-' : m.state === 'waiting' || m.state === 'notSent' ? theme.glyphs.pending : theme.glyphs.fail;
		const color = ok ? theme.colors.ok : idle ? theme.colors.muted : m.state === 'waiting' || m.state === 'notSent' ? theme.colors.info : theme.colors.error;
		const last = m.events[m.events.length - 1];
		const facts = [
			last?.status ?? last?.eventType ?? (m.state === 'notSent' ? 'not sent' : 'no events yet'),
			m.latencyMs !== undefined ? `send → final ${seconds(m.latencyMs)}` : '',
			m.parts !== undefined ? `${m.parts} part${m.parts === 1 ? '' : 's'}` : '',
			m.price !== undefined ? formatPrice(m.price) : '',
		].filter(Boolean);
		return (
			<Text key={`msg-${m.destination}`} wrap="truncate">
				<Text color={color}>{` ${mark} `}</Text>
				<Text>{`${m.destination.padEnd(16)} ${m.expect.padEnd(8)} `}</Text>
				<Text color={color}>{safeText(facts.join(' · '))}</Text>
				<Text color={theme.colors.muted}>{m.state === 'failed' || m.state === 'timedOut' ? safeText(`  ${m.reason}`) : ''}</Text>
			</Text>
		);
	});
	const fixed = 1 + lines.length + 1 + fixLines.length * 2 + messageLines.length + 1;
	const eventRoom = Math.max(0, props.height - fixed - 1);
	const events = run.events.slice(-eventRoom);
	return (
		<Box flexDirection="column" width={width} height={props.height}>
			<Text color={theme.colors.muted} wrap="truncate">
				{safeText(summary)}
			</Text>
			{lines}
			{verdictLine}
			{fixLines}
			{messageLines}
			{eventRoom > 0 ? (
				<>
					<Text bold color={theme.colors.title} wrap="truncate">{` Events [${run.events.length}]`}</Text>
					{events.length === 0 ? <Text color={theme.colors.muted}>{'   waiting for the first event…'}</Text> : null}
					{events.map(e => (
						<Text key={`ev-${e.key}`} wrap="truncate">
							<Text color={theme.colors.muted}>{`   ${clock(e.timestamp)}  `}</Text>
							<Text>{`${e.destination.padEnd(16)} `}</Text>
							<Text color={e.isFinal ? (e.expect === 'success' ? theme.colors.ok : theme.colors.warn) : undefined} bold={e.isFinal}>
								{safeText(`${e.eventType ?? '?'}${e.isFinal ? ' (final)' : ''}`)}
							</Text>
						</Text>
					))}
				</>
			) : null}
		</Box>
	);
}
