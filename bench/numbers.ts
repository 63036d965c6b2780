// Browsing 10,000 phone numbers (the emulator's big seed) in the real console, in a pseudo-terminal, with the
// pip AWS CLI v1 listing the same numbers beside it.
//   node --import tsx bench/numbers.ts [--presses 150]
// Prints a table and writes bench/results/numbers.json.
import {spawn, execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync, mkdtempSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {DescribePhoneNumbersCommand, PinpointSMSVoiceV2Client} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import {distPath, nodeBinary, spawnTerminal, type TerminalSession} from '../test/helpers/terminal.js';

const {values} = parseArgs({options: {presses: {type: 'string', default: '150'}}});
const presses = Number(values.presses);

const freePort = () =>
	new Promise<number>(resolve => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const port = (s.address() as {port: number}).port;
			s.close(() => resolve(port));
		});
	});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const emulator = spawn(nodeBinary(), [distPath(), 'emulator', '--seed', 'big', '--port', String(port)], {stdio: ['ignore', 'pipe', 'inherit']});
await new Promise<void>((resolve, reject) => {
	emulator.stdout!.on('data', (d: Buffer) => d.toString().includes(url) && resolve());
	emulator.once('exit', code => reject(new Error(`emulator exited with ${code}`)));
});

const results: Record<string, number | string> = {};
try {
	// One DescribePhoneNumbers call (100 numbers), as the baseline for "after the call returns".
	const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint: url, credentials: {accessKeyId: 'a', secretAccessKey: 'b'}});
	const calls: number[] = [];
	for (let i = 0; i < 7; i++) {
		const t = performance.now();
		await sms.send(new DescribePhoneNumbersCommand({MaxResults: 100}));
		calls.push(performance.now() - t);
	}
	sms.destroy();
	results.singleCallMs = median(calls);

	// The AWS CLI listing every number (it follows NextToken itself).
	const awsHome = mkdtempSync(join(tmpdir(), 'smsdeck-bench-aws-'));
	writeFileSync(join(awsHome, 'config'), '[default]\nregion = us-east-1\n');
	writeFileSync(join(awsHome, 'credentials'), '[default]\naws_access_key_id = a\naws_secret_access_key = b\n');
	const awsEnv = {...process.env, AWS_CONFIG_FILE: join(awsHome, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(awsHome, 'credentials')};
	const cliTimes: number[] = [];
	let cliCount = 0;
	for (let i = 0; i < 3; i++) {
		const t = performance.now();
		const out = execFileSync('aws', ['--endpoint-url', url, 'pinpoint-sms-voice-v2', 'describe-phone-numbers', '--output', 'json'], {
			env: awsEnv,
			maxBuffer: 256 * 1024 * 1024,
		});
		cliTimes.push(performance.now() - t);
		cliCount = JSON.parse(out.toString()).PhoneNumbers.length;
	}
	results.awsCliFullListMs = median(cliTimes);
	results.awsCliCount = cliCount;

	// The console.
	const app: TerminalSession = spawnTerminal({args: ['--endpoint-url', url, '--region', 'us-east-1'], cols: 140, rows: 45});
	try {
		await app.waitForText('<?> help', {timeoutMs: 15_000});
		await app.type(':numbers');
		const t0 = performance.now();
		await app.press('enter');
		await app.waitFor(() => /Phone numbers \[/.test(app.screen()) && /\+1\d{10}/.test(app.screen()), 'first page', {timeoutMs: 30_000});
		results.consoleFirstPageMs = performance.now() - t0;
		await app.waitForText(/Phone numbers \[10,0\d\d\].*ago/, {timeoutMs: 120_000});
		results.consoleFullListMs = performance.now() - t0;

		// Keypress → the next frame, one key at a time, spaced past the renderer's 30 fps throttle.
		const latency = async (key: string) => {
			const sent = performance.now();
			const arrived = new Promise<number>(resolve => {
				const sub = app.pty.onData(() => {
					sub.dispose();
					resolve(performance.now());
				});
			});
			app.write(key);
			const at = await arrived;
			await new Promise(r => setTimeout(r, 45));
			return at - sent;
		};
		const scroll: number[] = [];
		for (let i = 0; i < presses; i++) scroll.push(await latency(i % 40 < 30 ? 'j' : 'k'));
		scroll.push(await latency('G'), await latency('g'));
		results.scrollMedianMs = median(scroll);
		results.scrollP99Ms = p99(scroll);
		await latency('/');
		const filter: number[] = [];
		for (const ch of '+1206555') filter.push(await latency(ch));
		results.filterMedianMs = median(filter);
		results.filterP99Ms = p99(filter);
		const status = readFileSync(`/proc/${app.pty.pid}/status`, 'utf8');
		results.consolePeakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
	} finally {
		app.dispose();
	}
} finally {
	emulator.kill('SIGTERM');
}

const n = (k: string) => Number(results[k]);
const rows: [string, string, string, string][] = [
	['first page on screen after the call returns', ms(n('consoleFirstPageMs') - n('singleCallMs')), '< 300 ms', `(1 call: ${ms(n('singleCallMs'))})`],
	['full list of 10,009 numbers', ms(n('consoleFullListMs')), `no slower than CLI`, `aws cli: ${ms(n('awsCliFullListMs'))} (${results.awsCliCount} numbers)`],
	['keypress → frame, scrolling (median / p99)', `${ms(n('scrollMedianMs'))} / ${ms(n('scrollP99Ms'))}`, 'median < 16 ms', ''],
	['keypress → frame, filtering (median / p99)', `${ms(n('filterMedianMs'))} / ${ms(n('filterP99Ms'))}`, 'median < 16 ms', ''],
	['peak RSS of the console', `${n('consolePeakRssMb').toFixed(0)} MB`, '< 200 MB', ''],
];
process.stdout.write('\nsmsdeck numbers on the big seed (10,009 numbers), 140x45 pty, Node ' + process.version + '\n');
for (const [what, value, target, peer] of rows) process.stdout.write(`${what.padEnd(46)} ${value.padStart(18)}  ${target.padEnd(20)} ${peer}\n`);
mkdirSync(join(import.meta.dirname, 'results'), {recursive: true});
writeFileSync(join(import.meta.dirname, 'results', 'numbers.json'), JSON.stringify({date: new Date().toISOString(), ...results}, null, 2) + '\n');
process.exit(0);
