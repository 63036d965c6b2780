// The hostile seed plants its payloads in every field the service's own model lets hold them, and nowhere else:
// every string the emulator answers is walked along the model's output shapes and checked against the shape's
// pattern and length. Also failNext (a hostile error) and the hostile STS identity.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {smsVoiceModel, logsModel, type ServiceModel} from '../../source/emulator/model/serviceModel.js';
import {compilePattern} from '../../source/emulator/model/validate.js';
import {HOSTILE, HOSTILE_ALL, HOSTILE_LOG_EVENT_COUNT, HOSTILE_LOG_GROUP, HOSTILE_LOG_STREAM, hostileIdentity} from '../../source/emulator/smsvoice/hostile.js';

// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-2'];

let emulator: RunningEmulator;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, seed: 'hostile', eventDelayMs: 5});
});
after(() => emulator.close());

async function call(service: 'sms' | 'logs', operation: string, input: Record<string, unknown>, region = 'us-east-1'): Promise<{status: number; body: any}> {
	const [prefix, version, signing] = service === 'sms' ? ['PinpointSMSVoiceV2', '1.0', 'sms-voice'] : ['Logs_20140328', '1.1', 'logs'];
	const res = await fetch(emulator.url, {
		method: 'POST',
		headers: {
			'content-type': `application/x-amz-json-${version}`,
			'x-amz-target': `${prefix}.${operation}`,
			authorization: `AWS4-HMAC-SHA256 Credential=test/20250101/${region}/${signing}/aws4_request, SignedHeaders=host, Signature=0`,
		},
		body: JSON.stringify(input),
	});
	return {status: res.status, body: await res.json()};
}

/** Every string in `value`, with the structure member ("Shape.Member") it sits in, walked along the model. */
function* strings(model: ServiceModel, shapeName: string, value: unknown, where = shapeName): Generator<{where: string; shape: string; value: string}> {
	const shape = model.shapes[shapeName];
	if (!shape || value === undefined || value === null) return;
	if (shape.type === 'string' && typeof value === 'string') yield {where, shape: shapeName, value};
	else if (shape.type === 'structure' && typeof value === 'object') {
		for (const [name, member] of Object.entries(shape.members ?? {})) yield* strings(model, member.shape, (value as Record<string, unknown>)[name], `${shapeName}.${name}`);
	} else if (shape.type === 'list' && Array.isArray(value)) {
		for (const item of value) yield* strings(model, shape.member!, item, where);
	} else if (shape.type === 'map' && typeof value === 'object') {
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			yield* strings(model, shape.key!, k, where);
			yield* strings(model, shape.value!, v, where);
		}
	}
}

