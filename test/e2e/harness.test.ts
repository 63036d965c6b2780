// Tests of the e2e harness itself, against a stand-in program (test/fixtures/standin.mjs) that follows the
// console's screen contract. If these fail, the e2e tests of the real console cannot be trusted.
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, it} from 'node:test';
import {
	encodeKey,
	nodeBinary,
	screenshotSvg,
	screenshotText,
	spawnShell,
	spawnTerminal,
	type SpawnOptions,
	type TerminalSession,
} from '../helpers/terminal.js';

const standin = fileURLToPath(new URL('../fixtures/standin.mjs', import.meta.url));
const sessions: TerminalSession[] = [];

function start(opts: Omit<SpawnOptions, 'command'> = {}): TerminalSession {
	const session = spawnTerminal({...opts, command: nodeBinary(), args: [standin, ...(opts.args ?? [])]});
	sessions.push(session);
	return session;
}

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

describe('spawnTerminal', () => {
	it('detects entering and leaving the alternate screen, and the cursor being hidden and shown again', async () => {
		const app = start();
		await app.waitForText('Regions');
		assert.equal(app.isAltScreen(), true);
		assert.equal(app.isCursorVisible(), false);
		assert.match(app.line(0), /^smsdeck \(stand-in\)/u);
		await app.press('q');
		assert.deepEqual(await app.exited, {exitCode: 0});
		assert.equal(app.isAltScreen(), false);
		assert.equal(app.isCursorVisible(), true);
		assert.ok(app.output().includes('\x1b[?1049h'));
		assert.ok(app.output().endsWith('\x1b[?25h\x1b[?1049l'), JSON.stringify(app.output().slice(-40)));
		assert.doesNotMatch(app.screen(), /Regions/u, 'the main screen does not show the alternate screen content');
	});

	it('notices a program that quits without leaving the alternate screen', async () => {
		const app = start({env: {STANDIN_NO_RESTORE: '1'}});
		await app.waitForText('Regions');
		await app.press('q');
		await app.exited;
		assert.equal(app.isAltScreen(), true);
		assert.equal(app.isCursorVisible(), false);
		assert.equal(app.output().includes('\x1b[?1049l'), false);
	});

	it('gives the program an isolated environment', async () => {
		const app = start();
		await app.waitForText('Regions');
		assert.equal(app.env.TERM, 'xterm-256color');
		assert.equal(app.env.LANG, 'C.UTF-8');
		assert.ok(app.env.HOME.startsWith(app.tempDir));
		assert.ok(app.env.XDG_CONFIG_HOME.startsWith(app.env.HOME));
		assert.ok(app.env.AWS_CONFIG_FILE.startsWith(app.tempDir));
		assert.ok(app.env.AWS_SHARED_CREDENTIALS_FILE.startsWith(app.tempDir));
		assert.equal(app.env.NODE_TEST_CONTEXT, undefined, 'the test runner environment does not leak in');
	});

	it('waitForText rejects on timeout with the current screen in the message', async () => {
		const app = start();
		await app.waitForText('Regions');
		const t0 = Date.now();
		await assert.rejects(app.waitForText('No such text', {timeoutMs: 300}), (error: Error) => {
			assert.match(error.message, /waitForText\("No such text"\) timed out after 300 ms/u);
			assert.match(error.message, /│smsdeck \(stand-in\)/u);
			assert.match(error.message, /│ Regions \(4\)/u);
			assert.match(error.message, /alternate buffer/u);
			return true;
		});
		assert.ok(Date.now() - t0 < 1000);
		await assert.rejects(app.waitForNoText(/Regions/u, {timeoutMs: 200}), /waitForNoText\(\/Regions\/u\) timed out/u);
	});

	it('waitForText fails fast once the process has exited', async () => {
		const app = start();
		await app.waitForText('Regions');
		await app.press('q');
		const t0 = Date.now();
		// Text that never shows: the wait must end when the process does, not at its timeout. (Waiting for
		// 'Regions' here raced the exit: the last frame could still be on screen when the wait began.)
		await assert.rejects(app.waitForText('never on screen', {timeoutMs: 5000}), /the process exited first[\s\S]*exited \(code 0\)/u);
		assert.ok(Date.now() - t0 < 2000);
	});

	it('sends each named key as the bytes a terminal sends, one read per key', async () => {
		const app = start();
		await app.waitForText('Regions');
		const expected: [string, string][] = [
			['enter', '\r'],
			['escape', '\x1b'],
			['up', '\x1b[A'],
			['down', '\x1b[B'],
			['right', '\x1b[C'],
			['left', '\x1b[D'],
			['pageup', '\x1b[5~'],
			['pagedown', '\x1b[6~'],
			['home', '\x1b[H'],
			['end', '\x1b[F'],
			['backspace', '\x7f'],
			['delete', '\x1b[3~'],
			['tab', '\t'],
			['shift+tab', '\x1b[Z'],
			['space', ' '],
			['x', 'x'],
			['ctrl+d', '\x04'],
		];
		let count = 0;
		for (const [key, bytes] of expected) {
			await app.press(key);
			count += 1;
			await app.waitForText(`keys=${count} last=${JSON.stringify(bytes).replace(/\x7f/gu, '\\u007f')}`, {timeoutMs: 10_000});
		}
		await app.press('a', 'b', 'c');
		await app.waitForText(`keys=${count + 3} last="c"`);
		await app.type('héllo');
		await app.waitForText(`keys=${count + 8} last="o"`);
		await app.press('ctrl+c');
		assert.equal((await app.exited).exitCode, 0);
	});

	it('encodes keys for application cursor mode and modifiers', () => {
		assert.equal(encodeKey('up', true), '\x1bOA');
		assert.equal(encodeKey('Up'), '\x1b[A');
		assert.equal(encodeKey('ctrl+a'), '\x01');
		assert.equal(encodeKey('ctrl+C'), '\x03');
		assert.equal(encodeKey('alt+x'), '\x1bx');
		assert.equal(encodeKey('q'), 'q');
		assert.equal(encodeKey(':region'), ':region');
	});

	it('drives overlays and bars: ? help, / filter, : command', async () => {
		const app = start();
		await app.waitForText('Regions');
		await app.press('?');
		await app.waitForText('Help');
		await app.press('escape');
		await app.waitForNoText('Help');
		await app.press('/');
		await app.type('east');
		await app.waitForText(/^\/east$/mu);
		await app.press('backspace');
		await app.waitForText(/^\/eas$/mu);
		await app.press('escape', ':');
		await app.type('pools');
		await app.waitForText(/^:pools$/mu);
		assert.equal(app.cursorRow(), app.rows - 1);
	});

	it('resizes the terminal and the program sees the new size', async () => {
		const app = start({cols: 80, rows: 24});
		await app.waitForText('size: 80x24');
		app.resize(100, 30);
		await app.waitForText('size: 100x30');
		assert.equal(app.rows, 30);
		assert.equal(app.cols, 100);
		assert.match(app.line(29), /^keys=0/u);
	});

	it('kill() sends SIGTERM and the program restores the terminal', async () => {
		const app = start();
		await app.waitForText('Regions');
		app.kill('SIGTERM');
		assert.equal((await app.exited).exitCode, 143);
		assert.equal(app.isAltScreen(), false);
	});

	it('terminate() escalates to SIGKILL when SIGTERM is ignored', async () => {
		const app = start({env: {STANDIN_IGNORE_TERM: '1'}});
		await app.waitForText('Regions');
		const status = await app.terminate(300);
		assert.equal(status.signal, 9);
	});
});

