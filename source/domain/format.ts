/**
 * Display formatting shared by the console and the scriptable subcommands.
 * Output is locale-independent (en-US grouping, ISO-like dates) so tables and
 * tests read the same everywhere. Missing or non-finite values show as "–"
 * ("-" in ASCII mode).
 */

export const MISSING = '–';
export const MISSING_ASCII = '-';

function missing(ascii?: boolean): string {
	return ascii ? MISSING_ASCII : MISSING;
}

/** 1024 → "1,024"; fractions keep up to two digits; undefined/NaN → "–". */
export function formatCount(n: number | undefined | null): string {
	if (n === undefined || n === null || !Number.isFinite(n)) return MISSING;
	// Whole numbers (nearly every count) without toLocaleString, whose first call loads ICU's number formats.
	if (Number.isSafeInteger(n)) return groupThousands(n);
	return n.toLocaleString('en-US', {maximumFractionDigits: 2});
}

/** A whole number with a comma every three digits, as en-US writes it: -1234567 → "-1,234,567". */
export function groupThousands(n: number): string {
	const digits = String(Math.abs(n));
	let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
	for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
	return n < 0 ? `-${out}` : out;
}

/**
 * US dollars with at least 2 and up to 5 decimals (event prices are in
 * thousandths of a cent): 0.00581 → "$0.00581", 0.013 → "$0.013", 5 → "$5.00",
 * 1234.5 → "$1,234.50", -1 → "-$1.00"; undefined/NaN → "–".
 */
export function formatPrice(usd: number | undefined | null): string {
	if (usd === undefined || usd === null || !Number.isFinite(usd)) return MISSING;
	const text = Math.abs(usd).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 5});
	return usd < 0 && text.replace(/[0.,]/g, '') !== '' ? `-$${text}` : `$${text}`;
}

/** Whole dollars for spend limits: 1000 → "$1,000"; undefined → "–". */
export function formatDollars(usd: number | undefined | null): string {
	if (usd === undefined || usd === null || !Number.isFinite(usd)) return MISSING;
	return `${usd < 0 ? '-' : ''}$${Math.abs(usd).toLocaleString('en-US', {maximumFractionDigits: 2})}`;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

export interface FormatTimeOptions {
	/** Show UTC (suffixed "Z") instead of local time. */
	utc?: boolean;
	/** Append milliseconds (".123"). */
	ms?: boolean;
}

/**
 * Epoch milliseconds → "2024-03-27 10:15:30" in local time, or
 * "2024-03-27 10:15:30Z" with {utc: true}; invalid → "–".
 */
export function formatTime(ms: number | undefined | null, options: FormatTimeOptions = {}): string {
	if (ms === undefined || ms === null || !Number.isFinite(ms)) return MISSING;
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) return MISSING;
	const utc = options.utc === true;
	const year = utc ? d.getUTCFullYear() : d.getFullYear();
	const month = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
	const day = utc ? d.getUTCDate() : d.getDate();
	const hours = utc ? d.getUTCHours() : d.getHours();
	const minutes = utc ? d.getUTCMinutes() : d.getMinutes();
	const seconds = utc ? d.getUTCSeconds() : d.getSeconds();
	const millis = utc ? d.getUTCMilliseconds() : d.getMilliseconds();
	const fraction = options.ms ? `.${pad(millis, 3)}` : '';
	return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}${utc ? 'Z' : ''}`;
}

/** true → "✓", false → "✗" (ASCII: "yes" / "no"); undefined → "–" ("-"). */
export function formatBool(b: boolean | undefined | null, ascii = false): string {
	if (b === undefined || b === null) return missing(ascii);
	if (ascii) return b ? 'yes' : 'no';
	return b ? '✓' : '✗';
}
