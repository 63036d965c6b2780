// Registrations (10DLC brands and campaigns, toll-free numbers): the list with each one's Name tag and how many
// resources it holds, and one registration whole — its type's sections and fields, the values of a version, the
// version history with denial reasons, and its associations.
import type {
	RegistrationAssociationMetadata,
	RegistrationFieldDefinition,
	RegistrationFieldValueInformation,
	RegistrationInformation,
	RegistrationSectionDefinition,
	RegistrationVersionInformation,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {eachLimited, nameTagOf} from './namesService.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';
import {stateSince} from '../domain/registrations.js';

export type Registration = RegistrationInformation & {
	/** The Name tag, when it has one. */
	Name?: string;
	/** How many resources (numbers) are associated with it; undefined until known. */
	AssociationCount?: number;
	/** When its current version reached its status. */
	StateSince?: Date;
};

export async function listRegistrations(clients: Clients, options: PageOptions<Registration> & {details?: boolean} = {}): Promise<Registration[]> {
	const {DescribeRegistrationsCommand} = await smsModule();
	const rows: Registration[] = await collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribeRegistrationsCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: options.signal});
		return {items: out.Registrations ?? [], next: out.NextToken};
	}, options);
	if (options.details === false) return rows;
	const {DescribeRegistrationVersionsCommand} = await smsModule();
	await eachLimited(rows, async row => {
		if (row.RegistrationArn) row.Name = await nameTagOf(clients, row.RegistrationArn, options.signal);
		if (!row.RegistrationId) return;
		row.AssociationCount = (await listAssociations(clients, row.RegistrationId, options.signal)).length;
		const out = await clients.sms.send(new DescribeRegistrationVersionsCommand({RegistrationId: row.RegistrationId, VersionNumbers: row.CurrentVersionNumber ? [row.CurrentVersionNumber] : undefined, MaxResults: 1}), {
			abortSignal: options.signal,
		});
		row.StateSince = stateSince(out.RegistrationVersions?.[0]?.RegistrationVersionStatusHistory as Record<string, unknown> | undefined);
	});
	return rows;
}

export async function listAssociations(clients: Clients, registrationId: string, signal?: AbortSignal): Promise<RegistrationAssociationMetadata[]> {
	const {ListRegistrationAssociationsCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new ListRegistrationAssociationsCommand({RegistrationId: registrationId, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: signal});
		return {items: out.RegistrationAssociations ?? [], next: out.NextToken};
	});
}

export interface RegistrationDetail {
	registration: Registration;
	sections: RegistrationSectionDefinition[];
	fields: RegistrationFieldDefinition[];
	/** The values of `version` (the current one unless asked otherwise). */
	values: RegistrationFieldValueInformation[];
	version: number;
	/** Newest first. */
	versions: RegistrationVersionInformation[];
	associations: RegistrationAssociationMetadata[];
}

export async function getRegistration(clients: Clients, registrationId: string, options: {version?: number; signal?: AbortSignal} = {}): Promise<RegistrationDetail> {
	const sdk = await smsModule();
	const signal = options.signal;
	const [registration] = (await clients.sms.send(new sdk.DescribeRegistrationsCommand({RegistrationIds: [registrationId]}), {abortSignal: signal})).Registrations ?? [];
	if (!registration) throw new Error(`The registration ${registrationId} was not found`);
	const type = registration.RegistrationType!;
	const version = options.version ?? registration.CurrentVersionNumber!;
	const [sections, fields, values, versions, associations, name] = await Promise.all([
		collectPages(async NextToken => {
			const out = await clients.sms.send(new sdk.DescribeRegistrationSectionDefinitionsCommand({RegistrationType: type, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: signal});
			return {items: out.RegistrationSectionDefinitions ?? [], next: out.NextToken};
		}),
		collectPages(async NextToken => {
			const out = await clients.sms.send(new sdk.DescribeRegistrationFieldDefinitionsCommand({RegistrationType: type, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: signal});
			return {items: out.RegistrationFieldDefinitions ?? [], next: out.NextToken};
		}),
		collectPages(async NextToken => {
			const out = await clients.sms.send(new sdk.DescribeRegistrationFieldValuesCommand({RegistrationId: registrationId, VersionNumber: version, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: signal});
			return {items: out.RegistrationFieldValues ?? [], next: out.NextToken};
		}),
		collectPages(async NextToken => {
			const out = await clients.sms.send(new sdk.DescribeRegistrationVersionsCommand({RegistrationId: registrationId, NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: signal});
			return {items: out.RegistrationVersions ?? [], next: out.NextToken};
		}),
		listAssociations(clients, registrationId, signal),
		registration.RegistrationArn ? nameTagOf(clients, registration.RegistrationArn, signal) : Promise.resolve(undefined),
	]);
	versions.sort((a, b) => (b.VersionNumber ?? 0) - (a.VersionNumber ?? 0));
	return {registration: {...registration, Name: name, AssociationCount: associations.length}, sections, fields, values, version, versions, associations};
}
