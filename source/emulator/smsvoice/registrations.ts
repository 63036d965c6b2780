// Registrations: the 18 operations, the definitions of the registration types (registrationTypes.ts), field
// values validated against their definitions, versions and their review, attachments, and associations with phone
// numbers. An associated toll-free or 10DLC number stays PENDING until its registration is COMPLETE.
//
// Life of a registration (guide §3.12): CreateRegistration makes it CREATED with version 1 as a DRAFT; field values
// are put while the current version is a DRAFT; SubmitRegistrationVersion (every required field set) makes it
// SUBMITTED; a review moves it to REVIEWING and then COMPLETE (version APPROVED) or REQUIRES_UPDATES (version
// DENIED, a reason on each denied field); CreateRegistrationVersion starts a new DRAFT from the current values;
// DiscardRegistrationVersion works only while SUBMITTED and puts the values back into a fresh DRAFT. Reviews advance
// through the admin action `reviewRegistration`, or by themselves with --review-delay (approved).
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {isArn, newId, parseSmsArn} from './ids.js';
import {findPhoneNumber} from './lookup.js';
import type {AttachmentRec, FieldValueRec, PhoneNumberRec, RegionState, RegistrationRec, RegistrationVersionRec, Tag} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {MAX_ATTACHMENT_BYTES, REGISTRATION_TYPES, registrationType, type FieldDef, type RegistrationTypeDef} from './registrationTypes.js';
import {tagsOut} from './shapes.js';
import {associationOut, attachmentInfo, fieldDefOut, fieldValueOut, history, registrationInfo, versionInfo} from './registrationShapes.js';
import type {Svc} from './state.js';
import {checkTags} from './tagRules.js';

