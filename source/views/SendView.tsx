// :send — a test message, as the AWS console's "Test SMS sending": origination (numbers incl. simulator numbers,
// pools, sender IDs), destination (verified and simulator numbers, or a typed E.164 number), SMS or voice, body
// with its parts, message type and configuration set. Staged and reviewed like every change (it is billed; typed
// "send"); once sent, its events are followed live from the configuration set's CloudWatch Logs destination.
import React, {useMemo, useState, useSyncExternalStore} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {useResource, useSession} from '../app/session.js';
import {useEdits} from '../app/edits.js';
import {useCommands} from '../input/useCommands.js';
import {Priority} from '../input/KeypressProvider.js';
import {EditForm, formHeight, type FormField, type FormValues} from '../components/EditForm.js';
import {listPhoneNumbers, type PhoneNumber} from '../services/numbersService.js';
import {listPools, type Pool} from '../services/poolsService.js';
import {listSenderIds, type SenderId} from '../services/senderIdsService.js';
import {listConfigurationSets, type ConfigurationSet} from '../services/configSetsService.js';
import {listVerifiedNumbers, type VerifiedNumber} from '../services/verifiedService.js';
import type {TestMessage} from '../services/changesService.js';
import {testSendEdit} from '../app/editPlans.js';
import {testSends, type TestSendState} from '../app/testSendStore.js';
import {parseE164} from '../domain/e164.js';
import {analyzeMessage} from '../domain/messageParts.js';
import {checkTestBody} from '../domain/verification.js';
import {SIMULATOR_DESTINATIONS} from '../domain/simulatorNumbers.js';
import {safeText} from '../domain/sanitize.js';
import {truncate} from '../domain/textWidth.js';
import {PartsPreview} from './PartsPreview.js';
import {usePoolNames, poolLabel} from './usePoolNames.js';
import type {ViewProps} from './viewProps.js';

const NO_SET = '(none: events not followed)';
const LABEL_WIDTH = 19;

/** Picker labels and the identity each stands for. */
interface Choices {
	labels: string[];
	value: Map<string, string>;
	/** The label of a value given by id, ARN or what people call it. */
	labelOf: (given: string | undefined) => string | undefined;
}

function choices(entries: {label: string; value: string; aliases: (string | undefined)[]}[]): Choices {
	const value = new Map(entries.map(e => [e.label, e.value]));
	return {
		labels: entries.map(e => e.label),
		value,
		labelOf: given => (given ? entries.find(e => e.value === given || e.aliases.includes(given))?.label : undefined),
	};
}

function originations(numbers: PhoneNumber[], pools: Pool[], senderIds: SenderId[], names: Record<string, string>): Choices {
	return choices([
		...numbers
			.filter(n => n.Status === 'ACTIVE')
			.map(n => ({
				label: `${n.PhoneNumber} ${n.NumberType ?? ''} ${n.IsoCountryCode ?? ''} ${(n.NumberCapabilities ?? []).join('+')}`.replace(/ +/g, ' ').trim(),
				value: n.PhoneNumber ?? n.PhoneNumberId ?? '',
				aliases: [n.PhoneNumberId, n.PhoneNumberArn],
			})),
		...pools.map(p => ({label: `pool ${poolLabel(p.PoolId, names)}`, value: p.PoolId ?? '', aliases: [p.PoolArn]})),
		...senderIds.map(s => ({label: `sender ID ${s.SenderId} ${s.IsoCountryCode}`, value: s.SenderIdArn ?? s.SenderId ?? '', aliases: [s.SenderId]})),
	]);
}

function destinations(verified: VerifiedNumber[]): Choices {
	return choices([
		...verified.map(v => ({label: `${v.DestinationPhoneNumber} verified ${v.Status === 'VERIFIED' ? '' : `(${v.Status})`}`.trim(), value: v.DestinationPhoneNumber ?? '', aliases: []})),
		...SIMULATOR_DESTINATIONS.flatMap(s => [
			{label: `${s.success} simulator ${s.isoCountryCode} success`, value: s.success, aliases: []},
			{label: `${s.failure} simulator ${s.isoCountryCode} failure`, value: s.failure, aliases: []},
		]),
	]);
}

function newTag(): string {
	return `smsdeck-send-${Date.now().toString(36)}-${Math.random().toString(16).slice(2, 8)}`;
}

