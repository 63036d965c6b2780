/**
 * Rules for two-way SMS keywords (reference facts §3.6, §9.2; API model shapes
 * Keyword, KeywordMessage, KeywordAction).
 *
 * - Keyword: 1–30 characters; spaces are the only whitespace allowed (model
 *   pattern `[ \S]+`), and not at the start or end (guide); matched
 *   case-insensitively.
 * - Keyword message (the automatic reply): 1–1,600 characters, not only
 *   whitespace (model pattern).
 * - Keyword action: AUTOMATIC_RESPONSE, OPT_OUT or OPT_IN.
 * - Quota: 30 keywords per number by default (increasable).
 *
 * HELP, STOP and the ten mandatory opt-out keywords (ARRET, CANCEL, END,
 * OPT-OUT, OPTOUT, QUIT, REMOVE, STOP, TD, UNSUBSCRIBE) are protected:
 * - none of them can be deleted (checkKeywordDelete);
 * - their actions are fixed (checkKeywordChange): HELP answers
 *   (AUTOMATIC_RESPONSE), every mandatory opt-out keyword opts out (OPT_OUT),
 *   so an inbound UNSUBSCRIBE always opts the sender out;
 * - their response texts can be changed — carriers require the HELP reply to
 *   carry the sender's support contact — except on US toll-free numbers, where
 *   the carriers handle HELP and STOP and neither can be changed, and where no
 *   opt-out keyword can be added (checkKeywordEdit, checkKeywordPut).
 */

export type RuleResult = {ok: true} | {ok: false; reason: string};

export const KEYWORD_MIN_LENGTH = 1;
export const KEYWORD_MAX_LENGTH = 30;
export const KEYWORD_MESSAGE_MIN_LENGTH = 1;
export const KEYWORD_MESSAGE_MAX_LENGTH = 1600;
export const DEFAULT_KEYWORD_QUOTA = 30;

export const KEYWORD_ACTIONS = ['AUTOMATIC_RESPONSE', 'OPT_OUT', 'OPT_IN'] as const;
export type KeywordAction = (typeof KEYWORD_ACTIONS)[number];

/** Keywords carriers require on every number. */
export const REQUIRED_KEYWORDS: readonly string[] = Object.freeze(['HELP', 'STOP']);

/** Opt-out keywords recipients may always use; they cannot be deleted. */
export const MANDATORY_OPT_OUT_KEYWORDS: readonly string[] = Object.freeze([
	'ARRET', 'CANCEL', 'END', 'OPT-OUT', 'OPTOUT', 'QUIT', 'REMOVE', 'STOP', 'TD', 'UNSUBSCRIBE',
]);

const PROTECTED = new Set([...REQUIRED_KEYWORDS, ...MANDATORY_OPT_OUT_KEYWORDS]);
const OPT_OUT = new Set(MANDATORY_OPT_OUT_KEYWORDS);

const OK: RuleResult = Object.freeze({ok: true});

function fail(reason: string): RuleResult {
	return {ok: false, reason};
}

/** Length in characters (code points), as the API counts it. */
function length(text: string): number {
	return [...text].length;
}

/** The form keywords are compared in (they are case-insensitive). */
export function normalizeKeyword(keyword: string): string {
	return keyword.toUpperCase();
}

/** Whether two keywords are the same keyword (case-insensitive). */
export function sameKeyword(a: string, b: string): boolean {
	return normalizeKeyword(a) === normalizeKeyword(b);
}

export function checkKeyword(keyword: string): RuleResult {
	const n = length(keyword);
	if (n < KEYWORD_MIN_LENGTH || keyword.trim() === '') return fail('Enter a keyword (1 to 30 characters).');
	if (n > KEYWORD_MAX_LENGTH) return fail(`A keyword can have at most ${KEYWORD_MAX_LENGTH} characters (this one has ${n}).`);
	if (/[^\S ]/.test(keyword)) return fail('A keyword cannot contain tabs or line breaks; spaces are the only whitespace allowed.');
	if (keyword.startsWith(' ') || keyword.endsWith(' ')) return fail('A keyword cannot start or end with a space.');
	return OK;
}

export function checkKeywordMessage(message: string): RuleResult {
	const n = length(message);
	if (n < KEYWORD_MESSAGE_MIN_LENGTH || message.trim() === '') return fail('Enter the response message sent when the keyword is received.');
	if (n > KEYWORD_MESSAGE_MAX_LENGTH) {
		return fail(`A keyword response can have at most ${KEYWORD_MESSAGE_MAX_LENGTH.toLocaleString('en-US')} characters (this one has ${n.toLocaleString('en-US')}).`);
	}
	return OK;
}

export function isKeywordAction(action: string): action is KeywordAction {
	return (KEYWORD_ACTIONS as readonly string[]).includes(action);
}

export function checkKeywordAction(action: string): RuleResult {
	if (isKeywordAction(action)) return OK;
	return fail(`The keyword action must be one of ${KEYWORD_ACTIONS.join(', ')}.`);
}

