// Message event records (guide §7.2) written to the configuration set's event destinations.
// Each destination that is enabled and whose MatchingEventTypes match (ALL, TEXT_ALL / MEDIA_ALL /
// VOICE_ALL, or the exact type) gets every event. CloudWatch Logs destinations get one log event
// per record in the stream `sms-voice/<configuration set>/<yyyy-mm-dd>` (UTC day of the event);
// Firehose and SNS records are kept in the region's `deliveries` (admin action `deliveries`).
// Events are emitted world.options.eventDelayMs apart, the first one eventDelayMs after the send.
import {parseLogGroupArn} from './ids.js';
import type {Channel} from './model.js';
import type {Svc} from './state.js';

export type Outcome = 'success' | 'failure' | 'media-unsupported';

export interface OutgoingMessage {
	region: string;
	channel: Channel;
	messageId: string;
	requestedAt: number;
	origination: string;
	destination: string;
	isoCountryCode: string;
	configurationSetName: string;
	messageType: string;
	encoding?: 'GSM' | 'Unicode';
	parts: number;
	price: number;
	carrierFee: number;
	context?: Record<string, string>;
	outcome: Outcome;
	callDurationInSeconds?: number;
	totalDurationInMinutes?: number;
}

interface Step {
	eventType: string;
	status: string;
	description: string;
	isFinal: boolean;
}

const DESCRIPTIONS: Record<string, string> = {
	PENDING: 'Message is being delivered and has not been accepted by the carrier yet',
	SUCCESSFUL: 'Message has been accepted by phone carrier',
	DELIVERED: 'Message has been accepted by phone',
	CARRIER_UNREACHABLE: 'The recipient carrier network is unreachable',
	FAILED: 'The media file type is not supported',
	INITIATED: 'The call is ready to be dialled',
	RINGING: 'The call has been placed and is ringing',
	ANSWERED: 'The recipient answered the call',
	COMPLETED: 'The voice message was played',
	NO_ANSWER: 'The call was placed but never answered',
};

function step(eventType: string, status: string, isFinal: boolean): Step {
	return {eventType, status, description: DESCRIPTIONS[status] ?? status, isFinal};
}

/** The emulator's event sequences (the guide leaves them open). */
export function eventSequence(channel: Channel, outcome: Outcome): Step[] {
	if (channel === 'VOICE') {
		return outcome === 'success'
			? [step('VOICE_INITIATED', 'INITIATED', false), step('VOICE_RINGING', 'RINGING', false), step('VOICE_ANSWERED', 'ANSWERED', false), step('VOICE_COMPLETED', 'COMPLETED', true)]
			: [step('VOICE_INITIATED', 'INITIATED', false), step('VOICE_RINGING', 'RINGING', false), step('VOICE_NO_ANSWER', 'NO_ANSWER', true)];
	}
	const p = channel === 'MEDIA' ? 'MEDIA' : 'TEXT';
	if (outcome === 'media-unsupported') return [step(`${p}_PENDING`, 'PENDING', false), step('MEDIA_FILE_TYPE_UNSUPPORTED', 'FAILED', true)];
	return outcome === 'success'
		? [step(`${p}_PENDING`, 'PENDING', false), step(`${p}_SUCCESSFUL`, 'SUCCESSFUL', false), step(`${p}_DELIVERED`, 'DELIVERED', true)]
		: [step(`${p}_PENDING`, 'PENDING', false), step(`${p}_CARRIER_UNREACHABLE`, 'CARRIER_UNREACHABLE', true)];
}

export function matches(matchingEventTypes: readonly string[], eventType: string): boolean {
	const family = eventType.split('_')[0];
	return matchingEventTypes.some(t => t === 'ALL' || t === eventType || t === `${family}_ALL`);
}

/** The record JSON, with the guide's field order and casing per channel. */
export function eventRecord(msg: OutgoingMessage, s: Step, at: number): Record<string, unknown> {
	const common = {
		eventType: s.eventType,
		eventVersion: '1.0',
		eventTimestamp: at,
		isFinal: s.isFinal,
		originationPhoneNumber: msg.origination,
		destinationPhoneNumber: msg.destination,
		isoCountryCode: msg.isoCountryCode,
		messageId: msg.messageId,
		messageRequestTimestamp: msg.requestedAt,
	};
	const context = msg.context && Object.keys(msg.context).length > 0 ? {context: {...msg.context}} : {};
	if (msg.channel === 'VOICE') {
		const duration = s.isFinal && s.status === 'COMPLETED' ? {callDurationInSeconds: msg.callDurationInSeconds ?? 0, totalDurationInMinutes: msg.totalDurationInMinutes ?? 0} : {};
		return {...common, messageStatus: s.status, ...duration, totalMessagePrice: msg.price, ...context};
	}
	const body = {
		...common,
		...(msg.channel === 'TEXT' ? {messageEncoding: msg.encoding ?? 'GSM'} : {}),
		messageType: msg.messageType,
		messageStatus: s.status,
		messageStatusDescription: s.description,
		...context,
		totalMessageParts: msg.parts,
		totalMessagePrice: msg.price,
		totalCarrierFee: msg.carrierFee,
	};
	return msg.channel === 'MEDIA' ? {contentType: 'MMS', ...body} : body;
}

export function logStreamName(configurationSetName: string, at: number): string {
	return `sms-voice/${configurationSetName}/${new Date(at).toISOString().slice(0, 10)}`;
}

const MAX_DELIVERIES = 500;

/** Writes one record to every matching enabled destination of the message's configuration set. */
function deliver(svc: Svc, msg: OutgoingMessage, s: Step): void {
	const rs = svc.root.regions[msg.region];
	const cs = rs?.configSets[msg.configurationSetName];
	if (!cs) return;
	const at = svc.now();
	const record = eventRecord(msg, s, at);
	const message = JSON.stringify(record);
	for (const d of cs.eventDestinations) {
		if (!d.enabled || !matches(d.matchingEventTypes, s.eventType)) continue;
		if (d.cloudWatchLogs) {
			const group = parseLogGroupArn(d.cloudWatchLogs.LogGroupArn);
			if (group) svc.world.logs.appendEvents(group.region, group.name, logStreamName(cs.name, at), [{timestamp: at, message}]);
		} else {
			rs.deliveries.push({at, kind: d.firehose ? 'firehose' : 'sns', target: d.firehose?.DeliveryStreamArn ?? d.sns?.TopicArn ?? '', record});
			if (rs.deliveries.length > MAX_DELIVERIES) rs.deliveries.splice(0, rs.deliveries.length - MAX_DELIVERIES);
			svc.dirty();
		}
	}
}

/** Pending event timers, so restore() can cancel them. */
export class EventScheduler {
	private readonly timers = new Set<{cancel(): void}>();
	constructor(private readonly svc: Svc) {}

	schedule(msg: OutgoingMessage): void {
		if (this.svc.root.withheld.includes(msg.destination)) return;
		const steps = eventSequence(msg.channel, msg.outcome);
		const delay = Math.max(0, this.svc.world.options.eventDelayMs);
		const next = (index: number): void => {
			const timer = this.svc.world.clock.setTimeout(() => {
				this.timers.delete(timer);
				deliver(this.svc, msg, steps[index]);
				if (index + 1 < steps.length) next(index + 1);
			}, delay);
			this.timers.add(timer);
		};
		next(0);
	}

	cancelAll(): void {
		for (const t of this.timers) t.cancel();
		this.timers.clear();
	}
}
