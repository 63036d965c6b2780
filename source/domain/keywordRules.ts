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
 * Protected keywords (refused by checkKeywordDelete, isProtectedKeyword true):
 * HELP and the ten mandatory opt-out keywords ARRET, CANCEL, END, OPT-OUT,
 * OPTOUT, QUIT, REMOVE, STOP, TD, UNSUBSCRIBE. The guide says mandatory
 * opt-out keywords cannot be deleted, and carriers require HELP and STOP on
 * every number, so smsdeck never offers to delete any of them. HELP and STOP
 * cannot be changed at all (issue 7, and the service refuses it:
 * checkKeywordEdit); the other mandatory opt-out keywords may get a new reply
 * but must keep the OPT_OUT action (checkKeywordChange), otherwise a
 * recipient's opt-out would no longer opt out.
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

/** Whether a keyword may be deleted. */
export function checkKeywordDelete(keyword: string): RuleResult {
	const name = normalizeKeyword(keyword.trim());
	if (OPT_OUT.has(name)) return fail(`${name} is a mandatory opt-out keyword and cannot be deleted.`);
	if (PROTECTED.has(name)) return fail(`${name} is required by carriers on every number and cannot be deleted.`);
	return OK;
}

/** Whether a keyword may be given this action (mandatory opt-out keywords must stay OPT_OUT). */
export function checkKeywordChange(keyword: string, action: string): RuleResult {
	const actionCheck = checkKeywordAction(action);
	if (!actionCheck.ok) return actionCheck;
	const name = normalizeKeyword(keyword.trim());
	if (OPT_OUT.has(name) && action !== 'OPT_OUT') {
		return fail(`${name} is a mandatory opt-out keyword; its action must stay OPT_OUT.`);
	}
	return OK;
}

/** Whether one more keyword fits under the per-number quota (30 by default). */
export function checkKeywordQuota(existingCount: number, limit = DEFAULT_KEYWORD_QUOTA): RuleResult {
	if (existingCount < limit) return OK;
	return fail(`This already has ${existingCount} keywords, the quota is ${limit}; delete one or request a quota increase.`);
}

/** HELP and STOP: on every number and pool; neither their reply nor their action can be changed. */
export const LOCKED_KEYWORDS: readonly string[] = Object.freeze(['HELP', 'STOP']);

/** Whether a keyword is HELP or STOP (case-insensitive, surrounding spaces ignored). */
export function isLockedKeyword(keyword: string): boolean {
	return LOCKED_KEYWORDS.includes(normalizeKeyword(keyword.trim()));
}

/** Whether an existing keyword's message or action may be changed (HELP and STOP may not). */
export function checkKeywordEdit(keyword: string): RuleResult {
	const name = normalizeKeyword(keyword.trim());
	if (LOCKED_KEYWORDS.includes(name)) return fail(`${name} is required on every number and pool; its response and action cannot be changed.`);
	return OK;
}

export interface KeywordPut {
	keyword: string;
	message: string;
	action: string;
	/** The keywords the number or pool has now. */
	existing: readonly string[];
	quota?: number;
}

/**
 * Every rule for PutKeyword, in the order a person fixes them: the keyword, HELP/STOP, the message, the
 * action (mandatory opt-out keywords stay OPT_OUT), then the quota when the keyword is new.
 */
export function checkKeywordPut(put: KeywordPut): RuleResult {
	for (const check of [
		() => checkKeyword(put.keyword),
		() => checkKeywordEdit(put.keyword),
		() => checkKeywordMessage(put.message),
		() => checkKeywordChange(put.keyword, put.action),
	]) {
		const r = check();
		if (!r.ok) return r;
	}
	const isNew = !put.existing.some(k => sameKeyword(k, put.keyword));
	return isNew ? checkKeywordQuota(put.existing.length, put.quota) : OK;
}
