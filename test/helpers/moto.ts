// moto's server (python3 -m moto.server) on a free local port, for the interop tests that set the emulator beside
// an independent implementation of the same API.
import {spawn, spawnSync} from 'node:child_process';
import {createServer} from 'node:net';

export const hasMoto = spawnSync('python3', ['-c', 'import moto.server'], {stdio: 'ignore'}).status === 0;

export interface RunningMoto {
	url: string;
	stop(): void;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as {port: number}).port;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Starts moto and waits until it answers (at most 20 s). */
export async function startMoto(): Promise<RunningMoto> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn('python3', ['-m', 'moto.server', '-p', String(port)], {stdio: 'ignore'});
	const stop = () => void child.kill();
	const started = Date.now();
	for (;;) {
		try {
			await fetch(url);
			return {url, stop};
		} catch {
			if (Date.now() - started > 20_000) {
				stop();
				throw new Error('moto.server did not start within 20 s');
			}
			await new Promise(r => setTimeout(r, 200));
		}
	}
}
