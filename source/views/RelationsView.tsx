// Relations (k9s's xray): the resource and what it is tied to, as a tree; enter jumps to the line's screen.
import React, {useEffect, useMemo} from 'react';
import {Box} from 'ink';
import {useResource} from '../app/session.js';
import {describeRelations, type RelationNode} from '../services/relationsService.js';
import {refTitle, type ResourceRef} from '../domain/resourceRef.js';
import {LineList, type ListLine} from '../components/LineList.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useTheme} from '../theme/ThemeContext.js';
import {routeForTarget} from './relationTargets.js';
import type {ViewProps} from './viewProps.js';

/** Tree branches for a depth-first list of nodes: "├─ ", "└─ ", "│  " (ASCII: "|- ", "`- ", "|  "). */
export function treePrefixes(depths: readonly number[], ascii: boolean): string[] {
	const [tee, elbow, pipe] = ascii ? ['|- ', '`- ', '|  '] : ['├─ ', '└─ ', '│  '];
	// A node is the last of its siblings when no later node at its depth comes before one shallower.
	const isLast = depths.map((d, i) => {
		for (let j = i + 1; j < depths.length; j++) {
			if (depths[j] < d) return true;
			if (depths[j] === d) return false;
		}
		return true;
	});
	return depths.map((d, i) => {
		if (d === 0) return '';
		let prefix = '';
		// For each ancestor level, a pipe while that ancestor has siblings still to come.
		for (let level = 1; level < d; level++) {
			let ancestor = i;
			while (ancestor >= 0 && depths[ancestor] !== level) ancestor--;
			prefix += ancestor >= 0 && !isLast[ancestor] ? pipe : '   ';
		}
		return prefix + (isLast[i] ? elbow : tee);
	});
}

export function RelationsView({subject, width, height, filter, isActive, navigate, toast}: ViewProps & {subject: ResourceRef}) {
	const theme = useTheme();
	const key = `relations/${subject.kind}/${subject.id}/${subject.country ?? ''}`;
	const relations = useResource<RelationNode[]>(key, (clients, ctx) => describeRelations(clients, subject, {signal: ctx.signal}));
	useCommands({'app.refresh': relations.refresh}, {priority: Priority.View, isActive});
	// What was cached from an earlier visit shows at once and is read again: a change made since must show here.
	useEffect(() => {
		if (relations.fetchedAt !== undefined) relations.refresh();
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);
	const nodes = relations.data;
	const lines = useMemo<ListLine[]>(() => {
		if (!nodes) return [];
		const prefixes = treePrefixes(nodes.map(n => n.depth), theme.ascii);
		return nodes.map((n, i) => ({
			key: String(i),
			text: `${prefixes[i]}${n.label}`,
			detail: n.detail,
			tone: n.tone ?? (i === 0 ? 'title' : undefined),
			bold: i === 0,
		}));
	}, [nodes, theme.ascii]);
	const status = relations.loading ? 'loading…' : relations.error ? 'failed — r retries' : 'enter jumps';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<LineList
				title={`Relations of ${refTitle(subject)}`}
				lines={lines}
				width={width}
				height={height}
				isActive={isActive}
				filter={filter}
				asciiPunctuation
				status={status}
				emptyText={relations.error ? relations.error.message : 'Looking up what it is tied to…'}
				onOpen={line => {
					// Keys are the node indexes (a filter shows a subset of the lines).
					const target = nodes?.[Number(line.key)]?.target;
					if (target) navigate(routeForTarget(target));
					else toast('Nothing to open on this line', 'info');
				}}
			/>
		</Box>
	);
}
