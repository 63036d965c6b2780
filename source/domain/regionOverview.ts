// The Region overview's arithmetic: counts by type and status, and the health of each configuration set's event
// destinations. Pure functions over what the service returned.

export interface CountGroup {
	/** A number type, a pool's message type, a sender ID's country … */
	type: string;
	total: number;
	/** Status → count, most frequent first. */
	statuses: {status: string; count: number}[];
}

/** Items grouped by type (largest group first, then by name), each with its counts per status. */
export function countByTypeAndStatus<T>(items: readonly T[], typeOf: (item: T) => string, statusOf: (item: T) => string): CountGroup[] {
	const groups = new Map<string, Map<string, number>>();
	for (const item of items) {
		const type = typeOf(item) || '(none)';
		const status = statusOf(item) || '(none)';
		const statuses = groups.get(type) ?? new Map<string, number>();
		statuses.set(status, (statuses.get(status) ?? 0) + 1);
		groups.set(type, statuses);
	}
	return [...groups.entries()]
		.map(([type, statuses]) => ({
			type,
			total: [...statuses.values()].reduce((a, b) => a + b, 0),
			statuses: [...statuses.entries()].map(([status, count]) => ({status, count})).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
		}))
		.sort((a, b) => b.total - a.total || a.type.localeCompare(b.type));
}

/** "ACTIVE 3 · PENDING 1". */
export function statusSummary(group: CountGroup, separator = ' · '): string {
	return group.statuses.map(s => `${s.status} ${s.count.toLocaleString('en-US')}`).join(separator);
}

export type DestinationKind = 'CloudWatch Logs' | 'Firehose' | 'SNS' | 'unknown';

export interface DestinationState {
	name: string;
	kind: DestinationKind;
	enabled: boolean;
}

export interface ConfigSetHealth {
	name: string;
	destinations: DestinationState[];
	/** Kinds of the enabled destinations, in a stable order, once each. */
	enabledKinds: DestinationKind[];
	disabled: number;
	/** At least one enabled CloudWatch Logs destination: the console can tail this set. */
	hasEnabledLogs: boolean;
	/** Why the set needs a look, or undefined when it is healthy. */
	problem?: string;
}

const KIND_ORDER: DestinationKind[] = ['CloudWatch Logs', 'Firehose', 'SNS', 'unknown'];

export function configSetHealth(name: string, destinations: readonly DestinationState[]): ConfigSetHealth {
	const enabled = destinations.filter(d => d.enabled);
	const enabledKinds = KIND_ORDER.filter(k => enabled.some(d => d.kind === k));
	const hasEnabledLogs = enabledKinds.includes('CloudWatch Logs');
	let problem: string | undefined;
	if (destinations.length === 0) problem = 'no event destinations: its events go nowhere';
	else if (enabled.length === 0) problem = 'every destination is disabled';
	else if (!hasEnabledLogs) problem = 'no enabled CloudWatch Logs destination: nothing to tail';
	return {name, destinations: [...destinations], enabledKinds, disabled: destinations.length - enabled.length, hasEnabledLogs, problem};
}