export function SendView({width, height, isActive, toast, origination, destination}: ViewProps & {origination?: string; destination?: string}) {
	const theme = useTheme();
	const c = theme.colors;
	const {connection} = useSession();
	const {stage} = useEdits();
	const numbers = useResource<PhoneNumber[]>('numbers', (clients, ctx) => listPhoneNumbers(clients, {signal: ctx.signal}));
	const pools = useResource<Pool[]>('pools', (clients, ctx) => listPools(clients, {signal: ctx.signal}));
	const senderIds = useResource<SenderId[]>('sender-ids', (clients, ctx) => listSenderIds(clients, {signal: ctx.signal}));
	const sets = useResource<ConfigurationSet[]>('config-sets', (clients, ctx) => listConfigurationSets(clients, {signal: ctx.signal}));
	const verified = useResource<VerifiedNumber[]>('verified', (clients, ctx) => listVerifiedNumbers(clients, {signal: ctx.signal}));
	const names = usePoolNames();
	const last = useSyncExternalStore(testSends.subscribe, testSends.get, testSends.get);
	// After a send the screen shows its events; enter (or T) starts another.
	const [editing, setEditing] = useState(() => !last || Boolean(origination || destination));
	const loaded = Boolean(numbers.data && pools.data && senderIds.data && sets.data && verified.data);
	const failed = numbers.error ?? pools.error ?? senderIds.error ?? sets.error ?? verified.error;

	const from = useMemo(() => originations(numbers.data ?? [], pools.data ?? [], senderIds.data ?? [], names), [numbers.data, pools.data, senderIds.data, names]);
	const to = useMemo(() => destinations(verified.data ?? []), [verified.data]);
	const setNames = useMemo(() => [...(sets.data ?? []).map(s => s.ConfigurationSetName ?? '').filter(Boolean), NO_SET], [sets.data]);

	const fields: FormField[] = [
		{id: 'origination', label: 'From', kind: 'pick', options: from.labels, initial: from.labelOf(origination) ?? from.labels.find(l => l.includes('SIMULATOR')) ?? from.labels[0]},
		{id: 'destination', label: 'To', kind: 'pick', options: to.labels, free: true, initial: to.labelOf(destination) ?? (destination ? undefined : to.labels.find(l => l.includes('simulator US success')))},
		{id: 'channel', label: 'Channel', kind: 'choice', options: ['SMS', 'VOICE']},
		{id: 'body', label: 'Message', kind: 'text', initial: 'smsdeck test message'},
		{id: 'messageType', label: 'Message type (SMS)', kind: 'choice', options: ['TRANSACTIONAL', 'PROMOTIONAL']},
		{id: 'configurationSet', label: 'Configuration set', kind: 'pick', options: setNames, initial: setNames.find(n => n === 'smsdeck-simulator') ?? setNames[0]},
	];
	const readOnly = connection.readOnly;

	const messageOf = (values: FormValues): {message?: TestMessage; problem?: string} => {
		if (readOnly) return {problem: 'Read-only: a test send is a change (it is billed); smsdeck refuses it'};
		const originationValue = from.value.get(values.origination) ?? values.origination.trim();
		if (!originationValue) return {problem: 'Choose an origination (number, pool or sender ID)'};
		const typedTo = to.value.get(values.destination) ?? values.destination.trim();
		const dest = parseE164(typedTo);
		if (!dest.ok) return {problem: `To: ${dest.reason}`};
		const channel = values.channel === 'VOICE' ? 'VOICE' : 'TEXT';
		const body = checkTestBody(channel, values.body);
		if (!body.ok) return {problem: body.reason};
		const configurationSet = values.configurationSet && values.configurationSet !== NO_SET ? values.configurationSet : undefined;
		return {
			message: {
				channel,
				origination: originationValue,
				destination: dest.e164,
				body: values.body,
				messageType: channel === 'TEXT' ? (values.messageType as 'TRANSACTIONAL' | 'PROMOTIONAL') : undefined,
				configurationSet,
				context: {smsdeckSend: newTag()},
			},
		};
	};

	const submit = (values: FormValues) => {
		const {message} = messageOf(values);
		if (!message) return;
		setEditing(false);
		const info = analyzeMessage(message.body);
		const how =
			message.channel === 'VOICE'
				? `voice call, ${Array.from(message.body).length} characters spoken`
				: `${info.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'} ${info.parts} part${info.parts === 1 ? '' : 's'} ${message.messageType}`;
		const summary = `${JSON.stringify(message.body.length > 40 ? `${message.body.slice(0, 40)}…` : message.body)} · ${how} · ${message.configurationSet ? `events from ${message.configurationSet}` : 'events not followed'} (billed)`;
		const tag = message.context!.smsdeckSend;
		stage(
			testSendEdit(connection, message, summary, (clients, messageId) => {
				const sentAt = Date.now();
				testSends.follow(
					clients,
					{what: `${message.channel === 'VOICE' ? 'Voice call' : 'SMS'} ${messageId} from ${message.origination} to ${message.destination}`, destination: message.destination, channel: message.channel, sentAt},
					{channel: message.channel, configurationSet: message.configurationSet, messageId, tag, since: sentAt - 2000},
				);
			}),
			{review: true},
		);
	};

	useCommands(
		{
			'view.open': () => setEditing(true),
			'send.test': () => setEditing(true),
		},
		{priority: Priority.View, isActive: isActive && !editing},
	);

	const formLines = formHeight(fields) + 2;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={c.accent}>
				{truncate(' Test send — SMS or voice to a verified or simulator number (in the sandbox, only these)', width - 1)}
			</Text>
			{failed ? <Text color={c.error}>{truncate(` Could not load the choices: ${failed}`, width - 1)}</Text> : null}
			{editing && !loaded && !failed ? <Text color={c.muted}> Loading numbers, pools, sender IDs, configuration sets and verified numbers…</Text> : null}
			{editing && loaded ? (
				<EditForm
					title={readOnly ? 'Read-only: test sends are refused' : 'A test message (billed as a real one unless it goes to a simulator number)'}
					fields={fields}
					width={width}
					submitLabel="stages and reviews (typed “send”)"
					validate={values => messageOf(values).problem}
					onSubmit={submit}
					onCancel={() => setEditing(false)}
					below={values =>
						values.channel === 'VOICE' ? (
							<Text color={c.muted}>{truncate(`   ${'Spoken'.padEnd(LABEL_WIDTH)}${Array.from(values.body).length} characters (the sandbox cuts calls at 30 s)`, width - 1)}</Text>
						) : (
							<PartsPreview body={values.body} width={width} labelWidth={LABEL_WIDTH} />
						)
					}
				/>
			) : null}
			{!editing ? <Text color={c.muted}>{truncate(' enter or T: a new test send', width - 1)}</Text> : null}
			<FollowPanel state={last} width={width} height={Math.max(3, height - (editing ? formLines : 0) - 3)} />
		</Box>
	);
}

