// One phone number: every attribute, its keywords (editable in place), and the equivalent CLI command.
// p jumps to its pool; o edits its settings; x releases it (refused while deletion protection is on).
import React, {useState} from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {getPhoneNumber} from '../services/numbersService.js';
import {KeywordsPanel} from './KeywordsPanel.js';
import {isUsTollFree} from '../domain/keywordRules.js';
import {SettingsForm, settingsFormHeight, settingsOf} from './SettingsForm.js';
import {useEdits, useStagedEdits} from '../app/edits.js';
import {releaseNumberEdit} from '../app/editPlans.js';
import {checkRelease} from '../domain/settingsRules.js';
import {CliLine, DetailPane, cliHeight, detailHeight, type DetailField} from '../components/DetailPane.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {resourceActions} from './relationTargets.js';
import type {ViewProps} from './viewProps.js';
import {numberOffer} from './copyChoices.js';
import {useCopy} from '../app/copy.js';
import {poolLabel, usePoolNames} from './usePoolNames.js';

const yes = (b: boolean | undefined) => (b ? 'yes' : 'no');
/** Lines the keywords keep however short the terminal: title, header and two rows. */
const KEYWORDS_MIN = 4;

export function NumberDetailView({id, width, height, filter, isActive, navigate, toast}: ViewProps & {id: string}) {
	const {connection} = useSession();
	const number = useResource(`number/${id}`, clients => getPhoneNumber(clients, id));
	const n = number.data;
	const poolNames = usePoolNames();
	const {stage} = useEdits();
	const {openCopy} = useCopy();
	const staged = useStagedEdits().filter(e => e.rowKey === id && (e.scope === `number/${id}` || e.scope === 'numbers'));
	const [editing, setEditing] = useState(false);
	const fields: DetailField[] = n
		? [
				{label: 'Number', value: n.PhoneNumber ?? ''},
				{label: 'Id', value: n.PhoneNumberId ?? ''},
				{label: 'Status', value: n.Status ?? '', tone: n.Status === 'ACTIVE' ? 'ok' : 'warn'},
				{label: 'Type', value: n.NumberType ?? ''},
				{label: 'Country', value: n.IsoCountryCode ?? ''},
				{label: 'Capabilities', value: (n.NumberCapabilities ?? []).join(', ')},
				{label: 'Message type', value: n.MessageType ?? ''},
				{label: 'Two-way', value: yes(n.TwoWayEnabled)},
				{label: 'Two-way channel', value: n.TwoWayChannelArn ?? ''},
				{label: 'Self-managed opt-outs', value: yes(n.SelfManagedOptOutsEnabled)},
				{label: 'Opt-out list', value: n.OptOutListName ?? ''},
				{label: 'Deletion protection', value: yes(n.DeletionProtectionEnabled)},
				{label: 'Pool', value: poolLabel(n.PoolId, poolNames)},
				{label: 'Registration', value: n.RegistrationId ?? ''},
				{label: 'Monthly lease', value: n.MonthlyLeasingPrice ? `$${n.MonthlyLeasingPrice}` : ''},
				{label: 'Created', value: n.CreatedTimestamp ? new Date(n.CreatedTimestamp).toISOString().replace('.000', '') : ''},
				{label: 'ARN', value: n.PhoneNumberArn ?? '', full: true},
			]
		: [];
	useCommands(
		{
			'view.pool': n?.PoolId ? () => navigate({name: 'poolIdentities', poolId: n.PoolId!}) : undefined,
			'view.registration': n?.RegistrationId ? () => navigate({name: 'registration', id: n.RegistrationId!}) : undefined,
			'send.test': n?.PhoneNumber ? () => navigate({name: 'send', origination: n.PhoneNumber}) : undefined,
			'view.copy': n
				? () => {
						const offer = numberOffer(connection, n);
						openCopy(offer.title, offer.choices);
					}
				: undefined,
			'app.refresh': number.refresh,
			...resourceActions(navigate, () => ({kind: 'number', id, label: n?.PhoneNumber})),
			'edit.settings': n
				? () => {
						if (n.PoolId) return toast(`${n.PhoneNumber} is in the pool ${poolLabel(n.PoolId, poolNames)}: the service refuses every change to a pooled number's settings — press p and change them on the pool. Nothing was sent.`, 'warn');
						setEditing(true);
					}
				: undefined,
			'edit.release': n
				? () => {
						const ok = checkRelease({deletionProtection: n.DeletionProtectionEnabled, poolId: n.PoolId});
						if (!ok.ok) return toast(`Cannot release ${n.PhoneNumber}: ${ok.reason} Nothing was sent.`, 'error');
						stage(releaseNumberEdit(connection, {id, phoneNumber: n.PhoneNumber ?? id}), {review: true});
					}
				: undefined,
		},
		{priority: Priority.View, isActive: isActive && !editing},
	);
	const status = number.loading ? 'loading…' : number.error ? number.error.message : '';
	const formLines = editing ? settingsFormHeight('number') : 0;
	const stagedNote = staged.length > 0 ? ` ~ ${staged.map(e => e.what).join('; ')} (staged, w applies)` : '';
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-phone-numbers', {'phone-number-ids': id});
	const cliLines = cliHeight(cli, width);
	// The keywords keep their title, header and two rows; the fields take the rest and scroll when it is short.
	const fieldRoom = Math.max(3, height - cliLines - formLines - KEYWORDS_MIN);
	const top = n ? Math.min(detailHeight(fields, width), fieldRoom) : 1;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<DetailPane title={`Phone number ${n?.PhoneNumber ?? id}${stagedNote}`} fields={fields} width={width} status={status} maxHeight={fieldRoom} isActive={isActive && !editing} />
			{n && editing ? (
				<SettingsForm
					target={{kind: 'number', id, label: n.PhoneNumber ?? id, pooled: Boolean(n.PoolId)}}
					before={settingsOf(n)}
					width={width}
					onClose={() => setEditing(false)}
				/>
			) : null}
			{n ? (
				<KeywordsPanel
					origination={id}
					pooledIn={n.PoolId}
					tollFree={isUsTollFree(n)}
					width={width}
					height={Math.max(3, height - top - cliLines - formLines)}
					filter={filter}
					isActive={isActive && !editing}
					toast={toast}
					openPool={n.PoolId ? () => navigate({name: 'keywords', origination: n.PoolId!}) : undefined}
				/>
			) : null}
			<CliLine command={cli} width={width} />
		</Box>
	);
}
