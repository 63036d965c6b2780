// --state FILE: load at start, write snapshots atomically (temp file in the same directory, fsync, rename).
//
// Durability: the server takes a ticket (begin) before a request runs and awaits commit(ticket) before it
// answers, so a change a client saw acknowledged is already on disk (a kill mid-write leaves the previous
// complete file, since the rename is the commit point). When a write fails (full disk, read-only file system,
// folder gone), the world is put back to what the file holds and every request whose changes or answer
// depended on the undone state is refused: what a client sees is what a restart will show. Changes made
// outside requests (simulated message events) call markDirty(), which writes after a ~50 ms debounce; if that
// write fails they are undone the same way. Writes are serialised; each one captures the state at flush time.
//
// Temp files are named `.<state file name>.<pid>.<8 hex>.tmp`; the ones a killed process left behind are
// removed at the next start (removeStaleTempFiles).
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {open, readFile, readdir, rename, rm} from 'node:fs/promises';
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

/** The state file cannot be used: not ours, corrupt, unreadable, or (at start) not writable. */
export class StateError extends Error {}

/** A write of the state file failed; the changes it carried were undone. */
export class StateSaveError extends StateError {
	constructor(
		readonly path: string,
		/** Why, in words, with the errno code in brackets where there is one. */
		readonly reason: string,
	) {
		super(`cannot save state to ${path}: ${reason}`);
	}
}

/** A failed write's error in words a user can act on. */
export function saveFailureReason(error: unknown, path: string): string {
	const code = (error as NodeJS.ErrnoException).code;
	const folder = dirname(resolve(path));
	switch (code) {
		case 'ENOSPC':
			return 'the disk is full (ENOSPC)';
		case 'EDQUOT':
			return 'the disk quota is used up (EDQUOT)';
		case 'EROFS':
			return 'the file system is read-only (EROFS)';
		case 'ENOENT':
			return existsSync(folder) ? `a file vanished while it was written (ENOENT)` : `the folder ${folder} does not exist (ENOENT)`;
		case 'ENOTDIR':
			return `${folder} is not a folder (ENOTDIR)`;
		case 'EACCES':
		case 'EPERM':
			return `permission denied in ${folder} (${code})`;
		case 'EISDIR':
			return `${resolve(path)} is a folder (EISDIR)`;
		default:
			return error instanceof Error ? error.message : String(error);
	}
}

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

/** `.state.json.<pid>.<8 hex>.tmp` for `state.json`: the pattern writeFileAtomic names its temp files by. */
function tempFilePattern(target: string): RegExp {
	const name = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
}

