/**
 * SMS message-part arithmetic (GSM 03.38 / UCS-2), as described in the
 * End User Messaging SMS guide (§8 of the reference facts).
 *
 * - A body made only of GSM basic-set characters (1 septet each) and
 *   extension-set characters (2 septets: ESC + char) is sent as GSM-7:
 *   one part holds 160 septets, a split message 153 per part, at most 1,530.
 * - Any other character switches the whole body to UCS-2, counted here in
 *   UTF-16 code units (an emoji outside the BMP counts 2): one part holds 70,
 *   a split message 67 per part, at most 630 (the guide's figure).
 *
 * Pure logic, no I/O.
 */

export type MessageEncoding = 'GSM' | 'UCS2';

export interface MessagePartsInfo {
	encoding: MessageEncoding;
	/** GSM septets (extension characters count 2) or UTF-16 code units for UCS-2. */
	characters: number;
	/** Number of SMS parts; 0 for an empty body. */
	parts: number;
	/** Capacity of each part: 160/153 (GSM) or 70/67 (UCS-2). */
	perPart: number;
	/** Characters still free in the last part before another part is needed. */
	remainingInPart: number;
	/** 1,530 (GSM) or 630 (UCS-2). */
	maxCharacters: number;
	/** True when the body exceeds maxCharacters; the service refuses such a message. */
	tooLong: boolean;
	/** Distinct characters that forced UCS-2, in order of first appearance. */
	ucs2Characters: string[];
}

const BASIC_CHARACTERS =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZ' +
	'abcdefghijklmnopqrstuvwxyz' +
	'àÅåÄäÇÉéèìÑñòØøÖöùÜüÆæß' +
	'0123456789' +
	'&*@:,¤$=!>#-¡¿(<%.+£?")§;\'/_¥' +
	'ΔΦΓΛΩΠΨΣΘΞ' +
	' \n\r\u001b';

const EXTENSION_CHARACTERS = '^{}\\[]~|€';

/** The GSM 03.38 default alphabet: 124 printable characters plus space, LF, CR and ESC. */
export const GSM_BASIC: ReadonlySet<string> = new Set(BASIC_CHARACTERS);

/** The GSM 03.38 extension table characters; each costs 2 septets (ESC + character). */
export const GSM_EXTENSION: ReadonlySet<string> = new Set(EXTENSION_CHARACTERS);

export const GSM_SINGLE_PART = 160;
export const GSM_PER_PART = 153;
export const GSM_MAX_CHARACTERS = 1530;
export const UCS2_SINGLE_PART = 70;
export const UCS2_PER_PART = 67;
export const UCS2_MAX_CHARACTERS = 630;

/** Whether a single character (code point) can be sent in GSM-7. */
export function isGsmCharacter(char: string): boolean {
	return GSM_BASIC.has(char) || GSM_EXTENSION.has(char);
}

function partsFor(characters: number, single: number, perPart: number): {parts: number; perPart: number} {
	if (characters === 0) return {parts: 0, perPart: single};
	if (characters <= single) return {parts: 1, perPart: single};
	return {parts: Math.ceil(characters / perPart), perPart};
}

/** Encoding, character count and part count of an SMS body. */
export function analyzeMessage(body: string): MessagePartsInfo {
	let septets = 0;
	const forcing: string[] = [];
	const seen = new Set<string>();
	for (const char of body) {
		if (GSM_BASIC.has(char)) septets += 1;
		else if (GSM_EXTENSION.has(char)) septets += 2;
		else if (!seen.has(char)) {
			seen.add(char);
			forcing.push(char);
		}
	}

	const gsm = forcing.length === 0;
	const characters = gsm ? septets : body.length;
	const single = gsm ? GSM_SINGLE_PART : UCS2_SINGLE_PART;
	const split = gsm ? GSM_PER_PART : UCS2_PER_PART;
	const maxCharacters = gsm ? GSM_MAX_CHARACTERS : UCS2_MAX_CHARACTERS;
	const {parts, perPart} = partsFor(characters, single, split);
	const remainingInPart = parts === 0 ? single : parts * perPart - characters;

	return {
		encoding: gsm ? 'GSM' : 'UCS2',
		characters,
		parts,
		perPart,
		remainingInPart,
		maxCharacters,
		tooLong: characters > maxCharacters,
		ucs2Characters: forcing,
	};
}

const REPLACEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
	[/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
	[/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
	[/\u00AE/g, '(R)'],
	[/\u2122/g, '(TM)'],
	[/\u00A9/g, '(C)'],
	[/[\u2013\u2014\u2012\u2015\u2212]/g, '-'],
	[/\u2026/g, '...'],
	[/\u00A0/g, ' '],
];

/**
 * Replace common "smart" typography that forces UCS-2 with GSM equivalents:
 * curly quotes → straight, ® → (R), ™ → (TM), © → (C), dashes → -, … → ...,
 * no-break space → space. Returns the replaced text; other characters are kept.
 */
export function suggestGsmReplacements(body: string): string {
	let text = body;
	for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
	return text;
}
