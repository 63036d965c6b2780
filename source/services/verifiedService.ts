import type {VerifiedDestinationNumberInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type VerifiedNumber = VerifiedDestinationNumberInformation;

export async function listVerifiedNumbers(clients: Clients, options: PageOptions<VerifiedNumber> = {}): Promise<VerifiedNumber[]> {
	const {DescribeVerifiedDestinationNumbersCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribeVerifiedDestinationNumbersCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {
			abortSignal: options.signal,
		});
		return {items: out.VerifiedDestinationNumbers ?? [], next: out.NextToken};
	}, options);
}

/** A verified destination number by its E.164 number, its id or its ARN; undefined when there is none. */
export async function findVerifiedNumber(clients: Clients, value: string): Promise<VerifiedNumber | undefined> {
	const all = await listVerifiedNumbers(clients);
	return all.find(v => v.DestinationPhoneNumber === value || v.VerifiedDestinationNumberId === value || v.VerifiedDestinationNumberArn === value);
}
