import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseGlobalArgs} from '../../source/commands/globalArgs.js';

test('global options may stand before or after the subcommand', () => {
	const a = parseGlobalArgs(['--region', 'eu-west-2', 'regions', '--json']);
	assert.equal(a.subcommand, 'regions');
	assert.equal(a.globals.region, 'eu-west-2');
	assert.equal(a.globals.json, true);
	const b = parseGlobalArgs(['emulator', '--port', '4566', '--profile=ops']);
	assert.deepEqual(b.rest, ['--port', '4566']);
	assert.equal(b.globals.profile, 'ops');
});

test('bad input is a usage error with a clear message', () => {
	assert.throws(() => parseGlobalArgs(['--bogus']), /unknown option '--bogus'/);
	assert.throws(() => parseGlobalArgs(['--region']), /needs a value/);
	assert.throws(() => parseGlobalArgs(['--region', '--local']), /needs a value/);
	assert.throws(() => parseGlobalArgs(['--local=yes']), /takes no value/);
	assert.throws(() => parseGlobalArgs(['--endpoint-url', 'ftp://x']), /not an http/);
	assert.throws(() => parseGlobalArgs(['--local', '--endpoint-url', 'http://127.0.0.1:1']), /cannot be used together/);
});

test('help and version flags', () => {
	assert.equal(parseGlobalArgs(['-h']).help, true);
	assert.equal(parseGlobalArgs(['--version']).version, true);
	assert.equal(parseGlobalArgs([]).subcommand, undefined);
});

test('--timeout takes a duration anywhere on the line; nonsense and zero are refused in one line', () => {
	assert.equal(parseGlobalArgs(['numbers', '--timeout', '90s']).globals.timeoutMs, 90_000);
	assert.equal(parseGlobalArgs(['--timeout=2m', 'simulate']).globals.timeoutMs, 120_000);
	assert.equal(parseGlobalArgs(['tail', 'x', '--timeout', '45']).globals.timeoutMs, 45_000, 'a bare number is seconds');
	assert.equal(parseGlobalArgs(['numbers']).globals.timeoutMs, undefined);
	assert.throws(() => parseGlobalArgs(['numbers', '--timeout', 'soon']), /^UsageError: --timeout: "soon" is not a duration; use 30s, 5m, 1h, 2d, 1w or 1h30m$/m);
	assert.throws(() => parseGlobalArgs(['numbers', '--timeout', '0s']), /--timeout: give a duration longer than 0/);
	assert.throws(() => parseGlobalArgs(['numbers', '--timeout']), /option --timeout needs a value/);
});
