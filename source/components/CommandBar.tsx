// ":" command mode with tab completion and history (up/down).
import React, {useMemo, useRef, useState} from 'react';
import {PromptBar} from './PromptBar.js';
import {commonPrefix, completeCommandLine} from '../app/commandLine.js';

export function CommandBar({
	width,
	history,
	profiles,
	configSets,
	onSubmit,
	onCancel,
}: {
	width: number;
	history: string[];
	/** Profile names for :profile completion. */
	profiles?: readonly string[];
	/** Configuration set names of the Region, for :tail completion. */
	configSets?: readonly string[];
	onSubmit: (line: string) => void;
	onCancel: () => void;
}) {
	// Candidates follow the text and the names, which may arrive after the bar opened (configuration sets).
	const [text, setText] = useState('');
	const candidates = useMemo(() => completeCommandLine(text, {profiles, configSets}), [text, profiles, configSets]);
	const historyAt = useRef(history.length);
	const tabCycle = useRef<{list: string[]; index: number} | undefined>(undefined);

	return (
		<PromptBar
			prompt=":"
			width={width}
			placeholder="command (tab completes)"
			suffix={candidates.length > 1 ? candidates.slice(0, 8).join('  ') + (candidates.length > 8 ? ' …' : '') : ''}
			onChange={text => {
				tabCycle.current = undefined;
				setText(text);
			}}
			onTab={text => {
				// First tab: complete the shared prefix; further tabs cycle through the candidates.
				if (tabCycle.current) {
					const cycle = tabCycle.current;
					cycle.index = (cycle.index + 1) % cycle.list.length;
					return cycle.list[cycle.index];
				}
				const list = completeCommandLine(text, {profiles, configSets});
				if (list.length === 0) return undefined;
				if (list.length === 1) return list[0];
				const prefix = commonPrefix(list);
				if (prefix.length > text.length) return prefix;
				tabCycle.current = {list, index: 0};
				return list[0];
			}}
			onHistory={(direction, text) => {
				if (history.length === 0) return undefined;
				historyAt.current = Math.max(0, Math.min(history.length, historyAt.current + direction));
				return historyAt.current === history.length ? '' : history[historyAt.current];
			}}
			onSubmit={onSubmit}
			onCancel={onCancel}
		/>
	);
}