/** `mode` applies to a new file (default: readable by the owner only). */
export async function writeFileAtomic(path: string, text: string, mode = 0o600): Promise<void> {
	const target = resolve(path);
	const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	// 'wx': a fresh file, never one planted under the same name (nor a link to elsewhere).
	const handle = await open(temp, 'wx', mode);
	try {
		try {
			await handle.writeFile(text, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temp, target);
	} catch (error) {
		await rm(temp, {force: true}).catch(() => {});
		throw error;
	}
	// Make the rename itself durable where the platform allows opening a directory.
	try {
		const dir = await open(dirname(target), 'r');
		await dir.sync().catch(() => {});
		await dir.close();
	} catch {
		// not supported here: the rename is still atomic
	}
}

function isRunning(pid: number): boolean {
	if (pid === process.pid) return false; // this process has not written yet: the file is an earlier one's
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the temp files writeFileAtomic left next to `path` when its process was killed mid-write (only
 * names of that exact pattern, and only those of processes no longer running). Returns how many it removed.
 */
export async function removeStaleTempFiles(path: string): Promise<number> {
	const target = resolve(path);
	const pattern = tempFilePattern(target);
	let names: string[];
	try {
		names = await readdir(dirname(target));
	} catch {
		return 0; // no folder (yet): nothing to clean; writing will say what is wrong
	}
	let removed = 0;
	for (const name of names) {
		const match = pattern.exec(name);
		if (!match || isRunning(Number(match[1]))) continue;
		try {
			await rm(join(dirname(target), name), {force: true});
			removed++;
		} catch {
			// a read-only folder: the start-up write will report it
		}
	}
	return removed;
}

export interface PersistenceOptions {
	/** Puts the world back to a state this persistence wrote (to undo changes that could not be saved). */
	restore: (state: StateFile) => void;
	/** Delay between markDirty() and the write it causes (default 50 ms). */
	debounceMs?: number;
	/** Told about a failed write, once per reason until a write succeeds again (default: one line on stderr). */
	onError?: (error: StateSaveError) => void;
}

export class StatePersistence {
	private dirty = false;
	private timer: NodeJS.Timeout | undefined;
	/** Every write starts after the previous one has settled. */
	private queue: Promise<unknown> = Promise.resolve();
	/** The newest write: resolves once it is on disk, rejects with StateSaveError when it is not. */
	private latest: Promise<void> = Promise.resolve();
	/** The text the file holds (what a rollback goes back to). */
	private saved: string | undefined;
	private captured = 0;
	/** Writes numbered up to this one carry undone changes: they are refused without writing. */
	private undoneThrough = 0;
	private rollbacks = 0;
	private failure: StateSaveError | undefined;
	private reported: string | undefined;
	private readonly debounceMs: number;
	private readonly onError: (error: StateSaveError) => void;

	constructor(
		readonly path: string,
		private readonly collect: () => StateFile,
		private readonly options: PersistenceOptions,
	) {
		this.debounceMs = options.debounceMs ?? 50;
		this.onError = options.onError ?? (error => process.stderr.write(`smsdeck emulator: ${error.message}; changes since the last save were undone\n`));
	}

	markDirty(): void {
		this.dirty = true;
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.flush().catch(() => {}); // reported through onError; the changes were undone
		}, this.debounceMs);
	}

	/** Writes the current state now; rejects with StateSaveError when it cannot (used at start-up). */
	save(): Promise<void> {
		this.dirty = true;
		return this.flush();
	}

	/** Call before a request runs; pass the ticket to commit() after it. */
	begin(): number {
		return this.rollbacks;
	}

	/**
	 * Resolves once everything the request changed or saw is on disk. Rejects with StateSaveError when a write
	 * failed since begin() (its changes were undone, and the request may have seen them).
	 */
	commit(ticket: number): Promise<void> {
		if (ticket !== this.rollbacks && this.failure) return Promise.reject(this.failure);
		return this.flush();
	}

	/** Writes the current state if anything changed since the last write; settles when that write has. */
	flush(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
		if (!this.dirty) return this.latest;
		this.dirty = false;
		const text = JSON.stringify(this.collect());
		const number = ++this.captured;
		const write = this.queue.then(async () => {
			if (number <= this.undoneThrough && this.failure) throw this.failure;
			try {
				await writeFileAtomic(this.path, text);
			} catch (error) {
				throw this.undo(error);
			}
			this.saved = text;
			this.reported = undefined;
		});
		this.queue = write.catch(() => {});
		this.latest = write;
		return write;
	}

	/** A write failed: put the world back to the file's state and refuse every write captured so far. */
	private undo(error: unknown): StateSaveError {
		const failure = new StateSaveError(this.path, saveFailureReason(error, this.path));
		this.failure = failure;
		this.undoneThrough = this.captured;
		this.rollbacks++;
		this.dirty = false;
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
		if (this.saved !== undefined) this.options.restore(JSON.parse(this.saved) as StateFile);
		// The world now matches the file: what a request sees from here on needs no write to be true.
		this.latest = Promise.resolve();
		// Before the first successful write (start-up) the caller reports the rejection itself.
		if (this.saved !== undefined && this.reported !== failure.message) this.onError(failure);
		this.reported = failure.message;
		return failure;
	}

	/** Writes what is left; a failure has been reported already and is not thrown. */
	async close(): Promise<void> {
		await this.flush().catch(() => {});
	}
}