const clock = (ms: number | undefined) => (ms === undefined ? '--:--:--.---' : new Date(ms).toISOString().slice(11, 23));

function FollowPanel({state, width, height}: {state: TestSendState | undefined; width: number; height: number}) {
	const theme = useTheme();
	const c = theme.colors;
	if (!state) return null;
	const r = state.report;
	const status =
		r.state === 'delivered'
			? {text: `${theme.glyphs.ok} ${r.finalStatus ?? 'DELIVERED'}`, color: c.ok}
			: r.state === 'failed'
				? {text: `${theme.glyphs.fail} ${r.finalStatus ?? 'FAILED'}`, color: c.error}
				: r.state === 'following'
					? {text: `following on ${r.logGroup ?? ''}…`, color: c.info}
					: r.state === 'finding'
						? {text: 'finding the event destination…', color: c.info}
						: r.state === 'timedOut'
							? {text: `no final event: ${r.reason ?? ''}`, color: c.warn}
							: {text: `events not followed: ${r.reason ?? state.error ?? ''}`, color: c.warn};
	const rows = r.events.slice(-Math.max(1, height - 3));
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>{truncate(` Last send: ${safeText(state.what)}`, width - 1)}</Text>
			<Text color={status.color}>{truncate(` Status: ${status.text}`, width - 1)}</Text>
			{r.fix ? <Text color={c.muted}>{truncate(` fix: ${r.fix}`, width - 1)}</Text> : null}
			{rows.map((e, i) => (
				<Text key={i} color={e.isFinal ? (r.state === 'delivered' ? c.ok : c.error) : undefined}>
					{truncate(`   ${clock(e.timestamp)}  ${safeText(e.eventType ?? '')}  ${safeText(e.status ?? '')}${e.isFinal ? '  (final)' : ''}`, width - 1)}
				</Text>
			))}
		</Box>
	);
}
