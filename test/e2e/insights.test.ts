// Insights in a real terminal against the emulator: sends to simulator numbers plus failure events in several
// countries written with PutLogEvents into the configuration set's log group. The dashboard shows the counts, the
// rates, the failures by country and status, the latency percentiles (known from the crafted records) and this
// month's spend; y shows the queries with their aws commands; enter on a cell opens the tail filtered to it; i on
// a configuration set opens its insights.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {CloudWatchLogsClient, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {PinpointSMSVoiceV2Client, SendTextMessageCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {command} from '../helpers/consoleSteps.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emulator: RunningEmulator;
const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
const GROUP = 'smsdeck-simulator-events';
const SET = 'smsdeck-simulator';

// Failures with known latencies (request → final event): GB 20 s ×2, CA 30 s ×3, FR 60 s ×1. With the four
// simulator sends (a few ms each) that is ten messages whose p50 is 20 s and p95 and p99 are 60 s.
const CRAFTED: Array<[id: string, country: string, to: string, status: string, latencyS: number]> = [
	['gb-blocked-1', 'GB', '+447700900123', 'BLOCKED', 20],
	['gb-blocked-2', 'GB', '+447700900124', 'BLOCKED', 20],
	['ca-unreach-1', 'CA', '+16135550101', 'CARRIER_UNREACHABLE', 30],
	['ca-unreach-2', 'CA', '+16135550102', 'CARRIER_UNREACHABLE', 30],
	['ca-unreach-3', 'CA', '+16135550103', 'CARRIER_UNREACHABLE', 30],
	['fr-expired-1', 'FR', '+33612345678', 'TTL_EXPIRED', 60],
];

before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 5});
	const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials});
	for (const to of ['+14254147755', '+14254147755', '+14254147755', '+14254147167']) {
		await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: to, OriginationIdentity: '+12065550100', MessageBody: 'insights e2e', ConfigurationSetName: SET}));
	}
	sms.destroy();
	const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: emulator.url, credentials});
	await logs.send(new CreateLogStreamCommand({logGroupName: GROUP, logStreamName: 'crafted'}));
	const now = Date.now();
	const events = CRAFTED.map(([id, country, to, status, latency], i) => {
		const at = now - (10 - i) * 60_000;
		return {
			timestamp: at,
			message: JSON.stringify({
				eventType: `TEXT_${status}`, eventVersion: '1.0', eventTimestamp: at, isFinal: true, originationPhoneNumber: '+12065550100', destinationPhoneNumber: to,
				isoCountryCode: country, messageId: id, messageRequestTimestamp: at - latency * 1000, messageType: 'TRANSACTIONAL', messageStatus: status,
				totalMessageParts: 1, totalMessagePrice: 0.01,
			}),
		};
	});
	await logs.send(new PutLogEventsCommand({logGroupName: GROUP, logStreamName: 'crafted', logEvents: events}));
	// The simulator's final events land a few milliseconds after the sends: ten final events in all.
	for (const deadline = Date.now() + 10_000; ; ) {
		const found = await logs.send(new FilterLogEventsCommand({logGroupName: GROUP}));
		const finals = (found.events ?? []).filter(e => /"isFinal":true/.test(e.message ?? '')).length;
		if (finals >= 10) break;
		if (Date.now() > deadline) throw new Error(`only ${finals} final events in ${GROUP}`);
		await new Promise(r => setTimeout(r, 20));
	}
	logs.destroy();
});
after(async () => {
	await emulator.close();
});

function spawn(cols = 160, rows = 30): TerminalSession {
	return spawnTerminal({args: ['--region', 'us-east-1'], cols, rows, env: {AWS_ENDPOINT_URL: emulator.url}});
}

const line = (app: TerminalSession, text: string | RegExp) => app.screen().split('\n').find(l => (typeof text === 'string' ? l.includes(text) : text.test(l))) ?? '';

test(':insights shows counts, rates, failures by country and status, latency percentiles and spend; enter on a cell opens the filtered tail', async () => {
	const app = spawn();
	try {
		await app.waitForText('<?> help');
		await command(app, `insights ${SET}`);
		await app.waitForText(`Insights ${SET} → ${GROUP}`);
		await app.waitForText(/all 8 queries complete/, {timeoutMs: 20_000});
		await app.waitForText('Messages 10 │ Delivered 30.0% │ Failed 70.0%');
		assert.match(line(app, 'Messages 10'), /Latency p50 20 s p95 1 m 0 s p99 1 m 0 s$/);
		// Six crafted records at $0.01 and four simulator sends at the emulator's US price per part.
		assert.match(line(app, 'Messages 10'), /Price \$0\.08324 /);
		// The columns: status, country, origination, type, the biggest first (count, failed %).
		assert.match(line(app, 'CARRIER_UNREACHABLE'), /CARRIER_UNREACHABLE +4 100% +US +4 25\.0%/);
		assert.match(app.screen(), /US +4 25\.0%/);
		assert.match(app.screen(), /CA +3 100%/);
		assert.match(app.screen(), /GB +2 100%/);
		assert.match(app.screen(), /FR +1 100%/);
		assert.match(app.screen(), /TRANSACTIONAL +10 70\.0%/);
		// Spend in the header: this month's SMS spend against the enforced limit.
		await app.waitForText(/SMS \$[\d.]+ of \$\d+ \(\d+(\.\d)?%\) this month/);
		// Movers: nothing in the hour before, so every country is new.
		assert.match(line(app, 'Movers'), /CA new: 3 msg, 100% failed/);
		assert.match(line(app, 'queries complete'), /[\d.]+ (B|KB|MB) scanned/);

		// The queries and their aws commands.
		await app.press('y');
		await app.waitForText(/aws logs start-query --log-group-name smsdeck-simulator-events --start-time \d+ --end-time \d+ --query-string/);
		assert.match(app.screen(), /By country: Complete, \d+ records, [\d.]+ (B|KB) scanned/);
		await app.press('escape');
		await app.waitForText('Messages 10');

		// Country column, second row (CA): enter opens the tail with only those messages.
		await app.press('l');
		await app.press('j');
		await app.press('enter');
		await app.waitForText(`Tail ${SET}`);
		await app.waitForText(/country CA/);
		await app.waitForText('ca-unreach-3', {timeoutMs: 15_000});
		const screen = app.screen();
		assert.match(screen, /ca-unreach-1/);
		assert.doesNotMatch(screen, /gb-blocked|fr-expired/);
	} finally {
		app.dispose();
	}
});

test('i on a configuration set opens its insights; t changes the window and the queries run again', async () => {
	const app = spawn();
	try {
		await app.waitForText('<?> help');
		await command(app, 'config-sets');
		await app.waitForText(SET);
		await command(app, 'config-sets');
		await app.press('/');
		await app.type(SET);
		await app.press('enter');
		await app.press('i');
		await app.waitForText(`Insights ${SET} → ${GROUP} · last 1h`);
		await app.waitForText('Messages 10');
		await app.press('t');
		await app.waitForText(`Insights ${SET} → ${GROUP} · last 24h`);
		await app.waitForText(/all 8 queries complete/, {timeoutMs: 20_000});
		await app.waitForText('Messages 10');
		assert.match(line(app, 'Volume /1h'), /[▁▂▃▄▅▆▇█]/);
	} finally {
		app.dispose();
	}
});
