/**
 * Parse one CloudWatch Logs message written by an End User Messaging SMS
 * event destination into an SMS / MMS / voice event (reference facts §7.2).
 *
 * parseEventRecord never throws. It keeps every string as the log group holds
 * it (`smsdeck tail --json` hands the original on): log content is
 * attacker-controlled (a message body or context value can carry escape
 * sequences and line breaks), so whatever shows it on a terminal goes through
 * domain/sanitize.ts (the console's fit/truncate, the tail's plain lines,
 * safeJson). JSON nested deeper than 64 levels is kept only down to that depth.
 *
 * kind: eventType prefix TEXT_ → 'sms', MEDIA_ → 'mms', VOICE_ → 'voice';
 * otherwise contentType "MMS" → 'mms'; any other JSON (no eventType, or an
 * unrecognised one such as RCS_…) → 'unknown-json'; not JSON → 'raw'.
 */
export type EventKind = 'sms' | 'mms' | 'voice' | 'unknown-json' | 'raw';

export interface ParsedEvent {
	kind: EventKind;
	eventType?: string;
	eventVersion?: string;
	contentType?: string;
	/** messageStatus */
	status?: string;
	/** messageStatusDescription */
	statusDescription?: string;
	isFinal?: boolean;
	/** eventTimestamp, epoch ms */
	timestamp?: number;
	/** messageRequestTimestamp, epoch ms */
	requestTimestamp?: number;
	messageId?: string;
	/** originationPhoneNumber */
	origination?: string;
	/** destinationPhoneNumber */
	destination?: string;
	isoCountryCode?: string;
	/** totalMessageParts */
	parts?: number;
	/** totalMessagePrice, USD */
	price?: number;
	/** totalCarrierFee, USD */
	carrierFee?: number;
	/** messageEncoding ("GSM" or "Unicode") */
	encoding?: string;
	/** messageType (PROMOTIONAL / TRANSACTIONAL) */
	messageType?: string;
	context?: Record<string, string>;
	/** callDurationInSeconds (voice) */
	callDurationSeconds?: number;
	/** totalDurationInMinutes, billed minutes (voice) */
	durationMinutes?: number;
	/** The original message, as it is (not safe to print). */
	raw: string;
	/** The parsed JSON, as it is (not safe to print), cut below 64 levels of nesting. */
	json?: unknown;
}

export type EventOutcome = 'success' | 'failure' | 'pending' | 'unknown';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Define an own property even for keys like "__proto__" (JSON.parse produces them as own keys). */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true});
}

const MAX_DEPTH = 64;

/** True when the value nests deeper than MAX_DEPTH (checked without copying: events are two levels deep). */
function tooDeep(value: unknown, depth = 0): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (depth > MAX_DEPTH) return true;
	for (const item of Array.isArray(value) ? value : Object.values(value)) if (tooDeep(item, depth + 1)) return true;
	return false;
}

/** A copy without what lies deeper than MAX_DEPTH (so showing it can never overflow the stack). */
function cutDeep(value: unknown, depth = 0): unknown {
	if (typeof value !== 'object' || value === null) return value;
	if (depth > MAX_DEPTH) return undefined;
	if (Array.isArray(value)) return value.map((item) => cutDeep(item, depth + 1));
	const out: JsonObject = {};
	for (const [key, item] of Object.entries(value)) setOwn(out, key, cutDeep(item, depth + 1));
	return out;
}

