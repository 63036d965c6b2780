// Staged edits: changes to the account that are prepared on screen but not yet sent. The store lives outside
// React (views subscribe through useSyncExternalStore); applying sends them one by one, keeps the ones the
// service refused (with its reason) and reports every result. No Ink here.
import type {Clients, Connection} from '../services/clients.js';
import type {ChangeResult} from '../services/changesService.js';
import {describeServiceError} from '../services/errors.js';

export interface StagedEdit {
	/**
	 * One edit per target (e.g. `keyword|pool-1|JOIN`): staging the same id again merges into the staged one —
	 * the first `before`, the last `after` — and records what it replaced (`replaced`).
	 */
	id: string;
	/** Which table shows it (e.g. `keywords/phone-…`), and its row there, for the `~` marker. */
	scope: string;
	rowKey: string;
	/** What changes, in words: "Keyword JOIN on pool-…". */
	what: string;
	before: string;
	after: string;
	/** The equivalent AWS CLI commands. */
	cli: string[];
	/** A word the person must type to confirm (money, deletion); undefined: y confirms. */
	typed?: string;
	kind: 'add' | 'change' | 'delete';
	/** The row as it will be once applied (for showing a staged row in its table). */
	preview?: Record<string, string>;
	connection: Connection;
	/** Resource keys (without the connection part) to reload after it was applied. */
	reloads: string[];
	apply: (clients: Clients) => Promise<ChangeResult>;
	/** The reason the last attempt failed. */
	error?: string;
	/** Set when this edit was merged into an earlier staged edit of the same target: what that one would have set. */
	replaced?: {after: string; kind: StagedEdit['kind']; count: number};
}

/** What staging did: a new edit, or a merge into the staged edit of the same target. */
export interface StageResult {
	edit: StagedEdit;
	/** The staged edit this one replaced (its `after` is what would have been sent). */
	replaced?: StagedEdit;
}

/**
 * A second edit of the same target merged into the first: the second's change (editors start it from what is
 * staged, so it holds the first's) with a note of what it replaced; a staged new thing edited again is still new.
 */
export function mergeEdits(earlier: StagedEdit, later: StagedEdit): StagedEdit {
	const stillNew = earlier.kind === 'add' && later.kind !== 'delete';
	return {
		...later,
		kind: stillNew ? 'add' : later.kind,
		what: stillNew ? earlier.what : later.what,
		// Both edits describe their change from the same state (what the service has), so the later one's
		// before is the whole before; a staged new thing had none.
		before: stillNew ? earlier.before : later.before,
		error: undefined,
		replaced: {after: earlier.after, kind: earlier.kind, count: (earlier.replaced?.count ?? 0) + 1},
	};
}

export interface ApplyReport {
	edit: StagedEdit;
	ok: boolean;
	/** Applied, but the service says what it was for failed, in part or whole (ChangeResult.failedInPart). */
	failedInPart?: boolean;
	/** The service's reason, or what it answered. */
	message: string;
	requestId?: string;
	time: number;
}

export type Listener = () => void;

export class StagedEdits {
	private edits: StagedEdit[] = [];
	private listeners = new Set<Listener>();
	private applying = false;

	subscribe = (listener: Listener) => {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	};

	/** The staged edits, in the order they were staged (a new array after every change). */
	list = (): readonly StagedEdit[] => this.edits;

	get size(): number {
		return this.edits.length;
	}

	get busy(): boolean {
		return this.applying;
	}

	/** The staged edit of one row of one table. */
	forRow(scope: string, rowKey: string): StagedEdit | undefined {
		return this.edits.find(e => e.scope === scope && e.rowKey === rowKey);
	}

	inScope(scope: string): StagedEdit[] {
		return this.edits.filter(e => e.scope === scope);
	}

	/** Stages an edit; a second edit of the same target is merged into the staged one (mergeEdits), never lost. */
	stage(edit: StagedEdit): StageResult {
		const at = this.edits.findIndex(e => e.id === edit.id);
		const earlier = at >= 0 ? this.edits[at] : undefined;
		const next = earlier ? mergeEdits(earlier, edit) : {...edit, error: undefined, replaced: undefined};
		this.edits = at >= 0 ? this.edits.map((e, i) => (i === at ? next : e)) : [...this.edits, next];
		this.emit();
		return {edit: next, replaced: earlier};
	}

	discard(id: string): boolean {
		const before = this.edits.length;
		this.edits = this.edits.filter(e => e.id !== id);
		if (this.edits.length === before) return false;
		this.emit();
		return true;
	}

	discardAll(): number {
		const n = this.edits.length;
		this.edits = [];
		if (n > 0) this.emit();
		return n;
	}

	/**
	 * Applies the given edits (default: all) in order. Each success leaves the store; each failure stays with
	 * the service's reason. One report per edit, in order.
	 */
	async apply(clientsFor: (connection: Connection) => Promise<Clients>, ids?: readonly string[]): Promise<ApplyReport[]> {
		if (this.applying) return [];
		this.applying = true;
		this.emit();
		const reports: ApplyReport[] = [];
		try {
			const todo = this.edits.filter(e => !ids || ids.includes(e.id));
			for (const edit of todo) {
				try {
					const clients = await clientsFor(edit.connection);
					const out = await edit.apply(clients);
					this.edits = this.edits.filter(e => e.id !== edit.id);
					reports.push({edit, ok: true, failedInPart: out.failedInPart, message: out.detail ?? 'done', requestId: out.requestId, time: Date.now()});
				} catch (error) {
					const info = describeServiceError(error);
					this.edits = this.edits.map(e => (e.id === edit.id ? {...e, error: info.message} : e));
					reports.push({edit, ok: false, message: info.message, requestId: info.requestId, time: Date.now()});
				}
				this.emit();
			}
		} finally {
			this.applying = false;
			this.emit();
		}
		return reports;
	}

	private emit(): void {
		for (const listener of this.listeners) listener();
	}
}

/** The audit line of one applied change: what, old → new, when, request id. */
export function auditLine(report: ApplyReport): string {
	const {edit} = report;
	const when = new Date(report.time).toISOString();
	const where = `${edit.connection.region}${edit.connection.profile ? ` profile ${edit.connection.profile}` : ''}`;
	const answer = report.message && report.message !== 'done' ? ` [${report.message}]` : '';
	return `${when} ${where} ${edit.what}: ${edit.before || '(none)'} → ${edit.after || '(none)'}${answer} request-id ${report.requestId ?? 'unknown'}`;
}
