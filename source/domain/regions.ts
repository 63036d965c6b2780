// The AWS Regions where End User Messaging SMS is available (user guide, regions and endpoints table).

export interface SmsRegion {
	code: string;
	name: string;
	/** SMS and MMS are available in every listed Region. */
	sms: true;
	voice: boolean;
	/** FIPS endpoint host, where one exists. */
	fips: boolean;
}

const r = (code: string, name: string, voice: boolean, fips = false): SmsRegion => ({code, name, sms: true, voice, fips});

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
	r('ap-northeast-3', 'Asia Pacific (Osaka)', true),
	r('ap-northeast-2', 'Asia Pacific (Seoul)', true),
	r('ap-southeast-1', 'Asia Pacific (Singapore)', true),
	r('ap-southeast-2', 'Asia Pacific (Sydney)', true),
	r('ap-northeast-1', 'Asia Pacific (Tokyo)', true),
	r('us-gov-east-1', 'AWS GovCloud (US-East)', false, true),
	r('us-gov-west-1', 'AWS GovCloud (US-West)', true, true),
	r('ca-central-1', 'Canada (Central)', true, true),
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
	r('sa-east-1', 'South America (São Paulo)', true),
];

export const DEFAULT_REGION = 'us-east-1';

const byCode = new Map(SMS_REGIONS.map(region => [region.code, region]));

export function findRegion(code: string): SmsRegion | undefined {
	return byCode.get(code.trim().toLowerCase());
}

/** The service's public endpoint host for a Region. */
export function smsEndpointHost(code: string, fips = false): string {
	return `sms-voice${fips ? '-fips' : ''}.${code}.amazonaws.com`;
}
