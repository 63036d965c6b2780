// Every End User Messaging SMS Region; enter switches the console to the selected one.
import React from 'react';
import {Table} from '../components/Table.js';
import type {Column} from '../components/tableModel.js';
import {SMS_REGIONS, type SmsRegion} from '../domain/regions.js';
import type {Glyphs} from '../theme/theme.js';
import {useTheme} from '../theme/ThemeContext.js';

function regionColumns(glyphs: Glyphs): Column<SmsRegion>[] {
	const yesNo = (b: boolean) => (b ? glyphs.yes + ' yes' : glyphs.no + ' no');
	return [
		{id: 'code', title: 'Code', value: r => r.code, minWidth: 9},
		{id: 'name', title: 'Name', value: r => r.name, minWidth: 12},
		{id: 'sms', title: 'SMS/MMS', value: r => yesNo(r.sms), color: () => 'ok'},
		{id: 'voice', title: 'Voice', value: r => yesNo(r.voice), color: r => (r.voice ? 'ok' : 'muted')},
		{id: 'fips', title: 'FIPS', value: r => (r.fips ? 'yes' : ''), color: () => 'muted'},
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
	const columns = React.useMemo(() => regionColumns(theme.glyphs), [theme.glyphs]);
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
			openCommand="regions.select"
			onOpen={onSelect}
		/>
	);
}
