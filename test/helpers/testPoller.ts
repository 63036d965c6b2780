// A TEMPORARY stand-in for services/tailEngine.ts, for tests only, until the engine lands: polls
// FilterLogEvents with the contract of tailTypes.ts (StartTail). Not a second engine: no live tail,
// no backoff, no dedup window beyond event ids.
import {FilterLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import type {StartTail, TailHealth} from '../../source/services/tailTypes.js';

export const pollingTail: StartTail = (clients, source, options, callbacks) => {
	let stopped = false;
	const seen = new Set<string>();
	let health: TailHealth = {transport: 'POLL', state: 'polling', eventsPerSecond: 0, sampled: false};
	let resolveDone!: () => void;
	const done = new Promise<void>(r => (resolveDone = r));
	const since = options.since ?? Date.now();
	const tick = async () => {
		while (!stopped) {
			try {
				let nextToken: string | undefined;
				do {
					const out = await clients.logs.send(
						new FilterLogEventsCommand({logGroupIdentifier: source.logGroupIdentifier, filterPattern: source.filterPattern, startTime: since, nextToken}),
					);
					const fresh = (out.events ?? []).filter(e => e.eventId && !seen.has(e.eventId));
					for (const e of fresh) seen.add(e.eventId!);
					if (fresh.length > 0 && !stopped) {
						callbacks.events(fresh.map(e => ({eventId: e.eventId, timestamp: e.timestamp ?? 0, ingestionTime: e.ingestionTime, logStreamName: e.logStreamName, message: e.message ?? ''})));
					}
					nextToken = out.nextToken;
				} while (nextToken && !stopped);
			} catch (error) {
				health = {...health, state: 'stopped', stoppedReason: (error as Error).message};
				callbacks.health?.(health);
				break;
			}
			if (options.follow === false) break;
			await new Promise(r => setTimeout(r, options.pollIntervalMs ?? 20));
		}
		stopped = true;
		resolveDone();
	};
	callbacks.health?.(health);
	void tick();
	return {
		stop: () => {
			stopped = true;
		},
		health: () => health,
		done,
	};
};
