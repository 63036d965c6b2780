// Configuration sets, their defaults, and event destinations.
import type {Handler} from '../types.js';
import {conflict, notFound, quota, validation} from './errors.js';
import {applyFilters, type Filter} from './filters.js';
import {idempotent} from './idempotency.js';
import {parseLogGroupArn} from './ids.js';
import {requireConfigSet} from './lookup.js';
import type {ConfigSetRec, EventDestinationRec, MessageType, Tag} from './model.js';
import {paginate, withToken, type PageInput} from './pagination.js';
import {configSetInfo, eventDestinationInfo, tagsOut} from './shapes.js';
import {seconds, type Svc} from './state.js';
import {checkTags} from './tagRules.js';

const configSetFilters = {
	'event-destination-name': (c: ConfigSetRec) => c.eventDestinations.map(d => d.name),
	'matching-event-types': (c: ConfigSetRec) => [...new Set(c.eventDestinations.flatMap(d => d.matchingEventTypes))],
	'default-message-type': (c: ConfigSetRec) => c.defaultMessageType,
	'default-sender-id': (c: ConfigSetRec) => c.defaultSenderId,
	'default-message-feedback-enabled': (c: ConfigSetRec) => c.defaultMessageFeedbackEnabled ?? false,
	'protect-configuration-id': (c: ConfigSetRec) => c.protectConfigurationId,
};

interface DestinationInput {
	CloudWatchLogsDestination?: {IamRoleArn: string; LogGroupArn: string};
	KinesisFirehoseDestination?: {IamRoleArn: string; DeliveryStreamArn: string};
	SnsDestination?: {TopicArn: string};
}

type DestinationKind = 'cloudWatchLogs' | 'firehose' | 'sns';

function destinationKind(d: EventDestinationRec): DestinationKind {
	return d.cloudWatchLogs ? 'cloudWatchLogs' : d.firehose ? 'firehose' : 'sns';
}

