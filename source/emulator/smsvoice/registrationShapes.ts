// The answers of the registration operations: records (model.ts) in the shapes of the API (times in epoch seconds).
import type {AttachmentRec, FieldValueRec, RegionState, RegistrationRec, RegistrationVersionRec, RegistrationVersionStatus} from './model.js';
import type {FieldDef} from './registrationTypes.js';
import {seconds} from './state.js';

const HISTORY_NAMES: Record<RegistrationVersionStatus, string> = {
	DRAFT: 'DraftTimestamp',
	SUBMITTED: 'SubmittedTimestamp',
	REVIEWING: 'ReviewingTimestamp',
	APPROVED: 'ApprovedTimestamp',
	DISCARDED: 'DiscardedTimestamp',
	DENIED: 'DeniedTimestamp',
};

export function history(version: RegistrationVersionRec): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [status, at] of Object.entries(version.history)) out[HISTORY_NAMES[status as RegistrationVersionStatus]] = seconds(at!);
	return out;
}

export function registrationInfo(rec: RegistrationRec): Record<string, unknown> {
	return {
		RegistrationArn: rec.arn,
		RegistrationId: rec.id,
		RegistrationType: rec.type,
		RegistrationStatus: rec.status,
		CurrentVersionNumber: rec.currentVersion,
		ApprovedVersionNumber: rec.approvedVersion,
		LatestDeniedVersionNumber: rec.latestDeniedVersion,
		CreatedTimestamp: seconds(rec.created),
	};
}

export function versionInfo(version: RegistrationVersionRec): Record<string, unknown> {
	return {
		VersionNumber: version.number,
		RegistrationVersionStatus: version.status,
		RegistrationVersionStatusHistory: history(version),
		DeniedReasons: version.deniedReasons,
		Feedback: version.feedback,
	};
}

export function attachmentInfo(rec: AttachmentRec): Record<string, unknown> {
	return {RegistrationAttachmentArn: rec.arn, RegistrationAttachmentId: rec.id, AttachmentStatus: rec.status, CreatedTimestamp: seconds(rec.created)};
}

export function fieldValueOut(path: string, value: FieldValueRec): Record<string, unknown> {
	return {FieldPath: path, SelectChoices: value.selectChoices, TextValue: value.textValue, RegistrationAttachmentId: value.attachmentId, DeniedReason: value.deniedReason};
}

export function fieldDefOut(f: FieldDef): Record<string, unknown> {
	return {
		SectionPath: f.sectionPath,
		FieldPath: f.fieldPath,
		FieldType: f.type,
		FieldRequirement: f.requirement,
		SelectValidation: f.select ? {MinChoices: f.select.min, MaxChoices: f.select.max, Options: f.select.options} : undefined,
		TextValidation: f.text ? {MinLength: f.text.min, MaxLength: f.text.max, Pattern: f.text.pattern} : undefined,
		DisplayHints: {Title: f.title, ShortDescription: f.description, ExampleTextValue: f.text?.example},
	};
}
export function associationOut(rs: RegionState, id: string): Record<string, unknown> | undefined {
	const pn = rs.phoneNumbers[id];
	if (!pn) return undefined;
	return {ResourceArn: pn.arn, ResourceId: pn.id, ResourceType: 'phone-number', IsoCountryCode: pn.isoCountryCode, PhoneNumber: pn.phoneNumber};
}
