// In-memory records of the emulated sms-voice service. Plain JSON (no Maps, no Dates) so that
// snapshot() is a deep copy and restore() a deep copy back. Times are epoch milliseconds.

export interface Tag {
	Key: string;
	Value: string;
}

export type MessageType = 'TRANSACTIONAL' | 'PROMOTIONAL';
export type Capability = 'SMS' | 'VOICE' | 'MMS' | 'RCS';
export type NumberType = 'SHORT_CODE' | 'LONG_CODE' | 'TOLL_FREE' | 'TEN_DLC' | 'SIMULATOR';
export type KeywordAction = 'AUTOMATIC_RESPONSE' | 'OPT_OUT' | 'OPT_IN';
export type Channel = 'TEXT' | 'MEDIA' | 'VOICE';

export interface KeywordRec {
	keyword: string;
	message: string;
	action: KeywordAction;
}

export interface PhoneNumberRec {
	id: string;
	arn: string;
	phoneNumber: string;
	status: 'PENDING' | 'ACTIVE' | 'ASSOCIATING' | 'DISASSOCIATING' | 'DELETED';
	/** When a PENDING number turns ACTIVE (checked lazily on every request). */
	activeAt?: number;
	isoCountryCode: string;
	messageType: MessageType;
	capabilities: Capability[];
	numberType: NumberType;
	monthlyLeasingPrice: string;
	twoWayEnabled: boolean;
	twoWayChannelArn?: string;
	twoWayChannelRole?: string;
	selfManagedOptOutsEnabled: boolean;
	optOutListName: string;
	internationalSendingEnabled: boolean;
	deletionProtectionEnabled: boolean;
	poolId?: string;
	registrationId?: string;
	created: number;
	tags: Tag[];
	keywords: KeywordRec[];
}

export interface SenderIdRec {
	senderId: string;
	isoCountryCode: string;
	arn: string;
	messageTypes: MessageType[];
	monthlyLeasingPrice: string;
	deletionProtectionEnabled: boolean;
	registered: boolean;
	registrationId?: string;
	created: number;
	tags: Tag[];
}

/** A pool member: a phone number (by id) or a sender ID (by name and country). */
export type PoolMember = {kind: 'phone'; id: string} | {kind: 'sender'; senderId: string; isoCountryCode: string};

export interface PoolRec {
	id: string;
	arn: string;
	status: 'CREATING' | 'ACTIVE' | 'DELETING';
	messageType: MessageType;
	twoWayEnabled: boolean;
	twoWayChannelArn?: string;
	twoWayChannelRole?: string;
	selfManagedOptOutsEnabled: boolean;
	optOutListName: string;
	sharedRoutesEnabled: boolean;
	deletionProtectionEnabled: boolean;
	created: number;
	tags: Tag[];
	keywords: KeywordRec[];
	members: PoolMember[];
}

export interface EventDestinationRec {
	name: string;
	enabled: boolean;
	matchingEventTypes: string[];
	cloudWatchLogs?: {IamRoleArn: string; LogGroupArn: string};
	firehose?: {IamRoleArn: string; DeliveryStreamArn: string};
	sns?: {TopicArn: string};
}

export interface ConfigSetRec {
	name: string;
	arn: string;
	created: number;
	eventDestinations: EventDestinationRec[];
	defaultMessageType?: MessageType;
	defaultSenderId?: string;
	defaultMessageFeedbackEnabled?: boolean;
	protectConfigurationId?: string;
	tags: Tag[];
}

export interface OptedOutRec {
	at: number;
	endUser: boolean;
}

export interface OptOutListRec {
	name: string;
	arn: string;
	created: number;
	tags: Tag[];
	/** E.164 → entry, in insertion order. */
	numbers: Record<string, OptedOutRec>;
}

export interface VerifiedRec {
	id: string;
	arn: string;
	phoneNumber: string;
	status: 'PENDING' | 'VERIFIED';
	created: number;
	/** When the last verification code was sent (codes are valid 15 minutes). */
	codeSentAt?: number;
	/** How many codes were sent (each makes a new code; the first is free). */
	codesSent?: number;
	tags: Tag[];
}

/** A value of one registration field: select choices, text or an attachment; denials come from a review. */
export interface FieldValueRec {
	selectChoices?: string[];
	textValue?: string;
	attachmentId?: string;
	deniedReason?: string;
}

export type RegistrationVersionStatus = 'DRAFT' | 'SUBMITTED' | 'REVIEWING' | 'APPROVED' | 'DISCARDED' | 'DENIED';

