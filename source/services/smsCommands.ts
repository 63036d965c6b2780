// Lazy access to the SDK modules (sms-voice, CloudWatch Logs, CloudWatch, Pinpoint): the first call loads one, later calls reuse it.
type SmsModule = typeof import('@aws-sdk/client-pinpoint-sms-voice-v2');
let loaded: Promise<SmsModule> | undefined;

export function smsModule(): Promise<SmsModule> {
	loaded ??= import('@aws-sdk/client-pinpoint-sms-voice-v2');
	return loaded;
}

type LogsModule = typeof import('@aws-sdk/client-cloudwatch-logs');
let logsLoaded: Promise<LogsModule> | undefined;

export function logsModule(): Promise<LogsModule> {
	logsLoaded ??= import('@aws-sdk/client-cloudwatch-logs');
	return logsLoaded;
}

type CloudWatchModule = typeof import('@aws-sdk/client-cloudwatch');
let cloudwatchLoaded: Promise<CloudWatchModule> | undefined;

export function cloudwatchModule(): Promise<CloudWatchModule> {
	cloudwatchLoaded ??= import('@aws-sdk/client-cloudwatch');
	return cloudwatchLoaded;
}

type PinpointModule = typeof import('@aws-sdk/client-pinpoint');
let pinpointLoaded: Promise<PinpointModule> | undefined;

export function pinpointModule(): Promise<PinpointModule> {
	pinpointLoaded ??= import('@aws-sdk/client-pinpoint');
	return pinpointLoaded;
}
