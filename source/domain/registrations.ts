// What smsdeck says about registrations, in the console and in `smsdeck registrations`: short names for the types, a
// tone per status, what to do next, since when a version is in its state, a field's value as one line of text, and
// the report of one registration (what it is, its fields by section with denials, its versions and numbers).
import {formatAge} from './duration.js';
import {formatTime} from './format.js';

const TYPE_LABELS: Record<string, string> = {
	US_TOLL_FREE_REGISTRATION: 'US toll-free',
	US_TEN_DLC_BRAND_REGISTRATION: 'US 10DLC brand',
	US_TEN_DLC_BRAND_VETTING: 'US 10DLC vetting',
	US_TEN_DLC_CAMPAIGN_REGISTRATION: 'US 10DLC campaign',
};

/** "US 10DLC campaign" for US_TEN_DLC_CAMPAIGN_REGISTRATION; unknown types as they are. */
export function registrationTypeLabel(type: string | undefined): string {
	return type ? (TYPE_LABELS[type] ?? type) : '';
}

export type StatusTone = 'ok' | 'warn' | 'error' | 'muted' | undefined;

/** COMPLETE is good, REQUIRES_UPDATES needs someone, a review in progress is worth a look, CLOSED is over. */
export function registrationStatusTone(status: string | undefined): StatusTone {
	switch (status) {
		case 'COMPLETE':
			return 'ok';
		case 'REQUIRES_UPDATES':
		case 'REQUIRES_AUTHENTICATION':
			return 'error';
		case 'SUBMITTED':
		case 'AWS_REVIEWING':
		case 'REVIEWING':
		case 'PROVISIONING':
		case 'CREATED':
			return 'warn';
		case 'CLOSED':
		case 'DELETED':
			return 'muted';
		default:
			return undefined;
	}
}

/** What the user has to do next, by status (undefined when nothing). */
export function registrationNextStep(status: string | undefined): string | undefined {
	switch (status) {
		case 'CREATED':
			return 'a draft: fill in the fields and submit it';
		case 'SUBMITTED':
		case 'AWS_REVIEWING':
		case 'REVIEWING':
			return 'in review: nothing to do but wait (10DLC campaigns take 4–6 weeks or more)';
		case 'REQUIRES_UPDATES':
			return 'denied: fix the flagged fields in a new version and resubmit';
		case 'REQUIRES_AUTHENTICATION':
			return 'the brand contact must confirm by email';
		case 'CLOSED':
			return 'its resources are gone: delete the registration';
		default:
			return undefined;
	}
}

/** The latest time in a version's status history (the moment it reached its status). */
export function stateSince(history: Record<string, unknown> | undefined): Date | undefined {
	let latest: Date | undefined;
	for (const value of Object.values(history ?? {})) {
		if (value instanceof Date && !Number.isNaN(value.getTime()) && (!latest || value > latest)) latest = value;
	}
	return latest;
}

/** A field's value as one line: text, the choices joined, or the attachment id. */
export function fieldValueText(value: {TextValue?: string; SelectChoices?: string[]; RegistrationAttachmentId?: string} | undefined): string {
	if (!value) return '';
	if (value.TextValue !== undefined) return value.TextValue;
	if (value.SelectChoices) return value.SelectChoices.join(', ');
	if (value.RegistrationAttachmentId) return `attachment ${value.RegistrationAttachmentId}`;
	return '';
}

type Timestamp = Date | undefined;

/** What the report needs of a registration (the shapes of the Describe… answers). */
export interface RegistrationReportInput {
	registration: {
		Name?: string;
		RegistrationId?: string;
		RegistrationArn?: string;
		RegistrationType?: string;
		RegistrationStatus?: string;
		CurrentVersionNumber?: number;
		ApprovedVersionNumber?: number;
		LatestDeniedVersionNumber?: number;
		CreatedTimestamp?: Timestamp;
	};
	version: number;
	sections: {SectionPath?: string; DisplayHints?: {Title?: string}}[];
	fields: {SectionPath?: string; FieldPath?: string; FieldRequirement?: string; DisplayHints?: {Title?: string}}[];
	values: {FieldPath?: string; TextValue?: string; SelectChoices?: string[]; RegistrationAttachmentId?: string; DeniedReason?: string}[];
	versions: {VersionNumber?: number; RegistrationVersionStatus?: string; RegistrationVersionStatusHistory?: object; DeniedReasons?: {Reason?: string; ShortDescription?: string}[]; Feedback?: string}[];
	associations: {ResourceId?: string; ResourceType?: string; IsoCountryCode?: string; PhoneNumber?: string}[];
}

