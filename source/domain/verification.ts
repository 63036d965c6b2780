// Verified destination numbers and test sends: the rules smsdeck checks before any call (the model's limits).

/** The languages a verification code can be sent in (the model's LanguageCode). */
export const VERIFICATION_LANGUAGES: readonly string[] = ['EN_US', 'EN_GB', 'DE_DE', 'ES_419', 'ES_ES', 'FR_CA', 'FR_FR', 'IT_IT', 'JA_JP', 'KO_KR', 'PT_BR', 'ZH_CN', 'ZH_TW'];

/** The channel of a verification code, as the API spells it (case-sensitive). */
export const VERIFICATION_CHANNELS = ['TEXT', 'VOICE'] as const;
export type VerificationChannelName = (typeof VERIFICATION_CHANNELS)[number];

/** A verification code as the model allows it: 1–20 letters or digits. */
export function checkVerificationCode(code: string): {ok: true} | {ok: false; reason: string} {
	if (code.length === 0) return {ok: false, reason: 'Type the code the phone received'};
	if (code.length > 20) return {ok: false, reason: `A verification code has at most 20 characters (now ${code.length})`};
	if (!/^[A-Za-z0-9]+$/.test(code)) return {ok: false, reason: 'A verification code has only letters and digits'};
	return {ok: true};
}

/** The model's longest text message body and voice message body (TEXT; SSML may be longer). */
export const TEXT_BODY_MAX = 1600;
export const VOICE_BODY_MAX = 3000;

/** A test send's body for its channel, checked before any call. */
export function checkTestBody(channel: 'TEXT' | 'VOICE', body: string): {ok: true} | {ok: false; reason: string} {
	if (body.trim() === '') return {ok: false, reason: 'The message body is empty'};
	const max = channel === 'VOICE' ? VOICE_BODY_MAX : TEXT_BODY_MAX;
	const length = Array.from(body).length;
	if (length > max) return {ok: false, reason: `A ${channel === 'VOICE' ? 'voice' : 'text'} message body has at most ${max} characters (now ${length})`};
	return {ok: true};
}

/** Whether a final event's status means the message arrived (SMS delivered, call completed). */
export function isDeliveredStatus(status: string | undefined): boolean {
	return status === 'DELIVERED' || status === 'SUCCESSFUL' || status === 'COMPLETED' || status === 'ANSWERED';
}
