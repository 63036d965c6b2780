// The IAM policies in source/iam list exactly the actions the code calls (scanned from source/services), plus the
// dependent actions the Service Authorization Reference lists for those calls (source/iam/dependentActions.mjs).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
// @ts-expect-error plain JS tool without types
import {buildPolicies, dependentActions, isReadAction, literalMembers, scanActions, scanCalls} from '../../source/tools/iamPolicy.mjs';

const committed = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'source', 'iam', name), 'utf8'));
const actionsOf = (doc: {Statement: {Action: string[]}[]}) => doc.Statement.flatMap(s => s.Action);

test('the committed policies match the SDK calls in source/services (run npm run iam after adding a call)', () => {
	const built = buildPolicies() as Record<string, unknown>;
	for (const name of Object.keys(built)) assert.deepEqual(committed(name), built[name], `${name} is out of date`);
});

test('read-only holds only reads; the operator policy holds every call', () => {
	const readOnly = actionsOf(committed('smsdeck-read-only.json'));
	const operator = actionsOf(committed('smsdeck-operator.json'));
	assert.ok(readOnly.every(isReadAction), 'no change in the read-only policy');
	for (const a of readOnly) assert.ok(operator.includes(a), `${a} also in operator`);
	const scanned = [...(scanActions() as Map<string, string[]>).keys()];
	const dependents = [...(dependentActions() as Map<string, string[]>).keys()];
	assert.deepEqual([...operator].sort(), [...new Set([...scanned, ...dependents])].sort());
	assert.ok(readOnly.includes('sms-voice:DescribePhoneNumbers') && readOnly.includes('logs:FilterLogEvents'));
});

type Calls = Map<string, {files: string[]; members: Set<string>; unreadable: string[]}>;

test('every dependent action of a called action is in the committed policy that grants the call', () => {
	const readOnly = actionsOf(committed('smsdeck-read-only.json'));
	const operator = actionsOf(committed('smsdeck-operator.json'));
	const needed = dependentActions() as Map<string, string[]>;
	for (const [dependent, by] of needed) {
		assert.ok(operator.includes(dependent), `${dependent} (needed by ${by.join(', ')}) is missing from smsdeck-operator.json`);
		if (by.some(a => readOnly.includes(a))) assert.ok(readOnly.includes(dependent), `${dependent} is missing from smsdeck-read-only.json`);
	}
	// The simulator requests its number with Tags: without TagResource, --request-number would be denied.
	assert.ok((scanCalls() as Calls).get('sms-voice:RequestPhoneNumber')!.members.has('Tags'));
	assert.ok(operator.includes('sms-voice:TagResource'));
	// A number can be requested into a pool (PoolId): joining it is AssociateOriginationIdentity, for operators only.
	assert.ok((scanCalls() as Calls).get('sms-voice:RequestPhoneNumber')!.members.has('PoolId'));
	assert.ok(operator.includes('sms-voice:AssociateOriginationIdentity'));
	assert.ok(!readOnly.includes('sms-voice:AssociateOriginationIdentity'));
	// An event destination is created with a role (IamRoleArn): iam:PassRole, for operators only, and only to sms-voice.
	assert.ok((scanCalls() as Calls).get('sms-voice:CreateEventDestination')!.members.has('CloudWatchLogsDestination'));
	assert.ok(!readOnly.includes('iam:PassRole'));
	const pass = committed('smsdeck-operator.json').Statement.find((st: {Action: string[]}) => st.Action.includes('iam:PassRole'));
	assert.deepEqual(pass.Action, ['iam:PassRole']);
	assert.deepEqual(pass.Condition, {StringEquals: {'iam:PassedToService': 'sms-voice.amazonaws.com'}});
});

test('dependent actions follow the members a call sends; unconditional ones always; unreadable members are an error', () => {
	const call = (members: string[], unreadable: string[] = []) => ({files: ['x.ts'], members: new Set(members), unreadable});
	const deps = (calls: Calls, table?: unknown) => [...(dependentActions(calls, table) as Map<string, string[]>).keys()].sort();
	assert.deepEqual(deps(new Map([['sms-voice:RequestPhoneNumber', call(['IsoCountryCode'])]])), []);
	assert.deepEqual(deps(new Map([['sms-voice:RequestPhoneNumber', call(['PoolId', 'Tags'])]])), ['sms-voice:AssociateOriginationIdentity', 'sms-voice:TagResource']);
	assert.deepEqual(deps(new Map([['sms-voice:UpdatePool', call(['PoolId', 'TwoWayChannelRole'])]])), ['iam:PassRole']);
	const always = {'logs:StartLiveTail': [{when: null, actions: ['logs:Example']}]};
	assert.deepEqual(deps(new Map([['logs:StartLiveTail', call([], ['tail.ts'])]]), always), ['logs:Example']);
	assert.throws(() => deps(new Map([['sms-voice:CreatePool', call([], ['pools.ts'])]])), /pools\.ts: cannot read which members sms-voice:CreatePool/);
});

test('literalMembers reads the top-level keys of a command input, and gives up on spreads and variables', () => {
	const keys = (text: string) => {
		const m = literalMembers(text) as Set<string> | undefined;
		return m && [...m].sort();
	};
	assert.deepEqual(keys(`{IsoCountryCode: 'US', Tags: [{Key: 'CreatedBy', Value: \`smsdeck \${runId}\`}], NumberType}`), ['IsoCountryCode', 'NumberType', 'Tags']);
	assert.deepEqual(keys(`{PoolId: id, OptOutListName: f('a:b, c'), DeletionProtectionEnabled}`), ['DeletionProtectionEnabled', 'OptOutListName', 'PoolId']);
	assert.equal(keys('{PoolId: id, ...settings}'), undefined);
	assert.equal(keys('input'), undefined);
	assert.equal(keys('{[name]: 1}'), undefined);
});
