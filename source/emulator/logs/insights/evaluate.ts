// Values, records and compiled expressions of the Logs Insights engine.
// A record answers field names: the system fields (@message, @timestamp, @ingestionTime, @logStream, @log, @ptr),
// the fields of a JSON message (discovered on first use; nested members by dotted name, `a.b.0`), and the fields a
// `fields … as NAME` command computed. Expressions compile once to closures over a record.
import type {Expr, Period} from './parser.js';

/** A point in time (epoch ms): compares as its number, shown as the service shows timestamps. */
export class Time {
	constructor(readonly ms: number) {}
}

export type Value = number | string | boolean | Time | object | null | undefined;

export interface Rec {
	get(name: string): Value;
	/** @timestamp as a number, when the record has one cheaply (an event). */
	timestampMs?(): number;
	set(name: string, value: Value): void;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2024-05-19 06:10:35.743` (UTC), as GetQueryResults shows @timestamp and bin() values. */
export function formatTime(ms: number): string {
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) return String(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** The text GetQueryResults answers for a value; undefined leaves the field out of the row. */
export function formatValue(value: Value): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		// 15 significant digits: sums and averages of prices show 0.016, not 0.015999999999999997.
		return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Time) return formatTime(value.ms);
	return JSON.stringify(value);
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A value as a number (numeric text counts; true is 1), or null. */
export function toNumber(value: Value): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (value instanceof Time) return value.ms;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
	return null;
}

function toText(value: Value): string | null {
	if (value === null || value === undefined) return null;
	return formatValue(value) ?? null;
}

function truthy(value: Value): boolean {
	if (value === null || value === undefined) return false;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	if (typeof value === 'string') return value !== '' && value !== 'false';
	return true;
}

/** Equality as filters use it: numbers by value (numeric text too), JSON true/false also as 1/0 and "true"/"false". */
export function valuesEqual(a: Value, b: Value): boolean {
	if (a === null || a === undefined || b === null || b === undefined) return false;
	if (typeof a === 'boolean' || typeof b === 'boolean') {
		const x = typeof a === 'boolean' ? a : typeof a === 'string' ? (a === 'true' ? true : a === 'false' ? false : null) : toNumber(a) === 1 ? true : toNumber(a) === 0 ? false : null;
		const y = typeof b === 'boolean' ? b : typeof b === 'string' ? (b === 'true' ? true : b === 'false' ? false : null) : toNumber(b) === 1 ? true : toNumber(b) === 0 ? false : null;
		return x !== null && x === y;
	}
	const bothText = typeof a === 'string' && typeof b === 'string';
	if (!bothText) {
		const x = toNumber(a);
		const y = toNumber(b);
		if (x !== null && y !== null) return x === y;
	}
	return toText(a) === toText(b);
}

/** Ordering: numerically when both are numbers (or numeric text), else as text. null when either is missing. */
export function compareValues(a: Value, b: Value): number | null {
	if (a === null || a === undefined || b === null || b === undefined) return null;
	const x = toNumber(a);
	const y = toNumber(b);
	if (x !== null && y !== null) return x - y;
	const s = toText(a)!;
	const t = toText(b)!;
	return s < t ? -1 : s > t ? 1 : 0;
}

/** Sort order: present values by compareValues, missing values after every present one. */
export function sortCompare(a: Value, b: Value): number {
	const aMissing = a === null || a === undefined;
	const bMissing = b === null || b === undefined;
	if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
	return compareValues(a, b)!;
}

/** The start of the bin (epoch ms) that holds `ms`: fixed widths from the epoch, months by the UTC calendar. */
export function binStart(ms: number, period: Period): number {
	if (period.ms !== undefined) return Math.floor(ms / period.ms) * period.ms;
	const d = new Date(ms);
	const months = d.getUTCFullYear() * 12 + d.getUTCMonth();
	const start = Math.floor(months / period.months) * period.months;
	return Date.UTC(Math.floor(start / 12), start % 12, 1);
}

export type Compiled = (rec: Rec) => Value;

/** How an aggregate call reads its finished value (stats output); absent outside stats. */
export type AggregateLookup = (call: Expr & {kind: 'call'}) => Compiled;

function arithmetic(op: string, x: number, y: number): number | null {
	switch (op) {
		case '+':
			return x + y;
		case '-':
			return x - y;
		case '*':
			return x * y;
		case '/':
			return y === 0 ? null : x / y;
		case '%':
			return y === 0 ? null : x % y;
		default:
			return x ** y;
	}
}

export function compile(expr: Expr, aggregate?: AggregateLookup): Compiled {
	switch (expr.kind) {
		case 'number': {
			const value = expr.value;
			return () => value;
		}
		case 'string': {
			const value = expr.value;
			return () => value;
		}
		case 'field': {
			const name = expr.name;
			return rec => rec.get(name);
		}
		case 'regex':
		case 'duration':
			// The parser lets these appear only where they are consumed directly (like, bin).
			return () => null;
		case 'unary': {
			const operand = compile(expr.operand, aggregate);
			if (expr.op === 'not') return rec => !truthy(operand(rec));
			return rec => {
				const x = toNumber(operand(rec));
				return x === null ? null : -x;
			};
		}
		case 'binary': {
			const left = compile(expr.left, aggregate);
			const right = compile(expr.right, aggregate);
			switch (expr.op) {
				case 'and':
					return rec => truthy(left(rec)) && truthy(right(rec));
				case 'or':
					return rec => truthy(left(rec)) || truthy(right(rec));
				case '=':
					return rec => valuesEqual(left(rec), right(rec));
				case '!=':
					return rec => {
						const a = left(rec);
						const b = right(rec);
						return a !== null && a !== undefined && b !== null && b !== undefined && !valuesEqual(a, b);
					};
				case '<':
				case '<=':
				case '>':
				case '>=': {
					const op = expr.op;
					return rec => {
						const c = compareValues(left(rec), right(rec));
						if (c === null) return false;
						return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
					};
				}
				default: {
					const op = expr.op;
					return rec => {
						const x = toNumber(left(rec));
						const y = toNumber(right(rec));
						return x === null || y === null ? null : arithmetic(op, x, y);
					};
				}
			}
		}
		case 'like': {
			const subject = compile(expr.subject, aggregate);
			const {pattern, negate} = expr;
			const test = typeof pattern === 'string' ? (text: string) => text.includes(pattern) : (text: string) => pattern.test(text);
			return rec => {
				const text = toText(subject(rec));
				if (text === null) return false;
				return test(text) !== negate;
			};
		}
		case 'in': {
			const subject = compile(expr.subject, aggregate);
			const items = expr.items.map(item => compile(item, aggregate));
			const negate = expr.negate;
			return rec => {
				const value = subject(rec);
				if (value === null || value === undefined) return false;
				return items.some(item => valuesEqual(value, item(rec))) !== negate;
			};
		}
		case 'call':
			return compileCall(expr, aggregate);
	}
}

function compileCall(expr: Expr & {kind: 'call'}, aggregate?: AggregateLookup): Compiled {
	if (aggregate && ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'pct'].includes(expr.name)) return aggregate(expr);
	if (expr.name === 'bin') {
		const period = (expr.args[0] as Expr & {kind: 'duration'}).period;
		// Events come in time order, so the bin of the previous one is usually the bin of the next.
		let last: Time | undefined;
		return rec => {
			const at = rec.timestampMs ? rec.timestampMs() : toNumber(rec.get('@timestamp'));
			if (at === null) return null;
			const start = binStart(at, period);
			if (last?.ms !== start) last = new Time(start);
			return last;
		};
	}
	const args = expr.args.map(arg => compile(arg, aggregate));
	const [first] = args;
	const numeric = (f: (x: number) => number): Compiled => rec => {
		const x = toNumber(first(rec));
		return x === null ? null : f(x);
	};
	const textual = (f: (s: string) => Value): Compiled => rec => {
		const s = toText(first(rec));
		return s === null ? null : f(s);
	};
	switch (expr.name) {
		case 'abs':
			return numeric(Math.abs);
		case 'ceil':
			return numeric(Math.ceil);
		case 'floor':
			return numeric(Math.floor);
		case 'strlen':
			return textual(s => s.length);
		case 'tolower':
			return textual(s => s.toLowerCase());
		case 'toupper':
			return textual(s => s.toUpperCase());
		case 'ispresent':
			return rec => {
				const v = first(rec);
				return v !== null && v !== undefined;
			};
		case 'isempty':
			return rec => {
				const v = first(rec);
				return v === null || v === undefined || v === '';
			};
		case 'concat':
			return rec => args.map(arg => toText(arg(rec)) ?? '').join('');
		case 'coalesce':
			return rec => {
				for (const arg of args) {
					const v = arg(rec);
					if (v !== null && v !== undefined) return v;
				}
				return null;
			};
		default:
			return () => null;
	}
}

/** The fields a record computed with `fields … as NAME`, kept beside whatever answers the other names. */
export class RowRec implements Rec {
	constructor(private readonly values: Map<string, Value> = new Map()) {}
	get(name: string): Value {
		return this.values.get(name);
	}
	set(name: string, value: Value): void {
		this.values.set(name, value);
	}
}
