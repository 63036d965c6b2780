// describeServiceError: the one line a person reads for a failed call. The service's Reason is part of it for
// every modeled error that carries one, and is not repeated when the message already says it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	AccessDeniedException,
	ConflictException,
	ResourceNotFoundException,
	ServiceQuotaExceededException,
	ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {describeServiceError} from '../../source/services/errors.js';

const meta = {$metadata: {requestId: 'req-1', httpStatusCode: 400}};

test('ServiceQuotaExceededException shows its Reason', () => {
	const error = new ServiceQuotaExceededException({
		...meta,
		message: 'Sending would exceed the monthly spend limit',
		Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
	});
	const info = describeServiceError(error);
	assert.equal(info.message, 'Sending would exceed the monthly spend limit (MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT)');
	assert.equal(info.code, 'ServiceQuotaExceededException');
	assert.equal(info.requestId, 'req-1');
	assert.equal(describeServiceError(error, 'SendTextMessage').message, 'SendTextMessage: Sending would exceed the monthly spend limit (MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT)');
});

test('ValidationException without Fields shows its Reason; with Fields, the Reason and then the fields', () => {
	const bare = new ValidationException({...meta, message: 'Give only one destination.', Reason: 'PARAMETERS_CANNOT_BE_USED_TOGETHER'});
	assert.equal(describeServiceError(bare).message, 'Give only one destination. (PARAMETERS_CANNOT_BE_USED_TOGETHER)');
	const withFields = new ValidationException({
		...meta,
		message: 'Not an E.164 phone number',
		Reason: 'INVALID_PARAMETER',
		Fields: [{Name: 'OptedOutNumber', Message: 'must start with +'}],
	});
	assert.equal(describeServiceError(withFields).message, 'Not an E.164 phone number (INVALID_PARAMETER; OptedOutNumber: must start with +)');
});

test('AccessDeniedException shows its Reason after "access denied"', () => {
	const error = new AccessDeniedException({...meta, message: 'The account is not authorized.', Reason: 'ACCOUNT_DISABLED'});
	assert.equal(describeServiceError(error, 'SendTextMessage').message, 'SendTextMessage: access denied — The account is not authorized. (ACCOUNT_DISABLED)');
});

test('ConflictException keeps its Reason', () => {
	const error = new ConflictException({...meta, message: 'The phone number is in a pool.', Reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL', ResourceType: 'phone-number', ResourceId: 'phone-1'});
	assert.equal(describeServiceError(error).message, 'The phone number is in a pool. (PHONE_NUMBER_ASSOCIATED_TO_POOL)');
});

test('a Reason the message already contains is not repeated', () => {
	const error = new ServiceQuotaExceededException({...meta, message: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT: the limit is reached', Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT'});
	assert.equal(describeServiceError(error).message, 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT: the limit is reached');
	const conflict = new ConflictException({...meta, message: 'Refused (DELETION_PROTECTION_ENABLED)', Reason: 'DELETION_PROTECTION_ENABLED'});
	assert.equal(describeServiceError(conflict).message, 'Refused (DELETION_PROTECTION_ENABLED)');
});

test('errors without a Reason are unchanged: not found, plain errors', () => {
	const missing = new ResourceNotFoundException({...meta, message: 'The pool pool-x does not exist.', ResourceType: 'pool', ResourceId: 'pool-x'});
	assert.equal(describeServiceError(missing).message, 'pool pool-x not found');
	assert.equal(describeServiceError(new Error('boom\nstack')).message, 'boom');
	const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {code: 'ECONNREFUSED'});
	assert.equal(describeServiceError(refused, 'DescribePools').message, 'DescribePools: cannot reach the endpoint (connection refused)');
});
