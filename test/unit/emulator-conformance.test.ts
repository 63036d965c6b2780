// Model conformance of the emulator (issue 14): every operation the emulator implements is called raw over HTTP
// (no SDK to smooth anything over) with a request that succeeds and requests that fail, and every answer is
// checked against the official model (source/emulator/model/conformance.ts): output members, types, enums,
// ranges, lengths, patterns, required and unknown members; error codes the operation models (or common ones),
// error members, HTTP status, headers. A newly implemented operation without cases fails the coverage test.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {EventStreamCodec} from '@smithy/core/event-streams';
import {createServer, type EmulatorServer} from '../../source/emulator/server.js';
import {createWorld} from '../../source/emulator/world.js';
import {createLogsService, type LogsService} from '../../source/emulator/logs/index.js';
import {createSmsVoiceService} from '../../source/emulator/smsvoice/index.js';
import {cloudwatchModel, logsModel, pinpointModel, smsVoiceModel, type ServiceModel} from '../../source/emulator/model/serviceModel.js';
import {createPinpointService} from '../../source/emulator/pinpoint/index.js';
import {createCloudWatchService, type CloudWatchService} from '../../source/emulator/cloudwatch/index.js';
import {errorProblems, successProblems} from '../../source/emulator/model/conformance.js';
import {findOutputProblems} from '../../source/emulator/model/validate.js';
import type {EmulatedService} from '../../source/emulator/types.js';
import {ConformanceLog, WireClient} from '../helpers/conformance.js';
import {RestWireClient} from '../helpers/restConformance.js';

const ACCOUNT = '123456789012';
const SIM = '+12065550100';
const SIM_DEST = '+14254147755';

interface Emulator {
	url: string;
	server: EmulatorServer;
	logs: LogsService;
	cloudwatch: CloudWatchService;
	sms: EmulatedService;
	push: EmulatedService;
	internalErrors: string[];
	admin(action: string, body?: unknown): Promise<any>;
}