/** Exactly one target; the CloudWatch Logs group ARN must be a log-group ARN. */
function readTarget(input: DestinationInput, required: boolean): Partial<EventDestinationRec> | undefined {
	const given = [input.CloudWatchLogsDestination, input.KinesisFirehoseDestination, input.SnsDestination].filter(x => x !== undefined).length;
	if (given > 1) {
		throw validation('PARAMETERS_CANNOT_BE_USED_TOGETHER', 'Give only one of CloudWatchLogsDestination, KinesisFirehoseDestination and SnsDestination.');
	}
	if (given === 0) {
		if (required) throw validation('MISSING_PARAMETER', 'Give one of CloudWatchLogsDestination, KinesisFirehoseDestination or SnsDestination.');
		return undefined;
	}
	if (input.CloudWatchLogsDestination) {
		if (!parseLogGroupArn(input.CloudWatchLogsDestination.LogGroupArn)) {
			throw validation('INVALID_ARN', 'LogGroupArn is not a CloudWatch Logs log group ARN.', 'CloudWatchLogsDestination.LogGroupArn');
		}
		checkArn(input.CloudWatchLogsDestination.IamRoleArn, ROLE_ARN, 'an IAM role', 'CloudWatchLogsDestination.IamRoleArn');
		return {cloudWatchLogs: {IamRoleArn: input.CloudWatchLogsDestination.IamRoleArn, LogGroupArn: input.CloudWatchLogsDestination.LogGroupArn}};
	}
	if (input.KinesisFirehoseDestination) {
		checkArn(input.KinesisFirehoseDestination.IamRoleArn, ROLE_ARN, 'an IAM role', 'KinesisFirehoseDestination.IamRoleArn');
		checkArn(input.KinesisFirehoseDestination.DeliveryStreamArn, /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/\S+$/, 'a Firehose delivery stream', 'KinesisFirehoseDestination.DeliveryStreamArn');
		return {firehose: {IamRoleArn: input.KinesisFirehoseDestination.IamRoleArn, DeliveryStreamArn: input.KinesisFirehoseDestination.DeliveryStreamArn}};
	}
	checkArn(input.SnsDestination!.TopicArn, /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'an SNS topic', 'SnsDestination.TopicArn');
	return {sns: {TopicArn: input.SnsDestination!.TopicArn}};
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/;

/** The model only says `arn:\S+`; the service refuses an ARN of another kind of resource (INVALID_ARN). */
function checkArn(value: string, pattern: RegExp, what: string, field: string): void {
	if (!pattern.test(value)) throw validation('INVALID_ARN', `${field.split('.').pop()} is not ${what} ARN.`, field);
}

function requireDestination(cs: ConfigSetRec, name: string): EventDestinationRec {
	const d = cs.eventDestinations.find(x => x.name === name);
	if (!d) throw notFound('event-destination', name);
	return d;
}

export function configSetHandlers(svc: Svc): Record<string, Handler> {
	return {
		CreateConfigurationSet(input: {ConfigurationSetName: string; Tags?: Tag[]; ClientToken?: string}, ctx) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateConfigurationSet', input.ClientToken, () => {
				const name = input.ConfigurationSetName;
				if (Object.hasOwn(rs.configSets, name)) {
					throw conflict('RESOURCE_ALREADY_EXISTS', 'configuration-set', name, `The configuration set ${name} already exists.`);
				}
				if (Object.keys(rs.configSets).length >= rs.limits.CONFIGURATION_SETS) {
					throw quota('CONFIGURATION_SETS_PER_ACCOUNT', `You can have at most ${rs.limits.CONFIGURATION_SETS} configuration sets in ${rs.region}.`);
				}
				if (input.Tags) checkTags(rs, input.Tags);
				const cs: ConfigSetRec = {
					name,
					arn: svc.arn(rs, `configuration-set/${name}`),
					created: svc.now(),
					eventDestinations: [],
					tags: input.Tags ? tagsOut(input.Tags) : [],
				};
				rs.configSets[name] = cs;
				svc.dirty();
				return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, Tags: tagsOut(cs.tags), CreatedTimestamp: seconds(cs.created)};
			});
		},

		DescribeConfigurationSets(input: PageInput & {ConfigurationSetNames?: string[]; Filters?: Filter[]}, ctx) {
			const rs = svc.region(ctx);
			const items =
				input.ConfigurationSetNames && input.ConfigurationSetNames.length > 0
					? input.ConfigurationSetNames.map(n => requireConfigSet(rs, n))
					: Object.values(rs.configSets);
			const {page, NextToken} = paginate('DescribeConfigurationSets', applyFilters(items, input.Filters, configSetFilters), input);
			return withToken({ConfigurationSets: page.map(configSetInfo)}, NextToken);
		},

		DeleteConfigurationSet(input: {ConfigurationSetName: string}, ctx) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			delete rs.configSets[cs.name];
			svc.dirty();
			const info = configSetInfo(cs);
			delete info.ProtectConfigurationId;
			return info;
		},

		SetDefaultMessageType(input: {ConfigurationSetName: string; MessageType: MessageType}, ctx) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			cs.defaultMessageType = input.MessageType;
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, MessageType: cs.defaultMessageType};
		},

		DeleteDefaultMessageType(input: {ConfigurationSetName: string}, ctx) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			const previous = cs.defaultMessageType;
			delete cs.defaultMessageType;
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, ...(previous ? {MessageType: previous} : {})};
		},

		SetDefaultSenderId(input: {ConfigurationSetName: string; SenderId: string}, ctx) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			cs.defaultSenderId = input.SenderId;
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, SenderId: cs.defaultSenderId};
		},

		DeleteDefaultSenderId(input: {ConfigurationSetName: string}, ctx) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			const previous = cs.defaultSenderId;
			delete cs.defaultSenderId;
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, ...(previous ? {SenderId: previous} : {})};
		},

		CreateEventDestination(
			input: DestinationInput & {ConfigurationSetName: string; EventDestinationName: string; MatchingEventTypes: string[]; ClientToken?: string},
			ctx,
		) {
			const rs = svc.region(ctx);
			return idempotent(rs, 'CreateEventDestination', input.ClientToken, () => {
				const cs = requireConfigSet(rs, input.ConfigurationSetName);
				if (cs.eventDestinations.some(d => d.name === input.EventDestinationName)) {
					throw conflict('RESOURCE_ALREADY_EXISTS', 'event-destination', input.EventDestinationName, `The event destination ${input.EventDestinationName} already exists.`);
				}
				if (cs.eventDestinations.length >= rs.limits.EVENT_DESTINATIONS_PER_CONFIGURATION_SET) {
					throw quota(
						'EVENT_DESTINATIONS_PER_CONFIGURATION_SET',
						`A configuration set can have at most ${rs.limits.EVENT_DESTINATIONS_PER_CONFIGURATION_SET} event destinations.`,
					);
				}
				const target = readTarget(input, true)!;
				const d: EventDestinationRec = {name: input.EventDestinationName, enabled: true, matchingEventTypes: [...new Set(input.MatchingEventTypes)], ...target};
				cs.eventDestinations.push(d);
				svc.dirty();
				return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, EventDestination: eventDestinationInfo(d)};
			});
		},

		UpdateEventDestination(
			input: DestinationInput & {ConfigurationSetName: string; EventDestinationName: string; Enabled?: boolean; MatchingEventTypes?: string[]},
			ctx,
		) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			const d = requireDestination(cs, input.EventDestinationName);
			const target = readTarget(input, false);
			if (target) {
				const kind = Object.keys(target)[0] as DestinationKind;
				if (kind !== destinationKind(d)) {
					throw conflict('EVENT_DESTINATION_MISMATCH', 'event-destination', d.name, "An event destination's type (CloudWatch Logs, Firehose, SNS) cannot change.");
				}
				Object.assign(d, target);
			}
			if (input.Enabled !== undefined) d.enabled = input.Enabled;
			if (input.MatchingEventTypes) d.matchingEventTypes = [...new Set(input.MatchingEventTypes)];
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, EventDestination: eventDestinationInfo(d)};
		},

		DeleteEventDestination(input: {ConfigurationSetName: string; EventDestinationName: string}, ctx) {
			const rs = svc.region(ctx);
			const cs = requireConfigSet(rs, input.ConfigurationSetName);
			const d = requireDestination(cs, input.EventDestinationName);
			cs.eventDestinations = cs.eventDestinations.filter(x => x !== d);
			svc.dirty();
			return {ConfigurationSetArn: cs.arn, ConfigurationSetName: cs.name, EventDestination: eventDestinationInfo(d)};
		},
	};
}
