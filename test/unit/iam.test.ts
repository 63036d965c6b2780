// The IAM policies in source/iam list exactly the actions the code calls (scanned from source/services).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
// @ts-expect-error plain JS tool without types
import {buildPolicies, isReadAction, scanActions} from '../../source/tools/iamPolicy.mjs';

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
	assert.deepEqual([...operator].sort(), scanned.sort());
	assert.ok(readOnly.includes('sms-voice:DescribePhoneNumbers') && readOnly.includes('logs:FilterLogEvents'));
});
