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
	/** Drives the app to the screen to capture. */
	play(app: TerminalSession): Promise<void>;
}

/** Runs a `:` command the way a person types it. */
async function command(app: TerminalSession, text: string, loaded: string | RegExp) {
	await app.press(':');
	await app.type(text);
	await app.press('enter');
	await app.waitForText(loaded, {timeoutMs: 15_000});
}

const ready = (app: TerminalSession) => app.waitForText('<?> help', {timeoutMs: 15_000});

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
		file: 'account.svg',
		title: 'smsdeck — account: tier, limits, spend limits, identity',
		async play(app) {
			await ready(app);
			await command(app, 'account', /SANDBOXED/);
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
for (const scene of scenes) {
	const app = spawnTerminal({args: scene.args ?? ['--local'], cols: scene.cols ?? 110, rows: scene.rows ?? 30});
	try {
		await scene.play(app);
		await app.waitForQuiet(150);
		writeFileSync(join(outDir, scene.file), app.screenshotSvg({title: scene.title}));
		process.stdout.write(`media/${scene.file}\n`);
	} finally {
		app.dispose();
	}
}