export interface ReportLine {
	key: string;
	text: string;
	/** Secondary text, shown after the text (muted) and cut first. */
	detail?: string;
	tone?: 'title' | 'ok' | 'warn' | 'error' | 'muted';
	bold?: boolean;
	/** The phone number the line is about (an association). */
	numberId?: string;
}

function when(d: Timestamp): string {
	return d ? formatTime(new Date(d).getTime()) : '';
}

export function registrationReport(d: RegistrationReportInput, failGlyph: string, now = Date.now()): ReportLine[] {
	const r = d.registration;
	const lines: ReportLine[] = [];
	const section = (key: string, text: string) => lines.push({key, text, bold: true, tone: 'title'});
	const current = d.versions.find(v => v.VersionNumber === d.version);
	const since = stateSince(current?.RegistrationVersionStatusHistory as Record<string, unknown> | undefined);
	section('about', 'Registration');
	const pairs: [string, string, ReportLine['tone']?][] = [
		['Name', r.Name ?? '—'],
		['Type', `${registrationTypeLabel(r.RegistrationType)} (${r.RegistrationType ?? ''})`],
		['Status', `${r.RegistrationStatus ?? ''}${since ? ` for ${formatAge(now - since.getTime())}` : ''}`, registrationStatusTone(r.RegistrationStatus)],
		[
			'Version',
			[`v${r.CurrentVersionNumber ?? '?'}${current ? ` ${current.RegistrationVersionStatus}` : ''}`, r.ApprovedVersionNumber !== undefined ? `approved v${r.ApprovedVersionNumber}` : '', r.LatestDeniedVersionNumber !== undefined ? `latest denied v${r.LatestDeniedVersionNumber}` : '']
				.filter(Boolean)
				.join(' · '),
		],
		['Created', when(r.CreatedTimestamp)],
		['Id', r.RegistrationId ?? ''],
		['ARN', r.RegistrationArn ?? ''],
	];
	const next = registrationNextStep(r.RegistrationStatus);
	if (next) pairs.splice(3, 0, ['Next', next, registrationStatusTone(r.RegistrationStatus)]);
	const labelWidth = Math.max(...pairs.map(p => p[0].length));
	for (const [label, value, tone] of pairs) lines.push({key: `about/${label}`, text: `  ${label.padEnd(labelWidth)}  ${value}`, tone});

	const values = new Map(d.values.map(v => [v.FieldPath ?? '', v]));
	const showing = d.version === r.CurrentVersionNumber ? '' : ` (version ${d.version})`;
	for (const s of d.sections) {
		section(`section/${s.SectionPath}`, `${s.DisplayHints?.Title ?? s.SectionPath}${showing}`);
		const fields = d.fields.filter(f => f.SectionPath === s.SectionPath);
		const width = Math.max(0, ...fields.map(f => (f.DisplayHints?.Title ?? f.FieldPath ?? '').length));
		for (const f of fields) {
			const path = f.FieldPath ?? '';
			const value = values.get(path);
			const title = (f.DisplayHints?.Title ?? path).padEnd(width);
			const text = fieldValueText(value);
			const missing = !value && f.FieldRequirement === 'REQUIRED';
			lines.push({
				key: `field/${path}`,
				text: `  ${value?.DeniedReason ? failGlyph : ' '} ${title}  ${text || (missing ? '(required, empty)' : '—')}`,
				detail: path,
				tone: value?.DeniedReason ? 'error' : missing ? 'warn' : text ? undefined : 'muted',
			});
			if (value?.DeniedReason) lines.push({key: `field/${path}/denied`, text: `      denied: ${value.DeniedReason}`, tone: 'error'});
		}
	}

	section('versions', `Versions (${d.versions.length})`);
	for (const v of d.versions) {
		const at = stateSince(v.RegistrationVersionStatusHistory as Record<string, unknown> | undefined);
		lines.push({
			key: `version/${v.VersionNumber}`,
			text: `  v${v.VersionNumber}  ${v.RegistrationVersionStatus ?? ''}`,
			detail: at ? `since ${when(at)}` : undefined,
			tone: v.RegistrationVersionStatus === 'DENIED' ? 'error' : v.RegistrationVersionStatus === 'APPROVED' ? 'ok' : undefined,
		});
		for (const [i, reason] of (v.DeniedReasons ?? []).entries()) {
			lines.push({key: `version/${v.VersionNumber}/reason/${i}`, text: `      ${reason.ShortDescription ?? reason.Reason ?? ''}`, tone: 'error'});
		}
		if (v.Feedback) lines.push({key: `version/${v.VersionNumber}/feedback`, text: `      feedback: ${v.Feedback}`, tone: 'muted'});
	}

	section('associations', `Associated resources (${d.associations.length})`);
	if (d.associations.length === 0) lines.push({key: 'associations/none', text: '  None', tone: 'muted'});
	for (const a of d.associations) {
		const numberId = a.ResourceType === 'phone-number' ? a.ResourceId : undefined;
		lines.push({key: `association/${a.ResourceId}`, text: `  ${a.PhoneNumber ?? a.ResourceId ?? ''}`, detail: [a.ResourceType, a.IsoCountryCode, a.ResourceId].filter(Boolean).join(' · '), numberId});
	}
	return lines;
}


