// The live tail in a real terminal against the in-process emulator: open a configuration set, tail it, send to
// the simulator numbers through the SDK, watch the events arrive; pause/resume, JSON detail; and the faults:
// a dropped live stream, live tail denied, throttled polling.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {PinpointSMSVoiceV2Client, SendTextMessageCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {spawnTerminal, type TerminalSession} from '../helpers/terminal.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';

let emulator: RunningEmulator;
let sms: PinpointSMSVoiceV2Client;
before(async () => {
	emulator = await startEmulator({port: 0, quiet: true, eventDelayMs: 150, liveTailTickMs: 200});
	sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
});
after(async () => {
	sms.destroy();
	await emulator.close();
});

const admin = async (action: string, body: unknown = {}) => {
	const res = await fetch(`${emulator.url}/_smsdeck/${action}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	assert.equal(res.status, 200, await res.text());
};

const SUCCESS = '+14254147755';
const FAILURE = '+14254147167';

async function send(destination: string): Promise<string> {
	const out = await sms.send(
		new SendTextMessageCommand({DestinationPhoneNumber: destination, OriginationIdentity: '+12065550100', MessageBody: 'tail e2e', ConfigurationSetName: 'smsdeck-simulator'}),
	);
	return out.MessageId!;
}

/** Screen lines that carry this message id. */
function rowsOf(app: TerminalSession, id: string): string[] {
	return app.screen().split('\n').filter(line => line.includes(id));
}

async function openTail(app: TerminalSession) {
	await app.waitForText('<?> help');
	await app.press(':');
	await app.type('config-sets');
	await app.press('enter');
	await app.waitForText(/Configuration sets \[\d+\].*ago/, {timeoutMs: 15_000});
	assert.match(app.screen(), /NAME.*\n.*smsdeck-simulator/, 'the simulator set is the first (selected) row');
	await app.press('t');
	await app.waitForText(/Tail smsdeck-simulator → smsdeck-simulator-events/);
}

function spawn(): TerminalSession {
	return spawnTerminal({args: ['--region', 'us-east-1'], cols: 200, rows: 40, env: {AWS_ENDPOINT_URL: emulator.url}});
}

test('t on a configuration set tails its events live: in order, right status, pause loses nothing, enter shows the JSON', async () => {
	const app = spawn();
	try {
		await openTail(app);
		await app.waitForText(/ LIVE .*ev\/s/, {timeoutMs: 10_000});
		const ok = await send(SUCCESS);
		const bad = await send(FAILURE);
		await app.waitForText(new RegExp(`TEXT_DELIVERED +DELIVERED +yes .*${ok}`), {timeoutMs: 15_000});
		await app.waitForText(new RegExp(`TEXT_CARRIER_UNREACHABLE +CARRIER_UNREACHABLE +yes .*${bad}`), {timeoutMs: 15_000});
		const okRows = rowsOf(app, ok);
		assert.deepEqual(
			okRows.map(l => /TEXT_(\w+)/.exec(l)?.[1]),
			['PENDING', 'SUCCESSFUL', 'DELIVERED'],
			`each event once, in order:\n${app.screen()}`,
		);
		assert.deepEqual(rowsOf(app, bad).map(l => /TEXT_(\w+)/.exec(l)?.[1]), ['PENDING', 'CARRIER_UNREACHABLE']);
		assert.match(app.screen(), /\$0\.\d+ │ \d+ messages/, 'running summary with the total price');

		// Pause: new events buffer as "+N new" and stay off the screen until resumed.
		await app.press('space');
		await app.waitForText('PAUSED +0 new');
		const held = await send(SUCCESS);
		await app.waitForText(/PAUSED \+3 new/, {timeoutMs: 15_000});
		assert.equal(rowsOf(app, held).length, 0, 'nothing new drawn while paused');
		await app.press('space');
		await app.waitForText(new RegExp(`TEXT_DELIVERED .*${held}`), {timeoutMs: 15_000});
		assert.deepEqual(rowsOf(app, held).map(l => /TEXT_(\w+)/.exec(l)?.[1]), ['PENDING', 'SUCCESSFUL', 'DELIVERED']);

		// enter on the newest row (the held message's DELIVERED) shows its record as JSON.
		await app.press('enter');
		await app.waitForText(`"messageId": "${held}"`);
		const detail = app.screen();
		assert.match(detail, /"messageStatus": "DELIVERED"/);
		assert.match(detail, /"isFinal": true/);
		assert.match(detail, /"destinationPhoneNumber": "\+14254147755"/);
		await app.press('escape');
		await app.waitForText('following');

		// m folds each message into one lifecycle row.
		await app.press('m');
		await app.waitForText(new RegExp(`PENDING → SUCCESSFUL → DELIVERED +yes .*${ok}`));
		assert.equal(rowsOf(app, ok).length, 1);
	} finally {
		app.dispose();
	}
});

test('a dropped live stream shows RECONNECTING and resumes without duplicates', async () => {
	const app = spawn();
	try {
		await openTail(app);
		await app.waitForText(/ LIVE .*ev\/s/, {timeoutMs: 10_000});
		await admin('dropLiveTail');
		await app.waitForText('RECONNECTING', {timeoutMs: 10_000});
		const id = await send(SUCCESS);
		await app.waitForText(/ LIVE /, {timeoutMs: 10_000});
		await app.waitForText(new RegExp(`TEXT_DELIVERED .*${id}`), {timeoutMs: 15_000});
		// One more message after it: by the time its last event shows, any repeat of the first would have too.
		const next = await send(FAILURE);
		await app.waitForText(new RegExp(`TEXT_CARRIER_UNREACHABLE .*${next}`), {timeoutMs: 15_000});
		assert.deepEqual(rowsOf(app, id).map(l => /TEXT_(\w+)/.exec(l)?.[1]), ['PENDING', 'SUCCESSFUL', 'DELIVERED'], app.screen());
	} finally {
		app.dispose();
	}
});

test('live tail denied: falls back to POLL and says so; a throttled poll backs off, shows THROTTLED, and recovers', async () => {
	await admin('denyLiveTail', {enabled: true});
	const app = spawn();
	try {
		await openTail(app);
		await app.waitForText(/ POLL .*live tail denied — polling every 2s/, {timeoutMs: 10_000});
		const id = await send(FAILURE);
		await app.waitForText(new RegExp(`TEXT_CARRIER_UNREACHABLE .*${id}`), {timeoutMs: 15_000});
		await admin('throttleNext', {count: 6, operation: 'FilterLogEvents'});
		await app.waitForText(/THROTTLED \(\d+s\)/, {timeoutMs: 10_000});
		const later = await send(SUCCESS);
		await app.waitForText(new RegExp(`TEXT_DELIVERED .*${later}`), {timeoutMs: 30_000});
		assert.deepEqual(rowsOf(app, id).map(l => /TEXT_(\w+)/.exec(l)?.[1]), ['PENDING', 'CARRIER_UNREACHABLE'], 'nothing twice after the back-off');
	} finally {
		app.dispose();
		await admin('denyLiveTail', {enabled: false});
	}
});
