// A pointer to one resource of the account (what the relations and raw views are about), and to the places a
// relation can lead. Pure data: the app maps them to screens.

export type ResourceKind = 'number' | 'pool' | 'senderId' | 'configSet' | 'optOutList' | 'optedOutNumber' | 'verified';

export interface ResourceRef {
	kind: ResourceKind;
	/** Phone number id, pool id, sender ID, configuration set name or opt-out list name. */
	id: string;
	/** ISO country of a sender ID (a sender ID is only unique per country). */
	country?: string;
	/** The opt-out list of an opted-out number. */
	list?: string;
	/** How people know it (an E.164 number beside its id), for titles. */
	label?: string;
}

/** Where a relation leads: a resource, the keywords of an origination identity, or the live tail of a set. */
export type RelationTarget =
	| ResourceRef
	| {kind: 'keywords'; origination: string}
	| {kind: 'tail'; configSet: string; destination?: string};

const KIND_NAMES: Record<ResourceKind, string> = {
	number: 'Phone number',
	pool: 'Pool',
	senderId: 'Sender ID',
	configSet: 'Configuration set',
	optOutList: 'Opt-out list',
	optedOutNumber: 'Opted-out number',
	verified: 'Verified number',
};

export function kindName(kind: ResourceKind): string {
	return KIND_NAMES[kind];
}

/** "+12065550150", "SMSDECK (GB)", "pool-1234": short, for breadcrumbs. */
export function refName(ref: ResourceRef): string {
	const where = ref.kind === 'senderId' ? ref.country : ref.kind === 'optedOutNumber' ? ref.list : undefined;
	return `${ref.label ?? ref.id}${where ? ` (${where})` : ''}`;
}

/** "Phone number +12065550150", "Sender ID SMSDECK (GB)", "Pool pool-1234". */
export function refTitle(ref: ResourceRef): string {
	return `${KIND_NAMES[ref.kind]} ${refName(ref)}`;
}
