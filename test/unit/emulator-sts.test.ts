import {test} from 'node:test';
import assert from 'node:assert/strict';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
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
			body: 'Action=AssumeRole&Version=2011-06-15',
		});
		assert.equal(res.status, 400);
		assert.match(await res.text(), /<Code>InvalidAction<\/Code>/);
		sts.destroy();
	} finally {
		await emulator.close();
	}
});
