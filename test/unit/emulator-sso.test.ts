// The emulator's IAM Identity Center calls: SSO GetRoleCredentials and SSO OIDC CreateToken (refresh), as the SDK's
// and the AWS CLI's SSO profiles make them.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emu: RunningEmulator;
before(async () => {
	emu = await startEmulator({port: 0, quiet: true});
});
after(() => emu.close());

test('GetRoleCredentials: role credentials for the cached token; none without one', async () => {
	const url = `${emu.url}/federation/credentials?role_name=SmsOperator&account_id=123456789012`;
	const ok = await fetch(url, {headers: {'x-amz-sso_bearer_token': 'cached-token'}});
	assert.equal(ok.status, 200);
	const {roleCredentials} = (await ok.json()) as {roleCredentials: {accessKeyId: string; expiration: number}};
	assert.equal(roleCredentials.accessKeyId, 'ASIASSO123456789012');
	assert.ok(roleCredentials.expiration > Date.now());
	const denied = await fetch(url);
	assert.equal(denied.status, 401);
	assert.equal(denied.headers.get('x-amzn-errortype'), 'UnauthorizedException');
});

test('CreateToken refreshes a token with a refresh_token grant and refuses other grants', async () => {
	const post = (body: unknown) => fetch(`${emu.url}/token`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	const ok = await post({clientId: 'c', clientSecret: 's', grantType: 'refresh_token', refreshToken: 'r'});
	assert.equal(ok.status, 200);
	const token = (await ok.json()) as {accessToken: string; expiresIn: number};
	assert.match(token.accessToken, /^emulator-refreshed-/);
	assert.equal(token.expiresIn, 3600);
	const refused = await post({clientId: 'c', grantType: 'authorization_code'});
	assert.equal(refused.status, 400);
	const log = (await (await fetch(`${emu.url}/_smsdeck/requests`, {method: 'POST', body: '{}'})).json()) as {requests: {operation: string}[]};
	assert.deepEqual(log.requests.map(r => r.operation), ['GetRoleCredentials', 'GetRoleCredentials', 'CreateToken', 'CreateToken']);
});

test('CreateToken with a body that is not a JSON object is a 400 invalid_request, not a 500', async () => {
	for (const body of ['null', '"text"', '{']) {
		const res = await fetch(`${emu.url}/token`, {method: 'POST', headers: {'content-type': 'application/json'}, body});
		assert.equal(res.status, 400, body);
		assert.equal(((await res.json()) as {error: string}).error, 'invalid_request', body);
	}
});
