/**
 * What a simulator smoke test will send, checked before anything is sent (pure logic, no I/O):
 * the country's success and failure numbers (or the destinations given), each with the outcome the
 * simulator should produce, and a body the service accepts.
 *
 * Rules (reference facts §5, §6, §8): origination simulator numbers exist only for the United States and
 * send only to destination simulator numbers of their own country; an SMS body has at most 1,530 GSM-7 or
 * 630 UCS-2 characters; an MMS body at most 1,600 characters.
 */
import {analyzeMessage, type MessagePartsInfo} from './messageParts.js';
import {parseE164} from './e164.js';
import {simulatorDestination, simulatorPair, SIMULATOR_DESTINATIONS, SIMULATOR_ORIGINATION_COUNTRIES, type SimulatorOutcome} from './simulatorNumbers.js';

export type SimulatorChannel = 'sms' | 'mms';

export interface PlannedMessage {
	destination: string;
	expect: SimulatorOutcome;
}

export interface SimulatorPlanInput {
	/** ISO 3166-1 alpha-2, default US. */
	country?: string;
	body: string;
	channel: SimulatorChannel;
	/** Send only to the success or the failure number. */
	only?: SimulatorOutcome;
	/** Explicit destinations instead of the country's pair. */
	destinations?: readonly string[];
}

export interface SimulatorPlan {
	country: string;
	countryName: string;
	messages: PlannedMessage[];
	parts?: MessagePartsInfo;
}

export type PlanResult = {ok: true; plan: SimulatorPlan} | {ok: false; reason: string};

export const MMS_BODY_MAX = 1600;

const countryList = () => SIMULATOR_DESTINATIONS.map(c => c.isoCountryCode).join(' ');

/** The country's pair as one readable phrase. */
export function describePair(country: string): string {
	const pair = simulatorPair(country);
	return pair ? `${pair.country}: success ${pair.success}, failure ${pair.failure}` : country;
}

export function planSimulatorRun(input: SimulatorPlanInput): PlanResult {
	const country = (input.country ?? 'US').trim().toUpperCase();
	const pair = simulatorPair(country);
	if (!pair) return {ok: false, reason: `${country} has no destination simulator numbers; countries with them: ${countryList()}`};

	if (input.body.trim() === '') return {ok: false, reason: 'the message body is empty'};
	let parts: MessagePartsInfo | undefined;
	if (input.channel === 'sms') {
		parts = analyzeMessage(input.body);
		if (parts.tooLong) {
			const kind = parts.encoding === 'GSM' ? 'GSM-7' : 'UCS-2';
			return {ok: false, reason: `the body has ${parts.characters} ${kind} characters; an SMS takes at most ${parts.maxCharacters} (${parts.parts} parts of at most 10)`};
		}
	} else if (Array.from(input.body).length > MMS_BODY_MAX) {
		return {ok: false, reason: `the body has ${Array.from(input.body).length} characters; an MMS body takes at most ${MMS_BODY_MAX}`};
	}

	let messages: PlannedMessage[];
	if (input.destinations && input.destinations.length > 0) {
		messages = [];
		for (const raw of input.destinations) {
			const parsed = parseE164(raw);
			if (!parsed.ok) return {ok: false, reason: `destination "${raw}" is not an E.164 number: ${parsed.reason}`};
			const sim = simulatorDestination(parsed.e164);
			if (!sim) {
				return {
					ok: false,
					reason: `${parsed.e164} is not a destination simulator number; a simulator origination number sends only to the simulator numbers of its country (${describePair(country)})`,
				};
			}
			if (sim.isoCountryCode !== country) {
				return {ok: false, reason: `${parsed.e164} is the ${sim.country} simulator ${sim.outcome} number, not one of ${country}: a cross-country send (${describePair(country)})`};
			}
			if (input.only && sim.outcome !== input.only) continue;
			messages.push({destination: parsed.e164, expect: sim.outcome});
		}
	} else {
		messages = (['success', 'failure'] as const).filter(o => !input.only || o === input.only).map(expect => ({destination: pair[expect], expect}));
	}
	if (messages.length === 0) return {ok: false, reason: `no destination left to send to (--only ${input.only})`};
	if (input.channel === 'mms' && !['US', 'CA'].includes(country)) {
		return {ok: false, reason: `MMS reaches only the United States and Canada, not ${pair.country}`};
	}
	return {ok: true, plan: {country, countryName: pair.country, messages, parts}};
}

/** Whether an origination number can send this plan; undefined when it can. */
export function originationProblem(origination: {phoneNumber?: string; numberType?: string; isoCountryCode?: string}, plan: SimulatorPlan): string | undefined {
	if (origination.numberType !== 'SIMULATOR') return undefined;
	const from = origination.isoCountryCode ?? 'US';
	if (from !== plan.country) {
		return `${origination.phoneNumber ?? 'the origination'} is a ${from} simulator number; it sends only to ${from} destination simulator numbers, not to ${plan.countryName} (a cross-country send). Origination simulator numbers exist only for ${SIMULATOR_ORIGINATION_COUNTRIES.join(', ')}`;
	}
	return undefined;
}
