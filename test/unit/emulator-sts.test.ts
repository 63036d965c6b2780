import {test} from 'node:test';
import assert from 'node:assert/strict';
import {AssumeRoleCommand, GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {startEmulator} from '../../source/emulator/index.js';

test('GetCallerIdentity answers in STS wire format through the real SDK; other actions are refused in XML', async () => {
	const emulator = await startEmulator({port: 0, quiet: true, seed: 'empty'});
	try {
		const sts = new STSClient({region: 'eu-west-2', endpoint: emulator.url, credentials: {accessKeyId: 'a', secretAccessKey: 'b'}});
		const me = await sts.send(new GetCallerIdentityCommand({}));
		assert.equal(me.Account, emulator.world.accountId);
		assert.match(me.Arn ?? '', /^arn:aws:iam::\d{12}:user\/smsdeck-local$/);
		assert.ok(me.$metadata.requestId);
		const res = await fetch(emulator.url, {
			method: 'POST',
			headers: {'content-type': 'application/x-www-form-urlencoded'},
			body: 'Action=DecodeAuthorizationMessage&Version=2011-06-15',
		});
		assert.equal(res.status, 400);
		assert.match(await res.text(), /<Code>InvalidAction<\/Code>/);
		sts.destroy();
	} finally {
		await emulator.close();
	}
});

test('AssumeRole hands out credentials, and checks the MFA code when a serial is given', async () => {
	const emulator = await startEmulator({port: 0, quiet: true, seed: 'empty'});
	const sts = new STSClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'a', secretAccessKey: 'b'}});
	try {
		const roleArn = 'arn:aws:iam::123456789012:role/sms-operator';
		const ok = await sts.send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: 'me', SerialNumber: 'arn:aws:iam::123456789012:mfa/me', TokenCode: '123456'}));
		assert.ok(ok.Credentials?.AccessKeyId && ok.Credentials.SessionToken);
		assert.match(ok.AssumedRoleUser?.Arn ?? '', /assumed-role\/sms-operator\/me$/);
		await assert.rejects(
			sts.send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: 'me', SerialNumber: 'arn:aws:iam::123456789012:mfa/me', TokenCode: 'nope'})),
			/MultiFactorAuthentication failed/,
		);
	} finally {
		sts.destroy();
		await emulator.close();
	}
});
