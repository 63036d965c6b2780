// Phone numbers in the Region (including simulator numbers); enter opens a number's detail. n requests a
// number (typed confirmation), x releases the selected one (refused while deletion protection is on).
import React, {useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import {ResourceTable} from './ResourceTable.js';
import type {Column} from '../components/tableModel.js';
import {listPhoneNumbers, type PhoneNumber} from '../services/numbersService.js';
import {useSession} from '../app/session.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {releaseNumberEdit, requestNumberEdit} from '../app/editPlans.js';
import {EditForm, formHeight, type FormField} from '../components/EditForm.js';
import {CAPABILITY_SETS, checkNumberRequest, checkRelease, REQUESTABLE_TYPES} from '../domain/settingsRules.js';
import type {NumberRequest} from '../services/changesService.js';
import type {ViewProps} from './viewProps.js';
import {numberOffer} from './copyChoices.js';
import {poolLabel, usePoolNames} from './usePoolNames.js';
import {useResource} from '../app/session.js';
import {listPools, type Pool} from '../services/poolsService.js';
import {listOptOutLists, type OptOutList} from '../services/optOutsService.js';

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

/** The pick that means "in no pool". */
const NO_POOL = 'none';

interface PoolChoice {
	label: string;
	id: string;
	optOutList: string;
	messageType: string;
}

/** The request form: the pool and the opt-out list are picked from the Region's (loaded with :pools and :optouts). */
function requestFields(pools: readonly PoolChoice[], lists: readonly string[], loading: {pools: boolean; lists: boolean}): FormField[] {
	return [
		{id: 'type', label: 'Number type', kind: 'choice', options: REQUESTABLE_TYPES},
		{id: 'country', label: 'Country (ISO)', kind: 'text', initial: 'US'},
		{id: 'caps', label: 'Capabilities', kind: 'choice', options: CAPABILITY_SETS},
		{id: 'msgtype', label: 'Message type', kind: 'choice', options: ['TRANSACTIONAL', 'PROMOTIONAL']},
		{id: 'pool', label: 'Pool', kind: 'pick', options: [NO_POOL, ...pools.map(p => p.label)], initial: NO_POOL, loading: loading.pools},
		{id: 'optout', label: 'Opt-out list', kind: 'pick', options: lists, initial: 'Default', loading: loading.lists},
	];
}

function toRequest(v: Record<string, string>, pools: readonly PoolChoice[]): NumberRequest {
	const pool = pools.find(p => p.label === v.pool);
	return {
		numberType: v.type as NumberRequest['numberType'],
		isoCountryCode: v.country.trim().toUpperCase(),
		capabilities: v.caps.split(',') as NumberRequest['capabilities'],
		messageType: v.msgtype as NumberRequest['messageType'],
		...(pool ? {poolId: pool.id} : {}),
		// In a pool the number takes the pool's list; alone, "Default" is what the service gives anyway.
		...(!pool && v.optout && v.optout !== 'Default' ? {optOutListName: v.optout} : {}),
	};
}

/** What the form refuses before anything is staged. */
function requestProblem(v: Record<string, string>, pools: readonly PoolChoice[]): string | undefined {
	const r = checkNumberRequest(toRequest(v, pools));
	if (!r.ok) return r.reason;
	const pool = pools.find(p => p.label === v.pool);
	if (pool && pool.messageType && v.msgtype !== pool.messageType) {
		return `Pool ${pool.label} sends ${pool.messageType} messages: a number in it must be ${pool.messageType} too.`;
	}
	if (pool && v.optout && v.optout !== pool.optOutList) {
		return `A number in pool ${pool.label} uses the pool's opt-out list ${pool.optOutList}: pick that list, or no pool.`;
	}
	return undefined;
}

export function NumbersView({width, height, filter, isActive, navigate, toast}: ViewProps) {
	const {connection} = useSession();
	const {stage} = useEdits();
	const staged = useStagedEdits().filter(e => e.scope === 'numbers');
	const releasing = staged.map(e => e.rowKey).join(',');
	const poolNames = usePoolNames();
	const columns = useMemo<Column<PhoneNumber>[]>(
		() => [
			{id: 'mark', title: '', value: n => (releasing.split(',').includes(n.PhoneNumberId ?? '') ? '-' : ''), maxWidth: 1, color: () => 'error'},
			// A pool by its Name tag when it has one (the id is on the number's detail).
			...numberColumns.map(c => (c.id === 'pool' ? {...c, shrink: 0, value: (n: PhoneNumber) => (n.PoolId ? (poolNames[n.PoolId] ?? n.PoolId) : '')} : c)),
		],
		[releasing, poolNames],
	);
	const selected = useRef<PhoneNumber | undefined>(undefined);
	const [registration, setRegistration] = useState<string | undefined>(undefined);
	const [requesting, setRequesting] = useState(false);
	const pools = useResource<Pool[]>(requesting ? 'pools' : undefined, (clients, ctx) => listPools(clients, {signal: ctx.signal}));
	const lists = useResource<OptOutList[]>(requesting ? 'opt-out-lists' : undefined, (clients, ctx) => listOptOutLists(clients, {signal: ctx.signal}));
	const poolChoices = useMemo<PoolChoice[]>(
		() => (pools.data ?? []).filter(p => p.PoolId).map(p => ({label: poolLabel(p.PoolId, poolNames), id: p.PoolId!, optOutList: p.OptOutListName ?? 'Default', messageType: p.MessageType ?? ''})),
		[pools.data, poolNames],
	);
	const listNames = useMemo(() => (lists.data ?? []).map(l => l.OptOutListName ?? '').filter(Boolean), [lists.data]);
	const fields = requestFields(poolChoices, listNames, {pools: pools.loading && !pools.data, lists: lists.loading && !lists.data});
	const formLines = requesting ? formHeight(fields) : 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ResourceTable
				title={staged.length > 0 ? `Phone numbers — ${staged.length} staged, w applies` : 'Phone numbers'}
				resource="numbers"
				load={(clients, ctx) => listPhoneNumbers(clients, {signal: ctx.signal, onPage: rows => ctx.partial([...rows])})}
				columns={columns}
				rowKey={n => n.PhoneNumberId ?? ''}
				width={width}
				height={height - formLines}
				filter={filter}
				isActive={isActive && !requesting}
				onOpen={n => navigate({name: 'number', id: n.PhoneNumberId ?? ''})}
				subjectOf={n => ({kind: 'number', id: n.PhoneNumberId ?? '', label: n.PhoneNumber})}
				navigate={navigate}
				onSelectionChange={n => {
					selected.current = n;
					setRegistration(n?.RegistrationId);
				}}
				copyOffer={n => numberOffer(connection, n)}
				toast={toast}
				actions={{
					'edit.request': () => setRequesting(true),
					// Offered only on a number that has a registration (a PENDING 10DLC or toll-free number waits for it).
					'view.registration': registration ? () => navigate({name: 'registration', id: registration}) : undefined,
					'edit.release': () => {
						const n = selected.current;
						if (!n?.PhoneNumberId) return;
						const ok = checkRelease({deletionProtection: n.DeletionProtectionEnabled, poolId: n.PoolId});
						if (!ok.ok) return toast(`Cannot release ${n.PhoneNumber}: ${ok.reason} Nothing was sent.`, 'error');
						stage(releaseNumberEdit(connection, {id: n.PhoneNumberId, phoneNumber: n.PhoneNumber ?? n.PhoneNumberId}), {review: true});
					},
				}}
				emptyText="No phone numbers in this Region"
			/>
			{requesting ? (
				<EditForm
					title="Request a phone number (SIMULATOR: US, free; other types are leased monthly)"
					fields={fields}
					width={width}
					submitLabel="stages and reviews"
					validate={values => requestProblem(values, poolChoices)}
					onSubmit={values => {
						setRequesting(false);
						stage(requestNumberEdit(connection, toRequest(values, poolChoices)), {review: true});
					}}
					onCancel={() => setRequesting(false)}
				/>
			) : null}
		</Box>
	);
}
