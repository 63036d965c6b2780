// The Region overview: everything it counts, read from the service (every page, through the session's clients and
// so its shared rate limiter) and reduced to counts by domain/regionOverview.ts.
import type {Clients} from './clients.js';
import {describeAccount, type SpendLimit} from './accountService.js';
import {listPhoneNumbers} from './numbersService.js';
import {listSenderIds} from './senderIdsService.js';
import {listPools} from './poolsService.js';
import {destinationTarget, listConfigurationSets} from './configSetsService.js';
import {configSetHealth, countByTypeAndStatus, type ConfigSetHealth, type CountGroup, type DestinationKind} from '../domain/regionOverview.js';

export interface RegionOverview {
	tier?: string;
	spendLimits: SpendLimit[];
	numbers: {total: number; groups: CountGroup[]};
	senderIds: {total: number; groups: CountGroup[]};
	pools: {total: number; groups: CountGroup[]};
	configSets: ConfigSetHealth[];
}

export async function describeRegionOverview(clients: Clients, options: {signal?: AbortSignal} = {}): Promise<RegionOverview> {
	const {signal} = options;
	const [account, numbers, senderIds, pools, configSets] = await Promise.all([
		describeAccount(clients),
		listPhoneNumbers(clients, {signal}),
		listSenderIds(clients, {signal}),
		listPools(clients, {signal}),
		listConfigurationSets(clients, {signal}),
	]);
	return {
		tier: account.tier,
		spendLimits: account.spendLimits,
		numbers: {total: numbers.length, groups: countByTypeAndStatus(numbers, n => n.NumberType ?? '', n => n.Status ?? '')},
		// A sender ID has no status of its own: registered or not is what decides whether it can send.
		senderIds: {
			total: senderIds.length,
			groups: countByTypeAndStatus(senderIds, s => s.IsoCountryCode ?? '', s => (s.Registered ? 'registered' : 'unregistered')),
		},
		pools: {total: pools.length, groups: countByTypeAndStatus(pools, p => p.MessageType ?? '', p => p.Status ?? '')},
		configSets: configSets
			.map(c =>
				configSetHealth(
					c.ConfigurationSetName ?? '',
					(c.EventDestinations ?? []).map(d => ({name: d.EventDestinationName ?? '', kind: destinationTarget(d).kind as DestinationKind, enabled: Boolean(d.Enabled)})),
				),
			)
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}
