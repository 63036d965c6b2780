// Event destination rules: the event types are the model's, the checks name what is wrong; the emulator refuses
// an ARN of the wrong kind of resource as the console does before staging.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {CreateEventDestinationCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import smsVoice from '../../source/emulator/model/sms-voice.json' with {type: 'json'};
import {checkArn, checkConfigSetName, checkDestination, checkEventTypes, EVENT_TYPE_CHOICES, EVENT_TYPES} from '../../source/domain/eventDestinations.js';
import {rejectsWith, startHarness, type Harness} from './emulator-smsvoice-harness.js';

let h: Harness;
before(async () => {
	h = await startHarness();
});
after(async () => {
	await h.close();
});

test("EVENT_TYPES is the model's EventType enum; the picker offers every one, the ALL choices first", () => {
	const shapes = (smsVoice as unknown as {shapes: Record<string, {enum?: string[]}>}).shapes;
	assert.deepEqual([...EVENT_TYPES], shapes.EventType.enum);
	assert.deepEqual([...EVENT_TYPE_CHOICES].sort(), [...EVENT_TYPES].sort());
	assert.deepEqual(EVENT_TYPE_CHOICES.slice(0, 5), ['ALL', 'TEXT_ALL', 'VOICE_ALL', 'MEDIA_ALL', 'RCS_ALL']);
});

test('event types, names and ARNs: accepted as the service takes them, refused with the reason', () => {
	assert.deepEqual(checkEventTypes(' text_delivered, TEXT_BLOCKED TEXT_DELIVERED'), {ok: true, value: ['TEXT_DELIVERED', 'TEXT_BLOCKED']});
	assert.equal(checkEventTypes('').ok, false);
	assert.deepEqual(checkEventTypes('MEDIA_ALL,MEDIA_SPAM'), {ok: false, reason: 'MEDIA_SPAM is already covered by MEDIA_ALL'});
	assert.equal(checkConfigSetName('a'.repeat(64)).ok, true);
	assert.equal(checkConfigSetName('a/b').ok, false);
	assert.equal(checkArn('logGroup', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sms:*').ok, true);
	assert.equal(checkArn('role', 'arn:aws:iam::123456789012:user/bob').ok, false);
	const sns = checkDestination({name: 'n', kind: 'sns', targetArn: 'arn:aws:sns:eu-west-2:123456789012:t', eventTypes: 'ALL'});
	assert.deepEqual(sns, {ok: true, value: {name: 'n', kind: 'sns', targetArn: 'arn:aws:sns:eu-west-2:123456789012:t', roleArn: undefined, eventTypes: ['ALL']}});
});

test('the emulator refuses a role, delivery stream or topic ARN of another kind (INVALID_ARN, the field named)', async () => {
	const sms = h.sms();
	const base = {ConfigurationSetName: 'staging', EventDestinationName: 'x', MatchingEventTypes: ['ALL' as const]};
	await rejectsWith(sms.send(new CreateEventDestinationCommand({...base, SnsDestination: {TopicArn: 'arn:aws:sqs:us-east-1:123456789012:q'}})), 'ValidationException', {
		Reason: 'INVALID_ARN',
		Fields: [{Name: 'SnsDestination.TopicArn', Message: 'TopicArn is not an SNS topic ARN.'}],
	});
	await rejectsWith(
		sms.send(new CreateEventDestinationCommand({...base, CloudWatchLogsDestination: {IamRoleArn: 'arn:aws:iam::123456789012:user/bob', LogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:g'}})),
		'ValidationException',
		{Reason: 'INVALID_ARN'},
	);
	await rejectsWith(
		sms.send(new CreateEventDestinationCommand({...base, KinesisFirehoseDestination: {IamRoleArn: 'arn:aws:iam::123456789012:role/r', DeliveryStreamArn: 'arn:aws:s3:::bucket-name-x'}})),
		'ValidationException',
		{Reason: 'INVALID_ARN'},
	);
});