function own<T>(table: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A record of `table` by its id or its ARN of type `arnType` in this region; `undefined` when there is none. */
function byIdOrArn<T extends {arn: string}>(rs: RegionState, table: Record<string, T>, value: string, arnType: string): T | undefined {
	let id = value;
	if (isArn(value)) {
		const parsed = parseSmsArn(value);
		id = parsed && parsed.type === arnType && parsed.region === rs.region ? parsed.id : '';
	}
	const rec = own(table, id);
	return rec && (!isArn(value) || rec.arn === value) ? rec : undefined;
}

/** A registration by id or ARN. */
export function requireRegistration(rs: RegionState, value: string): RegistrationRec {
	const rec = byIdOrArn(rs, rs.registrations, value, 'registration');
	if (!rec) throw notFound('registration', value);
	return rec;
}

export function requireAttachment(rs: RegionState, value: string): AttachmentRec {
	const rec = byIdOrArn(rs, rs.attachments, value, 'registration-attachment');
	if (!rec || rec.status === 'DELETED') throw notFound('registration-attachment', value);
	return rec;
}

function requireType(type: string): RegistrationTypeDef {
	const def = registrationType(type);
	if (!def) throw validation('UNKNOWN_REGISTRATION_TYPE', `Unknown registration type ${type}; known: ${REGISTRATION_TYPES.map(t => t.type).join(', ')}.`, 'RegistrationType');
	return def;
}

function current(rec: RegistrationRec): RegistrationVersionRec {
	return rec.versions.find(v => v.number === rec.currentVersion)!;
}

function fieldProblem(message: string, path: string) {
	return validation('FIELD_VALIDATION_FAILED', message, path);
}

/** Checks a value against its field's definition; returns the value to store. */
function checkFieldValue(rs: RegionState, def: FieldDef, input: {SelectChoices?: string[]; TextValue?: string; RegistrationAttachmentId?: string}): FieldValueRec {
	const given = [input.SelectChoices !== undefined, input.TextValue !== undefined, input.RegistrationAttachmentId !== undefined].filter(Boolean).length;
	if (given !== 1) throw fieldProblem(`Give exactly one of SelectChoices, TextValue or RegistrationAttachmentId for ${def.fieldPath}.`, def.fieldPath);
	if (def.type === 'TEXT') {
		if (input.TextValue === undefined) throw fieldProblem(`${def.fieldPath} is a TEXT field: give TextValue.`, def.fieldPath);
		const text = input.TextValue;
		const {min, max, pattern} = def.text!;
		if (text.length < min || text.length > max) throw fieldProblem(`${def.title} must be ${min} to ${max} characters (got ${text.length}).`, def.fieldPath);
		if (!new RegExp(pattern).test(text)) throw fieldProblem(`${def.title} does not match ${pattern}.`, def.fieldPath);
		return {textValue: text};
	}
	if (def.type === 'SELECT') {
		if (input.SelectChoices === undefined) throw fieldProblem(`${def.fieldPath} is a SELECT field: give SelectChoices.`, def.fieldPath);
		const choices = input.SelectChoices;
		const {min, max, options} = def.select!;
		if (choices.length < min || choices.length > max) throw fieldProblem(`${def.title} takes ${min === max ? min : `${min} to ${max}`} choice${max === 1 ? '' : 's'} (got ${choices.length}).`, def.fieldPath);
		const unknown = choices.filter(c => !options.includes(c));
		if (unknown.length > 0) throw fieldProblem(`${def.title}: ${unknown.join(', ')} is not one of ${options.join(', ')}.`, def.fieldPath);
		if (new Set(choices).size !== choices.length) throw fieldProblem(`${def.title}: a choice is given twice.`, def.fieldPath);
		return {selectChoices: [...choices]};
	}
	if (input.RegistrationAttachmentId === undefined) throw fieldProblem(`${def.fieldPath} is an ATTACHMENT field: give RegistrationAttachmentId.`, def.fieldPath);
	return {attachmentId: requireAttachment(rs, input.RegistrationAttachmentId).id};
}

function requireField(def: RegistrationTypeDef, path: string): FieldDef {
	const field = def.fields.find(f => f.fieldPath === path);
	if (!field) throw validation('UNKNOWN_REGISTRATION_FIELD', `${def.type} has no field ${path}.`, 'FieldPath');
	return field;
}

function requireDraft(rec: RegistrationRec): RegistrationVersionRec {
	const version = current(rec);
	if (version.status !== 'DRAFT') {
		throw conflict(
			'EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED',
			'registration',
			rec.id,
			`Version ${version.number} of ${rec.id} is ${version.status}: field values change only in a DRAFT version (CreateRegistrationVersion starts one).`,
		);
	}
	return version;
}

const PENDING_UNTIL_COMPLETE = new Set(['TOLL_FREE', 'TEN_DLC']);

/** Numbers held PENDING by a registration that is not COMPLETE go ACTIVE when it is. */
function releaseHeldNumbers(rs: RegionState, rec: RegistrationRec): void {
	for (const id of rec.associations) {
		const pn = rs.phoneNumbers[id];
		if (pn && pn.status === 'PENDING' && pn.activeAt === undefined) pn.status = 'ACTIVE';
	}
}

function approve(rs: RegionState, rec: RegistrationRec, at: number): void {
	const version = current(rec);
	version.status = 'APPROVED';
	version.history.APPROVED = at;
	rec.status = 'COMPLETE';
	rec.approvedVersion = version.number;
	delete rec.reviewStartsAt;
	delete rec.reviewEndsAt;
	delete rec.statusBeforeSubmit;
	releaseHeldNumbers(rs, rec);
}

/** A review's outcome for the current (submitted or reviewing) version. */
export function reviewRegistration(
	svc: Svc,
	rs: RegionState,
	rec: RegistrationRec,
	outcome: 'reviewing' | 'approve' | 'deny',
	denied: {FieldPath: string; Reason: string}[] = [],
	feedback?: string,
	now = svc.now(),
): Record<string, unknown> {
	const version = current(rec);
	if (version.status !== 'SUBMITTED' && version.status !== 'REVIEWING') {
		throw conflict('REGISTRATION_NOT_COMPLETE', 'registration', rec.id, `Version ${version.number} is ${version.status}: only a SUBMITTED or REVIEWING version can be reviewed.`);
	}
	if (version.status === 'SUBMITTED') {
		version.status = 'REVIEWING';
		version.history.REVIEWING = now;
		rec.status = 'REVIEWING';
	}
	if (outcome === 'approve') approve(rs, rec, now);
	else if (outcome === 'deny') {
		const def = requireType(rec.type);
		for (const d of denied) requireField(def, d.FieldPath);
		version.status = 'DENIED';
		version.history.DENIED = now;
		version.deniedReasons = denied.length > 0 ? denied.map(d => ({Reason: 'FIELD_DENIED', ShortDescription: `${d.FieldPath}: ${d.Reason}`})) : [{Reason: 'DENIED', ShortDescription: 'The registration was denied'}];
		if (feedback) version.feedback = feedback;
		for (const d of denied) version.fields[d.FieldPath] = {...(version.fields[d.FieldPath] ?? {}), deniedReason: d.Reason};
		rec.status = 'REQUIRES_UPDATES';
		rec.latestDeniedVersion = version.number;
		delete rec.reviewStartsAt;
		delete rec.reviewEndsAt;
		delete rec.statusBeforeSubmit;
	}
	svc.dirty();
	return {...registrationInfo(rec), Version: versionInfo(version)};
}

/** With --review-delay: submitted versions move on by themselves (checked lazily on each request). */
export function settleRegistrations(svc: Svc, rs: RegionState): void {
	const now = svc.now();
	for (const id in rs.registrations) {
		const rec = rs.registrations[id];
		if (rec.reviewEndsAt === undefined) continue;
		const version = current(rec);
		if (version.status === 'SUBMITTED' && rec.reviewStartsAt !== undefined && rec.reviewStartsAt <= now) {
			version.status = 'REVIEWING';
			version.history.REVIEWING = rec.reviewStartsAt;
			rec.status = 'REVIEWING';
			svc.dirty();
		}
		if (version.status === 'REVIEWING' && rec.reviewEndsAt <= now) {
			approve(rs, rec, rec.reviewEndsAt);
			svc.dirty();
		}
	}
}

function newVersion(rec: RegistrationRec, fields: Record<string, FieldValueRec>, at: number): RegistrationVersionRec {
	const number = Math.max(...rec.versions.map(v => v.number)) + 1;
	const copy: Record<string, FieldValueRec> = {};
	for (const [path, value] of Object.entries(fields)) {
		const {deniedReason: _denied, ...kept} = value;
		copy[path] = structuredClone(kept);
	}
	const version: RegistrationVersionRec = {number, status: 'DRAFT', history: {DRAFT: at}, fields: copy};
	rec.versions.push(version);
	rec.currentVersion = number;
	return version;
}

/** Where a number may be associated with a registration of this type; otherwise why not. */
function associationProblem(def: RegistrationTypeDef, pn: PhoneNumberRec): string | undefined {
	if (def.associations.length === 0) return `A ${def.type} registration takes no associated resources.`;
	const fits = def.associations.some(a => a.isoCountryCode === pn.isoCountryCode && a.numberTypes.includes(pn.numberType));
	if (!fits) {
		const wanted = def.associations.map(a => `${a.numberTypes.join('/')} numbers of ${a.isoCountryCode}`).join(', ');
		return `A ${def.type} registration takes ${wanted}; ${pn.phoneNumber} is a ${pn.numberType} number of ${pn.isoCountryCode}.`;
	}
	return undefined;
}

/** Ties a number to a registration; the number waits in PENDING while the registration is not COMPLETE. */
export function associateNumber(rs: RegionState, rec: RegistrationRec, pn: PhoneNumberRec): void {
	const problem = associationProblem(requireType(rec.type), pn);
	if (problem) throw validation('INVALID_REGISTRATION_ASSOCIATION', problem, 'ResourceId');
	if (pn.registrationId && pn.registrationId !== rec.id) {
		throw conflict('PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION', 'phone-number', pn.id, `${pn.phoneNumber} is already associated with ${pn.registrationId}.`);
	}
	if (!rec.associations.includes(pn.id)) {
		if (rec.associations.length >= 49) throw quota('PHONE_NUMBERS_PER_REGISTRATION', 'A registration can have at most 49 phone numbers.');
		rec.associations.push(pn.id);
	}
	pn.registrationId = rec.id;
	if (rec.status !== 'COMPLETE' && PENDING_UNTIL_COMPLETE.has(pn.numberType)) {
		pn.status = 'PENDING';
		delete pn.activeAt;
	}
}

/** A released number leaves its registration; a toll-free registration left with none is CLOSED. */
export function dropAssociation(rs: RegionState, registrationId: string, numberId: string): void {
	const rec = own(rs.registrations, registrationId);
	if (!rec) return;
	rec.associations = rec.associations.filter(id => id !== numberId);
	const closes = registrationType(rec.type)?.associations.some(a => a.disassociationBehavior === 'DISASSOCIATE_ALL_CLOSES_REGISTRATION');
	if (closes && rec.associations.length === 0 && rec.status === 'COMPLETE') rec.status = 'CLOSED';
}

/** Seeds and tests: a registration with its values, in any status (deniedFields for REQUIRES_UPDATES). */
export function createRegistrationRecord(svc: Svc, rs: RegionState, type: string, id: string, tags: Tag[], at: number): RegistrationRec {
	requireType(type);
	const rec: RegistrationRec = {
		id,
		arn: svc.arn(rs, `registration/${id}`),
		type,
		status: 'CREATED',
		created: at,
		tags,
		versions: [{number: 1, status: 'DRAFT', history: {DRAFT: at}, fields: {}}],
		currentVersion: 1,
		associations: [],
	};
	rs.registrations[id] = rec;
	return rec;
}

/** Puts a value, checked as PutRegistrationFieldValue checks it (seeds use it too). */
export function putFieldValue(rs: RegionState, rec: RegistrationRec, path: string, input: {SelectChoices?: string[]; TextValue?: string; RegistrationAttachmentId?: string}): FieldValueRec {
	const version = requireDraft(rec);
	const value = checkFieldValue(rs, requireField(requireType(rec.type), path), input);
	version.fields[path] = value;
	return value;
}

/** Submits the current DRAFT: every required field must have a value. */
export function submitVersion(svc: Svc, rs: RegionState, rec: RegistrationRec, awsReview = false, now = svc.now()): RegistrationVersionRec {
	const version = current(rec);
	if (version.status !== 'DRAFT') {
		throw conflict('SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED', 'registration', rec.id, `Version ${version.number} is ${version.status}: only a DRAFT version can be submitted.`);
	}
	const missing = requireType(rec.type).fields.filter(f => f.requirement === 'REQUIRED' && version.fields[f.fieldPath] === undefined);
	if (missing.length > 0) {
		throw validation('FIELD_VALIDATION_FAILED', `Required fields have no value: ${missing.map(f => f.fieldPath).join(', ')}.`, missing[0].fieldPath);
	}
	version.status = 'SUBMITTED';
	version.history.SUBMITTED = now;
	version.awsReview = awsReview;
	rec.statusBeforeSubmit = rec.status;
	rec.status = 'SUBMITTED';
	// The review clock starts now, also for a seeded submission dated in the past.
	const delay = svc.world.options.reviewDelayMs;
	if (delay !== undefined) {
		rec.reviewStartsAt = svc.now() + Math.floor(delay / 2);
		rec.reviewEndsAt = svc.now() + delay;
	}
	return version;
}

export function registrationHandlers(svc: Svc): Record<string, Handler> {
	svc.settlers.push(rs => settleRegistrations(svc, rs));
	const withVersion = (rec: RegistrationRec, version: RegistrationVersionRec) => ({RegistrationArn: rec.arn, RegistrationId: rec.id, VersionNumber: version.number});
	return {
		DescribeRegistrationTypeDefinitions(input: PageInput & {RegistrationTypes?: string[]; Filters?: Filter[]}) {
			let types = REGISTRATION_TYPES;
			if (input.RegistrationTypes && input.RegistrationTypes.length > 0) types = input.RegistrationTypes.map(requireType);
			const filtered = applyFilters(types, input.Filters, {
				'supported-association-resource-type': t => t.associations.map(a => a.resourceType),
				'supported-association-iso-country-code': t => t.associations.map(a => a.isoCountryCode),
			});
			const {page, NextToken} = paginate('DescribeRegistrationTypeDefinitions', filtered, input);
			return withToken(
				{
					RegistrationTypeDefinitions: page.map(t => ({
						RegistrationType: t.type,
						SupportedAssociations: t.associations.map(a => ({ResourceType: a.resourceType, IsoCountryCode: a.isoCountryCode, AssociationBehavior: a.associationBehavior, DisassociationBehavior: a.disassociationBehavior})),
						DisplayHints: {Title: t.title, ShortDescription: t.description},
					})),
				},
				NextToken,
			);
		},

		DescribeRegistrationSectionDefinitions(input: PageInput & {RegistrationType: string; SectionPaths?: string[]}) {
			const def = requireType(input.RegistrationType);
			let sections = def.sections;
			if (input.SectionPaths && input.SectionPaths.length > 0) {
				sections = input.SectionPaths.map(path => {
					const section = def.sections.find(s => s.path === path);
					if (!section) throw validation('UNKNOWN_REGISTRATION_SECTION', `${def.type} has no section ${path}.`, 'SectionPaths');
					return section;
				});
			}
			const {page, NextToken} = paginate('DescribeRegistrationSectionDefinitions', sections, input);
			return withToken({RegistrationType: def.type, RegistrationSectionDefinitions: page.map(s => ({SectionPath: s.path, DisplayHints: {Title: s.title, ShortDescription: s.description}}))}, NextToken);
		},

		DescribeRegistrationFieldDefinitions(input: PageInput & {RegistrationType: string; SectionPath?: string; FieldPaths?: string[]}) {
			const def = requireType(input.RegistrationType);
			let fields = def.fields;
			if (input.SectionPath) {
				if (!def.sections.some(s => s.path === input.SectionPath)) throw validation('UNKNOWN_REGISTRATION_SECTION', `${def.type} has no section ${input.SectionPath}.`, 'SectionPath');
				fields = fields.filter(f => f.sectionPath === input.SectionPath);
			}
			if (input.FieldPaths && input.FieldPaths.length > 0) fields = input.FieldPaths.map(path => requireField(def, path));
			const {page, NextToken} = paginate('DescribeRegistrationFieldDefinitions', fields, input);
			return withToken({RegistrationType: def.type, RegistrationFieldDefinitions: page.map(fieldDefOut)}, NextToken);
		},

		CreateRegistration(input: {RegistrationType: string; Tags?: Tag[]; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateRegistration', input.ClientToken, () => {
				requireType(input.RegistrationType);
				if (Object.keys(rs.registrations).length >= rs.limits.REGISTRATIONS) {
					throw quota('REGISTRATIONS_PER_ACCOUNT', `You can have at most ${rs.limits.REGISTRATIONS} registrations.`);
				}
				if (input.Tags) checkTags(rs, input.Tags);
				const rec = createRegistrationRecord(svc, rs, input.RegistrationType, newId('registration'), input.Tags ? tagsOut(input.Tags) : [], svc.now());
				svc.dirty();
				return {...registrationInfo(rec), Tags: tagsOut(rec.tags)};
			});
		},

		DescribeRegistrations(input: PageInput & {RegistrationIds?: string[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			let items = Object.values(rs.registrations);
			if (input.RegistrationIds && input.RegistrationIds.length > 0) items = input.RegistrationIds.map(id => requireRegistration(rs, id));
			const filtered = applyFilters(items, input.Filters, {'registration-type': r => r.type, 'registration-status': r => r.status});
			const {page, NextToken} = paginate('DescribeRegistrations', filtered, input);
			return withToken({Registrations: page.map(registrationInfo)}, NextToken);
		},

		DeleteRegistration(input: {RegistrationId: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const def = requireType(rec.type);
			const disassociates = def.associations.some(a => a.disassociationBehavior === 'DELETE_REGISTRATION_DISASSOCIATES');
			if (rec.associations.length > 0 && !disassociates) {
				throw conflict(
					'DISASSOCIATE_REGISTRATION_NOT_ALLOWED',
					'registration',
					rec.id,
					`${rec.id} still has ${rec.associations.length} associated phone number${rec.associations.length === 1 ? '' : 's'}: release them or end the associations first.`,
				);
			}
			for (const id of rec.associations) {
				const pn = rs.phoneNumbers[id];
				if (pn) delete pn.registrationId;
			}
			delete rs.registrations[rec.id];
			svc.dirty();
			return {...registrationInfo(rec), RegistrationStatus: 'DELETED'};
		},

		CreateRegistrationVersion(input: {RegistrationId: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const version = current(rec);
			if (version.status !== 'APPROVED' && version.status !== 'DENIED') {
				throw conflict('CREATE_REGISTRATION_VERSION_NOT_ALLOWED', 'registration', rec.id, `Version ${version.number} is ${version.status}: a new version can start from an APPROVED or DENIED one.`);
			}
			const next = newVersion(rec, version.fields, svc.now());
			svc.dirty();
			return {...withVersion(rec, next), RegistrationVersionStatus: next.status, RegistrationVersionStatusHistory: history(next)};
		},

		DescribeRegistrationVersions(input: PageInput & {RegistrationId: string; VersionNumbers?: number[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			let versions = [...rec.versions].sort((a, b) => b.number - a.number);
			if (input.VersionNumbers && input.VersionNumbers.length > 0) {
				versions = input.VersionNumbers.map(n => {
					const v = rec.versions.find(x => x.number === n);
					if (!v) throw validation('UNKNOWN_REGISTRATION_VERSION', `${rec.id} has no version ${n}.`, 'VersionNumbers');
					return v;
				});
			}
			const filtered = applyFilters(versions, input.Filters, {'registration-version-status': v => v.status});
			const {page, NextToken} = paginate('DescribeRegistrationVersions', filtered, input);
			return withToken({RegistrationArn: rec.arn, RegistrationId: rec.id, RegistrationVersions: page.map(versionInfo)}, NextToken);
		},

		SubmitRegistrationVersion(input: {RegistrationId: string; AwsReview?: boolean}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const version = submitVersion(svc, rs, rec, input.AwsReview === true);
			svc.dirty();
			return {...withVersion(rec, version), RegistrationVersionStatus: version.status, RegistrationVersionStatusHistory: history(version), AwsReview: version.awsReview === true};
		},

		DiscardRegistrationVersion(input: {RegistrationId: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const version = current(rec);
			if (version.status !== 'SUBMITTED') {
				throw conflict('DISCARD_REGISTRATION_VERSION_NOT_ALLOWED', 'registration', rec.id, `Version ${version.number} is ${version.status}: only a SUBMITTED version can be discarded.`);
			}
			const now = svc.now();
			version.status = 'DISCARDED';
			version.history.DISCARDED = now;
			rec.status = rec.statusBeforeSubmit ?? 'CREATED';
			delete rec.statusBeforeSubmit;
			delete rec.reviewStartsAt;
			delete rec.reviewEndsAt;
			// The values are not lost: they start the next draft.
			newVersion(rec, version.fields, now);
			svc.dirty();
			return {...withVersion(rec, version), RegistrationVersionStatus: version.status, RegistrationVersionStatusHistory: history(version)};
		},

		PutRegistrationFieldValue(input: {RegistrationId: string; FieldPath: string; SelectChoices?: string[]; TextValue?: string; RegistrationAttachmentId?: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const value = putFieldValue(rs, rec, input.FieldPath, input);
			svc.dirty();
			return {...withVersion(rec, current(rec)), ...fieldValueOut(input.FieldPath, value)};
		},

		DeleteRegistrationFieldValue(input: {RegistrationId: string; FieldPath: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const version = requireDraft(rec);
			const field = requireField(requireType(rec.type), input.FieldPath);
			const value = version.fields[field.fieldPath];
			if (!value) throw validation('REGISTRATION_FIELD_CANNOT_BE_DELETED', `${field.fieldPath} has no value in version ${version.number}.`, 'FieldPath');
			delete version.fields[field.fieldPath];
			svc.dirty();
			return {...withVersion(rec, version), ...fieldValueOut(field.fieldPath, value)};
		},

		DescribeRegistrationFieldValues(input: PageInput & {RegistrationId: string; VersionNumber?: number; SectionPath?: string; FieldPaths?: string[]}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const def = requireType(rec.type);
			const number = input.VersionNumber ?? rec.currentVersion;
			const version = rec.versions.find(v => v.number === number);
			if (!version) throw validation('UNKNOWN_REGISTRATION_VERSION', `${rec.id} has no version ${number}.`, 'VersionNumber');
			if (input.SectionPath && !def.sections.some(s => s.path === input.SectionPath)) {
				throw validation('UNKNOWN_REGISTRATION_SECTION', `${def.type} has no section ${input.SectionPath}.`, 'SectionPath');
			}
			// In the order of the definitions, as the console shows them.
			let fields = def.fields.filter(f => version.fields[f.fieldPath] !== undefined);
			if (input.SectionPath) fields = fields.filter(f => f.sectionPath === input.SectionPath);
			if (input.FieldPaths && input.FieldPaths.length > 0) {
				const wanted = input.FieldPaths.map(path => requireField(def, path).fieldPath);
				fields = fields.filter(f => wanted.includes(f.fieldPath));
			}
			const {page, NextToken} = paginate('DescribeRegistrationFieldValues', fields, input);
			return withToken(
				{RegistrationArn: rec.arn, RegistrationId: rec.id, VersionNumber: version.number, RegistrationFieldValues: page.map(f => fieldValueOut(f.fieldPath, version.fields[f.fieldPath]))},
				NextToken,
			);
		},

		CreateRegistrationAttachment(input: {AttachmentBody?: string; AttachmentUrl?: string; Tags?: Tag[]; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateRegistrationAttachment', input.ClientToken, () => {
				if ((input.AttachmentBody === undefined) === (input.AttachmentUrl === undefined)) {
					throw validation('INVALID_PARAMETER', 'Give exactly one of AttachmentBody or AttachmentUrl.', 'AttachmentBody');
				}
				let bytes = 0;
				if (input.AttachmentBody !== undefined) {
					const body = Buffer.from(input.AttachmentBody, 'base64');
					const png = body.length >= 8 && body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
					if (!png) throw validation('ATTACHMENT_TYPE_NOT_SUPPORTED', 'An attachment must be a PNG image.', 'AttachmentBody');
					if (body.length > MAX_ATTACHMENT_BYTES) throw validation('INVALID_PARAMETER', `An attachment can be at most 400 KB (got ${Math.ceil(body.length / 1024)} KB).`, 'AttachmentBody');
					bytes = body.length;
				} else if (!/^s3:\/\/[^/]+\/.+\.png$/i.test(input.AttachmentUrl!)) {
					throw validation('ATTACHMENT_TYPE_NOT_SUPPORTED', 'AttachmentUrl must name a PNG object in S3 (s3://bucket/key.png).', 'AttachmentUrl');
				}
				const live = Object.values(rs.attachments).filter(a => a.status !== 'DELETED').length;
				if (live >= rs.limits.REGISTRATION_ATTACHMENTS) throw quota('REGISTRATION_ATTACHMENTS_PER_ACCOUNT', `You can have at most ${rs.limits.REGISTRATION_ATTACHMENTS} registration attachments.`);
				if (input.Tags) checkTags(rs, input.Tags);
				const id = newId('attachment');
				const rec: AttachmentRec = {id, arn: svc.arn(rs, `registration-attachment/${id}`), status: 'UPLOAD_COMPLETE', created: svc.now(), tags: input.Tags ? tagsOut(input.Tags) : [], bytes, url: input.AttachmentUrl};
				rs.attachments[id] = rec;
				svc.dirty();
				return {...attachmentInfo(rec), Tags: tagsOut(rec.tags)};
			});
		},

		DescribeRegistrationAttachments(input: PageInput & {RegistrationAttachmentIds?: string[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			let items = Object.values(rs.attachments).filter(a => a.status !== 'DELETED');
			if (input.RegistrationAttachmentIds && input.RegistrationAttachmentIds.length > 0) items = input.RegistrationAttachmentIds.map(id => requireAttachment(rs, id));
			const filtered = applyFilters(items, input.Filters, {'attachment-status': a => a.status});
			const {page, NextToken} = paginate('DescribeRegistrationAttachments', filtered, input);
			return withToken({RegistrationAttachments: page.map(a => ({...attachmentInfo(a), AttachmentUrl: a.url}))}, NextToken);
		},

		DeleteRegistrationAttachment(input: {RegistrationAttachmentId: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireAttachment(rs, input.RegistrationAttachmentId);
			const user = Object.values(rs.registrations).find(r => r.versions.some(v => v.status !== 'DISCARDED' && Object.values(v.fields).some(f => f.attachmentId === rec.id)));
			if (user) throw conflict('RESOURCE_NOT_EMPTY', 'registration-attachment', rec.id, `The attachment is a field value of ${user.id}.`);
			rec.status = 'DELETED';
			delete rs.attachments[rec.id];
			svc.dirty();
			return attachmentInfo(rec);
		},

		CreateRegistrationAssociation(input: {RegistrationId: string; ResourceId: string}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const pn = findPhoneNumber(rs, input.ResourceId);
			if (!pn) {
				const parsed = isArn(input.ResourceId) ? parseSmsArn(input.ResourceId) : undefined;
				if (parsed && parsed.region !== rs.region) throw conflict('PHONE_NUMBER_NOT_IN_REGISTRATION_REGION', 'phone-number', input.ResourceId, `${input.ResourceId} is not in ${rs.region}.`);
				throw notFound('phone-number', input.ResourceId);
			}
			associateNumber(rs, rec, pn);
			svc.dirty();
			return {RegistrationArn: rec.arn, RegistrationId: rec.id, RegistrationType: rec.type, ...associationOut(rs, pn.id)};
		},

		ListRegistrationAssociations(input: PageInput & {RegistrationId: string; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const rec = requireRegistration(rs, input.RegistrationId);
			const items = rec.associations.map(id => associationOut(rs, id)).filter((a): a is Record<string, unknown> => a !== undefined);
			const filtered = applyFilters(items, input.Filters, {'resource-type': a => a.ResourceType as string, 'iso-country-code': a => a.IsoCountryCode as string});
			const {page, NextToken} = paginate('ListRegistrationAssociations', filtered, input);
			return withToken({RegistrationArn: rec.arn, RegistrationId: rec.id, RegistrationType: rec.type, RegistrationAssociations: page}, NextToken);
		},
	};
}
