// Sender IDs in the Region; enter opens one with every attribute.
import React from 'react';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listSenderIds, type SenderId} from '../services/senderIdsService.js';
import {monthly, yesNo} from './display.js';
import type {ViewProps} from './viewProps.js';
import {senderIdOffer} from './copyChoices.js';
import {useSession} from '../app/session.js';

export const senderIdColumns: Column<SenderId>[] = [
	{id: 'sender', title: 'Sender ID', value: s => s.SenderId ?? '', minWidth: 9},
	{id: 'country', title: 'Country', value: s => s.IsoCountryCode ?? ''},
	{id: 'types', title: 'Message types', value: s => (s.MessageTypes ?? []).join(',')},
	{id: 'registered', title: 'Registered', value: s => yesNo(s.Registered), color: s => (s.Registered ? 'ok' : 'warn')},
	{id: 'protect', title: 'Del. protect', value: s => yesNo(s.DeletionProtectionEnabled), color: s => (s.DeletionProtectionEnabled ? 'ok' : undefined)},
	{
		id: 'price',
		title: 'Monthly',
		value: s => monthly(s.MonthlyLeasingPrice),
		sortValue: s => Number(s.MonthlyLeasingPrice ?? 0),
		align: 'right',
	},
	{id: 'arn', title: 'ARN', value: s => s.SenderIdArn ?? '', grow: 1, shrink: 1},
];

export function SenderIdsView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	return (
		<ResourceTable
			title="Sender IDs"
			resource="sender-ids"
			load={(clients, ctx) => listSenderIds(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
			columns={senderIdColumns}
			rowKey={s => s.SenderIdArn ?? `${s.SenderId}/${s.IsoCountryCode}`}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			onOpen={s => navigate({name: 'senderId', senderId: s.SenderId ?? '', country: s.IsoCountryCode ?? ''})}
			copyOffer={s => senderIdOffer(connection, s)}
			subjectOf={s => ({kind: 'senderId', id: s.SenderId ?? '', country: s.IsoCountryCode})}
			navigate={navigate}
			toast={toast}
			emptyText="No sender IDs in this Region"
		/>
	);
}
