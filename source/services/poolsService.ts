import type {OriginationIdentityMetadata, PoolInformation} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {Clients} from './clients.js';
import {collectPages, SMS_PAGE_SIZE, type PageOptions} from './paginate.js';
import {smsModule} from './smsCommands.js';

export type Pool = PoolInformation;
export type PoolIdentity = OriginationIdentityMetadata;

export async function listPools(clients: Clients, options: PageOptions<Pool> = {}): Promise<Pool[]> {
	const {DescribePoolsCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(new DescribePoolsCommand({NextToken, MaxResults: SMS_PAGE_SIZE}), {abortSignal: options.signal});
		return {items: out.Pools ?? [], next: out.NextToken};
	}, options);
}

export async function listPoolIdentities(clients: Clients, poolId: string, options: PageOptions<PoolIdentity> = {}): Promise<PoolIdentity[]> {
	const {ListPoolOriginationIdentitiesCommand} = await smsModule();
	return collectPages(async NextToken => {
		const out = await clients.sms.send(
			new ListPoolOriginationIdentitiesCommand({PoolId: poolId, NextToken, MaxResults: SMS_PAGE_SIZE}),
			{abortSignal: options.signal},
		);
		return {items: out.OriginationIdentities ?? [], next: out.NextToken};
	}, options);
}
