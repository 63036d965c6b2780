// smsdeck simulate and smsdeck parts, the built binary against the emulator: verdicts, exit codes, fixes, and
// bad input refused before anything is sent.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PinpointSMSVoiceV2Client, UpdateEventDestinationCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {isolatedEnv, runBinary} from '../helpers/binary.js';
import {spawnTerminal} from '../helpers/terminal.js';

const home = mkdtempSync(join(tmpdir(), 'smsdeck-simulate-'));
const env = isolatedEnv(home);
// Every service (sms-voice, Logs, STS) at the emulator, as AWS_ENDPOINT_URL does for the AWS CLI.
const smsdeck = (args: string[], timeoutMs?: number) => runBinary(args, emu ? {...env, AWS_ENDPOINT_URL: emu.url} : env, timeoutMs);

let emu: RunningEmulator;
let sms: PinpointSMSVoiceV2Client;
const admin = async (action: string, body: unknown = {}) =>
	(await fetch(`${emu.url}/_smsdeck/${action}`, {method: 'POST', body: JSON.stringify(body), headers: {'content-type': 'application/json'}})).json() as Promise<any>;
const sent = async () => (await admin('sentMessages')).messages as Array<{destination: string}>;
const against = (...args: string[]) => smsdeck(['simulate', '--region', 'us-east-1', ...args]);

before(async () => {
	emu = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emu.url, credentials: {accessKeyId: 'x', secretAccessKey: 'y'}});
});
after(async () => {
	sms.destroy();
	await emu.close();
	rmSync(home, {recursive: true, force: true});
});

describe('smsdeck simulate', () => {
	it('--local --json passes on the default seed with both messages', async () => {
		const r = await smsdeck(['simulate', '--local', '--json']);
		assert.equal(r.code, 0, r.stderr);
		const report = JSON.parse(r.stdout);
		assert.equal(report.verdict, 'PASS');
		assert.deepEqual(
			report.messages.map((m: any) => [m.destination, m.expect, m.state, m.events.at(-1).isFinal]),
			[
				['+14254147755', 'success', 'passed', true],
				['+14254147167', 'failure', 'passed', true],
			],
		);
		assert.ok(report.messages.every((m: any) => m.messageId && m.price > 0 && m.parts === 1 && m.latencyMs >= 0));
		// Human progress went to stderr, not into the JSON.
		assert.match(r.stderr, /✓ DryRun send/);
		assert.match(r.stderr, /✓ Verdict .*PASS/);
	});

	it('exits 2 and names the fix when the configuration set\'s destination is disabled', async () => {
		await sms.send(new UpdateEventDestinationCommand({ConfigurationSetName: 'smsdeck-simulator', EventDestinationName: 'simulator-all', Enabled: false}));
		try {
			const before = (await sent()).length;
			const r = await against('--config-set', 'smsdeck-simulator');
			assert.equal(r.code, 2, r.stdout + r.stderr);
			assert.match(r.stdout, /^MISCONFIGURED/);
			assert.match(r.stdout, /simulator-all is disabled/);
			assert.match(r.stdout, /fix: aws pinpoint-sms-voice-v2 update-event-destination --region us-east-1 --configuration-set-name smsdeck-simulator --event-destination-name simulator-all --enabled/);
			assert.equal((await sent()).length, before, 'nothing was sent');
		} finally {
			await sms.send(new UpdateEventDestinationCommand({ConfigurationSetName: 'smsdeck-simulator', EventDestinationName: 'simulator-all', Enabled: true}));
		}
	});

	it("exits 1 with TIMEOUT when the failure number's events never come", async () => {
		await admin('withholdEvents', {numbers: ['+14254147167']});
		try {
			// --timeout bounds the whole run, preflight included: room for the success number's events on a busy machine.
			const r = await against('--json', '--timeout', '6s', '--config-set', 'smsdeck-simulator');
			assert.equal(r.code, 1, r.stderr);
			const report = JSON.parse(r.stdout);
			assert.equal(report.verdict, 'TIMEOUT');
			assert.deepEqual(report.messages.map((m: any) => m.state), ['passed', 'timedOut']);
			assert.match(report.reason, /\+14254147167 \(failure\): no final event in time/);
		} finally {
			await admin('withholdEvents', {numbers: []});
		}
	});

	it('refuses bad input before any send, exit 2', async () => {
		const before = (await sent()).length;
		const cases: Array<[string[], RegExp]> = [
			[['--destination', '+12065550142'], /\+12065550142 is not a destination simulator number/],
			[['--country', 'GB'], /cross-country/],
			[['--destination', '+447860019066'], /cross-country/],
			[['--body', ''], /body is empty/],
			[['--body', 'x'.repeat(1531)], /1531 GSM-7 characters; an SMS takes at most 1530/],
			[['--config-set', 'no-such-set'], /configuration set no-such-set does not exist in us-east-1/],
		];
		for (const [args, reason] of cases) {
			const r = await against(...args);
			assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
			assert.match(r.stdout, reason, args.join(' '));
		}
		const usage = await against('--channel', 'fax');
		assert.equal(usage.code, 2);
		assert.match(usage.stderr, /--channel takes sms or mms/);
		assert.equal((await sent()).length, before, 'the emulator saw no SendTextMessage');
	});

	it('a Region without a simulator number: refused without --request-number --yes, which says how', async () => {
		const r = await smsdeck(['simulate', '--region', 'eu-west-2']);
		assert.equal(r.code, 2);
		assert.match(r.stdout, /no ACTIVE simulator number with SMS in eu-west-2/);
		assert.match(r.stdout, /fix: rerun with --request-number --yes .*request-phone-number .*--number-type SIMULATOR/);
		const half = await smsdeck(['simulate', '--region', 'eu-west-2', '--request-number']);
		assert.equal(half.code, 2);
		assert.match(half.stderr, /--request-number needs --yes/);
	});
});

