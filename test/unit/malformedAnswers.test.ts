// Answers that are not the service's: an HTML 502 page, garbage, JSON cut short, an empty error, and JSON that
// parses but does not fit the model (a null in a list, a string where a list belongs). Each is a failed call with
// one line that says what came back, without echoing any of it, through the real SDK clients.
import {after, before, describe, it, test} from 'node:test';
import assert from 'node:assert/strict';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {describeServiceError} from '../../source/services/errors.js';
import {listPhoneNumbers} from '../../source/services/numbersService.js';
import {checkAnswer, MalformedAnswerError} from '../../source/services/answerShape.js';
import {fixedAnswerEndpoint, type FixedAnswer} from '../helpers/hostileEndpoint.js';

/** The line a user reads when listing phone numbers from an endpoint that always answers `answer`. */
async function lineFor(answer: FixedAnswer): Promise<string> {
	const endpoint = await fixedAnswerEndpoint(answer);
	const clients: Clients = await createClients(
		{region: 'us-east-1', endpoint: endpoint.url, local: true},
		{limiter: new RateLimiter(), health: new Health(), timeouts: {connectMs: 2000, firstByteMs: 5000, idleMs: 5000}},
	);
	try {
		await listPhoneNumbers(clients);
	} catch (error) {
		return describeServiceError(error).message;
	} finally {
		destroyClients(clients);
		await endpoint.close();
	}
	throw new Error('the listing succeeded');
}

const HTML_PAGE = '<html><head><title>502 Bad Gateway</title></head><body>\x1b]52;c;cHduZWQ=\x07<h1>Bad Gateway</h1></body></html>';
const GARBAGE = Buffer.from([0x00, 0x01, 0x9b, 0x32, 0x4a, 0x7b, 0x7b, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65]);

describe('answers that are not the service’s', () => {
	before(() => {
		process.env.AWS_MAX_ATTEMPTS = '1';
	});
	after(() => {
		delete process.env.AWS_MAX_ATTEMPTS;
	});
	const cases: [string, FixedAnswer, string][] = [
		['an HTML 502 page', {status: 502, contentType: 'text/html', body: HTML_PAGE}, 'DescribePhoneNumbers: the endpoint answered HTTP 502 with an HTML page, not an answer from the service'],
		['garbage with a JSON type', {status: 200, contentType: 'application/x-amz-json-1.0', body: GARBAGE}, 'DescribePhoneNumbers: the endpoint answered HTTP 200 with JSON that is cut short or garbled, not an answer from the service'],
		['JSON cut short', {status: 200, contentType: 'application/x-amz-json-1.0', body: '{"PhoneNumbers": [{"PhoneNumber": "+1206'}, 'DescribePhoneNumbers: the endpoint answered HTTP 200 with JSON that is cut short or garbled, not an answer from the service'],
		['an empty 503', {status: 503, body: ''}, 'DescribePhoneNumbers: the endpoint answered HTTP 503 with an empty or unknown body, not an answer from the service'],
		['plain text', {status: 503, contentType: 'text/plain', body: 'Service Unavailable'}, 'DescribePhoneNumbers: the endpoint answered HTTP 503 with plain text, not an answer from the service'],
		['a null in the list', {status: 200, contentType: 'application/x-amz-json-1.0', body: '{"PhoneNumbers": [{"PhoneNumber": "+12065550100"}, null]}'}, "DescribePhoneNumbers: the endpoint's answer does not fit the service's model: PhoneNumbers[1] is null"],
		['a string for the list', {status: 200, contentType: 'application/x-amz-json-1.0', body: '{"PhoneNumbers": "all of them"}'}, "DescribePhoneNumbers: the endpoint's answer does not fit the service's model: PhoneNumbers is a string, not a list"],
		['a number for a name', {status: 200, contentType: 'application/x-amz-json-1.0', body: '{"PhoneNumbers": [{"PhoneNumber": 12065550100}]}'}, "DescribePhoneNumbers: the endpoint's answer does not fit the service's model: PhoneNumbers[0].PhoneNumber is a number, not text"],
	];
	for (const [what, answer, expected] of cases) {
		it(`${what}: one line, nothing of the body`, {timeout: 30_000}, async () => {
			const line = await lineFor(answer);
			assert.equal(line, expected);
			assert.doesNotMatch(line, /[\x00-\x1f\x7f-\x9f]|<html|Bad Gateway|garbage|Service Unavailable|\+1206/);
		});
	}
});

test('what fits the model passes: missing members, extra members, nulls for absent members', async () => {
	const {DescribePhoneNumbersCommand} = await import('@aws-sdk/client-pinpoint-sms-voice-v2');
	const schema = (new DescribePhoneNumbersCommand({}) as unknown as {schema: unknown[]}).schema[5] as never;
	const fits = {
		PhoneNumbers: [{PhoneNumber: '+12065550100', Unexpected: {deep: [null]}}, {}, {PhoneNumber: null, CreatedTimestamp: new Date(0)}],
		NextToken: null,
		$metadata: {httpStatusCode: 200},
	};
	assert.doesNotThrow(() => checkAnswer('DescribePhoneNumbers', schema, fits));
	assert.throws(
		() => checkAnswer('DescribePhoneNumbers', schema, {PhoneNumbers: [{NumberCapabilities: ['SMS', null]}]}),
		(error: unknown) => error instanceof MalformedAnswerError && error.path === 'PhoneNumbers[0].NumberCapabilities[1]' && error.operation === 'DescribePhoneNumbers',
	);
	assert.throws(
		() => checkAnswer('DescribePhoneNumbers', schema, {PhoneNumbers: [{CreatedTimestamp: new Date(Number.NaN)}]}),
		/PhoneNumbers\[0\]\.CreatedTimestamp is an invalid date, not a time/,
	);
});