export interface RegistrationVersionRec {
	number: number;
	status: RegistrationVersionStatus;
	/** Status → when it was reached (epoch ms), as RegistrationVersionStatusHistory has them. */
	history: Partial<Record<RegistrationVersionStatus, number>>;
	fields: Record<string, FieldValueRec>;
	deniedReasons?: {Reason: string; ShortDescription: string; LongDescription?: string}[];
	feedback?: string;
	awsReview?: boolean;
}

export type RegistrationStatus = 'CREATED' | 'SUBMITTED' | 'REVIEWING' | 'COMPLETE' | 'REQUIRES_UPDATES' | 'CLOSED';

export interface RegistrationRec {
	id: string;
	arn: string;
	type: string;
	status: RegistrationStatus;
	/** The status a submitted version leaves behind when it is discarded. */
	statusBeforeSubmit?: RegistrationStatus;
	created: number;
	tags: Tag[];
	versions: RegistrationVersionRec[];
	currentVersion: number;
	approvedVersion?: number;
	latestDeniedVersion?: number;
	/** With --review-delay: when the submitted version moves on by itself (REVIEWING at half, APPROVED at the end). */
	reviewStartsAt?: number;
	reviewEndsAt?: number;
	/** Ids of the phone numbers associated with it. */
	associations: string[];
}

export interface AttachmentRec {
	id: string;
	arn: string;
	status: 'UPLOAD_COMPLETE' | 'DELETED';
	created: number;
	tags: Tag[];
	bytes: number;
	url?: string;
}

export type ProtectCapability = 'SMS' | 'MMS' | 'VOICE';

export interface ProtectRec {
	id: string;
	arn: string;
	created: number;
	deletionProtectionEnabled: boolean;
	tags: Tag[];
	/** Only the countries whose status differs from ALLOW, per capability. */
	rules: Record<ProtectCapability, Record<string, string>>;
	/** Rule overrides for single destination numbers (E.164 → override); absent in older state files. */
	overrides?: Record<string, NumberOverrideRec>;
}

export interface NumberOverrideRec {
	action: 'ALLOW' | 'BLOCK';
	isoCountryCode?: string;
	created: number;
	/** No longer applies from this time on (still listed until deleted). */
	expires?: number;
}

export interface SpendState {
	/** AWS-set account limit per channel (USD, whole dollars). */
	maxLimit: Record<Channel, number>;
	/** Self-service enforced limit, when set. */
	override: Partial<Record<Channel, number>>;
	/** 'YYYY-MM' (UTC) → channel → USD spent. */
	months: Record<string, Partial<Record<Channel, number>>>;
}

export interface SentMessageRec {
	messageId: string;
	channel: Channel;
	at: number;
	origination: string;
	destination: string;
	isoCountryCode: string;
	configurationSetName?: string;
	parts: number;
	price: number;
	carrierFee: number;
	body?: string;
	dryRun: boolean;
}

export interface InboundRec {
	at: number;
	to: string;
	from: string;
	body: string;
	keyword?: string;
	action: string;
}

export interface ExternalDeliveryRec {
	at: number;
	kind: 'firehose' | 'sns';
	target: string;
	record: Record<string, unknown>;
}

export interface RegionState {
	region: string;
	accountTier: string;
	defaultProtectConfigurationId?: string;
	/** Earliest activeAt of a PENDING number, so most requests skip the scan. */
	nextActivationAt?: number;
	limits: Record<string, number>;
	spend: SpendState;
	phoneNumbers: Record<string, PhoneNumberRec>;
	/** Key `${senderId}/${isoCountryCode}`. */
	senderIds: Record<string, SenderIdRec>;
	pools: Record<string, PoolRec>;
	configSets: Record<string, ConfigSetRec>;
	optOutLists: Record<string, OptOutListRec>;
	verified: Record<string, VerifiedRec>;
	protect: Record<string, ProtectRec>;
	/** Absent in state files written before registrations were emulated (svc.region() adds them). */
	registrations: Record<string, RegistrationRec>;
	/** Numbers released from the account: the guide says the same number can never be obtained again. */
	released?: string[];
	attachments: Record<string, AttachmentRec>;
	/** `${operation}:${clientToken}` → the answer given the first time. */
	clientTokens: Record<string, unknown>;
	sent: SentMessageRec[];
	inbound: InboundRec[];
	deliveries: ExternalDeliveryRec[];
}

export interface RootState {
	version: 1;
	regions: Record<string, RegionState>;
	/** Destination numbers for which no events are emitted (fault injection). */
	withheld: string[];
}
