// Starts the interactive console: preferences, theme, keymap, the alternate screen, and the guards that restore
// the terminal on every exit path.
import React from 'react';
import {SUBCOMMANDS} from '../commands/registry.js';
import {render} from 'ink';
import {App} from './App.js';
import {ThemeProvider} from '../theme/ThemeContext.js';
import {createTheme} from '../theme/theme.js';
import {buildKeymap} from '../input/keymap.js';
import {openPreferencesLazily, profileMatches} from '../config/prefs.js';
import {guardTerminal} from './terminal.js';
import type {CommandIO, GlobalOptions} from '../commands/types.js';
import {resolveSettings, startLocalEmulator, type LocalEmulator} from '../commands/connect.js';

export const SCRIPTABLE = Object.keys(SUBCOMMANDS).join(', ');


export async function runConsole(globals: GlobalOptions, io: CommandIO): Promise<number> {
	const stdin = process.stdin;
	const stdout = process.stdout;
	if (!stdin.isTTY || !stdout.isTTY) {
		const which = !stdin.isTTY && !stdout.isTTY ? 'stdin and stdout are' : !stdin.isTTY ? 'stdin is' : 'stdout is';
		io.stderr.write(
			`smsdeck: the console needs a terminal, but ${which} not a TTY; use a scriptable subcommand instead (${SCRIPTABLE}; see smsdeck --help), or ssh -t\n`,
		);
		return 2;
	}
	const env = io.env;
	const prefs = openPreferencesLazily(env);
	const stored = prefs.get();
	const warnings: string[] = [];
	if (prefs.problem) warnings.push(prefs.problem);
	const {region, profile} = resolveSettings(globals, env, stored);
	const readOnly = globals.readOnly || stored.readOnlyProfiles.some(p => profileMatches(p, profile ?? 'default'));
	const {keymap, problems} = buildKeymap(stored.keys);
	warnings.push(...problems);
	const theme = createTheme({noColor: globals.noColor || stored.theme === 'mono', ascii: globals.ascii, env});

	let endpoint = globals.endpointUrl;
	let emulator: LocalEmulator | undefined;
	if (globals.local) {
		emulator = await startLocalEmulator();
		endpoint = emulator.url;
	}

	let unmount = () => {};
	const unguard = guardTerminal(() => unmount());
	const instance = render(
		<ThemeProvider theme={theme}>
			<App
				keymap={keymap}
				prefs={prefs}
				warnings={warnings}
				initial={{region, profile: globals.local ? 'local' : profile, endpoint, local: globals.local, readOnly}}
			/>
		</ThemeProvider>,
		{
			exitOnCtrlC: false,
			alternateScreen: true,
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
		await emulator?.close();
	}
	return 0;
}
