import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {clipboardRoute, copyToClipboard, osc52, screenPassthrough, SCREEN_CHUNK} from '../../source/app/clipboard.js';

test('route: tmux and screen by their variables, known terminals OSC 52, the rest shown; the preference wins', () => {
	assert.equal(clipboardRoute({TMUX: '/tmp/tmux-1/default,1,0', TERM: 'tmux-256color'}), 'tmux');
	assert.equal(clipboardRoute({STY: '1.pts-0.host', TERM: 'screen'}), 'screen');
	assert.equal(clipboardRoute({TERM: 'xterm-256color'}), 'osc52');
	assert.equal(clipboardRoute({TERM: 'xterm-kitty'}), 'osc52');
	assert.equal(clipboardRoute({TERM: 'xterm-256color', TERM_PROGRAM: 'Apple_Terminal'}), 'show');
	assert.equal(clipboardRoute({TERM: 'linux'}), 'show');
	assert.equal(clipboardRoute({TERM: 'dumb'}), 'show');
	assert.equal(clipboardRoute({}), 'show');
	assert.equal(clipboardRoute({TERM: 'linux'}, 'osc52'), 'osc52');
	assert.equal(clipboardRoute({TERM: 'xterm-256color'}, 'show'), 'show');
});

test('screen: every chunk is a DCS of at most SCREEN_CHUNK characters, and together they are the OSC 52', () => {
	const text = 'aws pinpoint-sms-voice-v2 describe-pools --pool-ids ' + 'pool-x'.repeat(40);
	const out = screenPassthrough(text);
	const chunks = [...out.matchAll(/\x1bP([\s\S]*?)\x1b\\/g)].map(m => m[1]);
	assert.ok(chunks.length > 3);
	assert.ok(chunks.every(c => c.length <= SCREEN_CHUNK));
	assert.equal(chunks.join(''), osc52(text));
	assert.equal(chunks.map(c => `\x1bP${c}\x1b\\`).join(''), out, 'nothing outside the DCS wrappers');
});

test('tmux: load-buffer -w first; without -w (tmux < 3.2) a buffer plus the passthrough; no tmux at all: show', () => {
	const calls: string[][] = [];
	const out = new PassThrough();
	let written = '';
	out.on('data', d => (written += d));
	const env = {TMUX: '/tmp/tmux-1/default,1,0'};
	assert.equal(copyToClipboard('x', {out, env, tmux: args => (calls.push(args), true)}), 'sent');
	assert.deepEqual(calls, [['load-buffer', '-w', '-']]);
	assert.equal(written, '');
	calls.length = 0;
	assert.equal(copyToClipboard('x', {out, env, tmux: args => (calls.push(args), !args.includes('-w'))}), 'sent');
	assert.deepEqual(calls, [['load-buffer', '-w', '-'], ['load-buffer', '-']]);
	assert.match(written, /^\x1bPtmux;\x1b\x1b\]52;c;eA==\x07\x1b\\$/);
	assert.equal(copyToClipboard('x', {out, env, tmux: () => false}), 'show');
});
