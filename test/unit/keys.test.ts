import {test} from 'node:test';
import assert from 'node:assert/strict';
import {keyId, keyLabel, normalizeKeySpec, splitEscapePrefix, toKeyEvents, type InkKey} from '../../source/input/keys.js';
import {buildKeymap} from '../../source/input/keymap.js';

const none: InkKey = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

test('a chunk of several keys becomes one event per key (ssh coalescing)', () => {
	const ids = toKeyEvents('\rnn', none).map(keyId);
	assert.deepEqual(ids, ['enter', 'n', 'n']);
	assert.deepEqual(toKeyEvents('jjG', none).map(keyId), ['j', 'j', 'G']);
});

test('held backspace (DEL bytes) is backspace every time, never text', () => {
	const events = toKeyEvents('\x7f\x7f', none);
	assert.deepEqual(events.map(keyId), ['backspace', 'backspace']);
	assert.ok(events.every(e => e.text === ''));
	assert.equal(keyId(toKeyEvents('', {...none, backspace: true})[0]), 'backspace');
	assert.equal(keyId(toKeyEvents('', {...none, delete: true})[0]), 'delete');
});

test('escape and the next key read together as alt+key are split again, unless alt+key is bound', () => {
	// What Ink hands over for "\x1b:" in one read: ':' with meta.
	const together = toKeyEvents(':', {...none, meta: true});
	assert.deepEqual(together.map(keyId), ['alt+:']);
	const split = splitEscapePrefix(together, () => false);
	assert.deepEqual(split.map(keyId), ['escape', ':']);
	assert.equal(split[1].text, ':', 'the key types its character again');
	assert.deepEqual(splitEscapePrefix(toKeyEvents('Q', {...none, meta: true}), () => false).map(keyId), ['escape', 'Q']);
	// A binding the user made, and alt+backspace (delete a word), keep their meaning.
	assert.deepEqual(splitEscapePrefix(together, id => id === 'alt+:').map(keyId), ['alt+:']);
	assert.deepEqual(splitEscapePrefix(toKeyEvents('', {...none, backspace: true, meta: true}), () => false).map(keyId), ['alt+backspace']);
});

test('named keys and modifiers from Ink flags', () => {
	assert.equal(keyId(toKeyEvents('', {...none, upArrow: true})[0]), 'up');
	assert.equal(keyId(toKeyEvents('c', {...none, ctrl: true})[0]), 'ctrl+c');
	assert.equal(keyId(toKeyEvents('', {...none, tab: true, shift: true})[0]), 'shift+tab');
	assert.equal(keyId(toKeyEvents('', {...none, escape: true})[0]), 'escape');
	assert.equal(keyId(toKeyEvents(' ', none)[0]), 'space');
	assert.equal(toKeyEvents(' ', none)[0].text, ' ');
	assert.equal(keyId(toKeyEvents('\x15', none)[0]), 'ctrl+u');
});

test('key specs written by people normalise to canonical ids', () => {
	assert.equal(normalizeKeySpec('Ctrl+C'), 'ctrl+c');
	assert.equal(normalizeKeySpec('esc'), 'escape');
	assert.equal(normalizeKeySpec('PgDn'), 'pagedown');
	assert.equal(normalizeKeySpec('G'), 'G');
	assert.equal(normalizeKeySpec('shift+Tab'), 'shift+tab');
	assert.equal(normalizeKeySpec('hyper+x'), undefined);
	assert.equal(normalizeKeySpec('banana'), undefined);
	assert.equal(normalizeKeySpec(''), undefined);
});

test('labels for hints, with an ASCII form', () => {
	assert.equal(keyLabel('ctrl+c'), 'ctrl-c');
	assert.equal(keyLabel('up'), '↑');
	assert.equal(keyLabel('up', true), 'up');
	assert.equal(keyLabel('escape'), 'esc');
});

test('preferences override keys; mistakes are reported, not fatal', () => {
	const {keymap, problems} = buildKeymap({'nav.down': ['n', 'Ctrl+N'], 'no.such': ['x'], 'nav.up': ['hyper+k']});
	assert.deepEqual(keymap['nav.down'], ['n', 'ctrl+n']);
	assert.deepEqual(keymap['nav.up'], ['k', 'up'], 'an unreadable override keeps the defaults');
	assert.equal(problems.length, 2);
	assert.match(problems.join('\n'), /unknown command "no.such"/);
	assert.match(problems.join('\n'), /cannot read key "hyper\+k"/);
});