/** HELP and the mandatory opt-out keywords (case-insensitive); see the module comment. */
export function isProtectedKeyword(keyword: string): boolean {
	return PROTECTED.has(normalizeKeyword(keyword.trim()));
}

/** Whether a keyword is one of the mandatory opt-out keywords (case-insensitive). */
export function isMandatoryOptOutKeyword(keyword: string): boolean {
	return OPT_OUT.has(normalizeKeyword(keyword.trim()));
}

/** Whether a keyword may be deleted (none of the protected ones). */
export function checkKeywordDelete(keyword: string): RuleResult {
	const name = normalizeKeyword(keyword.trim());
	if (OPT_OUT.has(name)) return fail(`${name} is a mandatory opt-out keyword and cannot be deleted; its response can be edited (e).`);
	if (PROTECTED.has(name)) return fail(`${name} is required by carriers on every number and cannot be deleted; its response can be edited (e).`);
	return OK;
}

/**
 * The action a protected keyword must keep: AUTOMATIC_RESPONSE for HELP, OPT_OUT for every mandatory opt-out
 * keyword (STOP included); undefined for any other keyword.
 */
export function fixedKeywordAction(keyword: string): KeywordAction | undefined {
	const name = normalizeKeyword(keyword.trim());
	if (OPT_OUT.has(name)) return 'OPT_OUT';
	if (name === 'HELP') return 'AUTOMATIC_RESPONSE';
	return undefined;
}

/** Whether a keyword may be given this action (HELP stays AUTOMATIC_RESPONSE, opt-out keywords stay OPT_OUT). */
export function checkKeywordChange(keyword: string, action: string): RuleResult {
	const actionCheck = checkKeywordAction(action);
	if (!actionCheck.ok) return actionCheck;
	const name = normalizeKeyword(keyword.trim());
	const fixed = fixedKeywordAction(name);
	if (fixed && action !== fixed) {
		return OPT_OUT.has(name)
			? fail(`${name} is a mandatory opt-out keyword; its action must stay OPT_OUT.`)
			: fail(`${name} is required by carriers; its action must stay ${fixed}.`);
	}
	return OK;
}

/** Whether one more keyword fits under the per-number quota (30 by default). */
export function checkKeywordQuota(existingCount: number, limit = DEFAULT_KEYWORD_QUOTA): RuleResult {
	if (existingCount < limit) return OK;
	return fail(`This already has ${existingCount} keywords, the quota is ${limit}; delete one or request a quota increase.`);
}

/** HELP and STOP: on every number and pool, never deleted; on US toll-free numbers not changed either. */
export const REQUIRED_KEYWORD_SET: ReadonlySet<string> = new Set(REQUIRED_KEYWORDS);

/** Whether a keyword is HELP or STOP (case-insensitive, surrounding spaces ignored). */
export function isRequiredKeyword(keyword: string): boolean {
	return REQUIRED_KEYWORD_SET.has(normalizeKeyword(keyword.trim()));
}

/** A phone number's type and country, enough to tell a US toll-free number. */
export interface NumberKind {
	NumberType?: string;
	IsoCountryCode?: string;
}

/** Whether a number is a US toll-free number (the carriers handle its HELP, STOP and opt-outs). */
export function isUsTollFree(number: NumberKind | undefined): boolean {
	return number?.NumberType === 'TOLL_FREE' && (number.IsoCountryCode ?? 'US') === 'US';
}

export interface KeywordOwnerInfo {
	/** A US toll-free number: HELP and STOP cannot be changed, no opt-out keyword can be added. */
	tollFree?: boolean;
}

/** Whether an existing keyword's response (and action, within checkKeywordChange) may be changed. */
export function checkKeywordEdit(keyword: string, owner: KeywordOwnerInfo = {}): RuleResult {
	const name = normalizeKeyword(keyword.trim());
	if (owner.tollFree && REQUIRED_KEYWORD_SET.has(name)) {
		return fail(`${name} cannot be changed on a US toll-free number: the carriers handle HELP and STOP there.`);
	}
	return OK;
}

export interface KeywordPut extends KeywordOwnerInfo {
	keyword: string;
	message: string;
	action: string;
	/** The keywords the number or pool has now. */
	existing: readonly string[];
	quota?: number;
}

/**
 * Every rule for PutKeyword, in the order a person fixes them: the keyword, toll-free HELP/STOP, the message,
 * the action (HELP and the opt-out keywords keep theirs; no opt-out on toll-free), then the quota when new.
 */
export function checkKeywordPut(put: KeywordPut): RuleResult {
	for (const check of [
		() => checkKeyword(put.keyword),
		() => checkKeywordEdit(put.keyword, put),
		() => checkKeywordMessage(put.message),
		() => checkKeywordChange(put.keyword, put.action),
		() => (put.tollFree && put.action === 'OPT_OUT' ? fail('A US toll-free number takes no opt-out keywords: the carriers handle opt-outs (only STOP).') : OK),
	]) {
		const r = check();
		if (!r.ok) return r;
	}
	const isNew = !put.existing.some(k => sameKeyword(k, put.keyword));
	return isNew ? checkKeywordQuota(put.existing.length, put.quota) : OK;
}
