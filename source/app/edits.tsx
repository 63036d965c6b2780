// The staged-edit layer of the console: one store for the session, `w` to review and apply, `u` to discard,
// the review dialog (diff + aws commands + confirmation), and the question before quitting with edits staged.
import React, {createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore} from 'react';
import {StagedEdits, type ApplyReport, type StagedEdit} from './stagedEdits.js';
import {useSession} from './session.js';
import {connectionKey} from '../services/clients.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {ReviewDialog, QuitDialog} from './ReviewDialog.js';

type Dialog = {kind: 'review'} | {kind: 'quit'; quit: () => void};

interface EditsValue {
	store: StagedEdits;
	/** Stage an edit; `review` opens the review dialog at once (enter in an editor). */
	stage: (edit: StagedEdit, options?: {review?: boolean}) => void;
	review: () => void;
	/** Quit now, or ask first while edits are staged. */
	guardQuit: (quit: () => void) => void;
	dialog?: Dialog;
	close: () => void;
	onReports: (reports: ApplyReport[]) => void;
}

const EditsContext = createContext<EditsValue | undefined>(undefined);

export interface EditsProviderProps {
	/** Every applied change (audit) and every refusal (error log). */
	onReport: (report: ApplyReport) => void;
	toast: (text: string, kind?: 'info' | 'ok' | 'warn' | 'error') => void;
	children: React.ReactNode;
	store?: StagedEdits;
}

export function EditsProvider({onReport, toast, children, store: given}: EditsProviderProps) {
	const store = useMemo(() => given ?? new StagedEdits(), [given]);
	const {session} = useSession();
	const [dialog, setDialog] = useState<Dialog | undefined>();
	const edits = useSyncExternalStore(store.subscribe, store.list, store.list);
	const review = useCallback(() => {
		if (store.size === 0) toast('Nothing staged: edit something first (a add, e edit, d delete, o settings)', 'info');
		else setDialog({kind: 'review'});
	}, [store, toast]);
	const stage = useCallback(
		(edit: StagedEdit, options: {review?: boolean} = {}) => {
			const {replaced} = store.stage(edit);
			if (options.review) setDialog({kind: 'review'});
			else if (replaced) toast(`Staged: ${edit.what} — merged with the earlier staged edit (${replaced.kind === 'delete' ? 'a delete' : replaced.after}) · w reviews`, 'warn');
			else toast(`Staged: ${edit.what} — w reviews and applies, u discards`, 'info');
		},
		[store, toast],
	);
	const onReports = useCallback(
		(reports: ApplyReport[]) => {
			for (const r of reports) onReport(r);
			// Reload what the applied changes touched, on their own connection.
			for (const r of reports) {
				if (!r.ok) continue;
				for (const resource of r.edit.reloads) session.store.reload(`${connectionKey(r.edit.connection)}#${resource}`);
			}
		},
		[onReport, session],
	);
	const value: EditsValue = {
		store,
		stage,
		review,
		guardQuit: quit => (store.size > 0 ? setDialog({kind: 'quit', quit}) : quit()),
		dialog,
		close: () => setDialog(undefined),
		onReports,
	};
	useCommands(
		{
			'edit.write': edits.length > 0 ? review : undefined,
			'edit.undo':
				edits.length > 0
					? () => {
							const n = store.discardAll();
							toast(`Discarded ${n} staged edit${n === 1 ? '' : 's'}`, 'ok');
						}
					: undefined,
		},
		{priority: Priority.Global, isActive: dialog === undefined},
	);
	return <EditsContext.Provider value={value}>{children}</EditsContext.Provider>;
}

export function useEdits(): EditsValue {
	const value = useContext(EditsContext);
	if (!value) throw new Error('EditsProvider is missing');
	return value;
}

/** The staged edits, re-rendering when they change. */
export function useStagedEdits(): readonly StagedEdit[] {
	const {store} = useEdits();
	return useSyncExternalStore(store.subscribe, store.list, store.list);
}

/** The review or quit dialog while one is open (the shell shows it in place of the screen), else null. */
export function EditDialog({width, height}: {width: number; height: number}) {
	const value = useEdits();
	const {session, connection: current} = useSession();
	const {dialog} = value;
	if (!dialog) return null;
	if (dialog.kind === 'quit') {
		return (
			<QuitDialog
				width={width}
				height={height}
				count={value.store.size}
				onQuit={dialog.quit}
				onReview={() => value.review()}
				onCancel={value.close}
			/>
		);
	}
	return (
		<ReviewDialog
			width={width}
			height={height}
			store={value.store}
			// An edit staged before a switch into a read-only profile stays unapplied: the console's read-only state
			// now is what counts, and the clients of a read-only connection refuse every change themselves.
			apply={ids => value.store.apply(c => session.clientsFor({...c, readOnly: c.readOnly || current.readOnly}), ids)}
			onReports={value.onReports}
			onClose={value.close}
		/>
	);
}
