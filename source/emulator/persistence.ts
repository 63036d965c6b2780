// --state FILE: load at start, write snapshots atomically (temp file in the same directory, fsync, rename).
//
// Durability: the server awaits flush() after every successful request before it answers, so a change a
// client saw acknowledged is already on disk (a kill mid-write leaves the previous complete file, since the
// rename is the commit point). Changes made outside requests (simulated message events) call markDirty(),
// which writes after a ~50 ms debounce. Writes are serialised; each one captures the state at flush time.
import {randomBytes} from 'node:crypto';
import {open, readFile, rename, rm} from 'node:fs/promises';
import {basename, dirname, join, resolve} from 'node:path';

export const STATE_FORMAT = 'smsdeck-emulator-state';
export const STATE_VERSION = 1;

export interface StateFile {
	format: typeof STATE_FORMAT;
	version: number;
	savedAt: string;
	accountId: string;
	services: Record<string, unknown>;
}

export class StateError extends Error {}

/** Reads a state file; undefined when it does not exist yet. Throws StateError when it is not ours or corrupt. */
export async function loadState(path: string): Promise<StateFile | undefined> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new StateError(`cannot read state file ${path}: ${(error as Error).message}`);
	}
	let data: StateFile;
	try {
		data = JSON.parse(text);
	} catch {
		throw new StateError(`state file ${path} is not valid JSON`);
	}
	if (data?.format !== STATE_FORMAT || typeof data.services !== 'object' || data.services === null) {
		throw new StateError(`${path} is not an smsdeck emulator state file`);
	}
	if (data.version > STATE_VERSION) throw new StateError(`state file ${path} was written by a newer smsdeck (version ${data.version})`);
	return data;
}

/** `mode` applies to a new file (default: readable by the owner only). */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
	const target = resolve(path);
	const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await open(temp, 'w', mode);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} catch (error) {
		await handle.close().catch(() => {});
		await rm(temp, {force: true});
		throw error;
	} finally {
		await handle.close().catch(() => {});
	}
	await rename(temp, target);
	// Make the rename itself durable where the platform allows opening a directory.
	try {
		const dir = await open(dirname(target), 'r');
		await dir.sync().catch(() => {});
		await dir.close();
	} catch {
		// not supported here: the rename is still atomic
	}
}

export class StatePersistence {
	private dirty = false;
	private timer: NodeJS.Timeout | undefined;
	private writing: Promise<void> = Promise.resolve();
	private lastError: Error | undefined;

	constructor(
		readonly path: string,
		private readonly collect: () => StateFile,
		private readonly debounceMs = 50,
		private readonly onError: (error: Error) => void = error => process.stderr.write(`smsdeck emulator: cannot save state: ${error.message}\n`),
	) {}

	markDirty(): void {
		this.dirty = true;
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.flush();
		}, this.debounceMs);
	}

	/** Writes the current state if anything changed since the last write; resolves when it is on disk. */
	flush(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
		if (!this.dirty) return this.writing;
		this.dirty = false;
		const text = JSON.stringify(this.collect());
		this.writing = this.writing.then(() =>
			writeFileAtomic(this.path, text).then(
				() => {
					this.lastError = undefined;
				},
				(error: Error) => {
					this.dirty = true;
					if (this.lastError?.message !== error.message) this.onError(error);
					this.lastError = error;
				},
			),
		);
		return this.writing;
	}

	async close(): Promise<void> {
		await this.flush();
	}
}