function str(record: JsonObject, key: string): string | undefined {
	const value = record[key];
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

function num(record: JsonObject, key: string): number | undefined {
	const value = record[key];
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

function bool(record: JsonObject, key: string): boolean | undefined {
	const value = record[key];
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return undefined;
}

function contextOf(value: unknown): Record<string, string> | undefined {
	if (!isObject(value)) return undefined;
	const out: Record<string, string> = {};
	for (const [key, item] of Object.entries(value)) {
		if (typeof item === 'string') setOwn(out, key, item);
		else if (typeof item === 'number' || typeof item === 'boolean') setOwn(out, key, String(item));
		else if (item !== null && item !== undefined) setOwn(out, key, JSON.stringify(item));
	}
	return out;
}

function kindOf(eventType: string | undefined, contentType: string | undefined): EventKind {
	if (eventType?.startsWith('TEXT_')) return 'sms';
	if (eventType?.startsWith('MEDIA_')) return 'mms';
	if (eventType?.startsWith('VOICE_')) return 'voice';
	if (eventType !== undefined && contentType?.toUpperCase() === 'MMS') return 'mms';
	return 'unknown-json';
}

function parseJson(text: string): {ok: true; value: unknown} | {ok: false} {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return {ok: false};
	try {
		return {ok: true, value: JSON.parse(trimmed)};
	} catch {
		return {ok: false};
	}
}

/** Parse one log message; never throws. */
export function parseEventRecord(message: string): ParsedEvent {
	const text = typeof message === 'string' ? message : String(message);
	const raw = text;
	const parsed = parseJson(text);
	if (!parsed.ok) return {kind: 'raw', raw};

	const json = tooDeep(parsed.value) ? cutDeep(parsed.value) : parsed.value;
	if (!isObject(json)) return {kind: 'unknown-json', raw, json};

	const eventType = str(json, 'eventType');
	const contentType = str(json, 'contentType');
	const event: ParsedEvent = {kind: eventType === undefined ? 'unknown-json' : kindOf(eventType, contentType), raw, json};
	const fields: Array<[keyof ParsedEvent, unknown]> = [
		['eventType', eventType],
		['eventVersion', str(json, 'eventVersion')],
		['contentType', contentType],
		['status', str(json, 'messageStatus')],
		['statusDescription', str(json, 'messageStatusDescription')],
		['isFinal', bool(json, 'isFinal')],
		['timestamp', num(json, 'eventTimestamp')],
		['requestTimestamp', num(json, 'messageRequestTimestamp')],
		['messageId', str(json, 'messageId')],
		['origination', str(json, 'originationPhoneNumber')],
		['destination', str(json, 'destinationPhoneNumber')],
		['isoCountryCode', str(json, 'isoCountryCode')],
		['parts', num(json, 'totalMessageParts')],
		['price', num(json, 'totalMessagePrice')],
		['carrierFee', num(json, 'totalCarrierFee')],
		['encoding', str(json, 'messageEncoding')],
		['messageType', str(json, 'messageType')],
		['context', contextOf(json.context)],
		['callDurationSeconds', num(json, 'callDurationInSeconds')],
		['durationMinutes', num(json, 'totalDurationInMinutes')],
	];
	const target = event as unknown as Record<string, unknown>;
	for (const [key, value] of fields) if (value !== undefined) target[key] = value;
	return event;
}

/*
 * Outcome table (status is messageStatus, or else the eventType without its
 * TEXT_/MEDIA_/VOICE_ prefix):
 *
 * | outcome | statuses |
 * | success | SUCCESSFUL, DELIVERED, COMPLETED; ANSWERED when isFinal is true |
 * | failure | INVALID, UNREACHABLE, BLOCKED, CARRIER_UNREACHABLE, SPAM, INVALID_MESSAGE, CARRIER_BLOCKED, |
 * |         | TTL_EXPIRED, FAILED, UNROUTABLE, BUSY, NO_ANSWER, PROTECT_BLOCKED; any MEDIA_FILE_* event;  |
 * |         | UNKNOWN unless isFinal is false                                                             |
 * | pending | PENDING, QUEUED, ACCEPTED, SENT, INITIATED, RINGING; ANSWERED unless final; UNKNOWN with    |
 * |         | isFinal false (the service may still report a final status, up to 72 h later)               |
 * | unknown | anything else, and records without a status or event type                                   |
 */
const SUCCESS = new Set(['SUCCESSFUL', 'DELIVERED', 'COMPLETED']);
const FAILURE = new Set([
	'INVALID', 'UNREACHABLE', 'BLOCKED', 'CARRIER_UNREACHABLE', 'SPAM', 'INVALID_MESSAGE', 'CARRIER_BLOCKED',
	'TTL_EXPIRED', 'FAILED', 'UNROUTABLE', 'BUSY', 'NO_ANSWER', 'PROTECT_BLOCKED',
]);
const PENDING = new Set(['PENDING', 'QUEUED', 'ACCEPTED', 'SENT', 'INITIATED', 'RINGING']);

function statusOf(event: Pick<ParsedEvent, 'status' | 'eventType'>): string | undefined {
	const status = event.status?.trim().toUpperCase();
	if (status) return status;
	const match = event.eventType?.trim().toUpperCase().match(/^(?:TEXT|MEDIA|VOICE)_(.+)$/);
	return match?.[1];
}

/** Classify an event as success, failure, pending or unknown (table above). */
export function eventOutcome(event: Pick<ParsedEvent, 'status' | 'eventType' | 'isFinal'>): EventOutcome {
	if (event.eventType?.toUpperCase().startsWith('MEDIA_FILE_')) return 'failure';
	const status = statusOf(event);
	if (status === undefined) return 'unknown';
	if (SUCCESS.has(status)) return 'success';
	if (FAILURE.has(status)) return 'failure';
	if (PENDING.has(status)) return 'pending';
	if (status === 'ANSWERED') return event.isFinal === true ? 'success' : 'pending';
	if (status === 'UNKNOWN') return event.isFinal === false ? 'pending' : 'failure';
	return 'unknown';
}
