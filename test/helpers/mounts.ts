// Small tmpfs mounts for tests of a full disk and a read-only file system. Mounting needs Linux and root (or
// CAP_SYS_ADMIN); where the machine cannot, mountTmpfs says why, for the test to skip with that reason.
// Root ignores file permissions, so a chmod'ed folder would not stand in for a read-only file system.
import {execFileSync} from 'node:child_process';
import {closeSync, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export interface Tmpfs {
	dir: string;
	/** Remounts read-only (true) or read-write (false). */
	setReadOnly(readOnly: boolean): void;
	/** Fills the free space with one file; returns its path (remove it to make room again). */
	fill(): string;
	unmount(): void;
}

function mount(args: string[]): void {
	execFileSync('mount', args, {stdio: ['ignore', 'ignore', 'pipe']});
}

/** A new tmpfs of `size` (e.g. '256k'), or the reason this machine cannot mount one. */
export function mountTmpfs(size: string): Tmpfs | {skip: string} {
	if (process.platform !== 'linux') return {skip: `mounting a tmpfs needs Linux (this is ${process.platform})`};
	const dir = mkdtempSync(join(tmpdir(), 'smsdeck-tmpfs-'));
	try {
		mount(['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
	} catch (error) {
		rmSync(dir, {recursive: true, force: true});
		const why = String((error as {stderr?: Buffer}).stderr ?? (error as Error).message).trim().split('\n')[0];
		return {skip: `cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): ${why}`};
	}
	let mounted = true;
	return {
		dir,
		setReadOnly(readOnly) {
			mount(['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir]);
		},
		fill() {
			const path = join(dir, 'filler');
			const fd = openSync(path, 'w');
			const chunk = Buffer.alloc(4096, 1);
			try {
				for (;;) writeSync(fd, chunk);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
			} finally {
				closeSync(fd);
			}
			return path;
		},
		unmount() {
			if (!mounted) return;
			mounted = false;
			execFileSync('umount', ['-l', dir], {stdio: 'ignore'});
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
