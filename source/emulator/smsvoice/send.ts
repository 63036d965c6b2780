// SendTextMessage, SendMediaMessage, SendVoiceMessage: the send rules of the guide (§17) in order —
// input checks, configuration set and protect configuration, origination identity, protect rules,
// sandbox, opt-out list, price (MaxPrice) and monthly spend — then spend accounting and events.
import {parseE164} from '../../domain/e164.js';
import {analyzeMessage} from '../../domain/messageParts.js';
import {findRegion} from '../../domain/regions.js';
import {simulatorDestination} from '../../domain/simulatorNumbers.js';
import {ApiError, type Handler, type RequestContext} from '../types.js';
import {conflict, quota, validation} from './errors.js';
import type {EventScheduler, Outcome} from './events.js';
import {newMessageId} from './ids.js';
import {requireConfigSet, requireProtect} from './lookup.js';
import type {Channel, MessageType, RegionState, SentMessageRec} from './model.js';
import {resolveOrigination, type Destination} from './origination.js';
import {protectDecision} from './protect.js';
import {
	addSpend,
	checkMaxPrice,
	checkSpend,
	publishSpend,
	DEFAULT_VOICE_PRICE,
	MMS_CARRIER_FEE,
	MMS_PRICE,
	round5,
	SMS_CARRIER_FEE_PER_PART,
	smsPricePerPart,
	VOICE_PRICE_PER_MINUTE,
} from './spend.js';
import {SANDBOX_TIER, type Svc} from './state.js';
import {MMS_COUNTRIES, VOICE_SANDBOX_COUNTRIES} from './countries.js';
import {isVerifiedDestination} from './verified.js';

interface SendInput {
	DestinationPhoneNumber: string;
	OriginationIdentity?: string;
	MessageBody?: string;
	MessageType?: MessageType;
	ConfigurationSetName?: string;
	MaxPrice?: string;
	MaxPricePerMinute?: string;
	TimeToLive?: number;
	Context?: Record<string, string>;
	DryRun?: boolean;
	ProtectConfigurationId?: string;
	MediaUrls?: string[];
	MessageBodyTextType?: 'TEXT' | 'SSML';
}

/** Media types the guide lists (by file extension). */
const MEDIA_EXTENSIONS = new Set(['gif', 'jpg', 'jpeg', 'png', 'tif', 'tiff', '3gp', '3g2', 'amr', 'mp4', 'm4a', 'mp3', 'ogg', 'oga', 'mov', 'webm', 'ics', 'vcf', 'pdf']);
const MAX_SENT_RECORDS = 1000;
const PROTECT_CAPABILITY = {TEXT: 'SMS', MEDIA: 'MMS', VOICE: 'VOICE'} as const;

function destinationOf(value: string): Destination {
	const parsed = parseE164(value);
	if (!parsed.ok) throw validation('INVALID_PARAMETER', `The destination is not an E.164 phone number: ${parsed.reason}`, 'DestinationPhoneNumber');
	const simulator = simulatorDestination(parsed.e164);
	const iso = simulator?.isoCountryCode ?? parsed.isoCountryCode;
	if (!iso) throw validation('INVALID_PARAMETER', 'The destination number belongs to no country.', 'DestinationPhoneNumber');
	return {e164: parsed.e164, isoCountryCode: iso, simulator};
}

interface Priced {
	unitPrice: number;
	price: number;
	carrierFee: number;
	parts: number;
	encoding?: 'GSM' | 'Unicode';
	callDurationInSeconds?: number;
	totalDurationInMinutes?: number;
	outcomeOverride?: Outcome;
}

function priceText(input: SendInput, dest: Destination): Priced {
	if (input.MessageBody === undefined) throw validation('MISSING_PARAMETER', 'MessageBody is required.', 'MessageBody');
	const info = analyzeMessage(input.MessageBody);
	if (info.tooLong) {
		throw validation(
			'MAXIMUM_SIZE_EXCEEDED',
			`The message has ${info.characters} ${info.encoding === 'GSM' ? 'GSM-7' : 'UCS-2'} characters; at most ${info.maxCharacters} are allowed.`,
			'MessageBody',
		);
	}
	const unit = smsPricePerPart(dest.isoCountryCode);
	const parts = Math.max(1, info.parts);
	return {
		unitPrice: unit,
		price: round5(unit * parts),
		carrierFee: round5((SMS_CARRIER_FEE_PER_PART[dest.isoCountryCode] ?? 0) * parts),
		parts,
		encoding: info.encoding === 'GSM' ? 'GSM' : 'Unicode',
	};
}

