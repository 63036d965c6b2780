// Following one test message to its final event, through the configuration set's CloudWatch Logs destination
// (the same finder and tagged tail as the simulator run). No Ink, no React.
import type {Clients} from './clients.js';
import type {StartTail, TailHandle} from './tailTypes.js';
import {listConfigurationSets} from './configSetsService.js';
import {checkLogGroup, followTaggedEvents, pickLogsDestination} from './messageEvents.js';
import {isDeliveredStatus} from '../domain/verification.js';

export interface FollowedEvent {
	eventType?: string;
	status?: string;
	isFinal?: boolean;
	timestamp?: number;
	receivedAt: number;
}

export type FollowState = 'finding' | 'following' | 'delivered' | 'failed' | 'timedOut' | 'notFollowed' | 'stopped';

export interface FollowReport {
	state: FollowState;
	messageId: string;
	events: FollowedEvent[];
	/** Why the events are not followed, or why following stopped. */
	reason?: string;
	fix?: string;
	logGroup?: string;
	/** The final event's status (DELIVERED, CARRIER_UNREACHABLE, COMPLETED …). */
	finalStatus?: string;
}

export interface FollowRequest {
	channel: 'TEXT' | 'VOICE';
	configurationSet?: string;
	messageId: string;
	/** The tag the send wrote into its Context (the log filter pattern). */
	tag: string;
	/** Epoch ms to read from (a little before the send). */
	since: number;
	timeoutMs?: number;
	signal?: AbortSignal;
}

export const FOLLOW_TIMEOUT_MS = 60_000;

/** Follows the message until its final event, the time is up or the signal aborts; `update` gets every change. */
export async function followTestSend(
	clients: Clients,
	request: FollowRequest,
	update: (report: FollowReport) => void,
	deps: {startTail: StartTail; pollIntervalMs?: number; now?: () => number},
): Promise<FollowReport> {
	const now = deps.now ?? Date.now;
	const report: FollowReport = {state: 'finding', messageId: request.messageId, events: []};
	const emit = () => update({...report, events: [...report.events]});
	const stop = (state: FollowState, reason?: string, fix?: string) => {
		report.state = state;
		if (reason) report.reason = reason;
		if (fix) report.fix = fix;
		emit();
		return {...report, events: [...report.events]};
	};
	emit();
	if (!request.configurationSet) return stop('notFollowed', 'no configuration set: its events go to no destination smsdeck can read');
	const sets = await listConfigurationSets(clients);
	const set = sets.find(s => s.ConfigurationSetName === request.configurationSet || s.ConfigurationSetArn === request.configurationSet);
	if (!set) return stop('notFollowed', `configuration set ${request.configurationSet} does not exist in ${clients.connection.region}`);
	const found = pickLogsDestination(set, request.channel, clients.connection.region);
	if (!found.ok) return stop('notFollowed', found.reason, found.fix);
	const logs = await checkLogGroup(clients, found.destination);
	if (logs.missing) return stop('notFollowed', logs.missing.reason, logs.missing.fix);
	report.logGroup = logs.group;
	report.state = 'following';
	emit();

	let tail: TailHandle | undefined;
	let settle: () => void = () => {};
	const final = new Promise<void>(resolve => (settle = resolve));
	tail = followTaggedEvents(
		deps.startTail,
		clients,
		{arn: logs.arn, tag: request.tag, since: request.since, pollIntervalMs: deps.pollIntervalMs},
		{
			event: event => {
				if (event.messageId && event.messageId !== request.messageId) return;
				if (report.state !== 'following') return;
				report.events.push({eventType: event.eventType, status: event.status, isFinal: event.isFinal, timestamp: event.timestamp, receivedAt: now()});
				report.events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
				if (event.isFinal) {
					report.finalStatus = event.status;
					report.state = isDeliveredStatus(event.status) ? 'delivered' : 'failed';
					settle();
				}
				emit();
			},
		},
	);
	let timer: NodeJS.Timeout | undefined;
	const timeoutMs = request.timeoutMs ?? FOLLOW_TIMEOUT_MS;
	const timedOut = new Promise<'timeout'>(resolve => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
	const cancelled = new Promise<'cancelled'>(resolve => {
		if (request.signal?.aborted) resolve('cancelled');
		request.signal?.addEventListener('abort', () => resolve('cancelled'), {once: true});
	});
	const stopped = tail.done.then(() => 'stopped' as const);
	const why = await Promise.race([final.then(() => 'final' as const), timedOut, cancelled, stopped]);
	clearTimeout(timer);
	tail.stop();
	tail = undefined;
	if (why === 'final') return stop(report.state);
	if (why === 'timeout') return stop('timedOut', `no final event within ${Math.round(timeoutMs / 1000)} s`);
	if (why === 'cancelled') return stop('stopped', 'stopped');
	return stop('stopped', 'the event tail stopped');
}
