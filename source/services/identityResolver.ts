// What a person types for a resource → the identifier the sms-voice API takes. One place for every subcommand and
// console form that takes an id:
//   phone number      phone-… id or its ARN as typed; an E.164 number (or short code) → its PhoneNumberId
//   pool              pool-… id or its ARN as typed; the value of a pool's Name tag → its PoolId
//   sender ID         its ARN as typed; a sender ID → its SenderIdArn (the sender ID alone names one per country)
//   origination       any of the three above (keywords are on a number, a pool or a sender ID)
//   opt-out list      name or ARN, as typed (the API takes both)
//   configuration set name or ARN, as typed (the API takes both)
// Ids and ARNs cost no call (the service answers for unknown ones). An E.164 number is matched by paging
// DescribePhoneNumbers (the model has no phone-number filter); a Name tag by reading each pool's tags
// (DescribePools returns none; ListTagsForResource per pool, 25 pools by default quota).
import type {Clients} from './clients.js';
import {getConfigurationSet, type ConfigurationSet} from './configSetsService.js';
import {getPhoneNumber, type PhoneNumber} from './numbersService.js';
import {listPools} from './poolsService.js';
import {SMS_PAGE_SIZE, collectPages} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type IdentityKind = 'phoneNumber' | 'pool' | 'senderId' | 'origination' | 'optOutList' | 'configurationSet';

export interface ResolvedIdentity {
	/** What to send to the API: an id, a name, or the ARN as typed. */
	id: string;
	kind: Exclude<IdentityKind, 'origination'>;
	/** For messages: the id, or "what was typed (id)" when they differ. */
	label: string;
}

/** Nothing (or more than one thing) in the Region answers to what was typed: one line, for stderr or a toast. */
export class UnresolvedIdentityError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnresolvedIdentityError';
	}
}

/** The resource type of an sms-voice ARN ("phone-number", "pool", "sender-id" …), or undefined. */
export function arnResourceType(value: string): string | undefined {
	return /^arn:aws[a-z-]*:sms-voice:[a-z0-9-]*:\d*:([a-z-]+)\//.exec(value)?.[1];
}

const ARN_TYPES: Record<Exclude<IdentityKind, 'origination'>, string> = {
	phoneNumber: 'phone-number',
	pool: 'pool',
	senderId: 'sender-id',
	optOutList: 'opt-out-list',
	configurationSet: 'configuration-set',
};

const NOUNS: Record<IdentityKind, string> = {
	phoneNumber: 'phone number',
	pool: 'pool',
	senderId: 'sender ID',
	origination: 'phone number, pool or sender ID',
	optOutList: 'opt-out list',
	configurationSet: 'configuration set',
};

const isPhoneNumberText = (value: string) => /^\+?[0-9]+$/.test(value);
const digits = (value: string) => value.replace(/^\+/, '');

function resolved(kind: ResolvedIdentity['kind'], id: string, typed: string): ResolvedIdentity {
	return {id, kind, label: id === typed ? id : `${typed} (${id})`};
}

function notFound(clients: Clients, kind: IdentityKind, typed: string, hint: string): UnresolvedIdentityError {
	const region = clients.connection.region;
	return new UnresolvedIdentityError(`no ${NOUNS[kind]} "${typed}" in ${region} (${hint.replaceAll('REGION', region)})`);
}

/** The PhoneNumberId of an E.164 number (or short code) in the Region, paging until it is found. */
async function phoneNumberIdOf(clients: Clients, typed: string): Promise<string | undefined> {
	const {DescribePhoneNumbersCommand} = await smsModule();
	let NextToken: string | undefined;
	do {
		const out = await clients.sms.send(new DescribePhoneNumbersCommand({NextToken, MaxResults: SMS_PAGE_SIZE}));
		const match = (out.PhoneNumbers ?? []).find(n => n.PhoneNumber !== undefined && digits(n.PhoneNumber) === digits(typed));
		if (match?.PhoneNumberId) return match.PhoneNumberId;
		NextToken = out.NextToken || undefined;
	} while (NextToken);
	return undefined;
}

/** The PoolIds of the pools whose Name tag is `name`. */
async function poolIdsNamed(clients: Clients, name: string): Promise<string[]> {
	const {ListTagsForResourceCommand} = await smsModule();
	const pools = await listPools(clients);
	const named = await Promise.all(
		pools.map(async pool => {
			if (!pool.PoolArn || !pool.PoolId) return undefined;
			const out = await clients.sms.send(new ListTagsForResourceCommand({ResourceArn: pool.PoolArn}));
			return (out.Tags ?? []).some(t => t.Key === 'Name' && t.Value === name) ? pool.PoolId : undefined;
		}),
	);
	return named.filter((id): id is string => id !== undefined);
}

