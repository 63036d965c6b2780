// Helpers for ink-testing-library: wait for frames instead of sleeping, press keys one at a time.
import {setImmediate as immediate} from 'node:timers/promises';

export const tick = async () => {
	await immediate();
	await new Promise(resolve => setTimeout(resolve, 0));
};

export async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 20_000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

export interface InkUi {
	stdin: {write(data: string): void};
	lastFrame(): string | undefined;
}

export async function waitForFrame(ui: InkUi, text: string | RegExp, timeoutMs = 20_000): Promise<string> {
	const matches = () => {
		const frame = ui.lastFrame() ?? '';
		return typeof text === 'string' ? frame.includes(text) : text.test(frame);
	};
	try {
		await waitFor(matches, String(text), timeoutMs);
	} catch {
		throw new Error(`timed out waiting for ${String(text)}; last frame:\n${ui.lastFrame()}`);
	}
	return ui.lastFrame() ?? '';
}

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	delete: '\u001B[3~',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
} as const;

/** Writes each key separately and lets React settle after each (keys in one write arrive as one chunk). */
export async function press(ui: InkUi, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		ui.stdin.write(key);
		await tick();
		await tick();
	}
}

export async function type(ui: InkUi, text: string): Promise<void> {
	await press(ui, ...Array.from(text));
}
