// What a resource is tied to (k9s's xray): a number's pool, the pool's opt-out list and keywords; a pool's numbers
// and sender IDs; a configuration set's destinations and their tails; a sender ID's pool; an opt-out list's users.
// Returned as a flat tree (depth first) for the relations view; every call goes through the session's clients.
import type {Clients} from './clients.js';
import {smsModule} from './smsCommands.js';
import {listPoolIdentities, listPools, type Pool} from './poolsService.js';
import {listPhoneNumbers, type PhoneNumber} from './numbersService.js';
import {listOptedOutNumbers} from './optOutsService.js';
import {listKeywords} from './keywordsService.js';
import {destinationTarget} from './configSetsService.js';
import type {RelationTarget, ResourceRef} from '../domain/resourceRef.js';

export interface RelationNode {
	depth: number;
	label: string;
	detail?: string;
	/** Where enter goes; none for an informational line. */
	target?: RelationTarget;
	tone?: 'ok' | 'warn' | 'muted';
}

type Options = {signal?: AbortSignal};

/** How many pools a sender ID's pool is looked for in. */
const MAX_POOLS_SEARCHED = 200;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

async function describeNumber(clients: Clients, id: string, options: Options): Promise<PhoneNumber | undefined> {
	const m = await smsModule();
	const out = await clients.sms.send(new m.DescribePhoneNumbersCommand({PhoneNumberIds: [id]}), {abortSignal: options.signal});
	return out.PhoneNumbers?.[0];
}

async function describePool(clients: Clients, id: string, options: Options): Promise<Pool | undefined> {
	const m = await smsModule();
	const out = await clients.sms.send(new m.DescribePoolsCommand({PoolIds: [id]}), {abortSignal: options.signal});
	return out.Pools?.[0];
}

function numberNode(n: PhoneNumber, depth: number): RelationNode {
	return {
		depth,
		label: `Phone number ${n.PhoneNumber ?? n.PhoneNumberId}`,
		detail: [n.PhoneNumberId, n.NumberType, n.Status].filter(Boolean).join(' · '),
		target: {kind: 'number', id: n.PhoneNumberId ?? '', label: n.PhoneNumber},
		tone: n.Status === 'ACTIVE' ? undefined : 'warn',
	};
}

function poolNode(p: Pool, depth: number): RelationNode {
	return {
		depth,
		label: `Pool ${p.PoolId}`,
		detail: [p.MessageType, p.Status].filter(Boolean).join(' · '),
		target: {kind: 'pool', id: p.PoolId ?? ''},
		tone: p.Status === 'ACTIVE' ? undefined : 'warn',
	};
}

/** The opt-out list and the keywords of an origination identity (a pool or a number outside any pool). */
async function optOutAndKeywords(clients: Clients, origination: string, listName: string | undefined, depth: number, options: Options): Promise<RelationNode[]> {
	const nodes: RelationNode[] = [];
	if (listName) {
		const opted = await listOptedOutNumbers(clients, listName, options).catch(() => undefined);
		nodes.push({
			depth,
			label: `Opt-out list ${listName}`,
			detail: opted ? `${plural(opted.length, 'opted-out number')}` : 'opted-out numbers unreadable',
			target: {kind: 'optOutList', id: listName},
		});
	} else {
		nodes.push({depth, label: 'No opt-out list', detail: 'opt-outs are not recorded', tone: 'warn'});
	}
	const keywords = await listKeywords(clients, origination, options);
	nodes.push({depth, label: `Keywords of ${origination}`, detail: plural(keywords.length, 'keyword'), target: {kind: 'keywords', origination}});
	return nodes;
}

async function numberRelations(clients: Clients, ref: ResourceRef, options: Options): Promise<RelationNode[]> {
	const n = await describeNumber(clients, ref.id, options);
	if (!n) return [{depth: 0, label: `Phone number ${ref.id}`, detail: 'not found in this Region', tone: 'warn'}];
	const nodes = [numberNode(n, 0)];
	if (n.PoolId) {
		const pool = await describePool(clients, n.PoolId, options);
		if (!pool) return [...nodes, {depth: 1, label: `Pool ${n.PoolId}`, detail: 'not found', tone: 'warn'}];
		// A pooled number sends with its pool's opt-out list and answers with its pool's keywords.
		return [...nodes, poolNode(pool, 1), ...(await optOutAndKeywords(clients, pool.PoolId ?? n.PoolId, pool.OptOutListName, 2, options))];
	}
	return [...nodes, {depth: 1, label: 'Not in a pool', tone: 'muted'}, ...(await optOutAndKeywords(clients, n.PhoneNumberId ?? ref.id, n.OptOutListName, 1, options))];
}

async function poolRelations(clients: Clients, ref: ResourceRef, options: Options): Promise<RelationNode[]> {
	const pool = await describePool(clients, ref.id, options);
	if (!pool) return [{depth: 0, label: `Pool ${ref.id}`, detail: 'not found in this Region', tone: 'warn'}];
	const identities = await listPoolIdentities(clients, ref.id, options);
	const nodes: RelationNode[] = [poolNode(pool, 0)];
	nodes.push({depth: 1, label: `Origination identities (${identities.length})`, tone: identities.length === 0 ? 'warn' : undefined});
	for (const i of identities) {
		const id = i.OriginationIdentity ?? '';
		if (id.startsWith('phone-')) {
			nodes.push({depth: 2, label: `Phone number ${i.PhoneNumber ?? id}`, detail: [id, i.IsoCountryCode].filter(Boolean).join(' · '), target: {kind: 'number', id, label: i.PhoneNumber}});
		} else {
			nodes.push({depth: 2, label: `Sender ID ${id}`, detail: i.IsoCountryCode, target: {kind: 'senderId', id, country: i.IsoCountryCode}});
		}
	}
	return [...nodes, ...(await optOutAndKeywords(clients, pool.PoolId ?? ref.id, pool.OptOutListName, 1, options))];
}

