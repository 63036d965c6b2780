import type {OptOutListInformation, OptedOutNumberInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type OptOutList = OptOutListInformation;
export type OptedOutNumber = OptedOutNumberInformation;

export async function listOptOutLists(clients: Clients, options: PageOptions<OptOutList> = {}): Promise<OptOutList[]> {
	const {DescribeOptOutListsCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribeOptOutListsCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: options.signal});
		return {items: out.OptOutLists ?? [], next: out.NextToken};
	}, options);
}

export async function listOptedOutNumbers(clients: Clients, listName: string, options: PageOptions<OptedOutNumber> = {}): Promise<OptedOutNumber[]> {
	const {DescribeOptedOutNumbersCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(
			new DescribeOptedOutNumbersCommand({OptOutListName: listName, NextToken, MaxResults: SMS_PAGE_SIZE}),
			{abortSignal: options.signal},
		);
		return {items: out.OptedOutNumbers ?? [], next: out.NextToken};
	}, options);
}
