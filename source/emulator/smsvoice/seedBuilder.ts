// Small helpers that put records straight into a region's state, with stable ids, for the seeds.
import {stableId} from './ids.js';
import {defaultKeywords} from './keywordsDefaults.js';
import {senderKey} from './lookup.js';
import type {Capability, ConfigSetRec, EventDestinationRec, KeywordRec, MessageType, NumberType, PhoneNumberRec, PoolRec, RegionState, SenderIdRec, Tag} from './model.js';
import {leasingPrice} from './numberAllocation.js';
import {addMember, addSenderMember} from './poolRules.js';
import type {Svc} from './state.js';

const DAY = 24 * 60 * 60 * 1000;

export function tags(record: Record<string, string>): Tag[] {
	return Object.entries(record).map(([Key, Value]) => ({Key, Value}));
}

export interface NumberSpec {
	phoneNumber: string;
	iso: string;
	type: NumberType;
	capabilities: Capability[];
	messageType?: MessageType;
	optOutListName?: string;
	twoWayChannelArn?: string;
	deletionProtection?: boolean;
	tags?: Record<string, string>;
	keywords?: KeywordRec[];
	ageDays?: number;
	status?: PhoneNumberRec['status'];
}

export class SeedBuilder {
	constructor(
		private readonly svc: Svc,
		readonly rs: RegionState,
		private readonly now: number,
	) {}

	private created(ageDays = 30): number {
		return this.now - ageDays * DAY;
	}

	number(label: string, spec: NumberSpec): PhoneNumberRec {
		const id = stableId('phone', `${this.rs.region}:${label}`);
		const pn: PhoneNumberRec = {
			id,
			arn: this.svc.arn(this.rs, `phone-number/${id}`),
			phoneNumber: spec.phoneNumber,
			status: spec.status ?? 'ACTIVE',
			isoCountryCode: spec.iso,
			messageType: spec.messageType ?? 'TRANSACTIONAL',
			capabilities: spec.capabilities,
			numberType: spec.type,
			monthlyLeasingPrice: leasingPrice(spec.type, spec.iso),
			twoWayEnabled: spec.twoWayChannelArn !== undefined,
			twoWayChannelArn: spec.twoWayChannelArn,
			selfManagedOptOutsEnabled: false,
			optOutListName: spec.optOutListName ?? 'Default',
			internationalSendingEnabled: false,
			deletionProtectionEnabled: spec.deletionProtection ?? false,
			created: this.created(spec.ageDays),
			tags: tags(spec.tags ?? {}),
			keywords: [...defaultKeywords(), ...(spec.keywords ?? [])],
		};
		this.rs.phoneNumbers[id] = pn;
		return pn;
	}

	senderId(senderId: string, iso: string, extra: {registered?: boolean; tags?: Record<string, string>; messageTypes?: MessageType[]} = {}): SenderIdRec {
		const rec: SenderIdRec = {
			senderId,
			isoCountryCode: iso,
			arn: this.svc.arn(this.rs, `sender-id/${senderId}/${iso}`),
			messageTypes: extra.messageTypes ?? ['TRANSACTIONAL', 'PROMOTIONAL'],
			monthlyLeasingPrice: '0.00',
			deletionProtectionEnabled: false,
			registered: extra.registered ?? false,
			created: this.created(),
			tags: tags(extra.tags ?? {}),
		};
		this.rs.senderIds[senderKey(senderId, iso)] = rec;
		return rec;
	}