/** The SenderIdArns of a sender ID, one per country it is set up in. */
async function senderIdArnsOf(clients: Clients, senderId: string): Promise<{arn: string; country: string}[]> {
	const {DescribeSenderIdsCommand} = await smsModule();
	const found = await collectPages(async NextToken => {
		const out = await clients.sms.send(
			new DescribeSenderIdsCommand({Filters: [{Name: 'sender-id', Values: [senderId]}], NextToken, MaxResults: SMS_PAGE_SIZE}),
		);
		return {items: out.SenderIds ?? [], next: out.NextToken};
	});
	return found.filter(s => s.SenderId === senderId && s.SenderIdArn).map(s => ({arn: s.SenderIdArn!, country: s.IsoCountryCode ?? '?'}));
}

function oneOf(clients: Clients, kind: IdentityKind, typed: string, matches: {kind: ResolvedIdentity['kind']; id: string; what: string}[]): ResolvedIdentity | undefined {
	if (matches.length === 0) return undefined;
	if (matches.length > 1) {
		throw new UnresolvedIdentityError(
			`"${typed}" names more than one ${NOUNS[kind]} in ${clients.connection.region} (${matches.map(m => m.what).join(', ')}): give the id or ARN`,
		);
	}
	return resolved(matches[0].kind, matches[0].id, typed);
}

/**
 * The id the API takes for what was typed. Throws UnresolvedIdentityError (one line) when nothing in the
 * Region matches, when a name matches several resources, or when an ARN names another kind of resource.
 */
export async function resolveIdentity(clients: Clients, kind: IdentityKind, typed: string): Promise<ResolvedIdentity> {
	const value = typed.trim();
	if (value === '') throw new UnresolvedIdentityError(`name a ${NOUNS[kind]}`);
	const arnType = arnResourceType(value);
	if (value.startsWith('arn:')) {
		const accepted = kind === 'origination' ? ['phoneNumber', 'pool', 'senderId'] : [kind];
		const match = (accepted as ResolvedIdentity['kind'][]).find(k => ARN_TYPES[k] === arnType);
		if (!match) throw new UnresolvedIdentityError(`${value} is not the ARN of a ${NOUNS[kind]}`);
		return resolved(match, value, value);
	}
	if (kind === 'optOutList' || kind === 'configurationSet') return resolved(kind, value, value);

	const phone = kind === 'phoneNumber' || kind === 'origination';
	const pool = kind === 'pool' || kind === 'origination';
	const sender = kind === 'senderId' || kind === 'origination';
	if (phone && /^phone-/.test(value)) return resolved('phoneNumber', value, value);
	if (pool && /^pool-/.test(value)) return resolved('pool', value, value);
	if (phone && isPhoneNumberText(value)) {
		const id = await phoneNumberIdOf(clients, value);
		if (id) return resolved('phoneNumber', id, value);
		throw notFound(clients, 'phoneNumber', value, 'see smsdeck numbers --region REGION');
	}
	if (kind === 'phoneNumber') throw notFound(clients, kind, value, 'give its E.164 number, phone-… id or ARN');

	const [pools, senders] = await Promise.all([pool ? poolIdsNamed(clients, value) : [], sender ? senderIdArnsOf(clients, value) : []]);
	const found = oneOf(clients, kind, value, [
		...pools.map(id => ({kind: 'pool' as const, id, what: `pool ${id}`})),
		...senders.map(s => ({kind: 'senderId' as const, id: s.arn, what: `sender ID in ${s.country}`})),
	]);
	if (found) return found;
	const hint =
		kind === 'pool'
			? "give its pool-… id, ARN or Name tag; see smsdeck pools --region REGION"
			: kind === 'senderId'
				? 'see smsdeck sender-ids --region REGION'
				: "give an E.164 number, a phone-… or pool-… id, a pool's Name tag, a sender ID or an ARN";
	throw notFound(clients, kind, value, hint);
}

/** The phone number record for what was typed (E.164, short code, phone-… id or ARN). */
export async function lookupPhoneNumber(clients: Clients, typed: string): Promise<PhoneNumber> {
	const {id} = await resolveIdentity(clients, 'phoneNumber', typed);
	try {
		const number = await getPhoneNumber(clients, id);
		if (number) return number;
	} catch (error) {
		if ((error as {name?: string}).name !== 'ResourceNotFoundException') throw error;
	}
	throw notFound(clients, 'phoneNumber', typed.trim(), 'see smsdeck numbers --region REGION');
}

/** The configuration set named by its name or ARN; undefined when the Region has none such. */
export async function lookupConfigurationSet(clients: Clients, typed: string): Promise<ConfigurationSet | undefined> {
	const {id} = await resolveIdentity(clients, 'configurationSet', typed);
	try {
		return await getConfigurationSet(clients, id);
	} catch (error) {
		if ((error as {name?: string}).name === 'ResourceNotFoundException') return undefined;
		throw error;
	}
}