async function startEmulator(seed: 'default' | 'hostile' = 'default'): Promise<Emulator> {
	const world = createWorld({options: {eventDelayMs: 5, liveTailTickMs: 20}});
	const logs = createLogsService(world);
	world.logs = logs.writer;
	const cloudwatch = createCloudWatchService(world);
	world.metrics = cloudwatch.writer;
	const sms = createSmsVoiceService(world, seed);
	const push = createPinpointService(world, 'default');
	const internalErrors: string[] = [];
	const server = createServer([sms, logs.service, cloudwatch.service, push], world, {
		onInternalError: (error, operation) => internalErrors.push(`${operation}: ${error instanceof Error ? error.stack : String(error)}`),
	});
	const port = await server.listen(0, '127.0.0.1');
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		server,
		logs,
		cloudwatch,
		sms,
		push,
		internalErrors,
		async admin(action, body = {}) {
			const res = await fetch(`${url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}});
			const json = await res.json();
			if (!res.ok) throw new Error(`admin ${action}: ${JSON.stringify(json)}`);
			return json;
		},
	};
}

/** An input the model refuses: no members when some are required, else the first member with a wrong type. */
function invalidInput(model: ServiceModel, operation: string): Record<string, unknown> | undefined {
	const shape = model.shapes[model.operations[operation].input ?? ''];
	if (!shape) return undefined;
	if ((shape.required ?? []).length > 0) return {};
	const first = Object.entries(shape.members ?? {})[0];
	if (!first) return undefined;
	const type = model.shapes[first[1].shape]?.type;
	return {[first[0]]: type === 'string' ? 7 : 'not-a-' + type};
}

describe('the conformance checker', () => {
	const answer = (status: number, body: unknown, extra: Record<string, string> = {}) => ({
		status,
		headers: {'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'r-1', ...extra},
		body: JSON.stringify(body),
	});

	test('accepts a conforming answer and finds unknown, null, mistyped, out-of-enum and missing required members', () => {
		const pool = {
			PoolArn: 'arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1',
			PoolId: 'pool-1',
			Status: 'ACTIVE',
			MessageType: 'TRANSACTIONAL',
			TwoWayEnabled: false,
			SelfManagedOptOutsEnabled: false,
			OptOutListName: 'Default',
			SharedRoutesEnabled: false,
			DeletionProtectionEnabled: false,
			CreatedTimestamp: 1700000000,
		};
		assert.deepEqual(successProblems(smsVoiceModel, 'DescribePools', answer(200, {Pools: [pool]})), []);
		const problems = (value: unknown) => findOutputProblems(smsVoiceModel, 'DescribePoolsResult', value).map(p => `${p.path}: ${p.constraint}`);
		assert.deepEqual(problems({Pools: [{...pool, Colour: 'red'}]}), ['Pools.0.Colour: Member is not in the model']);
		assert.deepEqual(problems({Pools: [{...pool, TwoWayChannelArn: null}]}), ['Pools.0.TwoWayChannelArn: Member must be left out rather than null']);
		assert.deepEqual(problems({Pools: [{...pool, CreatedTimestamp: '2024-01-01T00:00:00Z'}]}), ['Pools.0.CreatedTimestamp: Member must be a timestamp in epoch seconds']);
		assert.match(problems({Pools: [{...pool, MessageType: 'URGENT'}]}).join(), /Pools\.0\.MessageType: Member must satisfy enum value set/);
		assert.match(problems({Pools: [{...pool, OptOutListName: 'x'.repeat(65)}]}).join(), /Pools\.0\.OptOutListName: Member must have length less than or equal to 64/);
		assert.match(problems({Pools: [{...pool, TwoWayChannelArn: 'arn:aws:sns:us-east-1:1:a b'}]}).join(), /Pools\.0\.TwoWayChannelArn: Member must satisfy regular expression pattern/);
		const limits = (value: unknown) => findOutputProblems(smsVoiceModel, 'DescribeAccountLimitsResult', value).map(p => `${p.path}: ${p.constraint}`);
		assert.deepEqual(limits({AccountLimits: [{Name: 'POOLS', Used: 1}]}), ['AccountLimits.0.Max: Member must not be null']);
		assert.deepEqual(limits({AccountLimits: [{Name: 'POOLS', Used: 1.5, Max: 2}]}), ['AccountLimits.0.Used: Member must be an integer']);
		assert.match(successProblems(smsVoiceModel, 'DescribePools', {...answer(200, {}), headers: {}}).join(), /Content-Type is \(none\).*no x-amzn-RequestId/);
	});

	test('checks an error code against the operation, its members against the error shape and its status', () => {
		const notFound = {__type: 'ResourceNotFoundException', Message: 'no', ResourceType: 'pool', ResourceId: 'pool-1'};
		assert.deepEqual(errorProblems(smsVoiceModel, 'sms-voice', 'DescribePools', answer(400, notFound)).problems, []);
		const check = (status: number, body: unknown, operation = 'DescribePools') => errorProblems(smsVoiceModel, 'sms-voice', operation, answer(status, body)).problems.join('\n');
		assert.match(check(404, notFound), /HTTP status 404 for the client error ResourceNotFoundException, not 400/);
		assert.match(check(400, {...notFound, ResourceType: 'table'}), /at 'ResourceType' failed to satisfy constraint: Member must satisfy enum value set/);
		assert.match(check(400, {__type: 'ResourceNotFoundException', Message: 'no'}), /ResourceNotFoundException without ResourceType/);
		assert.match(check(400, {__type: 'ConflictException', Message: 'no', Reason: 'X', ResourceType: 'pool', ResourceId: 'p'}, 'DescribeAccountLimits'), /ConflictException is neither an error of DescribeAccountLimits/);
		assert.match(check(400, {__type: 'ValidationException', Message: 'no', Reason: 'NOT_A_REASON'}), /at 'Reason' failed to satisfy constraint: Member must satisfy enum value set/);
		assert.match(check(400, {__type: 'ValidationException', message: 'no', Reason: 'OTHER'}), /no Message[\s\S]*at 'message' failed to satisfy constraint: Member is not in the model/);
		assert.match(check(400, {__type: 'InternalServerException', Message: 'boom', RequestId: 'r'}), /HTTP status 400 for the server error InternalServerException, not 5xx/);
		assert.equal(check(500, {__type: 'com.amazonaws.pinpointsmsvoicev2#InternalServerException', Message: 'boom', RequestId: 'r'}), '');
		const logsAnswer = {...answer(400, {__type: 'ResourceNotFoundException', message: 'gone', Reason: 'x'}), headers: {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r'}};
		assert.match(errorProblems(logsModel, 'logs', 'DeleteLogGroup', logsAnswer).problems.join(), /at 'Reason' failed to satisfy constraint: Member is not in the model/);
	});
});

describe('the conformance checker, REST-JSON (Pinpoint)', () => {
	const rest = (status: number, body: unknown, extra: Record<string, string> = {}) => ({
		status,
		headers: {'content-type': 'application/json', 'x-amzn-requestid': 'r-1', ...extra},
		body: JSON.stringify(body),
	});
	const app = {Arn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a', Id: 'a', Name: 'n'};

	test('a success has the operation’s responseCode and its payload shape as the whole body', () => {
		assert.deepEqual(successProblems(pinpointModel, 'CreateApp', rest(201, app)), []);
		assert.match(successProblems(pinpointModel, 'CreateApp', rest(200, app)).join(), /HTTP status 200, not 201/);
		assert.match(successProblems(pinpointModel, 'GetApp', rest(200, {ApplicationResponse: app})).join(), /at 'ApplicationResponse' failed to satisfy constraint: Member is not in the model/);
		assert.match(successProblems(pinpointModel, 'GetApp', rest(200, {Id: 'a'})).join(), /at 'Arn' failed to satisfy constraint: Member must not be null/);
		assert.match(successProblems(pinpointModel, 'GetApp', {...rest(200, app), headers: {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r'}}).join(), /not application\/json/);
	});

	test('an error is named by x-amzn-ErrorType and answered with its shape’s status', () => {
		const notFound = {Message: 'gone', RequestID: 'r-1'};
		const check = (status: number, body: unknown, extra: Record<string, string>) => errorProblems(pinpointModel, 'pinpoint', 'GetApp', rest(status, body, extra)).problems.join('\n');
		assert.equal(check(404, notFound, {'x-amzn-errortype': 'NotFoundException'}), '');
		assert.match(check(400, notFound, {'x-amzn-errortype': 'NotFoundException'}), /HTTP status 400 for NotFoundException, not its modeled 404/);
		assert.match(check(404, notFound, {}), /no x-amzn-ErrorType/);
		assert.match(check(404, {Message: 'gone'}, {'x-amzn-errortype': 'NotFoundException'}), /NotFoundException without RequestID/);
		assert.match(check(400, notFound, {'x-amzn-errortype': 'ConflictException'}), /ConflictException is neither an error of GetApp/);
	});
});

describe('every answer and error of the emulator conforms to the model', () => {
	let emu: Emulator;
	const log = new ConformanceLog();
	let sms: WireClient;
	let logs: WireClient;
	let cloudwatch: WireClient;
	let push: RestWireClient;

	before(async () => {
		emu = await startEmulator();
		sms = new WireClient(emu.url, smsVoiceModel, 'sms-voice', log);
		logs = new WireClient(emu.url, logsModel, 'logs', log);
		cloudwatch = new WireClient(emu.url, cloudwatchModel, 'cloudwatch', log);
		push = new RestWireClient(emu.url, pinpointModel, 'pinpoint', log);
	});
	after(async () => {
		emu.logs.close();
		await emu.server.close();
	});

	test('account, spend limits and pagination', async () => {
		await sms.ok('DescribeAccountAttributes');
		await sms.ok('DescribeAccountAttributes', {}, {region: 'us-west-2'});
		// What is used is counted (the documentation of AccountLimit.Used).
		const limits = (await sms.ok('DescribeAccountLimits')).AccountLimits as {Name: string; Used: number}[];
		const registrations = (await sms.ok('DescribeRegistrations')).Registrations as unknown[];
		assert.equal(limits.find(l => l.Name === 'REGISTRATIONS')?.Used, registrations.length);
		assert.equal(limits.find(l => l.Name === 'VERIFIED_DESTINATION_NUMBERS')?.Used, ((await sms.ok('DescribeVerifiedDestinationNumbers')).VerifiedDestinationNumbers as unknown[]).length);
		await sms.ok('DescribeSpendLimits');
		for (const channel of ['Text', 'Voice', 'Media']) {
			await sms.ok(`Set${channel}MessageSpendLimitOverride`, {MonthlyLimit: 1});
			await sms.fails(`Set${channel}MessageSpendLimitOverride`, {MonthlyLimit: 5000}, 'ValidationException', {reason: 'REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT'});
			await sms.fails(`Set${channel}MessageSpendLimitOverride`, {MonthlyLimit: 0}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
			await sms.ok(`Delete${channel}MessageSpendLimitOverride`);
		}
		const first = await sms.ok('DescribePhoneNumbers', {MaxResults: 2});
		assert.ok(first.NextToken, 'a first page of two numbers has a NextToken');
		await sms.ok('DescribePhoneNumbers', {MaxResults: 2, NextToken: first.NextToken});
		await sms.fails('DescribePools', {NextToken: first.NextToken}, 'ValidationException', {reason: 'INVALID_NEXT_TOKEN'});
		await sms.fails('DescribeAccountAttributes', {NextToken: 'bm90IGEgdG9rZW4'}, 'ValidationException', {reason: 'INVALID_NEXT_TOKEN'});
	});

	test('phone numbers and sender IDs', async () => {
		const request = {IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS', 'VOICE'], NumberType: 'SIMULATOR'};
		const sim = await sms.ok('RequestPhoneNumber', {...request, DeletionProtectionEnabled: true, Tags: [{Key: 'Purpose', Value: 'conformance'}]});
		await sms.ok('RequestPhoneNumber', {...request, NumberType: 'TOLL_FREE', NumberCapabilities: ['SMS']});
		await sms.fails('RequestPhoneNumber', {...request, IsoCountryCode: 'GB'}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.fails('RequestPhoneNumber', {...request, NumberType: 'LONG_CODE'}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.fails('RequestPhoneNumber', {...request, PoolId: 'pool-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.fails('RequestPhoneNumber', {...request, OptOutListName: 'no-such-list'}, 'ResourceNotFoundException');
		await sms.fails('RequestPhoneNumber', {...request, RegistrationId: 'registration-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.fails('RequestPhoneNumber', {...request, NumberPreference: [{PreferenceType: ['ExactMatch'], Filter: [SIM]}]}, 'ConflictException', {
			reason: 'RESOURCE_ALREADY_EXISTS',
		});
		await sms.fails('RequestPhoneNumber', {...request, Tags: [{Key: 'a', Value: '1'}, {Key: 'a', Value: '2'}]}, 'ValidationException', {reason: 'INVALID_PARAMETER'});

		const all = (await sms.ok('DescribePhoneNumbers', {Filters: [{Name: 'status', Values: ['ACTIVE', 'PENDING']}]})).PhoneNumbers as any[];
		const pooled = all.find(p => p.PhoneNumber === '+12065550150');
		await sms.ok('DescribePhoneNumbers', {PhoneNumberIds: [sim.PhoneNumberId]});
		await sms.fails('DescribePhoneNumbers', {PhoneNumberIds: ['phone-00000000000000000000000000000000']}, 'ResourceNotFoundException');
		await sms.ok('UpdatePhoneNumber', {PhoneNumberId: sim.PhoneNumberId, InternationalSendingEnabled: false});
		await sms.fails('UpdatePhoneNumber', {PhoneNumberId: pooled.PhoneNumberId, SelfManagedOptOutsEnabled: true}, 'ConflictException', {reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL'});
		await sms.fails('UpdatePhoneNumber', {PhoneNumberId: sim.PhoneNumberId, TwoWayEnabled: true}, 'ValidationException', {reason: 'TWO_WAY_CHANNEL_NOT_PRESENT'});
		await sms.fails('UpdatePhoneNumber', {PhoneNumberId: sim.PhoneNumberId, SelfManagedOptOutsEnabled: true}, 'ValidationException', {reason: 'TWO_WAY_NOT_ENABLED'});
		await sms.fails('ReleasePhoneNumber', {PhoneNumberId: sim.PhoneNumberId}, 'ConflictException', {reason: 'DELETION_PROTECTION_ENABLED'});
		await sms.fails('ReleasePhoneNumber', {PhoneNumberId: pooled.PhoneNumberId}, 'ConflictException', {reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL'});
		await sms.ok('UpdatePhoneNumber', {PhoneNumberId: sim.PhoneNumberId, DeletionProtectionEnabled: false});
		await sms.ok('ReleasePhoneNumber', {PhoneNumberId: sim.PhoneNumberId});
		await sms.fails('ReleasePhoneNumber', {PhoneNumberId: sim.PhoneNumberId}, 'ResourceNotFoundException');
		await sms.fails('RequestPhoneNumber', {...request, NumberPreference: [{PreferenceType: ['ExactMatch'], Filter: [sim.PhoneNumber]}]}, 'ValidationException', {
			reason: 'INVALID_PARAMETER',
		});

		await sms.ok('RequestSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'GB', DeletionProtectionEnabled: true});
		await sms.fails('RequestSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'GB'}, 'ConflictException', {reason: 'RESOURCE_ALREADY_EXISTS'});
		await sms.fails('RequestSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'US'}, 'ValidationException', {reason: 'SENDER_ID_NOT_SUPPORTED'});
		await sms.fails('RequestSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'IN'}, 'ValidationException', {reason: 'SENDER_ID_REQUIRES_REGISTRATION'});
		await sms.fails('RequestSenderId', {SenderId: '12345', IsoCountryCode: 'GB'}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.ok('DescribeSenderIds');
		await sms.ok('DescribeSenderIds', {SenderIds: [{SenderId: 'CONFORM', IsoCountryCode: 'GB'}]});
		await sms.fails('DescribeSenderIds', {SenderIds: [{SenderId: 'NOSUCH', IsoCountryCode: 'GB'}]}, 'ResourceNotFoundException');
		await sms.fails('ReleaseSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'GB'}, 'ConflictException', {reason: 'DELETION_PROTECTION_ENABLED'});
		await sms.fails('ReleaseSenderId', {SenderId: 'SMSDECK', IsoCountryCode: 'GB'}, 'ConflictException', {reason: 'SENDER_ID_ASSOCIATED_TO_POOL'});
		await sms.ok('UpdateSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'GB', DeletionProtectionEnabled: false});
		await sms.fails('UpdateSenderId', {SenderId: 'NOSUCH', IsoCountryCode: 'GB'}, 'ResourceNotFoundException');
		await sms.ok('ReleaseSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'GB'});
		await sms.fails('ReleaseSenderId', {SenderId: 'CONFORM', IsoCountryCode: 'GB'}, 'ResourceNotFoundException');
	});

	test('pools', async () => {
		const request = {IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS', 'VOICE'], NumberType: 'SIMULATOR'};
		const a = await sms.ok('RequestPhoneNumber', request);
		const b = await sms.ok('RequestPhoneNumber', request);
		const promotional = await sms.ok('RequestPhoneNumber', {...request, MessageType: 'PROMOTIONAL'});
		const pool = await sms.ok('CreatePool', {OriginationIdentity: a.PhoneNumberId, MessageType: 'TRANSACTIONAL', DeletionProtectionEnabled: true});
		await sms.fails('CreatePool', {OriginationIdentity: 'phone-00000000000000000000000000000000', MessageType: 'TRANSACTIONAL'}, 'ResourceNotFoundException');
		await sms.fails('CreatePool', {OriginationIdentity: 'NOSUCH', MessageType: 'TRANSACTIONAL'}, 'ResourceNotFoundException');
		await sms.fails('CreatePool', {OriginationIdentity: a.PhoneNumberArn, IsoCountryCode: 'GB', MessageType: 'TRANSACTIONAL'}, 'ValidationException', {reason: 'COUNTRY_CODE_MISMATCH'});
		await sms.ok('DescribePools');
		await sms.ok('DescribePools', {PoolIds: [pool.PoolId], Filters: [{Name: 'status', Values: ['ACTIVE']}]});
		await sms.fails('DescribePools', {PoolIds: ['pool-00000000000000000000000000000000']}, 'ResourceNotFoundException');
		await sms.ok('AssociateOriginationIdentity', {PoolId: pool.PoolId, OriginationIdentity: b.PhoneNumberId});
		await sms.fails('AssociateOriginationIdentity', {PoolId: pool.PoolId, OriginationIdentity: promotional.PhoneNumberId}, 'ConflictException', {reason: 'MESSAGE_TYPE_MISMATCH'});
		await sms.fails('AssociateOriginationIdentity', {PoolId: 'pool-00000000000000000000000000000000', OriginationIdentity: b.PhoneNumberId}, 'ResourceNotFoundException');
		await sms.ok('ListPoolOriginationIdentities', {PoolId: pool.PoolId});
		await sms.fails('ListPoolOriginationIdentities', {PoolId: 'pool-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.ok('UpdatePool', {PoolId: pool.PoolId, SharedRoutesEnabled: true});
		await sms.fails('UpdatePool', {PoolId: pool.PoolId, TwoWayEnabled: true}, 'ValidationException', {reason: 'TWO_WAY_CHANNEL_NOT_PRESENT'});
		await sms.fails('UpdatePool', {PoolId: pool.PoolId, SelfManagedOptOutsEnabled: true}, 'ValidationException', {reason: 'TWO_WAY_NOT_ENABLED'});
		// A pool holding a sender ID cannot turn two-way on.
		for (const p of (await sms.ok('DescribePools')).Pools as any[]) {
			const members = (await sms.ok('ListPoolOriginationIdentities', {PoolId: p.PoolId})).OriginationIdentities as any[];
			if (!members.some(m => !m.PhoneNumber)) continue;
			await sms.fails('UpdatePool', {PoolId: p.PoolId, TwoWayEnabled: true, TwoWayChannelArn: `arn:aws:sns:us-east-1:${ACCOUNT}:inbound`}, 'ConflictException', {
				reason: 'TWO_WAY_CONFIG_MISMATCH',
			});
		}
		await sms.fails('DisassociateOriginationIdentity', {PoolId: pool.PoolId, OriginationIdentity: promotional.PhoneNumberId}, 'ConflictException', {
			reason: 'PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL',
		});
		await sms.fails('DisassociateOriginationIdentity', {PoolId: pool.PoolId, OriginationIdentity: 'SMSDECK', IsoCountryCode: 'GB'}, 'ResourceNotFoundException');
		await sms.ok('DisassociateOriginationIdentity', {PoolId: pool.PoolId, OriginationIdentity: b.PhoneNumberId});
		await sms.fails('DisassociateOriginationIdentity', {PoolId: pool.PoolId, OriginationIdentity: a.PhoneNumberId}, 'ConflictException', {reason: 'LAST_PHONE_NUMBER'});
		await sms.fails('DeletePool', {PoolId: pool.PoolId}, 'ConflictException', {reason: 'DELETION_PROTECTION_ENABLED'});
		await sms.ok('UpdatePool', {PoolId: pool.PoolId, DeletionProtectionEnabled: false});
		await sms.ok('DeletePool', {PoolId: pool.PoolId});
		await sms.fails('DeletePool', {PoolId: pool.PoolId}, 'ResourceNotFoundException');
	});

	test('configuration sets and event destinations', async () => {
		const name = 'conformance';
		const role = `arn:aws:iam::${ACCOUNT}:role/SMSEvents`;
		await sms.ok('CreateConfigurationSet', {ConfigurationSetName: name, Tags: [{Key: 'Team', Value: 'qa'}]});
		await sms.fails('CreateConfigurationSet', {ConfigurationSetName: name}, 'ConflictException', {reason: 'RESOURCE_ALREADY_EXISTS'});
		await sms.ok('DescribeConfigurationSets');
		await sms.ok('DescribeConfigurationSets', {ConfigurationSetNames: [name], Filters: [{Name: 'event-destination-name', Values: ['x']}]});
		await sms.fails('DescribeConfigurationSets', {ConfigurationSetNames: ['no-such-set']}, 'ResourceNotFoundException');
		await sms.ok('SetDefaultMessageType', {ConfigurationSetName: name, MessageType: 'PROMOTIONAL'});
		await sms.fails('SetDefaultMessageType', {ConfigurationSetName: 'no-such-set', MessageType: 'PROMOTIONAL'}, 'ResourceNotFoundException');
		await sms.ok('DeleteDefaultMessageType', {ConfigurationSetName: name});
		await sms.fails('DeleteDefaultMessageType', {ConfigurationSetName: 'no-such-set'}, 'ResourceNotFoundException');
		await sms.ok('SetDefaultSenderId', {ConfigurationSetName: name, SenderId: 'SMSDECK'});
		await sms.fails('SetDefaultSenderId', {ConfigurationSetName: 'no-such-set', SenderId: 'SMSDECK'}, 'ResourceNotFoundException');
		await sms.ok('DeleteDefaultSenderId', {ConfigurationSetName: name});
		await sms.fails('DeleteDefaultSenderId', {ConfigurationSetName: 'no-such-set'}, 'ResourceNotFoundException');
		const cwl = {IamRoleArn: role, LogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:conformance-events`};
		const sns = {TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:sms-events`};
		const destination = {ConfigurationSetName: name, EventDestinationName: 'cwl', MatchingEventTypes: ['ALL']};
		await sms.ok('CreateEventDestination', {...destination, CloudWatchLogsDestination: cwl});
		await sms.ok('CreateEventDestination', {...destination, EventDestinationName: 'sns', MatchingEventTypes: ['TEXT_ALL'], SnsDestination: sns});
		await sms.ok('CreateEventDestination', {
			...destination,
			EventDestinationName: 'firehose',
			KinesisFirehoseDestination: {IamRoleArn: role, DeliveryStreamArn: `arn:aws:firehose:us-east-1:${ACCOUNT}:deliverystream/sms`},
		});
		await sms.fails('CreateEventDestination', {...destination, CloudWatchLogsDestination: cwl}, 'ConflictException', {reason: 'RESOURCE_ALREADY_EXISTS'});
		await sms.fails('CreateEventDestination', {...destination, EventDestinationName: 'two', CloudWatchLogsDestination: cwl, SnsDestination: sns}, 'ValidationException', {
			reason: 'PARAMETERS_CANNOT_BE_USED_TOGETHER',
		});
		await sms.fails('CreateEventDestination', {...destination, EventDestinationName: 'none'}, 'ValidationException', {reason: 'MISSING_PARAMETER'});
		await sms.fails('CreateEventDestination', {...destination, EventDestinationName: 'bad', CloudWatchLogsDestination: {...cwl, LogGroupArn: sns.TopicArn}}, 'ValidationException', {
			reason: 'INVALID_ARN',
		});
		await sms.fails('CreateEventDestination', {...destination, ConfigurationSetName: 'no-such-set', SnsDestination: sns}, 'ResourceNotFoundException');
		await sms.ok('UpdateEventDestination', {ConfigurationSetName: name, EventDestinationName: 'cwl', Enabled: false, MatchingEventTypes: ['TEXT_ALL', 'VOICE_ALL']});
		await sms.fails('UpdateEventDestination', {ConfigurationSetName: name, EventDestinationName: 'cwl', SnsDestination: sns}, 'ConflictException', {reason: 'EVENT_DESTINATION_MISMATCH'});
		await sms.fails('UpdateEventDestination', {ConfigurationSetName: name, EventDestinationName: 'nope', Enabled: true}, 'ResourceNotFoundException');
		await sms.ok('DescribeConfigurationSets', {ConfigurationSetNames: [name]});
		await sms.ok('DeleteEventDestination', {ConfigurationSetName: name, EventDestinationName: 'sns'});
		await sms.fails('DeleteEventDestination', {ConfigurationSetName: name, EventDestinationName: 'sns'}, 'ResourceNotFoundException');
		await sms.ok('DeleteConfigurationSet', {ConfigurationSetName: name});
		await sms.fails('DeleteConfigurationSet', {ConfigurationSetName: name}, 'ResourceNotFoundException');
	});

	test('keywords, opt-out lists and opted-out numbers', async () => {
		const numbers = (await sms.ok('DescribePhoneNumbers')).PhoneNumbers as any[];
		const ca = numbers.find(p => p.PhoneNumber === '+12045550160');
		const pooled = numbers.find(p => p.PhoneNumber === '+12065550150');
		await sms.ok('DescribeKeywords', {OriginationIdentity: ca.PhoneNumberId});
		await sms.ok('DescribeKeywords', {OriginationIdentity: pooled.PhoneNumberArn, Keywords: ['help'], Filters: [{Name: 'keyword-action', Values: ['AUTOMATIC_RESPONSE']}]});
		await sms.fails('DescribeKeywords', {OriginationIdentity: 'SMSDECK'}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.fails('DescribeKeywords', {OriginationIdentity: 'pool-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.fails('DescribeKeywords', {OriginationIdentity: `arn:aws:sms-voice:us-east-1:${ACCOUNT}:sender-id/NOSUCH/GB`}, 'ResourceNotFoundException');
		await sms.fails('DescribeKeywords', {OriginationIdentity: ca.PhoneNumberId, Keywords: ['NOSUCH']}, 'ResourceNotFoundException');
		await sms.ok('PutKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: 'CONFORM', KeywordMessage: 'Conformance check.'});
		await sms.ok('PutKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: 'STOP', KeywordMessage: 'You are opted out.'});
		await sms.fails('PutKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: 'HELP', KeywordMessage: 'x', KeywordAction: 'OPT_OUT'}, 'ConflictException', {
			reason: 'RESOURCE_MODIFICATION_NOT_ALLOWED',
		});
		await sms.fails('PutKeyword', {OriginationIdentity: pooled.PhoneNumberId, Keyword: 'CONFORM', KeywordMessage: 'x'}, 'ConflictException', {reason: 'PHONE_NUMBER_ASSOCIATED_TO_POOL'});
		await sms.fails('PutKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: ' PADDED', KeywordMessage: 'x'}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		for (let i = 0; i < 30; i++) {
			const answer = await sms.raw('PutKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: `WORD${i}`, KeywordMessage: 'filler'});
			if (answer.status !== 200) {
				sms.checkError('PutKeyword', {}, answer, 'ServiceQuotaExceededException', 'KEYWORDS_PER_PHONE_NUMBER');
				break;
			}
		}
		await sms.ok('DeleteKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: 'CONFORM'});
		await sms.fails('DeleteKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: 'CONFORM'}, 'ResourceNotFoundException');
		await sms.fails('DeleteKeyword', {OriginationIdentity: ca.PhoneNumberId, Keyword: 'STOP'}, 'ConflictException', {reason: 'RESOURCE_DELETION_NOT_ALLOWED'});

		const list = 'conformance-optouts';
		await sms.ok('CreateOptOutList', {OptOutListName: list});
		await sms.fails('CreateOptOutList', {OptOutListName: list}, 'ConflictException', {reason: 'RESOURCE_ALREADY_EXISTS'});
		await sms.ok('DescribeOptOutLists');
		await sms.ok('DescribeOptOutLists', {OptOutListNames: [list]});
		await sms.fails('DescribeOptOutLists', {OptOutListNames: ['no-such-list']}, 'ResourceNotFoundException');
		await sms.ok('PutOptedOutNumber', {OptOutListName: list, OptedOutNumber: '+12065550133'});
		await sms.fails('PutOptedOutNumber', {OptOutListName: list, OptedOutNumber: '+999'}, 'ValidationException');
		await sms.fails('PutOptedOutNumber', {OptOutListName: 'no-such-list', OptedOutNumber: '+12065550133'}, 'ResourceNotFoundException');
		await sms.ok('DescribeOptedOutNumbers', {OptOutListName: list});
		await sms.ok('DescribeOptedOutNumbers', {OptOutListName: 'Default', Filters: [{Name: 'end-user-opted-out', Values: ['true']}]});
		await sms.fails('DescribeOptedOutNumbers', {OptOutListName: list, OptedOutNumbers: ['+12065550134']}, 'ResourceNotFoundException');
		await sms.fails('DescribeOptedOutNumbers', {OptOutListName: 'no-such-list'}, 'ResourceNotFoundException');
		await sms.ok('DeleteOptedOutNumber', {OptOutListName: list, OptedOutNumber: '+12065550133'});
		await sms.fails('DeleteOptedOutNumber', {OptOutListName: list, OptedOutNumber: '+12065550133'}, 'ResourceNotFoundException');
		await sms.fails('DeleteOptOutList', {OptOutListName: 'Default'}, 'ConflictException', {reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		await sms.fails('DeleteOptOutList', {OptOutListName: 'marketing-optouts'}, 'ConflictException', {reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		await sms.ok('DeleteOptOutList', {OptOutListName: list});
		await sms.fails('DeleteOptOutList', {OptOutListName: list}, 'ResourceNotFoundException');
	});

	test('verified destination numbers', async () => {
		const created = await sms.ok('CreateVerifiedDestinationNumber', {DestinationPhoneNumber: '+12065550177', Tags: [{Key: 'Owner', Value: 'qa'}]});
		await sms.fails('CreateVerifiedDestinationNumber', {DestinationPhoneNumber: '+12065550177'}, 'ConflictException', {reason: 'RESOURCE_ALREADY_EXISTS'});
		await sms.fails('CreateVerifiedDestinationNumber', {DestinationPhoneNumber: '+999'}, 'ValidationException');
		const verified = (await sms.ok('DescribeVerifiedDestinationNumbers')).VerifiedDestinationNumbers as any[];
		await sms.ok('DescribeVerifiedDestinationNumbers', {DestinationPhoneNumbers: ['+12065550177'], Filters: [{Name: 'status', Values: ['PENDING']}]});
		await sms.fails('DescribeVerifiedDestinationNumbers', {VerifiedDestinationNumberIds: ['verified-00000000000000000000000000000000']}, 'ResourceNotFoundException');
		const id = created.VerifiedDestinationNumberId;
		await sms.fails('VerifyDestinationNumber', {VerifiedDestinationNumberId: id, VerificationCode: '000000'}, 'ValidationException', {reason: 'VERIFICATION_CODE_MISMATCH'});
		await sms.ok('SendDestinationNumberVerificationCode', {VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT'});
		await sms.fails('SendDestinationNumberVerificationCode', {VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT', OriginationIdentity: 'phone-00000000000000000000000000000000'}, 'ConflictException', {
			reason: 'NO_ORIGINATION_IDENTITIES_FOUND',
		});
		const {code} = await emu.admin('verificationCode', {id});
		const wrong = code === '000001' ? '000002' : '000001';
		await sms.fails('VerifyDestinationNumber', {VerifiedDestinationNumberId: id, VerificationCode: wrong}, 'ValidationException', {reason: 'VERIFICATION_CODE_MISMATCH'});
		await sms.ok('VerifyDestinationNumber', {VerifiedDestinationNumberId: id, VerificationCode: code});
		await sms.fails('VerifyDestinationNumber', {VerifiedDestinationNumberId: id, VerificationCode: code}, 'ConflictException', {reason: 'VERIFICATION_ALREADY_COMPLETE'});
		await sms.fails('SendDestinationNumberVerificationCode', {VerifiedDestinationNumberId: id, VerificationChannel: 'TEXT'}, 'ConflictException', {reason: 'VERIFICATION_ALREADY_COMPLETE'});
		await sms.fails('DeleteVerifiedDestinationNumber', {VerifiedDestinationNumberId: id}, 'ConflictException', {reason: 'RESOURCE_DELETION_NOT_ALLOWED'});
		assert.ok(verified.length >= 3);
		// A number added more than a day ago can go.
		const region = 'eu-west-2';
		const [old] = (await sms.ok('DescribeVerifiedDestinationNumbers', {}, {region})).VerifiedDestinationNumbers as any[];
		await sms.ok('DeleteVerifiedDestinationNumber', {VerifiedDestinationNumberId: old.VerifiedDestinationNumberId}, {region});
		await sms.fails('DeleteVerifiedDestinationNumber', {VerifiedDestinationNumberId: old.VerifiedDestinationNumberId}, 'ResourceNotFoundException', {region});

		// A Region with no numbers: no identity can send the code, and the quota of ten numbers.
		const empty = 'ca-central-1';
		const first = await sms.ok('CreateVerifiedDestinationNumber', {DestinationPhoneNumber: '+12045550100'}, {region: empty});
		await sms.fails('SendDestinationNumberVerificationCode', {VerifiedDestinationNumberId: first.VerifiedDestinationNumberId, VerificationChannel: 'VOICE'}, 'ConflictException', {
			region: empty,
			reason: 'NO_ORIGINATION_IDENTITIES_FOUND',
		});
		for (let i = 1; i < 10; i++) await sms.ok('CreateVerifiedDestinationNumber', {DestinationPhoneNumber: `+12045550${110 + i}`}, {region: empty});
		await sms.fails('CreateVerifiedDestinationNumber', {DestinationPhoneNumber: '+12045550199'}, 'ServiceQuotaExceededException', {region: empty, reason: 'VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT'});
	});

	test('protect configurations', async () => {
		const p = await sms.ok('CreateProtectConfiguration', {DeletionProtectionEnabled: true, Tags: [{Key: 'Name', Value: 'conformance'}]});
		const id = p.ProtectConfigurationId;
		await sms.ok('DescribeProtectConfigurations');
		await sms.ok('DescribeProtectConfigurations', {ProtectConfigurationIds: [id], Filters: [{Name: 'account-default', Values: ['false']}]});
		await sms.fails('DescribeProtectConfigurations', {ProtectConfigurationIds: ['protect-00000000000000000000000000000000']}, 'ResourceNotFoundException');
		await sms.ok('UpdateProtectConfiguration', {ProtectConfigurationId: id, DeletionProtectionEnabled: true});
		await sms.fails('UpdateProtectConfiguration', {ProtectConfigurationId: 'protect-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		for (const capability of ['SMS', 'MMS', 'VOICE']) await sms.ok('GetProtectConfigurationCountryRuleSet', {ProtectConfigurationId: id, NumberCapability: capability});
		await sms.fails('GetProtectConfigurationCountryRuleSet', {ProtectConfigurationId: id, NumberCapability: 'RCS'}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.fails('GetProtectConfigurationCountryRuleSet', {ProtectConfigurationId: 'protect-00000000000000000000000000000000', NumberCapability: 'SMS'}, 'ResourceNotFoundException');
		const update = (NumberCapability: string, CountryRuleSetUpdates: Record<string, {ProtectStatus: string}>) => ({ProtectConfigurationId: id, NumberCapability, CountryRuleSetUpdates});
		await sms.ok('UpdateProtectConfigurationCountryRuleSet', update('SMS', {GB: {ProtectStatus: 'BLOCK'}, FR: {ProtectStatus: 'FILTER'}, DE: {ProtectStatus: 'MONITOR'}}));
		await sms.fails('UpdateProtectConfigurationCountryRuleSet', update('VOICE', {GB: {ProtectStatus: 'FILTER'}}), 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.fails('UpdateProtectConfigurationCountryRuleSet', update('SMS', {ZZ: {ProtectStatus: 'BLOCK'}}), 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.ok('AssociateProtectConfiguration', {ProtectConfigurationId: id, ConfigurationSetName: 'staging'});
		await sms.fails('AssociateProtectConfiguration', {ProtectConfigurationId: id, ConfigurationSetName: 'no-such-set'}, 'ResourceNotFoundException');
		await sms.fails('DeleteProtectConfiguration', {ProtectConfigurationId: id}, 'ConflictException', {reason: 'DELETION_PROTECTION_ENABLED'});
		await sms.ok('UpdateProtectConfiguration', {ProtectConfigurationId: id, DeletionProtectionEnabled: false});
		await sms.fails('DeleteProtectConfiguration', {ProtectConfigurationId: id}, 'ConflictException', {reason: 'PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET'});
		await sms.ok('DisassociateProtectConfiguration', {ProtectConfigurationId: id, ConfigurationSetName: 'staging'});
		await sms.fails('DisassociateProtectConfiguration', {ProtectConfigurationId: id, ConfigurationSetName: 'staging'}, 'ConflictException', {
			reason: 'PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET',
		});
		const override = {ProtectConfigurationId: id, DestinationPhoneNumber: '+447700900999'};
		await sms.ok('PutProtectConfigurationRuleSetNumberOverride', {...override, Action: 'BLOCK', ExpirationTimestamp: Math.floor(Date.now() / 1000) + 3600});
		await sms.ok('PutProtectConfigurationRuleSetNumberOverride', {...override, DestinationPhoneNumber: '+12065550188', Action: 'ALLOW'});
		await sms.fails('PutProtectConfigurationRuleSetNumberOverride', {...override, Action: 'BLOCK', ExpirationTimestamp: 1000}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		await sms.fails('PutProtectConfigurationRuleSetNumberOverride', {...override, DestinationPhoneNumber: '+999', Action: 'BLOCK'}, 'ValidationException');
		await sms.ok('ListProtectConfigurationRuleSetNumberOverrides', {ProtectConfigurationId: id});
		await sms.ok('ListProtectConfigurationRuleSetNumberOverrides', {ProtectConfigurationId: id, Filters: [{Name: 'created-after', Values: ['2020-01-01T00:00:00Z']}]});
		await sms.fails('ListProtectConfigurationRuleSetNumberOverrides', {ProtectConfigurationId: id, Filters: [{Name: 'created-after', Values: ['yesterday']}]}, 'ValidationException', {
			reason: 'INVALID_FILTER_VALUES',
		});
		// What the rules refuse: the destination's country, and a number override that wins over the country.
		const send = {DestinationPhoneNumber: SIM_DEST, OriginationIdentity: SIM, MessageBody: 'protected', ProtectConfigurationId: id};
		await sms.ok('UpdateProtectConfigurationCountryRuleSet', update('SMS', {US: {ProtectStatus: 'BLOCK'}}));
		await sms.fails('SendTextMessage', send, 'ConflictException', {reason: 'DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION'});
		await sms.ok('UpdateProtectConfigurationCountryRuleSet', update('SMS', {US: {ProtectStatus: 'ALLOW'}}));
		await sms.ok('PutProtectConfigurationRuleSetNumberOverride', {...override, DestinationPhoneNumber: SIM_DEST, Action: 'BLOCK'});
		await sms.fails('SendTextMessage', send, 'ConflictException', {reason: 'DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE'});
		await sms.fails('SendTextMessage', {...send, ProtectConfigurationId: 'protect-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.ok('DeleteProtectConfigurationRuleSetNumberOverride', {...override, DestinationPhoneNumber: SIM_DEST});
		await sms.ok('DeleteProtectConfigurationRuleSetNumberOverride', override);
		await sms.fails('DeleteProtectConfigurationRuleSetNumberOverride', override, 'ResourceNotFoundException');
		await sms.ok('SetAccountDefaultProtectConfiguration', {ProtectConfigurationId: id});
		await sms.fails('SetAccountDefaultProtectConfiguration', {ProtectConfigurationId: 'protect-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.ok('DescribeAccountAttributes');
		await sms.fails('DeleteProtectConfiguration', {ProtectConfigurationId: id}, 'ConflictException', {reason: 'PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT'});
		await sms.ok('DeleteAccountDefaultProtectConfiguration');
		await sms.fails('DeleteAccountDefaultProtectConfiguration', {}, 'ResourceNotFoundException');
		await sms.ok('DeleteProtectConfiguration', {ProtectConfigurationId: id});
		await sms.fails('DeleteProtectConfiguration', {ProtectConfigurationId: id}, 'ResourceNotFoundException');
	});

	test('registrations, their versions, field values, attachments and associations', async () => {
		const tollFree = 'US_TOLL_FREE_REGISTRATION';
		await sms.ok('DescribeRegistrationTypeDefinitions');
		await sms.fails('DescribeRegistrationTypeDefinitions', {RegistrationTypes: ['NO_SUCH_TYPE']}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_TYPE'});
		const types = (await sms.ok('DescribeRegistrationTypeDefinitions')).RegistrationTypeDefinitions as any[];
		for (const {RegistrationType} of types) {
			await sms.ok('DescribeRegistrationSectionDefinitions', {RegistrationType});
			await sms.ok('DescribeRegistrationFieldDefinitions', {RegistrationType});
		}
		await sms.fails('DescribeRegistrationSectionDefinitions', {RegistrationType: tollFree, SectionPaths: ['noSuchSection']}, 'ValidationException', {
			reason: 'UNKNOWN_REGISTRATION_SECTION',
		});
		await sms.fails('DescribeRegistrationFieldDefinitions', {RegistrationType: tollFree, FieldPaths: ['companyInfo.noSuchField']}, 'ValidationException', {
			reason: 'UNKNOWN_REGISTRATION_FIELD',
		});
		await sms.fails('DescribeRegistrationFieldDefinitions', {RegistrationType: tollFree, SectionPath: 'noSuchSection'}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_SECTION'});

		const seeded = (await sms.ok('DescribeRegistrations')).Registrations as any[];
		const byStatus = (status: string) => seeded.find(r => r.RegistrationStatus === status);
		const complete = byStatus('COMPLETE');
		const needsUpdates = byStatus('REQUIRES_UPDATES');
		assert.ok(complete && needsUpdates, 'the default seed has a COMPLETE registration and one that REQUIRES_UPDATES');
		for (const r of seeded) {
			await sms.ok('DescribeRegistrationVersions', {RegistrationId: r.RegistrationId});
			await sms.ok('DescribeRegistrationFieldValues', {RegistrationId: r.RegistrationId});
			await sms.ok('ListRegistrationAssociations', {RegistrationId: r.RegistrationId});
		}
		await sms.fails('DescribeRegistrations', {RegistrationIds: ['registration-00000000000000000000000000000000']}, 'ResourceNotFoundException');
		await sms.fails('DescribeRegistrationVersions', {RegistrationId: complete.RegistrationId, VersionNumbers: [99]}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_VERSION'});
		await sms.fails('DescribeRegistrationFieldValues', {RegistrationId: complete.RegistrationId, VersionNumber: 99}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_VERSION'});
		await sms.fails('DescribeRegistrationFieldValues', {RegistrationId: complete.RegistrationId, SectionPath: 'noSuchSection'}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_SECTION'});
		await sms.fails('ListRegistrationAssociations', {RegistrationId: 'registration-00000000000000000000000000000000'}, 'ResourceNotFoundException');

		const created = await sms.ok('CreateRegistration', {RegistrationType: tollFree, Tags: [{Key: 'Name', Value: 'conformance'}]});
		const id = created.RegistrationId;
		await sms.fails('CreateRegistration', {RegistrationType: 'NO_SUCH_TYPE'}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_TYPE'});
		await sms.ok('PutRegistrationFieldValue', {RegistrationId: id, FieldPath: 'companyInfo.companyName', TextValue: 'AnyCompany'});
		await sms.ok('PutRegistrationFieldValue', {RegistrationId: id, FieldPath: 'messagingUseCase.monthlyMessageVolume', SelectChoices: ['10,000']});
		await sms.fails('PutRegistrationFieldValue', {RegistrationId: id, FieldPath: 'companyInfo.companyName', TextValue: 'x', SelectChoices: ['y']}, 'ValidationException', {
			reason: 'FIELD_VALIDATION_FAILED',
		});
		await sms.fails('PutRegistrationFieldValue', {RegistrationId: id, FieldPath: 'companyInfo.noSuchField', TextValue: 'x'}, 'ValidationException', {reason: 'UNKNOWN_REGISTRATION_FIELD'});
		await sms.fails('PutRegistrationFieldValue', {RegistrationId: complete.RegistrationId, FieldPath: 'companyInfo.companyName', TextValue: 'AnyCompany'}, 'ConflictException', {
			reason: 'EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED',
		});
		await sms.ok('DescribeRegistrationFieldValues', {RegistrationId: id, FieldPaths: ['companyInfo.companyName']});
		await sms.ok('DeleteRegistrationFieldValue', {RegistrationId: id, FieldPath: 'companyInfo.companyName'});
		await sms.fails('DeleteRegistrationFieldValue', {RegistrationId: id, FieldPath: 'companyInfo.companyName'}, 'ValidationException', {reason: 'REGISTRATION_FIELD_CANNOT_BE_DELETED'});
		await sms.fails('SubmitRegistrationVersion', {RegistrationId: id}, 'ValidationException', {reason: 'FIELD_VALIDATION_FAILED'});
		await sms.fails('SubmitRegistrationVersion', {RegistrationId: complete.RegistrationId}, 'ConflictException', {reason: 'SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED'});
		await sms.fails('CreateRegistrationVersion', {RegistrationId: id}, 'ConflictException', {reason: 'CREATE_REGISTRATION_VERSION_NOT_ALLOWED'});
		await sms.fails('DiscardRegistrationVersion', {RegistrationId: id}, 'ConflictException', {reason: 'DISCARD_REGISTRATION_VERSION_NOT_ALLOWED'});

		// The registration that needs updates: a new version from the denied one, submitted, discarded, submitted again.
		await sms.ok('CreateRegistrationVersion', {RegistrationId: needsUpdates.RegistrationId});
		await sms.ok('SubmitRegistrationVersion', {RegistrationId: needsUpdates.RegistrationId});
		await sms.ok('DiscardRegistrationVersion', {RegistrationId: needsUpdates.RegistrationId});
		await sms.ok('SubmitRegistrationVersion', {RegistrationId: needsUpdates.RegistrationId, AwsReview: true});
		await emu.admin('reviewRegistration', {RegistrationId: needsUpdates.RegistrationId, outcome: 'deny', denied: [{FieldPath: 'messageFlow.helpMessage', Reason: 'Name the brand.'}]});
		await sms.ok('DescribeRegistrationVersions', {RegistrationId: needsUpdates.RegistrationId});
		await sms.ok('DescribeRegistrationFieldValues', {RegistrationId: needsUpdates.RegistrationId});
		await sms.ok('DescribeRegistrations', {RegistrationIds: [needsUpdates.RegistrationId]});

		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]).toString('base64');
		const attachment = await sms.ok('CreateRegistrationAttachment', {AttachmentBody: png, Tags: [{Key: 'Use', Value: 'opt-in'}]});
		await sms.ok('CreateRegistrationAttachment', {AttachmentUrl: 's3://bucket/opt-in.png'});
		await sms.fails('CreateRegistrationAttachment', {AttachmentBody: Buffer.from('GIF89a').toString('base64')}, 'ValidationException', {reason: 'ATTACHMENT_TYPE_NOT_SUPPORTED'});
		await sms.fails('CreateRegistrationAttachment', {AttachmentUrl: 's3://bucket/opt-in.pdf'}, 'ValidationException', {reason: 'ATTACHMENT_TYPE_NOT_SUPPORTED'});
		await sms.fails('CreateRegistrationAttachment', {}, 'ValidationException', {reason: 'INVALID_PARAMETER'});
		const attachments = (await sms.ok('DescribeRegistrationAttachments')).RegistrationAttachments as any[];
		await sms.ok('DescribeRegistrationAttachments', {RegistrationAttachmentIds: [attachment.RegistrationAttachmentId]});
		await sms.fails('DescribeRegistrationAttachments', {RegistrationAttachmentIds: ['attachment-00000000000000000000000000000000']}, 'ResourceNotFoundException');
		const used = attachments.find(a => a.RegistrationAttachmentId !== attachment.RegistrationAttachmentId && !a.AttachmentUrl);
		await sms.fails('DeleteRegistrationAttachment', {RegistrationAttachmentId: used.RegistrationAttachmentId}, 'ConflictException', {reason: 'RESOURCE_NOT_EMPTY'});
		await sms.ok('DeleteRegistrationAttachment', {RegistrationAttachmentId: attachment.RegistrationAttachmentId});
		await sms.fails('DeleteRegistrationAttachment', {RegistrationAttachmentId: attachment.RegistrationAttachmentId}, 'ResourceNotFoundException');

		const numbers = (await sms.ok('DescribePhoneNumbers')).PhoneNumbers as any[];
		const tenDlc = numbers.find(p => p.PhoneNumber === '+13125550152');
		const seededTollFree = numbers.find(p => p.PhoneNumber === '+18335550142');
		const tfn = await sms.ok('RequestPhoneNumber', {IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'TOLL_FREE'});
		await sms.ok('CreateRegistrationAssociation', {RegistrationId: id, ResourceId: tfn.PhoneNumberId});
		await sms.ok('ListRegistrationAssociations', {RegistrationId: id});
		await sms.fails('CreateRegistrationAssociation', {RegistrationId: id, ResourceId: tenDlc.PhoneNumberId}, 'ValidationException', {reason: 'INVALID_REGISTRATION_ASSOCIATION'});
		await sms.fails('CreateRegistrationAssociation', {RegistrationId: id, ResourceId: seededTollFree.PhoneNumberId}, 'ConflictException', {reason: 'PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION'});
		await sms.fails('CreateRegistrationAssociation', {RegistrationId: id, ResourceId: 'phone-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.fails('CreateRegistrationAssociation', {RegistrationId: id, ResourceId: `arn:aws:sms-voice:us-west-2:${ACCOUNT}:phone-number/phone-00000000000000000000000000000000`}, 'ConflictException', {
			reason: 'PHONE_NUMBER_NOT_IN_REGISTRATION_REGION',
		});
		await sms.fails('DeleteRegistration', {RegistrationId: id}, 'ConflictException', {reason: 'DISASSOCIATE_REGISTRATION_NOT_ALLOWED'});
		const empty = await sms.ok('CreateRegistration', {RegistrationType: 'US_TEN_DLC_BRAND_REGISTRATION'});
		await sms.ok('DeleteRegistration', {RegistrationId: empty.RegistrationId});
		await sms.fails('DeleteRegistration', {RegistrationId: empty.RegistrationId}, 'ResourceNotFoundException');
	});

	test('sending text, media and voice', async () => {
		const text = {DestinationPhoneNumber: SIM_DEST, OriginationIdentity: SIM, MessageBody: 'conformance'};
		await sms.ok('SendTextMessage', text);
		await sms.ok('SendTextMessage', {...text, ConfigurationSetName: 'smsdeck-simulator', Context: {run: 'conformance'}, DryRun: true});
		await sms.fails('SendTextMessage', {...text, MessageBody: '€'.repeat(1600)}, 'ValidationException', {reason: 'MAXIMUM_SIZE_EXCEEDED'});
		await sms.fails('SendTextMessage', {...text, ConfigurationSetName: 'no-such-set'}, 'ResourceNotFoundException');
		await sms.fails('SendTextMessage', {...text, DestinationPhoneNumber: '+447860019066'}, 'ValidationException', {reason: 'INVALID_IDENTITY_FOR_DESTINATION_COUNTRY'});
		await sms.fails('SendTextMessage', {...text, MaxPrice: '0.00001'}, 'ValidationException', {reason: 'PRICE_OVER_THRESHOLD'});
		await sms.fails('SendTextMessage', {...text, OriginationIdentity: '+12065550150', DestinationPhoneNumber: '+12065550190'}, 'ConflictException', {
			reason: 'DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
		});
		await sms.fails('SendTextMessage', {...text, OriginationIdentity: undefined, DestinationPhoneNumber: '+5352345678'}, 'ConflictException', {reason: 'NO_ORIGINATION_IDENTITIES_FOUND'});
		await sms.fails('SendTextMessage', {...text, OriginationIdentity: 'phone-00000000000000000000000000000000'}, 'ResourceNotFoundException');
		await sms.ok('PutOptedOutNumber', {OptOutListName: 'Default', OptedOutNumber: '+12065550142'});
		await sms.fails('SendTextMessage', {...text, OriginationIdentity: '+12065550150', DestinationPhoneNumber: '+12065550142'}, 'ConflictException', {
			reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
		});
		await emu.admin('setMonthlySpend', {channel: 'TEXT', amount: 1});
		await sms.fails('SendTextMessage', text, 'ServiceQuotaExceededException', {reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT'});
		await emu.admin('setMonthlySpend', {channel: 'TEXT', amount: 0});

		const media = {DestinationPhoneNumber: SIM_DEST, OriginationIdentity: SIM, MediaUrls: ['s3://bucket/cat.jpg'], MessageBody: 'a cat'};
		await sms.ok('SendMediaMessage', media);
		await sms.fails('SendMediaMessage', {...media, DestinationPhoneNumber: '+447860019066'}, 'ValidationException', {reason: 'DESTINATION_COUNTRY_BLOCKED'});
		await sms.fails('SendMediaMessage', {...media, OriginationIdentity: 'SMSDECK'}, 'ConflictException', {reason: 'NUMBER_CAPABILITIES_MISMATCH'});
		await emu.admin('setMonthlySpend', {channel: 'MEDIA', amount: 1});
		await sms.fails('SendMediaMessage', media, 'ServiceQuotaExceededException', {reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA'});

		const voice = {DestinationPhoneNumber: SIM_DEST, OriginationIdentity: SIM, MessageBody: 'Your code is 1 2 3.'};
		await sms.ok('SendVoiceMessage', voice);
		await sms.ok('SendVoiceMessage', {...voice, MessageBody: '<speak>Hello</speak>', MessageBodyTextType: 'SSML', VoiceId: 'JOANNA'});
		await sms.fails('SendVoiceMessage', {...voice, OriginationIdentity: 'SMSDECK'}, 'ValidationException', {reason: 'VOICE_CAPABILITY_NOT_AVAILABLE'});
		await emu.admin('setMonthlySpend', {channel: 'VOICE', amount: 1});
		await sms.fails('SendVoiceMessage', {...voice, DryRun: true}, 'ServiceQuotaExceededException', {reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE'});
		await emu.admin('setMonthlySpend', {channel: 'VOICE', amount: 0});
		// The voice sandbox: five calls a minute.
		for (let i = 0; i < 6; i++) {
			const answer = await sms.raw('SendVoiceMessage', voice);
			if (answer.status !== 200) {
				sms.checkError('SendVoiceMessage', voice, answer, 'ThrottlingException');
				break;
			}
		}
	});

	test('tags', async () => {
		const pools = (await sms.ok('DescribePools')).Pools as any[];
		const arn = pools[0].PoolArn;
		await sms.ok('TagResource', {ResourceArn: arn, Tags: [{Key: 'Conformance', Value: 'yes'}]});
		await sms.ok('ListTagsForResource', {ResourceArn: arn});
		await sms.ok('UntagResource', {ResourceArn: arn, TagKeys: ['Conformance']});
		const missing = `arn:aws:sms-voice:us-east-1:${ACCOUNT}:pool/pool-00000000000000000000000000000000`;
		for (const operation of ['TagResource', 'UntagResource', 'ListTagsForResource']) {
			await sms.fails(operation, {ResourceArn: missing, Tags: [{Key: 'a', Value: 'b'}], TagKeys: ['a']}, 'ResourceNotFoundException');
		}
		await sms.fails('TagResource', {ResourceArn: `arn:aws:sns:us-east-1:${ACCOUNT}:topic/x`, Tags: [{Key: 'a', Value: 'b'}]}, 'ValidationException', {reason: 'INVALID_ARN'});
		await sms.fails('ListTagsForResource', {ResourceArn: `arn:aws:sms-voice:eu-west-1:${ACCOUNT}:pool/${pools[0].PoolId}`}, 'ResourceNotFoundException');
		await sms.fails('ListTagsForResource', {ResourceArn: `arn:aws:sms-voice:us-east-1:${ACCOUNT}:gadget/x`}, 'ValidationException', {reason: 'INVALID_ARN'});
		// 200 tags at most: more in one call is refused by the model, more in all by the quota.
		const many = Array.from({length: 201}, (_, i) => ({Key: `k${i}`, Value: 'v'}));
		await sms.fails('TagResource', {ResourceArn: arn, Tags: many}, 'ValidationException', {reason: 'FIELD_VALIDATION_FAILED'});
		const existing = ((await sms.ok('ListTagsForResource', {ResourceArn: arn})).Tags as any[]).length;
		await sms.fails('TagResource', {ResourceArn: arn, Tags: many.slice(0, 201 - existing)}, 'ServiceQuotaExceededException', {reason: 'TAGS_PER_RESOURCE'});
	});

	test('CloudWatch Logs', async () => {
		const group = 'conformance-group';
		await logs.ok('CreateLogGroup', {logGroupName: group, tags: {Team: 'qa'}});
		await logs.ok('CreateLogGroup', {logGroupName: 'conformance-protected', deletionProtectionEnabled: true});
		await logs.fails('CreateLogGroup', {logGroupName: group}, 'ResourceAlreadyExistsException');
		await logs.fails('CreateLogGroup', {logGroupName: 'aws/reserved'}, 'InvalidParameterException');
		await logs.ok('DescribeLogGroups');
		await logs.ok('DescribeLogGroups', {logGroupNamePrefix: 'conformance', limit: 1});
		await logs.fails('DescribeLogGroups', {logGroupNamePrefix: 'a', logGroupNamePattern: 'b'}, 'InvalidParameterException');
		await logs.ok('ListLogGroups', {logGroupNamePattern: 'conformance'});
		await logs.fails('ListLogGroups', {nextToken: 'not-a-token'}, 'InvalidParameterException');
		await logs.ok('CreateLogStream', {logGroupName: group, logStreamName: 's1'});
		await logs.fails('CreateLogStream', {logGroupName: group, logStreamName: 's1'}, 'ResourceAlreadyExistsException');
		await logs.fails('CreateLogStream', {logGroupName: 'no-such-group', logStreamName: 's1'}, 'ResourceNotFoundException');
		const now = Date.now();
		await logs.ok('PutLogEvents', {logGroupName: group, logStreamName: 's1', logEvents: [{timestamp: now - 1000, message: 'one'}, {timestamp: now, message: 'two'}]});
		await logs.fails('PutLogEvents', {logGroupName: group, logStreamName: 's1', logEvents: [{timestamp: now, message: 'b'}, {timestamp: now - 1000, message: 'a'}]}, 'InvalidParameterException');
		await logs.fails('PutLogEvents', {logGroupName: group, logStreamName: 'no-such-stream', logEvents: [{timestamp: now, message: 'x'}]}, 'ResourceNotFoundException');
		await logs.ok('DescribeLogStreams', {logGroupName: group});
		await logs.ok('DescribeLogStreams', {logGroupIdentifier: group, orderBy: 'LastEventTime', descending: true});
		await logs.fails('DescribeLogStreams', {logGroupName: group, orderBy: 'LastEventTime', logStreamNamePrefix: 's'}, 'InvalidParameterException');
		await logs.fails('DescribeLogStreams', {logGroupName: 'no-such-group'}, 'ResourceNotFoundException');
		await logs.ok('GetLogEvents', {logGroupName: group, logStreamName: 's1', startFromHead: true});
		await logs.fails('GetLogEvents', {logGroupName: group, logStreamName: 's1', nextToken: 'bogus'}, 'InvalidParameterException');
		await logs.fails('GetLogEvents', {logGroupName: group, logStreamName: 'no-such-stream'}, 'ResourceNotFoundException');
		await logs.ok('FilterLogEvents', {logGroupName: group, filterPattern: 'two'});
		await logs.ok('FilterLogEvents', {logGroupIdentifier: group, logStreamNames: ['s1'], limit: 1});
		await logs.fails('FilterLogEvents', {logGroupName: group, logStreamNames: ['s1'], logStreamNamePrefix: 's'}, 'InvalidParameterException');
		await logs.fails('FilterLogEvents', {logGroupName: 'no-such-group'}, 'ResourceNotFoundException');
		await logs.ok('PutRetentionPolicy', {logGroupName: group, retentionInDays: 7});
		await logs.fails('PutRetentionPolicy', {logGroupName: group, retentionInDays: 8}, 'InvalidParameterException');
		await logs.fails('PutRetentionPolicy', {logGroupName: 'no-such-group', retentionInDays: 7}, 'ResourceNotFoundException');
		await logs.ok('DescribeLogGroups', {logGroupNamePrefix: group});
		await logs.ok('DeleteRetentionPolicy', {logGroupName: group});
		await logs.fails('DeleteRetentionPolicy', {logGroupName: 'no-such-group'}, 'ResourceNotFoundException');

		const arn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}`;
		const missingArn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:no-such-group`;
		await logs.ok('TagResource', {resourceArn: arn, tags: {Env: 'test'}});
		await logs.fails('TagResource', {resourceArn: arn, tags: Object.fromEntries(Array.from({length: 50}, (_, i) => [`k${i}`, 'v']))}, 'TooManyTagsException');
		await logs.fails('TagResource', {resourceArn: 'log-group-name', tags: {a: 'b'}}, 'InvalidParameterException');
		await logs.fails('TagResource', {resourceArn: missingArn, tags: {a: 'b'}}, 'ResourceNotFoundException');
		await logs.ok('ListTagsForResource', {resourceArn: arn});
		await logs.fails('ListTagsForResource', {resourceArn: missingArn}, 'ResourceNotFoundException');
		await logs.ok('UntagResource', {resourceArn: arn, tagKeys: ['Env']});
		await logs.fails('UntagResource', {resourceArn: missingArn, tagKeys: ['Env']}, 'ResourceNotFoundException');
		await logs.ok('TagLogGroup', {logGroupName: group, tags: {Old: 'api'}});
		await logs.fails('TagLogGroup', {logGroupName: group, tags: Object.fromEntries(Array.from({length: 50}, (_, i) => [`k${i}`, 'v']))}, 'InvalidParameterException');
		await logs.fails('TagLogGroup', {logGroupName: 'no-such-group', tags: {a: 'b'}}, 'ResourceNotFoundException');
		await logs.ok('ListTagsLogGroup', {logGroupName: group});
		await logs.fails('ListTagsLogGroup', {logGroupName: 'no-such-group'}, 'ResourceNotFoundException');
		await logs.ok('UntagLogGroup', {logGroupName: group, tags: ['Old']});
		await logs.fails('UntagLogGroup', {logGroupName: 'no-such-group', tags: ['Old']}, 'ResourceNotFoundException');
		// Logs Insights: a query answers Running first, then Complete with the rows.
		const seconds = Math.floor(now / 1000);
		const query = {logGroupName: group, startTime: seconds - 60, endTime: seconds + 60, queryString: 'stats count(*) by @logStream'};
		const {queryId} = await logs.ok('StartQuery', query);
		for (let answer = await logs.ok('GetQueryResults', {queryId}); answer.status !== 'Complete'; answer = await logs.ok('GetQueryResults', {queryId})) {
			assert.ok(['Scheduled', 'Running'].includes(answer.status), `GetQueryResults status ${answer.status}`);
		}
		await logs.ok('StartQuery', {logGroupIdentifiers: [group], startTime: seconds - 60, endTime: seconds + 60, queryString: 'fields @message | limit 1', limit: 5});
		await logs.ok('GetQueryResults', {queryId, maxItems: 1});
		await logs.fails('GetQueryResults', {queryId: 'no-such-query'}, 'ResourceNotFoundException');
		await logs.fails('GetQueryResults', {queryId, nextToken: 'bogus'}, 'InvalidParameterException');
		await logs.fails('StartQuery', {...query, queryString: 'stats count(* by x'}, 'MalformedQueryException');
		await logs.fails('StartQuery', {...query, logGroupName: 'no-such-group'}, 'ResourceNotFoundException');
		await logs.fails('StartQuery', {...query, logGroupNames: [group]}, 'InvalidParameterException');
		await emu.admin('holdInsightsQueries', {enabled: true});
		const held = await logs.ok('StartQuery', query);
		await logs.ok('StopQuery', {queryId: held.queryId});
		await logs.fails('StopQuery', {queryId: held.queryId}, 'InvalidParameterException');
		await logs.fails('StopQuery', {queryId: 'no-such-query'}, 'ResourceNotFoundException');
		for (let i = 0; i < 100; i++) await emu.logs.service.handlers.StartQuery(query, {region: 'us-east-1', accountId: ACCOUNT, requestId: 'r'});
		await logs.fails('StartQuery', query, 'LimitExceededException');
		await emu.admin('holdInsightsQueries', {enabled: false});
		await logs.ok('DescribeQueries', {logGroupName: group, maxResults: 2});
		await logs.ok('DescribeQueries', {status: 'Cancelled'});
		await logs.fails('DescribeQueries', {logGroupName: 'no-such-group'}, 'ResourceNotFoundException');
		await logs.fails('DescribeQueries', {nextToken: 'bogus'}, 'InvalidParameterException');
		await logs.ok('DeleteLogStream', {logGroupName: group, logStreamName: 's1'});
		await logs.fails('DeleteLogStream', {logGroupName: group, logStreamName: 's1'}, 'ResourceNotFoundException');
		await logs.fails('DeleteLogGroup', {logGroupName: 'conformance-protected'}, 'OperationAbortedException');
		await logs.ok('DeleteLogGroup', {logGroupName: group});
		await logs.fails('DeleteLogGroup', {logGroupName: group}, 'ResourceNotFoundException');
	});

	test('CloudWatch metrics: GetMetricData and ListMetrics over the spend metrics', async () => {
		// A Region where nothing else is sent: the only sample is this one.
		const region = 'ca-central-1';
		await emu.admin('setMonthlySpend', {region, channel: 'TEXT', amount: 0.25});
		const metric = {Namespace: 'AWS/SMSVoice', MetricName: 'TextMessageMonthlySpend'};
		const query = (period = 60, stat = 'Maximum') => ({Id: 'q', MetricStat: {Metric: metric, Period: period, Stat: stat}});
		const now = Date.now() / 1000;
		const window = {StartTime: now - 3600, EndTime: now + 60};
		const got = await cloudwatch.ok('GetMetricData', {MetricDataQueries: [query()], ...window}, {region});
		assert.deepEqual(got.MetricDataResults[0].Values, [0.25]);
		await cloudwatch.ok('GetMetricData', {MetricDataQueries: [query(), {...query(), Id: 'r', ReturnData: false}], ...window, ScanBy: 'TimestampAscending', MaxDatapoints: 1});
		await cloudwatch.fails('GetMetricData', {MetricDataQueries: [query()], ...window, NextToken: 'bogus'}, 'InvalidNextToken');
		await cloudwatch.fails('GetMetricData', {MetricDataQueries: [query(90)], ...window}, 'InvalidParameterValueException');
		await cloudwatch.fails('GetMetricData', {MetricDataQueries: [{Id: 'e', Expression: 'q * 2'}], ...window}, 'InvalidParameterValueException');
		await cloudwatch.fails('GetMetricData', {MetricDataQueries: [{...query(), Expression: 'q'}], ...window}, 'InvalidParameterCombinationException');
		await cloudwatch.fails('GetMetricData', {MetricDataQueries: [], ...window}, 'MissingRequiredParameterException');
		const listed = await cloudwatch.ok('ListMetrics', {Namespace: 'AWS/SMSVoice'}, {region});
		assert.deepEqual(listed.Metrics, [{...metric, Dimensions: []}]);
		await cloudwatch.ok('ListMetrics', {Dimensions: [{Name: 'Region'}], RecentlyActive: 'PT3H', IncludeLinkedAccounts: true});
		await cloudwatch.fails('ListMetrics', {NextToken: 'bogus'}, 'InvalidParameterValueException');
		await cloudwatch.fails('GetMetricAlarm', {}, 'UnknownOperationException');
		await cloudwatch.fails('PutMetricData', {Namespace: 'X', MetricData: []}, 'UnknownOperationException');
	});

	test('StartLiveTail: the event stream frames and the errors', async () => {
		const group = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:smsdeck-simulator-events`;
		const controller = new AbortController();
		const res = await fetch(emu.url, {
			method: 'POST',
			signal: controller.signal,
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': 'Logs_20140328.StartLiveTail',
				authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=00`,
			},
			body: JSON.stringify({logGroupIdentifiers: [group], logEventFilterPattern: 'TEXT'}),
		});
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/vnd.amazon.eventstream');
		assert.ok(res.headers.get('x-amzn-requestid'));
		const codec = new EventStreamCodec(
			bytes => Buffer.from(bytes).toString('utf8'),
			text => new Uint8Array(Buffer.from(text, 'utf8')),
		);
		const stream = logsModel.shapes.StartLiveTailResponseStream.members!;
		const seen = new Set<string>();
		let buffered = Buffer.alloc(0);
		const reader = res.body!.getReader();
		// Sends a text so that a sessionUpdate with a result arrives too.
		await sms.ok('SendTextMessage', {DestinationPhoneNumber: SIM_DEST, OriginationIdentity: SIM, MessageBody: 'live', ConfigurationSetName: 'smsdeck-simulator'});
		while (!seen.has('sessionStart') || !seen.has('sessionUpdate')) {
			const {value, done} = await reader.read();
			assert.ok(!done, 'the stream stays open');
			buffered = Buffer.concat([buffered, Buffer.from(value)]);
			while (buffered.length >= 4 && buffered.length >= buffered.readUInt32BE(0)) {
				const length = buffered.readUInt32BE(0);
				const message = codec.decode(buffered.subarray(0, length));
				buffered = buffered.subarray(length);
				const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.value]));
				assert.equal(headers[':message-type'], 'event');
				const type = String(headers[':event-type']);
				const payload = JSON.parse(Buffer.from(message.body).toString('utf8'));
				if (type === 'initial-response') {
					assert.deepEqual(payload, {}, 'StartLiveTailResponse has no members but the stream');
				} else {
					assert.ok(Object.hasOwn(stream, type), `${type} is an event of StartLiveTailResponseStream`);
					const problems = findOutputProblems(logsModel, stream[type].shape, payload);
					assert.deepEqual(problems, [], `${type}: ${JSON.stringify(problems)}`);
				}
				seen.add(type);
			}
		}
		controller.abort();
		await reader.cancel().catch(() => {});
		log.succeeded.add('Logs_20140328.StartLiveTail');

		await logs.fails('StartLiveTail', {logGroupIdentifiers: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:no-such-group`]}, 'ResourceNotFoundException');
		await logs.fails('StartLiveTail', {logGroupIdentifiers: [`${group}:*`.replace(/:\*$/, '*')]}, 'InvalidParameterException');
		await logs.fails('StartLiveTail', {logGroupIdentifiers: [group], logStreamNames: ['a'], logStreamNamePrefixes: ['b']}, 'InvalidParameterException');
		await logs.ok('CreateLogGroup', {logGroupName: 'conformance-infrequent', logGroupClass: 'INFREQUENT_ACCESS'});
		await logs.fails('StartLiveTail', {logGroupIdentifiers: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:conformance-infrequent`]}, 'InvalidOperationException');
		await emu.admin('denyLiveTail', {enabled: true});
		await logs.fails('StartLiveTail', {logGroupIdentifiers: [group]}, 'AccessDeniedException');
		await emu.admin('denyLiveTail', {enabled: false});
	});

	test('account quotas, in a Region of its own', async () => {
		const region = 'sa-east-1';
		/** Creates until the call fails, which must be the quota `reason` after `expected` creations. */
		const fill = async (operation: string, input: (i: number) => unknown, reason: string, expected: number) => {
			for (let i = 0; i <= expected; i++) {
				const answer = await sms.raw(operation, input(i), region);
				if (answer.status === 200) continue;
				sms.checkError(operation, input(i), answer, 'ServiceQuotaExceededException', reason);
				assert.equal(i, expected, `${operation} refused after ${i}`);
				return;
			}
			assert.fail(`${operation} was not refused after ${expected + 1}`);
		};
		const number = {IsoCountryCode: 'US', MessageType: 'TRANSACTIONAL', NumberCapabilities: ['SMS'], NumberType: 'SIMULATOR'};
		await fill('RequestPhoneNumber', () => number, 'PHONE_NUMBERS_PER_ACCOUNT', 25);
		await fill('RequestSenderId', i => ({SenderId: `QUOTA${i}`, IsoCountryCode: 'GB'}), 'SENDER_IDS_PER_ACCOUNT', 25);
		await fill('CreatePool', i => ({OriginationIdentity: `QUOTA${i}`, IsoCountryCode: 'GB', MessageType: 'TRANSACTIONAL'}), 'POOLS_PER_ACCOUNT', 25);
		await fill('CreateConfigurationSet', i => ({ConfigurationSetName: `quota-${i}`}), 'CONFIGURATION_SETS_PER_ACCOUNT', 25);
		await fill('CreateOptOutList', i => ({OptOutListName: `quota-${i}`}), 'OPT_OUT_LISTS_PER_ACCOUNT', 24);
		await fill('CreateProtectConfiguration', () => ({}), 'PROTECT_CONFIGURATIONS_PER_ACCOUNT', 25);
		await fill('CreateRegistration', () => ({RegistrationType: 'US_TEN_DLC_BRAND_REGISTRATION'}), 'REGISTRATIONS_PER_ACCOUNT', 25);
		await fill('CreateRegistrationAttachment', i => ({AttachmentUrl: `s3://bucket/${i}.png`}), 'REGISTRATION_ATTACHMENTS_PER_ACCOUNT', 25);
		const destination = {ConfigurationSetName: 'quota-0', MatchingEventTypes: ['ALL'], SnsDestination: {TopicArn: `arn:aws:sns:${region}:${ACCOUNT}:events`}};
		await fill('CreateEventDestination', i => ({...destination, EventDestinationName: `d${i}`}), 'EVENT_DESTINATIONS_PER_CONFIGURATION_SET', 5);
	});

	test('pool membership and inactive numbers', async () => {
		const pools = (await sms.ok('DescribePools')).Pools as any[];
		const transactional = pools.find(p => p.DeletionProtectionEnabled && p.MessageType === 'TRANSACTIONAL');
		const [member] = (await sms.ok('ListPoolOriginationIdentities', {PoolId: transactional.PoolId})).OriginationIdentities as any[];
		await sms.fails('AssociateOriginationIdentity', {PoolId: transactional.PoolId, OriginationIdentity: member.OriginationIdentity}, 'ConflictException', {reason: 'RESOURCE_ALREADY_ASSOCIATED'});
		const marketing = pools.find(p => p.OptOutListName === 'marketing-optouts');
		const request = {IsoCountryCode: 'US', MessageType: 'PROMOTIONAL', NumberCapabilities: ['SMS'], NumberType: 'TEN_DLC', PoolId: marketing.PoolId, OptOutListName: 'Default'};
		await sms.fails('RequestPhoneNumber', request, 'ConflictException', {reason: 'OPT_OUT_LIST_MISMATCH'});
		const other = await sms.ok('RequestPhoneNumber', {...request, PoolId: undefined});
		await sms.fails('AssociateOriginationIdentity', {PoolId: marketing.PoolId, OriginationIdentity: other.PhoneNumberId}, 'ConflictException', {reason: 'OPT_OUT_LIST_MISMATCH'});
		// A 10DLC number whose campaign is in review is PENDING: it cannot send.
		await sms.fails('SendTextMessage', {DestinationPhoneNumber: SIM_DEST, OriginationIdentity: '+17205550180', MessageBody: 'pending'}, 'ConflictException', {reason: 'RESOURCE_NOT_ACTIVE'});
	});

	test('Pinpoint push (REST-JSON): applications, the seven channels, endpoints and SendMessages', async () => {
		const missing = '0'.repeat(32);
		const apps = (await push.ok('GetApps')).Item as {Id: string; Name: string}[];
		const shop = apps.find(a => a.Name === 'shop-mobile')!.Id;
		const page = await push.ok('GetApps', {PageSize: '1'});
		await push.ok('GetApps', {PageSize: '1', Token: page.NextToken});
		await push.fails('GetApps', {Token: 'bm9wZQ'}, 'BadRequestException');
		await push.ok('GetApp', {ApplicationId: shop});
		await push.fails('GetApp', {ApplicationId: missing}, 'NotFoundException');
		const created = await push.ok('CreateApp', {CreateApplicationRequest: {Name: 'conformance', tags: {team: 'qa'}}});
		await push.fails('CreateApp', {CreateApplicationRequest: {}}, 'BadRequestException');
		await push.ok('GetChannels', {ApplicationId: created.Id});
		await push.ok('GetChannels', {ApplicationId: shop});
		await push.fails('GetChannels', {ApplicationId: missing}, 'NotFoundException');
		const requests: Record<string, Record<string, unknown>> = {
			Apns: {Certificate: 'cert', PrivateKey: 'key'},
			ApnsSandbox: {TokenKey: 'k', TokenKeyId: 'ABC123', TeamId: 'TEAM', BundleId: 'com.example.app'},
			ApnsVoip: {Certificate: 'cert', PrivateKey: 'key', DefaultAuthenticationMethod: 'CERTIFICATE'},
			ApnsVoipSandbox: {TokenKey: 'k', TokenKeyId: 'ABC123', TeamId: 'TEAM', BundleId: 'com.example.app'},
			Gcm: {ServiceJson: '{"type":"service_account"}'},
			Baidu: {ApiKey: 'api', SecretKey: 'secret'},
			Adm: {ClientId: 'client', ClientSecret: 'secret'},
		};
		for (const [stem, request] of Object.entries(requests)) {
			const member = pinpointModel.shapes[`Update${stem}ChannelRequest`].payload!;
			await push.fails(`Get${stem}Channel`, {ApplicationId: created.Id}, 'NotFoundException');
			await push.fails(`Update${stem}Channel`, {ApplicationId: missing, [member]: request}, 'NotFoundException');
			await push.fails(`Update${stem}Channel`, {ApplicationId: created.Id, [member]: {Enabled: true}}, 'BadRequestException');
			await push.ok(`Update${stem}Channel`, {ApplicationId: created.Id, [member]: request});
			await push.ok(`Update${stem}Channel`, {ApplicationId: created.Id, [member]: stem === 'Baidu' || stem === 'Adm' ? {...request, Enabled: false} : {Enabled: false}});
			await push.ok(`Get${stem}Channel`, {ApplicationId: created.Id});
			await push.ok(`Delete${stem}Channel`, {ApplicationId: created.Id});
			await push.fails(`Delete${stem}Channel`, {ApplicationId: created.Id}, 'NotFoundException');
		}
		await push.ok('UpdateEndpoint', {ApplicationId: created.Id, EndpointId: 'device-1', EndpointRequest: {ChannelType: 'GCM', Address: 'token-1', Location: {Country: 'US', Latitude: 47.6}}});
		await push.fails('UpdateEndpoint', {ApplicationId: created.Id, EndpointId: 'device-1', EndpointRequest: {ChannelType: 'PAGER'}}, 'BadRequestException');
		await push.ok('GetEndpoint', {ApplicationId: created.Id, EndpointId: 'device-1'});
		await push.ok('GetEndpoint', {ApplicationId: shop, EndpointId: 'ios-device-1'});
		await push.fails('GetEndpoint', {ApplicationId: created.Id, EndpointId: 'device-2'}, 'NotFoundException');
		const message = {MessageConfiguration: {DefaultPushNotificationMessage: {Title: 'Hello', Body: 'World'}}};
		const sent = await push.ok('SendMessages', {
			ApplicationId: shop,
			MessageRequest: {...message, Addresses: {'good-token': {ChannelType: 'APNS'}, 'invalid-token': {ChannelType: 'GCM'}, 'throttled-token': {ChannelType: 'APNS_SANDBOX'}}, Endpoints: {'ios-device-1': {}, 'no-such-device': {}}},
		});
		assert.deepEqual(Object.values(sent.Result).map((r: any) => r.DeliveryStatus), ['SUCCESSFUL', 'PERMANENT_FAILURE', 'THROTTLED']);
		await push.fails('SendMessages', {ApplicationId: shop, MessageRequest: message}, 'BadRequestException');
		await push.fails('SendMessages', {ApplicationId: missing, MessageRequest: {...message, Addresses: {t: {ChannelType: 'GCM'}}}}, 'NotFoundException');
		await push.ok('DeleteEndpoint', {ApplicationId: created.Id, EndpointId: 'device-1'});
		await push.fails('DeleteEndpoint', {ApplicationId: created.Id, EndpointId: 'device-1'}, 'NotFoundException');
		await push.ok('DeleteApp', {ApplicationId: created.Id});
		await push.fails('DeleteApp', {ApplicationId: created.Id}, 'NotFoundException');
		// The front: a path of the service with another method, a path it does not have, a body that is not JSON.
		push.checkError('GetApps', {}, await push.send('PATCH', '/v1/apps', '{}'), 'MethodNotAllowedException');
		push.checkError('GetApp', {}, await push.send('GET', `/v1/apps/${shop}/nothing-here`, undefined), 'NotFoundException');
		push.checkError('CreateApp', {}, await push.send('POST', '/v1/apps', '{"Name":'), 'BadRequestException');
		push.checkError('CreateApp', {}, await push.send('POST', '/v1/apps', JSON.stringify({Name: 'x'.repeat(9 * 1024 * 1024)})), 'PayloadTooLargeException');
		await emu.admin('setRegionEnabled', {region: 'ap-east-1', enabled: false});
		await push.fails('GetApps', {}, 'UnrecognizedClientException', {region: 'ap-east-1'});
		await emu.admin('throttleNext', {count: 1, operation: 'GetApps'});
		await push.fails('GetApps', {}, 'TooManyRequestsException');
		await emu.admin('failPushNext', {operation: 'GetApps', code: 'InternalServerErrorException', message: 'boom', status: 500});
		await push.fails('GetApps', {}, 'InternalServerErrorException');
	});

	test('errors of the front: unknown and unimplemented operations, bodies, Regions, throttling, injected faults', async () => {
		const check = (client: WireClient, operation: string, answer: Awaited<ReturnType<WireClient['raw']>>, code: string) => client.checkError(operation, {}, answer, code);
		check(sms, 'NoSuchOperation', await sms.raw('NoSuchOperation', {}), 'UnknownOperationException');
		check(sms, 'SendRcsMessage', await sms.raw('SendRcsMessage', {}), 'UnknownOperationException');
		check(logs, 'GetLogRecord', await logs.raw('GetLogRecord', {logRecordPointer: 'p'}), 'UnknownOperationException');
		check(sms, 'DescribePools', await sms.raw('DescribePools', undefined, 'us-east-1', {body: '{not json'}), 'SerializationException');
		check(logs, 'DescribeLogGroups', await logs.raw('DescribeLogGroups', undefined, 'us-east-1', {body: '[1]'}), 'SerializationException');
		check(sms, 'DescribePools', await sms.raw('DescribePools', {}, 'us-east-1', {headers: {'content-type': 'text/plain'}}), 'SerializationException');
		check(sms, 'DescribePools', await sms.raw('DescribePools', undefined, 'us-east-1', {body: '['.repeat(100) + ']'.repeat(100)}), 'SerializationException');
		const tooLarge = JSON.stringify({MessageBody: 'x'.repeat(8 * 1024 * 1024)});
		check(sms, 'SendTextMessage', await sms.raw('SendTextMessage', undefined, 'us-east-1', {body: tooLarge}), 'SerializationException');
		await emu.admin('setRegionEnabled', {region: 'ap-east-1', enabled: false});
		await sms.fails('DescribePools', {}, 'UnrecognizedClientException', {region: 'ap-east-1'});
		await logs.fails('DescribeLogGroups', {}, 'UnrecognizedClientException', {region: 'ap-east-1'});
		await emu.admin('throttleNext', {count: 1});
		await logs.fails('DescribeLogGroups', {}, 'ThrottlingException');
		await emu.admin('failNext', {operation: 'DescribePools', code: 'InternalServerException', message: 'boom', members: {RequestId: 'r-1'}, status: 500});
		await sms.fails('DescribePools', {}, 'InternalServerException');
		await emu.admin('failLogsNext', {operation: 'DescribeLogGroups', code: 'ServiceUnavailableException'});
		await logs.fails('DescribeLogGroups', {}, 'ServiceUnavailableException');
	});

	test('every operation refuses input the model does not allow, or a throttled call, with a modeled error', async () => {
		for (const [client, service] of [
			[sms, emu.sms],
			[logs, emu.logs.service],
			[cloudwatch, emu.cloudwatch.service],
		] as const) {
			for (const operation of Object.keys(service.handlers).sort()) {
				const input = invalidInput(client.model, operation);
				if (input === undefined) {
					await emu.admin('throttleNext', {count: 1, operation});
					await client.fails(operation, {}, 'ThrottlingException');
					continue;
				}
				const code = client.flavor !== 'logs' ? 'ValidationException' : client.model.operations[operation].errors.includes('InvalidParameterException') ? 'InvalidParameterException' : 'ValidationException';
				await client.fails(operation, input, code);
			}
		}
		// Pinpoint: the path members are always there; a request without its payload (or with a payload of the
		// wrong type) is refused, and an operation without one is throttled.
		const [app] = (await push.ok('GetApps')).Item as {Id: string}[];
		for (const operation of Object.keys(emu.push.handlers).sort()) {
			const shape = pinpointModel.shapes[pinpointModel.operations[operation].input!];
			const input: Record<string, unknown> = {ApplicationId: app.Id, EndpointId: 'ios-device-1'};
			if (shape.payload) await push.fails(operation, {...input, [shape.payload]: operation === 'CreateApp' ? {Name: 7} : undefined}, 'BadRequestException');
			else {
				await emu.admin('throttleNext', {count: 1, operation});
				await push.fails(operation, input, 'TooManyRequestsException');
			}
		}
	});

	test('no answer departs from the model, and no call failed inside the emulator', () => {
		assert.deepEqual(emu.internalErrors, []);
		assert.deepEqual(log.problems, []);
	});

	test('every implemented operation was seen to succeed and to fail', t => {
		const implemented = [
			...Object.keys(emu.sms.handlers).map(op => `PinpointSMSVoiceV2.${op}`),
			...Object.keys(emu.logs.service.handlers).map(op => `Logs_20140328.${op}`),
			...Object.keys(emu.cloudwatch.service.handlers).map(op => `GraniteServiceVersion20100801.${op}`),
			...Object.keys(emu.push.handlers).map(op => `mobiletargeting.${op}`),
		].sort();
		assert.ok(implemented.length >= 100, `${implemented.length} operations`);
		assert.equal(Object.keys(emu.push.handlers).length, 30, 'the Pinpoint operations smsdeck calls');
		assert.deepEqual(implemented.filter(op => !log.succeeded.has(op)), [], 'operations without a success case');
		assert.deepEqual(implemented.filter(op => !log.failed.has(op)), [], 'operations without an error case');
		// Every operation the emulator answers is one of the model's.
		assert.deepEqual(Object.keys(emu.sms.handlers).filter(op => !smsVoiceModel.operations[op]), []);
		assert.deepEqual(Object.keys(emu.logs.service.handlers).filter(op => !logsModel.operations[op]), []);
		assert.deepEqual(Object.keys(emu.cloudwatch.service.handlers).filter(op => !cloudwatchModel.operations[op]), []);
		assert.deepEqual(Object.keys(emu.push.handlers).filter(op => !pinpointModel.operations[op]), []);
		assert.deepEqual(Object.keys(pinpointModel.operations).filter(op => !emu.push.handlers[op]), [], 'every operation of pinpoint.json is answered');
		t.diagnostic(`${implemented.length} operations, ${log.succeeded.size} with a success, ${log.failed.size} with an error; ${log.errors.size} distinct errors: ${[...log.errors].sort().join(', ')}`);
	});
});

