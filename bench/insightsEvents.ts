// The SMS event records of the insights benches, and their loader: `total` records over the `span` before `now`,
// two per message (PENDING, then the final one: 2/3 DELIVERED, the rest CARRIER_UNREACHABLE, BLOCKED or
// TTL_EXPIRED), in ten countries, written into one log group over `streamCount` streams with PutLogEvents (the
// real SDK, batches up to 1 MB or 10,000 events, the streams in parallel). Used by bench/insights-emulator.ts and
// bench/insights.ts.
import {CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, type CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';

const COUNTRIES = ['US', 'US', 'US', 'CA', 'GB', 'DE', 'FR', 'IN', 'BR', 'MX'];
const FINAL = [
	['TEXT_DELIVERED', 'DELIVERED'],
	['TEXT_DELIVERED', 'DELIVERED'],
	['TEXT_DELIVERED', 'DELIVERED'],
	['TEXT_DELIVERED', 'DELIVERED'],
	['TEXT_DELIVERED', 'DELIVERED'],
	['TEXT_DELIVERED', 'DELIVERED'],
	['TEXT_CARRIER_UNREACHABLE', 'CARRIER_UNREACHABLE'],
	['TEXT_BLOCKED', 'BLOCKED'],
	['TEXT_TTL_EXPIRED', 'TTL_EXPIRED'],
] as const;

export function record(i: number, at: number): string {
	// Two events per message: PENDING (not final), then the final one.
	const message = Math.floor(i / 2);
	const [eventType, messageStatus] = i % 2 === 0 ? ['TEXT_PENDING', 'PENDING'] : FINAL[message % FINAL.length];
	return JSON.stringify({
		eventType, eventVersion: '1.0', eventTimestamp: at, isFinal: i % 2 === 1, originationPhoneNumber: `+1206555${String(message % 50).padStart(4, '0')}`,
		destinationPhoneNumber: `+1425${String(message).padStart(7, '0')}`, isoCountryCode: COUNTRIES[message % COUNTRIES.length],
		messageId: `bench-${String(message).padStart(10, '0')}-aaaa-bbbb-cccc-dddddddddddd`, messageRequestTimestamp: at - 300 - (message % 4000),
		messageEncoding: 'GSM', messageType: message % 5 === 0 ? 'PROMOTIONAL' : 'TRANSACTIONAL', messageStatus,
		messageStatusDescription: 'Message has been accepted by phone', totalMessageParts: 1, totalMessagePrice: 0.00581, totalCarrierFee: 0.00302,
	});
}

export interface LoadOptions {
	group: string;
	total: number;
	streamCount: number;
	now: number;
	span: number;
}

/** Creates the log group and its streams and writes the records; the MB of messages and the PutLogEvents made. */
export async function loadEvents(client: CloudWatchLogsClient, {group, total, streamCount, now, span}: LoadOptions): Promise<{bytes: number; requests: number}> {
	await client.send(new CreateLogGroupCommand({logGroupName: group}));
	const streams = Array.from({length: streamCount}, (_, s) => `sms-voice/bench-${s}/day`);
	for (const stream of streams) await client.send(new CreateLogStreamCommand({logGroupName: group, logStreamName: stream}));
	let bytes = 0;
	let requests = 0;
	async function loadStream(s: number): Promise<void> {
		const perStream = Math.ceil(total / streamCount);
		let batch: {timestamp: number; message: string}[] = [];
		let batchBytes = 0;
		const flush = async () => {
			if (batch.length === 0) return;
			await client.send(new PutLogEventsCommand({logGroupName: group, logStreamName: streams[s], logEvents: batch}));
			requests++;
			batch = [];
			batchBytes = 0;
		};
		for (let k = 0; k < perStream; k++) {
			const i = s + k * streamCount;
			if (i >= total) break;
			const at = now - span + Math.floor((i / total) * span);
			const message = record(i, at);
			const size = Buffer.byteLength(message) + 26;
			if (batchBytes + size > 1_000_000 || batch.length === 10_000) await flush();
			batch.push({timestamp: at, message});
			batchBytes += size;
			bytes += size - 26;
		}
		await flush();
	}
	await Promise.all(streams.map((_, s) => loadStream(s)));
	return {bytes, requests};
}
