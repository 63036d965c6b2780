// The review dialog of staged edits: each change as before → after with its aws command, then a confirmation
// (y, or a typed word for money and deletions), then one result line per edit. Modal: it takes every key.
import React, {useReducer, useRef, useState, useSyncExternalStore} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {Priority, useKeypress} from '../input/KeypressProvider.js';
import {editActionFor, lineEditor, type LineState} from '../components/lineEditor.js';
import {LineField} from '../components/LineField.js';
import {truncate} from '../domain/textWidth.js';
import {safeText} from '../domain/sanitize.js';
import type {ApplyReport, StagedEdit, StagedEdits} from './stagedEdits.js';

const MARK: Record<StagedEdit['kind'], string> = {add: '+', change: '~', delete: '-'};

/** The words to type before applying these edits ('' when y is enough). */
export function typedConfirmation(edits: readonly StagedEdit[]): string {
	return [...new Set(edits.map(e => e.typed).filter((w): w is string => Boolean(w)))].join(' ');
}

/** Splits a command into lines of at most `width` characters, at spaces where possible. */
export function wrapCommand(command: string, width: number): string[] {
	const lines: string[] = [];
	let rest = command;
	while (rest.length > width) {
		let cut = rest.lastIndexOf(' ', width);
		if (cut <= 2) cut = width;
		lines.push(rest.slice(0, cut));
		rest = rest.slice(cut).replace(/^ /, '  ');
	}
	lines.push(rest);
	return lines;
}

interface ReviewProps {
	width: number;
	height: number;
	store: StagedEdits;
	apply: (ids: string[]) => Promise<ApplyReport[]>;
	onReports: (reports: ApplyReport[]) => void;
	onClose: () => void;
}

