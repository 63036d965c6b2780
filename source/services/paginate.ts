// Follows NextToken until the last page, handing each page over as it arrives so the first rows show at once.

export interface Page<T> {
	items: T[];
	next?: string;
}

export interface PageOptions<T> {
	onPage?: (itemsSoFar: T[], done: boolean) => void;
	signal?: AbortSignal;
}

export async function collectPages<T>(fetchPage: (token: string | undefined) => Promise<Page<T>>, options: PageOptions<T> = {}): Promise<T[]> {
	const all: T[] = [];
	let token: string | undefined;
	const seen = new Set<string>();
	do {
		if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
		const page = await fetchPage(token);
		all.push(...page.items);
		token = page.next || undefined;
		// A token that comes back again would loop forever: stop instead.
		if (token !== undefined) {
			if (seen.has(token)) token = undefined;
			else seen.add(token);
		}
		options.onPage?.(all, token === undefined);
	} while (token !== undefined);
	return all;
}

/** The page size maximum (MaxResults) of the sms-voice Describe and List calls. */
export const SMS_PAGE_SIZE = 100;
