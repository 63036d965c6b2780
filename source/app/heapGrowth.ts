// How far V8 lets the heap grow while a tail runs. After each full collection V8 sets the next one at a multiple of
// what was live: up to 4× on a machine with a heap limit of 2 GB or more, chosen from how fast the collector marks
// against how fast objects reach the old generation. The tail promotes every row it holds (each lives the 5 s the
// 10,000-row buffer takes to turn over at 2,000 events a second, far past a young collection) and Ink's frames
// promote what a young collection finds half-built, so the old generation filled with dead rows up to that multiple:
// bench/tail.ts measured 32 MB live and 107-167 MB of heap (peak RSS 190-252 MB). Growth capped at 1.5× keeps it
// at about 85 MB (peak RSS about 172 MB), with frame times and CPU unchanged; a full collection then comes about
// every 5 s at that rate, mostly on the collector's own threads (marking 32 MB takes tens of milliseconds).
// Process-wide, so held while any tail runs and given back after the last; an explicit --heap-growing-percent
// given to node is left alone.
import {builtin} from './builtin.js';

const v8 = () => builtin<typeof import('node:v8')>('node:v8');

const GROWING_PERCENT = 50;
let holders = 0;
const chosenByUser = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some(arg => /^--heap[-_]growing[-_]percent\b/.test(arg));

/** Caps V8's heap growth at 1.5× the live heap until the returned function is called. */
export function limitHeapGrowth(): () => void {
	if (chosenByUser) return () => {};
	if (holders++ === 0) v8().setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
	let released = false;
	return () => {
		if (released) return;
		released = true;
		if (--holders === 0) v8().setFlagsFromString('--heap-growing-percent=0');
	};
}
