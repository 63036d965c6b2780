// The one STS call the console makes, GetCallerIdentity, in STS's own wire protocol (awsQuery: a form-encoded
// POST answered with XML), so that identity works against the emulator exactly as against AWS.
import type {ServerResponse} from 'node:http';

export const LOCAL_USER = 'smsdeck-local';

function xml(text: string): string {
	return text.replace(/[<>&'"]/g, c => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;'})[c]!);
}

/** True when the request is an awsQuery call (no X-Amz-Target, form-encoded body with an Action). */
export function isQueryRequest(contentType: string | undefined, target: unknown, body: Buffer): boolean {
	return target === undefined && /application\/x-www-form-urlencoded/i.test(contentType ?? '') && /(^|&)Action=/.test(body.toString('utf8'));
}

export function answerStsQuery(res: ServerResponse, body: Buffer, accountId: string, requestId: string): void {
	const params = new URLSearchParams(body.toString('utf8'));
	const action = params.get('Action');
	res.setHeader('x-amzn-RequestId', requestId);
	res.setHeader('Content-Type', 'text/xml');
	if (action === 'GetCallerIdentity') {
		res.statusCode = 200;
		res.end(
			`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">` +
				`<GetCallerIdentityResult><Arn>arn:aws:iam::${accountId}:user/${LOCAL_USER}</Arn>` +
				`<UserId>AIDAEMULATOR${accountId}</UserId><Account>${accountId}</Account></GetCallerIdentityResult>` +
				`<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
		);
		return;
	}
	res.statusCode = 400;
	res.end(
		`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
			`<Code>InvalidAction</Code><Message>${xml(`Action ${action ?? '(none)'} is not implemented by the smsdeck emulator`)}</Message>` +
			`</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
	);
}
