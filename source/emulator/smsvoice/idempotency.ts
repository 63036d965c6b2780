// ClientToken idempotency: a repeated (operation, token) pair gets the first answer again and
// changes nothing. The newest 1,000 tokens per region are remembered.
import type {RegionState} from './model.js';

const MAX_TOKENS = 1000;

export function idempotent<R>(rs: RegionState, operation: string, token: string | undefined, run: () => R): R {
	if (!token) return run();
	const key = `${operation}:${token}`;
	if (Object.hasOwn(rs.clientTokens, key)) return structuredClone(rs.clientTokens[key]) as R;
	const result = run();
	rs.clientTokens[key] = structuredClone(result);
	const keys = Object.keys(rs.clientTokens);
	for (let i = 0; i < keys.length - MAX_TOKENS; i++) delete rs.clientTokens[keys[i]];
	return result;
}
