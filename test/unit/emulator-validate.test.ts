// Model-derived request validation, on the generated data.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compilePattern, findProblems, validate} from '../../source/emulator/model/validate.js';
import {logsModel, smsVoiceModel} from '../../source/emulator/model/serviceModel.js';
import {ApiError} from '../../source/emulator/types.js';

function errorOf(fn: () => void): ApiError {
	try {
		fn();
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	assert.fail('expected a validation error');
}

test('the generated models carry the service metadata and no documentation', () => {
	assert.equal(smsVoiceModel.service.targetPrefix, 'PinpointSMSVoiceV2');
	assert.equal(smsVoiceModel.service.jsonVersion, '1.0');
	assert.equal(logsModel.service.targetPrefix, 'Logs_20140328');
	assert.equal(logsModel.service.jsonVersion, '1.1');
	assert.ok(smsVoiceModel.operations.SendTextMessage);
	assert.ok(logsModel.operations.StartLiveTail);
	assert.ok(!JSON.stringify(smsVoiceModel).includes('documentation'));
});

test('valid input passes; unknown members are ignored', () => {
	validate({MaxResults: 100, Filters: [{Name: 'status', Values: ['ACTIVE']}], Extra: 1}, 'DescribePools', 'sms-voice');
	validate({}, 'DescribeAccountAttributes', 'sms-voice');
	validate({logGroupName: '/aws/x', logStreamName: 's', logEvents: [{timestamp: 1, message: 'm'}]}, 'PutLogEvents', 'logs');
});

test('missing required members give MISSING_PARAMETER; mixed problems give FIELD_VALIDATION_FAILED', () => {
	const missing = errorOf(() => validate({}, 'SendTextMessage', 'sms-voice'));
	assert.equal(missing.code, 'ValidationException');
	assert.equal(missing.members.Reason, 'MISSING_PARAMETER');
	assert.deepEqual(missing.members.Fields, [{Name: 'DestinationPhoneNumber', Message: 'Value null failed to satisfy constraint: Member must not be null'}]);
	const mixed = errorOf(() => validate({MaxResults: 0, NextToken: ''}, 'DescribePools', 'sms-voice'));
	assert.equal(mixed.members.Reason, 'FIELD_VALIDATION_FAILED');
	assert.deepEqual((mixed.members.Fields as {Name: string}[]).map(f => f.Name), ['NextToken', 'MaxResults']);
	assert.match(mixed.message, /^2 validation errors detected: /);
});

test('types, ranges, lengths, enums and patterns, with dotted paths for nested members', () => {
	const problems = (input: unknown, op = 'DescribePools') => findProblems(smsVoiceModel, op, input).map(p => `${p.path}: ${p.constraint}`);
	assert.deepEqual(problems({MaxResults: '5'}), ['MaxResults: Member must be an integer']);
	assert.deepEqual(problems({MaxResults: 1.5}), ['MaxResults: Member must be an integer']);
	assert.deepEqual(problems({MaxResults: 101}), ['MaxResults: Member must have value less than or equal to 100']);
	assert.deepEqual(problems({PoolIds: ['a', 'b', 'c', 'd', 'e', 'f']}), ['PoolIds: Member must have length less than or equal to 5']);
	assert.deepEqual(problems({PoolIds: ['bad id!']}), ['PoolIds.0: Member must satisfy regular expression pattern: [A-Za-z0-9_:/-]*']);
	assert.match(problems({Filters: [{Name: 'color', Values: []}]}).join('\n'), /Filters\.0\.Name: Member must satisfy enum value set: \[status, /);
	assert.match(problems({Filters: [{Name: 'status', Values: []}]}).join('\n'), /Filters\.0\.Values: Member must have length greater than or equal to 1/);
	assert.deepEqual(problems({Filters: 'status'}), ['Filters: Member must be a list']);
	assert.deepEqual(problems({DestinationPhoneNumber: '+14254147755', MessageBody: 'x'.repeat(1601)}, 'SendTextMessage'), [
		'MessageBody: Member must have length less than or equal to 1600',
	]);
	assert.deepEqual(problems({DestinationPhoneNumber: 'not a number'}, 'SendTextMessage'), [
		'DestinationPhoneNumber: Member must satisfy regular expression pattern: \\+?[1-9][0-9]{1,18}',
	]);
});

test('maps: key and value constraints; booleans; patterns with \\p{…} need the u flag', () => {
	const tagProblems = findProblems(logsModel, 'CreateLogGroup', {logGroupName: 'g', tags: {'bad\u0000key': 'v', ok: 5}});
	assert.deepEqual(tagProblems.map(p => p.path).sort(), ['tags.bad\u0000key', 'tags.ok']);
	assert.equal(findProblems(logsModel, 'CreateLogGroup', {logGroupName: 'g', tags: {'Équipe': 'née'}}).length, 0);
	assert.deepEqual(findProblems(logsModel, 'GetLogEvents', {logStreamName: 's', startFromHead: 'yes'}).map(p => p.path), ['startFromHead']);
});

test('logs problems are InvalidParameterException naming the member', () => {
	const error = errorOf(() => validate({logGroupName: 'bad name!'}, 'CreateLogGroup', 'logs'));
	assert.equal(error.code, 'InvalidParameterException');
	assert.match(error.message, /at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern/);
	const nested = errorOf(() => validate({logGroupName: 'g', logStreamName: 's', logEvents: [{timestamp: -1, message: ''}]}, 'PutLogEvents', 'logs'));
	assert.match(nested.message, /logEvents\.0\.timestamp/);
	assert.match(nested.message, /logEvents\.0\.message/);
});

test('patterns match the whole value; an unconvertible pattern is skipped, never thrown', () => {
	assert.equal(compilePattern('[A-Z]{2}')!.test('USA'), false);
	assert.equal(compilePattern('[A-Z]{2}')!.test('US'), true);
	assert.equal(compilePattern('(unclosed'), null);
	assert.doesNotThrow(() => findProblems(smsVoiceModel, 'DescribePools', {Filters: [{Name: 'status', Values: ['(', '\\', '\u{1F600}']}]}));
});

test('unknown operations and non-object input do not throw from findProblems', () => {
	assert.deepEqual(findProblems(smsVoiceModel, 'NoSuchOp', {}), []);
	assert.equal(findProblems(smsVoiceModel, 'DescribePools', 'x')[0]?.constraint, 'Member must be a structure');
});
