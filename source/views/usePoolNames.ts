// The Name tags of the Region's pools (PoolId → name), loaded once per connection and shared by every screen that
// shows a pool id; empty until they arrive.
import {useResource} from '../app/session.js';
import {listPoolNames} from '../services/namesService.js';

const none: Record<string, string> = {};

export function usePoolNames(): Record<string, string> {
	const names = useResource<Record<string, string>>('pool-names', (clients, ctx) => listPoolNames(clients, {signal: ctx.signal}));
	return names.data ?? none;
}

/** "name (pool-…)" when the pool has a Name tag, else the id. */
export function poolLabel(poolId: string | undefined, names: Record<string, string>): string {
	if (!poolId) return '';
	const name = names[poolId];
	return name ? `${name} (${poolId})` : poolId;
}
