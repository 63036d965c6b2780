// One sender ID: every attribute and the equivalent CLI command.
import React from 'react';
import {Box} from 'ink';
import {useResource, useSession} from '../app/session.js';
import {getSenderId} from '../services/senderIdsService.js';
import {CliLine, DetailPane, cliHeight, type DetailField} from '../components/DetailPane.js';
import {Priority} from '../input/KeypressProvider.js';
import {useCommands} from '../input/useCommands.js';
import {awsCli} from '../domain/awsCliCommand.js';
import {resourceActions} from './relationTargets.js';
import {monthly, yesNo} from './display.js';
import type {ViewProps} from './viewProps.js';
import {senderIdOffer} from './copyChoices.js';
import {useCopy} from '../app/copy.js';

export function SenderIdDetailView({senderId, country, width, height, isActive, toast, navigate}: ViewProps & {senderId: string; country: string}) {
	const {connection} = useSession();
	const {openCopy} = useCopy();
	const resource = useResource(`sender-id/${senderId}/${country}`, clients => getSenderId(clients, senderId, country));
	const s = resource.data;
	const limits = s?.MessagingLimits?.RateLimits;
	const fields: DetailField[] = s
		? [
				{label: 'Sender ID', value: s.SenderId ?? ''},
				{label: 'Country', value: s.IsoCountryCode ?? ''},
				{label: 'Message types', value: (s.MessageTypes ?? []).join(', ')},
				{label: 'Registered', value: yesNo(s.Registered), tone: s.Registered ? 'ok' : 'warn'},
				{label: 'Registration', value: s.RegistrationId ?? ''},
				{label: 'Deletion protection', value: yesNo(s.DeletionProtectionEnabled)},
				{label: 'Monthly lease', value: monthly(s.MonthlyLeasingPrice)},
				{label: 'Rate limits', value: limits ? Object.entries(limits).map(([k, v]) => `${k} ${v}/s`).join(', ') : ''},
				{label: 'ARN', value: s.SenderIdArn ?? '', full: true},
			]
		: [];
	useCommands(
		{
			'view.copy': s
				? () => {
						const offer = senderIdOffer(connection, s);
						openCopy(offer.title, offer.choices);
					}
				: undefined,
			'app.refresh': resource.refresh,
			'send.test': s?.SenderIdArn ? () => navigate({name: 'send', origination: s.SenderIdArn}) : undefined,
			...resourceActions(navigate, () => ({kind: 'senderId', id: senderId, country})),
		},
		{priority: Priority.View, isActive},
	);
	const status = resource.loading
		? 'loading…'
		: resource.error
			? resource.error.message
			: !s && resource.fetchedAt
				? 'not found in this Region'
				: '';
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-sender-ids', {'sender-ids': `SenderId=${senderId},IsoCountryCode=${country}`});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<DetailPane
				title={`Sender ID ${senderId} (${country})`}
				fields={fields}
				width={width}
				status={status}
				maxHeight={Math.max(3, height - cliHeight(cli, width))}
				isActive={isActive}
			/>
			<Box flexGrow={1} />
			<CliLine command={cli} width={width} />
		</Box>
	);
}
