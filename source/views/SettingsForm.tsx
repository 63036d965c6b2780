// The settings of a phone number or a pool as a form: two-way on/off with its channel ARN, self-managed
// opt-outs, shared routes (pools), deletion protection, opt-out list. Enter stages one update with only the
// changed members and opens the review. With a settings edit already staged, the form starts from what is
// staged, so a second edit adds to the first (merged into one change) instead of dropping it.
import type {OriginationSettings} from '../services/changesService.js';
import React from 'react';
import {useResource, useSession} from '../app/session.js';
import {listOptOutLists, type OptOutList} from '../services/optOutsService.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {settingsEdit, settingsEditId, settingsFromPreview} from '../app/editPlans.js';
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

function fieldsFor(target: SettingsTarget, s: Settings, lists: {names: readonly string[]; loading: boolean} = {names: [], loading: false}): FormField[] {
	const fields: FormField[] = [
		{id: 'twoWay', label: 'Two-way SMS', kind: 'choice', options: ON_OFF, initial: onOff(s.twoWay)},
		{id: 'channelArn', label: 'Two-way channel ARN', kind: 'text', initial: s.channelArn, placeholder: 'arn:aws:sns:… or connect.<region>.amazonaws.com'},
		{id: 'selfManagedOptOuts', label: 'Self-managed opt-outs', kind: 'choice', options: ON_OFF, initial: onOff(s.selfManagedOptOuts)},
	];
	if (target.kind === 'pool') fields.push({id: 'sharedRoutes', label: 'Shared routes', kind: 'choice', options: ON_OFF, initial: onOff(s.sharedRoutes)});
	fields.push(
		{id: 'deletionProtection', label: 'Deletion protection', kind: 'choice', options: ON_OFF, initial: onOff(s.deletionProtection)},
		{id: 'optOutList', label: 'Opt-out list', kind: 'pick', options: lists.names, initial: s.optOutList, loading: lists.loading},
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
	const stagedEdit = useStagedEdits().find(e => e.id === settingsEditId(target.id));
	// The values the form starts from: what is staged, else what the service has.
	const start = settingsFromPreview(stagedEdit?.preview) ?? before;
	const same = (a: Settings, b: Settings) => JSON.stringify(a) === JSON.stringify(b);
	// The Region's opt-out lists to pick from (the same cache as :optouts).
	const lists = useResource<OptOutList[]>('opt-out-lists', (clients, ctx) => listOptOutLists(clients, {signal: ctx.signal}));
	const names = (lists.data ?? []).map(l => l.OptOutListName ?? '').filter(Boolean);
	return (
		<EditForm
			title={`Settings of ${target.label}${target.pooled ? ' (in a pool: the service takes no change here)' : ''}${stagedEdit ? ' — starting from the staged edit' : ''}`}
			fields={fieldsFor(target, start, {names, loading: lists.loading && !lists.data})}
			width={width}
			submitLabel="stages and reviews"
			validate={values => {
				const next = valuesToSettings(values, before);
				if (!next.optOutList) return 'Pick an opt-out list: no list in this Region matches what was typed.';
				const r = checkSettings(next, before, {pooled: target.pooled});
				if (!r.ok) return r.reason;
				if (stagedEdit && same(next, start)) return 'Nothing changed since the staged edit (w reviews it, u discards it).';
				if (settingsEdit(connection, target, before, next)) return undefined;
				return stagedEdit ? 'These are the settings as they are now: u discards the staged edit instead.' : 'Nothing changed yet.';
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
