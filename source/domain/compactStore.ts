/**
 * Two ways to hold many repeated or many distinct strings in little memory, for the tail's 10,000-event buffer
 * fed 2,000 events a second (domain/tailModel.ts). Pure; no I/O.
 *
 * - StringPool: one copy of each repeated value. JSON.parse makes a new string for every value of every event,
 *   so 10,000 rows held 10,000 copies of "TEXT_DELIVERED", of the same origination number, of each message id
 *   (one per event of the message). Bounded: past `limit` values it starts again, so a stream of unique values
 *   costs at most `limit` entries.
 * - DistinctCounter: how many different strings were seen, without keeping them: a 64-bit hash of each (two
 *   32-bit FNV-1a hashes with different offsets) in an open-addressing table of typed arrays, off the JavaScript
 *   heap. Two different ids count as one only if both hashes collide (about n² / 2⁶⁵: for 100,000 ids, 3 × 10⁻¹⁰).
 */
export class StringPool {
	private values = new Map<string, string>();

	constructor(readonly limit = 4096) {}

	/** The pool's copy of `value` (the first one seen), or `value` itself when it is new. */
	intern<T extends string | undefined>(value: T): T {
		if (value === undefined) return value;
		const held = this.values.get(value);
		if (held !== undefined) return held as T;
		if (this.values.size >= this.limit) this.values.clear();
		this.values.set(value, value);
		return value;
	}

	get size(): number {
		return this.values.size;
	}
}

function hash(text: string, offset: number): number {
	let h = offset;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

const EMPTY = 0;
const FIRST_SLOTS = 1024;

export class DistinctCounter {
	private high = new Uint32Array(FIRST_SLOTS);
	private low = new Uint32Array(FIRST_SLOTS);
	private count = 0;

	/** Counts at most `limit` distinct values; past that, add() does nothing. */
	constructor(readonly limit = Number.POSITIVE_INFINITY) {}

	get size(): number {
		return this.count;
	}

	/** True when `value` was not seen before (and is now counted). */
	add(value: string): boolean {
		if (this.count >= this.limit) return false;
		// Never 0 in `high`: 0 marks an empty slot.
		const h = hash(value, 0x811c9dc5) || 1;
		const l = hash(value, 0x050c5d1f);
		if (!this.insert(h, l)) return false;
		this.count++;
		if (this.count * 2 > this.high.length) this.grow();
		return true;
	}

	private insert(h: number, l: number): boolean {
		const mask = this.high.length - 1;
		for (let i = (h ^ l) & mask; ; i = (i + 1) & mask) {
			if (this.high[i] === EMPTY) {
				this.high[i] = h;
				this.low[i] = l;
				return true;
			}
			if (this.high[i] === h && this.low[i] === l) return false;
		}
	}

	private grow(): void {
		const {high, low} = this;
		this.high = new Uint32Array(high.length * 2);
		this.low = new Uint32Array(low.length * 2);
		for (let i = 0; i < high.length; i++) if (high[i] !== EMPTY) this.insert(high[i], low[i]);
	}
}
