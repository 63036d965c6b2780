// One registration: what it is and what to do next, its fields by section with their values (a denied field says
// why), the version history with denial reasons, and the numbers it holds (enter opens one). e changes the field
// under the cursor (a denied or approved version first gets a new version), S submits, D discards a submitted
// version, d deletes the registration — all staged, with the aws commands and a typed confirmation.
import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {getRegistration, type RegistrationDetail} from '../services/registrationsService.js';
import {fieldInput, fieldValueText, registrationReport} from '../domain/registrations.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {registrationDeleteEdit, registrationDiscardEdit, registrationFieldEdit, registrationSubmitEdit, type RegistrationTarget} from '../app/editPlans.js';
import {LineList, type ListLine} from '../components/LineList.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useTheme} from '../theme/ThemeContext.js';
import type {Glyphs} from '../theme/theme.js';
import type {Route} from '../app/state.js';
import type {ViewProps} from './viewProps.js';
import {useCopy} from '../app/copy.js';
import {registrationOffer} from './copyChoices.js';

type DetailLine = ListLine & {route?: Route};

function detailLines(d: RegistrationDetail, glyphs: Glyphs): DetailLine[] {
	return registrationReport(d, glyphs.fail).map(line => ({...line, route: line.numberId ? {name: 'number', id: line.numberId} : undefined}));
}

/** What a field line's key names: `field/<path>`. */
const fieldOf = (line: ListLine | undefined) => (line?.key.startsWith('field/') ? line.key.slice('field/'.length).replace(/\/denied$/, '') : undefined);

const IN_REVIEW = new Set(['SUBMITTED', 'AWS_REVIEWING', 'REVIEWING', 'REQUIRES_AUTHENTICATION', 'PROVISIONING']);

