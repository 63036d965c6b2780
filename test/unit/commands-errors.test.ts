// A refusal from the service reaches the user with its Reason, through a real subcommand against the emulator.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {runCommand} from '../helpers/commands.js';
import type {GlobalOptions, SubcommandRun} from '../../source/commands/types.js';
import {run as simulate} from '../../source/commands/simulate.js';

let emulator: RunningEmulator;
let configDir: string;

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	configDir = mkdtempSync(join(tmpdir(), 'smsdeck-errors-'));
	process.env.AWS_ACCESS_KEY_ID = 'test';
	process.env.AWS_SECRET_ACCESS_KEY = 'test';
});

after(async () => {
	await emulator.close();
	rmSync(configDir, {recursive: true, force: true});
});

const call = (cmd: SubcommandRun, args: string[], globals: Partial<GlobalOptions> = {}) =>
	runCommand(cmd, args, {endpointUrl: emulator.url, configDir, globals});

async function admin(action: string, body: unknown) {
	const res = await fetch(`${emulator.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}});
	assert.equal(res.status, 200, await res.clone().text());
	return res.json();
}

test('simulate with the month’s text spend used up: exit 2, the service’s reason MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT shown once', async () => {
	// us-east-1 enforces $1 a month for SMS; spend it.
	await admin('setMonthlySpend', {region: 'us-east-1', channel: 'TEXT', amount: 1});
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
