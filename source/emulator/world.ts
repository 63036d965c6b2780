// Builds the EmulatorWorld shared by the services: account, clock, options, the logs and metrics writers, markDirty.
import type {Clock, EmulatorOptions, EmulatorWorld, LogsWriter, MetricsWriter} from './types.js';

export const DEFAULT_ACCOUNT_ID = '123456789012';

export const defaultOptions: EmulatorOptions = {
	eventDelayMs: 1000,
	throttle: false,
	liveTailTickMs: 1000,
	liveTailTimeoutMs: 3 * 60 * 60 * 1000,
};

export const realClock: Clock = {
	now: () => Date.now(),
	setTimeout(fn, ms) {
		const timer = setTimeout(fn, ms);
		timer.unref?.();
		return {cancel: () => clearTimeout(timer)};
	},
};

/** Drops every event until the logs service is attached with world.logs = … */
const detachedLogs: LogsWriter = {
	ensureLogGroup() {},
	appendEvents: () => false,
};

/** Drops every sample until the CloudWatch service is attached with world.metrics = … */
const detachedMetrics: MetricsWriter = {putSample() {}};

export interface WorldSettings {
	accountId?: string;
	clock?: Clock;
	options?: Partial<EmulatorOptions>;
	markDirty?: () => void;
}

export function createWorld(settings: WorldSettings = {}): EmulatorWorld {
	const options: EmulatorOptions = {...defaultOptions};
	for (const [key, value] of Object.entries(settings.options ?? {})) {
		if (value !== undefined) (options as unknown as Record<string, unknown>)[key] = value;
	}
	return {
		accountId: settings.accountId ?? DEFAULT_ACCOUNT_ID,
		clock: settings.clock ?? realClock,
		options,
		logs: detachedLogs,
		metrics: detachedMetrics,
		markDirty: settings.markDirty ?? (() => {}),
	};
}
