// The registration types the emulator knows, with their sections and fields, in the shapes of
// DescribeRegistrationTypeDefinitions, …SectionDefinitions and …FieldDefinitions. The field limits are the user
// guide's (§3.12): opt-in description at least 40 characters, HELP and STOP responses 20–160, sample messages at
// least 20, up to 5 sub-use-cases, the campaign use cases and capabilities, PNG attachments up to 400 KB. Paths
// and titles are our own: the guide names the forms' contents, not their field paths.

export type FieldType = 'SELECT' | 'TEXT' | 'ATTACHMENT';
export type FieldRequirement = 'REQUIRED' | 'CONDITIONAL' | 'OPTIONAL';

export interface FieldDef {
	sectionPath: string;
	/** `section.field`. */
	fieldPath: string;
	type: FieldType;
	requirement: FieldRequirement;
	title: string;
	description: string;
	text?: {min: number; max: number; pattern: string; example?: string};
	select?: {min: number; max: number; options: string[]};
}

export interface SectionDef {
	path: string;
	title: string;
	description: string;
}

export interface AssociationDef {
	resourceType: 'PHONE_NUMBER';
	isoCountryCode: string;
	/** Number types the association takes. */
	numberTypes: string[];
	associationBehavior: 'ASSOCIATE_BEFORE_SUBMIT' | 'ASSOCIATE_ON_APPROVAL' | 'ASSOCIATE_AFTER_COMPLETE';
	disassociationBehavior: 'DISASSOCIATE_ALL_CLOSES_REGISTRATION' | 'DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION' | 'DELETE_REGISTRATION_DISASSOCIATES';
}

export interface RegistrationTypeDef {
	type: string;
	title: string;
	description: string;
	sections: SectionDef[];
	fields: FieldDef[];
	associations: AssociationDef[];
}

/** PNG attachments (opt-in screenshots, letters of authorisation): at most this many bytes. */
export const MAX_ATTACHMENT_BYTES = 400 * 1024;

const ANY = '^[\\s\\S]*$';
const URL = '^https?://\\S+$';
const E164 = '^\\+[1-9][0-9]{1,14}$';
const EMAIL = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

function text(section: string, name: string, title: string, min: number, max: number, options: {required?: boolean; pattern?: string; example?: string; description?: string} = {}): FieldDef {
	return {
		sectionPath: section,
		fieldPath: `${section}.${name}`,
		type: 'TEXT',
		requirement: options.required === false ? 'OPTIONAL' : 'REQUIRED',
		title,
		description: options.description ?? title,
		text: {min, max, pattern: options.pattern ?? ANY, example: options.example},
	};
}

function select(section: string, name: string, title: string, options: string[], {min = 1, max = 1, required = true} = {}): FieldDef {
	return {sectionPath: section, fieldPath: `${section}.${name}`, type: 'SELECT', requirement: required ? 'REQUIRED' : 'OPTIONAL', title, description: title, select: {min, max, options}};
}

function attachment(section: string, name: string, title: string, required = true): FieldDef {
	return {sectionPath: section, fieldPath: `${section}.${name}`, type: 'ATTACHMENT', requirement: required ? 'REQUIRED' : 'OPTIONAL', title, description: `${title} (PNG, at most 400 KB)`};
}

const companySection: SectionDef = {path: 'companyInfo', title: 'Company information', description: 'The company that sends the messages'};
const contactSection: SectionDef = {path: 'contactInfo', title: 'Contact information', description: 'Who the carriers can reach about this registration'};

const company = [
	text('companyInfo', 'companyName', 'Company name', 1, 100, {example: 'AnyCompany'}),
	text('companyInfo', 'website', 'Company website', 8, 500, {pattern: URL, example: 'https://www.example.com'}),
	text('companyInfo', 'address1', 'Address', 1, 100),
	text('companyInfo', 'city', 'City', 1, 100),
	text('companyInfo', 'state', 'State or region', 1, 50),
	text('companyInfo', 'zipCode', 'Postal code', 1, 20),
	text('companyInfo', 'isoCountryCode', 'Country (ISO code)', 2, 2, {pattern: '^[A-Z]{2}$', example: 'US'}),
];
const contact = [
	text('contactInfo', 'firstName', 'First name', 1, 50),
	text('contactInfo', 'lastName', 'Last name', 1, 50),
	text('contactInfo', 'supportEmail', 'Support email', 5, 100, {pattern: EMAIL, example: 'support@example.com'}),
	text('contactInfo', 'supportPhoneNumber', 'Support phone number', 3, 16, {pattern: E164, example: '+12065550142'}),
];

