// A one-line text editor kept outside React: a reducer over {text, cursor}. Cursor counts code points.

export interface LineState {
	text: string;
	cursor: number;
}

export type LineAction =
	| {type: 'insert'; text: string}
	| {type: 'backspace'}
	| {type: 'delete'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'deleteWord'}
	| {type: 'clear'}
	| {type: 'set'; text: string};

const chars = (s: string) => Array.from(s);

export function lineEditor(state: LineState, action: LineAction): LineState {
	const cs = chars(state.text);
	const at = Math.min(state.cursor, cs.length);
	switch (action.type) {
		case 'insert': {
			// Pasted text is one line: newlines and other controls become spaces or go.
			const clean = action.text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
			const add = chars(clean);
			return {text: [...cs.slice(0, at), ...add, ...cs.slice(at)].join(''), cursor: at + add.length};
		}
		case 'backspace':
			if (at === 0) return state;
			return {text: [...cs.slice(0, at - 1), ...cs.slice(at)].join(''), cursor: at - 1};
		case 'delete':
			// Forward delete; at the end of the line it behaves as backspace, which is what most people mean.
			if (at >= cs.length) return lineEditor(state, {type: 'backspace'});
			return {text: [...cs.slice(0, at), ...cs.slice(at + 1)].join(''), cursor: at};
		case 'left':
			return {...state, cursor: Math.max(0, at - 1)};
		case 'right':
			return {...state, cursor: Math.min(cs.length, at + 1)};
		case 'home':
			return {...state, cursor: 0};
		case 'end':
			return {...state, cursor: cs.length};
		case 'deleteWord': {
			let i = at;
			while (i > 0 && cs[i - 1] === ' ') i--;
			while (i > 0 && cs[i - 1] !== ' ') i--;
			return {text: [...cs.slice(0, i), ...cs.slice(at)].join(''), cursor: i};
		}
		case 'clear':
			return {text: '', cursor: 0};
		case 'set':
			return {text: action.text, cursor: chars(action.text).length};
	}
}

/** Maps a key press to an editing action, or undefined when the key is not for the editor. */
export function editActionFor(event: {name: string; ctrl: boolean; meta: boolean; text: string}): LineAction | undefined {
	if (event.name === 'paste') return {type: 'insert', text: event.text};
	if (event.ctrl) {
		switch (event.name) {
			case 'a':
				return {type: 'home'};
			case 'e':
				return {type: 'end'};
			case 'u':
				return {type: 'clear'};
			case 'w':
				return {type: 'deleteWord'};
			case 'h':
				return {type: 'backspace'};
			default:
				return undefined;
		}
	}
	switch (event.name) {
		case 'backspace':
			return event.meta ? {type: 'deleteWord'} : {type: 'backspace'};
		case 'delete':
			return {type: 'delete'};
		case 'left':
			return {type: 'left'};
		case 'right':
			return {type: 'right'};
		case 'home':
			return {type: 'home'};
		case 'end':
			return {type: 'end'};
		default:
			return event.text ? {type: 'insert', text: event.text} : undefined;
	}
}
