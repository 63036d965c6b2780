// npm run media: regenerates the screenshots in media/ from the real console, driven in a pseudo-terminal.
// Each scene starts the bundled app, presses keys like a person, and saves the screen as SVG.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {spawnTerminal, type TerminalSession} from '../../test/helpers/terminal.js';

interface Scene {
	file: string;
	title: string;
	args?: string[];
	cols?: number;
	rows?: number;
	/** Drives the app to the screen to capture; `shot` saves extra frames along the way (a sequence). */
	play(app: TerminalSession, shot: (file: string, title: string) => Promise<void>): Promise<void>;
}

/** Runs a `:` command the way a person types it. */
async function command(app: TerminalSession, text: string, loaded: string | RegExp) {
	await app.press(':');
	await app.type(text);
	await app.press('enter');
	await app.waitForText(loaded, {timeoutMs: 15_000});
}

/**
 * The first frame, and the keyboard taken: Ink turns raw mode on in an effect after that frame, then bracketed paste
 * (its \x1b[?2004h is the sign). A key typed before then is echoed by the terminal onto the last row, and stays there.
 */
async function ready(app: TerminalSession) {
	await app.waitForText('<?> help', {timeoutMs: 15_000});
	await app.waitForOutput('\x1b[?2004h', {timeoutMs: 15_000});
}

/**
 * The simulator smoke test, run and then run again (R): events of four messages in its configuration set. A PASS
 * means the run saw both its messages' final events in the log group; the second run is known by its own run id
 * (the first one's verdict stays on screen until the second one's replaces it).
 */
async function twoSimulatorRuns(app: TerminalSession) {
	await command(app, 'sim', 'Simulator smoke test in');
	await app.press('enter');
	await app.waitForText(/PASS +2 of 2 .*run sim-/, {timeoutMs: 30_000});
	const first = /run (sim-\S+)/.exec(app.screen())![1];
	await app.press('R');
	await app.waitForText(new RegExp(`PASS +2 of 2 .*run (?!${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b)sim-`), {timeoutMs: 30_000});
}