describe('smsdeck parts', () => {
	it('shows encoding, parts, culprits and the suggestion; --json', async () => {
		const body = 'We’re' + 'a'.repeat(125);
		const r = await smsdeck(['parts', body]);
		assert.equal(r.code, 0);
		assert.match(r.stdout, /Encoding: +UCS-2/);
		assert.match(r.stdout, /Parts: +2 \(67 characters each\)/);
		assert.match(r.stdout, /UCS-2 due to: "’" U\+2019/);
		assert.match(r.stdout, /Suggestion: .*\n +GSM-7, 130 characters, 1 part/);
		const json = JSON.parse((await smsdeck(['parts', '--json', '€'.repeat(81)])).stdout);
		assert.deepEqual([json.encoding, json.characters, json.parts, json.remainingInPart], ['GSM', 162, 2, 306 - 162]);
		const long = await smsdeck(['parts', 'a'.repeat(1531)]);
		assert.equal(long.code, 1);
		assert.match(long.stdout, /too long/);
	});
});

describe('SimulatorView (:sim) in a terminal', () => {
	it('edits the body with the parts preview, runs: checklist, events, verdict; R re-runs', async () => {
		const app = spawnTerminal({args: ['--local'], cols: 120, rows: 40});
		try {
			await app.waitForText('<?> help');
			await app.press(':');
			await app.waitForText('command (tab completes)');
			await app.type('sim');
			await app.press('enter');
			await app.waitForText('Simulator smoke test in us-east-1');
			await app.waitForText(/▸ Body +smsdeck simulator smoke test/);

			await app.press('e', 'ctrl+u');
			await app.type('It’s on ™');
			await app.waitForText('UCS-2 · 9 characters · 1 part · 61 left in this part');
			await app.press('enter');
			await app.waitForText('UCS-2 because of ’ ™ — <f> replaces them (GSM-7, 1 part)');
			await app.press('f');
			await app.waitForText(/Body +It's on \(TM\)/);
			await app.waitForText('GSM-7 · 12 characters · 1 part · 148 left in this part');

			await app.press('enter');
			await app.waitForText(/✓ DryRun send +[\d.]+ (ms|s) 2 accepted/, {timeoutMs: 10_000});
			await app.waitForText(/✓ Config set → CloudWatch Logs .*smsdeck-simulator/);
			await app.waitForText(/\+14254147755 +TEXT_PENDING/, {timeoutMs: 10_000});
			await app.waitForText(/PASS +2 of 2 messages as expected/, {timeoutMs: 20_000});
			await app.waitForText(/✓ \+14254147755 +success +DELIVERED · send → final/);
			await app.waitForText(/✓ \+14254147167 +failure +CARRIER_UNREACHABLE/);
			await app.waitForText(/\+14254147755 +TEXT_DELIVERED \(final\)/);
			await app.waitForText(/\+14254147167 +TEXT_CARRIER_UNREACHABLE \(final\)/);
			const firstRun = /run (sim-\S+)/.exec(app.screen())![1];

			await app.press('R');
			await app.waitForText('Running…');
			await app.waitFor(() => /PASS +2 of 2/.test(app.screen()) && !app.screen().includes(firstRun), 'a second run passes', {timeoutMs: 20_000});
			await app.press('q');
			assert.equal((await app.waitForExitStatus()).exitCode, 0);
		} finally {
			app.dispose();
		}
	});
});
