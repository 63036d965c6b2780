/**
 * Durations and relative times typed on the command line or in the console.
 *
 * Duration syntax: one or more <integer><unit> parts, units ms, s, m, h, d, w
 * (case-insensitive, optional spaces between parts): "30s", "5m", "1h30m",
 * "2d", "1w", "1h 30m". parseDuration also takes a bare integer as seconds
 * ("--timeout 60"); parseSince does not, because "--since 30" is ambiguous.
 *
 * parseSince also takes an ISO 8601 date or date-time: "2024-03-27",
 * "2024-03-27T10:15", "2024-03-27T10:15:30Z", "2024-03-27T10:15:30.5+02:00".
 * A date alone is midnight UTC; a date-time without an offset is local time
 * (JavaScript's rules).
 */

const UNIT_MS: Record<string, number> = {
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000,
	d: 86_400_000,
	w: 604_800_000,
};

export type DurationResult = {ok: true; ms: number} | {ok: false; reason: string};
export type SinceResult = {ok: true; time: number} | {ok: false; reason: string};

const EXAMPLES = '30s, 5m, 1h, 2d, 1w or 1h30m';

/** Parse a duration with reasons; see the module comment. */
export function checkDuration(text: string, options: {bareSeconds?: boolean} = {}): DurationResult {
	const input = text.trim().toLowerCase();
	if (input === '') return {ok: false, reason: `Enter a duration such as ${EXAMPLES}.`};
	if (/^\d+$/.test(input)) {
		if (options.bareSeconds) return bounded(Number(input) * 1000, text);
		return {ok: false, reason: `Add a unit to "${input}": for example ${input}s, ${input}m or ${input}h.`};
	}
	const part = /(\d+)\s*(ms|s|m|h|d|w)\s*/y;
	let total = 0;
	let index = 0;
	while (index < input.length) {
		part.lastIndex = index;
		const match = part.exec(input);
		if (match === null) return {ok: false, reason: `"${text.trim().slice(0, 30)}" is not a duration; use ${EXAMPLES}.`};
		total += Number(match[1]) * UNIT_MS[match[2]];
		index = part.lastIndex;
	}
	return bounded(total, text);
}

function bounded(ms: number, text: string): DurationResult {
	if (!Number.isSafeInteger(ms)) return {ok: false, reason: `"${text.trim().slice(0, 30)}" is too long a duration.`};
	return {ok: true, ms};
}

/** Duration in milliseconds ("60s" → 60000, "60" → 60000), or undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
	const result = checkDuration(text, {bareSeconds: true});
	return result.ok ? result.ms : undefined;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The point in time `text` refers to: a duration ago (relative to `now`) or an
 * ISO 8601 date/date-time. Times in the future are refused.
 */
export function parseSince(text: string, now: number): SinceResult {
	const input = text.trim();
	if (ISO_DATE_TIME.test(input)) {
		const normalized = input.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/\.(\d{3})\d+/, '.$1');
		const time = Date.parse(normalized);
		if (!Number.isFinite(time) || !sameCalendarDate(normalized, time)) {
			return {ok: false, reason: `"${input}" is not a valid date.`};
		}
		if (time > now) return {ok: false, reason: `"${input}" is in the future.`};
		return {ok: true, time};
	}
	const duration = checkDuration(input);
	if (!duration.ok) {
		return {ok: false, reason: `${duration.reason.replace(/\.$/, '')}, or an ISO 8601 date-time such as 2024-03-27T10:15:00Z.`};
	}
	return {ok: true, time: now - duration.ms};
}

/** Date.parse rolls 2024-02-30 over to March; refuse such dates. */
function sameCalendarDate(normalized: string, time: number): boolean {
	const [year, month, day] = normalized.slice(0, 10).split('-').map(Number);
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day <= daysInMonth && Number.isFinite(time);
}

/**
 * Compact age for tables: "0s" … "59s", "1m" … "59m", "1h", "1h4m" … "23h59m",
 * "1d", "2d3h" and so on. Negative ages (clock skew) show as "0s".
 */
export function formatAge(ms: number): string {
	if (!Number.isFinite(ms) || ms < 1000) return '0s';
	const seconds = Math.floor(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	const days = Math.floor(hours / 24);
	return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
}

/** An exact duration for messages: "250ms", "30s", "1m30s", "2h5m" (seconds rounded). */
export function formatDuration(ms: number): string {
	if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
	const seconds = Math.round(ms / 1000);
	const parts: string[] = [];
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	if (hours) parts.push(`${hours}h`);
	if (minutes) parts.push(`${minutes}m`);
	if (seconds % 60 || parts.length === 0) parts.push(`${seconds % 60}s`);
	return parts.join('');
}
