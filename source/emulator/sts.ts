// The one STS call the console makes, GetCallerIdentity, in STS's own wire protocol (awsQuery: a form-encoded
// POST answered with XML), so that identity works against the emulator exactly as against AWS.
import type {ServerResponse} from 'node:http';
import type {EmulatorWorld} from './types.js';

export const LOCAL_USER = 'smsdeck-local';

function xml(text: string): string {
	return text.replace(/[<>&'"]/g, c => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;'})[c]!);
}

/** True when the request is an awsQuery call (no X-Amz-Target, form-encoded body with an Action). */
export function isQueryRequest(contentType: string | undefined, target: unknown, body: Buffer): boolean {
	return target === undefined && /application\/x-www-form-urlencoded/i.test(contentType ?? '') && /(^|&)Action=/.test(body.toString('utf8'));
}

/** Answers an awsQuery request whose form parameters are `params` (see isQueryRequest). */
export function answerStsQuery(res: ServerResponse, params: URLSearchParams, world: Pick<EmulatorWorld, 'accountId' | 'callerIdentity'>, requestId: string): void {
	const accountId = world.accountId;
	const action = params.get('Action');
	res.setHeader('x-amzn-RequestId', requestId);
	res.setHeader('Content-Type', 'text/xml');
	if (action === 'GetCallerIdentity') {
		const who = world.callerIdentity ?? {account: accountId, arn: `arn:aws:iam::${accountId}:user/${LOCAL_USER}`, userId: `AIDAEMULATOR${accountId}`};
		res.statusCode = 200;
		res.end(
			`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
				`<GetCallerIdentityResult><Arn>${xml(who.arn)}</Arn>` +
				`<UserId>${xml(who.userId)}</UserId><Account>${xml(who.account)}</Account></GetCallerIdentityResult>` +
				`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
		);
		return;
	}
	if (action === 'AssumeRole') {
		// Profiles with role_arn (and mfa_serial) work against the emulator through AWS_ENDPOINT_URL_STS.
		const roleArn = params.get('RoleArn') ?? '';
		const session = params.get('RoleSessionName') ?? 'smsdeck';
		const serial = params.get('SerialNumber');
		const code = params.get('TokenCode');
		if (!/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleArn)) return stsError(res, requestId, 'ValidationError', `RoleArn ${roleArn} is not a role ARN`);
		if (serial && !/^\d{6}$/.test(code ?? '')) {
			return stsError(res, requestId, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);
		}
		const roleName = roleArn.split('/').pop();
		const expiration = new Date(Date.now() + 3600_000).toISOString();
		res.statusCode = 200;
		res.end(
			`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
				`<Credentials><AccessKeyId>ASIAEMULATOR${accountId}</AccessKeyId><SecretAccessKey>emulator-secret</SecretAccessKey>` +
				`<SessionToken>emulator-session-token</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
				`<AssumedRoleUser><AssumedRoleId>AROAEMULATOR:${xml(session)}</AssumedRoleId>` +
				`<Arn>arn:aws:sts::${accountId}:assumed-role/${xml(roleName ?? 'role')}/${xml(session)}</Arn></AssumedRoleUser>` +
				`</AssumeRoleResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
		);
		return;
	}
	stsError(res, requestId, 'InvalidAction', `Action ${action ?? '(none)'} is not implemented by the smsdeck emulator`);
}

function stsError(res: ServerResponse, requestId: string, code: string, message: string, status = 400): void {
	res.statusCode = status;
	res.end(
		`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
			`<Code>${code}</Code><Message>${xml(message)}</Message>` +
			`</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
	);
}
