// Every End User Messaging SMS Region with its counts of phone numbers, pools and sender IDs (fetched for all
// Regions at once, shown as they arrive); enter switches the console to the selected one.
import React from 'react';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {SMS_REGIONS, isOptInRegion, type SmsRegion} from '../domain/regions.js';
import type {Glyphs} from '../theme/theme.js';
import {useTheme} from '../theme/ThemeContext.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {useRegionCounts, type CountCell, type CountKind} from './useRegionCounts.js';

const REGION_CODES = SMS_REGIONS.map(r => r.code);
const KINDS: CountKind[] = ['numbers', 'pools', 'senderIds'];
/** How AWS answers in an opt-in Region the account has not enabled: as if the credentials were unknown. */
const NOT_ENABLED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'AuthFailure']);

function regionColumns(glyphs: Glyphs, count: (region: string, kind: CountKind) => CountCell, ascii: boolean): Column<SmsRegion>[] {
	const yesNo = (b: boolean) => (b ? glyphs.yes + ' yes' : glyphs.no + ' no');
	const cell = (c: CountCell) => (c.state === 'done' ? String(c.count) : c.state === 'loading' ? (ascii ? '...' : '…') : ascii ? '-' : '–');
	// What keeps a Region's counts away: another partition, an opt-in Region not enabled, or an error.
	const status = (r: SmsRegion): {text: string; color: 'muted' | 'warn' | 'error'} | undefined => {
		const cells = KINDS.map(kind => count(r.code, kind));
		if (cells.some(c => c.state === 'skipped')) return {text: 'other partition', color: 'muted'};
		const failed = cells.find((c): c is Extract<CountCell, {state: 'error'}> => c.state === 'error');
		if (!failed) return undefined;
		if (isOptInRegion(r.code) && NOT_ENABLED.has(failed.code ?? '')) return {text: 'not enabled', color: 'warn'};
		return {text: `error: ${failed.code ?? failed.message}`, color: 'error'};
	};
	const countColumn = (id: CountKind, title: string): Column<SmsRegion> => ({
		id,
		title,
		value: r => cell(count(r.code, id)),
		sortValue: r => {
			const c = count(r.code, id);
			return c.state === 'done' ? c.count : -1;
		},
		align: 'right',
		color: r => {
			const c = count(r.code, id);
			return c.state === 'done' ? (c.count > 0 ? 'text' : 'muted') : 'muted';
		},
	});
	return [
		{id: 'code', title: 'Code', value: r => r.code, minWidth: 14},
		{id: 'name', title: 'Name', value: r => r.name, minWidth: 8, shrink: 1},
		countColumn('numbers', 'Numbers'),
		countColumn('pools', 'Pools'),
		countColumn('senderIds', 'Sender IDs'),
		{id: 'voice', title: 'Voice', value: r => (r.voice === undefined ? '?' : yesNo(r.voice)), color: r => (r.voice ? 'ok' : 'muted')},
		{id: 'fips', title: 'FIPS', value: r => (r.fips ? 'yes' : ''), color: () => 'muted', shrink: 2},
		// Never cut: "not enabled" and "other partition" are the point of the column.
		{id: 'status', title: 'Status', value: r => status(r)?.text ?? '', color: r => status(r)?.color ?? 'muted', minWidth: 'other partition'.length},
	];
}

export function RegionsView({
	width,
	height,
	filter,
	current,
	isActive,
	onSelect,
}: {
	width: number;
	height: number;
	filter: string;
	current: string;
	isActive: boolean;
	onSelect: (region: SmsRegion) => void;
}) {
	const theme = useTheme();
	const counts = useRegionCounts(REGION_CODES);
	useCommands({'app.refresh': counts.refresh}, {priority: Priority.View, isActive});
	const columns = regionColumns(theme.glyphs, counts.count, theme.ascii);
	return (
		<Table
			title="Regions"
			columns={columns}
			rows={SMS_REGIONS}
			rowKey={r => r.code}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			isMarked={r => r.code === current}
			initialSelectedKey={current}
			followKey={current}
			openCommand="regions.select"
			onOpen={onSelect}
		/>
	);
}
