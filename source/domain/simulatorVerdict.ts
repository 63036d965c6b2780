/**
 * Verdicts of a simulator smoke test (pure logic, no I/O).
 *
 * A message is judged by its final event — `isFinal` and `messageStatus` (through eventOutcome) — never
 * by one exact sequence of event types, because the service does not document the sequence:
 * - sent to a success number: passes once a final event reports success (DELIVERED, SUCCESSFUL …);
 *   a final failure fails it;
 * - sent to a failure number: passes once a final event reports a failure (CARRIER_UNREACHABLE,
 *   UNREACHABLE, FAILED …); a final success fails it (the simulator should have failed it);
 * - no final event yet: waiting; when the run's time is up, that message timed out.
 * A record without `isFinal` counts as final only when its status is a success or failure.
 *
 * Overall: MISCONFIGURED (the run could not start), else FAIL (a message ended the wrong way), else
 * TIMEOUT (a message has no final event in time), else PASS.
 */
import {eventOutcome, type EventOutcome, type ParsedEvent} from './eventRecord.js';
import type {SimulatorOutcome} from './simulatorNumbers.js';

export type MessageState = 'waiting' | 'passed' | 'failed' | 'timedOut';
export type OverallVerdict = 'PASS' | 'FAIL' | 'TIMEOUT' | 'MISCONFIGURED';

export type JudgedEvent = Pick<ParsedEvent, 'eventType' | 'status' | 'isFinal' | 'timestamp'>;

export interface MessageJudgement {
	state: MessageState;
	/** One line for people: why it passed, failed or is still waiting. */
	reason: string;
	/** The event the judgement rests on (the final one), if any. */
	final?: JudgedEvent;
	outcome?: EventOutcome;
}

function isFinalEvent(event: JudgedEvent): boolean {
	if (event.isFinal === true) return true;
	if (event.isFinal === false) return false;
	const outcome = eventOutcome(event);
	return outcome === 'success' || outcome === 'failure';
}

const label = (event: JudgedEvent) => event.status ?? event.eventType ?? 'an event without a status';

/** The final event with the latest timestamp (a later final report supersedes an earlier one). */
export function finalEvent<T extends JudgedEvent>(events: readonly T[]): T | undefined {
	let best: T | undefined;
	for (const event of events) {
		if (!isFinalEvent(event)) continue;
		if (!best || (event.timestamp ?? 0) >= (best.timestamp ?? 0)) best = event;
	}
	return best;
}

/** Judges one message from the events seen so far; `timedOut` says the run's time is up. */
export function judgeMessage(expect: SimulatorOutcome, events: readonly JudgedEvent[], timedOut = false): MessageJudgement {
	const final = finalEvent(events);
	if (!final) {
		const seen = events.length === 0 ? 'no events' : `${events.length} event${events.length === 1 ? '' : 's'}, none final (last: ${label(events[events.length - 1])})`;
		return timedOut ? {state: 'timedOut', reason: `no final event in time: ${seen}`} : {state: 'waiting', reason: `waiting: ${seen}`};
	}
	const outcome = eventOutcome(final);
	if (expect === 'success') {
		if (outcome === 'success') return {state: 'passed', reason: `${label(final)}, as expected from the success number`, final, outcome};
		return {state: 'failed', reason: `ended ${label(final)}; the success number should end delivered or successful`, final, outcome};
	}
	if (outcome === 'failure') return {state: 'passed', reason: `${label(final)}, a failure as expected from the failure number`, final, outcome};
	return {state: 'failed', reason: `ended ${label(final)}; the failure number should end in a failure`, final, outcome};
}

/** The run's verdict from the judgements of its messages. */
export function overallVerdict(input: {misconfigured?: boolean; failed?: boolean; messages: readonly Pick<MessageJudgement, 'state'>[]}): OverallVerdict {
	if (input.misconfigured) return 'MISCONFIGURED';
	if (input.failed || input.messages.length === 0) return 'FAIL';
	if (input.messages.some(m => m.state === 'failed')) return 'FAIL';
	if (input.messages.some(m => m.state === 'timedOut' || m.state === 'waiting')) return 'TIMEOUT';
	return 'PASS';
}

/** Exit code of `smsdeck simulate`: 0 pass, 1 fail or timeout, 2 misconfigured (or bad input). */
export function verdictExitCode(verdict: OverallVerdict): number {
	return verdict === 'PASS' ? 0 : verdict === 'MISCONFIGURED' ? 2 : 1;
}

/** Milliseconds from the send to the final event, when both are known and in order. */
export function latencyMs(sentAt: number | undefined, final: JudgedEvent | undefined): number | undefined {
	if (sentAt === undefined || final?.timestamp === undefined) return undefined;
	return Math.max(0, final.timestamp - sentAt);
}