/** What the field editor needs of a field's definition (RegistrationFieldDefinition). */
export interface FieldDefinitionLike {
	FieldPath?: string;
	FieldType?: string;
	SelectValidation?: {MinChoices?: number; MaxChoices?: number; Options?: string[]};
	TextValidation?: {MinLength?: number; MaxLength?: number; Pattern?: string};
	DisplayHints?: {Title?: string};
}

export type FieldInput = {TextValue: string} | {SelectChoices: string[]} | {RegistrationAttachmentId: string};

/**
 * What the user typed for a field, as the value to send, or why it would be refused (checked as the service checks
 * it, so nothing doomed is staged): TEXT length and pattern; SELECT choices (comma-separated when several are
 * allowed) among the options, in number; ATTACHMENT an attachment id.
 */
export function fieldInput(def: FieldDefinitionLike, typed: string): {ok: true; value: FieldInput} | {ok: false; reason: string} {
	const title = def.DisplayHints?.Title ?? def.FieldPath ?? 'The field';
	if (def.FieldType === 'SELECT') {
		const {MinChoices = 0, MaxChoices = 1, Options = []} = def.SelectValidation ?? {};
		const choices = typed
			.split(',')
			.map(c => c.trim())
			.filter(Boolean);
		const unknown = choices.filter(c => !Options.includes(c));
		if (unknown.length > 0) return {ok: false, reason: `${title}: ${unknown.join(', ')} is not one of ${Options.join(', ')}`};
		if (choices.length < Math.max(1, MinChoices) || choices.length > MaxChoices) {
			return {ok: false, reason: `${title} takes ${MaxChoices === 1 ? 'one choice' : `${Math.max(1, MinChoices)} to ${MaxChoices} choices, comma-separated`}`};
		}
		if (new Set(choices).size !== choices.length) return {ok: false, reason: `${title}: a choice is given twice`};
		return {ok: true, value: {SelectChoices: choices}};
	}
	if (def.FieldType === 'ATTACHMENT') {
		const id = typed.trim();
		if (!/^[A-Za-z0-9_:/-]+$/.test(id)) return {ok: false, reason: `${title}: give the id or ARN of an uploaded attachment (aws pinpoint-sms-voice-v2 create-registration-attachment)`};
		return {ok: true, value: {RegistrationAttachmentId: id}};
	}
	const {MinLength = 1, MaxLength = 2048, Pattern} = def.TextValidation ?? {};
	const length = Array.from(typed).length;
	if (length < MinLength || length > MaxLength) return {ok: false, reason: `${title} must be ${MinLength} to ${MaxLength} characters (now ${length})`};
	if (Pattern) {
		let re: RegExp | undefined;
		try {
			re = new RegExp(Pattern);
		} catch {
			re = undefined; // a pattern we cannot read is left to the service
		}
		if (re && !re.test(typed)) return {ok: false, reason: `${title} does not have the form the service expects (${Pattern})`};
	}
	return {ok: true, value: {TextValue: typed}};
}
