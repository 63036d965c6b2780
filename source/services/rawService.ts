// One resource exactly as the service describes it: the answer of the Describe call for that one resource (what
// the equivalent aws command prints), without the SDK's response metadata.
import type {Clients} from './clients.js';
import {smsModule} from './smsCommands.js';
import type {ResourceRef} from '../domain/resourceRef.js';

export interface RawAnswer {
	/** The aws CLI operation, e.g. "describe-phone-numbers". */
	operation: string;
	/** Its arguments, flag → value, for the equivalent command. */
	args: Record<string, string>;
	/** The service's answer (response metadata and paging token left out). */
	output: Record<string, unknown>;
}

function clean(out: object): Record<string, unknown> {
	const {$metadata: _metadata, NextToken: _next, ...rest} = out as Record<string, unknown>;
	return rest;
}

export async function describeRaw(clients: Clients, ref: ResourceRef, options: {signal?: AbortSignal} = {}): Promise<RawAnswer> {
	const m = await smsModule();
	const send = {abortSignal: options.signal};
	switch (ref.kind) {
		case 'number':
			return {
				operation: 'describe-phone-numbers',
				args: {'phone-number-ids': ref.id},
				output: clean(await clients.sms.send(new m.DescribePhoneNumbersCommand({PhoneNumberIds: [ref.id]}), send)),
			};
		case 'pool':
			return {operation: 'describe-pools', args: {'pool-ids': ref.id}, output: clean(await clients.sms.send(new m.DescribePoolsCommand({PoolIds: [ref.id]}), send))};
		case 'senderId':
			return {
				operation: 'describe-sender-ids',
				args: {'sender-ids': `SenderId=${ref.id},IsoCountryCode=${ref.country ?? ''}`},
				output: clean(await clients.sms.send(new m.DescribeSenderIdsCommand({SenderIds: [{SenderId: ref.id, IsoCountryCode: ref.country ?? ''}]}), send)),
			};
		case 'configSet':
			return {
				operation: 'describe-configuration-sets',
				args: {'configuration-set-names': ref.id},
				output: clean(await clients.sms.send(new m.DescribeConfigurationSetsCommand({ConfigurationSetNames: [ref.id]}), send)),
			};
		case 'optedOutNumber':
			return {
				operation: 'describe-opted-out-numbers',
				args: {'opt-out-list-name': ref.list ?? '', 'opted-out-numbers': ref.id},
				output: clean(await clients.sms.send(new m.DescribeOptedOutNumbersCommand({OptOutListName: ref.list ?? '', OptedOutNumbers: [ref.id]}), send)),
			};
		case 'verified':
			return {
				operation: 'describe-verified-destination-numbers',
				args: {'verified-destination-number-ids': ref.id},
				output: clean(await clients.sms.send(new m.DescribeVerifiedDestinationNumbersCommand({VerifiedDestinationNumberIds: [ref.id]}), send)),
			};
		case 'optOutList':
			return {
				operation: 'describe-opt-out-lists',
				args: {'opt-out-list-names': ref.id},
				output: clean(await clients.sms.send(new m.DescribeOptOutListsCommand({OptOutListNames: [ref.id]}), send)),
			};
	}
}