async function senderIdRelations(clients: Clients, ref: ResourceRef, options: Options): Promise<RelationNode[]> {
	const root: RelationNode = {depth: 0, label: `Sender ID ${ref.id} (${ref.country ?? '?'})`, target: ref};
	// The service does not say which pool holds a sender ID: look through the pools' identities (a bounded number of
	// pools: one call each, at the shared limiter's pace).
	const pools = await listPools(clients, options);
	for (const pool of pools.slice(0, MAX_POOLS_SEARCHED)) {
		const identities = await listPoolIdentities(clients, pool.PoolId ?? '', options);
		if (identities.some(i => i.OriginationIdentity === ref.id && (!ref.country || i.IsoCountryCode === ref.country))) {
			return [root, poolNode(pool, 1), ...(await optOutAndKeywords(clients, pool.PoolId ?? '', pool.OptOutListName, 2, options))];
		}
	}
	if (pools.length > MAX_POOLS_SEARCHED) {
		return [root, {depth: 1, label: 'No pool found', detail: `not in the first ${MAX_POOLS_SEARCHED} of ${plural(pools.length, 'pool')} (the rest were not searched)`, tone: 'warn'}];
	}
	return [root, {depth: 1, label: 'Not in a pool', detail: `none of the ${plural(pools.length, 'pool')} holds it`, tone: 'muted'}];
}

async function configSetRelations(clients: Clients, ref: ResourceRef, options: Options): Promise<RelationNode[]> {
	const m = await smsModule();
	const out = await clients.sms.send(new m.DescribeConfigurationSetsCommand({ConfigurationSetNames: [ref.id]}), {abortSignal: options.signal});
	const set = out.ConfigurationSets?.[0];
	if (!set) return [{depth: 0, label: `Configuration set ${ref.id}`, detail: 'not found in this Region', tone: 'warn'}];
	const destinations = set.EventDestinations ?? [];
	const nodes: RelationNode[] = [{depth: 0, label: `Configuration set ${ref.id}`, detail: plural(destinations.length, 'event destination'), target: ref}];
	if (destinations.length === 0) nodes.push({depth: 1, label: 'No event destinations', detail: 'its events go nowhere', tone: 'warn'});
	for (const d of destinations) {
		const {kind, target} = destinationTarget(d);
		nodes.push({
			depth: 1,
			label: `Destination ${d.EventDestinationName} (${kind})`,
			detail: `${d.Enabled ? 'enabled' : 'disabled'} · ${target}`,
			target: ref,
			tone: d.Enabled ? 'ok' : 'warn',
		});
		if (d.CloudWatchLogsDestination) {
			nodes.push({
				depth: 2,
				label: `Tail ${d.EventDestinationName}`,
				detail: d.Enabled ? 'live events of its log group' : 'disabled: no new events arrive',
				target: {kind: 'tail', configSet: ref.id, destination: d.EventDestinationName},
				tone: d.Enabled ? undefined : 'muted',
			});
		}
	}
	return nodes;
}

async function optOutListRelations(clients: Clients, ref: ResourceRef, options: Options): Promise<RelationNode[]> {
	const [opted, pools, numbers] = await Promise.all([
		listOptedOutNumbers(clients, ref.id, options),
		listPools(clients, options),
		listPhoneNumbers(clients, options),
	]);
	const users = pools.filter(p => p.OptOutListName === ref.id);
	// Pooled numbers use their pool's list, so only numbers outside pools count here.
	const direct = numbers.filter(n => !n.PoolId && n.OptOutListName === ref.id);
	const nodes: RelationNode[] = [
		{depth: 0, label: `Opt-out list ${ref.id}`, detail: plural(opted.length, 'opted-out number'), target: ref},
		{depth: 1, label: `Pools using it (${users.length})`, tone: users.length === 0 ? 'muted' : undefined},
		...users.map(p => poolNode(p, 2)),
		{depth: 1, label: `Numbers outside pools using it (${direct.length})`, tone: direct.length === 0 ? 'muted' : undefined},
		...direct.map(n => numberNode(n, 2)),
	];
	return nodes;
}

export async function describeRelations(clients: Clients, ref: ResourceRef, options: Options = {}): Promise<RelationNode[]> {
	switch (ref.kind) {
		case 'number':
			return numberRelations(clients, ref, options);
		case 'pool':
			return poolRelations(clients, ref, options);
		case 'senderId':
			return senderIdRelations(clients, ref, options);
		case 'configSet':
			return configSetRelations(clients, ref, options);
		case 'optOutList':
			return optOutListRelations(clients, ref, options);
		case 'optedOutNumber':
			return [
				{depth: 0, label: `Opted-out number ${ref.id}`, target: ref.list ? {kind: 'optOutList', id: ref.list} : undefined},
				...(ref.list ? await optOutListRelations(clients, {kind: 'optOutList', id: ref.list}, options) : []).map(n => ({...n, depth: n.depth + 1})),
			];
		case 'verified':
			return [
				{depth: 0, label: `Verified number ${ref.label ?? ref.id}`, detail: ref.id},
				{depth: 1, label: 'Tied to nothing else', detail: 'a verified destination only lets a sandboxed account send to it', tone: 'muted'},
			];
	}
}
