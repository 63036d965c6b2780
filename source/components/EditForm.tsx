// A small modal form shown in place (below the table it edits): text fields with the line editor (cursor keys,
// backspace, paste), choice fields (←/→ or space) and pickers (type to filter a list, ←/→ to choose among the
// matches), multiple choices (type to filter, ←/→ move, space ticks). A field can hide while the other values make it
// irrelevant. Enter checks and submits; esc cancels. Knows nothing of SMS.
import React, {useReducer, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {Priority, useKeypress} from '../input/KeypressProvider.js';
import {editActionFor, lineEditor, type LineState} from './lineEditor.js';
import {LineField} from './LineField.js';
import {pickEdit, pickMatches, pickStart, pickStep, pickSummary, pickValue, type PickState} from './pickList.js';
import {cellWidth, fit, truncate} from '../domain/textWidth.js';

export type FormValues = Record<string, string>;

type FieldBase = {id: string; label: string; initial?: string; /** Hidden (and skipped) while this holds. */ hidden?: (values: FormValues) => boolean};

export type FormField = FieldBase &
	(
		| {kind: 'text'; placeholder?: string; /** Shown as dots (a key or a password). */ secret?: boolean}
		| {kind: 'choice'; options: readonly string[]}
		/**
		 * One of a list that may load later (options empty until then): typing filters it, ←/→ choose. With `free`,
		 * what was typed is the value when it matches no option (a value not in the list).
		 */
		| {kind: 'pick'; options: readonly string[]; loading?: boolean; free?: boolean}
		/** Several of a list: typing filters, ←/→ move, space ticks or unticks; the value is the ticked ones, comma-separated. */
		| {kind: 'multi'; options: readonly string[]}
	);

export interface EditFormProps {
	title: string;
	fields: readonly FormField[];
	width: number;
	/** The reason the values cannot be submitted, or undefined. Shown as you type. */
	validate: (values: FormValues) => string | undefined;
	onSubmit: (values: FormValues) => void;
	onCancel: () => void;
	/** What enter does, for the hint line ("stage and review"). */
	submitLabel?: string;
	/** Shown under the fields, from the values as they are typed (e.g. a parts preview); its lines are the caller's to count. */
	below?: (values: FormValues) => React.ReactNode;
}

/** Lines the form takes: title, one per field, the message line. */
export const formHeight = (fields: readonly FormField[]) => fields.length + 2;

type Lines = Record<string, LineState>;
type Picks = Record<string, PickState>;
type Ticks = Record<string, string[]>;

/** A picker's value; a free picker's typed text when it matches no option. */
function pickedValue(field: Extract<FormField, {kind: 'pick'}>, state: PickState): string {
	const typed = state.query.text.trim();
	if (field.free && typed && pickMatches(field.options, typed).length === 0) return typed;
	return pickValue(state, field.options);
}

export function EditForm({title, fields, width, validate, onSubmit, onCancel, submitLabel = 'review', below}: EditFormProps) {
	const theme = useTheme();
	const c = theme.colors;
	const initial = (): {lines: Lines; choices: FormValues; picks: Picks; ticks: Ticks} => {
		const lines: Lines = {};
		const choices: FormValues = {};
		const picks: Picks = {};
		const ticks: Ticks = {};
		for (const f of fields) {
			if (f.kind === 'text') lines[f.id] = {text: f.initial ?? '', cursor: Array.from(f.initial ?? '').length};
			else if (f.kind === 'pick') picks[f.id] = pickStart(f.initial ?? '');
			else if (f.kind === 'multi') {
				ticks[f.id] = (f.initial ?? '').split(',').filter(Boolean);
				picks[f.id] = pickStart(ticks[f.id][0] ?? f.options[0] ?? '');
			} else choices[f.id] = f.initial ?? f.options[0] ?? '';
		}
		return {lines, choices, picks, ticks};
	};
	const state = useRef(initial());
	const [, rerender] = useReducer((n: number) => n + 1, 0);
	const [focus, setFocus] = useState(0);
	const focusRef = useRef(0);
	const [tried, setTried] = useState(false);
	const values = (): FormValues => ({
		...Object.fromEntries(Object.entries(state.current.lines).map(([k, v]) => [k, v.text])),
		...state.current.choices,
		...Object.fromEntries(
			fields.flatMap(f => (f.kind === 'pick' ? [[f.id, pickedValue(f, state.current.picks[f.id])]] : [])),
		),
		...Object.fromEntries(fields.flatMap(f => (f.kind === 'multi' ? [[f.id, state.current.ticks[f.id].join(',')]] : []))),
	});
	const shown = (): number[] => {
		const v = values();
		return fields.flatMap((f, i) => (f.hidden?.(v) ? [] : [i]));
	};
	/** The values of the fields on show: a hidden field counts as empty. */
	const visibleValues = (): FormValues => {
		const v = values();
		for (const f of fields) if (f.hidden?.(v)) v[f.id] = '';
		return v;
	};
	const move = (delta: number) => {
		const order = shown();
		const at = Math.max(0, order.indexOf(focusRef.current));
		focusRef.current = order[(at + delta + order.length) % order.length] ?? 0;
		setFocus(focusRef.current);
	};

	useKeypress(
		event => {
			if (event.ctrl && event.name === 'c') return false;
			const field = fields[focusRef.current];
			switch (event.name) {
				case 'escape':
					onCancel();
					return true;
				case 'enter': {
					const problem = validate(visibleValues());
					setTried(true);
					if (!problem) onSubmit(visibleValues());
					else rerender();
					return true;
				}
				case 'tab':
					move(event.shift ? -1 : 1);
					return true;
				case 'up':
					move(-1);
					return true;
				case 'down':
					move(1);
					return true;
			}
			if (field.kind === 'choice') {
				const at = field.options.indexOf(state.current.choices[field.id]);
				const step = event.name === 'left' ? -1 : event.name === 'right' || event.name === 'space' || event.text === ' ' ? 1 : 0;
				if (step !== 0) {
					state.current.choices[field.id] = field.options[(at + step + field.options.length) % field.options.length];
					rerender();
				}
				return true;
			}
			if (field.kind === 'multi') {
				const pick = state.current.picks[field.id];
				if (event.name === 'space' || event.text === ' ') {
					const value = pickValue(pick, field.options);
					const ticked = state.current.ticks[field.id];
					if (value) state.current.ticks[field.id] = ticked.includes(value) ? ticked.filter(t => t !== value) : field.options.filter(o => o === value || ticked.includes(o));
					rerender();
					return true;
				}
			}
			if (field.kind === 'pick' || field.kind === 'multi') {
				const pick = state.current.picks[field.id];
				if (event.name === 'left' || event.name === 'right') {
					state.current.picks[field.id] = pickStep(pick, field.options, event.name === 'left' ? -1 : 1);
					rerender();
					return true;
				}
				const action = editActionFor(event);
				if (action) {
					state.current.picks[field.id] = pickEdit(pick, field.options, action);
					rerender();
				}
				return true;
			}
			const action = editActionFor(event);
			if (action) {
				state.current.lines[field.id] = lineEditor(state.current.lines[field.id], action);
				rerender();
			}
			return true;
		},
		{priority: Priority.Dialog, modalHint: '↑/↓ or tab: field · type to edit or filter · ←/→ or space: choose (space ticks in a list) · enter: review · esc: cancel'},
	);

	const labelWidth = Math.min(24, Math.max(...fields.map(f => f.label.length)) + 1);
	const fieldWidth = Math.max(8, width - labelWidth - 4);
	const problem = validate(visibleValues());
	const values_ = values();
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={c.accent}>
				{truncate(` ${title}`, width - 1, theme.glyphs.ellipsis)}
			</Text>
			{fields.map((f, i) => {
				if (f.hidden?.(values_)) return null;
				const focused = i === focus;
				return (
					<Box key={f.id} width={width}>
						<Text color={focused ? c.accent : c.muted}>{(focused ? ' › ' : '   ') + fit(f.label, labelWidth)}</Text>
						{f.kind === 'multi' ? (
							<PickRow
								value={`${pickValue(state.current.picks[f.id], f.options)}${state.current.ticks[f.id].includes(pickValue(state.current.picks[f.id], f.options)) ? ` ${theme.glyphs.ok}` : ''}`}
								hint={`${state.current.ticks[f.id].join(', ') || 'none ticked'} · space ticks`}
								summary={state.current.ticks[f.id].join(', ')}
								focused={focused}
								width={fieldWidth}
							/>
						) : f.kind === 'pick' ? (
							<PickRow
								value={pickedValue(f, state.current.picks[f.id])}
								hint={f.loading ? 'loading…' : f.free && pickedValue(f, state.current.picks[f.id]) !== pickValue(state.current.picks[f.id], f.options) ? 'typed (not in the list)' : pickSummary(state.current.picks[f.id], f.options)}
								focused={focused}
								width={fieldWidth}
							/>
						) : f.kind === 'text' ? (
							focused ? (
								<LineField state={f.secret ? masked(state.current.lines[f.id]) : state.current.lines[f.id]} width={fieldWidth} placeholder={f.placeholder} />
							) : (
								<Text>{'  ' + truncate((f.secret ? masked(state.current.lines[f.id]) : state.current.lines[f.id]).text || '', fieldWidth, theme.glyphs.ellipsis)}</Text>
							)
						) : (
							<Text bold={focused}>
								{focused ? '‹ ' : '  '}
								{truncate(state.current.choices[f.id], fieldWidth, theme.glyphs.ellipsis)}
								{focused ? ' ›' : ''}
								<Text color={c.muted}>{focused ? choicesHint(f.options, fieldWidth - cellWidth(state.current.choices[f.id] ?? '') - 4, theme.glyphs.ellipsis) : ''}</Text>
							</Text>
						)}
					</Box>
				);
			})}
			{below ? below(values()) : null}
			<Text color={problem && tried ? c.error : problem ? c.warn : c.muted} wrap="truncate">
				{truncate(' ' + (problem ?? `enter ${submitLabel} · tab/↑↓ next field · ←/→ choose · esc cancel`), width, theme.glyphs.ellipsis)}
			</Text>
		</Box>
	);
}

