// The emulated End User Messaging SMS and Voice v2 service (X-Amz-Target PinpointSMSVoiceV2.*).
import type {EmulatedService, EmulatorWorld, Handler} from '../types.js';
import {InjectedFaults} from '../faults.js';
import {accountHandlers} from './account.js';
import {adminActions} from './admin.js';
import {configSetHandlers} from './configSets.js';
import {EventScheduler} from './events.js';
import {keywordHandlers} from './keywords.js';
import type {RootState} from './model.js';
import {optOutHandlers} from './optOuts.js';
import {phoneNumberHandlers} from './phoneNumbers.js';
import {poolHandlers} from './pools.js';
import {protectHandlers} from './protect.js';
import {registrationHandlers} from './registrations.js';
import {applySeed, type SeedName} from './seeds.js';
import {sendHandlers} from './send.js';
import {senderIdHandlers} from './senderIds.js';
import {createSvc, emptyRoot} from './state.js';
import {tagHandlers} from './tags.js';
import {verifiedHandlers} from './verified.js';

export {SIMULATOR_CONFIG_SET, SIMULATOR_LOG_GROUP, SIMULATOR_ORIGINATION_NUMBER} from './seeds.js';
export {logStreamName} from './events.js';

export function createSmsVoiceService(world: EmulatorWorld, seed: SeedName): EmulatedService {
	const svc = createSvc(world);
	const events = new EventScheduler(svc);
	applySeed(svc, seed);
	const faults = new InjectedFaults();
	const handlers: Record<string, Handler> = faults.wrap({
		...accountHandlers(svc),
		...poolHandlers(svc),
		...phoneNumberHandlers(svc),
		...senderIdHandlers(svc),
		...configSetHandlers(svc),
		...keywordHandlers(svc),
		...optOutHandlers(svc),
		...verifiedHandlers(svc),
		...protectHandlers(svc),
		...registrationHandlers(svc),
		...sendHandlers(svc, events),
		...tagHandlers(svc),
	});
	return {
		targetPrefix: 'PinpointSMSVoiceV2',
		handlers,
		admin: {...adminActions(svc), failNext: (body: Record<string, unknown>) => faults.failNext(body)},
		snapshot: () => structuredClone(svc.root),
		restore(data: unknown) {
			const root = data as RootState | undefined;
			if (!root || root.version !== 1 || typeof root.regions !== 'object') throw new Error('not an sms-voice snapshot (version 1)');
			events.cancelAll();
			const fresh = emptyRoot();
			fresh.regions = structuredClone(root.regions);
			fresh.withheld = Array.isArray(root.withheld) ? [...root.withheld] : [];
			svc.root = fresh;
		},
	};
}
