/**
 * Destination simulator numbers of End User Messaging SMS (reference facts §5).
 * Traffic to these numbers never reaches a carrier; the service generates
 * success or failure events for them. Origination simulator numbers can only
 * be requested for the United States, and may only send to destination
 * simulator numbers of the same country.
 *
 * Note: Jersey and the United Kingdom share +44, and several failure numbers
 * are not simply "success + 1" (Denmark, Hong Kong, United States …).
 */

export interface SimulatorCountry {
	country: string;
	isoCountryCode: string;
	success: string;
	failure: string;
}

export type SimulatorOutcome = 'success' | 'failure';

export interface SimulatorDestination {
	isoCountryCode: string;
	country: string;
	outcome: SimulatorOutcome;
}

export const SIMULATOR_DESTINATIONS: readonly SimulatorCountry[] = Object.freeze([
	{country: 'Australia', isoCountryCode: 'AU', success: '+61455944038', failure: '+61455944039'},
	{country: 'Austria', isoCountryCode: 'AT', success: '+43676800442031', failure: '+43676800442032'},
	{country: 'Belgium', isoCountryCode: 'BE', success: '+32460213922', failure: '+32460213923'},
	{country: 'Chile', isoCountryCode: 'CL', success: '+56229140630', failure: '+56229140631'},
	{country: 'Czech Republic', isoCountryCode: 'CZ', success: '+420790542286', failure: '+420790542287'},
	{country: 'Denmark', isoCountryCode: 'DK', success: '+4525919410', failure: '+4525919215'},
	{country: 'Estonia', isoCountryCode: 'EE', success: '+37282720792', failure: '+37282720793'},
	{country: 'Finland', isoCountryCode: 'FI', success: '+3584573979110', failure: '+3584573979111'},
	{country: 'France', isoCountryCode: 'FR', success: '+33755512501', failure: '+33755512502'},
	{country: 'Hong Kong', isoCountryCode: 'HK', success: '+85257048426', failure: '+85257048854'},
	{country: 'Hungary', isoCountryCode: 'HU', success: '+36707178770', failure: '+36707178772'},
	{country: 'Italy', isoCountryCode: 'IT', success: '+394390009172', failure: '+394390009174'},
	{country: 'Jersey', isoCountryCode: 'JE', success: '+447937404990', failure: '+447937404992'},
	{country: 'Luxembourg', isoCountryCode: 'LU', success: '+352691385880', failure: '+352691385882'},
	{country: 'Netherlands', isoCountryCode: 'NL', success: '+3197008100148', failure: '+3197008100150'},
	{country: 'Norway', isoCountryCode: 'NO', success: '+4759449384', failure: '+4759449387'},
	{country: 'Poland', isoCountryCode: 'PL', success: '+48732141440', failure: '+48732141442'},
	{country: 'Portugal', isoCountryCode: 'PT', success: '+351927946948', failure: '+351927946950'},
	{country: 'Romania', isoCountryCode: 'RO', success: '+40783900330', failure: '+40783900332'},
	{country: 'Spain', isoCountryCode: 'ES', success: '+34683783440', failure: '+34683783442'},
	{country: 'Sweden', isoCountryCode: 'SE', success: '+46790645100', failure: '+46790645102'},
	{country: 'Switzerland', isoCountryCode: 'CH', success: '+41798075872', failure: '+41798075874'},
	{country: 'Taiwan', isoCountryCode: 'TW', success: '+886903444630', failure: '+886903444632'},
	{country: 'United Kingdom', isoCountryCode: 'GB', success: '+447860019066', failure: '+447860019067'},
	{country: 'United States', isoCountryCode: 'US', success: '+14254147755', failure: '+14254147167'},
].map((entry) => Object.freeze(entry)));

/** Countries for which an origination simulator number can be requested. */
export const SIMULATOR_ORIGINATION_COUNTRIES: readonly string[] = Object.freeze(['US']);

const BY_NUMBER = new Map<string, SimulatorDestination>();
for (const entry of SIMULATOR_DESTINATIONS) {
	const base = {isoCountryCode: entry.isoCountryCode, country: entry.country};
	BY_NUMBER.set(entry.success, Object.freeze({...base, outcome: 'success' as const}));
	BY_NUMBER.set(entry.failure, Object.freeze({...base, outcome: 'failure' as const}));
}

/** The simulator destination for an E.164 number (exact match), or undefined. */
export function simulatorDestination(e164: string): SimulatorDestination | undefined {
	return BY_NUMBER.get(e164.trim());
}

/** Whether an E.164 number is a destination simulator number. */
export function isSimulatorDestination(e164: string): boolean {
	return simulatorDestination(e164) !== undefined;
}

/** The success/failure pair for a country (ISO 3166-1 alpha-2, case-insensitive), or undefined. */
export function simulatorPair(isoCountryCode: string): SimulatorCountry | undefined {
	const code = isoCountryCode.trim().toUpperCase();
	return SIMULATOR_DESTINATIONS.find((entry) => entry.isoCountryCode === code);
}