/** "  (a | b | c)" cut to the room left on the line (a long list must not wrap the form). */
function choicesHint(options: readonly string[], room: number, ellipsis: string): string {
	const hint = `  (${options.join(' | ')})`;
	return room < 6 ? '' : truncate(hint, room, ellipsis);
}

/** A secret's line as dots, the cursor where it was. */
const masked = (line: LineState): LineState => ({text: '•'.repeat(Array.from(line.text).length), cursor: line.cursor});

/**
 * A picker's row within `width` cells: the value (cut only when it alone is too long), then, when focused, the
 * count and the keys, cut to what is left (a long pool label must not push the next field off the form).
 */
function PickRow({value, hint, summary, focused, width}: {value: string; hint: string; /** Shown in place of the value when not focused. */ summary?: string; focused: boolean; width: number}) {
	const theme = useTheme();
	const text = focused || summary === undefined ? value : summary;
	const shown = (focused ? '‹ ' : '  ') + truncate(text || '(none)', Math.max(4, width - 4), theme.glyphs.ellipsis) + (focused ? ' ›' : '');
	const room = width - cellWidth(shown);
	const rest = focused && room > 4 ? truncate(`  ${hint} · type to filter, ←/→ choose`, room, theme.glyphs.ellipsis) : '';
	return (
		<Text bold={focused}>
			{shown}
			<Text color={theme.colors.muted}>{rest}</Text>
		</Text>
	);
}
