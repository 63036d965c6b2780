// Name tags: pools carry the names people think in (DescribePools returns no tags, so each pool's are read with
// ListTagsForResource, a few at a time through the shared rate limiter). Ids stay the key; the name is shown
// beside them.
import type {Clients} from './clients.js';
import {listPools, type Pool} from './poolsService.js';
import {smsModule} from './smsCommands.js';

/** How many ListTagsForResource calls are in flight at once. */
const CONCURRENCY = 4;

/** The Name tag of a resource by its ARN, or undefined. */
export async function nameTagOf(clients: Clients, arn: string, signal?: AbortSignal): Promise<string | undefined> {
	const {ListTagsForResourceCommand} = await smsModule();
	const out = await clients.sms.send(new ListTagsForResourceCommand({ResourceArn: arn}), {abortSignal: signal});
	return (out.Tags ?? []).find(t => t.Key === 'Name')?.Value || undefined;
}

/** Runs `work` on every item, at most CONCURRENCY at a time (per-resource calls through the shared rate limiter). */
export async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]);
	};
	await Promise.all(Array.from({length: Math.min(CONCURRENCY, items.length)}, worker));
}

/** PoolId → Name tag for every pool of the Region that has one (the pools are listed when not given). */
export async function listPoolNames(clients: Clients, options: {pools?: Pool[]; signal?: AbortSignal} = {}): Promise<Record<string, string>> {
	const pools = (options.pools ?? (await listPools(clients, {signal: options.signal}))).filter(p => p.PoolId && p.PoolArn);
	const names: Record<string, string> = {};
	await eachLimited(pools, async pool => {
		const name = await nameTagOf(clients, pool.PoolArn!, options.signal);
		if (name) names[pool.PoolId!] = name;
	});
	return names;
}
