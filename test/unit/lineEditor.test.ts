import {test} from 'node:test';
import assert from 'node:assert/strict';
import {editActionFor, lineEditor, type LineAction, type LineState} from '../../source/components/lineEditor.js';

const run = (actions: LineAction[], start: LineState = {text: '', cursor: 0}) => actions.reduce(lineEditor, start);

test('typing, cursor moves and deletes', () => {
	const s = run([{type: 'insert', text: 'hello'}, {type: 'left'}, {type: 'left'}, {type: 'insert', text: 'X'}]);
	assert.deepEqual(s, {text: 'helXlo', cursor: 4});
	assert.deepEqual(lineEditor(s, {type: 'backspace'}), {text: 'hello', cursor: 3});
	assert.deepEqual(lineEditor(s, {type: 'delete'}), {text: 'helXo', cursor: 4});
	assert.deepEqual(run([{type: 'home'}, {type: 'backspace'}], s), {text: 'helXlo', cursor: 0});
});

test('delete at the end of the line removes the previous character', () => {
	assert.deepEqual(run([{type: 'delete'}], {text: 'abc', cursor: 3}), {text: 'ab', cursor: 2});
});

test('paste keeps one line and drops control characters', () => {
	const s = run([{type: 'insert', text: 'a\r\nb\tc\x1b[31m'}]);
	assert.equal(s.text, 'a b c[31m');
});

test('ctrl-w deletes a word; ctrl-u clears; emoji count as one position', () => {
	assert.deepEqual(run([{type: 'deleteWord'}], {text: 'region eu-west', cursor: 14}), {text: 'region ', cursor: 7});
	assert.deepEqual(run([{type: 'clear'}], {text: 'abc', cursor: 1}), {text: '', cursor: 0});
	assert.deepEqual(run([{type: 'insert', text: '👍a'}, {type: 'left'}, {type: 'backspace'}]), {text: 'a', cursor: 0});
});

test('keys map to editing actions', () => {
	assert.deepEqual(editActionFor({name: 'backspace', ctrl: false, meta: false, text: ''}), {type: 'backspace'});
	assert.deepEqual(editActionFor({name: 'x', ctrl: false, meta: false, text: 'x'}), {type: 'insert', text: 'x'});
	assert.deepEqual(editActionFor({name: 'u', ctrl: true, meta: false, text: ''}), {type: 'clear'});
	assert.equal(editActionFor({name: 'up', ctrl: false, meta: false, text: ''}), undefined);
});
