// A one-field form for a phone number: E.164 checked as it is typed (nothing is staged until it is right).
import React from 'react';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {parseE164} from '../domain/e164.js';

const FIELDS: FormField[] = [{id: 'number', label: 'Phone number', kind: 'text', placeholder: '+12065550150 (E.164)'}];

export const numberEntryHeight = formHeight(FIELDS);

export function NumberEntryForm({title, width, onNumber, onCancel}: {title: string; width: number; onNumber: (e164: string) => void; onCancel: () => void}) {
	return (
		<EditForm
			title={title}
			fields={FIELDS}
			width={width}
			submitLabel="stages and reviews"
			validate={values => {
				const r = parseE164(values.number);
				return r.ok ? undefined : r.reason;
			}}
			onSubmit={values => {
				const r = parseE164(values.number);
				if (r.ok) onNumber(r.e164);
			}}
			onCancel={onCancel}
		/>
	);
}
