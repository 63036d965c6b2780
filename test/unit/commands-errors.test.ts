// A refusal from the service reaches the user with its Reason, through a real subcommand against the emulator.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandBench} from '../helpers/commands.js';
import {run as simulate} from '../../source/commands/simulate.js';

const {call, admin} = commandBench('errors');

test('simulate with the month’s text spend used up: exit 2, the service’s reason MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT shown once', async () => {
	// us-east-1 enforces $1 a month for SMS; spend it.
	const spent = await admin('setMonthlySpend', {region: 'us-east-1', channel: 'TEXT', amount: 1});
	assert.equal(spent.status, 200, await spent.text());
	const r = await call(simulate, ['--timeout', '10s']);
	assert.equal(r.code, 2, r.out + r.err);
	const reasonLine = r.out.split('\n').find(l => l.includes('spend limit'));
	assert.ok(reasonLine, r.out);
	assert.match(reasonLine, /^ {2}DryRun to \+\d+: .*spend limit.* \(MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT\)$/);
	assert.equal(reasonLine.split('MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT').length, 2, 'the reason appears once');
	assert.match(r.err, /✗ DryRun send .*\(MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT\)/);
	const json = JSON.parse((await call(simulate, ['--timeout', '10s'], {json: true})).out) as {verdict: string; reason: string};
	assert.equal(json.verdict, 'MISCONFIGURED');
	assert.match(json.reason, /\(MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT\)$/);
});
