// The mandatory keywords every number and pool carries, and the opt-out keyword family.
import type {KeywordRec} from './model.js';

export const PROTECTED_KEYWORDS: ReadonlySet<string> = new Set(['HELP', 'STOP']);

/** Mandatory opt-out keywords (guide §3.6, English list). */
export const OPT_OUT_KEYWORDS: ReadonlySet<string> = new Set(['ARRET', 'CANCEL', 'END', 'OPT-OUT', 'OPTOUT', 'QUIT', 'REMOVE', 'STOP', 'TD', 'UNSUBSCRIBE']);

export function defaultKeywords(): KeywordRec[] {
	return [
		{keyword: 'HELP', message: 'Reply STOP to unsubscribe. Msg&data rates may apply. For help contact your sender.', action: 'AUTOMATIC_RESPONSE'},
		{keyword: 'STOP', message: 'You are unsubscribed and will receive no further messages. Reply HELP for help.', action: 'OPT_OUT'},
	];
}
