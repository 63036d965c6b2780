// The keywords every number and pool carries (HELP, STOP), and the mandatory opt-out keywords.
import type {KeywordAction, KeywordRec} from './model.js';

export const PROTECTED_KEYWORDS: ReadonlySet<string> = new Set(['HELP', 'STOP']);

/** Mandatory opt-out keywords (guide §3.6, English list). */
export const OPT_OUT_KEYWORDS: ReadonlySet<string> = new Set(['ARRET', 'CANCEL', 'END', 'OPT-OUT', 'OPTOUT', 'QUIT', 'REMOVE', 'STOP', 'TD', 'UNSUBSCRIBE']);

/** The action HELP and the mandatory opt-out keywords must keep; undefined for any other keyword. */
export function fixedAction(upperCaseKeyword: string): KeywordAction | undefined {
	if (OPT_OUT_KEYWORDS.has(upperCaseKeyword)) return 'OPT_OUT';
	if (upperCaseKeyword === 'HELP') return 'AUTOMATIC_RESPONSE';
	return undefined;
}

export function defaultKeywords(): KeywordRec[] {
	return [
		{keyword: 'HELP', message: 'Reply STOP to unsubscribe. Msg&data rates may apply. For help contact your sender.', action: 'AUTOMATIC_RESPONSE'},
		{keyword: 'STOP', message: 'You are unsubscribed and will receive no further messages. Reply HELP for help.', action: 'OPT_OUT'},
	];
}