function priceMedia(input: SendInput, dest: Destination): Priced {
	if (!input.MessageBody && (!input.MediaUrls || input.MediaUrls.length === 0)) {
		throw validation('MISSING_PARAMETER', 'Give a MessageBody or a media URL.', 'MediaUrls');
	}
	if (input.MediaUrls && input.MediaUrls.length > 1) throw validation('INVALID_PARAMETER', 'Give exactly one media URL.', 'MediaUrls');
	if (!MMS_COUNTRIES.has(dest.isoCountryCode)) {
		throw validation('DESTINATION_COUNTRY_BLOCKED', `MMS can be sent only to the US and Canada, not ${dest.isoCountryCode}.`, 'DestinationPhoneNumber');
	}
	const url = input.MediaUrls?.[0];
	const extension = url ? (/\.([A-Za-z0-9]+)$/.exec(url)?.[1] ?? '').toLowerCase() : '';
	const unit = MMS_PRICE[dest.isoCountryCode];
	return {
		unitPrice: unit,
		price: unit,
		carrierFee: MMS_CARRIER_FEE[dest.isoCountryCode] ?? 0,
		parts: 1,
		outcomeOverride: url && !MEDIA_EXTENSIONS.has(extension) ? 'media-unsupported' : undefined,
	};
}

function priceVoice(rs: RegionState, input: SendInput, dest: Destination): Priced {
	if (findRegion(rs.region)?.voice === false) {
		throw validation('VOICE_CAPABILITY_NOT_AVAILABLE', `Voice messages cannot be sent from ${rs.region}.`, 'OriginationIdentity');
	}
	if (input.MessageBody === undefined) throw validation('MISSING_PARAMETER', 'MessageBody is required.', 'MessageBody');
	const spoken = input.MessageBodyTextType === 'SSML' ? input.MessageBody.replace(/<[^>]*>/g, '') : input.MessageBody;
	if (spoken.length > 3000) throw validation('MAXIMUM_SIZE_EXCEEDED', 'A voice message has at most 3,000 billable characters.', 'MessageBody');
	const sandbox = rs.accountTier === SANDBOX_TIER;
	if (sandbox && !VOICE_SANDBOX_COUNTRIES.has(dest.isoCountryCode)) {
		throw validation('DESTINATION_COUNTRY_BLOCKED', `In the voice sandbox, calls can go only to ${[...VOICE_SANDBOX_COUNTRIES].join(', ')}.`, 'DestinationPhoneNumber');
	}
	// About 15 spoken characters per second; the sandbox cuts calls at 30 s, production at 5 min.
	const seconds = Math.min(sandbox ? 30 : 300, Math.max(1, Math.ceil(spoken.length / 15)));
	const minutes = Math.ceil(seconds / 60);
	const unit = VOICE_PRICE_PER_MINUTE[dest.isoCountryCode] ?? DEFAULT_VOICE_PRICE;
	return {unitPrice: unit, price: round5(unit * minutes), carrierFee: 0, parts: 1, callDurationInSeconds: seconds, totalDurationInMinutes: minutes};
}

/** The voice sandbox (guide §4): 20 calls a day, 5 a day to one recipient, 5 a minute. */
export const VOICE_SANDBOX_LIMITS = {perDay: 20, perRecipientPerDay: 5, perMinute: 5} as const;

export function checkVoiceSandboxLimits(rs: RegionState, destination: string, now: number): void {
	const calls = rs.sent.filter(m => m.channel === 'VOICE' && !m.dryRun && m.at > now - 86_400_000);
	if (calls.filter(m => m.at > now - 60_000).length >= VOICE_SANDBOX_LIMITS.perMinute) {
		throw new ApiError('ThrottlingException', `The voice sandbox allows ${VOICE_SANDBOX_LIMITS.perMinute} calls a minute.`);
	}
	if (calls.filter(m => m.destination === destination).length >= VOICE_SANDBOX_LIMITS.perRecipientPerDay) {
		throw quota('DAILY_DESTINATION_CALL_LIMIT', `The voice sandbox allows ${VOICE_SANDBOX_LIMITS.perRecipientPerDay} calls to one recipient in 24 hours.`);
	}
	if (calls.length >= VOICE_SANDBOX_LIMITS.perDay) {
		throw new ApiError('ServiceQuotaExceededException', `The voice sandbox allows ${VOICE_SANDBOX_LIMITS.perDay} calls in 24 hours; request production access to send more.`, {});
	}
}

