// "/" filter: the table narrows as you type; enter keeps the filter, esc clears it.
import React from 'react';
import {PromptBar} from './PromptBar.js';

export function FilterBar({
	width,
	initial,
	onChange,
	onDone,
}: {
	width: number;
	initial: string;
	onChange: (text: string) => void;
	onDone: (keep: boolean) => void;
}) {
	return (
		<PromptBar
			prompt="/"
			width={width}
			initial={initial}
			placeholder="filter rows (!term excludes; enter keeps, esc clears)"
			onChange={onChange}
			onSubmit={() => onDone(true)}
			onCancel={() => onDone(false)}
		/>
	);
}