describe('spawnShell', () => {
	it('runs the app as a job; after SIGTERM the shell gets a sane terminal back', async () => {
		const shell = spawnShell({app: {command: nodeBinary(), args: [standin]}});
		sessions.push(shell);
		await shell.startApp();
		await shell.waitForText('Regions');
		assert.equal(shell.isAltScreen(), true);
		const pid = await shell.waitForForeground();
		assert.notEqual(pid, shell.pid);
		shell.killForeground('SIGTERM');
		assert.equal(await shell.waitForExit(), 143);
		await shell.waitFor(() => !shell.isAltScreen(), 'back on the main screen');
		assert.equal(shell.isCursorVisible(), true);
		const tty = await shell.stty();
		assert.equal(tty.icanon, true);
		assert.equal(tty.echo, true);
		assert.equal(tty.isig, true);
	});

	it('stty() sees a terminal left in raw mode', async () => {
		const shell = spawnShell({app: {command: nodeBinary(), args: [standin]}});
		sessions.push(shell);
		assert.equal((await shell.run('stty raw -echo')).exitCode, 0);
		const tty = await shell.stty();
		assert.equal(tty.icanon, false);
		assert.equal(tty.echo, false);
		const {output, exitCode} = await shell.run('echo one; false');
		assert.equal(exitCode, 1);
		assert.equal(output.trim(), 'one');
	});
});

describe('screenshots', () => {
	it('renders every cell with its colours and attributes to SVG', async () => {
		const app = start();
		await app.waitForText('東京');
		const svg = screenshotSvg(app, {title: 'smsdeck — stand-in'});
		assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
		assert.match(svg, /<\/svg>\n$/u);
		assert.match(svg, />smsdeck — stand-in</u, 'title');
		const text = (fill: string, content: string) =>
			new RegExp(`<text [^>]*fill="${fill}"[^>]*>${content}</text>`, 'u');
		assert.match(svg, text('#cd3131', 'us-east-1'), '16-colour red');
		assert.match(svg, text('#ff0000', 'eu-west-1'), '256-colour 196');
		assert.match(svg, text('#123456', 'ap-south-1'), 'truecolour foreground');
		assert.match(svg, /<rect [^>]*width="[\d.]+" height="[\d.]+" fill="#c8c800"\/>/u, 'truecolour background');
		assert.match(svg, text('#d4d4d4" class="b', 'bold'));
		assert.match(svg, text('#d4d4d4" class="d', 'dim'));
		assert.match(svg, /fill="#d4d4d4" text-decoration="underline"[^>]*>underline</u);
		assert.match(svg, text('#1e1e1e', 'inverse'), 'inverse swaps default colours');
		assert.match(svg, text('#23d18b', 'bright'), 'bright green (SGR 92)');
		assert.match(svg, />東</u);
		assert.match(svg, />&lt;&amp;&gt;</u, 'XML escaped');
		const shot = screenshotText(app, {title: 'stand-in'});
		assert.match(shot, /^stand-in — 80x24, alternate screen\n┌─+┐\n│smsdeck \(stand-in\)/u);
	});
});
