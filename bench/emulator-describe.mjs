// Requests per second for full DescribePhoneNumbers paging (10,009 numbers, 100 per page) against
// the emulator's big seed, through the real SDK over loopback HTTP.
// Run: ./node_modules/.bin/node bench/emulator-describe.mjs [rounds]
import {register} from 'tsx/esm/api';
import {PinpointSMSVoiceV2Client, paginateDescribePhoneNumbers} from '@aws-sdk/client-pinpoint-sms-voice-v2';

register();
const {startEmulator} = await import('../source/emulator/index.ts');

const rounds = Number(process.argv[2] ?? 5);
const seedStart = performance.now();
const emu = await startEmulator({port: 0, seed: 'big', quiet: true});
const seedMs = performance.now() - seedStart;
const client = new PinpointSMSVoiceV2Client({endpoint: emu.url, region: 'us-east-1', credentials: {accessKeyId: 'bench', secretAccessKey: 'bench'}});

async function fullPaging(pageSize) {
	let requests = 0;
	let numbers = 0;
	for await (const page of paginateDescribePhoneNumbers({client, pageSize}, {})) {
		requests++;
		numbers += page.PhoneNumbers.length;
	}
	return {requests, numbers};
}

await fullPaging(100); // warm-up
const rows = [];
for (const pageSize of [100, 25]) {
	const times = [];
	let last;
	for (let i = 0; i < rounds; i++) {
		const t = performance.now();
		last = await fullPaging(pageSize);
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	rows.push({pageSize, requests: last.requests, numbers: last.numbers, medianMs: median.toFixed(1), requestsPerSecond: Math.round((last.requests / median) * 1000), numbersPerSecond: Math.round((last.numbers / median) * 1000)});
}
console.log(`big seed started in ${seedMs.toFixed(0)} ms (server + seed)`);
console.table(rows);
const {mkdirSync, writeFileSync} = await import('node:fs');
const {join} = await import('node:path');
mkdirSync(join(import.meta.dirname, 'results'), {recursive: true});
writeFileSync(
	join(import.meta.dirname, 'results', 'emulator-describe.json'),
	JSON.stringify({benchmark: 'emulator-describe', date: new Date().toISOString(), seedMs, rows}, null, 2) + '\n',
);
client.destroy();
await emu.close();
