// The generated model data (see generate.mjs) and its types.
import smsVoiceData from './sms-voice.json' with {type: 'json'};
import logsData from './logs.json' with {type: 'json'};
import cloudwatchData from './cloudwatch.json' with {type: 'json'};

export interface MemberRef {
	shape: string;
	idempotencyToken?: boolean;
	eventpayload?: boolean;
}

export interface ShapeDef {
	type: string;
	min?: number;
	max?: number;
	pattern?: string;
	enum?: string[];
	required?: string[];
	exception?: boolean;
	fault?: boolean;
	event?: boolean;
	eventstream?: boolean;
	union?: boolean;
	members?: Record<string, MemberRef>;
	member?: string;
	key?: string;
	value?: string;
	/** CloudWatch (awsQuery-compatible) error shapes: the code clients read from the x-amzn-query-error header. */
	error?: {code?: string; httpStatusCode?: number; senderFault?: boolean};
}

export interface OperationDef {
	input?: string;
	output?: string;
	errors: string[];
}

export interface ServiceModel {
	service: {targetPrefix: string; jsonVersion: string; apiVersion: string; uid: string};
	operations: Record<string, OperationDef>;
	shapes: Record<string, ShapeDef>;
}

export type ServiceFlavor = 'sms-voice' | 'logs' | 'cloudwatch';

export const smsVoiceModel = smsVoiceData as unknown as ServiceModel;
export const logsModel = logsData as unknown as ServiceModel;
export const cloudwatchModel = cloudwatchData as unknown as ServiceModel;

const byFlavor: Record<ServiceFlavor, ServiceModel> = {'sms-voice': smsVoiceModel, logs: logsModel, cloudwatch: cloudwatchModel};

export function modelOf(flavor: ServiceFlavor): ServiceModel {
	return byFlavor[flavor];
}

export function modelForPrefix(targetPrefix: string): {model: ServiceModel; flavor: ServiceFlavor} | undefined {
	if (targetPrefix === smsVoiceModel.service.targetPrefix) return {model: smsVoiceModel, flavor: 'sms-voice'};
	if (targetPrefix === logsModel.service.targetPrefix) return {model: logsModel, flavor: 'logs'};
	if (targetPrefix === cloudwatchModel.service.targetPrefix) return {model: cloudwatchModel, flavor: 'cloudwatch'};
	return undefined;
}
