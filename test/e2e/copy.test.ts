// Copy (`c`): the copy menu on lists and details, and what reaches the terminal — the raw OSC 52 bytes for a plain
// terminal and for GNU screen, tmux 3.3 with its default settings (a real tmux: its buffer and the OSC 52 it sends
// on to the terminal outside), and the text shown to select where the terminal cannot be told.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {distPath, nodeBinary, spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The text of one choice of the open copy menu ("2  ARN  arn:…"), read from the screen. */
function menuChoice(app: TerminalSession, label: string): string {
	const line = app.lines().find(l => new RegExp(`\\d  ${label} +\\S`).test(l));
	assert.ok(line, `the copy menu offers ${label}\n${app.screen()}`);
	return line.replace(new RegExp(`^.*\\d  ${label} +`), '').trim();
}

/** Presses the key of one choice of the open copy menu, as the menu numbers it (a Name tag adds a choice). */
async function choose(app: TerminalSession, label: string): Promise<void> {
	const line = app.lines().find(l => new RegExp(`\\d  ${label} +\\S`).test(l));
	assert.ok(line, `the copy menu offers ${label}\n${app.screen()}`);
	await app.press(new RegExp(`(\\d)  ${label} +\\S`).exec(line)![1]);
}

/** Opens the pools list and the copy menu on its first row; returns the pool's ARN as the menu shows it. */
async function openPoolCopyMenu(app: TerminalSession): Promise<string> {
	await app.waitForText('<?> help');
	await command(app, 'pools');
	// The first row is there with its Name tag (c on a list still loading has less to offer).
	await app.waitForText(/pool-\w+\S* +transactional-us +ACTIVE/);
	await app.press('c');
	await app.waitForText('Copy from');
	await app.waitForText(/\d  ARN +arn:aws:sms-voice:us-east-1:\d+:pool\/pool-\w+/);
	return menuChoice(app, 'ARN');
}

test('copy menu on a plain terminal: c lists id, ARN and aws command; the choice is written as a plain OSC 52', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		const arn = await openPoolCopyMenu(app);
		await app.waitForText(/\d  Id +pool-\w+/);
		await app.waitForText(/\d  aws command +aws pinpoint-sms-voice-v2 describe-pools --pool-ids pool-\w+/);
		await choose(app, 'ARN');
		await app.waitForText(`Copied ARN: ${arn}`);
		await app.waitForOutput(`\x1b]52;c;${b64(arn)}\x07`);
		assert.doesNotMatch(app.output(), /\x1bPtmux;/, 'no tmux wrapper outside tmux');
		// The list is back where it was.
		await app.waitForText(/Pools \[\d+\]/);

		// Details too: a phone number offers its number, id, ARN and the aws command, which is copied whole.
		await command(app, 'numbers');
		await app.waitForText(/\+12065550100 +SIMULATOR/);
		await app.press('enter');
		await app.waitForText(/Phone number \+\d+/);
		await app.press('c');
		await app.waitForText(/\d  Number +\+\d+/);
		await app.waitForText(/\d  ARN +arn:aws:sms-voice:us-east-1:\d+:phone-number\/phone-\w+/);
		await choose(app, 'aws command');
		await app.waitForText('Copied aws command: aws pinpoint-sms-voice-v2 describe-phone-numbers');
		const copied = /\x1b\]52;c;([A-Za-z0-9+/=]+)\x07(?![\s\S]*\x1b\]52;c;)/.exec(app.output());
		assert.ok(copied, 'an OSC 52 for the aws command');
		assert.match(Buffer.from(copied[1], 'base64').toString('utf8'), /^aws pinpoint-sms-voice-v2 describe-phone-numbers --phone-number-ids phone-\w+ --region us-east-1 --endpoint-url http:\/\/127\.0\.0\.1:\d+$/);
	} finally {
		app.dispose();
	}
});

test('copy under GNU screen: the OSC 52 goes out in DCS passthrough chunks that screen forwards', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40, env: {STY: '4242.pts-0.host', TERM: 'screen-256color'}});
	try {
		const arn = await openPoolCopyMenu(app);
		await choose(app, 'ARN');
		await app.waitForText(`Copied ARN: ${arn}`);
		await app.waitForOutput(/\x1bP\x1b\]52;c;/);
		const start = app.output().indexOf('\x1bP\x1b]52;c;');
		const tail = app.output().slice(start);
		const chunks = [...tail.matchAll(/\x1bP([^\x1b]*(?:\x1b\][^\x1b]*)?)\x1b\\/g)].map(m => m[1]);
		const joined = chunks.join('');
		const end = joined.indexOf('\x07');
		assert.ok(chunks.length >= 2, `a long sequence is cut into several DCS (got ${chunks.length})`);
		assert.ok(chunks.every(c => c.length <= 76), 'no chunk longer than screen takes');
		assert.equal(joined.slice(0, end + 1), `\x1b]52;c;${b64(arn)}\x07`);
	} finally {
		app.dispose();
	}
});

test('a terminal that cannot be told (Apple Terminal) shows the chosen text to select, and writes no OSC 52', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 30, env: {TERM_PROGRAM: 'Apple_Terminal'}});
	try {
		const arn = await openPoolCopyMenu(app);
		await choose(app, 'ARN');
		await app.waitForText('cannot be told to copy');
		await app.waitForText(arn);
		await app.waitForText('select the text with the mouse');
		assert.doesNotMatch(app.output(), /\]52;/);
		await app.press('escape');
		await app.waitForText(/Pools \[\d+\]/);
	} finally {
		app.dispose();
	}
});

test('inside a real tmux with its default settings: the copy lands in a tmux buffer and tmux sends OSC 52 on', async t => {
	try {
		execFileSync('tmux', ['-V']);
	} catch {
		t.skip('tmux is not installed');
		return;
	}
	const socket = `smsdeck-copy-${process.pid}`;
	// The PTY is the terminal outside tmux: tmux draws into it and forwards the clipboard to it.
	const app = spawnTerminal({
		command: 'tmux',
		args: ['-L', socket, '-f', '/dev/null', 'new-session', '-x', '140', '-y', '40', `${nodeBinary()} ${distPath()} --local`],
		cols: 140,
		rows: 40,
	});
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {env: app.env, encoding: 'utf8'});
	try {
		const arn = await openPoolCopyMenu(app);
		assert.equal(tmux('show-options', '-gv', 'set-clipboard').trim(), 'external', 'tmux runs with its default set-clipboard');
		assert.equal(tmux('show-options', '-gv', 'allow-passthrough').trim(), 'off', 'and its default allow-passthrough');
		await choose(app, 'ARN');
		await app.waitForText(`Copied ARN: ${arn}`);
		assert.equal(tmux('show-buffer'), arn);
		// tmux told the terminal outside it (the PTY) with its own OSC 52 (tmux leaves the selection empty).
		await app.waitForOutput(`\x1b]52;;${b64(arn)}\x07`);
	} finally {
		try {
			tmux('kill-server');
		} catch {
			// already gone
		}
		app.dispose();
	}
});
