// The settings of a phone number or a pool as a form: two-way on/off with its channel ARN, self-managed
// opt-outs, shared routes (pools), deletion protection, opt-out list. Enter stages one update with only the
// changed members and opens the review.
import type {OriginationSettings} from '../services/changesService.js';
import React from 'react';
import {useSession} from '../app/session.js';
import {useEdits} from '../app/edits.js';
import {settingsEdit} from '../app/editPlans.js';
import {EditForm, formHeight, type FormField, type FormValues} from '../components/EditForm.js';
import {checkSettings, type Settings} from '../domain/settingsRules.js';

export interface SettingsTarget {
	kind: 'number' | 'pool';
	id: string;
	label: string;
	/** A number in a pool (its two-way, opt-out and self-managed settings are the pool's). */
	pooled?: boolean;
}

/** Settings of a PhoneNumberInformation or PoolInformation. */
export function settingsOf(x: OriginationSettings): Settings {
	return {
		twoWay: Boolean(x.TwoWayEnabled),
		channelArn: x.TwoWayChannelArn ?? '',
		selfManagedOptOuts: Boolean(x.SelfManagedOptOutsEnabled),
		sharedRoutes: Boolean(x.SharedRoutesEnabled),
		deletionProtection: Boolean(x.DeletionProtectionEnabled),
		optOutList: x.OptOutListName ?? '',
	};
}

const ON_OFF = ['on', 'off'] as const;
const onOff = (b: boolean) => (b ? 'on' : 'off');

function fieldsFor(target: SettingsTarget, s: Settings): FormField[] {
	const fields: FormField[] = [
		{id: 'twoWay', label: 'Two-way SMS', kind: 'choice', options: ON_OFF, initial: onOff(s.twoWay)},
		{id: 'channelArn', label: 'Two-way channel ARN', kind: 'text', initial: s.channelArn, placeholder: 'arn:aws:sns:… or connect.<region>.amazonaws.com'},
		{id: 'selfManagedOptOuts', label: 'Self-managed opt-outs', kind: 'choice', options: ON_OFF, initial: onOff(s.selfManagedOptOuts)},
	];
	if (target.kind === 'pool') fields.push({id: 'sharedRoutes', label: 'Shared routes', kind: 'choice', options: ON_OFF, initial: onOff(s.sharedRoutes)});
	fields.push(
		{id: 'deletionProtection', label: 'Deletion protection', kind: 'choice', options: ON_OFF, initial: onOff(s.deletionProtection)},
		{id: 'optOutList', label: 'Opt-out list', kind: 'text', initial: s.optOutList},
	);
	return fields;
}

function valuesToSettings(values: FormValues, before: Settings): Settings {
	return {
		twoWay: values.twoWay === 'on',
		channelArn: values.channelArn.trim(),
		selfManagedOptOuts: values.selfManagedOptOuts === 'on',
		sharedRoutes: values.sharedRoutes === undefined ? before.sharedRoutes : values.sharedRoutes === 'on',
		deletionProtection: values.deletionProtection === 'on',
		optOutList: values.optOutList.trim(),
	};
}

export const settingsFormHeight = (kind: 'number' | 'pool') => formHeight(fieldsFor({kind, id: '', label: ''}, settingsOf({})));

export function SettingsForm({target, before, width, onClose}: {target: SettingsTarget; before: Settings; width: number; onClose: () => void}) {
	const {connection} = useSession();
	const {stage} = useEdits();
	return (
		<EditForm
			title={`Settings of ${target.label}${target.pooled ? ' (in a pool: only deletion protection changes here)' : ''}`}
			fields={fieldsFor(target, before)}
			width={width}
			submitLabel="stages and reviews"
			validate={values => {
				const next = valuesToSettings(values, before);
				const r = checkSettings(next, before, {pooled: target.pooled});
				if (!r.ok) return r.reason;
				return settingsEdit(connection, target, before, next) ? undefined : 'Nothing changed yet.';
			}}
			onSubmit={values => {
				const edit = settingsEdit(connection, target, before, valuesToSettings(values, before));
				onClose();
				if (edit) stage(edit, {review: true});
			}}
			onCancel={onClose}
		/>
	);
}