	/** A pool whose settings come from its first member (a phone number), then further members. */
	pool(
		label: string,
		members: (PhoneNumberRec | SenderIdRec)[],
		extra: {messageType?: MessageType; deletionProtection?: boolean; sharedRoutes?: boolean; tags?: Record<string, string>; keywords?: KeywordRec[]} = {},
	): PoolRec {
		const id = stableId('pool', `${this.rs.region}:${label}`);
		const first = members.find((m): m is PhoneNumberRec => 'phoneNumber' in m);
		const pool: PoolRec = {
			id,
			arn: this.svc.arn(this.rs, `pool/${id}`),
			status: 'ACTIVE',
			messageType: extra.messageType ?? first?.messageType ?? 'TRANSACTIONAL',
			twoWayEnabled: first?.twoWayEnabled ?? false,
			twoWayChannelArn: first?.twoWayChannelArn,
			selfManagedOptOutsEnabled: false,
			optOutListName: first?.optOutListName ?? 'Default',
			sharedRoutesEnabled: extra.sharedRoutes ?? false,
			deletionProtectionEnabled: extra.deletionProtection ?? false,
			created: this.created(20),
			tags: tags(extra.tags ?? {}),
			keywords: [...(first ? first.keywords.map(k => ({...k})) : defaultKeywords()), ...(extra.keywords ?? [])],
			members: [],
		};
		for (const m of members) {
			if ('phoneNumber' in m) addMember(pool, m);
			else addSenderMember(pool, m);
		}
		this.rs.pools[id] = pool;
		return pool;
	}

	optOutList(name: string, numbers: Record<string, boolean>, extraTags: Record<string, string> = {}): void {
		const list = (this.rs.optOutLists[name] ??= {name, arn: this.svc.arn(this.rs, `opt-out-list/${name}`), created: this.created(60), tags: [], numbers: {}});
		list.tags.push(...tags(extraTags));
		let age = Object.keys(numbers).length;
		for (const [n, endUser] of Object.entries(numbers)) list.numbers[n] = {at: this.created(age--), endUser};
	}

	logGroupArn(name: string): string {
		return `arn:aws:logs:${this.rs.region}:${this.svc.world.accountId}:log-group:${name}`;
	}

	roleArn(name: string): string {
		return `arn:aws:iam::${this.svc.world.accountId}:role/${name}`;
	}

	/** A configuration set; CloudWatch Logs destinations get their log group created. */
	configSet(name: string, destinations: EventDestinationRec[], extra: Partial<Pick<ConfigSetRec, 'defaultMessageType' | 'defaultSenderId' | 'protectConfigurationId'>> & {tags?: Record<string, string>} = {}): ConfigSetRec {
		for (const d of destinations) {
			if (!d.cloudWatchLogs) continue;
			const name = d.cloudWatchLogs.LogGroupArn.split(':log-group:')[1];
			this.svc.world.logs.ensureLogGroup(this.rs.region, name);
		}
		const cs: ConfigSetRec = {
			name,
			arn: this.svc.arn(this.rs, `configuration-set/${name}`),
			created: this.created(15),
			eventDestinations: destinations,
			defaultMessageType: extra.defaultMessageType,
			defaultSenderId: extra.defaultSenderId,
			protectConfigurationId: extra.protectConfigurationId,
			tags: tags(extra.tags ?? {}),
		};
		this.rs.configSets[name] = cs;
		return cs;
	}

	cwl(name: string, group: string, types: string[], enabled = true): EventDestinationRec {
		return {name, enabled, matchingEventTypes: types, cloudWatchLogs: {IamRoleArn: this.roleArn('SMSVoiceCWLRole'), LogGroupArn: this.logGroupArn(group)}};
	}

	verified(label: string, phoneNumber: string, status: 'PENDING' | 'VERIFIED', ageDays: number): void {
		const id = stableId('verified', `${this.rs.region}:${label}`);
		this.rs.verified[id] = {id, arn: this.svc.arn(this.rs, `verified-destination-number/${id}`), phoneNumber, status, created: this.created(ageDays), tags: []};
	}

	protect(label: string, blocked: Partial<Record<'SMS' | 'MMS' | 'VOICE', string[]>>, extraTags: Record<string, string>): string {
		const id = stableId('protect', `${this.rs.region}:${label}`);
		const rules = {SMS: {} as Record<string, string>, MMS: {} as Record<string, string>, VOICE: {} as Record<string, string>};
		for (const cap of ['SMS', 'MMS', 'VOICE'] as const) for (const iso of blocked[cap] ?? []) rules[cap][iso] = 'BLOCK';
		this.rs.protect[id] = {id, arn: this.svc.arn(this.rs, `protect-configuration/${id}`), created: this.created(10), deletionProtectionEnabled: false, tags: tags(extraTags), rules};
		return id;
	}
}
