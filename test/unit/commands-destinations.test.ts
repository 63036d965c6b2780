// smsdeck destinations and config-sets create|delete in-process against a real emulator: exit 0 with --yes (and
// the audit line), 2 for bad input or a missing confirmation (nothing sent), 1 when the service refuses, --json,
// read-only refusing every change.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {commandBench} from '../helpers/commands.js';
import {run as destinations} from '../../source/commands/destinations.js';
import {run as configSets} from '../../source/commands/configSets.js';

const bench = commandBench('destinations', configDir => ({auditFile: join(configDir, 'audit.log')}));
const {call} = bench;
const ROLE = 'arn:aws:iam::123456789012:role/SMSEventsRole';
const GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:cmd-events';

type Row = {EventDestinationName: string; Enabled: boolean; MatchingEventTypes: string[]; CloudWatchLogsDestination?: {LogGroupArn: string}; SnsDestination?: {TopicArn: string}};

async function list(set: string): Promise<Row[]> {
	const r = await call(destinations, ['list', '--config-set', set], {json: true});
	assert.equal(r.code, 0, r.err);
	return JSON.parse(r.out) as Row[];
}

test('config-sets create, destinations add (with its log group) / disable / enable / delete, config-sets delete: each exit 0 with its audit line', async () => {
	const made = await call(configSets, ['create', 'cmd-set', '--yes']);
	assert.equal(made.code, 0, made.err);
	assert.match(made.out, /New configuration set cmd-set: arn:aws:sms-voice:us-east-1:\d+:configuration-set\/cmd-set/);
	assert.deepEqual(await list('cmd-set'), []);

	const add = await call(destinations, ['add', '--config-set', 'cmd-set', '--name', 'cwl', '--type', 'cloudwatch-logs', '--arn', GROUP, '--role-arn', ROLE, '--events', 'text_all,MEDIA_ALL', '--create-log-group', '--yes']);
	assert.equal(add.code, 0, add.err);
	assert.match(add.out, /New CloudWatch Logs event destination cwl on cmd-set: enabled, TEXT_ALL MEDIA_ALL → cmd-events/);
	let rows = await list('cmd-set');
	assert.deepEqual(rows.map(d => [d.EventDestinationName, d.Enabled, d.MatchingEventTypes.join(','), d.CloudWatchLogsDestination?.LogGroupArn]), [['cwl', true, 'TEXT_ALL,MEDIA_ALL', GROUP]]);
	// The log group was made: a second add with --create-log-group is refused by Logs (exit 1), nothing else changes.
	const again = await call(destinations, ['add', '--config-set', 'cmd-set', '--name', 'cwl2', '--type', 'logs', '--arn', GROUP, '--role-arn', ROLE, '--create-log-group', '--yes']);
	assert.equal(again.code, 1, again.err);
	assert.match(again.err, /exist/i);

	const sns = await call(destinations, ['add', '--config-set', 'cmd-set', '--name', 'failures', '--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:sms-failures', '--events', 'TEXT_BLOCKED', '--yes'], {json: true});
	assert.equal(sns.code, 0, sns.err);
	assert.deepEqual(JSON.parse(sns.out).MatchingEventTypes, ['TEXT_BLOCKED']);

	const off = await call(destinations, ['disable', '--config-set', 'cmd-set', '--name', 'cwl', '--yes']);
	assert.equal(off.code, 0, off.err);
	assert.match(off.out, /Disable event destination cwl on cmd-set: disabled/);
	rows = await list('cmd-set');
	assert.equal(rows.find(d => d.EventDestinationName === 'cwl')?.Enabled, false);
	const offAgain = await call(destinations, ['disable', '--config-set', 'cmd-set', '--name', 'cwl', '--yes']);
	assert.equal(offAgain.code, 0);
	assert.match(offAgain.err, /already disabled; nothing was sent/);
	assert.equal((await call(destinations, ['enable', '--config-set', 'cmd-set', '--name', 'cwl', '--yes'])).code, 0);
	assert.equal((await list('cmd-set')).find(d => d.EventDestinationName === 'cwl')?.Enabled, true);

	const del = await call(destinations, ['delete', '--config-set', 'cmd-set', '--name', 'cwl', '--yes']);
	assert.equal(del.code, 0, del.err);
	assert.deepEqual((await list('cmd-set')).map(d => d.EventDestinationName), ['failures']);

	const gone = await call(configSets, ['delete', 'cmd-set', '--yes']);
	assert.equal(gone.code, 0, gone.err);
	assert.match(gone.out, /Delete configuration set cmd-set: deleted with 1 event destination/);
	assert.equal((await call(destinations, ['list', '--config-set', 'cmd-set'])).code, 1);

	const audit = readFileSync(join(bench.configDir, 'audit.log'), 'utf8');
	assert.match(audit, /us-east-1 New CloudWatch Logs group cmd-events: \(none\) → cmd-events request-id \S+/);
	assert.match(audit, /us-east-1 Disable event destination cwl on cmd-set: enabled → disabled request-id \S+/);
	assert.match(audit, /us-east-1 Delete configuration set cmd-set: cmd-set → \(none\) request-id \S+/);
});

