// The origination identities (numbers, sender IDs) in one pool; enter opens the number, K the pool's keywords, R the
// registration that holds the selected number (read for the number under the cursor, shared with its detail).
import React, {useState} from 'react';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listPoolIdentities, type PoolIdentity} from '../services/poolsService.js';
import type {ViewProps} from './viewProps.js';
import {poolIdentityOffer} from './copyChoices.js';
import {useResource, useSession} from '../app/session.js';
import {getPhoneNumber} from '../services/numbersService.js';
import {poolLabel, usePoolNames} from './usePoolNames.js';

const columns: Column<PoolIdentity>[] = [
	{id: 'identity', title: 'Identity', value: i => i.OriginationIdentity ?? '', minWidth: 12},
	{id: 'country', title: 'Country', value: i => i.IsoCountryCode ?? ''},
	{id: 'caps', title: 'Capabilities', value: i => (i.NumberCapabilities ?? []).join(',')},
	{id: 'number', title: 'Phone number', value: i => i.PhoneNumber ?? ''},
	{id: 'arn', title: 'ARN', value: i => i.OriginationIdentityArn ?? '', grow: 1, shrink: 1},
];

export function PoolIdentitiesView({poolId, width, height, filter, isActive, navigate, toast}: ViewProps & {poolId: string}) {
	const {connection} = useSession();
	const poolNames = usePoolNames();
	const [selectedNumber, setSelectedNumber] = useState<string | undefined>(undefined);
	const number = useResource(selectedNumber ? `number/${selectedNumber}` : undefined, clients => getPhoneNumber(clients, selectedNumber!));
	const registration = number.data?.PhoneNumberId === selectedNumber ? number.data?.RegistrationId : undefined;
	return (
		<ResourceTable
			title={`Pool ${poolLabel(poolId, poolNames)}`}
			resource={`pool-identities/${poolId}`}
			load={(clients, ctx) => listPoolIdentities(clients, poolId, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
			columns={columns}
			rowKey={i => i.OriginationIdentityArn ?? i.OriginationIdentity ?? ''}
			width={width}
			height={height}
			filter={filter}
			isActive={isActive}
			onOpen={i => {
				const id = i.OriginationIdentity ?? '';
				if (id.startsWith('phone-')) navigate({name: 'number', id});
				else toast(`${id} is a sender ID — see :sender-ids`, 'info');
			}}
			copyOffer={i => poolIdentityOffer(connection, poolId, i)}
			toast={toast}
			subjectOf={i => {
				const id = i.OriginationIdentity ?? '';
				return id.startsWith('phone-') ? {kind: 'number', id, label: i.PhoneNumber} : {kind: 'senderId', id, country: i.IsoCountryCode};
			}}
			navigate={navigate}
			onSelectionChange={i => setSelectedNumber(i?.OriginationIdentity?.startsWith('phone-') ? i.OriginationIdentity : undefined)}
			actions={{
				'view.keywords': () => navigate({name: 'keywords', origination: poolId}),
				'send.test': () => navigate({name: 'send', origination: poolId}),
				'view.registration': registration ? () => navigate({name: 'registration', id: registration}) : undefined,
			}}
			emptyText="This pool has no origination identities"
		/>
	);
}
