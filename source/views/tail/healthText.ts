// The tail's health in words for the status line: transport, events/s, sampled, lag, THROTTLED, RECONNECTING,
// stopped with the reason. Shared by the view and its tests.
import type {TailHealth} from '../../services/tailTypes.js';

export interface HealthParts {
	/** LIVE, POLL, CONNECTING, RECONNECTING, STOPPED. */
	badge: string;
	tone: 'ok' | 'warn' | 'error' | 'muted';
	text: string;
}

function seconds(ms: number): string {
	return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms / 1000)}s`;
}

export function healthParts(h: TailHealth, now = Date.now()): HealthParts {
	const rate = `${h.eventsPerSecond.toLocaleString('en-US', {maximumFractionDigits: 1})} ev/s`;
	const bits: string[] = [];
	if (h.state === 'stopped') return {badge: 'STOPPED', tone: 'error', text: h.stoppedReason ?? 'stopped'};
	const throttleLeft = h.throttledUntil !== undefined ? h.throttledUntil - now : 0;
	if (throttleLeft > 0) bits.push(`THROTTLED (${Math.ceil(throttleLeft / 1000)}s)`);
	bits.push(rate);
	if (h.transport === 'LIVE') bits.push(`sampled: ${h.sampled ? 'YES' : 'no'}`);
	if (h.lagMs !== undefined) bits.push(`lag ${seconds(h.lagMs)}`);
	if (h.note) bits.push(h.note);
	if (h.state === 'reconnecting') return {badge: 'RECONNECTING', tone: 'warn', text: bits.join(' · ')};
	if (h.state === 'connecting') return {badge: 'CONNECTING', tone: 'muted', text: bits.join(' · ')};
	const badge = h.transport ?? (h.state === 'live' ? 'LIVE' : 'POLL');
	return {badge, tone: throttleLeft > 0 || h.transport === 'POLL' ? 'warn' : 'ok', text: bits.join(' · ')};
}
