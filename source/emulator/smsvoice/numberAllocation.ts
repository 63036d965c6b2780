// Picks a fresh phone number for RequestPhoneNumber: fictional ranges where a country has them
// (NANP 555 numbers, UK 07700 900xxx), random digits after the calling code elsewhere.
import {randomInt} from 'node:crypto';
import {callingCode} from './countries.js';
import type {NumberType, RegionState} from './model.js';

const US_AREA_CODES = ['206', '212', '312', '415', '425', '503', '617', '720', '808', '919'];
const CA_AREA_CODES = ['204', '416', '514', '604', '613'];
const TOLL_FREE_PREFIXES = ['833', '844', '855', '866', '877', '888'];

function digits(count: number): string {
	let out = '';
	for (let i = 0; i < count; i++) out += String(randomInt(10));
	return out;
}

function pick<T>(items: readonly T[]): T {
	return items[randomInt(items.length)];
}

function candidate(iso: string, type: NumberType): string {
	if (type === 'TOLL_FREE') return `+1${pick(TOLL_FREE_PREFIXES)}555${digits(4)}`;
	if (iso === 'US') return `+1${pick(US_AREA_CODES)}555${digits(4)}`;
	if (iso === 'CA') return `+1${pick(CA_AREA_CODES)}555${digits(4)}`;
	if (iso === 'GB') return `+447700900${digits(3)}`;
	return `+${callingCode(iso)}${String(randomInt(1, 10))}${digits(8)}`;
}

export function allocateNumber(rs: RegionState, iso: string, type: NumberType): string {
	const taken = new Set([...Object.values(rs.phoneNumbers).map(p => p.phoneNumber), ...(rs.released ?? [])]);
	for (let attempt = 0; attempt < 1000; attempt++) {
		const value = candidate(iso, type);
		if (!taken.has(value)) return value;
	}
	throw new Error(`no free ${type} number in ${iso}`);
}

/** Monthly lease in USD, as the API's string. */
export function leasingPrice(type: NumberType, iso: string): string {
	switch (type) {
		case 'SIMULATOR':
			return '0.00';
		case 'TOLL_FREE':
			return '2.00';
		case 'TEN_DLC':
			return '2.00';
		case 'SHORT_CODE':
			return '995.00';
		default:
			return iso === 'US' || iso === 'CA' ? '1.15' : '2.50';
	}
}
