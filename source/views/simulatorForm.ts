// The simulator form's fields and their choices (pure; the view renders and edits them).
import {SIMULATOR_DESTINATIONS} from '../domain/simulatorNumbers.js';
import {DEFAULT_BODY} from '../services/simulatorRun.js';
import type {SimulatorChannel} from '../domain/simulatorPlan.js';

export interface SimulatorForm {
	origination: string;
	country: string;
	configurationSet: string;
	channel: SimulatorChannel;
	body: string;
	release: boolean;
}

export type FieldId = keyof SimulatorForm;

export interface FieldSpec {
	id: FieldId;
	label: string;
	/** pick: one of the Region's resources (type to filter, ←/→ choose). */
	kind: 'text' | 'choice' | 'pick';
	placeholder?: string;
}

export const FIELDS: readonly FieldSpec[] = [
	{id: 'origination', label: 'Origination', kind: 'text', placeholder: "the Region's simulator number"},
	{id: 'country', label: 'Country', kind: 'choice'},
	{id: 'configurationSet', label: 'Configuration set', kind: 'pick', placeholder: 'auto: the first with a CloudWatch Logs destination'},
	{id: 'channel', label: 'Channel', kind: 'choice'},
	{id: 'body', label: 'Body', kind: 'text'},
	{id: 'release', label: 'Release number', kind: 'choice'},
];

export const INITIAL_FORM: SimulatorForm = {origination: '', country: 'US', configurationSet: '', channel: 'sms', body: DEFAULT_BODY, release: false};

const COUNTRIES = SIMULATOR_DESTINATIONS.map(c => c.isoCountryCode);

/** The next (or previous) choice of a choice field. */
export function cycle(form: SimulatorForm, id: FieldId, step: 1 | -1): SimulatorForm {
	if (id === 'country') {
		const at = COUNTRIES.indexOf(form.country);
		return {...form, country: COUNTRIES[(at + step + COUNTRIES.length) % COUNTRIES.length]};
	}
	if (id === 'channel') return {...form, channel: form.channel === 'sms' ? 'mms' : 'sms'};
	if (id === 'release') return {...form, release: !form.release};
	return form;
}

export function countryName(code: string): string {
	return SIMULATOR_DESTINATIONS.find(c => c.isoCountryCode === code)?.country ?? code;
}

export function fieldText(form: SimulatorForm, id: FieldId): string {
	switch (id) {
		case 'country': {
			const c = SIMULATOR_DESTINATIONS.find(x => x.isoCountryCode === form.country);
			return c ? `${c.isoCountryCode} — ${c.country} (success ${c.success}, failure ${c.failure})` : form.country;
		}
		case 'channel':
			return form.channel === 'sms' ? 'SMS' : 'MMS';
		case 'release':
			return form.release ? 'yes — release a number this run requests, at the end' : 'no — keep a requested number for the next run';
		default:
			return form[id];
	}
}