export function sendHandlers(svc: Svc, events: EventScheduler): Record<string, Handler> {
	function send(channel: Channel, input: SendInput, ctx: RequestContext): {MessageId: string} {
		const rs = svc.region(ctx);
		const dest = destinationOf(input.DestinationPhoneNumber);
		const priced = channel === 'TEXT' ? priceText(input, dest) : channel === 'MEDIA' ? priceMedia(input, dest) : priceVoice(rs, input, dest);
		const configSet = input.ConfigurationSetName ? requireConfigSet(rs, input.ConfigurationSetName) : undefined;
		if (input.ProtectConfigurationId) requireProtect(rs, input.ProtectConfigurationId);
		const origination = resolveOrigination(rs, input.OriginationIdentity, channel, dest, configSet);

		const decision = protectDecision(rs, PROTECT_CAPABILITY[channel], dest, input.ProtectConfigurationId, configSet?.protectConfigurationId, svc.now());
		if (decision.status === 'BLOCK' && decision.by === 'number-override') {
			throw conflict('DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE', 'protect-configuration', decision.protectId ?? '', `${dest.e164} is blocked by a number override of the protect configuration.`);
		}
		if (decision.status === 'BLOCK') {
			throw conflict('DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION', 'protect-configuration', decision.protectId ?? '', `${PROTECT_CAPABILITY[channel]} to ${dest.isoCountryCode} is blocked by a protect configuration.`);
		}
		if (rs.accountTier === SANDBOX_TIER && !dest.simulator && !isVerifiedDestination(rs, dest.e164)) {
			throw conflict(
				'DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
				'verified-destination-number',
				dest.e164,
				'The account is in the sandbox: send only to verified destination numbers or simulator numbers.',
			);
		}
		if (channel === 'VOICE' && rs.accountTier === SANDBOX_TIER) checkVoiceSandboxLimits(rs, dest.e164, svc.now());
		if (rs.optOutLists[origination.optOutListName]?.numbers[dest.e164]) {
			throw conflict('DESTINATION_PHONE_NUMBER_OPTED_OUT', 'opted-out-number', dest.e164, `${dest.e164} is on the opt-out list ${origination.optOutListName}.`);
		}
		checkMaxPrice(priced.unitPrice, channel === 'VOICE' ? input.MaxPricePerMinute : input.MaxPrice, channel === 'VOICE' ? 'MaxPricePerMinute' : 'MaxPrice');
		const now = svc.now();
		const cost = priced.price + priced.carrierFee;
		checkSpend(rs, channel, cost, now);

		const messageId = newMessageId();
		if (input.DryRun) return {MessageId: messageId};

		addSpend(rs, channel, cost, now);
		publishSpend(svc.world.metrics, rs, channel, now);
		const messageType = input.MessageType ?? configSet?.defaultMessageType ?? origination.messageType;
		const sent: SentMessageRec = {
			messageId,
			channel,
			at: now,
			origination: origination.display,
			destination: dest.e164,
			isoCountryCode: dest.isoCountryCode,
			configurationSetName: configSet?.name,
			parts: priced.parts,
			price: priced.price,
			carrierFee: priced.carrierFee,
			body: input.MessageBody,
			dryRun: false,
		};
		rs.sent.push(sent);
		if (rs.sent.length > MAX_SENT_RECORDS) rs.sent.splice(0, rs.sent.length - MAX_SENT_RECORDS);
		svc.dirty();
		if (configSet) {
			events.schedule({
				region: rs.region,
				channel,
				messageId,
				requestedAt: now,
				origination: origination.display,
				destination: dest.e164,
				isoCountryCode: dest.isoCountryCode,
				configurationSetName: configSet.name,
				messageType,
				encoding: priced.encoding,
				parts: priced.parts,
				price: priced.price,
				carrierFee: priced.carrierFee,
				context: input.Context,
				outcome: priced.outcomeOverride ?? (dest.simulator?.outcome === 'failure' ? 'failure' : 'success'),
				callDurationInSeconds: priced.callDurationInSeconds,
				totalDurationInMinutes: priced.totalDurationInMinutes,
			});
		}
		return {MessageId: messageId};
	}

	return {
		SendTextMessage: (input: SendInput, ctx) => send('TEXT', input, ctx),
		SendMediaMessage: (input: SendInput, ctx) => send('MEDIA', input, ctx),
		SendVoiceMessage: (input: SendInput, ctx) => send('VOICE', input, ctx),
	};
}
