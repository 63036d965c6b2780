// The aws command shown beside each screen reproduces what the console did: same identity, same endpoint, never
// the credentials an endpoint URL may carry.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {awsCli} from '../../source/domain/awsCliCommand.js';

test('--endpoint-url as smsdeck was given it, for sms-voice only, without its credentials', () => {
	const connection = {region: 'eu-west-2', local: false, endpoint: 'http://user:secret@proxy.corp:4566', credentials: 'chain' as const};
	assert.equal(awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-pools'), "aws pinpoint-sms-voice-v2 describe-pools --region eu-west-2 --endpoint-url 'http://***@proxy.corp:4566'");
	assert.equal(awsCli(connection, 'logs', 'describe-log-groups'), 'aws logs describe-log-groups --region eu-west-2', 'the flag was for sms-voice alone');
	const configured = {region: 'eu-west-2', local: false, configuredEndpoints: {sms: 'http://127.0.0.1:1', logs: 'http://127.0.0.1:1'}};
	assert.equal(awsCli(configured, 'logs', 'describe-log-groups'), 'aws logs describe-log-groups --region eu-west-2', 'AWS_ENDPOINT_URL… reach the CLI by themselves');
	const local = {region: 'us-east-1', local: true, profile: 'local', endpoint: 'http://127.0.0.1:4566'};
	assert.equal(awsCli(local, 'logs', 'describe-log-groups'), 'aws logs describe-log-groups --region us-east-1 --endpoint-url http://127.0.0.1:4566');
});

test('--profile only when that profile signs (environment keys beside AWS_PROFILE sign as themselves)', () => {
	assert.match(awsCli({region: 'us-east-1', local: false, profile: 'prod', credentials: 'profile'}, 'pinpoint-sms-voice-v2', 'describe-pools'), /--profile prod$/);
	assert.doesNotMatch(awsCli({region: 'us-east-1', local: false, profile: 'prod', credentials: 'env'}, 'pinpoint-sms-voice-v2', 'describe-pools'), /--profile/);
	assert.equal(awsCli({region: 'us-east-1', local: false, profile: 'two words', credentials: 'profile'}, 'logs', 'x'), "aws logs x --region us-east-1 --profile 'two words'");
});
