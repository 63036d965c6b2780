// The form of a new event destination (used by a configuration set's detail and by the simulator's staged fix):
// name, kind, the target — an existing log group picked from the Region's, or a new one created with it; a
// delivery stream or topic ARN — the role, and the event types ticked from the model's list. Enter stages it.
import React from 'react';
import {useResource, useSession} from '../app/session.js';
import {listLogGroups, type LogGroup} from '../services/configSetsService.js';
import {EditForm, formHeight, type FormField, type FormValues} from '../components/EditForm.js';
import {destinationAddEdit, LOG_GROUPS} from '../app/editPlans.js';
import type {StagedEdit} from '../app/stagedEdits.js';
import {
	checkDestination,
	checkLogGroupName,
	EVENT_TYPE_CHOICES,
	KIND_LABEL,
	logGroupArn,
	MAX_DESTINATIONS,
	type DestinationKind,
} from '../domain/eventDestinations.js';

const KINDS: DestinationKind[] = ['cloudwatch-logs', 'firehose', 'sns'];
const KIND_OPTIONS = KINDS.map(k => KIND_LABEL[k]);
const EXISTING = 'an existing group';
const NEW = 'a new group (created with it)';

export interface DestinationFormProps {
	configSet: string;
	/** The set's ARN: its partition and account make a new log group's ARN. */
	configSetArn: string;
	/** Names of the destinations the set has. */
	existing: readonly string[];
	width: number;
	initial?: {name?: string; eventTypes?: string[]; roleArn?: string; newLogGroup?: string};
	onStage: (edit: StagedEdit) => void;
	onCancel: () => void;
}

/** Lines the form takes at most. */
export const destinationFormHeight = () => formHeight(fieldsFor([], {}));

const kindOf = (v: FormValues): DestinationKind => KINDS[KIND_OPTIONS.indexOf(v.kind ?? '')] ?? 'cloudwatch-logs';

function fieldsFor(groups: readonly LogGroup[], initial: DestinationFormProps['initial'] & {}, loading = false): FormField[] {
	const logs = (v: FormValues) => kindOf(v) === 'cloudwatch-logs';
	return [
		{id: 'name', label: 'Name', kind: 'text', initial: initial.name ?? '', placeholder: 'letters, digits, _ and -'},
		{id: 'kind', label: 'Kind', kind: 'choice', options: KIND_OPTIONS},
		{id: 'source', label: 'Log group', kind: 'choice', options: [EXISTING, NEW], initial: initial.newLogGroup ? NEW : EXISTING, hidden: v => !logs(v)},
		{id: 'group', label: 'Existing group', kind: 'pick', options: groups.map(g => g.name), loading, hidden: v => !logs(v) || v.source !== EXISTING},
		{id: 'newGroup', label: 'New group name', kind: 'text', initial: initial.newLogGroup ?? '', placeholder: 'e.g. sms-events', hidden: v => !logs(v) || v.source !== NEW},
		{id: 'stream', label: 'Delivery stream ARN', kind: 'text', placeholder: 'arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME', hidden: v => kindOf(v) !== 'firehose'},
		{id: 'topic', label: 'SNS topic ARN', kind: 'text', placeholder: 'arn:aws:sns:REGION:ACCOUNT:NAME', hidden: v => kindOf(v) !== 'sns'},
		{id: 'role', label: 'IAM role ARN', kind: 'text', initial: initial.roleArn ?? '', placeholder: 'arn:aws:iam::ACCOUNT:role/NAME (the service assumes it to write)', hidden: v => kindOf(v) === 'sns'},
		{id: 'events', label: 'Event types', kind: 'multi', options: EVENT_TYPE_CHOICES, initial: (initial.eventTypes ?? ['ALL']).join(',')},
	];
}

/** The edit the values make, or why they cannot be staged. */
export function destinationFromForm(
	props: Pick<DestinationFormProps, 'configSet' | 'configSetArn' | 'existing'>,
	groups: readonly LogGroup[],
	values: FormValues,
	connection: Parameters<typeof destinationAddEdit>[0],
): {edit: StagedEdit} | {reason: string} {
	const kind = kindOf(values);
	const name = values.name.trim();
	if (props.existing.includes(name)) return {reason: `${props.configSet} already has a destination named ${name}`};
	let targetArn = kind === 'firehose' ? values.stream.trim() : values.topic.trim();
	let create: string | undefined;
	if (kind === 'cloudwatch-logs') {
		if (values.source === NEW) {
			const group = checkLogGroupName(values.newGroup.trim());
			if (!group.ok) return {reason: group.reason};
			if (groups.some(g => g.name === group.value)) return {reason: `The log group ${group.value} already exists: choose it as an existing group`};
			const [, partition, , , account] = props.configSetArn.split(':');
			targetArn = logGroupArn(connection.region, account ?? '', group.value, partition || 'aws');
			create = group.value;
		} else {
			const group = groups.find(g => g.name === values.group);
			if (!group) return {reason: groups.length === 0 ? 'No log group in this Region: choose a new group' : 'Choose a log group'};
			targetArn = group.arn;
		}
	}
	const checked = checkDestination({name, kind, targetArn, roleArn: values.role.trim(), eventTypes: values.events});
	if (!checked.ok) return {reason: checked.reason};
	return {edit: destinationAddEdit(connection, props.configSet, checked.value, create)};
}

export function DestinationForm(props: DestinationFormProps) {
	const {connection} = useSession();
	const groups = useResource<LogGroup[]>(LOG_GROUPS, (clients, ctx) => listLogGroups(clients, {signal: ctx.signal}));
	const list = groups.data ?? [];
	const full = props.existing.length >= MAX_DESTINATIONS;
	return (
		<EditForm
			title={`New event destination on ${props.configSet}`}
			fields={fieldsFor(list, props.initial ?? {}, groups.loading && !groups.data)}
			width={props.width}
			submitLabel="stages it for review"
			validate={values => {
				if (full) return `${props.configSet} already has ${MAX_DESTINATIONS} event destinations, the most a set can have: delete one first`;
				const out = destinationFromForm(props, list, values, connection);
				return 'reason' in out ? out.reason : undefined;
			}}
			onSubmit={values => {
				const out = destinationFromForm(props, list, values, connection);
				if ('edit' in out) props.onStage(out.edit);
			}}
			onCancel={props.onCancel}
		/>
	);
}
