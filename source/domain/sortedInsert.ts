// Keeping an array sorted as items arrive (mostly in order): shared by the emulator's log streams and the tail's
// dedup window. Pure logic.

/** Inserts `item` into `items`, ascending by `compare`, after any equal items; in-order arrivals are appended at once. */
export function insertSorted<T>(items: T[], item: T, compare: (a: T, b: T) => number): void {
	if (items.length === 0 || compare(items[items.length - 1], item) <= 0) {
		items.push(item);
		return;
	}
	let low = 0;
	let high = items.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (compare(items[mid], item) <= 0) low = mid + 1;
		else high = mid;
	}
	items.splice(low, 0, item);
}
