// The two calls a profile with IAM Identity Center (sso_session) makes before it can sign anything, so that SSO
// profiles work against the emulator as against AWS: the SSO portal's GetRoleCredentials (restJson,
// GET /federation/credentials with the cached access token in x-amz-sso_bearer_token) and SSO OIDC's CreateToken
// (restJson, POST /token) that refreshes an expired cached token. Any token is accepted; the credentials
// returned sign for the emulator's account.
import type {IncomingMessage, ServerResponse} from 'node:http';

export type SsoOperation = 'GetRoleCredentials' | 'CreateToken';

export function ssoOperation(method: string | undefined, path: string): SsoOperation | undefined {
	if (method === 'GET' && path === '/federation/credentials') return 'GetRoleCredentials';
	if (method === 'POST' && path === '/token') return 'CreateToken';
	return undefined;
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string, errorType?: string): void {
	res.statusCode = status;
	res.setHeader('Content-Type', 'application/json');
	res.setHeader('x-amzn-RequestId', requestId);
	if (errorType) res.setHeader('x-amzn-ErrorType', errorType);
	res.end(JSON.stringify(body));
}

export function answerSso(operation: SsoOperation, req: IncomingMessage, res: ServerResponse, body: Buffer, requestId: string): void {
	if (operation === 'GetRoleCredentials') {
		const url = new URL(req.url ?? '/', 'http://emulator');
		const token = req.headers['x-amz-sso_bearer_token'];
		if (typeof token !== 'string' || token === '') {
			return send(res, 401, {message: 'Session token not found or invalid'}, requestId, 'UnauthorizedException');
		}
		const role = url.searchParams.get('role_name');
		const account = url.searchParams.get('account_id');
		if (!role || !account) return send(res, 400, {message: 'role_name and account_id are required'}, requestId, 'InvalidRequestException');
		return send(
			res,
			200,
			{
				roleCredentials: {
					accessKeyId: `ASIASSO${account}`,
					secretAccessKey: 'emulator-sso-secret',
					sessionToken: `emulator-sso-session-${role}`,
					expiration: Date.now() + 3600_000,
				},
			},
			requestId,
		);
	}
	let input: {grantType?: string; refreshToken?: string; clientId?: string} | null;
	try {
		input = JSON.parse(body.toString('utf8') || '{}');
	} catch {
		input = null;
	}
	if (typeof input !== 'object' || input === null) {
		return send(res, 400, {error: 'invalid_request', error_description: 'The body is not a JSON object.'}, requestId, 'InvalidRequestException');
	}
	if (input.grantType !== 'refresh_token' || !input.refreshToken || !input.clientId) {
		return send(res, 400, {error: 'invalid_grant', error_description: 'Only refresh_token grants are emulated.'}, requestId, 'InvalidGrantException');
	}
	return send(res, 200, {accessToken: `emulator-refreshed-${Date.now()}`, tokenType: 'Bearer', expiresIn: 3600, refreshToken: input.refreshToken}, requestId);
}
