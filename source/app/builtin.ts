// A Node built-in module loaded when a function first needs it, not when its importer loads: an ES import of a
// built-in builds its module facade, which for child_process, v8 or crypto means loading a dozen more internal
// modules, several milliseconds the console's first frame does not need.
import {createRequire} from 'node:module';

const load = createRequire(import.meta.url);

/** The built-in module `name` (e.g. 'node:child_process'), loaded on this first call. */
export function builtin<T>(name: `node:${string}`): T {
	return load(name) as T;
}