export function ReviewDialog({width, height, store, apply, onReports, onClose}: ReviewProps) {
	const theme = useTheme();
	const c = theme.colors;
	const edits = useSyncExternalStore(store.subscribe, store.list, store.list);
	const [phase, setPhase] = useState<'review' | 'applying' | 'done'>('review');
	const [reports, setReports] = useState<ApplyReport[]>([]);
	const [line, setLine] = useReducer(lineEditor, {text: '', cursor: 0});
	const latest = useRef<LineState>(line);
	latest.current = line;
	const [hint, setHint] = useState('');
	const word = typedConfirmation(edits);
	const ids = useRef<string[]>([]);

	const start = () => {
		ids.current = edits.map(e => e.id);
		setPhase('applying');
		void apply(ids.current).then(out => {
			setReports(out);
			setPhase('done');
			onReports(out);
		});
	};

	useKeypress(
		event => {
			if (event.ctrl && event.name === 'c') return false;
			if (phase === 'applying') return true;
			if (phase === 'done') {
				onClose();
				return true;
			}
			if (event.name === 'escape') {
				onClose();
				return true;
			}
			if (!word) {
				if (event.text === 'y' || event.text === 'Y') start();
				else if (event.text === 'n' || event.text === 'N') onClose();
				else if (event.text === 'u') {
					store.discardAll();
					onClose();
				}
				else setHint('Press y to apply, or esc to go back (the edits stay staged).');
				return true;
			}
			if (event.name === 'enter') {
				if (latest.current.text.trim() === word) start();
				else setHint(`Type "${word}" exactly to confirm, or esc to go back.`);
				return true;
			}
			const action = editActionFor(event);
			if (action) {
				latest.current = lineEditor(latest.current, action);
				setLine(action);
			}
			return true;
		},
		{
			priority: Priority.Dialog,
			modalHint:
				phase === 'applying'
					? 'applying…'
					: phase === 'done'
						? 'any key: close'
						: word
							? `type "${word}" and enter to apply · esc: back (the edits stay staged)`
							: 'y: apply · n or esc: back (the edits stay staged) · u: discard them all',
		},
	);

	const rows: React.ReactNode[] = [];
	const w = width - 2;
	if (phase === 'done') {
		const ok = reports.filter(r => r.ok).length;
		const clean = reports.every(r => r.ok && !r.failedInPart);
		rows.push(
			<Text key="t" bold color={clean ? c.ok : c.warn}>
				{` Applied ${ok} of ${reports.length} change${reports.length === 1 ? '' : 's'}`}
			</Text>,
		);
		reports.forEach((r, i) => {
			rows.push(
				<Text key={`r${i}`} color={!r.ok ? c.error : r.failedInPart ? c.warn : c.ok} wrap="truncate">
					{truncate(` ${r.ok && !r.failedInPart ? theme.glyphs.ok : theme.glyphs.fail} ${r.edit.what}: ${r.ok ? `${r.edit.before || '(none)'} → ${r.edit.after || '(none)'}` : r.message}`, w)}
				</Text>,
			);
			rows.push(
				<Text key={`d${i}`} color={c.muted} wrap="truncate">
					{truncate(`     ${r.ok ? r.message : 'kept staged: fix it, or u discards'}${r.requestId ? `  request id ${r.requestId}` : ''}`, w)}
				</Text>,
			);
		});
		rows.push(
			<Text key="k" color={c.muted}>
				{' any key closes · ! shows the audit log'}
			</Text>,
		);
	} else {
		rows.push(
			<Text key="t" bold color={c.accent}>
				{` Review ${edits.length} staged change${edits.length === 1 ? '' : 's'} (nothing has been sent yet)`}
			</Text>,
		);
		edits.forEach(e => {
			const color = e.kind === 'delete' ? c.error : e.kind === 'add' ? c.ok : c.warn;
			rows.push(
				<Text key={`${e.id}w`} color={color} bold wrap="truncate">
					{truncate(` ${MARK[e.kind]} ${e.what}`, w)}
				</Text>,
			);
			const change = `     ${e.before || '(none)'} → ${e.after || '(none)'}`;
			// Before and after on lines of their own when they do not fit on one.
			const changeLines = change.length <= w ? [change] : [`     ${e.before || '(none)'}`, `   → ${e.after || '(none)'}`];
			changeLines.forEach((text, i) =>
				rows.push(
					<Text key={`${e.id}b${i}`} wrap="truncate">
						{truncate(text, w)}
					</Text>,
				),
			);
			if (e.replaced) {
				const times = e.replaced.count > 1 ? `${e.replaced.count} earlier staged edits` : 'an earlier staged edit';
				rows.push(
					<Text key={`${e.id}r`} color={c.warn} wrap="truncate">
						{truncate(`     merged: replaces ${times} (${e.replaced.kind === 'delete' ? 'a delete' : `it would have set ${e.replaced.after || '(none)'}`})`, w)}
					</Text>,
				);
			}
			// The whole command, wrapped, so it can be read and copied.
			e.cli.forEach((cmd, i) =>
				wrapCommand(safeText(`$ ${cmd}`), Math.max(20, w - 5)).forEach((part, j) =>
					rows.push(
						<Text key={`${e.id}c${i}.${j}`} color={c.muted}>
							{`     ${part}`}
						</Text>,
					),
				),
			);
			if (e.error) {
				rows.push(
					<Text key={`${e.id}e`} color={c.error} wrap="truncate">
						{truncate(`     last attempt refused: ${e.error}`, w)}
					</Text>,
				);
			}
		});
	}
	const footerLines = phase === 'review' ? 2 : 0;
	const room = Math.max(1, height - footerLines);
	const shown = rows.length > room ? [...rows.slice(0, room - 1), <Text key="more" color={c.muted}>{` … ${rows.length - room + 1} more lines`}</Text>] : rows;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown}
			<Box flexGrow={1} />
			{phase === 'applying' ? <Text color={c.info}> Applying…</Text> : null}
			{phase === 'review' ? (
				word ? (
					<Box>
						<Text bold color={c.warn}>{` Type "${word}" to apply: `}</Text>
						<LineField state={line} width={Math.max(8, width - word.length - 20)} />
					</Box>
				) : (
					<Text bold color={c.warn}> Apply? y applies · esc back (edits stay staged) · u discards all</Text>
				)
			) : null}
			{phase === 'review' ? <Text color={hint ? c.warn : c.muted}>{' ' + (hint || 'esc back · the edits stay staged until applied or discarded with u')}</Text> : null}
		</Box>
	);
}

export function QuitDialog({width, height, count, onQuit, onReview, onCancel}: {width: number; height: number; count: number; onQuit: () => void; onReview: () => void; onCancel: () => void}) {
	const theme = useTheme();
	useKeypress(
		event => {
			if (event.ctrl && event.name === 'c') return false;
			if (event.text === 'y' || event.text === 'Y') onQuit();
			else if (event.text === 'w') onReview();
			else if (event.name === 'escape' || event.text === 'n' || event.text === 'N' || event.text === 'q') onCancel();
			return true;
		},
		{priority: Priority.Dialog, modalHint: 'y: quit · w: review the staged edits · n or esc: stay'},
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.colors.warn}>{` ${count} staged edit${count === 1 ? ' is' : 's are'} not applied.`}</Text>
			<Text>{' Quit and lose them? y quits · w reviews them · n or esc stays'}</Text>
		</Box>
	);
}
