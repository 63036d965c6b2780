// Which AWS partition a Region belongs to, from the SDK's own partition data (the data its endpoint rules use).
// The SDK module is loaded only for a Region outside the SMS list (it costs ~90 ms to load; the console's start
// does not pay it). A unit test holds the SMS list's partitions against the SDK's.
import {findRegion, isRegionCode, type SmsRegion} from '../domain/regions.js';

export interface RegionFacts {
	code: string;
	/** aws, aws-us-gov, aws-cn, aws-eusc, aws-iso… */
	partition: string;
	/** Host suffix of the partition's endpoints: amazonaws.com, amazonaws.eu … */
	dnsSuffix: string;
	/** The SDK names the Region (it is in its partition data, not only matched by a partition's pattern). */
	knownToSdk: boolean;
	description?: string;
	/** End User Messaging SMS lists the Region. */
	sms: boolean;
}

const DNS_SUFFIX: Record<SmsRegion['partition'], string> = {aws: 'amazonaws.com', 'aws-us-gov': 'amazonaws.com', 'aws-eusc': 'amazonaws.eu'};

/** What the SDK's partition data says of a Region. */
export async function sdkRegionFacts(code: string): Promise<RegionFacts> {
	const {partition} = await import('@aws-sdk/core/client');
	const p = partition(code) as {name: string; dnsSuffix: string; description?: string};
	return {code, partition: p.name, dnsSuffix: p.dnsSuffix, knownToSdk: p.description !== undefined, description: p.description, sms: findRegion(code) !== undefined};
}

export async function regionFacts(code: string): Promise<RegionFacts> {
	const listed = findRegion(code);
	if (!listed) return sdkRegionFacts(code);
	return {code, partition: listed.partition, dnsSuffix: DNS_SUFFIX[listed.partition], knownToSdk: true, description: listed.name, sms: true};
}

export type RegionCheck = {ok: true; facts: RegionFacts; warning?: string} | {ok: false; reason: string};

/**
 * A Region a user named: accepted when it is a Region code; one outside the End User Messaging SMS list is kept
 * (never swapped for another) with a warning saying so.
 */
export async function checkRegion(code: string): Promise<RegionCheck> {
	if (!isRegionCode(code)) return {ok: false, reason: `"${code}" is not a Region of any AWS partition (like us-east-1 or eu-west-2; see smsdeck regions)`};
	const facts = await regionFacts(code);
	if (facts.sms) return {ok: true, facts};
	const known = facts.knownToSdk ? `${facts.description} (${facts.partition})` : `a Region this version of the AWS SDK does not know`;
	return {ok: true, facts, warning: `${code} is ${known}, where End User Messaging SMS is not listed; requests go there as asked`};
}
