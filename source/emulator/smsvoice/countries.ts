// Country facts the service needs: the ISO codes it knows (from libphonenumber's metadata, the same
// data domain/e164.ts uses), calling codes, and sender-ID support from the guide's country table.
import {getCountryCallingCode, type CountryCode} from 'libphonenumber-js/core';
import {ISO_COUNTRIES} from '../../domain/e164.js';
import metadata from 'libphonenumber-js/min/metadata';

export {ISO_COUNTRIES};
const KNOWN = new Set(ISO_COUNTRIES);

export function isKnownCountry(iso: string): boolean {
	return KNOWN.has(iso);
}

export function callingCode(iso: string): string {
	return getCountryCallingCode(iso as CountryCode, metadata);
}

/** Countries whose "Sender IDs" column in the guide says No. */
export const SENDER_ID_UNSUPPORTED: ReadonlySet<string> = new Set(
	'AR BS BE BR KY CL CN CO CR DO EC SV GU GT HU LR MY MH MX FM MC MZ NZ NI PY PE PR CG KN LC WS ZA KR TW TM US UY VE VI CA'.split(' '),
);

/** Countries where a sender ID must be registered first (guide: "Registration required"). */
export const SENDER_ID_REGISTRATION_REQUIRED: ReadonlySet<string> = new Set('AU BY EG IN JO KW PH QA RU SA LK TH TR AE VN'.split(' '));

/** MMS destinations (guide §10.2). */
export const MMS_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA']);

/** Voice destinations allowed while the account is in the voice sandbox. */
export const VOICE_SANDBOX_COUNTRIES: ReadonlySet<string> = new Set('AU CA DE HK IL JP MX SG SE US GB'.split(' '));

/** US and its territories, where toll-free and 10DLC numbers exist. */
export const US_TERRITORIES: ReadonlySet<string> = new Set(['US', 'PR', 'VI', 'GU', 'AS']);
