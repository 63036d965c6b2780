// The generated model data (see generate.mjs) and its types.
import smsVoiceData from './sms-voice.json' with {type: 'json'};
import logsData from './logs.json' with {type: 'json'};
import cloudwatchData from './cloudwatch.json' with {type: 'json'};
import pinpointData from './pinpoint.json' with {type: 'json'};

export interface MemberRef {
	shape: string;
	idempotencyToken?: boolean;
	eventpayload?: boolean;
	/** REST-JSON: where the member travels (`uri`, `querystring`, `header`; the body when absent) and under which name. */
	location?: 'uri' | 'querystring' | 'header' | 'headers';
	locationName?: string;
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
	/** REST-JSON: the member that is the whole HTTP body. */
	payload?: string;
}

export interface OperationDef {
	/** REST-JSON: how the operation is called and the status of its success. */
	http?: {method: string; requestUri: string; responseCode: number};
	input?: string;
	output?: string;
	errors: string[];
}

export interface ServiceModel {
	service: {targetPrefix: string; jsonVersion: string; apiVersion: string; uid: string; protocol?: string; signingName?: string};
	operations: Record<string, OperationDef>;
	shapes: Record<string, ShapeDef>;
}

/** The awsJson services, and Pinpoint (REST-JSON, routed on method and path: restJson/). */
export type ServiceFlavor = 'sms-voice' | 'logs' | 'cloudwatch' | 'pinpoint';

export const smsVoiceModel = smsVoiceData as unknown as ServiceModel;
export const logsModel = logsData as unknown as ServiceModel;
export const cloudwatchModel = cloudwatchData as unknown as ServiceModel;
export const pinpointModel = pinpointData as unknown as ServiceModel;

const byFlavor: Record<ServiceFlavor, ServiceModel> = {'sms-voice': smsVoiceModel, logs: logsModel, cloudwatch: cloudwatchModel, pinpoint: pinpointModel};

export function modelOf(flavor: ServiceFlavor): ServiceModel {
	return byFlavor[flavor];
}

export function modelForPrefix(targetPrefix: string): {model: ServiceModel; flavor: ServiceFlavor} | undefined {
	if (targetPrefix === smsVoiceModel.service.targetPrefix) return {model: smsVoiceModel, flavor: 'sms-voice'};
	if (targetPrefix === logsModel.service.targetPrefix) return {model: logsModel, flavor: 'logs'};
	if (targetPrefix === cloudwatchModel.service.targetPrefix) return {model: cloudwatchModel, flavor: 'cloudwatch'};
	return undefined;
}

/** A REST-JSON service's model and flavor by the key its EmulatedService goes by (its SigV4 signing name). */
export function restModelFor(serviceKey: string): {model: ServiceModel; flavor: ServiceFlavor} | undefined {
	if (serviceKey === pinpointModel.service.signingName) return {model: pinpointModel, flavor: 'pinpoint'};
	return undefined;
}
