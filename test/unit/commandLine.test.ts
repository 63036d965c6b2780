import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commonPrefix, completeCommandLine, parseCommandLine} from '../../source/app/commandLine.js';

test('commands and aliases parse; a bad Region is refused with a reason', () => {
	assert.deepEqual(parseCommandLine(':region EU-WEST-2'), {ok: true, name: 'region', arg: 'eu-west-2'});
	assert.deepEqual(parseCommandLine('rg'), {ok: true, name: 'regions', arg: undefined});
	assert.deepEqual(parseCommandLine('q'), {ok: true, name: 'quit', arg: undefined});
	const bad = parseCommandLine('region mars-north-1');
	assert.equal(bad.ok, false);
	assert.match(!bad.ok ? bad.reason : '', /not a Region of any AWS partition/);
	// A Region outside the SMS list is still a Region: accepted here, warned about when used.
	assert.deepEqual(parseCommandLine('region ap-southeast-7'), {ok: true, name: 'region', arg: 'ap-southeast-7'});
	assert.match(JSON.stringify(parseCommandLine('frobnicate')), /Unknown command/);
	assert.match(JSON.stringify(parseCommandLine('region')), /needs an argument/);
	assert.match(JSON.stringify(parseCommandLine('regions extra')), /takes no argument/);
});

test('completion offers commands, then Region codes', () => {
	assert.deepEqual(completeCommandLine('reg'), ['regions', 'registrations', 'region ']);
	assert.deepEqual(completeCommandLine('region us-w'), ['region us-west-1', 'region us-west-2']);
	assert.equal(commonPrefix(completeCommandLine('region us-w')), 'region us-west-');
	assert.deepEqual(completeCommandLine('region london'), ['region eu-west-2']);
	assert.deepEqual(completeCommandLine('help x'), []);
});
