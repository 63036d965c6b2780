// The test-push form of a push application: channel (preselected from the row), device token or endpoint id,
// title, body, action (and its URL), priority, time to live, silent; the payload size against the channel's limit
// as you type. Enter stages the push for review (nothing is sent before that); to an endpoint id, the view looks the
// endpoint up first and a channel that is not the endpoint's is shown here as the problem.
import React from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme/ThemeContext.js';
import {EditForm, formHeight, type FormField, type FormValues} from '../components/EditForm.js';
import {channelChoice, PUSH_CHANNELS, pushChannelFromInput, type PushChannelType} from '../domain/pushRules.js';
import {checkEndpointId, checkPush, checkToken, describeSize, parseTimeToLive, payloadSize, PUSH_ACTIONS, PUSH_PRIORITIES, type PushAction, type PushInput, type PushPriority, type PushTarget} from '../domain/pushMessage.js';
import {truncate} from '../domain/textWidth.js';

const TOKEN = 'device token';
const ENDPOINT = 'endpoint id';

function fieldsFor(channels: readonly PushChannelType[], initial: PushChannelType | undefined): FormField[] {
	return [
		{id: 'channel', label: 'Channel', kind: 'choice', options: channels.map(channelChoice), initial: initial ? channelChoice(initial) : undefined},
		{id: 'to', label: 'Send to', kind: 'choice', options: [TOKEN, ENDPOINT]},
		{id: 'address', label: 'Token / endpoint', kind: 'text', placeholder: 'the device token, or the endpoint id'},
		{id: 'title', label: 'Title', kind: 'text', initial: 'smsdeck test'},
		{id: 'body', label: 'Body', kind: 'text', initial: 'smsdeck test push'},
		{id: 'action', label: 'Action', kind: 'choice', options: PUSH_ACTIONS},
		{id: 'url', label: 'URL', kind: 'text', placeholder: 'https://… (URL) or myapp://… (DEEP_LINK)', hidden: v => v.action === 'OPEN_APP'},
		{id: 'priority', label: 'Priority', kind: 'choice', options: PUSH_PRIORITIES},
		{id: 'ttl', label: 'Time to live (s)', kind: 'text', placeholder: 'empty: the provider’s default'},
		{id: 'silent', label: 'Silent', kind: 'choice', options: ['no', 'yes']},
	];
}

/** Lines the form takes (its size line included). */
export const pushFormHeight = () => formHeight(fieldsFor(['APNS'], 'APNS')) + 1;

export interface PushFormResult {
	input: PushInput;
	target: PushTarget;
}

/** The push the values describe, or why they do not describe one. Pure, for the form and its tests. */
export function pushFromValues(values: FormValues): {push?: PushFormResult; problem?: string; input?: PushInput} {
	const channel = pushChannelFromInput((values.channel ?? '').replace(/ \(FCM\)$/, ''));
	if (!channel) return {problem: 'Choose a channel the application has'};
	const ttl = parseTimeToLive(values.ttl ?? '');
	const input: PushInput = {
		channel,
		title: values.title ?? '',
		body: values.body ?? '',
		action: (values.action || 'OPEN_APP') as PushAction,
		url: values.url?.trim() || undefined,
		priority: (values.priority || 'normal') as PushPriority,
		timeToLive: ttl.ok ? ttl.seconds : undefined,
		silent: values.silent === 'yes',
	};
	if (!ttl.ok) return {problem: ttl.reason, input};
	const address = (values.address ?? '').trim();
	const addressProblem = values.to === ENDPOINT ? checkEndpointId(address) : checkToken(address);
	if (addressProblem) return {problem: addressProblem, input};
	const problem = checkPush(input);
	if (problem) return {problem, input};
	return {push: {input, target: values.to === ENDPOINT ? {endpointId: address} : {token: address}}, input};
}

/** What the endpoint lookup said of the push the form holds: still looking, or why it cannot go on that channel. */
export interface EndpointCheck {
	endpointId: string;
	channel: PushChannelType;
	problem?: string;
}

export function PushSendForm({
	appLabel,
	channels,
	initial,
	width,
	readOnly,
	endpointCheck,
	onSubmit,
	onCancel,
}: {
	endpointCheck?: EndpointCheck;
	appLabel: string;
	channels: readonly PushChannelType[];
	initial?: PushChannelType;
	width: number;
	readOnly: boolean;
	onSubmit: (push: PushFormResult) => void;
	onCancel: () => void;
}) {
	const theme = useTheme();
	const c = theme.colors;
	return (
		<EditForm
			title={readOnly ? 'Read-only: test pushes are refused' : `Test push from ${appLabel}`}
			fields={fieldsFor(channels, initial)}
			width={width}
			submitLabel="stages and reviews"
			validate={values => {
				if (readOnly) return 'Read-only: a test push is a change; smsdeck refuses it';
				const {push, problem} = pushFromValues(values);
				// The lookup's answer holds for the endpoint and channel it was made for; any other is checked anew.
				const check = push && 'endpointId' in push.target && endpointCheck?.endpointId === push.target.endpointId && endpointCheck.channel === push.input.channel ? endpointCheck : undefined;
				return problem ?? (check ? (check.problem ?? `looking up endpoint ${check.endpointId}…`) : undefined);
			}}
			onSubmit={values => {
				const {push} = pushFromValues(values);
				if (push) onSubmit(push);
			}}
			onCancel={onCancel}
			below={values => {
				const {input} = pushFromValues(values);
				if (!input) return <Text> </Text>;
				const size = payloadSize(input);
				return (
					<Text color={size.fits ? c.muted : c.error}>
						{truncate(`   Payload            ${describeSize(size)} (${PUSH_CHANNELS[input.channel].label} limit)${size.fits ? '' : ' — too large'}`, width - 1)}
					</Text>
				);
			}}
		/>
	);
}