const scenes: Scene[] = [
	{
		file: 'regions.svg',
		title: 'smsdeck — Regions, with counts per Region',
		async play(app) {
			await ready(app);
			await app.waitForText(/us-east-1 .* \d+ +\d+ +\d+/);
			await app.press('j', 'j', 'j');
		},
	},
	{
		file: 'numbers.svg',
		title: 'smsdeck — phone numbers',
		async play(app) {
			await ready(app);
			await command(app, 'numbers', /Phone numbers \[\d+\].*ago/);
			await app.press('j');
		},
	},
	{
		file: 'number-detail.svg',
		title: 'smsdeck — a phone number, its keywords and the equivalent CLI command',
		async play(app) {
			await ready(app);
			await command(app, 'numbers', /Phone numbers \[\d+\].*ago/);
			await app.press('j', 'enter');
			await app.waitForText(/Keywords.*\[\d+\]/);
		},
	},
	{
		file: 'pools.svg',
		title: 'smsdeck — phone pools',
		async play(app) {
			await ready(app);
			await command(app, 'pools', /Pools \[\d+\].*ago/);
		},
	},
	{
		file: 'config-set.svg',
		title: 'smsdeck — a configuration set and its event destinations',
		async play(app) {
			await ready(app);
			await command(app, 'config-sets', /Configuration sets \[\d+\].*ago/);
			await app.press('enter');
			await app.waitForText(/Event destinations/);
		},
	},
	{
		file: 'registration.svg',
		title: 'smsdeck — a 10DLC campaign that needs updates: the denied fields with their reasons',
		cols: 120,
		rows: 34,
		async play(app) {
			await ready(app);
			await command(app, 'registrations', /Registrations \[\d+\].*ago/);
			await app.press('j', 'j', 'enter');
			await app.waitForText('denied: The opt-in page could not be reached');
			for (let i = 0; i < 12; i++) await app.press('j');
		},
	},
	{
		file: 'protect.svg',
		title: 'smsdeck — a protect configuration: blocked countries, with three more staged',
		cols: 120,
		rows: 30,
		async play(app) {
			await ready(app);
			await command(app, 'protect', /Protect configurations \[\d+\].*ago/);
			await app.press('enter');
			await app.waitForText(/country rules — \d+ not ALLOW/);
			await app.press('/');
			await app.waitForText('filter rows');
			await app.type('united');
			await app.press('enter');
			await app.waitForText(/\[3 of \d+\]/);
			await app.press('E');
			await app.waitForText('countries shown');
			await app.press('enter');
			await app.waitForText('3 staged');
			// Everything blocked, the staged rows among them.
			await app.press('/');
			await app.waitForText(/^ \/united/m);
			await app.press('ctrl+u');
			await app.type('BLOCK');
			await app.press('enter');
			await app.waitForText(/CU +BLOCK/);
		},
	},
	{
		file: 'send.svg',
		title: 'smsdeck — a test send: reviewed with its aws command, its events followed to DELIVERED',
		cols: 110,
		rows: 22,
		async play(app) {
			await ready(app);
			await command(app, 'send +12065550100', /From\s+‹ \+12065550100/);
			await app.press('enter');
			await app.waitForText('Type "send" to apply');
			await app.type('send');
			await app.press('enter');
			await app.waitForText('Applied 1 of 1 change');
			await app.press('escape');
			await app.waitForText(/Status: .* DELIVERED/, {timeoutMs: 30_000});
			await app.press('escape');
			await app.waitForNoText('enter stages and reviews');
		},
	},
	{
		file: 'push.svg',
		title: 'smsdeck — a push application: its channels, an APNs certificate to renew, a test push\'s outcome',
		cols: 120,
		rows: 26,
		async play(app) {
			await ready(app);
			await command(app, 'push', /Push applications \[\d+\].*ago/);
			await app.press('/');
			await app.waitForText('filter rows');
			await app.type('shop-mobile');
			await app.press('enter');
			await app.waitForText(/\[1 of \d+\]/);
			await app.press('enter');
			await app.waitForText(/Push channels.*\[7\].*ago/);
			await app.waitForText('Check APNs  certificate at least 340 days old');
			// T on the APNs row: a test push to a token the provider refuses (the call itself succeeds).
			await app.press('T');
			await app.waitForText('Test push from shop-mobile');
			await app.waitForText(/Payload +\d+ B of 4 KB \(APNs limit\)/);
			await app.press('tab', 'tab');
			await app.type('invalid-apns-token-0001');
			await app.waitForText('Token / endpoint invalid-apns-token-0001');
			await app.press('enter');
			await app.waitForText('Review 1 staged change');
			await app.press('y');
			await app.waitForText('Applied 1 of 1 change');
			await app.press('escape');
			await app.waitForText('Last test push: call accepted, but 1 of 1 address failed');
			await app.waitForText('✗ PERMANENT_FAILURE 400 invalid-apns-token-0001 — BadDeviceToken');
			await app.waitForText('permanent failure: check the token');
		},
	},
	{
		file: 'account.svg',
		title: 'smsdeck — account: tier, limits, spend limits, identity',
		async play(app) {
			await ready(app);
			await command(app, 'account', /SANDBOXED/);
		},
	},
	{
		file: 'overview.svg',
		title: 'smsdeck — Region overview: counts by type and status, tier, spend limits, destinations\' health',
		rows: 34,
		async play(app) {
			await ready(app);
			await command(app, 'overview', /Configuration sets \(\d+/);
			await app.waitForText(/ago/);
		},
	},
	{
		file: 'relations.svg',
		title: 'smsdeck — relations (X): a number, its pool, the pool\'s opt-out list and keywords',
		async play(app) {
			await ready(app);
			await command(app, 'numbers', /Phone numbers \[\d+\].*ago/);
			await app.press('j', 'j');
			await app.press('X');
			await app.waitForText(/Keywords of pool-\w+ +\d+ keywords/);
			await app.press('j');
		},
	},
	{
		file: 'simulator-3-verdict.svg',
		title: 'smsdeck — simulator smoke test: the verdict',
		cols: 120,
		rows: 34,
		async play(app, shot) {
			await ready(app);
			await command(app, 'sim', 'Simulator smoke test in');
			await shot('simulator-1-form.svg', 'smsdeck — simulator smoke test: the form, with the parts preview');
			await app.press('enter');
			await app.waitForText(/✓ DryRun send/, {timeoutMs: 15_000});
			await shot('simulator-2-running.svg', 'smsdeck — simulator smoke test: the checklist as it runs');
			await app.waitForText(/PASS +2 of 2/, {timeoutMs: 30_000});
		},
	},
	{
		file: 'tail-lifecycle.svg',
		title: 'smsdeck — live tail grouped by message: each lifecycle on one row',
		cols: 150,
		rows: 30,
		async play(app, shot) {
			await ready(app);
			// Send through the simulator first, so the tail has events to show.
			await twoSimulatorRuns(app);
			await command(app, 'tail smsdeck-simulator --since 10m', /TEXT_DELIVERED/);
			await app.waitForText(/LIVE|POLL/);
			await shot('tail.svg', 'smsdeck — live tail of a configuration set: parsed SMS events');
			await app.press('b');
			await app.waitForText(/Breakdown of \d+ final events/);
			await shot('tail-breakdown.svg', 'smsdeck — live tail with its breakdown by final status, country, origination and message type');
			await app.press('b');
			await app.waitForNoText(/Breakdown of/);
			await app.press('m');
			await app.waitForText(/PENDING.*DELIVERED/);
		},
	},
	{
		file: 'insights.svg',
		title: 'smsdeck — insights of a configuration set: rates, breakdowns, latency, spend (Logs Insights queries)',
		cols: 150,
		rows: 24,
		async play(app) {
			await ready(app);
			// Delivered and failed messages to count.
			await twoSimulatorRuns(app);
			await command(app, 'insights smsdeck-simulator', 'Insights smsdeck-simulator');
			await app.waitForText(/all \d+ queries complete/, {timeoutMs: 30_000});
			// The four messages of the two runs, counted where the data lives.
			await app.waitForText('Messages 4 │');
			await app.waitForText(/This month: SMS \$/);
		},
	},
	{
		file: 'edit-review.svg',
		title: 'smsdeck — a staged keyword, reviewed with the equivalent aws command before anything is sent',
		async play(app) {
			await ready(app);
			await command(app, 'numbers', /Phone numbers \[\d+\].*ago/);
			await app.press('enter');
			await app.waitForText(/Keywords.*\[\d+\]/);
			await app.waitForText('<a> add');
			await app.press('a');
			await app.waitForText('Add a keyword');
			await app.type('JOIN');
			await app.press('tab');
			await app.type('Thanks for joining ExampleCorp alerts. Reply STOP to cancel.');
			await app.press('enter');
			await app.waitForText(/JOIN/);
			await app.press('w');
			await app.waitForText('Review 1 staged change');
		},
	},
	{
		file: 'help.svg',
		title: 'smsdeck — help, generated from the keymap',
		async play(app) {
			await ready(app);
			await app.press('?');
			await app.waitForText('Help — esc or ? closes');
		},
	},
];

const outDir = join(import.meta.dirname, '..', '..', 'media');
mkdirSync(outDir, {recursive: true});
const only = process.argv.slice(2);
for (const scene of scenes) {
	if (only.length > 0 && !only.some(o => scene.file.includes(o))) continue;
	const app = spawnTerminal({args: scene.args ?? ['--local'], cols: scene.cols ?? 110, rows: scene.rows ?? 30});
	const save = async (file: string, title: string) => {
		await app.waitForQuiet(150);
		writeFileSync(join(outDir, file), app.screenshotSvg({title}));
		process.stdout.write(`media/${file}\n`);
	};
	try {
		await scene.play(app, save);
		await save(scene.file, scene.title);
	} finally {
		app.dispose();
	}
}
