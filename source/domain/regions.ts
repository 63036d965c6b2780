// The AWS Regions where End User Messaging SMS is available: the service's endpoint data (34 Regions in three
// partitions), with voice support from the user guide's Regions table (29 Regions; the five newer ones are not in it,
// so their voice support is unknown). A unit test checks each Region's partition and name against the SDK's
// partition data.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-eusc';

export interface SmsRegion {
	code: string;
	name: string;
	partition: Partition;
	/** SMS and MMS are available in every listed Region. */
	sms: true;
	/** undefined: not stated by the user guide. */
	voice?: boolean;
	/** FIPS endpoint host, where one exists. */
	fips: boolean;
}

const r = (code: string, name: string, voice: boolean | undefined, fips = false): SmsRegion => ({
	code,
	name,
	partition: code.startsWith('us-gov-') ? 'aws-us-gov' : code.startsWith('eusc-') ? 'aws-eusc' : 'aws',
	sms: true,
	voice,
	fips,
});

export const SMS_REGIONS: readonly SmsRegion[] = [
	r('us-east-1', 'US East (N. Virginia)', true, true),
	r('us-east-2', 'US East (Ohio)', true, true),
	r('us-west-1', 'US West (N. California)', true, true),
	r('us-west-2', 'US West (Oregon)', true, true),
	r('af-south-1', 'Africa (Cape Town)', true),
	r('ap-south-2', 'Asia Pacific (Hyderabad)', false),
	r('ap-southeast-3', 'Asia Pacific (Jakarta)', false),
	r('ap-southeast-4', 'Asia Pacific (Melbourne)', false),
	r('ap-south-1', 'Asia Pacific (Mumbai)', true),
	r('ap-east-2', 'Asia Pacific (Taipei)', undefined),
	r('ap-southeast-6', 'Asia Pacific (New Zealand)', undefined),
	r('ap-northeast-3', 'Asia Pacific (Osaka)', true),
	r('ap-northeast-2', 'Asia Pacific (Seoul)', true),
	r('ap-southeast-1', 'Asia Pacific (Singapore)', true),
	r('ap-southeast-2', 'Asia Pacific (Sydney)', true),
	r('ap-northeast-1', 'Asia Pacific (Tokyo)', true),
	r('us-gov-east-1', 'AWS GovCloud (US-East)', false, true),
	r('us-gov-west-1', 'AWS GovCloud (US-West)', true, true),
	r('ca-central-1', 'Canada (Central)', true, true),
	r('ca-west-1', 'Canada West (Calgary)', undefined, true),
	r('eu-central-1', 'Europe (Frankfurt)', true),
	r('eu-west-1', 'Europe (Ireland)', true),
	r('eu-west-2', 'Europe (London)', true),
	r('eu-south-1', 'Europe (Milan)', false),
	r('eu-west-3', 'Europe (Paris)', true),
	r('eu-south-2', 'Europe (Spain)', false),
	r('eu-north-1', 'Europe (Stockholm)', true),
	r('eu-central-2', 'Europe (Zurich)', false),
	r('il-central-1', 'Israel (Tel Aviv)', false),
	r('me-south-1', 'Middle East (Bahrain)', true),
	r('me-central-1', 'Middle East (UAE)', false),
	r('mx-central-1', 'Mexico (Central)', undefined),
	r('sa-east-1', 'South America (São Paulo)', true),
	r('eusc-de-east-1', 'AWS European Sovereign Cloud (Germany)', undefined),
];

export const DEFAULT_REGION = 'us-east-1';

const byCode = new Map(SMS_REGIONS.map(region => [region.code, region]));

export function findRegion(code: string): SmsRegion | undefined {
	return byCode.get(code.trim().toLowerCase());
}

/**
 * The Region patterns of the AWS partitions (aws, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f,
 * aws-us-gov), as in the SDK's partition data; a unit test holds them against the installed SDK. A code that
 * matches one is a Region AWS may have even when this version of the SDK does not name it yet.
 */
export const PARTITION_REGION_PATTERNS: readonly RegExp[] = [
	/^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
	/^cn-\w+-\d+$/,
	/^eusc-(de)-\w+-\d+$/,
	/^us-iso-\w+-\d+$/,
	/^us-isob-\w+-\d+$/,
	/^eu-isoe-\w+-\d+$/,
	/^us-isof-\w+-\d+$/,
	/^us-gov-\w+-\d+$/,
];
const PATTERN_PARTITIONS = ['aws', 'aws-cn', 'aws-eusc', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-us-gov'];

/** A code some AWS partition's Region pattern matches (us-east-1, eusc-de-east-1): not a typo like "eu-west2". */
export function isRegionCode(code: string): boolean {
	return PARTITION_REGION_PATTERNS.some(p => p.test(code));
}

/**
 * The partition of a Region code: a listed Region's own, else the most specific pattern that matches (the aws
 * pattern also matches us-gov-…, so the narrower ones are tried first). Credentials never cross partitions.
 */
export function partitionOf(code: string): string | undefined {
	const listed = findRegion(code);
	if (listed) return listed.partition;
	for (let i = PARTITION_REGION_PATTERNS.length - 1; i >= 0; i--) if (PARTITION_REGION_PATTERNS[i].test(code)) return PATTERN_PARTITIONS[i];
	return undefined;
}

/**
 * Regions an account must enable before use (AWS's opt-in Regions). In one that is not enabled, every call fails
 * as if the credentials were invalid; the Regions screen says "not enabled" instead.
 */
const OPT_IN = new Set([
	'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
	'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

export function isOptInRegion(code: string): boolean {
	return OPT_IN.has(code);
}
