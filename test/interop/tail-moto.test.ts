// `smsdeck tail --log-group … --follow --json` against moto's CloudWatch Logs (python3 -m moto.server): moto has no
// StartLiveTail, so the engine must fall back to FilterLogEvents polling; events put with PutLogEvents appear
// once each. Skipped, with the reason, when moto is not installed.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {distPath, nodeBinary} from '../helpers/terminal.js';
import {hasMoto, startMoto, type RunningMoto} from '../helpers/moto.js';

const skip = hasMoto ? false : 'moto is not installed (pip install "moto[server]") — skipping the moto tail interop test';

let moto: RunningMoto | undefined;
let url = '';

before(async () => {
	if (!hasMoto) return;
	moto = await startMoto();
	url = moto.url;
});
after(() => moto?.stop());

test('smsdeck tail --follow --json against moto: polling fallback, every event exactly once', {skip}, async () => {
	const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint: url, credentials: {accessKeyId: 'test', secretAccessKey: 'test'}});
	const group = `/smsdeck/moto-${Date.now()}`;
	await logs.send(new CreateLogGroupCommand({logGroupName: group}));
	await logs.send(new CreateLogStreamCommand({logGroupName: group, logStreamName: 'events'}));
	const put = (messages: string[]) =>
		logs.send(new PutLogEventsCommand({logGroupName: group, logStreamName: 'events', logEvents: messages.map(message => ({message, timestamp: Date.now()}))}));
	const record = (i: number) => JSON.stringify({eventType: 'TEXT_DELIVERED', messageStatus: 'DELIVERED', isFinal: true, messageId: `moto-${i}`, destinationPhoneNumber: '+14254147755'});
	await put([record(1), record(2), 'a raw line, not JSON']);

	const child = spawn(nodeBinary(), [distPath(), 'tail', '--log-group', group, '--region', 'us-east-1', '--follow', '--json', '--since', '5m'], {
		// moto is a CloudWatch Logs endpoint: named for that service, as the AWS CLI takes it.
		env: {...process.env, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: url, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', HOME: process.env.TMPDIR ?? '/tmp', XDG_CONFIG_HOME: `${process.env.TMPDIR ?? '/tmp'}/smsdeck-moto-${process.pid}`},
	});
	let out = '';
	let err = '';
	child.stdout.on('data', d => (out += d));
	child.stderr.on('data', d => (err += d));
	const lines = () => out.split('\n').filter(Boolean).map(l => JSON.parse(l) as {event: {messageId?: string} | null; raw: string});
	const waitFor = async (what: string, check: () => boolean) => {
		const start = Date.now();
		while (!check()) {
			if (Date.now() - start > 30_000) assert.fail(`timed out waiting for ${what}\nstdout:\n${out}\nstderr:\n${err}`);
			await new Promise(r => setTimeout(r, 100));
		}
	};
	try {
		await waitFor('the history', () => lines().length >= 3);
		await waitFor('the fallback to polling', () => /POLL/.test(err));
		await put([record(3)]);
		await put([record(4), record(5)]);
		await waitFor('the new events', () => lines().some(l => l.event?.messageId === 'moto-5'));
		// Several poll rounds re-read the late-arrival window: still nothing twice.
		await new Promise(r => setTimeout(r, 5000));
		const ids = lines().map(l => l.event?.messageId ?? l.raw);
		assert.deepEqual(ids, ['moto-1', 'moto-2', 'a raw line, not JSON', 'moto-3', 'moto-4', 'moto-5'], `stderr:\n${err}`);
	} finally {
		child.kill('SIGINT');
		const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
		assert.equal(code, 0, `exit code after ctrl-c; stderr:\n${err}`);
		logs.destroy();
	}
});
