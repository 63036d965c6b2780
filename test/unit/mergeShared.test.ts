import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sharedWithCommands} from '../../source/tools/mergeShared.mjs';

// The second build pass merges what the console's first frame shares with the commands: here the console entry
// (console.mjs) reaches ui.mjs, format.mjs and errors.mjs; a command (cmd.mjs) reaches format.mjs and, through it,
// errors.mjs; a screen (screen.mjs, a console entry) reaches ui.mjs. Only format.mjs and errors.mjs are merged.
const output = (imports: Array<[string, string]>, entryPoint?: string, exports: string[] = []) => ({
	imports: imports.map(([path, kind]) => ({path: `build/split/${path}`, kind})),
	exports,
	...(entryPoint ? {entryPoint} : {}),
});
const metafile = {
	outputs: {
		'build/split/main.mjs': output([['console.mjs', 'dynamic-import'], ['cmd.mjs', 'dynamic-import']], 'source/main.tsx'),
		'build/split/console.mjs': output([['ui.mjs', 'import-statement'], ['format.mjs', 'import-statement'], ['screen.mjs', 'dynamic-import']], 'source/console/runConsole.tsx', ['runConsole']),
		'build/split/screen.mjs': output([['ui.mjs', 'import-statement']], 'source/views/Screen.tsx'),
		'build/split/cmd.mjs': output([['format.mjs', 'import-statement'], ['sdk.mjs', 'dynamic-import']], 'source/commands/cmd.ts'),
		'build/split/ui.mjs': output([], undefined, ['a', 'b']),
		'build/split/format.mjs': output([['errors.mjs', 'import-statement']], undefined, ['c']),
		'build/split/errors.mjs': output([], undefined, ['d', 'e']),
		'build/split/sdk.mjs': output([['errors.mjs', 'import-statement']], 'node_modules/sdk/index.js'),
	},
};

test('the modules merged are those the console reaches before its first frame and a command reaches too', () => {
	const {shared, exports} = sharedWithCommands(metafile, 'source/console/runConsole.tsx', (entry: string) => /^source\/(console|views)\//.test(entry));
	assert.deepEqual([...shared].sort(), ['errors.mjs', 'format.mjs']);
	assert.deepEqual(exports, {'format.mjs': ['c'], 'errors.mjs': ['d', 'e']});
});

test('a build without the console entry is refused, not merged blindly', () => {
	assert.throws(() => sharedWithCommands(metafile, 'source/console/Missing.tsx', () => false), /no entry point/);
});