const SAMPLE = {min: 20, max: 1024};

/** The guide's toll-free use-case categories. */
export const TOLL_FREE_USE_CASES = ['TWO_FACTOR_AUTHENTICATION', 'ONE_TIME_PASSWORDS', 'NOTIFICATIONS', 'POLLING_AND_SURVEYS', 'INFO_ON_DEMAND', 'PROMOTIONS_AND_MARKETING', 'OTHER'];
/** The guide's 10DLC campaign use cases. */
export const CAMPAIGN_USE_CASES = [
	'TWO_FACTOR_AUTHENTICATION',
	'ACCOUNT_NOTIFICATION',
	'CUSTOMER_CARE',
	'DELIVERY_NOTIFICATION',
	'FRAUD_ALERT',
	'HIGHER_EDUCATION',
	'MARKETING',
	'MIXED',
	'PUBLIC_SERVICE_ANNOUNCEMENT',
	'POLLING_VOTING',
	'SECURITY_ALERT',
	'LOW_VOLUME',
	'CHARITY',
];
/** The guide's campaign capabilities. */
export const CAMPAIGN_CAPABILITIES = ['SMS', 'SMS_MMS', 'SMS_VOICE', 'SMS_MMS_VOICE'];

export const REGISTRATION_TYPES: RegistrationTypeDef[] = [
	{
		type: 'US_TOLL_FREE_REGISTRATION',
		title: 'US toll-free number registration',
		description: 'Registers a US toll-free number for A2P messaging (up to 15 business days)',
		sections: [
			companySection,
			contactSection,
			{path: 'messagingUseCase', title: 'Messaging use case', description: 'What the number sends and how recipients opt in'},
			{path: 'messageSamples', title: 'Message samples', description: 'Examples of the messages sent'},
		],
		fields: [
			...company,
			...contact,
			select('messagingUseCase', 'monthlyMessageVolume', 'Monthly message volume', ['10', '100', '1,000', '10,000', '100,000', '250,000', '500,000', '750,000', '1,000,000', '5,000,000', '10,000,000+']),
			select('messagingUseCase', 'useCaseCategory', 'Use case category', TOLL_FREE_USE_CASES),
			text('messagingUseCase', 'useCaseDetails', 'Use case details', 1, 500),
			text('messagingUseCase', 'optInDescription', 'Opt-in workflow description', 40, 500),
			attachment('messagingUseCase', 'optInImage', 'Opt-in workflow image'),
			text('messageSamples', 'messageSample1', 'Message sample 1', SAMPLE.min, SAMPLE.max),
			text('messageSamples', 'messageSample2', 'Message sample 2', SAMPLE.min, SAMPLE.max, {required: false}),
			text('messageSamples', 'messageSample3', 'Message sample 3', SAMPLE.min, SAMPLE.max, {required: false}),
		],
		associations: [{resourceType: 'PHONE_NUMBER', isoCountryCode: 'US', numberTypes: ['TOLL_FREE'], associationBehavior: 'ASSOCIATE_BEFORE_SUBMIT', disassociationBehavior: 'DISASSOCIATE_ALL_CLOSES_REGISTRATION'}],
	},
	{
		type: 'US_TEN_DLC_BRAND_REGISTRATION',
		title: 'US 10DLC brand registration',
		description: 'Registers the company behind 10DLC campaigns (1–2 business days; international companies up to 3 weeks)',
		sections: [companySection, contactSection, {path: 'brandDetails', title: 'Brand details', description: 'How the brand is registered with The Campaign Registry'}],
		fields: [
			...company,
			...contact,
			select('brandDetails', 'legalType', 'Legal form', ['PUBLIC_PROFIT', 'PRIVATE_PROFIT', 'NON_PROFIT', 'GOVERNMENT']),
			text('brandDetails', 'taxIdIssuingCountry', 'Tax id issuing country', 2, 2, {pattern: '^[A-Z]{2}$', example: 'US'}),
			text('brandDetails', 'taxId', 'Tax id', 1, 21),
			select('brandDetails', 'vertical', 'Vertical', ['TECHNOLOGY', 'RETAIL', 'FINANCIAL', 'HEALTHCARE', 'EDUCATION', 'GOVERNMENT', 'NON_PROFIT', 'OTHER']),
		],
		associations: [],
	},
	{
		type: 'US_TEN_DLC_BRAND_VETTING',
		title: 'US 10DLC brand vetting',
		description: 'Asks a third party to vet a registered brand for higher throughput (one-time $40 fee)',
		sections: [{path: 'vettingInfo', title: 'Vetting', description: 'The brand to vet'}],
		fields: [
			text('vettingInfo', 'brandRegistrationId', 'Brand registration id', 1, 64, {pattern: '^registration-[0-9a-f]{32}$'}),
			select('vettingInfo', 'vettingClass', 'Vetting class', ['STANDARD']),
		],
		associations: [],
	},
	{
		type: 'US_TEN_DLC_CAMPAIGN_REGISTRATION',
		title: 'US 10DLC campaign registration',
		description: 'Registers what a brand sends from 10DLC numbers (reviews take 4–6 weeks or more)',
		sections: [
			{path: 'campaignInfo', title: 'Campaign information', description: 'The brand, name and purpose of the campaign'},
			{path: 'campaignUseCase', title: 'Use case', description: 'The use case and its sub-use-cases'},
			{path: 'messageFlow', title: 'Opt-in, HELP and STOP', description: 'How recipients opt in and the HELP and STOP responses'},
			{path: 'messageSamples', title: 'Message samples', description: 'Examples of the messages sent'},
		],
		fields: [
			text('campaignInfo', 'brandRegistrationId', 'Brand registration id', 1, 64, {pattern: '^registration-[0-9a-f]{32}$'}),
			text('campaignInfo', 'campaignName', 'Campaign name', 1, 64),
			text('campaignInfo', 'campaignDescription', 'Campaign description', 40, 4096),
			select('campaignInfo', 'messageType', 'Message type', ['TRANSACTIONAL', 'PROMOTIONAL']),
			select('campaignInfo', 'capabilities', 'Capabilities', CAMPAIGN_CAPABILITIES),
			select('campaignUseCase', 'useCase', 'Use case', CAMPAIGN_USE_CASES),
			select('campaignUseCase', 'subUseCases', 'Sub-use-cases', CAMPAIGN_USE_CASES.filter(u => !['MIXED', 'LOW_VOLUME'].includes(u)), {min: 0, max: 5, required: false}),
			text('messageFlow', 'optInWorkflow', 'Opt-in workflow description', 40, 2048),
			text('messageFlow', 'helpMessage', 'HELP response', 20, 160, {example: 'AnyCompany alerts: help at support@example.com or +12065550142. Msg&data rates may apply.'}),
			text('messageFlow', 'stopMessage', 'STOP response', 20, 160, {example: 'AnyCompany alerts: you are unsubscribed and will get no more messages.'}),
			text('messageSamples', 'messageSample1', 'Message sample 1', SAMPLE.min, SAMPLE.max),
			text('messageSamples', 'messageSample2', 'Message sample 2', SAMPLE.min, SAMPLE.max, {required: false}),
			text('messageSamples', 'messageSample3', 'Message sample 3', SAMPLE.min, SAMPLE.max, {required: false}),
			text('messageSamples', 'messageSample4', 'Message sample 4', SAMPLE.min, SAMPLE.max, {required: false}),
			text('messageSamples', 'messageSample5', 'Message sample 5', SAMPLE.min, SAMPLE.max, {required: false}),
		],
		associations: [{resourceType: 'PHONE_NUMBER', isoCountryCode: 'US', numberTypes: ['TEN_DLC'], associationBehavior: 'ASSOCIATE_BEFORE_SUBMIT', disassociationBehavior: 'DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION'}],
	},
];

export function registrationType(type: string): RegistrationTypeDef | undefined {
	return REGISTRATION_TYPES.find(t => t.type === type);
}
