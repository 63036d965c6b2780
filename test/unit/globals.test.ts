import {test} from 'node:test';
import assert from 'node:assert/strict';
import {consoleGlobals} from '../../source/commands/globals.js';
import {parseCommandLine} from '../../source/commands/commandTree.js';

// The console's short way through a line of global options must read it exactly as the command tree does, and
// leave every other line to the tree.
function tree(argv: string[]): unknown {
	try {
		const line = parseCommandLine(argv);
		return line.kind === 'console' ? {console: line.globals} : {other: line.kind};
	} catch (error) {
		return {error: (error as Error).message};
	}
}
function short(argv: string[]): unknown {
	try {
		const globals = consoleGlobals(argv);
		return globals ? {console: globals} : undefined;
	} catch (error) {
		return {error: (error as Error).message};
	}
}

test('a line of global options reads the same with or without the command tree', () => {
	const lines = [
		[],
		['--local'],
		['--profile', 'prod'],
		['--profile=prod', '--region', 'eu-west-2'],
		['--endpoint-url', 'http://127.0.0.1:9'],
		['--endpoint-url=http://localhost:4566/a=b'],
		['--read-only', '--no-color', '--ascii', '--json'],
		['--timeout', '30s'],
		['--timeout=2m', '--local', '--region', 'us-east-1'],
		['--timeout', '0'],
		['--timeout', 'soon'],
		['--local', '--endpoint-url', 'http://x'],
		['--endpoint-url', 'ftp://x'],
	];
	for (const argv of lines) {
		const fast = short(argv);
		assert.notEqual(fast, undefined, `taken by the short way: ${argv.join(' ')}`);
		assert.deepEqual(fast, tree(argv), argv.join(' '));
	}
});

test('any other line is left to the command tree', () => {
	const lines = [
		['regions'],
		['--profile', 'prod', 'pools'],
		['--help'],
		['-h'],
		['--version'],
		['-v'],
		['--profile'],
		['--profile', '--local'],
		['--profile='],
		['--local', '--local'],
		['--local=yes'],
		['--bogus'],
		['--regoin', 'eu-west-2'],
		['--', '--local'],
	];
	for (const argv of lines) assert.equal(short(argv), undefined, argv.join(' '));
});
