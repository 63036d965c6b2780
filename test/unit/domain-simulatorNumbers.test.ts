import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
	SIMULATOR_DESTINATIONS,
	SIMULATOR_ORIGINATION_COUNTRIES,
	isSimulatorDestination,
	simulatorDestination,
	simulatorPair,
} from '../../source/domain/simulatorNumbers.js';

describe('SIMULATOR_DESTINATIONS', () => {
	it('lists 25 countries with distinct ISO codes', () => {
		assert.equal(SIMULATOR_DESTINATIONS.length, 25);
		assert.equal(new Set(SIMULATOR_DESTINATIONS.map((d) => d.isoCountryCode)).size, 25);
		assert.equal(new Set(SIMULATOR_DESTINATIONS.map((d) => d.country)).size, 25);
	});
	it('has 50 distinct E.164 numbers', () => {
		const numbers = SIMULATOR_DESTINATIONS.flatMap((d) => [d.success, d.failure]);
		assert.equal(numbers.length, 50);
		assert.equal(new Set(numbers).size, 50);
		for (const n of numbers) assert.match(n, /^\+[1-9]\d{7,14}$/);
	});
	it('keeps the irregular pairs exactly as the guide lists them', () => {
		assert.deepEqual(simulatorPair('DK'), {
			country: 'Denmark', isoCountryCode: 'DK', success: '+4525919410', failure: '+4525919215',
		});
		assert.equal(simulatorPair('HK')?.failure, '+85257048854');
		assert.equal(simulatorPair('US')?.success, '+14254147755');
		assert.equal(simulatorPair('US')?.failure, '+14254147167');
		assert.equal(simulatorPair('NO')?.failure, '+4759449387');
		assert.equal(simulatorPair('AT')?.success, '+43676800442031');
	});
	it('Jersey and the UK share +44 but are different countries', () => {
		assert.equal(simulatorPair('JE')?.success, '+447937404990');
		assert.equal(simulatorPair('GB')?.success, '+447860019066');
		assert.equal(simulatorDestination('+447937404992')?.isoCountryCode, 'JE');
		assert.equal(simulatorDestination('+447860019067')?.isoCountryCode, 'GB');
	});
	it('cannot be mutated', () => {
		assert.throws(() => {
			(SIMULATOR_DESTINATIONS as unknown as {success: string}[])[0].success = '+1';
		});
	});
});

describe('lookups', () => {
	it('maps every number back to its country and outcome', () => {
		for (const d of SIMULATOR_DESTINATIONS) {
			assert.deepEqual(simulatorDestination(d.success), {isoCountryCode: d.isoCountryCode, country: d.country, outcome: 'success'});
			assert.deepEqual(simulatorDestination(d.failure), {isoCountryCode: d.isoCountryCode, country: d.country, outcome: 'failure'});
			assert.equal(simulatorPair(d.isoCountryCode), d);
		}
	});
	it('pair lookup is case-insensitive', () => {
		assert.equal(simulatorPair('fr')?.country, 'France');
		assert.equal(simulatorPair(' Gb ')?.country, 'United Kingdom');
	});
	it('returns undefined for non-simulator numbers and unknown countries', () => {
		assert.equal(simulatorDestination('+12065550142'), undefined);
		assert.equal(simulatorDestination('+4525919411'), undefined);
		assert.equal(simulatorDestination('14254147755'), undefined);
		assert.equal(isSimulatorDestination('+12065550142'), false);
		assert.equal(isSimulatorDestination('+14254147755'), true);
		assert.equal(simulatorPair('DE'), undefined);
		assert.equal(simulatorPair(''), undefined);
	});
	it('origination simulators exist only for the US', () => {
		assert.deepEqual([...SIMULATOR_ORIGINATION_COUNTRIES], ['US']);
	});
});
