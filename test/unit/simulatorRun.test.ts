// The simulator run (services/simulatorRun.ts) against the in-process emulator: preflight decisions,
// sends, events joined to their messages, verdicts.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {UpdateEventDestinationCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {createClients, destroyClients, type Clients} from '../../source/services/clients.js';
import {RateLimiter} from '../../source/services/rateLimiter.js';
import {Health} from '../../source/services/health.js';
import {runSimulator, type SimulatorRunOptions, type StepUpdate} from '../../source/services/simulatorRun.js';
import {startTail} from '../../source/services/tailEngine.js';

let emu: RunningEmulator;
let clients: Clients;
let westClients: Clients;

async function admin(action: string, body: unknown = {}) {
	const res = await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}});
	return res.json() as Promise<any>;
}
const sentCount = async (region = 'us-east-1') => (await admin('sentMessages', {region})).messages.length as number;

async function run(options: SimulatorRunOptions, on = clients) {
	const steps: StepUpdate[] = [];
	const report = await runSimulator(on, {timeoutMs: 5000, ...options}, {step: s => steps.push(s)}, {startTail, pollIntervalMs: 50});
	return {report, steps};
}

before(async () => {
	emu = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	const opts = {limiter: new RateLimiter(), health: new Health(), env: {}};
	clients = await createClients({region: 'us-east-1', endpoint: emu.url, local: true}, opts);
	westClients = await createClients({region: 'us-west-2', endpoint: emu.url, local: true}, opts);
});
after(async () => {
	destroyClients(clients);
	destroyClients(westClients);
	await emu.close();
});

describe('runSimulator', () => {
	it('passes on the default seed: both messages reach their expected final outcome', async () => {
		const {report, steps} = await run({});
		assert.equal(report.verdict, 'PASS', report.reason);
		assert.equal(report.origination, '+12065550100');
		assert.equal(report.configurationSet, 'smsdeck-simulator');
		assert.deepEqual(report.messages.map(m => [m.destination, m.expect, m.state]), [
			['+14254147755', 'success', 'passed'],
			['+14254147167', 'failure', 'passed'],
		]);
		const success = report.messages[0];
		assert.ok(success.messageId);
		assert.ok(success.events.length >= 2, 'events seen before the final one are kept');
		assert.equal(success.events.at(-1)?.isFinal, true);
		assert.equal(success.parts, 1);
		assert.ok((success.price ?? 0) > 0);
		assert.ok(success.latencyMs !== undefined);
		const ids = report.steps.map(s => `${s.id}:${s.state}`);
		assert.deepEqual(ids, ['input:passed', 'account:passed', 'origination:passed', 'configSet:passed', 'spend:passed', 'dryRun:passed', 'send:passed', 'events:passed', 'verdict:passed']);
		assert.ok(steps.some(s => s.id === 'dryRun' && s.state === 'running'), 'steps are reported as they start');
	});

	it('MISCONFIGURED with the aws command when the destination is disabled; nothing sent', async () => {
		const before = await sentCount();
		await clients.sms.send(new UpdateEventDestinationCommand({ConfigurationSetName: 'staging', EventDestinationName: 'staging-cwl', Enabled: false}));
		const {report} = await run({configurationSet: 'staging'});
		assert.equal(report.verdict, 'MISCONFIGURED');
		assert.match(report.reason!, /staging-cwl is disabled/);
		assert.match(report.fix!, /update-event-destination .*--configuration-set-name staging --event-destination-name staging-cwl --enabled/);
		assert.equal(await sentCount(), before);
	});

	it('refuses an unknown configuration set, a non-simulator destination and a cross-country send before any send', async () => {
		const before = await sentCount();
		const cases: Array<[SimulatorRunOptions, RegExp]> = [
			[{configurationSet: 'nope'}, /configuration set nope does not exist in us-east-1/],
			[{destinations: ['+12065550142']}, /not a destination simulator number/],
			[{country: 'GB'}, /cross-country/],
			[{body: ''}, /body is empty/],
		];
		for (const [options, reason] of cases) {
			const {report} = await run(options);
			assert.equal(report.verdict, 'MISCONFIGURED', JSON.stringify(options));
			assert.match(report.reason!, reason);
		}
		assert.equal(await sentCount(), before);
	});

	it('no simulator number in the Region: refuses without a confirmation, requests one with it and can release it', async () => {
		const refused = await run({}, westClients);
		assert.equal(refused.report.verdict, 'MISCONFIGURED');
		assert.match(refused.report.reason!, /no ACTIVE simulator number with SMS in us-west-2; .*billed monthly/);
		assert.match(refused.report.fix!, /request-phone-number .*--number-type SIMULATOR/);

		let asked = 0;
		const {report} = await run({confirmRequestNumber: async () => (asked++, true), releaseRequestedNumber: true, configurationSet: 'prod-events'}, westClients);
		assert.equal(asked, 1);
		assert.ok(report.requestedNumber, 'a number was requested');
		assert.equal(report.steps.find(s => s.id === 'cleanup')?.state, 'passed');
		assert.equal(report.verdict, 'PASS', report.reason);
	});

	it('TIMEOUT when the failure number produces no events', async () => {
		await admin('withholdEvents', {numbers: ['+14254147167']});
		try {
			const {report} = await run({timeoutMs: 600});
			assert.equal(report.verdict, 'TIMEOUT');
			assert.equal(report.messages[0].state, 'passed');
			assert.equal(report.messages[1].state, 'timedOut');
			assert.equal(report.steps.find(s => s.id === 'events')?.state, 'failed');
		} finally {
			await admin('withholdEvents', {numbers: []});
		}
	});

	it('--only success sends one message', async () => {
		const {report} = await run({only: 'success'});
		assert.equal(report.verdict, 'PASS');
		assert.equal(report.messages.length, 1);
	});
});
