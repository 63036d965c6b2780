// The emulated Amazon Pinpoint push API (REST-JSON, signing name mobiletargeting): applications, their push
// channels and endpoints, and SendMessages to device tokens. Routed by restJson/front.ts on method and path.
import {InjectedFaults} from '../faults.js';
import {pinpointModel} from '../model/serviceModel.js';
import {ApiError, type EmulatedService, type EmulatorWorld} from '../types.js';
import {appHandlers} from './apps.js';
import {channelHandlers} from './channels.js';
import {PushContext} from './context.js';
import {endpointHandlers} from './endpoints.js';
import {applyPushSeed, type PushSeedName} from './seeds.js';
import {sendHandlers} from './send.js';

/** The key of the push service in --state files and the SigV4 signing name its requests carry. */
export const PINPOINT_SERVICE_KEY = pinpointModel.service.signingName!;

/** Every seed but `empty` has the default push applications. */
export function pushSeedFor(seed: string): PushSeedName {
	return seed === 'empty' ? 'empty' : 'default';
}

export function createPinpointService(world: EmulatorWorld, seed: PushSeedName): EmulatedService {
	const push = new PushContext(world);
	applyPushSeed(push, seed);
	const faults = new InjectedFaults();
	return {
		targetPrefix: PINPOINT_SERVICE_KEY,
		handlers: faults.wrap({...appHandlers(push), ...channelHandlers(push), ...endpointHandlers(push), ...sendHandlers(push)}),
		admin: {
			/** resetPush {seed?: 'default' | 'empty'}: the push state goes back to the seed's (default: `default`). */
			resetPush(body: {seed?: unknown}) {
				const chosen = body.seed ?? 'default';
				if (chosen !== 'default' && chosen !== 'empty') throw new ApiError('ValidationException', 'seed must be default or empty');
				applyPushSeed(push, chosen);
				push.dirty();
				return {ok: true, applications: Object.values(push.state.data.regions).reduce((n, r) => n + r.apps.length, 0)};
			},
			/** failPushNext: as failNext (faults.ts), for the push operations (code e.g. TooManyRequestsException). */
			failPushNext: (body: Record<string, unknown>) => faults.failNext({members: {}, ...body}),
		},
		snapshot: () => push.state.snapshot(),
		restore: data => push.state.restore(data),
	};
}
