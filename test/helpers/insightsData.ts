// SMS events with known insights for the tests of :insights and `smsdeck insights`: four sends to simulator
// numbers (three delivered, one CARRIER_UNREACHABLE) through the smsdeck-simulator configuration set, plus six
// failures written with PutLogEvents into its log group with known latencies: GB BLOCKED 20 s ×2, CA
// CARRIER_UNREACHABLE 30 s ×3, FR TTL_EXPIRED 60 s ×1. Ten messages: 30% delivered, 70% failed; latency p50 20 s,
// p95 and p99 60 s (the simulator's own take a few milliseconds); price 6 × $0.01 plus the four sends.
import {CloudWatchLogsClient, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {PinpointSMSVoiceV2Client, SendTextMessageCommand} from '@aws-sdk/client-pinpoint-sms-voice-v2';

export const INSIGHTS_SET = 'smsdeck-simulator';
export const INSIGHTS_GROUP = 'smsdeck-simulator-events';

const CRAFTED: Array<[id: string, country: string, to: string, status: string, latencyS: number]> = [
	['gb-blocked-1', 'GB', '+447700900123', 'BLOCKED', 20],
	['gb-blocked-2', 'GB', '+447700900124', 'BLOCKED', 20],
	['ca-unreach-1', 'CA', '+16135550101', 'CARRIER_UNREACHABLE', 30],
	['ca-unreach-2', 'CA', '+16135550102', 'CARRIER_UNREACHABLE', 30],
	['ca-unreach-3', 'CA', '+16135550103', 'CARRIER_UNREACHABLE', 30],
	['fr-expired-1', 'FR', '+33612345678', 'TTL_EXPIRED', 60],
];

/** Sends, writes, and waits until the ten final events are in the log group. */
export async function fillInsightsData(endpoint: string): Promise<void> {
	const credentials = {accessKeyId: 'test', secretAccessKey: 'test'};
	const sms = new PinpointSMSVoiceV2Client({region: 'us-east-1', endpoint, credentials});
	for (const to of ['+14254147755', '+14254147755', '+14254147755', '+14254147167']) {
		await sms.send(new SendTextMessageCommand({DestinationPhoneNumber: to, OriginationIdentity: '+12065550100', MessageBody: 'insights', ConfigurationSetName: INSIGHTS_SET}));
	}
	sms.destroy();
	const logs = new CloudWatchLogsClient({region: 'us-east-1', endpoint, credentials});
	await logs.send(new CreateLogStreamCommand({logGroupName: INSIGHTS_GROUP, logStreamName: 'crafted'}));
	const now = Date.now();
	const logEvents = CRAFTED.map(([id, country, to, status, latency], i) => {
		const at = now - (10 - i) * 60_000;
		const record = {
			eventType: `TEXT_${status}`, eventVersion: '1.0', eventTimestamp: at, isFinal: true, originationPhoneNumber: '+12065550100', destinationPhoneNumber: to,
			isoCountryCode: country, messageId: id, messageRequestTimestamp: at - latency * 1000, messageType: 'TRANSACTIONAL', messageStatus: status,
			totalMessageParts: 1, totalMessagePrice: 0.01,
		};
		return {timestamp: at, message: JSON.stringify(record)};
	});
	await logs.send(new PutLogEventsCommand({logGroupName: INSIGHTS_GROUP, logStreamName: 'crafted', logEvents}));
	try {
		// The simulator's final events land a few milliseconds after the sends.
		for (const deadline = Date.now() + 10_000; ; ) {
			const found = await logs.send(new FilterLogEventsCommand({logGroupName: INSIGHTS_GROUP}));
			const finals = (found.events ?? []).filter(e => /"isFinal":true/.test(e.message ?? '')).length;
			if (finals >= 10) return;
			if (Date.now() > deadline) throw new Error(`only ${finals} final events in ${INSIGHTS_GROUP}`);
			await new Promise(r => setTimeout(r, 20));
		}
	} finally {
		logs.destroy();
	}
}
