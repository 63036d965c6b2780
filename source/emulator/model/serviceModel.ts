// The generated model data (see generate.mjs) and its types.
import smsVoiceData from './sms-voice.json' with {type: 'json'};
import logsData from './logs.json' with {type: 'json'};

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

export type ServiceFlavor = 'sms-voice' | 'logs';

export const smsVoiceModel = smsVoiceData as unknown as ServiceModel;
export const logsModel = logsData as unknown as ServiceModel;

export function modelForPrefix(targetPrefix: string): {model: ServiceModel; flavor: ServiceFlavor} | undefined {
	if (targetPrefix === smsVoiceModel.service.targetPrefix) return {model: smsVoiceModel, flavor: 'sms-voice'};
	if (targetPrefix === logsModel.service.targetPrefix) return {model: logsModel, flavor: 'logs'};
	return undefined;
}
