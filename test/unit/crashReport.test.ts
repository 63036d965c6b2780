// The crash file: in a folder only its owner can enter, under a name nobody can guess in advance, created without
// following links. Links planted in the temp folder under the names an attacker could guess catch nothing.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {writeCrashReport} from '../../source/app/terminal.js';

let base: string;
let victim: string;
before(() => {
	base = mkdtempSync(join(tmpdir(), 'smsdeck-crashtest-'));
	victim = join(base, 'victim.txt');
	writeFileSync(victim, 'precious\n');
});
after(() => rmSync(base, {recursive: true, force: true}));

test('a planted link is not followed: the report goes into a new private folder, the link’s target is untouched', () => {
	const temp = join(base, 'tmp');
	mkdirSync(temp);
	// The names the console used to write to, and a few guesses more.
	for (const name of [`smsdeck-crash-${process.pid}.log`, 'smsdeck-crash.log', 'crash.log']) symlinkSync(victim, join(temp, name));
	const file = writeCrashReport(new Error('boom'), temp);
	assert.ok(file, 'a report was written');
	assert.equal(readFileSync(victim, 'utf8'), 'precious\n', 'the link’s target is unchanged');
	assert.match(readFileSync(file, 'utf8'), /Error: boom\n\s+at /, 'the stack is in the report');
	const folder = dirname(file);
	assert.equal(dirname(folder), temp);
	assert.ok(lstatSync(folder).isDirectory() && !lstatSync(folder).isSymbolicLink());
	assert.equal(statSync(folder).mode & 0o777, 0o700, 'only the owner can enter the folder');
	assert.ok(lstatSync(file).isFile() && !lstatSync(file).isSymbolicLink());
	assert.equal(statSync(file).mode & 0o777, 0o600, 'only the owner can read the report');
});

test('every report gets a folder of its own with an unpredictable name', () => {
	const temp = join(base, 'tmp2');
	mkdirSync(temp);
	const first = writeCrashReport(new Error('one'), temp)!;
	const second = writeCrashReport('two', temp)!;
	assert.notEqual(dirname(first), dirname(second));
	for (const file of [first, second]) assert.match(dirname(file), /smsdeck-crash-[A-Za-z0-9]{6}$/);
	assert.equal(readdirSync(temp).length, 2);
	assert.match(readFileSync(second, 'utf8'), /\ntwo\n$/);
});

test('a temp folder that cannot be written: no report, no exception', () => {
	assert.equal(writeCrashReport(new Error('x'), join(base, 'missing', 'deeper')), undefined);
});