describe('the hostile seed answers within the model too', () => {
	test('every Describe and List operation of sms-voice and the log groups', async () => {
		const emu = await startEmulator('hostile');
		try {
			const log = new ConformanceLog();
			const sms = new WireClient(emu.url, smsVoiceModel, 'sms-voice', log);
			const logs = new WireClient(emu.url, logsModel, 'logs', log);
			for (const operation of Object.keys(emu.sms.handlers).filter(op => /^(Describe|List)/.test(op))) {
				const required = smsVoiceModel.shapes[smsVoiceModel.operations[operation].input ?? '']?.required ?? [];
				if (required.length === 0) for (const region of ['us-east-1', 'us-west-2', 'eu-west-2']) await sms.ok(operation, {}, {region});
			}
			const pools = (await sms.ok('DescribePools')).Pools as any[];
			for (const p of pools) {
				await sms.ok('DescribeKeywords', {OriginationIdentity: p.PoolId});
				await sms.ok('ListPoolOriginationIdentities', {PoolId: p.PoolId});
				await sms.ok('ListTagsForResource', {ResourceArn: p.PoolArn});
			}
			for (const n of (await sms.ok('DescribePhoneNumbers')).PhoneNumbers as any[]) await sms.ok('ListTagsForResource', {ResourceArn: n.PhoneNumberArn});
			const groups = (await logs.ok('DescribeLogGroups')).logGroups as any[];
			for (const g of groups) {
				await logs.ok('DescribeLogStreams', {logGroupName: g.logGroupName});
				await logs.ok('FilterLogEvents', {logGroupName: g.logGroupName});
			}
			assert.ok(log.succeeded.size > 10);
			assert.deepEqual(emu.internalErrors, []);
			assert.deepEqual(log.problems, []);
		} finally {
			emu.logs.close();
			await emu.server.close();
		}
	});
});
