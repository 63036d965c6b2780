import type {SenderIdInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type SenderId = SenderIdInformation;

export async function listSenderIds(clients: Clients, options: PageOptions<SenderId> = {}): Promise<SenderId[]> {
	const {DescribeSenderIdsCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribeSenderIdsCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: options.signal});
		return {items: out.SenderIds ?? [], next: out.NextToken};
	}, options);
}

export async function getSenderId(clients: Clients, senderId: string, isoCountryCode: string): Promise<SenderId | undefined> {
	const {DescribeSenderIdsCommand} = await smsModule();
	const out = await clients.sms.send(new DescribeSenderIdsCommand({SenderIds: [{SenderId: senderId, IsoCountryCode: isoCountryCode}]}));
	return out.SenderIds?.[0];
}
