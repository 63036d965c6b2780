import type {PhoneNumberInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type PhoneNumber = PhoneNumberInformation;

export async function listPhoneNumbers(clients: Clients, options: PageOptions<PhoneNumber> = {}): Promise<PhoneNumber[]> {
	const {DescribePhoneNumbersCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribePhoneNumbersCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {
			abortSignal: options.signal,
		});
		return {items: out.PhoneNumbers ?? [], next: out.NextToken};
	}, options);
}

export async function getPhoneNumber(clients: Clients, id: string): Promise<PhoneNumber | undefined> {
	const {DescribePhoneNumbersCommand} = await smsModule();
	const out = await clients.sms.send(new DescribePhoneNumbersCommand({PhoneNumberIds: [id]}));
	return out.PhoneNumbers?.[0];
}
