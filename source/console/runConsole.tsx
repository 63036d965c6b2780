// Starts the interactive console: preferences, theme, keymap, the alternate screen, and the guards that restore
// the terminal on every exit path.
import React from 'react';
import {render} from 'ink';
import {App} from './App.js';
import {ThemeProvider} from '../theme/ThemeContext.js';
import {asciiOutput, createTheme} from '../theme/theme.js';
import {buildKeymap} from '../input/keymap.js';
import {openPreferencesLazily, readOnlyPolicyFromFile} from '../config/prefs.js';
import {blankOnLeave, guardTerminal} from '../app/terminal.js';
import type {CommandIO, GlobalOptions} from '../commands/types.js';
import {startLocalEmulator, type LocalEmulator} from '../commands/connect.js';
import {endpointScopeWarning, resolve, type Resolution} from '../services/resolver.js';
import {callTimeouts} from '../services/timeouts.js';



export async function runConsole(globals: GlobalOptions, io: CommandIO): Promise<number> {
	const stdin = process.stdin;
	const stdout = process.stdout;
	if (!stdin.isTTY || !stdout.isTTY) {
		const which = !stdin.isTTY && !stdout.isTTY ? 'stdin and stdout are' : !stdin.isTTY ? 'stdin is' : 'stdout is';
		const {commandNames} = await import('../commands/commandTree.js');
		io.stderr.write(
			`smsdeck: the console needs a terminal, but ${which} not a TTY; use a scriptable subcommand instead (${commandNames().join(', ')}; see smsdeck --help), or ssh -t\n`,
		);
		return 2;
	}
	const env = io.env;
	const prefs = openPreferencesLazily(env);
	const stored = prefs.get();
	const warnings: string[] = [];
	if (prefs.problem) warnings.push(prefs.problem);
	// Who and where, as for every subcommand; the console may also start in the Region used last. A profile
	// remembered from last time is offered, never used unasked.
	const resolveConsole = (profile: string | undefined, region: string | undefined, localUrl?: string, lastRegion = stored.lastRegion, profileLabel?: string) => {
		const readOnly = readOnlyPolicyFromFile(env);
		return resolve({
			profile,
			profileLabel,
			region,
			endpointUrl: globals.endpointUrl,
			localUrl,
			readOnlyFlag: globals.readOnly,
			readOnly,
			env,
			console: {lastRegion},
		});
	};
	// Bad configuration is one line before the screen changes (the emulator's URL is only a placeholder here).
	let resolution: Resolution = await resolveConsole(globals.profile, globals.region, globals.local ? 'http://127.0.0.1:0' : undefined);
	const {keymap, problems} = buildKeymap(stored.keys);
	warnings.push(...problems);
	const theme = createTheme({noColor: globals.noColor || stored.theme === 'mono', ascii: globals.ascii, env});

	let emulator: LocalEmulator | undefined;
	if (globals.local) {
		emulator = await startLocalEmulator();
		resolution = await resolveConsole(globals.profile, globals.region, emulator.url);
	}
	warnings.push(...resolution.warnings);
	const scope = endpointScopeWarning(resolution, ['sts', 'logs']);
	if (scope) warnings.push(scope);
	const policyProblem = readOnlyPolicyFromFile(env).problem;
	if (policyProblem) warnings.push(policyProblem);
	const last = stored.lastProfile;
	if (!globals.local && last && resolution.profile.source === 'default' && last !== 'default') {
		warnings.push(`last session used profile ${last}: :profile ${last} to switch to it`);
	}

	let unmount = () => {};
	// ASCII mode covers every glyph, every sentence and every wire text the console writes.
	const plainOutput = theme.ascii ? asciiOutput(stdout) : () => {};
	const unguard = guardTerminal(() => unmount());
	const instance = render(
		<ThemeProvider theme={theme}>
			<App
				keymap={keymap}
				prefs={prefs}
				warnings={warnings}
				initial={{...resolution.connection, profile: globals.local ? 'local' : resolution.connection.profile, readOnly: resolution.readOnly.value}}
				resolution={resolution}
				resolveProfile={(profile, region, current) => resolveConsole(profile, region, emulator?.url, current, ':profile')}
				timeouts={callTimeouts(globals.timeoutMs)}
			/>
		</ThemeProvider>,
		{
			exitOnCtrlC: false,
			alternateScreen: true,
			stdout: blankOnLeave(stdout),
			interactive: true,
			incrementalRendering: true,
			maxFps: 30,
			patchConsole: true,
		},
	);
	unmount = () => instance.unmount();
	try {
		await instance.waitUntilExit();
	} finally {
		unguard();
		plainOutput();
		await prefs.flush?.();
		await emulator?.close();
	}
	return 0;
}