export function RegistrationDetailView({id, width, height, filter, isActive, navigate, toast}: ViewProps & {id: string}) {
	const theme = useTheme();
	const {connection} = useSession();
	const {openCopy} = useCopy();
	const {stage} = useEdits();
	const allStaged = useStagedEdits();
	const staged = useMemo(() => allStaged.filter(e => e.scope === `registration/${id}`), [allStaged, id]);
	const detail = useResource<RegistrationDetail>(`registration/${id}`, (clients, ctx) => getRegistration(clients, id, {signal: ctx.signal}));
	const d = detail.data;
	const selected = useRef<ListLine | undefined>(undefined);
	const [editing, setEditing] = useState<string | undefined>(undefined);
	const current = d?.versions.find(v => v.VersionNumber === d.registration.CurrentVersionNumber);
	const target: RegistrationTarget | undefined = d
		? {id, label: d.registration.Name ? `${d.registration.Name} (${id})` : id, version: d.registration.CurrentVersionNumber ?? 0, versionStatus: current?.RegistrationVersionStatus ?? '', stagedFields: staged.filter(e => e.id.startsWith('registration-field|')).length}
		: undefined;
	const inReview = target !== undefined && IN_REVIEW.has(target.versionStatus);
	const reviewNote = 'It is in review and cannot change until the review ends (D discards the submitted version). Nothing was sent.';
	useCommands(
		{
			'app.refresh': detail.refresh,
			'view.copy': d
				? () => {
						const offer = registrationOffer(connection, d.registration);
						openCopy(offer.title, offer.choices);
					}
				: undefined,
			'edit.edit': d
				? () => {
						if (inReview) return toast(reviewNote, 'warn');
						const path = fieldOf(selected.current);
						if (!path) return toast('Put the cursor on a field to edit it', 'info');
						setEditing(path);
					}
				: undefined,
			'registration.submit': target
				? () => {
						if (inReview) return toast(`Version ${target.version} is already ${target.versionStatus}. Nothing was sent.`, 'warn');
						if (target.versionStatus === 'APPROVED' && staged.length === 0) return toast('The registration is approved: change a field first (e), then submit the new version', 'info');
						if (target.versionStatus === 'DENIED' && staged.length === 0) return toast('Version ' + target.version + ' was denied: fix the flagged fields first (e), then submit', 'info');
						stage(registrationSubmitEdit(connection, target), {review: true});
					}
				: undefined,
			'registration.discard': target
				? () => {
						if (target.versionStatus !== 'SUBMITTED') return toast(`Only a SUBMITTED version can be discarded; version ${target.version} is ${target.versionStatus}. Nothing was sent.`, 'warn');
						stage(registrationDiscardEdit(connection, target), {review: true});
					}
				: undefined,
			'edit.delete': target
				? () => {
						const held = d?.associations.length ?? 0;
						if (held > 0) return toast(`It still holds ${held} number${held === 1 ? '' : 's'}: release them (or end the associations) before deleting it. Nothing was sent.`, 'warn');
						stage(registrationDeleteEdit(connection, target), {review: true});
					}
				: undefined,
		},
		{priority: Priority.View, isActive: isActive && !editing},
	);
	const lines = useMemo(() => {
		if (!d) return [];
		const marks = new Map(staged.map(e => [`field/${e.rowKey}`, e]));
		return detailLines(d, theme.glyphs).map(line => {
			const edit = marks.get(line.key);
			return edit ? {...line, text: `${line.text.replace(/^ {2}./, '  ~')}  → ${edit.after}`, tone: 'warn' as const} : line;
		});
	}, [d, theme.glyphs, staged]);
	const definition = editing ? d?.fields.find(f => f.FieldPath === editing) : undefined;
	const value = editing ? d?.values.find(v => v.FieldPath === editing) : undefined;
	const fieldTitle = definition?.DisplayHints?.Title ?? editing ?? '';
	const formFields: FormField[] = definition
		? [
				definition.FieldType === 'SELECT' && (definition.SelectValidation?.MaxChoices ?? 1) === 1
					? {id: 'value', label: fieldTitle, kind: 'pick', options: definition.SelectValidation?.Options ?? [], initial: value?.SelectChoices?.[0]}
					: {id: 'value', label: fieldTitle, kind: 'text', initial: fieldValueText(value).replace(/^attachment /, ''), placeholder: fieldHint(definition)},
			]
		: [];
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-registration-field-values', {'registration-id': id});
	let status = '';
	if (detail.loading) status = 'loading…';
	else if (detail.error) status = 'failed — r retries';
	else if (staged.length > 0) status = `${staged.length} staged · w reviews`;
	const name = d?.registration.Name;
	const formLines = editing ? formHeight(formFields) : 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<LineList
				title={`Registration ${name ? `${name} (${id})` : id}`}
				lines={lines}
				width={width}
				height={height - cliHeight(cli, width) - formLines}
				isActive={isActive && !editing}
				filter={filter}
				status={status}
				emptyText={detail.error ? detail.error.message : 'Loading…'}
				onSelectionChange={line => (selected.current = line)}
				onOpen={line => {
					const route = (line as DetailLine).route;
					if (route) navigate(route);
				}}
			/>
			{editing && definition && target ? (
				<EditForm
					title={`${fieldTitle} (${editing})${target.versionStatus === 'DRAFT' ? '' : ` — a new version from v${target.version} ${target.versionStatus}`}`}
					fields={formFields}
					width={width}
					submitLabel="stages it (S submits, w reviews)"
					validate={values => {
						const checked = fieldInput(definition, values.value ?? '');
						return checked.ok ? undefined : checked.reason;
					}}
					onSubmit={values => {
						const checked = fieldInput(definition, values.value ?? '');
						setEditing(undefined);
						if (!checked.ok) return;
						// Another staged field makes the new version; this one (edited again) may be the one that does.
						const others = staged.filter(e => e.id.startsWith('registration-field|') && e.rowKey !== editing).length;
						stage(registrationFieldEdit(connection, {...target, stagedFields: others}, {path: editing, title: fieldTitle}, fieldValueText(value), fieldValueText(checked.value), checked.value));
					}}
					onCancel={() => setEditing(undefined)}
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}

/** The placeholder of a field's editor: its limits. */
function fieldHint(f: RegistrationDetail['fields'][number]): string {
	if (f.FieldType === 'SELECT') return `${f.SelectValidation?.MinChoices ?? 0}–${f.SelectValidation?.MaxChoices ?? 1} of ${(f.SelectValidation?.Options ?? []).join(', ')}, comma-separated`;
	if (f.FieldType === 'ATTACHMENT') return 'the id of an uploaded PNG attachment';
	return `${f.TextValidation?.MinLength ?? 1}–${f.TextValidation?.MaxLength ?? ''} characters`;
}