describe('the hostile seed', () => {
	/** Member → the hostile values found in it. */
	const planted = new Map<string, string[]>();
	let checked = 0;

	test('every string the emulator answers fits its shape in the model (pattern, length)', async t => {
		const answers: {model: ServiceModel; output: string; body: unknown}[] = [];
		const sms = async (operation: string, input: Record<string, unknown>, region: string) => {
			const {status, body} = await call('sms', operation, input, region);
			assert.equal(status, 200, `${operation} ${JSON.stringify(body)}`);
			answers.push({model: smsVoiceModel, output: smsVoiceModel.operations[operation].output!, body});
			return body;
		};
		for (const region of REGIONS) {
			for (const op of ['DescribeAccountAttributes', 'DescribeAccountLimits', 'DescribeSpendLimits', 'DescribeSenderIds', 'DescribeVerifiedDestinationNumbers', 'DescribeProtectConfigurations', 'DescribeConfigurationSets']) await sms(op, {}, region);
			const numbers = (await sms('DescribePhoneNumbers', {}, region)).PhoneNumbers as {PhoneNumberId: string; PhoneNumberArn: string}[];
			const pools = (await sms('DescribePools', {}, region)).Pools as {PoolId: string; PoolArn: string}[];
			const lists = (await sms('DescribeOptOutLists', {}, region)).OptOutLists as {OptOutListName: string; OptOutListArn: string}[];
			for (const n of numbers) await sms('DescribeKeywords', {OriginationIdentity: n.PhoneNumberId}, region);
			for (const p of pools) {
				await sms('DescribeKeywords', {OriginationIdentity: p.PoolId}, region);
				await sms('ListPoolOriginationIdentities', {PoolId: p.PoolId}, region);
			}
			for (const l of lists) await sms('DescribeOptedOutNumbers', {OptOutListName: l.OptOutListName}, region);
			for (const arn of [...numbers.map(n => n.PhoneNumberArn), ...pools.map(p => p.PoolArn), ...lists.map(l => l.OptOutListArn)]) await sms('ListTagsForResource', {ResourceArn: arn}, region);
		}
		for (const [operation, input] of [
			['DescribeLogGroups', {}],
			['DescribeLogStreams', {logGroupName: HOSTILE_LOG_GROUP}],
			['FilterLogEvents', {logGroupName: HOSTILE_LOG_GROUP}],
		] as const) {
			const {status, body} = await call('logs', operation, input);
			assert.equal(status, 200, `${operation} ${JSON.stringify(body)}`);
			answers.push({model: logsModel, output: logsModel.operations[operation].output!, body});
		}
		for (const {model, output, body} of answers) {
			for (const s of strings(model, output, body)) {
				checked++;
				const shape = model.shapes[s.shape];
				if (shape.pattern) assert.ok(compilePattern(shape.pattern)?.test(s.value) !== false, `${s.where} ${JSON.stringify(s.value)} breaks ${shape.pattern}`);
				if (shape.min !== undefined) assert.ok(s.value.length >= shape.min, `${s.where} shorter than ${shape.min}`);
				if (shape.max !== undefined) assert.ok(s.value.length <= shape.max, `${s.where} longer than ${shape.max}`);
				if (ACTIVE.test(s.value)) planted.set(s.where, [...(planted.get(s.where) ?? []), s.value]);
			}
		}
		assert.ok(checked > 500, `${checked} strings checked`);
		t.diagnostic(`${checked} strings in ${answers.length} answers checked; payloads in ${planted.size} fields`);
	});

	test('the payloads are in every field that can hold them (and every payload in the free-text ones)', () => {
		const expected = [
			'AccountAttribute.Value',
			'PhoneNumberInformation.MonthlyLeasingPrice',
			'PhoneNumberInformation.TwoWayChannelArn',
			'PhoneNumberInformation.TwoWayChannelRole',
			'PoolInformation.TwoWayChannelArn',
			'PoolInformation.TwoWayChannelRole',
			'SenderIdInformation.MonthlyLeasingPrice',
			'CloudWatchLogsDestination.IamRoleArn',
			'CloudWatchLogsDestination.LogGroupArn',
			'KinesisFirehoseDestination.IamRoleArn',
			'KinesisFirehoseDestination.DeliveryStreamArn',
			'SnsDestination.TopicArn',
			'KeywordInformation.Keyword',
			'KeywordInformation.KeywordMessage',
			'Tag.Key',
			'Tag.Value',
			'LogStream.logStreamName',
			'LogStream.arn',
			'FilteredLogEvent.logStreamName',
			'FilteredLogEvent.message',
		];
		assert.deepEqual([...planted.keys()].sort(), [...expected].sort());
		for (const where of ['AccountAttribute.Value', 'PhoneNumberInformation.MonthlyLeasingPrice', 'KeywordInformation.KeywordMessage', 'FilteredLogEvent.message']) {
			for (const [kind, payload] of Object.entries(HOSTILE)) assert.ok(planted.get(where)!.some(v => v.includes(payload)), `${where} lacks ${kind}`);
		}
		// JSON records hold C0 controls \u-escaped (as the service writes them): they are there once parsed.
		const events = planted.get('FilteredLogEvent.logStreamName')!;
		assert.equal(events.length, HOSTILE_LOG_EVENT_COUNT);
		assert.deepEqual(new Set(events), new Set([HOSTILE_LOG_STREAM]));
	});

	test('STS answers the hostile identity, read by the SDK as it was sent', async () => {
		const sts = new STSClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
		try {
			const out = await sts.send(new GetCallerIdentityCommand({}));
			const expected = hostileIdentity(emulator.world.accountId);
			// XML turns CR into LF (and the SDK's parser U+2028 into a space); everything else arrives as sent.
			for (const [kind, payload] of Object.entries(HOSTILE)) {
				if (kind === 'lineBreaks') continue;
				assert.ok(out.Account!.includes(payload) && out.Arn!.includes(payload), kind);
			}
			assert.ok(out.Account!.startsWith(emulator.world.accountId) && out.Account!.includes('LB\nFORGED-LF\nFORGED-CR'));
			assert.equal(out.Arn!.slice(0, 40), expected.arn.slice(0, 40));
		} finally {
			sts.destroy();
		}
	});
});

describe('failNext', () => {
	const admin = async (body: unknown) => {
		const res = await fetch(`${emulator.url}/_smsdeck/failNext`, {method: 'POST', body: JSON.stringify(body)});
		return {status: res.status, body: await res.json()};
	};

	test('the next call of the operation answers an error whose Message and members carry the payloads; the one after succeeds', async () => {
		assert.deepEqual((await admin({operation: 'DescribePools', count: 2})).body, {queued: 2});
		for (let i = 0; i < 2; i++) {
			const failed = await call('sms', 'DescribePools', {});
			assert.equal(failed.status, 400);
			assert.equal(failed.body.__type, 'ValidationException');
			assert.equal(failed.body.Message, HOSTILE_ALL);
			assert.ok(ACTIVE.test(failed.body.Reason) && ACTIVE.test(failed.body.Fields[0].Message));
		}
		assert.equal((await call('sms', 'DescribePools', {})).status, 200);
	});

	test('a Region, another code and message; other operations and Regions are not touched; clear forgets', async () => {
		await admin({operation: 'DescribeSenderIds', region: 'eu-west-2', code: 'AccessDeniedException', message: 'no\x1b[2J', members: {}});
		assert.equal((await call('sms', 'DescribeSenderIds', {}, 'us-east-1')).status, 200);
		assert.equal((await call('sms', 'DescribePools', {}, 'eu-west-2')).status, 200);
		const failed = await call('sms', 'DescribeSenderIds', {}, 'eu-west-2');
		assert.deepEqual([failed.status, failed.body.__type, failed.body.Message], [400, 'AccessDeniedException', 'no\x1b[2J']);
		await admin({operation: 'DescribePools'});
		assert.deepEqual((await admin({clear: true})).body, {queued: 0});
		assert.equal((await call('sms', 'DescribePools', {})).status, 200);
	});

	test('refuses what it cannot send: a code that is no error name, a count below 1', async () => {
		assert.equal((await admin({code: 'Bad\x1bName'})).status, 400);
		assert.equal((await admin({count: 0})).status, 400);
		assert.equal((await admin({members: []})).status, 400);
	});
});
