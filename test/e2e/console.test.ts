// The real binary in a real pseudo-terminal: keys in, screen out.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {distPath, nodeBinary, spawnShell, spawnTerminal} from '../helpers/terminal.js';

test('start, open help, filter the regions, select one, quit; the choice is remembered', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 110, rows: 32});
	try {
		// Key hints appear once input is live: the signal that the console is ready for keys.
		await app.waitForText('<?> help');
		assert.ok(app.isAltScreen(), 'runs in the alternate screen');
		assert.match(app.line(0), /smsdeck .*region us-east-1/);
		assert.match(app.screen(), /Regions \[34\]/);

		await app.press('?');
		await app.waitForText('Help — esc or ? closes');
		assert.match(app.screen(), /Switch the console to the selected Region/);
		await app.press('escape');
		await app.waitForText('Regions [34]');

		await app.press('/');
		await app.type('europe');
		await app.waitForText('Regions [9 of 34]');
		await app.press('enter');
		await app.waitForText('<?> help'); // the key hints are back: the filter bar has closed
		await app.press('j', 'j');
		await app.press('enter');
		await app.waitForText('Region set to eu-west-2');
		assert.match(app.line(0), /region eu-west-2/);

		await app.press('q');
		const exit = await app.waitForExitStatus();
		assert.equal(exit.exitCode, 0);
		assert.ok(!app.isAltScreen(), 'main screen restored');
		assert.ok(app.isCursorVisible(), 'cursor visible again');
		const prefs = JSON.parse(readFileSync(join(app.env.XDG_CONFIG_HOME, 'smsdeck', 'config.json'), 'utf8'));
		assert.equal(prefs.lastRegion, 'eu-west-2');
	} finally {
		app.dispose();
	}
});

test('the last Region is used on the next start', async () => {
	const first = spawnTerminal({args: ['--local'], cols: 100, rows: 30});
	try {
		await first.waitForText('<?> help');
		await first.press(':');
		await first.type('region ap-northeast-1');
		await first.press('enter');
		await first.waitForText('Region set to ap-northeast-1');
		await first.press('q');
		await first.exited;
		const second = spawnTerminal({args: ['--local'], cols: 100, rows: 30, env: {HOME: first.env.HOME, XDG_CONFIG_HOME: first.env.XDG_CONFIG_HOME}});
		try {
			await second.waitForText('Regions [34]');
			assert.match(second.line(0), /region ap-northeast-1/);
		} finally {
			second.dispose();
		}
	} finally {
		first.dispose();
	}
});

// Every signal whose default would end the console: the terminal comes back whole, and the exit status says which.
const ENDING_SIGNALS: [NodeJS.Signals, number][] = [
	['SIGTERM', 143],
	['SIGINT', 130],
	['SIGHUP', 129],
	['SIGQUIT', 131],
	['SIGALRM', 142],
	['SIGUSR1', 138],
	['SIGUSR2', 140],
];

test('every signal that ends the console restores the terminal: main screen, cursor, cooked mode', {timeout: 240_000}, async () => {
	const shell = spawnShell({cols: 100, rows: 30});
	try {
		for (const [signal, code] of ENDING_SIGNALS) {
			await shell.startApp(['--local']);
			await shell.waitFor(() => shell.isAltScreen() && shell.screen().includes('Regions [34]'), `the console, before ${signal}`);
			assert.ok(!shell.isCursorVisible(), 'the console hides the cursor');
			shell.killForeground(signal);
			assert.equal(await shell.waitForExit({timeoutMs: 15_000}), code, `exit status after ${signal}`);
			assert.ok(!shell.isAltScreen(), `back on the main screen after ${signal}`);
			assert.ok(shell.isCursorVisible(), `cursor visible after ${signal}`);
			const stty = await shell.stty();
			assert.ok(stty.icanon && stty.echo && stty.isig, `terminal sane after ${signal}:\n${stty.text}`);
		}
	} finally {
		shell.dispose();
	}
});

// V8's sampling profiler signals the process with SIGPROF: the terminal guard must leave it alone, or a profile of
// the console (node --cpu-prof, or the inspector) stops at the first frame.
test('the console can be profiled: node --cpu-prof keeps sampling while it draws', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-prof-'));
	const app = spawnTerminal({command: nodeBinary(), args: ['--cpu-prof', '--cpu-prof-dir', dir, distPath(), '--local'], cols: 100, rows: 30});
	try {
		await app.waitForText('<?> help');
		await app.press('q');
		assert.equal((await app.waitForExitStatus()).exitCode, 0);
	} finally {
		app.dispose();
	}
	const [file] = readdirSync(dir).filter(name => name.endsWith('.cpuprofile'));
	assert.ok(file, 'a profile was written');
	const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {nodes: {callFrame: {functionName: string}}[]};
	const names = new Set(profile.nodes.map(node => node.callFrame.functionName));
	assert.ok(names.has('calculateLayout'), 'the profile has samples from inside the first render (Ink lays out the frame)');
});

test('resizing redraws to the new size', async () => {
	const app = spawnTerminal({args: ['--local'], cols: 120, rows: 40});
	try {
		await app.waitForText('Regions [34]');
		app.resize(60, 16);
		await app.waitFor(() => app.lines().filter(l => l.trim()).length <= 15 && /RW\s*$/.test(app.line(0)), 'redraw at 60x16', {timeoutMs: 15_000});
		for (const line of app.lines()) assert.ok(line.length <= 60);
		assert.match(app.screen(), /<\?> help|<q> quit/);
	} finally {
		app.dispose();
	}
});

test('not a terminal: one line naming the subcommands, exit 2', async () => {
	const shell = spawnShell({cols: 200, rows: 20});
	try {
		let result = await shell.run('echo | smsdeck; echo "code=$?"');
		assert.match(result.output, /needs a terminal, but stdin is not a TTY; use a scriptable subcommand instead \(regions/);
		assert.match(result.output, /code=2/);
		assert.doesNotMatch(result.output, /at .*\.mjs:\d+/, 'no stack trace');
		result = await shell.run('smsdeck | cat; echo "code=${PIPESTATUS[0]}"');
		assert.match(result.output, /stdout is not a TTY/);
		assert.match(result.output, /code=2/);
		const stty = await shell.stty();
		assert.ok(stty.icanon && stty.echo, 'terminal left sane');
	} finally {
		shell.dispose();
	}
});
