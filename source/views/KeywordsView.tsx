// The keywords of a pool (or a number) on a screen of their own, editable in place; reached with K from a pool
// or from a number in a pool.
import React from 'react';
import {Box} from 'ink';
import {useSession} from '../app/session.js';
import {KeywordsPanel} from './KeywordsPanel.js';
import {CliLine, cliHeight} from '../components/DetailPane.js';
import {awsCli} from '../domain/awsCliCommand.js';
import type {ViewProps} from './viewProps.js';

export function KeywordsView({origination, width, height, filter, isActive, toast}: ViewProps & {origination: string}) {
	const {connection} = useSession();
	const cli = awsCli(connection, 'pinpoint-sms-voice-v2', 'describe-keywords', {'origination-identity': origination});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<KeywordsPanel origination={origination} width={width} height={height - cliHeight(cli, width)} filter={filter} isActive={isActive} toast={toast} />
			<CliLine command={cli} width={width} />
		</Box>
	);
}