test('bad input is exit 2 before any call: names, kinds, ARNs, event types, a missing role; no --yes on a non-terminal', async () => {
	const base = ['add', '--config-set', 'staging', '--name', 'x', '--yes'];
	const cases: [string[], RegExp][] = [
		[['--type', 'cloudwatch-logs', '--arn', GROUP], /IAM role ARN is missing: CloudWatch Logs needs a role/],
		[['--type', 'cloudwatch-logs', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--role-arn', ROLE], /is not a log group ARN/],
		[['--type', 'firehose', '--arn', 'arn:aws:firehose:us-east-1:123456789012:deliverystream/s', '--role-arn', 'role'], /"role" is not an IAM role ARN/],
		[['--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--events', 'TEXT_DELIVERED,TEXT_NOPE'], /Unknown event type TEXT_NOPE/],
		[['--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--events', 'ALL,TEXT_ALL'], /ALL already covers every event type/],
		[['--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--events', 'TEXT_ALL,TEXT_SPAM'], /TEXT_SPAM is already covered by TEXT_ALL/],
	];
	for (const [extra, message] of cases) {
		const r = await call(destinations, [...base, ...extra]);
		assert.equal(r.code, 2, `${extra.join(' ')}: ${r.err}`);
		assert.match(r.err, message);
	}
	// A --type outside the choices is refused by the command tree (a UsageError: one line, exit 2).
	await assert.rejects(call(destinations, [...base, '--type', 'kafka', '--arn', GROUP]), /^UsageError: destinations add: --type takes cloudwatch-logs, firehose or sns, not "kafka"$/);
	await assert.rejects(call(destinations, ['add', '--config-set', 'staging', '--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--yes']), /destinations add: --name is needed/);
	const badName = await call(destinations, ['enable', '--config-set', 'staging', '--name', 'bad name', '--yes']);
	assert.equal(badName.code, 2);
	assert.match(badName.err, /may hold only letters, digits, _ and -/);
	const badSet = await call(configSets, ['create', 'x'.repeat(65), '--yes']);
	assert.equal(badSet.code, 2);
	assert.match(badSet.err, /65 characters; at most 64/);
	// The test runner's stdin is not a terminal.
	const unconfirmed = await call(destinations, ['enable', '--config-set', 'staging', '--name', 'staging-cwl']);
	assert.equal(unconfirmed.code, 2);
	assert.match(unconfirmed.err, /needs --yes/);
	assert.equal((await list('staging'))[0].Enabled, false, 'nothing was sent');
});

test('the service refusing is exit 1 with its reason; a set that already holds a name is exit 2', async () => {
	const missing = await call(destinations, ['enable', '--config-set', 'staging', '--name', 'nope', '--yes']);
	assert.equal(missing.code, 1);
	assert.match(missing.err, /no event destination nope \(there: staging-cwl\)/);
	const noSet = await call(configSets, ['delete', 'no-such-set', '--yes']);
	assert.equal(noSet.code, 1);
	const dup = await call(configSets, ['create', 'staging', '--yes']);
	assert.equal(dup.code, 1);
	assert.match(dup.err, /already exists/);
	const twice = await call(destinations, ['add', '--config-set', 'staging', '--name', 'staging-cwl', '--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--yes']);
	assert.equal(twice.code, 2);
	assert.match(twice.err, /staging already has an event destination named staging-cwl/);
});

test('read-only refuses every change (exit 2, nothing sent); list still works', async () => {
	const changes = [
		[configSets, ['create', 'ro-set', '--yes']],
		[configSets, ['delete', 'staging', '--yes']],
		[destinations, ['add', '--config-set', 'staging', '--name', 'ro', '--type', 'sns', '--arn', 'arn:aws:sns:us-east-1:123456789012:t', '--yes']],
		[destinations, ['enable', '--config-set', 'staging', '--name', 'staging-cwl', '--yes']],
		[destinations, ['disable', '--config-set', 'staging', '--name', 'staging-cwl', '--yes']],
		[destinations, ['delete', '--config-set', 'staging', '--name', 'staging-cwl', '--yes']],
	] as const;
	for (const [cmd, args] of changes) {
		const r = await call(cmd, [...args], {readOnly: true});
		assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
		assert.match(r.err, /refused, --read-only is set; nothing was sent/);
	}
	const rows = await list('staging');
	assert.deepEqual(rows.map(d => [d.EventDestinationName, d.Enabled]), [['staging-cwl', false]]);
	assert.equal((await call(destinations, ['list', '--config-set', 'staging'], {readOnly: true})).code, 0);
});
