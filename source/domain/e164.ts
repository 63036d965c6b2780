/**
 * E.164 phone-number syntax check, as End User Messaging SMS expects it:
 * a leading "+", then digits only (no spaces, hyphens, dots or parentheses),
 * 8 to 15 digits including the country calling code, first digit not 0.
 *
 * The number is NOT required to be "valid" by libphonenumber's numbering plans
 * (simulator and documentation numbers need not be); libphonenumber is used only
 * to derive the recipient country:
 * - the country libphonenumber assigns to the number (e.g. +44 7937 … → JE,
 *   +44 7860 … → GB, +1 613 … → CA), else
 * - the main country of the calling code (+1 → US, +44 → GB, +7 → RU), else
 * - none (non-geographic codes such as +800).
 * Calling codes unknown to libphonenumber are refused.
 *
 * Uses the "min" metadata (about 80 KB, half of "max"); it recognises every
 * simulator number's country.
 */
import {getCountries, parsePhoneNumberFromString} from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/** Every country (ISO 3166 alpha-2) with a calling code, sorted. */
export const ISO_COUNTRIES: readonly string[] = Object.freeze([...getCountries(metadata)].sort());

export type E164Result =
	| {ok: true; e164: string; isoCountryCode?: string}
	| {ok: false; reason: string};

export const E164_MIN_DIGITS = 8;
export const E164_MAX_DIGITS = 15;

const EXAMPLE = '+12065550142';

function fail(reason: string): E164Result {
	return {ok: false, reason};
}

function callingCodeOf(digits: string): string | undefined {
	const known = metadata.country_calling_codes as Record<string, string[] | undefined>;
	const nonGeographic = (metadata as {nonGeographic?: Record<string, unknown>}).nonGeographic ?? {};
	for (let length = 1; length <= 3; length++) {
		const candidate = digits.slice(0, length);
		if (known[candidate] !== undefined || candidate in nonGeographic) return candidate;
	}
	return undefined;
}

function mainCountry(callingCode: string): string | undefined {
	const countries = (metadata.country_calling_codes as Record<string, string[] | undefined>)[callingCode];
	const first = countries?.[0];
	return first !== undefined && /^[A-Z]{2}$/.test(first) ? first : undefined;
}

function quote(text: string): string {
	return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Check a phone number typed by a user or read from a file; see the module comment for the rules. */
export function parseE164(input: string): E164Result {
	const text = input.trim();
	if (text === '') return fail(`Enter a phone number in E.164 form, for example ${EXAMPLE}.`);

	if (!/^\+?\d*$/.test(text)) {
		const compact = text.replace(/[\s\-().\u00A0]/g, '');
		if (/^\+\d+$/.test(compact)) {
			return fail(`Write the number in E.164 form without spaces, hyphens or parentheses: ${compact}.`);
		}
		if (/^00\d+$/.test(compact)) {
			return fail(`Write the number in E.164 form with + instead of 00 and no spaces, hyphens or parentheses: +${compact.slice(2)}.`);
		}
		if (/^\d+$/.test(compact)) {
			return fail(`Write the number in E.164 form: + and the country code, then the number, with no spaces, hyphens or parentheses (for example ${EXAMPLE}).`);
		}
		if (/^[\d+]+$/.test(compact)) return fail(`Use a single + and only at the start, for example ${EXAMPLE}.`);
		return fail(`${quote(text)} is not a phone number: use + and digits only, for example ${EXAMPLE}.`);
	}

	if (!text.startsWith('+')) {
		if (text.startsWith('00') && text.length > 2) {
			return fail(`Start the number with + instead of 00: +${text.slice(2)}.`);
		}
		return fail(`Start the number with + and the country code, for example ${EXAMPLE} (a US number).`);
	}

	const digits = text.slice(1);
	if (digits.startsWith('0')) return fail('The country code after + cannot start with 0.');
	if (digits.length < E164_MIN_DIGITS) {
		return fail(`Too short: an E.164 number has ${E164_MIN_DIGITS} to ${E164_MAX_DIGITS} digits including the country code (this one has ${digits.length}).`);
	}
	if (digits.length > E164_MAX_DIGITS) {
		return fail(`Too long: an E.164 number has at most ${E164_MAX_DIGITS} digits including the country code (this one has ${digits.length}).`);
	}

	const callingCode = callingCodeOf(digits);
	if (callingCode === undefined) {
		return fail(`+${digits.slice(0, 3)} is not a known country calling code.`);
	}

	let isoCountryCode: string | undefined;
	try {
		isoCountryCode = parsePhoneNumberFromString(text, metadata)?.country;
	} catch {
		isoCountryCode = undefined;
	}
	isoCountryCode ??= mainCountry(callingCode);
	return isoCountryCode === undefined ? {ok: true, e164: text} : {ok: true, e164: text, isoCountryCode};
}

/** Convenience: the normalised E.164 string, or undefined when the input is refused. */
export function toE164(input: string): string | undefined {
	const result = parseE164(input);
	return result.ok ? result.e164 : undefined;
}
