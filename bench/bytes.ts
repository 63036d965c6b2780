// What the console costs over ssh: bytes written to the terminal while idle and per keypress.
//   node --import tsx bench/bytes.ts
// Prints a table and writes bench/results/bytes.json.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {spawnTerminal} from '../test/helpers/terminal.js';
import {startEmulator} from '../source/emulator/index.js';

const emulator = await startEmulator({port: 0, quiet: true});
const app = spawnTerminal({args: ['--endpoint-url', emulator.url, '--region', 'us-east-1'], cols: 120, rows: 40});
let bytes = 0;
app.pty.onData(d => (bytes += Buffer.byteLength(d)));
const results: Record<string, number> = {};
try {
	await app.waitForText('<?> help', {timeoutMs: 15_000});
	await app.press(':');
	await app.type('numbers');
	await app.press('enter');
	await app.waitForText(/Phone numbers \[\d+\].*ago/, {timeoutMs: 15_000});
	await app.waitForQuiet(300);

	// Idle: the only redraw is the data's age ticking over (every 5 s).
	bytes = 0;
	const idleMs = 12_000;
	await new Promise(r => setTimeout(r, idleMs));
	results.idleBytesPerMinute = Math.round((bytes / idleMs) * 60_000);

	// A keypress that moves the selection by one row.
	const perKey: number[] = [];
	for (let i = 0; i < 40; i++) {
		bytes = 0;
		await app.press(i % 2 ? 'k' : 'j');
		await app.waitForQuiet(60);
		perKey.push(bytes);
	}
	perKey.sort((a, b) => a - b);
	results.bytesPerKeypressMedian = perKey[Math.floor(perKey.length / 2)];
	results.bytesPerKeypressMax = perKey[perKey.length - 1];
	// A whole-screen change: opening help and closing it.
	bytes = 0;
	await app.press('?');
	await app.waitForText('Help');
	await app.waitForQuiet(60);
	results.bytesFullScreenChange = bytes;
	results.fullRepaintReference = 120 * 40;
} finally {
	app.dispose();
	await emulator.close();
}

process.stdout.write('\nsmsdeck terminal output (ssh cost), 120x40, incremental rendering\n');
process.stdout.write(`idle (numbers screen)              ${String(results.idleBytesPerMinute).padStart(8)} bytes/min\n`);
process.stdout.write(`keypress j/k (median / max)        ${String(results.bytesPerKeypressMedian).padStart(8)} / ${results.bytesPerKeypressMax} bytes\n`);
process.stdout.write(`whole screen change (open help)    ${String(results.bytesFullScreenChange).padStart(8)} bytes  (a 120x40 screen is ${results.fullRepaintReference} cells)\n`);
mkdirSync(join(import.meta.dirname, 'results'), {recursive: true});
writeFileSync(join(import.meta.dirname, 'results', 'bytes.json'), JSON.stringify({date: new Date().toISOString(), ...results}, null, 2) + '\n');
process.exit(0);
