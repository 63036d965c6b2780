// Key events: what Ink hands us, normalised into one event per key press.
// Over ssh several keys can arrive in one read ("\rnn", "jjj"); Ink never splits text runs, so we do.

export interface KeyEvent {
	/** Canonical name: a printable character ("j", "G", ":"), or enter, escape, backspace, delete, tab, space,
	 * up, down, left, right, pageup, pagedown, home, end. */
	name: string;
	ctrl: boolean;
	meta: boolean;
	shift: boolean;
	/** The printable text this key inserts in a text field ("" for control keys). */
	text: string;
}

/** The flags Ink's useInput passes (a subset of its Key type). */
export interface InkKey {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageDown: boolean;
	pageUp: boolean;
	home: boolean;
	end: boolean;
	return: boolean;
	escape: boolean;
	ctrl: boolean;
	shift: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
	meta: boolean;
}

const key = (name: string, mods: Partial<KeyEvent> = {}): KeyEvent => ({
	name,
	ctrl: false,
	meta: false,
	shift: false,
	text: '',
	...mods,
});

function fromChar(ch: string, meta: boolean): KeyEvent {
	switch (ch) {
		case '\r':
		case '\n':
			return key('enter', {meta});
		case '\x7f':
		case '\b':
			return key('backspace', {meta});
		case '\t':
			return key('tab', {meta});
		case '\x1b':
			return key('escape');
		case ' ':
			return key('space', {meta, text: ' '});
		default:
			break;
	}
	const code = ch.codePointAt(0)!;
	if (code < 0x20) return key(String.fromCharCode(code + 0x60), {ctrl: true});
	if (code < 0xa0 && code >= 0x80) return key('unknown');
	return key(ch, {meta, text: meta ? '' : ch, shift: ch !== ch.toLowerCase()});
}

/** Turns one Ink input callback into the key presses it stands for. */
export function toKeyEvents(input: string, ink: InkKey): KeyEvent[] {
	const mods = {ctrl: ink.ctrl, meta: ink.meta, shift: ink.shift};
	if (ink.upArrow) return [key('up', mods)];
	if (ink.downArrow) return [key('down', mods)];
	if (ink.leftArrow) return [key('left', mods)];
	if (ink.rightArrow) return [key('right', mods)];
	if (ink.pageUp) return [key('pageup', mods)];
	if (ink.pageDown) return [key('pagedown', mods)];
	if (ink.home) return [key('home', mods)];
	if (ink.end) return [key('end', mods)];
	if (ink.tab) return [key('tab', mods)];
	if (ink.backspace) return [key('backspace', {meta: ink.meta})];
	if (ink.delete) return [key('delete', {meta: ink.meta})];
	if (ink.escape && input === '') return [key('escape')];
	if (ink.return && input.length <= 1) return [key('enter', {meta: ink.meta})];
	if (ink.ctrl && input.length === 1) {
		return [key(input === ' ' ? 'space' : input.toLowerCase(), {ctrl: true, meta: ink.meta})];
	}
	if (input === '') return [];
	return Array.from(input, ch => fromChar(ch, ink.meta));
}

const aliases: Record<string, string> = {
	esc: 'escape',
	return: 'enter',
	del: 'delete',
	bs: 'backspace',
	pgup: 'pageup',
	pgdn: 'pagedown',
	arrowup: 'up',
	arrowdown: 'down',
	arrowleft: 'left',
	arrowright: 'right',
	' ': 'space',
};

/** Canonical id of a key event, the form keymaps use: "j", "G", "ctrl+c", "shift+tab", "enter". */
export function keyId(event: KeyEvent): string {
	const parts: string[] = [];
	if (event.ctrl) parts.push('ctrl');
	if (event.meta) parts.push('alt');
	// Shift is part of a printable character already ("G"); name it only for named keys.
	if (event.shift && event.name.length > 1) parts.push('shift');
	parts.push(event.name);
	return parts.join('+');
}

/** Normalises a key spec written by a person ("Ctrl+C", "esc", "PgDn") to the canonical id, or undefined. */
export function normalizeKeySpec(spec: string): string | undefined {
	const trimmed = spec.trim();
	if (trimmed === '') return undefined;
	if (trimmed.length === 1) return aliases[trimmed] ?? trimmed;
	const pieces = trimmed.split('+');
	const last = pieces.pop()!;
	const name = last.length === 1 ? last : (aliases[last.toLowerCase()] ?? last.toLowerCase());
	const mods = pieces.map(p => p.toLowerCase()).map(p => (p === 'meta' || p === 'option' ? 'alt' : p));
	if (mods.some(m => !['ctrl', 'alt', 'shift'].includes(m))) return undefined;
	const known = /^(.|enter|escape|backspace|delete|tab|space|up|down|left|right|pageup|pagedown|home|end|f\d{1,2})$/;
	if (!known.test(name)) return undefined;
	const ordered = ['ctrl', 'alt', 'shift'].filter(m => mods.includes(m));
	return [...ordered, name.length === 1 && ordered.includes('ctrl') ? name.toLowerCase() : name].join('+');
}

/** How a key is shown to people in hints and help: "<enter>", "j", "ctrl-c". */
export function keyLabel(id: string, ascii = false): string {
	const short: Record<string, string> = {
		escape: 'esc',
		pageup: 'pgup',
		pagedown: 'pgdn',
		up: ascii ? 'up' : '↑',
		down: ascii ? 'down' : '↓',
		left: ascii ? 'left' : '←',
		right: ascii ? 'right' : '→',
	};
	return id
		.split('+')
		.map(p => short[p] ?? p)
		.join('-');
}

/**
 * An escape and the key typed right after it can reach us in one read (ssh, a slow pipe, a busy machine), and
 * then read as alt plus that key. Where alt plus a printable key means nothing here (`isBound` says whether it is
 * bound), it is taken for what the user most likely typed: escape, then the key.
 */
export function splitEscapePrefix(events: KeyEvent[], isBound: (id: string) => boolean): KeyEvent[] {
	return events.flatMap(event => {
		if (!event.meta || event.ctrl || event.name.length !== 1 || isBound(keyId(event))) return [event];
		return [key('escape'), {...event, meta: false, text: event.name}];
	});
}
