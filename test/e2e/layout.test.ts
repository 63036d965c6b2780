// Layout hygiene (issue 13) in a real pseudo-terminal against the built-in emulator: details use the width and
// cut no value, a detail too long for the terminal scrolls and says so, money is never cut mid-number, and
// after a live resize quitting leaves nothing of the console behind.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import xterm from '@xterm/headless';
import {distPath, nodeBinary, spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command, filter} from '../helpers/consoleSteps.js';

/** The emulator's endpoint as the header shows it. */
const endpointOf = (app: TerminalSession) => /endpoint local (http:\/\/127\.0\.0\.1:\d+)/.exec(app.line(0))?.[1];

test('140×40: a number detail shows whole ids, message type and the complete aws command; the list shows $995.00', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 140, rows: 40});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText('Phone numbers [9]');
		await app.waitForText(/22395 .*\$995\.00 /);
		assert.doesNotMatch(app.screen(), /\$\d+\.?…/, 'no price is cut');
		await filter(app, '22395');
		await app.waitForText('Phone numbers [1 of 9]');
		await app.press('enter');
		await app.waitForText('Phone number 22395');
		await app.waitForText(/Id +phone-[0-9a-f]{32}\b/);
		await app.waitForText(/Message type +PROMOTIONAL\b/);
		await app.waitForText(/Pool +marketing-us \(pool-[0-9a-f]{32}\)/);
		assert.match(app.screen(), /Opt-out list +marketing-optouts\b/);
		// The command is all there, over as many lines as it needs.
		const endpoint = endpointOf(app);
		assert.ok(endpoint, 'the header names the endpoint');
		await app.waitForText('$ aws pinpoint-sms-voice-v2 describe-phone-numbers --phone-number-ids phone-');
		const cli = app.lines().filter(l => /^ +(\$ aws|--)/.test(l)).map(l => l.trim()).join(' ');
		assert.match(cli, new RegExp(`--region us-east-1 --endpoint-url ${endpoint!.replace(/\./g, '\\.')}$`));
		// The pool's keywords are read after the number: "Loading…" is no value cut short.
		await app.waitForText(/Keywords \[4\]/);
		assert.deepEqual(app.lines().filter(l => /…/.test(l.replace(/[Ll]oading…/g, ''))), [], 'nothing on the detail is cut');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('80×24: the number detail drops nothing — it scrolls with ctrl-d and says what is below; the keywords stay', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 80, rows: 24});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText('Phone numbers [9]');
		assert.doesNotMatch(app.screen(), /\$\d+\.?…/, 'no price is cut');
		await filter(app, '22395');
		await app.waitForText('Phone numbers [1 of 9]');
		await app.press('enter');
		await app.waitForText('Phone number 22395');
		await app.waitForText(/Message type +PROMOTIONAL/);
		await app.waitForText(/more below \(ctrl-d\)/);
		// The keywords keep their title and header on screen.
		await app.waitForText(/^ Keywords/m);
		assert.match(app.screen(), /KEYWORD +ACTION/);
		assert.doesNotMatch(app.screen(), /Registration/);
		await app.press('ctrl+d');
		await app.waitForText(/Registration +–/);
		await app.waitForText(/more above \(ctrl-u\)/);
		assert.match(app.screen(), /KEYWORD +ACTION/);
		// Scrolled to the end: the ARN in full, wrapped rather than cut.
		while (/more below/.test(app.screen())) {
			const before = app.screen();
			await app.press('ctrl+d');
			await app.waitFor(() => app.screen() !== before, 'the pane to scroll');
		}
		const arn = app
			.lines()
			.slice(2, 18)
			.filter(l => /^ (ARN +| {10,})\S/.test(l) && !/KEYWORD|Keywords/.test(l))
			.map(l => l.replace(/^ ARN +/, '').trim())
			.join('');
		assert.match(arn, /arn:aws:sms-voice:us-east-1:123456789012:phone-number\/phone-[0-9a-f]{32}/);
		await app.press('ctrl+u');
		await app.waitForText(/more below \(ctrl-d\)/);
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
});

test('after a live resize, quitting leaves nothing of the console: the alternate screen is blank when it is left', async () => {
	// A shell screen full of lines, then the console; the window grows while it runs (tmux then copied rows of
	// the alternate screen back onto the shell's screen when the console left it).
	const app = spawnTerminal({command: '/bin/bash', args: ['-c', `seq 1 60; exec "${nodeBinary()}" "${distPath()}" --local`], cols: 100, rows: 30});
	try {
		await app.waitForText('<?> help');
		await command(app, 'numbers');
		await app.waitForText('Phone numbers [9]');
		app.resize(140, 40);
		await app.waitFor(() => app.line(0).length > 100, 'the frame redrawn at 140 columns');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
		assert.equal(app.isAltScreen(), false);
		assert.doesNotMatch(app.screen(), /smsdeck|Phone numbers|Regions|SIMULATOR/);
		assert.match(app.screen(), /^60$/m);
		// What the alternate screen showed at the moment it was left: a terminal that copies rows of it back copies blanks.
		const out = app.output();
		const left = out.lastIndexOf('\x1b[?1049l');
		assert.ok(left > 0, 'the console left the alternate screen');
		const replay = new xterm.Terminal({cols: 140, rows: 40, allowProposedApi: true, logLevel: 'off'});
		await new Promise<void>(resolve => replay.write(out.slice(0, left), resolve));
		assert.equal(replay.buffer.active.type, 'alternate');
		const rows: string[] = [];
		for (let y = 0; y < replay.rows; y++) rows.push(replay.buffer.active.getLine(replay.buffer.active.viewportY + y)?.translateToString(true) ?? '');
		assert.equal(rows.join('').trim(), '', `the alternate screen still showed:\n${rows.filter(Boolean).join('\n')}`);
		replay.dispose();
	} finally {
		app.dispose();
	}
});
