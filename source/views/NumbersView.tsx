// Phone numbers in the Region (including simulator numbers); enter opens a number's detail.
import React from 'react';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listPhoneNumbers, type PhoneNumber} from '../services/numbersService.js';
import type {ViewProps} from './viewProps.js';

export const numberColumns: Column<PhoneNumber>[] = [
	{id: 'number', title: 'Number', value: n => n.PhoneNumber ?? '', minWidth: 16, maxWidth: 16},
	{id: 'type', title: 'Type', value: n => n.NumberType ?? '', color: n => (n.NumberType === 'SIMULATOR' ? 'info' : undefined)},
	{id: 'status', title: 'Status', value: n => n.Status ?? '', color: n => (n.Status === 'ACTIVE' ? 'ok' : 'warn')},
	{id: 'country', title: 'Country', value: n => n.IsoCountryCode ?? ''},
	{id: 'caps', title: 'Capabilities', value: n => (n.NumberCapabilities ?? []).join(',')},
	{id: 'msgtype', title: 'Message type', value: n => n.MessageType ?? ''},
	{id: 'twoway', title: 'Two-way', value: n => (n.TwoWayEnabled ? 'yes' : 'no')},
	{id: 'pool', title: 'Pool', value: n => n.PoolId ?? '', shrink: 1},
	{id: 'optout', title: 'Opt-out list', value: n => n.OptOutListName ?? '', shrink: 1},
	{
		id: 'price',
		title: 'Monthly',
		value: n => (n.MonthlyLeasingPrice ? `$${n.MonthlyLeasingPrice}` : ''),
		sortValue: n => Number(n.MonthlyLeasingPrice ?? 0),
		align: 'right',
	},
	{id: 'id', title: 'Id', value: n => n.PhoneNumberId ?? '', grow: 1, shrink: 1},
];

export function NumbersView({width, height, filter, isActive, navigate}: ViewProps) {
	return (
		<ResourceTable
			title="Phone numbers"
			resource="numbers"
			load={(clients, ctx) => listPhoneNumbers(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
			columns={numberColumns}
			rowKey={n => n.PhoneNumberId ?? ''}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			onOpen={n => navigate({name: 'number', id: n.PhoneNumberId ?? ''})}
			emptyText="No phone numbers in this Region"
		/>
	);
}
