import type {KeywordInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type Keyword = KeywordInformation;

export async function listKeywords(clients: Clients, originationIdentity: string, options: PageOptions<Keyword> = {}): Promise<Keyword[]> {
	const {DescribeKeywordsCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(
			new DescribeKeywordsCommand({OriginationIdentity: originationIdentity, NextToken, MaxResults: SMS_PAGE_SIZE}),
			{abortSignal: options.signal},
		);
		return {items: out.Keywords ?? [], next: out.NextToken};
	}, options);
}
