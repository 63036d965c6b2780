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

const scenes: Scene[] = [
	{
		file: 'regions.svg',
		title: 'smsdeck — Regions',
		async play(app) {
			await app.waitForText('<?> help');
			await app.press('j', 'j', 'j');
		},
	},
	{
		file: 'help.svg',
		title: 'smsdeck — help',
		async play(app) {
			await app.waitForText('<?> help');
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
